"""Rendering fragments: the plain-text shortcut gives exactly what markdown-it gives."""

from __future__ import annotations

from pathlib import Path

from flashgen.cards import extract_cards
from flashgen.render.html import render_markdown, renderer_for
from flashgen.vault.markdown import create_parser
from flashgen.vault.parse import parse_vault


def full(text: str) -> str:
    md = renderer_for(create_parser(False))
    env: dict = {}
    return md.renderer.render(md.parse(text, env), md.options, env)


def test_shortcut_matches_a_full_render(seed_vault: Path) -> None:
    samples = ["etcd", "key-value 데이터의 저장소", 'say "hi" to 파드', "3 replicas", "a - b", "x.y/z", "(괄호) 안",
               "- list", "1. step", "# head", "a #tag", "**b**", "a  b", "é ü", "x:y", "a@b.c", "www.x.io", " lead",
               "trail ", "50%", "a^b", "{{c1::x}}", "[[link]]", "==m==", "<b>x</b>", "a & b", "tab\there",
               # lines: one paragraph with line breaks, unless a line opens a block, ends a setext heading, is
               # blank, is indented or ends in spaces (a hard break)
               "노드마다 하나씩\nDaemonSet 에 적합", "a\nb\nc", "a\n\nb", "a\n- b", "a\n1. b", "a\n===",
               "a\n---", "a\n    b", "a  \nb", "a\n> b", "a\n# b", "a\n```", "a\n<div>", "a\n\n", "a\r\nb",
               "a\n2 replicas", "a\n\u3000b", "a \nb", "a\nb ",
               # a list of plain items: tight, unless an item is empty, nested, numbered or marked up
               "- 파드\n- 노드", "- a", "- a\nb", "- a\n-", "- a\n-  b", "- a\n  - b", "- a\n\n- b", "- a\n* b",
               "- a\n- **b**", "- a\n- 1. b", "-a\n-b", "- a\n- b\n"]
    for card in extract_cards(parse_vault(seed_vault)):
        samples.extend([card.front, card.back])
    for text in samples:
        assert render_markdown(text) == full(text), text


def test_cached_parses_render_with_each_callers_links() -> None:
    class Linker:
        def __init__(self, prefix: str) -> None:
            self.prefix = prefix

        def link(self, link, from_path):
            return f"{self.prefix}/{link.target}.html", True

        def image(self, link, from_path):
            return None

        def transclude(self, link, from_path, env):
            return None

        def tag_href(self, tag):
            return None

    text = "see [[파드]] and [md](서비스.md)"
    one = render_markdown(text, {"linker": Linker("a")})
    two = render_markdown(text, {"linker": Linker("b")})
    assert 'href="a/파드.html"' in one and 'href="b/파드.html"' in two
    assert 'href="a/서비스.md.html"' in one and 'href="b/서비스.md.html"' in two


def test_a_placeholder_in_angle_brackets_is_text_and_real_tags_stay_safe() -> None:
    """`<hostname>`, `<pod-name>` and `<YOUR_TOKEN>` are no HTML elements: the author wrote them as text (a browser
    would swallow them, and the line would read `형식: ...`). Harmless tags render; scripts still do not."""
    html = render_markdown("형식: <hostname>.<namespace>.<type>.<root>\n\n`kubectl logs` <pod-name> <YOUR_TOKEN>", {})
    assert "&lt;hostname&gt;.&lt;namespace&gt;.&lt;type&gt;.&lt;root&gt;" in html
    assert "&lt;pod-name&gt; &lt;YOUR_TOKEN&gt;" in html
    safe = render_markdown("a <b>bold</b> <script>alert(1)</script> <span onclick=x>s</span>", {})
    assert "<b>bold</b>" in safe and "<script" not in safe and "onclick" not in safe and "<span>s</span>" in safe
