"""The Obsidian syntax plugins on small notes of their own: each `cases/<name>.md` is parsed and rendered, and
what comes out (HTML, blocks with their ids, links, warnings) must match `cases/<name>.out`.
FLASHGEN_UPDATE_GOLDEN=1 rewrites the expected files: read the diff before committing it."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import pytest

from flashgen.render.html import render_tokens
from flashgen.vault.files import attachment_kind
from flashgen.vault.parse import parse_note

CASES = Path(__file__).parent / "cases"


class CaseLinker:
    """Every file exists unless its name says `missing`; notes link to `<name>.html`, files to `files/<name>`."""

    def link(self, link, from_path):
        exists = "missing" not in link.target
        if link.external or not exists:
            return (link.target if link.external else None), exists
        name = posixpath.basename(link.target)
        if attachment_kind(name):
            return f"files/{name}", True
        fragment = "#^" + link.block if link.block else ("#" + link.heading if link.heading else "")
        return f"{name.removesuffix('.md')}.html{fragment}", True

    def image(self, link, from_path):
        return None if "missing" in link.target else f"files/{posixpath.basename(link.target)}"

    def transclude(self, link, from_path, env):
        return None

    def tag_href(self, tag):
        return None


def outcome(name: str) -> str:
    """What a case gives, as text: its HTML, then its blocks, links and warnings."""
    note = parse_note(f"{name}.md", (CASES / f"{name}.md").read_text(encoding="utf-8"))
    html = render_tokens(note.tokens, {"linker": CaseLinker(), "from": note.path})
    blocks = [f"{b.kind} {b.line}-{b.end_line}" + (f" ^{b.block_id}" if b.block_id else "")
              for section in note.sections() for b in section.blocks]
    links = [f"{l.line} {'embed' if l.embed else 'link'} {l.target}" + (f"#{l.heading}" if l.heading else "")
             + (f"#^{l.block}" if l.block else "") for l in note.links]
    warnings = [f"{d.line} {d.code}: {d.message}" for d in note.diagnostics]
    return "\n".join(["== html", html.rstrip(), "== blocks", *blocks, "== block ids",
                      *(f"^{b} {first}-{last}" for b, first, last in note.block_lines), "== links", *links,
                      "== warnings", *warnings]) + "\n"


@pytest.mark.parametrize("name", sorted(p.stem for p in CASES.glob("*.md")))
def test_case_matches_its_expected_outcome(name):
    actual = outcome(name)
    expected = CASES / f"{name}.out"
    if os.environ.get("FLASHGEN_UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert expected.exists(), f"no {expected.name}; run with FLASHGEN_UPDATE_GOLDEN=1 and read it"
    assert actual == expected.read_text(encoding="utf-8")
