"""Check the kubectl commands in the notes' shell code fences as kubectl itself reads them, before it reaches a
cluster: a command it does not have (`kubectl desribe`, `kubectl use-context`), a flag the command does not have
(`--all-namespace`, the removed `--generator`) and a shorthand that is none (`-all`), each with the one meant."""

from __future__ import annotations

import difflib
import json
import re
import shlex
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from flashgen.diagnostics import Diagnostic, warning

REFERENCE_FILE = Path(__file__).with_name("kubectl.json")
# code fences whose lines are commands (a fence without a language too: notes often leave it out)
SHELL_LANGS = frozenset({"", "sh", "bash", "shell", "console", "zsh", "shell-session", "sh-session", "terminal",
                         "powershell", "ps", "ps1", "pwsh", "cmd", "bat", "text", "txt", "plaintext", "kubectl"})
# `kubectl` where a command starts: a line's start (after a prompt), after `sudo`, `watch` and the like, or after
# `|`, `;`, `&&`, `$(`
INVOCATION = re.compile(r"(?:^|(?<=[\s;|&(`]))kubectl(?=\s|$)")
LONG_FLAG = re.compile(r"--(?P<name>[A-Za-z][\w-]*)(?P<equals>=.*)?", re.S)
SHORT_FLAGS = re.compile(r"-[A-Za-z][^-\s]*", re.S)
PLACEHOLDER = re.compile(r"<[^<>\n]*>|\{\{[^{}\n]*\}\}")  # `<pod-name>`, `{{ .name }}`: stands for an argument
# flags whose value may be left out (`--dry-run` alone means `--dry-run=client`): the word after them is not theirs
OPTIONAL_VALUE = frozenset({"dry-run", "validate"})


@lru_cache(maxsize=1)
def reference() -> dict[str, Any]:
    """kubectl's commands and flags, as `kubectl_help` read them from a kubectl release."""
    return json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))


def lint_commands(note: Any) -> list[Diagnostic]:
    """A warning, at its line, for each thing kubectl would reject in the note's shell code fences."""
    out: list[Diagnostic] = []
    for block in note.code_blocks:
        if (block.lang or "").lower() not in SHELL_LANGS or "kubectl" not in block.code:
            continue
        for line, text in _logical_lines(block.code, block.line):
            for args in _invocations(text):
                out.extend(warning(note.path, line, message, "kubectl-command") for message in check(args))
    return out


