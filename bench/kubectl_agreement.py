"""The check of kubectl commands against the real kubectl: every distinct kubectl command line in the shell fences of
the vaults given is run by kubectl (with a kubeconfig whose cluster is not there, so nothing is reached and nothing
changes) and what kubectl rejects while it reads its arguments is set beside what flashgen says; prints the counts
and every line where they differ.

    python bench/kubectl_agreement.py VAULT [VAULT ...] [--kubectl PATH]

Commands that would wait or act on this machine before they need a cluster (`proxy`, `port-forward`, `edit`, `attach`,
`debug`, `kustomize`, `plugin`, `completion`) are not run: flashgen's verdicts on them are listed apart, unchecked.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from flashgen.kube.commands import SHELL_LANGS, _invocations, _logical_lines, check
from flashgen.vault.parse import parse_file, vault_files

NOT_RUN = {"proxy", "port-forward", "edit", "attach", "debug", "kustomize", "plugin", "completion", "options", "help"}
REJECTS = ("unknown flag", "unknown shorthand flag", "unknown command")


def command_lines(vault: Path) -> list[list[str]]:
    """The arguments of every kubectl command in the vault's shell fences, as flashgen reads them."""
    files, walked = vault_files(vault)
    out = []
    for file in walked.notes:
        note, _ = parse_file(file, files.config)
        if note is None:
            continue
        for block in note.code_blocks:
            if (block.lang or "").lower() in SHELL_LANGS and "kubectl" in block.code:
                out.extend(args for _, text in _logical_lines(block.code, block.line) for args in _invocations(text))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vaults", nargs="+", type=Path)
    parser.add_argument("--kubectl", default=shutil.which("kubectl.1.33") or "/usr/lib/google-cloud-sdk/bin/kubectl.1.33")
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp())
    (home / "config").write_text("apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "
                                 "'https://127.0.0.1:9'}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\n"
                                 "users: [{name: u, user: {token: t}}]\ncurrent-context: c\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "KUBECONFIG": str(home / "config")}
    seen: set[tuple[str, ...]] = set()
    counts: Counter = Counter()
    differ, unchecked = [], []
    for vault in options.vaults:
        for args in command_lines(vault):
            if not args or tuple(args) in seen:
                continue
            seen.add(tuple(args))
            said = check(args)
            if next((arg for arg in args if not arg.startswith("-")), "") in NOT_RUN:
                unchecked.extend(f"{' '.join(args)}  | {problem}" for problem in said)
                continue
            try:
                done = subprocess.run([options.kubectl, *args, "--request-timeout=1s"], capture_output=True, text=True,
                                      env=env, cwd=home, stdin=subprocess.DEVNULL, timeout=10)
                # (in the scratch folder: `kubectl config … --kubeconfig=admin.kubeconfig` writes the file it names)
                answer = done.stdout + done.stderr
            except subprocess.TimeoutExpired:
                answer = ""
            rejected = any(mark in answer for mark in REJECTS)
            counts["agree" if rejected == bool(said) else "differ"] += 1
            counts["both reject" if rejected and said else "kubectl only" if rejected else
                   "flashgen only" if said else "both take"] += 1
            if rejected != bool(said):
                first = answer.strip().split("\n")[0][:120]
                differ.append(f"kubectl {' '.join(args)}  | kubectl: {first} | flashgen: {said}")
    print(f"{len(seen)} distinct kubectl command lines; run: {counts['agree'] + counts['differ']}")
    for name in ("agree", "differ", "both reject", "both take", "kubectl only", "flashgen only"):
        print(f"  {name:14s} {counts[name]}")
    for line in differ:
        print("differ:", line)
    for line in unchecked:
        print("not run:", line)


if __name__ == "__main__":
    main()
