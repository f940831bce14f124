"""Load lab files and validate them, with messages that name the file and line."""

from __future__ import annotations

import difflib
import re
from pathlib import Path as FsPath
from typing import Any

from flashgen.kube.fieldpath import Path, parse_path
from flashgen.labs.conditions import COMPARE_OPS, CONDITIONS
from flashgen.labs.match import validate_pattern
from flashgen.labs.model import Check, Lab, Step
from flashgen.shipped import default_labs_dir
from flashgen.yamlsafe import Document, YamlError, load_documents

LAB_KEYS = {"id", "title", "note", "heading", "task", "hints", "solution", "checks", "namespace", "timeout"}
REQUIRED_KEYS = ("id", "title", "task", "solution", "checks")  # note and heading: when the vault has a section
CHECK_KEYS = {"name", "assert", "condition", "args", "hint"}
STEP_KEYS = {"title", "manifests", "wait_for"}
ID_PATTERN = re.compile(r"^lab(\d+(-\d+)?|-[a-z][a-z0-9]*(-[a-z0-9]+)*)$")


class LabError(ValueError):
    """A lab file that cannot be used; str() is `path:line: message`."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path, self.line, self.message = path, line, message


def _suggest(word: str, choices: set[str] | list[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    lower = [c for c in choices if c.lower() == word.lower()]
    best = lower[0] if lower else (close[0] if close else "")
    return f" (did you mean {best!r}?)" if best else ""


class _Reader:
    """Walks one lab document, raising LabError with the line of the offending field."""

    def __init__(self, doc: Document, path: str):
        self.doc, self.path = doc, path

    def fail(self, where: Path, message: str) -> LabError:
        return LabError(self.path, self.doc.line_of(where), message)

    def mapping(self, value: Any, where: Path, what: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, f"{what} must be a mapping, not {type(value).__name__}")
        return value

    def text(self, value: Any, where: Path, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{what} must be a non-empty string")
        return value.strip()

    def keys(self, mapping: dict, allowed: set[str], where: Path, what: str) -> None:
        for key in mapping:
            if key not in allowed:
                raise self.fail(where + (key,), f"unknown key {key!r} in {what}{_suggest(str(key), allowed)}; "
                                                f"allowed: {', '.join(sorted(allowed))}")

    def manifest(self, value: Any, where: Path) -> dict:
        obj = self.mapping(value, where, "a manifest")
        for key in ("apiVersion", "kind"):
            self.text(obj.get(key), where + (key,), f"manifest {key}")
        meta = self.mapping(obj.get("metadata"), where + ("metadata",), "manifest metadata")
        self.text(meta.get("name"), where + ("metadata", "name"), "manifest metadata.name")
        return obj

    def check(self, value: Any, where: Path) -> Check:
        raw = self.mapping(value, where, "a check")
        self.keys(raw, CHECK_KEYS, where, "a check")
        has_assert, has_condition = "assert" in raw, "condition" in raw
        if has_assert == has_condition:
            raise self.fail(where, "a check needs exactly one of `assert` (a partial object) or `condition` (a name)")
        name = raw.get("name")
        hint = raw.get("hint", "")
        if hint and not isinstance(hint, str):
            raise self.fail(where + ("hint",), "hint must be a string")
        if has_assert:
            pattern = self.mapping(raw["assert"], where + ("assert",), "assert")
            for key in ("apiVersion", "kind"):
                self.text(pattern.get(key), where + ("assert", key), f"assert {key}")
            if "metadata" in pattern:
                meta = self.mapping(pattern["metadata"], where + ("assert", "metadata"), "assert metadata")
                for key in ("name", "namespace"):
                    if key in meta:
                        self.text(meta[key], where + ("assert", "metadata", key), f"assert metadata.{key}")
            for problem_path, problem in validate_pattern(pattern):
                raise self.fail(where + ("assert",) + problem_path, problem)
            if "args" in raw:
                raise self.fail(where + ("args",), "`args` belongs to a condition, not an assert")
            default_name = f"{pattern['kind']} {(pattern.get('metadata') or {}).get('name', '')}".strip()
            return Check(name=str(name or default_name), pattern=pattern, hint=hint, line=self.doc.line_of(where))
        cond_name = self.text(raw["condition"], where + ("condition",), "condition")
        if cond_name not in CONDITIONS:
            raise self.fail(where + ("condition",), f"unknown condition {cond_name!r}{_suggest(cond_name, set(CONDITIONS))}; "
                                                    f"known: {', '.join(sorted(CONDITIONS))}")
        cond = CONDITIONS[cond_name]
        args = self.mapping(raw.get("args", {}), where + ("args",), "args")
        self.keys(args, set(cond.required) | set(cond.optional), where + ("args",), f"args of {cond_name}")
        for arg, kind in cond.required.items():
            if arg not in args:
                raise self.fail(where + ("args",), f"condition {cond_name} needs argument {arg!r}")
        for arg, value in args.items():
            kind = cond.required.get(arg) or cond.optional[arg]
            if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
                names = " or ".join(t.__name__ for t in (kind if isinstance(kind, tuple) else (kind,)))
                raise self.fail(where + ("args", arg), f"argument {arg!r} of {cond_name} must be {names}")
        for arg in ("left", "right_field"):
            if arg in args:
                try:
                    parse_path(args[arg])
                except ValueError as exc:
                    raise self.fail(where + ("args", arg), str(exc)) from None
        if "owner" in args:
            for key in ("kind", "name"):
                self.text(args["owner"].get(key), where + ("args", "owner", key), f"owner {key}")
        if "selector" in args:
            for key, value in args["selector"].items():
                if not isinstance(value, str):
                    raise self.fail(where + ("args", "selector", key), "label values in a selector must be strings")
        if "where" in args:
            for problem_path, problem in validate_pattern(args["where"]):
                raise self.fail(where + ("args", "where") + problem_path, problem)
        if "op" in args and args["op"] not in COMPARE_OPS:
            raise self.fail(where + ("args", "op"), f"op must be one of {' '.join(COMPARE_OPS)}")
        if cond_name == "compare" and ("right" in args) == ("right_field" in args):
            raise self.fail(where + ("args",), "compare needs exactly one of `right` (a value) or `right_field` (a path)")
        return Check(name=str(name or cond_name), condition=cond_name, args=args, hint=hint, line=self.doc.line_of(where))

    def step(self, value: Any, where: Path, index: int) -> Step:
        raw = self.mapping(value, where, "a solution step")
        self.keys(raw, STEP_KEYS, where, "a solution step")
        manifests = raw.get("manifests")
        if not isinstance(manifests, list) or not manifests:
            raise self.fail(where + ("manifests",), "a solution step needs a non-empty list `manifests`")
        objs = tuple(self.manifest(m, where + ("manifests", i)) for i, m in enumerate(manifests))
        waits = raw.get("wait_for", [])
        if not isinstance(waits, list):
            raise self.fail(where + ("wait_for",), "wait_for must be a list of checks")
        checks = tuple(self.check(c, where + ("wait_for", i)) for i, c in enumerate(waits))
        title = raw.get("title") or f"step {index + 1}"
        return Step(title=str(title), manifests=objs, wait_for=checks, source=self.path)


def _documents(file: FsPath, path: str, what: str) -> list[Document]:
    """The YAML documents of a file, with positions; LabError naming the file (and line) otherwise."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LabError(path, 0, f"cannot read {what}: {exc}") from None
    try:
        return load_documents(text)
    except YamlError as exc:
        raise LabError(path, exc.line, exc.message) from None


