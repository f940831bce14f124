"""Per-note work of a build, stage by stage, in one process: parse, manifest lint, card rules, card sides, the
site's part. Prints seconds per stage and milliseconds per note (`python bench/stages.py VAULT`)."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flashgen.cards import missing_images, note_cards  # noqa: E402
from flashgen.cards.counts import tally  # noqa: E402
from flashgen.cards.lint_warning import fence_warnings  # noqa: E402
from flashgen.kube import YAML_LANGS  # noqa: E402
from flashgen.kube.lint import lint_note  # noqa: E402
from flashgen.render.card_sides import CardLinker, render_sides  # noqa: E402
from flashgen.site import note_part  # noqa: E402
from flashgen.site.urls import SiteUrls  # noqa: E402
from flashgen.vault.parse import parse_file, vault_files  # noqa: E402


def main(vault_dir: str) -> None:
    gc.disable()  # as a build runs
    files, walked = vault_files(Path(vault_dir))
    urls = SiteUrls([f.path for f in walked.notes])
    linker = CardLinker(files)
    spent = dict.fromkeys(("parse", "lint", "cards", "sides", "part"), 0.0)

    def timed(stage, work):
        started = time.perf_counter()
        done = work()
        spent[stage] += time.perf_counter() - started
        return done

    for file in walked.notes:
        note, _ = timed("parse", lambda: parse_file(file, files.config))
        if note is None:
            continue
        yaml = any((code.lang or "").lower() in YAML_LANGS for code in note.code_blocks)
        lint = timed("lint", lambda: lint_note(note) if yaml else [])
        cards = timed("cards", lambda: note_cards(note, files.config, missing_images(note, files.resolve), lint))
        timed("sides", lambda: [render_sides(card, linker) for card in cards])
        timed("part", lambda: note_part(note, files, urls, tally(cards).cards,
                                        fence_warnings(note, lint, files.config) if lint else None))
    count = len(walked.notes)
    for stage, seconds in spent.items():
        print(f"{stage:6} {seconds:7.2f} s  {seconds / count * 1000:5.2f} ms/note")
    print(f"total  {sum(spent.values()):7.2f} s  {sum(spent.values()) / count * 1000:5.2f} ms/note ({count} notes)")


if __name__ == "__main__":
    main(sys.argv[1])
