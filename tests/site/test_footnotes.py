"""Footnotes on note pages, in transclusions too, with anchors that resolve."""

from __future__ import annotations

from tests.site.conftest import build_fixture_site


def test_footnotes_render_with_working_anchors(vault_copy, tmp_path):
    from tests.site.linkcheck import check_site

    (vault_copy / "각주.md").write_text("# 각주\n\n설명은 각주를 보세요.[^1]\n\n[^1]: kubectl rollout undo 로 되돌립니다.\n",
                                       encoding="utf-8")
    (vault_copy / "넣기.md").write_text("# 넣기\n\n![[각주]]\n\n![[각주#각주]]\n", encoding="utf-8")
    _, result = build_fixture_site(tmp_path / "site", vault_copy)
    html = (result.out_dir / "notes/각주.html").read_text(encoding="utf-8")
    assert 'class="footnotes"' in html and "kubectl rollout undo" in html
    assert check_site(result.out_dir)[0] == []