def load_lab(file: FsPath, display: str | None = None) -> Lab:
    """Read and validate one lab file; raises LabError naming the file and line."""
    path = display or str(file)
    docs = _documents(file, path, "the lab file")
    if len(docs) != 1:
        raise LabError(path, docs[1].line if len(docs) > 1 else 0,
                       "a lab file holds exactly one YAML document" if docs else "the lab file is empty")
    doc = docs[0]
    r = _Reader(doc, path)
    raw = r.mapping(doc.data, (), "a lab file")
    r.keys(raw, LAB_KEYS, (), "a lab")
    for key in REQUIRED_KEYS:
        if key not in raw:
            raise LabError(path, doc.line, f"missing required key {key!r}")
    lab_id = r.text(raw["id"], ("id",), "id")
    if not ID_PATTERN.match(lab_id):
        raise r.fail(("id",), f"id {lab_id!r} must look like lab6, lab6-6 or lab-configmap")
    if file.suffix in (".yaml", ".yml") and file.stem != lab_id:
        raise r.fail(("id",), f"id {lab_id!r} does not match the file name {file.name!r}")
    task = r.mapping(raw["task"], ("task",), "task")
    r.keys(task, {"ko", "en"}, ("task",), "task")
    task_ko = r.text(task.get("ko"), ("task", "ko"), "task.ko (the task in Korean)")
    task_en = r.text(task.get("en"), ("task", "en"), "task.en (the task in English)")
    hints = raw.get("hints", [])
    if not isinstance(hints, list):
        raise r.fail(("hints",), "hints must be a list of strings")
    for i, hint in enumerate(hints):
        if not isinstance(hint, str):
            raise r.fail(("hints", i), f"hint {i + 1} is a {type(hint).__name__}, not a string "
                                       "(quote text that contains ': ')")
    steps = raw["solution"]
    if not isinstance(steps, list) or not steps:
        raise r.fail(("solution",), "solution must be a non-empty list of steps (each with `manifests`)")
    solution = tuple(r.step(s, ("solution", i), i) for i, s in enumerate(steps))
    checks_raw = raw["checks"]
    if not isinstance(checks_raw, list) or not checks_raw:
        raise r.fail(("checks",), "checks must be a non-empty list")
    checks = tuple(r.check(c, ("checks", i)) for i, c in enumerate(checks_raw))
    namespace = raw.get("namespace", "default")
    r.text(namespace, ("namespace",), "namespace")
    timeout = raw.get("timeout", 60)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise r.fail(("timeout",), "timeout must be a positive number of seconds")
    return Lab(id=lab_id, title=r.text(raw["title"], ("title",), "title"),
               note=r.text(raw["note"], ("note",), "note") if "note" in raw else "",
               heading=r.text(raw["heading"], ("heading",), "heading") if "heading" in raw else "",
               task_ko=task_ko, task_en=task_en, hints=tuple(hints), solution=solution, checks=checks,
               path=path, namespace=namespace, timeout=float(timeout))


