"""The `labs`, `verify` and `lint` commands: list labs, check one on a cluster, lint the notes' manifests."""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flashgen.kube.cluster import ClusterError

EXIT_PASSED, EXIT_FAILED, EXIT_TROUBLE = 0, 1, 2

labs_dir_option = click.option(
    "--labs-dir", type=click.Path(file_okay=False, path_type=Path), envvar="FLASHGEN_LABS", default=None,
    help="Folder of lab files (default: the project's labs/; env FLASHGEN_LABS).")


def _stop(message: str, code: int = EXIT_TROUBLE) -> None:
    """Print a one-line error to stderr and exit (no traceback)."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.command("labs")
@click.argument("lab_id", metavar="[LAB]", required=False)
@labs_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the labs as JSON.")
def labs(lab_id: str | None, labs_dir: Path | None, as_json: bool) -> None:
    """List the hands-on labs (id, title, note section), or show one LAB's task and hints."""
    from flashgen.labs import LabError, find_lab, load_labs

    try:
        found = [find_lab(lab_id, labs_dir)] if lab_id else load_labs(labs_dir)
    except LabError as exc:
        _stop(str(exc))
    except LookupError as exc:
        _stop(str(exc.args[0]))
    if lab_id and not as_json:
        lab = found[0]
        console = Console(highlight=False, soft_wrap=True)
        section = f"  [dim]({escape(lab.section)})[/dim]" if lab.section else ""
        console.print(f"[bold]{escape(lab.id)}[/bold] {escape(lab.title)}{section}\n")
        console.print(escape(lab.task_ko.strip()) + "\n")
        console.print(escape(lab.task_en.strip()) + "\n")
        for hint in lab.hints:
            console.print(f"[yellow]hint:[/yellow] {escape(hint)}")
        console.print(f"\ncheck it: flashgen verify {lab.id}  (your kubectl context), or "
                      f"flashgen verify {lab.id} --sim  (the simulated cluster of `flashgen sim` and `flashgen sim serve`)")
        return
    if as_json:
        click.echo(json.dumps([{"id": lab.id, "title": lab.title, "note": lab.note, "heading": lab.heading,
                                "task": {"ko": lab.task_ko, "en": lab.task_en}, "hints": list(lab.hints)}
                               for lab in found], ensure_ascii=False, indent=2))
        return
    table = Table("id", "title", "note section", box=None, header_style="bold")
    for lab in found:
        table.add_row(escape(lab.id), escape(lab.title), escape(lab.section))
    Console(highlight=False).print(table)


def _fresh_sim(namespace: str):
    """A fresh simulated cluster (with the namespace when it is not `default`) and its reject error type."""
    import time

    from flashgen.sim import SimCluster
    from flashgen.sim.errors import ApiError

    cluster = SimCluster(start_time=float(int(time.time())))
    cluster.name = "a fresh simulated cluster"
    if namespace != "default":
        cluster.apply({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}})
    return cluster, (ApiError,), (lambda c: c.run_until_settled()), True


def _practice_sim(stack: contextlib.ExitStack, state: str | None):
    """The simulated cluster the learner practises on: the running `flashgen sim serve` (through its API), else
    the state file of `flashgen sim` (locked while checking, and saved after, since the clock moved on)."""
    from flashgen.sim import state as st
    from flashgen.sim.errors import ApiError
    from flashgen.simapi import kubeconfig

    path = st.resolve(state)
    try:
        stack.enter_context(st.locked(path))
    except st.StateError as exc:
        url = kubeconfig.served_at(path)
        if url is None:
            raise ClusterError(str(exc)) from None
        config = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "kubeconfig"
        kubeconfig.write(config, url)
        cluster, rejected, _, _ = _real_cluster(kubeconfig.NAME, config)
        cluster.name = f"the simulated cluster served at {url}"
        return cluster, rejected, None, False
    try:
        sim = st.load(path)
    except st.StateError as exc:
        raise ClusterError(str(exc)) from None
    began = sim.now()

    def save() -> None:
        st.save(sim, path)
        if sim.now() > began:
            click.echo(f"(the simulated clock moved on {sim.now() - began:.0f} s while checking; saved in {path})",
                       err=True)
    stack.callback(save)
    sim.name = f"the simulated cluster in {path}"
    return sim, (ApiError,), None, True


def _real_cluster(context: str | None, config: Path | None = None):
    from flashgen.kube.client import RealCluster, RejectedError
    from flashgen.simapi.kubeconfig import NAME

    cluster = RealCluster(context=context, kubeconfig=config)
    if cluster.context == NAME:
        cluster.start_hint = "is `flashgen sim serve` running?"
    return cluster, (RejectedError,), None, False


@click.command("verify")
@click.argument("lab_id", metavar="LAB")
@click.option("--sim", is_flag=True,
              help="Check the simulated cluster you practise on (`flashgen sim ...` or a running `flashgen sim "
                   "serve`) instead of the kubeconfig's cluster.")
