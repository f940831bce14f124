"""Layering: the labs package knows only the Cluster interface; `kubernetes` is imported by kube/client.py alone."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "flashgen"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_labs_package_does_not_import_the_simulator_or_the_real_client():
    for path in (PACKAGE / "labs").rglob("*.py"):
        for name in imported_modules(path):
            assert not name.startswith(("flashgen.sim", "flashgen.kube.client", "kubernetes", "flashgen.cli")), (path, name)


def test_only_kube_imports_kubernetes():
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "kube" / "client.py":
            continue
        for name in imported_modules(path):
            assert name != "kubernetes" and not name.startswith("kubernetes."), (path, name)


def test_every_module_starts_with_a_docstring():
    for path in [*(PACKAGE / "labs").rglob("*.py"), *(PACKAGE / "kube").rglob("*.py"),
                 PACKAGE / "cli" / "labs_cmd.py"]:
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path