def _logical_lines(code: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Each command line with its line number; a line that ends in `\\` goes on on the next one (or a PowerShell
    backtick)."""
    pending: list[str] = []
    start = first_line
    for offset, line in enumerate(code.split("\n")):
        if not pending:
            start = first_line + offset
        stripped = line.rstrip()
        if stripped.endswith(("\\", " `")):
            pending.append(stripped[:-1])
            continue
        pending.append(line)
        yield start, " ".join(pending)
        pending = []
    if pending:
        yield start, " ".join(pending)


def _invocations(text: str) -> Iterator[list[str]]:
    """The arguments of each kubectl command on a line (up to a pipe, `;`, `&&`, a redirect or the line's end)."""
    if "kubectl" not in text:
        return
    for found in INVOCATION.finditer(text):
        rest = PLACEHOLDER.sub("ARG", text[found.end():])
        lexer = shlex.shlex(rest, posix=True, punctuation_chars=";&|()<>")
        lexer.whitespace_split = True  # (a word ends at a space or an operator only: `https://…`, `설치`)
        lexer.commenters = ""  # (`#` in a value, `-o jsonpath='{.items[*]}'`; a comment ends with the line anyway)
        try:
            tokens = list(lexer)
        except ValueError:  # a quote left open: the command is not whole on this line
            continue
        args: list[str] = []
        for token, after in zip(tokens, tokens[1:] + [""]):
            if token.startswith("#") or not token.strip(";&|()<>") or token.isdigit() and after[:1] in "<>" and after:
                break  # an operator (`|`, `&&`, `;`, a redirect, `2>`) or a comment ends the command
            args.append(token)
        yield args


def check(args: list[str]) -> list[str]:
    """What kubectl would reject in `kubectl ARGS`, said the way a learner can fix it."""
    commands = reference()["commands"]
    path, problem = _command_path(args, commands)
    if problem:
        return [problem]
    if not path:  # a command kubectl does not have that may be a plugin's (`kubectl ctx`), or no command at all, as
        return []  # prose speaks of one of its flags (`kubectl -o jsonpath란?`): nothing is said
    return _flag_problems(args, path, commands)


def _command_path(args: list[str], commands: dict[str, Any]) -> tuple[str | None, str]:
    """The command the words name (`create deployment`) and, when kubectl would reject the words, why."""
    path = ""
    takes_value = _value_flags()
    words = iter(args)
    for arg in words:
        if arg == "--":
            break
        if arg.startswith("-") and len(arg) > 1:
            long = LONG_FLAG.fullmatch(arg)
            if long and not long["equals"] and long["name"] in takes_value \
                    or not long and len(arg) == 2 and arg[1] in takes_value:  # `--namespace x`, `-n kube-system`
                next(words, None)  # (its value)
            continue
        if arg.startswith(("[", "{")) or arg in ("...", "…", "ARG"):
            return path, ""  # an argument's placeholder: whatever comes is arguments
        node = commands[path]
        sub = _subcommand(node, arg, commands, path)
        if sub is not None:
            path = sub
            continue
        if not path:
            return None, _unknown_top(arg, commands)
        if not node["group"]:
            return path, _near_subcommand(arg, node, path)
        return path, _unknown_in_group(arg, node, path)
    return path, ""


def _subcommand(node: dict[str, Any], word: str, commands: dict[str, Any], path: str) -> str | None:
    """The path of the command's subcommand that `word` names (or is an alias of: `deploy`), else None."""
    for name in node["subcommands"]:
        full = f"{path} {name}".strip()
        if word == name or word in commands.get(full, {}).get("aliases", ()):
            return full
    return None


# the built-in resource types and their short names: after `kubectl` such a word is a resource named without the
# command that acts on it (`kubectl sa pod-access` for `kubectl get sa pod-access`), never a plugin's name
RESOURCE_TYPES = frozenset("""
pod pods po service services svc deployment deployments deploy replicaset replicasets rs daemonset daemonsets ds
statefulset statefulsets sts job jobs cronjob cronjobs cj configmap configmaps cm secret secrets serviceaccount
serviceaccounts sa namespace namespaces ns node nodes no persistentvolume persistentvolumes pv persistentvolumeclaim
persistentvolumeclaims pvc ingress ingresses ing networkpolicy networkpolicies netpol storageclass storageclasses sc
role roles rolebinding rolebindings clusterrole clusterroles clusterrolebinding clusterrolebindings endpoints ep
event events ev horizontalpodautoscaler horizontalpodautoscalers hpa limitrange limitranges limits resourcequota
resourcequotas quota poddisruptionbudget poddisruptionbudgets pdb priorityclass priorityclasses pc
replicationcontroller replicationcontrollers rc customresourcedefinition customresourcedefinitions crd crds
certificatesigningrequest certificatesigningrequests csr endpointslice endpointslices lease leases
""".split())


def _unknown_top(word: str, commands: dict[str, Any]) -> str:
    """kubectl has no command `word`: said when it is a letter or two from one of kubectl's (`desribe`) or one of a
    group's (`use-context` is `config use-context`); another word may name a plugin the reader has installed."""
    if not re.fullmatch(r"[a-z][a-z-]*", word):
        return ""
    meant = difflib.get_close_matches(word, commands[""]["subcommands"], n=1, cutoff=0.8)
    if meant:
        return f'kubectl has no command "{word}": kubectl rejects it; did you mean "kubectl {meant[0]}"?'
    if word in RESOURCE_TYPES:
        return f'kubectl has no command "{word}": kubectl rejects it; a resource type follows a command ("kubectl get {word}")'
    groups = [path for path, node in commands.items() if path and word in node["subcommands"] and " " not in path]
    if len(groups) == 1:
        return f'kubectl has no command "{word}": it is a command of kubectl {groups[0]}, "kubectl {groups[0]} {word}"'
    return ""


def _near_subcommand(word: str, node: dict[str, Any], path: str) -> str:
    """An argument a letter or two from one of the command's own subcommands (`kubectl create deploymnet`)."""
    if not re.fullmatch(r"[a-z][a-z-]*", word):
        return ""
    meant = difflib.get_close_matches(word, node["subcommands"], n=1, cutoff=0.85)
    return f'kubectl {path} has no command "{word}": kubectl rejects it; did you mean "kubectl {path} {meant[0]}"?' \
        if meant else ""


def _unknown_in_group(word: str, node: dict[str, Any], path: str) -> str:
    """A word after a group of commands (`kubectl rollout stauts`) that is none of them: kubectl rejects it. A word
    that could be no command (`# kubectl top 명령어 확인`, words about it in a comment) is left alone."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", word):
        return ""
    meant = difflib.get_close_matches(word, node["subcommands"], n=1, cutoff=0.6)
    hint = f'; did you mean "kubectl {path} {meant[0]}"?' if meant else \
        f" (its commands: {', '.join(node['subcommands'])})"
    return f'kubectl {path} has no command "{word}": kubectl rejects it{hint}'


@lru_cache(maxsize=1)
def _value_flags() -> frozenset[str]:
    """Every flag name (and shorthand letter) that takes a value in some command: the word after it is its value."""
    nodes = [*reference()["commands"].values(), reference()["global"]]
    names = {name for node in nodes for name, takes in node["flags"].items() if takes}
    shorts = {short for node in nodes for short, name in node["shorts"].items() if node["flags"].get(name)}
    return frozenset((names | shorts) - OPTIONAL_VALUE)


def _flag_problems(args: list[str], path: str, commands: dict[str, Any]) -> list[str]:
    node, overall = commands[path], reference()["global"]
    flags = {**overall["flags"], **node["flags"], "help": False}  # (`--help` and `-h`: every command's own help)
    shorts = {**overall["shorts"], **node["shorts"], "h": "help"}
    command = f"kubectl {path}".strip()
    out: list[str] = []
    words = iter(args)
    for arg in words:
        if arg == "--":
            break
        long = LONG_FLAG.fullmatch(arg)
        if long:
            name = long["name"]
            if name not in flags:
                out.append(_unknown_flag(command, name, flags, shorts))
            elif flags[name] and not long["equals"] and name not in OPTIONAL_VALUE:
                next(words, None)  # (its value)
            continue
        if SHORT_FLAGS.fullmatch(arg) and not arg[1:].isdigit():
            for index, letter in enumerate(arg[1:], start=1):
                if letter == "=":
                    break
                if letter not in shorts:
                    out.append(f"{command} has no shorthand flag \"-{letter}\" (in \"{arg}\"): kubectl rejects it"
                               + _shorthand_hint(arg, flags))
                    break
                if flags.get(shorts[letter]) and shorts[letter] not in OPTIONAL_VALUE:
                    if index == len(arg) - 1:  # `-n ns`: the next word is its value; `-oyaml`: the rest is
                        next(words, None)
                    break
    return out


def _unknown_flag(command: str, name: str, flags: dict[str, bool], shorts: dict[str, str]) -> str:
    if len(name) == 1 and name in shorts:  # `--n kube-system`: a shorthand written with two dashes
        return f'{command} has no flag "--{name}": kubectl rejects it; did you mean "-{name}" (--{shorts[name]})?'
    meant = difflib.get_close_matches(name, list(flags), n=1, cutoff=0.75)
    hint = f'; did you mean "--{meant[0]}"?' if meant else ""
    return f'{command} has no flag "--{name}": kubectl rejects it{hint}'


def _shorthand_hint(arg: str, flags: dict[str, bool]) -> str:
    """`-all` is `--all`, `-namespace` `--namespace`: a long flag written with one dash."""
    if len(arg) > 2 and arg[1:].split("=")[0] in flags:
        return f'; did you mean "-{arg}"?'
    return ""