def _sort_key(lab_id: str) -> tuple:
    """Course order: numbered labs by section, then the labs of chapters the notes have no number for."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", lab_id))
    return (0, numbers, "") if numbers else (1, (), lab_id)


def load_labs(directory: FsPath | None = None) -> list[Lab]:
    """Every lab in the folder, in course order; raises LabError for the first broken file."""
    directory = directory or default_labs_dir()
    if not directory.is_dir():
        raise LabError(str(directory), 0, "the labs folder does not exist (set FLASHGEN_LABS)")
    labs = [load_lab(f) for f in sorted(directory.glob("*.yaml"))]
    seen: dict[str, str] = {}
    for lab in labs:
        if lab.id in seen:
            raise LabError(lab.path, 0, f"duplicate lab id {lab.id!r} (also in {seen[lab.id]})")
        seen[lab.id] = lab.path
    return sorted(labs, key=lambda lab: _sort_key(lab.id))


def find_lab(lab_id: str, directory: FsPath | None = None) -> Lab:
    """The lab with this id (`lab6-6`, or just `6-6`); raises LookupError listing the known ids."""
    labs = load_labs(directory)
    wanted = lab_id if lab_id.startswith("lab") else f"lab{lab_id}"
    for lab in labs:
        if lab.id == wanted:
            return lab
    ids = [lab.id for lab in labs]
    raise LookupError(f"no lab {lab_id!r}{_suggest(wanted, set(ids))}; known labs: {', '.join(ids)}")


def load_manifest_file(file: FsPath) -> list[dict]:
    """The Kubernetes objects in a user's YAML file; raises LabError naming the file and line."""
    path = str(file)
    docs = _documents(file, path, "the file")
    if not docs:
        raise LabError(path, 0, "the file holds no Kubernetes objects")
    objs = []
    for doc in docs:
        r = _Reader(doc, path)
        if isinstance(doc.data, dict) and doc.data.get("kind") == "List" and isinstance(doc.data.get("items"), list):
            objs.extend(r.manifest(item, ("items", i)) for i, item in enumerate(doc.data["items"]))
        else:
            objs.append(r.manifest(doc.data, ()))
    return objs
