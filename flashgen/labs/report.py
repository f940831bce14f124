"""Print a lab result as a ✓/✗ checklist (rich) or as JSON."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape

from flashgen.labs.results import LabResult


def to_json(result: LabResult) -> str:
    """The result for machines."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def print_checklist(result: LabResult, console: Console) -> None:
    """One ✓/✗ line per check; failures with where, field, expected, found and a hint."""
    console.print(f"[bold]{escape(result.lab_id)}[/bold] {escape(result.title)} "
                  f"[dim]on {escape(result.cluster)}, namespace {escape(result.namespace)}[/dim]")
    for line in result.applied:
        console.print(f"  [dim]· {escape(line)}[/dim]")
    for check in result.checks:
        if check.passed:
            console.print(f"  [green]✓[/green] {escape(check.name)}")
            continue
        if check.needs:
            console.print(f"  [red]✗[/red] {escape(check.name)} [dim](needs {escape(check.needs)}, see above)[/dim]")
            continue
        console.print(f"  [red]✗[/red] {escape(check.name)}")
        if check.error:
            console.print(f"      {escape(check.error)}")
        for f in check.findings:
            field = f" {escape(f.path)}" if f.path else ""
            console.print(f"      [cyan]{escape(f.where)}[/cyan]{field}")
            console.print(f"        expected: {escape(f.expected)}")
            console.print(f"        found:    {escape(f.found)}")
        if check.hint:
            console.print(f"      [yellow]hint:[/yellow] {escape(check.hint)}")
    passed = sum(c.passed for c in result.checks)
    total = len(result.checks)
    verdict = "[green]passed[/green]" if result.passed else "[red]not yet[/red]"
    console.print(f"{passed}/{total} checks passed: {verdict}")
