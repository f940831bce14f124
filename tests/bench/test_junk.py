"""The junk scanner's sample shows the cards Anki makes: a cloze note of several numbers is several cards."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import junk  # noqa: E402

MANIFEST = ("# Admission\n## Webhook example\n```yaml\napiVersion: admissionregistration.k8s.io/v1\n"
            "kind: ValidatingWebhookConfiguration\nmetadata:\n  name: deny\nwebhooks:\n- name: deny.example.com\n"
            "  clientConfig:\n    service:\n      namespace: policy\n      name: hook\n  rules:\n"
            "  - operations: [\"CREATE\"]\n    apiGroups: [\"apps\"]\n    apiVersions: [\"v1\"]\n"
            "    resources: [\"deployments\"]\n  failurePolicy: Fail\n  sideEffects: None\n"
            "  admissionReviewVersions: [\"v1\"]\n```\n")


def test_a_sampled_cloze_card_hides_its_own_number_only(tmp_path: Path, capsys) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "Admission.md").write_text(MANIFEST, encoding="utf-8")
    cards, _ = junk.scan(vault, tmp_path / "scratch")
    [note] = [card for card in cards if card.model == "cloze"]
    numbers = junk.cloze_numbers(note)
    assert len(numbers) >= 2  # (the kind, and the webhook's keys)
    made = junk.anki_cards(cards)
    assert len(made) == len(cards) + len(numbers) - 1
    front = [junk.show(note, number).split("  A:")[0] for number in numbers]
    assert all(side.count("[...]") < junk.show(note).split("  A:")[0].count("[...]") for side in front)
    assert "kind: [...]" in front[0] and "kind: ValidatingWebhookConfiguration" in front[1]
    junk.main([str(vault), "--sample", str(len(made)), "--seed", "3"])  # (every card Anki makes, each once)
    printed = capsys.readouterr().out
    assert sum(line.startswith("#") for line in printed.split("\n")) == len(made)
    assert printed.count("kind: [...]") == 1  # (on the kind's own card only)


def test_a_sampled_card_shows_nested_and_numbered_lists_as_anki_does() -> None:
    """A reader of the sample sees a list as Anki shows it: an ordered list numbered (from its `start`), each
    nested item on a line of its own under its item, indented; not run into its item's line."""
    side = ("<ol>\n<li><strong>Controllers maintain desired replicas</strong>\n<ul>\n<li>Use a <strong>Deployment</strong>"
            "</li>\n</ul>\n</li>\n<li>Health probes\n<ul>\n<li>livenessProbe restarts</li>\n<li>readinessProbe gates</li>\n"
            "</ul>\n</li>\n</ol>\n<p>After.</p><ol start=\"3\"><li>three</li></ol>")
    assert junk.readable(side).split("\n") == [
        "1. Controllers maintain desired replicas", "   - Use a Deployment", "2. Health probes",
        "   - livenessProbe restarts", "   - readinessProbe gates", "After.", "3. three"]


def test_a_property_named_in_code_is_no_notes_metadata() -> None:
    """`Tags` → `2024-01-02` asks for the note's own metadata; `` `tag` `` → `Deprecated alias for tags.` names a
    property of the app, written in code: no junk."""
    meta = junk.Seen("basic", {"Front": "<p>Tags</p>", "Back": "<p>k8s, pods</p>"}, "n.md", 3)
    named = junk.Seen("basic", {"Front": "<p><code>tag</code></p>", "Back": "<p>Deprecated alias for tags.</p>"}, "n.md", 4)
    assert "metadata" in junk.check(meta, {}, {})
    assert "metadata" not in junk.check(named, {}, {})
