"""Parsing notes: Obsidian links, tags, callouts, dated log lines, sections and line numbers."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from flashgen.render.html import render_markdown
from flashgen.vault.parse import parse_note, parse_vault
from tests.conftest import write_note


def test_seed_sections_follow_headings_and_lesson_lines(seed_vault: Path) -> None:
    note = parse_vault(seed_vault).notes[0]
    titles = [(s.level, s.title, s.implicit) for s in note.sections() if s.level]
    assert (1, "2 쿠버네티스 컴포넌트", False) in titles
    assert (2, "4 yaml 템플릿, api", False) in titles
    assert (2, "6-4. DaemonSet", True) in titles
    job = next(s for s in note.sections() if s.title == "6-6. job controller")
    assert job.path == ("6 레플리케이션 컨트롤러", "6-6. job controller")
    assert job.line == 106 and job.slug == "6-6-job-controller"


def test_seed_log_entries_run_until_the_next_date_or_heading(seed_vault: Path) -> None:
    note = parse_vault(seed_vault).notes[0]
    entries = {e.date: e for e in note.log_entries}
    assert sorted(entries) == [dt.date(2024, 1, d) for d in (18, 19, 23, 29, 30)]
    day = entries[dt.date(2024, 1, 29)]
    assert day.line == 88
    assert day.end_line < 146  # `# 7 서비스` ends it
    assert day.topics == ("6-4. DaemonSet", "6-5. Stateful sets", "6-6. job controller", "6-7 CronJob")
    assert entries[dt.date(2024, 1, 30)].section == ("7 서비스",)


def test_seed_code_blocks_have_language_and_lines(seed_vault: Path) -> None:
    note = parse_vault(seed_vault).notes[0]
    yaml_blocks = [c for c in note.code_blocks if c.lang == "yaml"]
    assert [c.fence_line for c in yaml_blocks] == [156, 181]
    assert yaml_blocks[0].code.startswith("apiVersion: apps/v1\nkind: Deployment")
    assert note.source.split("\n")[yaml_blocks[0].line - 1] == "apiVersion: apps/v1"


def test_wikilink_forms() -> None:
    text = ("[[파드]] [[파드|Pod]] [[파드#스펙]] [[파드#^abc]] ![[image.png]] ![[image.png|300]] "
            "![[image.png|300x200]] ![[노트]] ![[노트#제목]] [[My Note]] [md](other.md) ![alt](pic.jpg)\n")
    links = parse_note("n.md", text).links
    got = [(l.target, l.embed, l.heading, l.block, l.alias, l.width, l.height, l.wiki) for l in links]
    assert got == [
        ("파드", False, None, None, None, None, None, True),
        ("파드", False, None, None, "Pod", None, None, True),
        ("파드", False, "스펙", None, None, None, None, True),
        ("파드", False, None, "abc", None, None, None, True),
        ("image.png", True, None, None, None, None, None, True),
        ("image.png", True, None, None, None, 300, None, True),
        ("image.png", True, None, None, None, 300, 200, True),
        ("노트", True, None, None, None, None, None, True),
        ("노트", True, "제목", None, None, None, None, True),
        ("My Note", False, None, None, None, None, None, True),
        ("other.md", False, None, None, None, None, None, False),
        ("pic.jpg", True, None, None, "alt", None, None, False),
    ]


def test_links_resolve_as_obsidian_does(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    decomposed = unicodedata.normalize("NFD", "파드")
    write_note(vault, f"k8s/{decomposed}.md", "# pod\n")
    write_note(vault, "a/Same.md", "x\n")
    write_note(vault, "b/deep/Same.md", "x\n")
    write_note(vault, "b/Linker.md", "[[파드]] [[same]] [[b/deep/Same]] [[SAME.md]] [[없는 노트]]\n")
    write_note(vault, "Top.md", "[[Same]]\n")
    parsed = parse_vault(vault)
    linker = parsed.note("b/Linker.md")
    resolved = [parsed.resolve(l, linker.path) for l in linker.links]
    assert resolved == ["k8s/파드.md", "a/Same.md", "b/deep/Same.md", "a/Same.md", None]
    top = parsed.note("Top.md")
    assert parsed.resolve(top.links[0], top.path) == "a/Same.md"  # shortest path wins
    assert [d.line for d in parsed.diagnostics if d.code == "broken-link"] == [1]


def test_same_folder_wins_over_shorter_path(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    write_note(vault, "a/Same.md", "x\n")
    write_note(vault, "b/c/Same.md", "x\n")
    write_note(vault, "b/c/Linker.md", "[[Same]]\n")
    write_note(vault, "Same2.md", "x\n")
    write_note(vault, "b/Same2.md", "x\n")
    write_note(vault, "b/Other.md", "[[Same2]]\n")
    parsed = parse_vault(vault)
    note = parsed.note("b/c/Linker.md")
    assert parsed.resolve(note.links[0], note.path) == "b/c/Same.md"  # own folder beats a shorter path
    other = parsed.note("b/Other.md")
    assert parsed.resolve(other.links[0], other.path) == "Same2.md"  # an exact vault path wins


def test_tags_frontmatter_and_aliases() -> None:
    text = "---\ntags: [k8s, 쿠버네티스]\naliases: [파드]\n---\n본문 #k8s/pod #파드 and a#not #123 `#code`\n"
    note = parse_note("n.md", text)
    assert note.tag_names == ("k8s", "쿠버네티스", "k8s/pod", "파드")
    assert note.aliases == ("파드",)
    assert note.frontmatter["tags"] == ["k8s", "쿠버네티스"]
    assert [t.line for t in note.tags[2:]] == [5, 5]
    assert note.body_line == 5


def test_callouts_highlights_and_korean_emphasis_render() -> None:
    html = render_markdown("> [!warning] 주의\n> **파드(Pod)**를 먼저 ==만든다==\n")
    assert 'data-callout="warning"' in html and ">주의<" in html
    assert "<strong>파드(Pod)</strong>를" in html and "<mark>만든다</mark>" in html


def test_comments_are_dropped_but_not_inside_code() -> None:
    text = "보임 %%숨김%% <!-- 숨김2 -->\n\n```html\n<!-- 코드 -->\n```\n"
    note = parse_note("n.md", text)
    assert "숨김" not in note.root.blocks[0].source
    assert note.code_blocks[0].code == "<!-- 코드 -->\n"


def test_dated_heading_opens_an_entry_until_a_heading_of_its_level() -> None:
    text = "## 2024-02-01 파드 공부\n내용\n### 세부\n더\n## 다음\n끝\n"
    entry = parse_note("n.md", text).log_entries[0]
    assert (entry.date, entry.text, entry.line, entry.end_line) == (dt.date(2024, 2, 1), "파드 공부", 1, 4)


def test_invalid_dates_are_not_log_lines() -> None:
    assert parse_note("n.md", "2024-13-45\n").log_entries == ()


def test_links_to_missing_headings_and_blocks_are_reported(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    write_note(vault, "파드.md", "# 스펙\n문단 ^p1\n\n- 항목 ^p2\n\n6-4. DaemonSet\n")
    write_note(vault, "a.md", "[[파드#스펙]] [[파드#없는 제목]]\n[[파드#^p1]] [[파드#^nope]] [[파드#6-4. DaemonSet]] [[파드#^p2]]\n")
    found = [(d.line, d.message) for d in parse_vault(vault).diagnostics if d.code == "broken-anchor"]
    assert found == [(1, "no heading `없는 제목` in `파드`"), (2, "no block `^nope` in `파드`")]
