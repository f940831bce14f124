"""The obsidian-spaced-repetition plugin's card-parsing behaviours (tests/cards_plugin_cases.yaml), built with
flashgen: card type and sides must agree on at least 95 % of the cases whose settings flashgen can express.

`python -m tests.test_cards_plugin` prints the agreement and every case that is not applicable, with its reason.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from flashgen.cards import note_cards
from flashgen.config import load_config
from flashgen.vault.parse import parse_note

CASES = yaml.safe_load((Path(__file__).parent / "cards_plugin_cases.yaml").read_text(encoding="utf-8"))
APPLICABLE = [case for case in CASES if "not_applicable" not in case]
READING_VIEW = [case for case in CASES if "reading_view" in case]


def flashgen_cards(case: dict, root: Path):
    """The explicit and cloze cards flashgen makes of the case's note, with its settings written in flashgen.toml."""
    lines = ["[cards]", "definitions = false", "terms = false", "lists = false", "questions = false",
             "explain = false", "manifests = false"]
    top = []
    for key, value in (case.get("settings") or {}).items():
        text = json.dumps(value, ensure_ascii=False)  # a JSON string or list of strings is valid TOML
        (top if key == "deck_hierarchy" else lines).append(f"{key} = {text}")
    vault = root / "vault"
    vault.mkdir(parents=True, exist_ok=True)
    (root / "flashgen.toml").write_text("\n".join(['deck = "v"'] + top + lines) + "\n", encoding="utf-8")
    config, problems = load_config(vault)
    assert not problems, problems
    path = case.get("path", "n.md")
    return note_cards(parse_note(path, case["note"], config), config), config


def shown(card) -> list[str]:
    """[type, front, back], a cloze as [cloze, text with each deletion as {{answer}}]."""
    if card.kind == "cloze":
        return ["cloze", re.sub(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", r"{{\1}}", card.front)]
    return [card.kind, card.front, card.back]


def agrees(case: dict, root: Path) -> bool:
    cards, _ = flashgen_cards(case, root)
    return [shown(card) for card in cards] == [[str(part) for part in card] for card in case["cards"]]


@pytest.mark.parametrize("case", APPLICABLE, ids=[case["id"] for case in APPLICABLE])
def test_plugin_case(case: dict, tmp_path: Path) -> None:
    cards, config = flashgen_cards(case, tmp_path)
    assert [shown(card) for card in cards] == [[str(part) for part in card] for card in case["cards"]]
    folder = case.get("path", "n.md").rpartition("/")[0]
    default = ("v",) + tuple(part for part in folder.split("/") if part) + (
        ("n",) if config.deck_hierarchy.endswith("note") else ())
    if "decks" in case:
        assert [card.deck for card in cards] == [("v",) + tuple(deck) for deck in case["decks"]]
    elif "deck" in case:
        assert {card.deck for card in cards} <= {("v",) + tuple(case["deck"])}
    elif "deck_note" not in case:
        assert {card.deck for card in cards} <= {default}
    if "block_id" in case:
        assert [card.block_id for card in cards] == [case["block_id"]]


@pytest.mark.parametrize("case", READING_VIEW, ids=[case["id"] for case in READING_VIEW])
def test_where_commonmark_and_the_plugin_disagree_flashgen_follows_the_reading_view(case: dict, tmp_path: Path) -> None:
    cards, _ = flashgen_cards(case, tmp_path)
    assert [shown(card) for card in cards] == case["reading_view"]


def test_the_cases_cover_the_plugin_s_tests_and_agree(tmp_path_factory) -> None:
    assert len({case["id"] for case in CASES}) == len(CASES)
    assert all(case.get("from") for case in CASES)
    agreed = sum(agrees(case, tmp_path_factory.mktemp("case")) for case in APPLICABLE)
    assert len(APPLICABLE) >= 100 and agreed / len(APPLICABLE) >= 0.95


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        results = [(case, agrees(case, Path(scratch) / case["id"])) for case in APPLICABLE]
    agreed = sum(ok for _, ok in results)
    print(f"{agreed} of {len(APPLICABLE)} applicable cases agree on card type and sides "
          f"({agreed / len(APPLICABLE):.1%}); {len(CASES) - len(APPLICABLE)} not applicable")
    for case, ok in results:
        if not ok:
            print(f"  disagrees: {case['id']}")
    for case in CASES:
        if "not_applicable" in case:
            print(f"  n/a {case['id']}: {case['not_applicable']}")
