"""The performance targets as ratios measured in one run, each judged PASS, MISS or SKIP."""

from __future__ import annotations


def _target(name: str, measured: float | None, limit: float, detail: str, below: bool = True) -> dict:
    if measured is None:
        status = "SKIP"
    else:
        status = "PASS" if (measured <= limit if below else measured >= limit) else "MISS"
    return {"target": name, "measured": measured, "limit": limit, "status": status, "detail": detail}


def _ratio(top: float | None, bottom: float | None) -> float | None:
    if top is None or not bottom:
        return None
    return top / bottom


def judge(sizes: dict[int, dict], reference: int | None, startup: dict, verify: dict) -> list[dict]:
    """Every target from the figures of this run; `reference` is the vault size the build ratios use.

    The growth target is judged only when the largest and the smallest size were both built; otherwise it is
    SKIP with the ratio over the sizes that were.
    """
    row = sizes.get(reference, {}) if reference else {}
    full = row.get("full", {}).get("seconds")
    full_wall = row.get("full", {}).get("wall")  # the build's process end to end, to compare commands with
    floor = row.get("floor", {}).get("seconds")
    mkdocs_index = row.get("mkdocs_index_nav", {}).get("seconds")
    site_only = row.get("site_only", {}).get("seconds")
    noop = row.get("rebuild_nothing", {}).get("seconds")
    one = row.get("rebuild_one", {}).get("seconds")
    serve = row.get("serve_edit", {}).get("seconds")
    largest_size = max(sizes, default=0)
    largest_full = sizes.get(largest_size, {}).get("full", {})
    peak = largest_full["maxrss_kb"] / 1024 if "seconds" in largest_full else None
    biggest = largest_full.get("largest_site_file") or [None, ""]
    at = f"at {reference} notes" if reference else "no size measured"
    per_note = {n: s["full"]["seconds"] / n for n, s in sizes.items() if s.get("full", {}).get("seconds")}
    growth = None
    growth_detail = "needs full builds at two sizes"
    if len(per_note) >= 2:
        small, large = min(per_note), max(per_note)
        growth = per_note[large] / per_note[small]
        growth_detail = (f"per-note {per_note[large] * 1000:.1f} ms at {large} / {per_note[small] * 1000:.1f} ms "
                         f"at {small}")
    unbuilt = [n for n in (min(sizes, default=0), max(sizes, default=0)) if n and n not in per_note]
    bare = startup.get("python", {}).get("seconds")
    helped = startup.get("flashgen_help", {}).get("seconds")
    verify_s = verify.get("seconds") if verify.get("ok") else None
    growth_target = _target("per-note time, largest / smallest size", growth, 1.3, growth_detail)
    if unbuilt:
        growth_target["status"] = "SKIP"
        growth_target["detail"] += f"; not built at {', '.join(map(str, sorted(set(unbuilt))))} notes"
    at_largest = f"at {largest_size} notes" + ("" if largest_size >= 10000 else " (the target is at 10000)")
    return [
        _target("full build / floor", _ratio(full, floor), 2.0, at),
        _target("site only (--no-decks) / mkdocs nav:[index.md]", _ratio(site_only, mkdocs_index), 1.0,
                at + " (must be faster)"),
        _target("nothing changed, the command / full build", _ratio(noop, full_wall), 0.05,
                at + ", both end to end"),
        _target("one note changed, the command / full build", _ratio(one, full_wall), 0.10,
                at + ", both end to end"),
        _target("serve: a note's write to the reload (s)", serve, 0.3, at + ", median of 3 edits"),
        _target("peak memory of a full build (MB)", peak, 1024, at_largest),
        _target("largest site file (MB)", biggest[0] / 1e6 if biggest[0] else None, 1.0,
                at_largest + (f": {biggest[1]}" if biggest[1] else "")),
        growth_target,
        _target("flashgen --help / python -c pass", _ratio(helped, bare), 3.0, "median start-up"),
        _target("verify lab6-6 --sim --solution (s)", verify_s, 1.0,
                "end to end" if verify.get("ok") else verify.get("note", "did not run")),
    ]
