"""Golden HTML of the fixture notes' pages; FLASHGEN_UPDATE_GOLDEN=1 rewrites the expected files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.site.conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
PAGES = {
    "디플로이먼트": "notes/디플로이먼트.html",
    "서비스": "notes/서비스.html",
    "pod-basics": "notes/guides/Pod basics.html",
    "cards-디플로이먼트": "cards/디플로이먼트.js",  # the card data the study page reads
    "study": "study.html",
    "lab6-3": "labs/lab6-3.html",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_golden(site, name):
    _, result = site
    actual = (result.out_dir / PAGES[name]).read_text(encoding="utf-8")
    expected_file = GOLDEN / (name + Path(PAGES[name]).suffix)
    if os.environ.get("FLASHGEN_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"no golden file {expected_file}; run with FLASHGEN_UPDATE_GOLDEN=1"
    assert actual == expected_file.read_text(encoding="utf-8"), (
        f"{PAGES[name]} differs from {expected_file.name}; if the change is intended, "
        "rerun with FLASHGEN_UPDATE_GOLDEN=1 and review the diff")