@click.option("--fresh", is_flag=True, help="With --sim: a fresh, empty simulated cluster (implied by -f and "
                                            "--solution, which apply to it first).")
@click.option("--state", default=None, type=click.Path(dir_okay=False),
              help="With --sim: the simulated cluster's state file (default $FLASHGEN_SIM_STATE or "
                   "build/sim/state.json).")
@click.option("-f", "--filename", "files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Apply this YAML file first (repeat for steps, applied in order).")
@click.option("--solution", is_flag=True, help="Apply the lab's reference solution first.")
@click.option("--context", default=None, help="The kubeconfig context (default: the current one).")
@click.option("-n", "--namespace", default=None, help="Namespace to check (default: the lab's, usually default).")
@click.option("--timeout", type=click.FloatRange(min=0), default=None,
              help="Seconds to wait for the checks to pass (default: the lab's, usually 60).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@labs_dir_option
def verify(lab_id: str, sim: bool, fresh: bool, state: str | None, files: tuple[Path, ...], solution: bool,
           context: str | None, namespace: str | None, timeout: float | None, as_json: bool,
           labs_dir: Path | None) -> None:
    """Check LAB (e.g. lab6-6) on the current cluster, or with --sim on the simulated cluster.

    Exit status: 0 when every check passes, 1 when one fails, 2 when the lab or the cluster cannot be used.
    """
    from flashgen.labs import LabError, find_lab, load_manifest_file
    from flashgen.labs import verify as run_verify
    from flashgen.labs.report import print_checklist, to_json
    from flashgen.labs.runner import step_from_manifests

    if files and solution:
        _stop("give either -f FILE or --solution, not both")
    if (fresh or state) and not sim:
        _stop(f"{'--fresh' if fresh else '--state'} goes with --sim")
    try:
        lab = find_lab(lab_id, labs_dir)
        steps = [step_from_manifests(load_manifest_file(f), str(f)) for f in files]
    except (LabError, LookupError) as exc:
        _stop(str(exc.args[0]) if isinstance(exc, LookupError) else str(exc))
    if solution:
        steps = list(lab.solution)
    fresh = sim and (fresh or bool(steps))
    if fresh and not steps:
        _stop("a fresh simulated cluster is empty: give -f FILE (your manifests) or --solution, or leave out "
              "--fresh to check the cluster you practise on")
    try:
        with contextlib.ExitStack() as stack:
            if fresh:
                ns = namespace or lab.namespace
                cluster, rejected, settle, virtual = _fresh_sim(ns)
            else:
                cluster, rejected, settle, virtual = _practice_sim(stack, state) if sim else _real_cluster(context)
                # like kubectl, a context's own namespace replaces "default"
                ns = namespace or (lab.namespace if lab.namespace != "default" else None) \
                    or getattr(cluster, "default_namespace", None) or lab.namespace
            with Console(stderr=True, highlight=False).status(f"checking {lab.id} on {cluster.name} ...") as status:
                def progress(results, left):
                    passing = sum(r.passed for r in results)
                    status.update(f"{lab.id}: {passing}/{len(results)} checks pass; waiting up to {left:.0f} s "
                                  "more ...")

                result = run_verify(lab, cluster, namespace=ns, timeout=timeout, steps=steps, settle=settle,
                                    rejected=rejected, progress=None if virtual or as_json else progress)
    except ClusterError as exc:
        _stop(str(exc))
    except KeyboardInterrupt:
        _stop("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the simulator must not show the learner a traceback
        if not sim:
            raise
        _stop(f"the simulated cluster failed ({type(exc).__name__}: {exc}); this is a bug in flashgen's "
              "simulator, please report it with your manifests")
    if as_json:
        click.echo(to_json(result))
    else:
        print_checklist(result, Console(highlight=False, soft_wrap=True))
    sys.exit(EXIT_PASSED if result.passed else EXIT_FAILED)


@click.command("lint")
@click.option("--notes", "notes_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("notes"),
              show_default=True, help="The notes folder (the Obsidian vault).")
def lint(notes_dir: Path) -> None:
    """Validate every Kubernetes manifest in the notes' code fences against the API schema (strict), and every
    kubectl command in their shell fences against kubectl's own commands and flags.

    Exit status: 0 when all are valid, 1 when some are not, 2 when the notes cannot be read.
    """
    from flashgen.kube.commands import lint_commands
    from flashgen.kube.lint import lint_manifests
    from flashgen.vault.parse import parse_vault

    if not notes_dir.is_dir():
        _stop(f"{notes_dir}: no such notes folder")
    vault = parse_vault(notes_dir)
    found = sorted(lint_manifests(vault) + [problem for note in vault.notes for problem in lint_commands(note)])
    for diagnostic in found:
        click.echo(str(diagnostic))
    if found:
        click.echo(f"{len(found)} problem(s) in the notes' manifests and commands")
        sys.exit(EXIT_FAILED)
    click.echo("all manifests and kubectl commands in the notes are valid")
