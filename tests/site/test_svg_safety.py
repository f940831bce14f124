"""SVG attachments on the site and in the deck: copies made safe, so that opening one on its own in a browser
runs none of its script (checked in headless Chromium from file://), while the picture itself stays."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from flashgen.build.pipeline import build
from flashgen.render.svg import clean_svg
from tests.conftest import write_note


HOSTILE = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"
     onload="document.title='ran:onload'">
  <script>document.title = 'ran:script'; localStorage.setItem('fg-stolen', '1')</script>
  <style>@import url(http://127.0.0.1:9/x.css); .box { fill: #0a7 }</style>
  <rect id="box" class="box" width="40" height="20" onmouseover="document.title='ran:hover'"/>
  <a xlink:href="javascript:document.title='ran:link'"><text x="2" y="14">쿠버</text></a>
  <set attributeName="href" to="javascript:document.title='ran:set'"/>
  <foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml">
    <iframe src="javascript:parent.document.title='ran:frame'"/></body></foreignObject>
</svg>
"""


def test_svg_copies_keep_the_picture_and_lose_the_script(tmp_path: Path, browser) -> None:
    vault = tmp_path / "vault"
    write_note(vault, "n.md", "# 그림\n- etcd - 저장소 ![[diagram.svg]]\n\n![[diagram.svg]]\n")
    (vault / "diagram.svg").write_text(HOSTILE, encoding="utf-8")
    write_note(vault, "broken.md", "# 깨진 그림\n![[broken.svg]]\n")
    (vault / "broken.svg").write_text("<svg><script>alert(1)</script", encoding="utf-8")
    out = tmp_path / "out"
    result = build(vault, out)
    assert not result.errors
    warned = {(d.path, d.code): d.message for d in result.diagnostics if d.code == "svg"}
    assert "<script>" in warned[("diagram.svg", "svg")] and "onload" in warned[("diagram.svg", "svg")]
    assert "not copied" in warned[("broken.svg", "svg")]
    [copy] = (out / "site" / "assets" / "img").glob("*.svg")
    with zipfile.ZipFile(result.deck_path) as package:
        packed = [package.read(name) for name in package.namelist() if package.read(name).lstrip().startswith(b"<svg")]
    assert len(packed) == 1
    for text in (copy.read_text(encoding="utf-8"), packed[0].decode("utf-8")):
        assert "script" not in text and "javascript" not in text and "onload" not in text and "@import" not in text
        assert 'id="box"' in text and "쿠버" in text  # the picture itself is kept
    hostile = tmp_path / "hostile.svg"
    hostile.write_text(HOSTILE, encoding="utf-8")
    original = browser.new_context()
    page = original.new_page()
    page.goto(hostile.as_uri())  # the original runs its script: the check can fail
    assert page.title().startswith("ran:")
    original.close()
    context = browser.new_context()  # storage of its own
    page = context.new_page()
    page.goto(copy.as_uri())
    page.hover("#box", position={"x": 38, "y": 18})  # a corner the text does not cover, whatever the font
    page.click("text=쿠버")
    page.wait_for_timeout(200)
    assert page.title() == "" and page.evaluate("localStorage.getItem('fg-stolen')") is None
    assert page.evaluate("document.getElementById('box').getBBox().width") == 40
    context.close()


@pytest.mark.parametrize("text", [
    b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
    b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY ' + bytes([98 + i]) + b' "' + (b"&" + bytes([97 + i]) + b";") * 10 + b'">' for i in range(8))
    + b']><svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>',
    b"<html><body><script>alert(1)</script></body></html>",
], ids=["external-entity", "entity-bomb", "not-svg"])
def test_svgs_that_read_files_expand_entities_or_are_not_svg_are_not_copied(text: bytes) -> None:
    assert clean_svg(text).text is None
