"""The card-side fixes as a learner meets them: in Anki (the built .apkg imported into a real collection) and on the
study site (table of contents, search, backlinks and a note page that shows a manifest Kubernetes rejects)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from flashgen.build.pipeline import build
from tests.conftest import png_bytes, write_note

anki_collection = pytest.importorskip("anki.collection")

NOTE = """# **어떻게 구현할까요?**

## [[Pods]] 와 `kubectl`

#flashcards/k8s/basics 파드를 모두 보려면?::`kubectl get pods -A`

How do I watch pods?
?
Run this:
```bash
kubectl get pods -w
```

Control plane::![[diagram.png]]

## 크론잡

크론잡 정의는 이렇게:
```
spec:
  schedule: "0 3 * * *"
  JobTemplate:
    spec: {}
```

## 노드 정비

정비가 끝난 노드는 스케줄링을 다시 허용한다:
```bash
kubectl undordon worker-1
```

## 목차 하나

## 둘

## 셋
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("outputs")
    vault = root / "vault"
    write_note(vault, "Kubernetes.md", NOTE)
    write_note(vault, "Pods.md", "# Pods\nsee [[Kubernetes#크론잡]]\n")
    (vault / "diagram.png").write_bytes(png_bytes((9, 8, 7)))
    (root / "flashgen.toml").write_text('deck = "K8s"\n', encoding="utf-8")
    result = build(vault, root / "out")
    assert not result.errors, result.errors
    return root, result


@pytest.fixture(scope="module")
def collection(built, tmp_path_factory):
    _, result = built
    folder = tmp_path_factory.mktemp("anki")
    col = anki_collection.Collection(str(folder / "collection.anki2"))
    col.import_anki_package(anki_collection.ImportAnkiPackageRequest(
        package_path=str(result.deck_path), options=anki_collection.ImportAnkiPackageOptions(with_scheduling=False)))
    yield col
    col.close()


def _note(col, text: str):
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        if text in note.fields[0]:
            return note
    raise AssertionError(text)


def test_a_flashcards_tag_files_the_card_in_anki_under_the_vault_s_deck(collection) -> None:
    note = _note(collection, "파드를 모두 보려면?")
    deck = collection.decks.name(note.cards()[0].did)
    assert deck == "K8s::k8s::basics" and "#flashcards" not in note.fields[0]


def test_code_in_an_answer_is_highlighted_in_anki(collection) -> None:
    back = _note(collection, "How do I watch pods?").fields[1]
    assert re.search(r'<pre class="code highlight"[^>]*data-lang="bash"', back) and "style=" not in back
    assert "kubectl" in back and "get" in back and "Run this:" in back


def test_an_image_answer_is_packed(collection) -> None:
    back = _note(collection, "Control plane").fields[1]
    name = re.search(r'<img src="([^"]+)"', back).group(1)
    assert name.startswith("fg-") and (Path(collection.media.dir()) / name).is_file()


def test_breadcrumbs_in_anki_show_headings_as_read(collection) -> None:
    context = _note(collection, "파드를 모두 보려면?").fields[2]
    assert context == "Kubernetes › 어떻게 구현할까요? › Pods 와 kubectl"


def test_a_card_and_the_note_page_warn_about_a_rejected_manifest(built, collection) -> None:
    back = _note(collection, "크론잡").fields[1]
    assert "Kubernetes가 거부하는 매니페스트" in back and "jobTemplate" in back
    root, _ = built
    page = (root / "out" / "site" / "notes" / "Kubernetes.html").read_text(encoding="utf-8")
    warning = re.search(r'</pre>\s*<div class="callout manifest-warning"[^>]*>.*?</div></div>', page, re.S)
    assert warning and "jobTemplate" in warning.group(0)


def test_a_card_and_the_note_page_warn_about_a_command_kubectl_rejects(built, collection) -> None:
    back = _note(collection, "노드 정비").fields[1]
    assert "kubectl이 거부하는 명령" in back and "kubectl uncordon" in back
    root, result = built
    assert any(d.code == "kubectl-command" and d.line == 30 for d in result.warnings), result.warnings
    page = (root / "out" / "site" / "notes" / "Kubernetes.html").read_text(encoding="utf-8")
    warnings = re.findall(r'</pre>\s*<div class="callout manifest-warning"[^>]*>.*?</div></div>', page, re.S)
    assert [w for w in warnings if "kubectl이 거부하는 명령" in w and "kubectl uncordon" in w]


def test_the_site_shows_headings_as_read_in_toc_search_and_backlinks(built) -> None:
    root, _ = built
    site = root / "out" / "site"
    page = (site / "notes" / "Kubernetes.html").read_text(encoding="utf-8")
    toc = re.search(r'<nav class="toc".*?</nav>', page, re.S) or re.search(r"toc-\d.*", page, re.S)
    assert toc and "어떻게 구현할까요?" in toc.group(0) and "**" not in toc.group(0) and "[[" not in toc.group(0)
    records = []
    script = (site / "assets" / "search-data.js").read_text(encoding="utf-8")
    for name in json.loads(script[len("window.FLASHGEN_SEARCH="):].rstrip().rstrip(";"))["parts"]:
        part = (site / "assets" / name).read_text(encoding="utf-8")
        records += json.loads(part[part.index("=", part.index("]")) + 1:].rstrip().rstrip(";"))
    headings = {record[2] for record in records if record[0] == 1}
    assert "어떻게 구현할까요? › Pods 와 kubectl" in headings
    assert not [h for h in headings if "**" in h or "[[" in h or "`" in h]
    pods = (site / "notes" / "Pods.html").read_text(encoding="utf-8")
    assert "**" not in re.search(r'<section class="backlinks".*?</section>', pods, re.S).group(0)
