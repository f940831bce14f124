"""flashgen's benchmark: builds of generated vaults beside the floor and mkdocs, the simulator and start-up."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rich.console import Console  # noqa: E402
from rich.markup import escape  # noqa: E402
from rich.table import Table  # noqa: E402

import mkdocs_site  # noqa: E402
import targets  # noqa: E402
import vaultgen  # noqa: E402
from measure import median_wall, run_child  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SKIPPABLE = ("floor", "mkdocs", "startup", "verify", "sim")
MKDOCS_DEFAULT_NAV_MAX = 2000  # its default nav renders every page into every page: quadratic beyond this
console = Console(highlight=False, width=None if sys.stdout.isatty() else 150)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=None, help="vault sizes, comma separated (default 500,2000,10000)")
    parser.add_argument("--quick", action="store_true", help="sizes 100,300 and fewer repetitions (smoke test)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "report.json")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--render", type=Path, default=None, metavar="REPORT",
                        help="print the tables of a saved JSON report (targets judged again) and measure nothing")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--max-build-seconds", type=float, default=None,
                        help="skip flashgen builds at a size whose projected full build takes longer (default 600, "
                             "quick 60)")
    parser.add_argument("--max-rebuild-seconds", type=float, default=None,
                        help="skip the two rebuilds at a size whose full build took longer (default 200, quick 60)")
    parser.add_argument("--sim-deployments", type=int, default=None, help="Deployments to settle (default 1000, quick 100; 0 skips)")
    parser.add_argument("--sim-timeout", type=float, default=None, help="seconds before the simulator run is "
                                                                        "abandoned (default 300, quick 60)")
    parser.add_argument("--skip", default="", help="measures left out, comma separated, of: " + ", ".join(SKIPPABLE)
                        + " (to measure the builds alone)")
    args = parser.parse_args(argv)
    args.skip = {name for name in args.skip.split(",") if name}
    if args.skip - set(SKIPPABLE):
        parser.error(f"--skip: unknown {', '.join(sorted(args.skip - set(SKIPPABLE)))}; known: {', '.join(SKIPPABLE)}")
    args.sizes = [int(s) for s in (args.sizes or ("100,300" if args.quick else "500,2000,10000")).split(",")]
    args.reps = 1 if args.quick else 3
    args.startup_runs = 5 if args.quick else 10
    args.max_build_seconds = args.max_build_seconds or (60 if args.quick else 600)
    args.max_rebuild_seconds = args.max_rebuild_seconds or (60 if args.quick else 200)
    if args.sim_deployments is None:
        args.sim_deployments = 100 if args.quick else 1000
    args.sim_timeout = args.sim_timeout or (60 if args.quick else 300)
    return args


def say(message: str) -> None:
    console.print(f"[dim]{time.strftime('%H:%M:%S')}[/dim] {message}")


def measure_size(count: int, args: argparse.Namespace, work: Path, notes: list[str],
                 projected: float | None) -> dict:
    """Everything measured on one generated vault of `count` notes."""
    row: dict = {"notes": count}
    folder = work / f"n{count}"
    vault_dir = folder / "vault" / "notes"
    started = time.perf_counter()
    vault = vaultgen.generate(vault_dir, count, args.seed)
    row["vault"] = {"generate_seconds": time.perf_counter() - started, "images": len(vault.images),
                    "missing_image_embeds": vault.missing_images, "broken_links": vault.broken_links,
                    "bytes": sum(p.stat().st_size for p in vault_dir.rglob("*.md"))}
    say(f"{count} notes generated ({row['vault']['bytes'] / 1e6:.1f} MB of Markdown)")

    if "floor" in args.skip:
        row["floor"] = {"skipped": "--skip floor"}
    else:
        row["floor"] = run_child("floor", str(vault_dir), str(folder / "floor"), str(args.reps))
        say(f"{count}: floor {_fmt(row['floor'])}")

    if projected is not None and projected > args.max_build_seconds:
        note = (f"flashgen builds at {count} notes skipped: projected {projected:.0f} s per full build (linear from "
                f"the previous size) exceeds --max-build-seconds {args.max_build_seconds:.0f}")
        notes.append(note)
        row["skipped"] = note
        say(note)
    else:
        out = folder / "out"
        limit = max(args.max_build_seconds, 120)
        row["full"] = run_child("build", str(vault_dir), str(out), timeout=limit)
        say(f"{count}: full build {_fmt(row['full'])}")
        if "seconds" in row["full"] and row["full"]["seconds"] > args.max_rebuild_seconds:
            note = (f"rebuilds at {count} notes skipped: the full build took {row['full']['seconds']:.0f} s, more "
                    f"than --max-rebuild-seconds {args.max_rebuild_seconds:.0f}")
            notes.append(note)
            say(note)
        elif "seconds" in row["full"]:
            command = ["-m", "flashgen", "build", "--notes", str(vault_dir), "--out", str(out)]
            row["rebuild_nothing"] = run_child("command", *command, timeout=limit)
            say(f"{count}: rebuild, nothing changed (the command) {_fmt(row['rebuild_nothing'])}")
            changed = vault.notes[len(vault.notes) // 2]
            vaultgen.edit_one_note(vault_dir, changed)
            row["rebuild_one"] = run_child("command", *command, timeout=limit)
            row["rebuild_one"]["changed_note"] = changed
            say(f"{count}: rebuild, one note changed (the command) {_fmt(row['rebuild_one'])}")
        if "seconds" in row["full"]:
            shutil.rmtree(out, ignore_errors=True)  # (the site-only build's memory may need the room)
            site_out = folder / "site-only"
            row["site_only"] = run_child("build", str(vault_dir), str(site_out), "site", timeout=limit)
            say(f"{count}: site only (--no-decks) {_fmt(row['site_only'])}")
            if "seconds" in row["site_only"] and row["full"]["seconds"] <= args.max_rebuild_seconds:
                edited = vault.notes[len(vault.notes) // 3]
                row["serve_edit"] = run_child("serve", str(vault_dir), str(site_out), edited, timeout=limit + 120)
                row["serve_edit"]["changed_note"] = edited
                say(f"{count}: flashgen serve, a note's write to the rebuild's message {_fmt(row['serve_edit'])}")
        full = row["full"]
        if "seconds" in full:
            full["per_note_ms"] = full["seconds"] / count * 1000
            full["cards_per_second"] = full.get("cards", 0) / full["seconds"] if full["seconds"] else None

    if "mkdocs" in args.skip:
        row["mkdocs_index_nav"] = row["mkdocs_default_nav"] = {"skipped": "--skip mkdocs"}
        if not args.work:
            shutil.rmtree(folder, ignore_errors=True)
        return row
    configs = mkdocs_site.prepare(vault_dir, folder / "mkdocs")
    row["mkdocs_index_nav"] = run_child("mkdocs", str(configs["index_nav"]), timeout=900)
    say(f"{count}: mkdocs nav:\\[index.md] {_fmt(row['mkdocs_index_nav'])}")
    if count <= MKDOCS_DEFAULT_NAV_MAX:
        row["mkdocs_default_nav"] = run_child("mkdocs", str(configs["default_nav"]), timeout=900)
        say(f"{count}: mkdocs default nav {_fmt(row['mkdocs_default_nav'])}")
    else:
        note = (f"mkdocs with its default nav skipped at {count} notes (it renders the whole nav into every page: "
                f"quadratic; only sizes up to {MKDOCS_DEFAULT_NAV_MAX} are run)")
        notes.append(note)
        row["mkdocs_default_nav"] = {"skipped": note}
    if not args.work:
        shutil.rmtree(folder, ignore_errors=True)
    return row


def _fmt(result: dict) -> str:
    if "seconds" in result:
        return f"{result['seconds']:.2f} s, peak {result.get('maxrss_kb', 0) / 1024:.0f} MB"
    if "timeout" in result:
        return f"[red]timed out after {result['timeout']:.0f} s[/red]"
    return f"[red]failed: {escape(str(result.get('error', result.get('skipped', '?'))))}[/red]"


def measure_startup(runs: int) -> dict:
    python = median_wall([sys.executable, "-c", "pass"], runs)
    helped = median_wall([sys.executable, "-m", "flashgen", "--help"], runs)
    entry = shutil.which("flashgen")
    result = {"runs": runs, "python": python, "flashgen_help": helped}
    if entry:
        result["flashgen_help_script"] = median_wall([entry, "--help"], runs)
    return result


def measure_verify(runs: int) -> dict:
    command = [sys.executable, "-m", "flashgen", "verify", "lab6-6", "--sim", "--solution"]
    result = median_wall(command, runs)
    result["command"] = "flashgen verify lab6-6 --sim --solution"
    if not result["ok"]:
        result["note"] = f"verify skipped: exit {result['exit_codes']}: {result['stderr'].strip()[-200:]}"
    return result


def measure_sim(args: argparse.Namespace, notes: list[str]) -> dict:
    import importlib.util

    if args.sim_deployments <= 0:
        note = "simulated cluster skipped: --sim-deployments 0"
        notes.append(note)
        return {"skipped": note, "deployments": 0}
    if importlib.util.find_spec("flashgen.sim") is None:
        note = "simulated cluster skipped: flashgen.sim is not importable yet"
        notes.append(note)
        return {"skipped": note}
    result = run_child("sim", str(args.sim_deployments), "3", timeout=args.sim_timeout)
    result["deployments"] = args.sim_deployments
    result["replicas"] = 3
    if "timeout" in result:
        partial = result.get("partial") or {}
        note = (f"simulated cluster: {args.sim_deployments} Deployments did not settle within "
                f"{args.sim_timeout:.0f} s (applied {partial.get('applied', 0)} in "
                f"{partial.get('seconds', 0):.1f} s)")
        notes.append(note)
    elif "error" in result:
        notes.append(f"simulated cluster failed: {result['error']}")
    return result


def print_tables(report: dict) -> None:
    table = Table(title="Builds (seconds; single runs except the floor and serve, medians; no change and 1 changed "
                        "are the `flashgen build` command end to end; peak MB of the full build)", header_style="bold")
    for column in ("notes", "cards", "floor", "full", "no change", "1 changed", "site only", "serve edit",
                   "mkdocs nav:\\[index.md]", "mkdocs default nav", "ms/note", "cards/s", "peak MB", "largest KB"):
        table.add_column(column, justify="right")

    def cell(result: dict | None) -> str:
        if not result:
            return "-"
        if "seconds" in result:
            return f"{result['seconds']:.2f}"
        if "timeout" in result:
            return "timeout"
        return "skip" if "skipped" in result else "error"

    for count, row in report["sizes"].items():
        full = row.get("full") or {}
        peaks = [full["maxrss_kb"]] if "maxrss_kb" in full else []
        largest = (full.get("largest_site_file") or [None])[0]
        table.add_row(str(count), str(full.get("cards", "-")), cell(row.get("floor")), cell(row.get("full")),
                      cell(row.get("rebuild_nothing")), cell(row.get("rebuild_one")), cell(row.get("site_only")),
                      cell(row.get("serve_edit")), cell(row.get("mkdocs_index_nav")), cell(row.get("mkdocs_default_nav")),
                      f"{full['per_note_ms']:.1f}" if "per_note_ms" in full else "-",
                      f"{full['cards_per_second']:.0f}" if full.get("cards_per_second") else "-",
                      f"{max(peaks) / 1024:.0f}" if peaks else "-", f"{largest / 1024:.0f}" if largest else "-")
    console.print(table)

    other = Table(title="Start-up, verify and the simulated cluster", header_style="bold")
    other.add_column("measure")
    other.add_column("seconds", justify="right")
    startup = report["startup"]
    if startup:
        other.add_row(f"python -c pass (median of {startup['runs']})", f"{startup['python']['seconds']:.3f}")
        other.add_row(f"python -m flashgen --help (median of {startup['runs']})",
                      f"{startup['flashgen_help']['seconds']:.3f}")
    if "flashgen_help_script" in startup:
        other.add_row("flashgen --help, console script", f"{startup['flashgen_help_script']['seconds']:.3f}")
    verify = report["verify"]
    other.add_row("flashgen verify lab6-6 --sim --solution",
                  f"{verify['seconds']:.3f}" if verify.get("ok") else "skip")
    sim = report["sim"]
    label = f"sim: {sim.get('deployments', '?')} Deployments x 3 replicas, apply + settle"
    if "seconds" in sim:
        other.add_row(label, f"{sim['seconds']:.2f}")
        other.add_row("  of which apply / settle", f"{sim['apply_seconds']:.2f} / {sim['settle_seconds']:.2f}")
        other.add_row("  pods running", f"{sim['running']} of {sim['pods']}")
    else:
        other.add_row(label, "timeout" if "timeout" in sim else "skip")
    console.print(other)

    judged = Table(title="Targets (ratios from this run)", header_style="bold")
    for column in ("target", "measured", "limit", "", "detail"):
        judged.add_column(column)
    colours = {"PASS": "green", "MISS": "red", "SKIP": "yellow"}
    for item in report["targets"]:
        measured = "-" if item["measured"] is None else f"{item['measured']:.3f}"
        judged.add_row(escape(item["target"]), measured, f"{item['limit']:g}",
                       f"[{colours[item['status']]}]{item['status']}[/]", escape(item["detail"]))
    console.print(judged)
    for note in report["notes"]:
        console.print(f"[yellow]note:[/yellow] {escape(note)}")


def _commit() -> str | None:
    """The checked-out commit of the project, when it is a git checkout."""
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout.strip() or None


def write_report(report: dict, path: Path) -> None:
    """The JSON report, written atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".report-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(report, stream, ensure_ascii=False, indent=1)
    os.replace(temp, path)


