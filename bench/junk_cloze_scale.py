"""Cloze work grows linearly with the highlights of one paragraph or list: a glossary note of N highlights is
parsed, turned into cards and its cards rendered at N, 2N, 4N and 8N, and the CPU time per highlight compared.

    python bench/junk_cloze_scale.py              # N = 2,000 (up to 16,000 highlights)
    python bench/junk_cloze_scale.py --start 500  # a quick look

A near-linear stage keeps the per-highlight time flat: the printed ratio (largest / smallest) stays well under 2.
"""

from __future__ import annotations

import argparse
import sys
import time


def shapes(count: int) -> dict[str, str]:
    """Notes of `count` highlights each: a glossary list, one long paragraph, and unclosed markers."""
    return {
        "glossary list": "\n".join(f"- =={i}번 용어== - 설명 {{{{뜻 {i}}}}}" for i in range(count // 2)),
        "one paragraph": " ".join(f"==term{i}== and {{{{x{i}}}}}" for i in range(count // 2)),
        "unclosed markers": " ".join(f"==open{i} {{{{curly{i}" for i in range(count // 2)),
    }


def measure(text: str) -> float:
    """CPU seconds to parse the note, make its cards and render every cloze card's sides."""
    from flashgen.cards import note_cards
    from flashgen.config import Config
    from flashgen.render.html import render_cloze
    from flashgen.vault.parse import parse_note

    started = time.process_time()
    cards = note_cards(parse_note("glossary.md", "# 용어집\n" + text + "\n"), Config(vault_name="v", deck="v"))
    for card in cards:
        if card.kind == "cloze":
            render_cloze(card.front, mode="front")
            render_cloze(card.front, mode="back")
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--start", type=int, default=2000, help="highlights at the smallest size")
    args = parser.parse_args(argv)
    sizes = [args.start * factor for factor in (1, 2, 4, 8)]
    measure("==warm== up")
    worst = 0.0
    for shape in shapes(1):
        per = []
        for size in sizes:
            seconds = measure(shapes(size)[shape])
            per.append(seconds / size)
            print(f"{shape:18} {size:7} highlights {seconds:8.3f} s CPU  {seconds / size * 1e6:7.1f} µs each")
        ratio = per[-1] / per[0]
        worst = max(worst, ratio)
        print(f"{shape:18} per-highlight time at {sizes[-1]} / at {sizes[0]}: {ratio:.2f}")
    print(f"worst ratio {worst:.2f} ({'near linear' if worst < 2 else 'NOT linear'})")
    return 0 if worst < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
