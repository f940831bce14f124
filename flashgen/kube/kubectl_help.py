"""How `kubectl.json` (kubectl's commands, their aliases and flags, for the check of the notes' commands) is made:
read from a kubectl binary's own help. Run `python -m flashgen.kube.kubectl_help /path/to/kubectl` to write it
again for another kubectl release; a build never runs this."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REFERENCE_FILE = Path(__file__).with_name("kubectl.json")
OPTION = re.compile(r"^\s+(?:-(?P<short>\w), )?--(?P<long>[\w-]+)=(?P<default>.*):\s*$")
SUBCOMMAND = re.compile(r"^  (?P<name>[a-z][\w-]*)\s")
# kubectl's help puts its subcommands under headings such as `Basic Commands (Beginner):` or `Available Commands:`
COMMANDS_HEADING = re.compile(r"^[A-Z][\w ()-]*Commands[^:]*:\s*$")


# flags kubectl hides from its help once deprecated but still accepts (`kubectl apply --record`), tried on each command
HIDDEN = ("record", "delete-local-data", "export", "short", "generator", "include-uninitialized", "server-dry-run",
          "timeout", "all", "container")


def _kubectl(kubectl: str, args: list[str], env: dict[str, str], timeout: float = 30) -> str:
    try:
        done = subprocess.run([kubectl, *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                              timeout=timeout)
    except subprocess.TimeoutExpired:  # (it took the flag and went on: `kubectl proxy` serves until stopped)
        return ""
    return done.stdout + done.stderr


def _hidden(kubectl: str, path: list[str], known: dict[str, bool], env: dict[str, str]) -> dict[str, bool]:
    """The HIDDEN flags this command accepts though its help does not list them (a value is never needed: a
    deprecated flag is read as the learner wrote it)."""
    return {name: False for name in HIDDEN if name not in known and f"unknown flag: --{name}" not in _kubectl(
        kubectl, [*path, f"--{name}"], env, timeout=5)}


def _options(text: str) -> tuple[dict[str, bool], dict[str, str]]:
    """Long flags (name -> whether it takes a value: its default is not a boolean) and shorthands (letter -> name)."""
    flags: dict[str, bool] = {}
    shorts: dict[str, str] = {}
    for line in text.split("\n"):
        found = OPTION.match(line)
        if found:
            flags[found["long"]] = found["default"] not in ("true", "false")
            if found["short"]:
                shorts[found["short"]] = found["long"]
    return flags, shorts


def _subcommands(text: str) -> list[str]:
    out: list[str] = []
    listing = False
    for line in text.split("\n"):
        if COMMANDS_HEADING.match(line):
            listing = True
        elif listing and SUBCOMMAND.match(line):
            out.append(SUBCOMMAND.match(line)["name"])
        elif listing and line.strip() and not line.startswith(" "):
            listing = False
    return out


def _aliases(text: str) -> list[str]:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.strip() == "Aliases:" and index + 1 < len(lines):
            return [name.strip() for name in lines[index + 1].split(",") if name.strip()]
    return []


def read_reference(kubectl: str) -> dict:
    """Every command of this kubectl (by its path, `""` for kubectl itself, `create deployment`): its subcommands,
    aliases, flags and shorthands, and whether an unknown word after it is an unknown command (a group such as
    `rollout`) rather than an argument; the global flags apart. No cluster is reached: the kubeconfig it is given
    names none."""
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "KUBECONFIG": str(Path(home) / "none")}
        version = json.loads(_kubectl(kubectl, ["version", "--client", "-o", "json"], env))["clientVersion"]
        commands: dict[str, dict] = {}

        def walk(path: list[str]) -> None:
            text = _kubectl(kubectl, [*path, "--help"], env)
            flags, shorts = _options(text)
            flags.update(_hidden(kubectl, path, flags, env))
            subs = [name for name in _subcommands(text) if not (path and name == "help")]
            group = bool(subs) and 'unknown command "zzzz' in _kubectl(kubectl, [*path, "zzzz"], env)
            commands[" ".join(path)] = {"subcommands": subs, "aliases": _aliases(text) if path else [],
                                        "flags": flags, "shorts": shorts, "group": group}
            for name in subs:
                walk([*path, name])

        walk([])
        # (`kubectl help` and `kubectl options` are commands its own help does not list under a heading)
        commands[""]["subcommands"] += [name for name in ("help", "options") if name not in commands[""]["subcommands"]]
        for name in ("help", "options"):
            commands.setdefault(name, {"subcommands": [], "aliases": [], "flags": {}, "shorts": {}, "group": False})
        flags, shorts = _options(_kubectl(kubectl, ["options"], env))
    return {"version": f'{version["major"]}.{version["minor"]}', "global": {"flags": flags, "shorts": shorts},
            "commands": commands}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m flashgen.kube.kubectl_help /path/to/kubectl", file=sys.stderr)
        return 2
    reference = read_reference(argv[1])
    REFERENCE_FILE.write_text(json.dumps(reference, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{REFERENCE_FILE}: kubectl {reference['version']}, {len(reference['commands'])} commands")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
