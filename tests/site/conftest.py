"""Shared fixtures: the fixture vault, a few cards and labs, and one site built from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flashgen.cards.model import Card
from flashgen.labs import Lab
from flashgen.site import build_site
from flashgen.vault.parse import parse_vault

FIXTURES = Path(__file__).parent / "fixtures"
VAULT = FIXTURES / "vault"


def card(kind: str, front: str, back: str, note_path: str, line: int, heading_path: tuple[str, ...],
         tags: tuple[str, ...] = (), anchor: str = "") -> Card:
    """A card as flashgen.cards makes them (the site's input), written out by hand for exact pages."""
    deck = ("vault",) + tuple(note_path[:-3].split("/"))
    return Card(kind=kind, front=front, back=back, note_path=note_path, line=line, heading_path=heading_path,
                tags=tags, rule="explicit", anchor=anchor or front, deck=deck)


def sample_cards() -> list[Card]:
    return [
        card("basic", "디플로이먼트의 전략 두 가지는?", "**롤링업데이트**와 재생성(Recreate)", "디플로이먼트.md", 12,
             ("디플로이먼트", "전략"), ("k8s",), "card-deploy-1"),
        card("reversed", "Deployment", "디플로이먼트: [[서비스]] 앞의 파드를 관리", "디플로이먼트.md", 8,
             ("디플로이먼트",), (), "card-deploy-2"),
        card("cloze", "서비스는 {{c1::파드}} 앞에 섭니다", "", "서비스.md", 3, ("서비스",), (), "card-svc-1"),
        card("basic", "What does a readiness probe decide?", "Whether traffic goes to the pod ([[서비스]])", "guides/Pod basics.md",
             15, ("Pod basics", "Probes", "Readiness"), (), "card-pod-1"),
    ]


def sample_labs() -> list[Lab]:
    return [Lab(id="lab6-3", title="Deployment: roll out a new image", note="디플로이먼트", heading="전략",
                task_ko="`web` 디플로이먼트를 만들고 이미지를 바꿔 **롤링업데이트**를 관찰하세요.",
                task_en="Create the `web` Deployment, change its image and watch the rolling update.",
                hints=("`kubectl rollout status deploy/web`",), solution=(), checks=(), path="labs/lab6-3.yaml")]


def build_fixture_site(out: Path, vault_dir: Path = VAULT, cards=None, labs=None):
    vault = parse_vault(vault_dir)
    result = build_site(vault, sample_cards() if cards is None else cards, out,
                        labs=sample_labs() if labs is None else labs)
    return vault, result


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for the test module, found as tests/browsers.py says; the tests that need it are
    skipped with NONE_FOUND (which the summary reports loudly) when there is none."""
    from tests.browsers import NONE_FOUND, find_chromium, how_to_get_one

    sync_api = pytest.importorskip("playwright.sync_api", reason=f"{NONE_FOUND}: the playwright package is missing")
    with sync_api.sync_playwright() as p:
        path, looked = find_chromium(p.chromium.executable_path)
        if path is None:
            pytest.skip(f"{NONE_FOUND} (looked at {'; '.join(looked)}); {how_to_get_one()}")
        launched = p.chromium.launch(executable_path=path, args=BROWSER_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """(vault, SiteResult) of the fixture vault built once for the whole session, its search data in a file
    per note (so that the browser tests load several)."""
    from flashgen.site import search_index

    out = tmp_path_factory.mktemp("build") / "site"
    chunk, search_index.CHUNK_NOTES = search_index.CHUNK_NOTES, 1
    try:
        return build_fixture_site(out)
    finally:
        search_index.CHUNK_NOTES = chunk


@pytest.fixture
def vault_copy(tmp_path) -> Path:
    """A writable copy of the fixture vault."""
    target = tmp_path / "vault"
    shutil.copytree(VAULT, target)
    return target
