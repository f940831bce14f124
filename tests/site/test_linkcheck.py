"""Every internal link, anchor and image of the built site resolves; broken note links are reported instead."""

from __future__ import annotations

from pathlib import Path

from tests.site.linkcheck import check_site


def test_fixture_site_has_no_dead_internal_links(site):
    _, result = site
    problems, checked = check_site(result.out_dir)
    assert checked > 50
    assert problems == []


def test_broken_links_of_the_notes_are_styled_and_reported(site):
    _, result = site
    page = (result.out_dir / "notes/디플로이먼트.html").read_text(encoding="utf-8")
    assert '<span class="internal-link is-unresolved" title="missing note">없는 노트</span>' in page
    found = {(d.path, d.line, d.code) for d in result.broken_links}
    assert ("디플로이먼트.md", 42, "broken-link") in found
    assert ("디플로이먼트.md", 11, "missing-image") in found
    assert ("서비스.md", 4, "missing-heading") in found
    assert ("guides/Pod basics.md", 21, "broken-link") in found
    pod = (result.out_dir / "notes/guides/Pod basics.html").read_text(encoding="utf-8")
    assert 'class="internal-link is-unresolved"' in pod and ">the limits note</a>" in pod
    # the parse already reported the missing note and heading; the site adds only what it alone finds
    assert result.diagnostics == []


def test_seed_vault_site_has_no_dead_internal_links(tmp_path):
    from flashgen.cards import extract_cards
    from flashgen.site import build_site
    from flashgen.vault.parse import parse_vault

    vault = parse_vault(Path(__file__).parents[2] / "notes")
    result = build_site(vault, extract_cards(vault), tmp_path / "site")
    problems, checked = check_site(result.out_dir)
    assert checked > 20
    assert problems == []