def render(path: Path) -> int:
    """Print a saved report's tables."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        console.print(f"[red]error:[/red] {escape(str(path))}: cannot read the report: {escape(str(exc))}")
        return 2
    report["sizes"] = {int(count): row for count, row in report["sizes"].items()}
    report["targets"] = targets.judge(report["sizes"], report.get("reference_size"), report["startup"],
                                      report["verify"])
    print_tables(report)
    return 0


def _compile_bytecode() -> None:
    """Compile flashgen's modules to bytecode first, as installing a package does: commands are timed as a user
    runs them, and a user's flashgen is imported from its bytecode. Where the environment forbids writing it on
    import (PYTHONDONTWRITEBYTECODE), every command would otherwise compile its hundred-odd modules again
    (a quarter of a second of a one-note rebuild)."""
    import compileall

    import flashgen

    compileall.compile_dir(Path(flashgen.__file__).resolve().parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render:
        return render(args.render)
    started = time.perf_counter()
    notes: list[str] = []
    work = args.work or Path(tempfile.mkdtemp(prefix="flashgen-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "quick": args.quick,
                    "machine": {"python": platform.python_version(), "platform": platform.platform(),
                                "cpus": os.cpu_count()},
                    "commit": _commit(), "seed": args.seed, "sizes": {}, "notes": notes}
    _compile_bytecode()
    try:
        report["startup"] = {}
        if "startup" not in args.skip:
            say("start-up: python -c pass against flashgen --help")
            report["startup"] = measure_startup(args.startup_runs)
        report["verify"] = {"ok": False, "note": "--skip verify"}
        if "verify" not in args.skip:
            say("flashgen verify lab6-6 --sim --solution")
            report["verify"] = measure_verify(args.reps)
        if not report["verify"]["ok"]:
            notes.append(report["verify"]["note"])
        per_note = None
        for count in sorted(args.sizes):
            projected = per_note * count if per_note else None
            row = measure_size(count, args, work, notes, projected)
            report["sizes"][count] = row
            if "seconds" in row.get("full", {}):
                per_note = row["full"]["seconds"] / count
        if "sim" in args.skip:
            args.sim_deployments = 0
        say(f"simulated cluster: {args.sim_deployments} Deployments of 3 replicas")
        report["sim"] = measure_sim(args, notes)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    measured = [n for n, row in report["sizes"].items() if "seconds" in row.get("full", {})]
    reference = 2000 if 2000 in measured else (max(measured) if measured else None)
    if reference and reference != 2000:
        notes.append(f"build targets use {reference} notes (no full build at 2000 notes in this run)")
    report["reference_size"] = reference
    report["targets"] = targets.judge(report["sizes"], reference, report["startup"], report["verify"])
    report["seconds"] = time.perf_counter() - started
    write_report(report, args.out)
    print_tables(report)
    console.print(f"report: {args.out}  (bench took {report['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
