"""The package's layering holds (import-linter), and every module says what it is for."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    command = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([command, "--config", str(ROOT / ".importlinter")], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_no_import_cycles() -> None:
    """No module imports itself through others, counting imports made only for type checking."""
    import grimp

    graph = grimp.build_graph("flashgen", exclude_type_checking_imports=False)
    cycles = []
    for group in _strongly_connected(graph):
        if len(group) > 1:
            cycles.append(sorted(group))
    assert cycles == []


def _strongly_connected(graph) -> list[set[str]]:
    """Tarjan's algorithm, iteratively, over the module import graph."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.find_modules_directly_imported_by(target)))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    groups.append(group)
    return groups


def test_the_top_of_the_package_holds_only_what_every_stage_shares() -> None:
    """The stages live in packages named after them; only shared modules stay loose at the top."""
    loose = {path.stem for path in (ROOT / "flashgen").glob("*.py")}
    assert loose <= {"__init__", "__main__", "config", "diagnostics", "fsutil", "memo", "shipped", "yamlsafe"}
    packages = {path.parent.name for path in (ROOT / "flashgen").glob("*/__init__.py")}
    assert packages == {"vault", "cards", "render", "emit", "site", "build", "kube", "labs", "sim", "simapi", "cli"}


def test_every_module_has_a_one_line_docstring() -> None:
    missing = []
    for path in sorted((ROOT / "flashgen").rglob("*.py")):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        if not doc or not doc.strip():
            missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in readme.split("```bash\n")[1:3]]
    assert len(blocks) == 2
    assert blocks[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
