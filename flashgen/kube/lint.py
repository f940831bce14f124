"""Validate the Kubernetes manifests in the notes' code fences against the API schema (strict)."""

from __future__ import annotations

import copy
import difflib
import re
from typing import Any, Callable

from kubernetes_validate.utils import InvalidSchemaError, SchemaNotFoundError, ValidationError, VersionNotSupportedError
from referencing.exceptions import Unresolvable

from flashgen.diagnostics import Diagnostic, warning
from flashgen.kube import YAML_LANGS
from flashgen.kube import schema as k8s_schema
from flashgen.kube.fieldpath import Path, format_path
from flashgen.kube.values import (LABEL_KINDS, PATH_SEGMENT_KINDS, base64_problem, invalid_container_names, label_problem,
                                  name_problem, shaped_strings, unsupported_values)
from flashgen.memo import KeyedMemo
from flashgen.yamlsafe import Document, YamlError, load_documents

MAX_ROUNDS = 25
# Lines that stand for "more here" in a snippet; blanked before parsing so the rest can still be checked.
PLACEHOLDER = re.compile(r"^\s*(\.\.\.|…|#\s*\.\.\.|\(\.\.\.\))\s*$")
TOP_LEVEL = {"apiVersion", "kind", "metadata", "spec", "data", "stringData", "type", "immutable", "binaryData"}
# Kinds recognised in a section heading, longest first so "CronJob" wins over "Job".
KIND_WORDS: list[tuple[str, str, str]] = [
    ("cronjob", "batch/v1", "CronJob"), ("cron job", "batch/v1", "CronJob"),
    ("statefulset", "apps/v1", "StatefulSet"), ("stateful set", "apps/v1", "StatefulSet"),
    ("daemonset", "apps/v1", "DaemonSet"), ("replicaset", "apps/v1", "ReplicaSet"),
    ("replica set", "apps/v1", "ReplicaSet"), ("레플리카 셋", "apps/v1", "ReplicaSet"),
    ("레플리카셋", "apps/v1", "ReplicaSet"), ("deployment", "apps/v1", "Deployment"),
    ("디플로이먼트", "apps/v1", "Deployment"), ("replicationcontroller", "v1", "ReplicationController"),
    ("레플리케이션 컨트롤러", "v1", "ReplicationController"), ("job", "batch/v1", "Job"),
    ("service", "v1", "Service"), ("서비스", "v1", "Service"), ("namespace", "v1", "Namespace"),
    ("네임스페이스", "v1", "Namespace"), ("configmap", "v1", "ConfigMap"), ("ingress", "networking.k8s.io/v1", "Ingress"),
    ("pod", "v1", "Pod"), ("파드", "v1", "Pod"),
]
API_VERSIONS = {kind: api for _, api, kind in KIND_WORDS}


def suggest(word: str, known: list[str]) -> str | None:
    """The known field name the user probably meant: same letters in another case, else a close match."""
    for name in known:
        if name.lower() == word.lower():
            return name
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
    return close[0] if close else None


# a file's name at a prompt over its lines (`$ vip-daemonset.yml`), or the command that opens or prints the file
# (`$ kubectl edit configmap -n kube-system kube-proxy`, `$ vi pod.yaml`, `$ cat pod.yaml`): the author's label, no
# part of the manifest
FILE_LABEL = re.compile(r"^\s*\$\s+(?:sudo\s+)?(?:[\w./-]+\.ya?ml|(?:vi|vim|nvim|nano|emacs|cat|kubectl\s+edit)\s+[^|;&<>]*)\s*$")


def _blank_placeholders(code: str) -> str:
    lines = code.split("\n")
    return "\n".join("" if PLACEHOLDER.match(line) or not index and FILE_LABEL.match(line) else line
                     for index, line in enumerate(lines))


def _parse(code: str) -> list[Document] | YamlError:
    """Documents of a fence, tolerating `...` placeholder lines; the first error when it is not YAML at all."""
    first: YamlError | None = None
    for text in (code, _blank_placeholders(code)):
        try:
            return load_documents(text)
        except YamlError as exc:
            first = first or exc
    assert first is not None
    return first


def _guess_kind(obj: dict, section: tuple[str, ...], comment: str = "") -> tuple[str, str, bool] | None:
    """(apiVersion, kind, sure) for a fragment without them: from its kind or its shape (sure), else from its own
    first comment (`# fastapi-deployment.yaml`) or the heading above it (a guess: the heading may be about another
    object than the one the fragment shows)."""
    if isinstance(obj.get("kind"), str) and obj["kind"] in API_VERSIONS:
        return API_VERSIONS[obj["kind"]], obj["kind"], True
    spec = obj.get("spec")
    if isinstance(spec, dict) and "schedule" in spec:
        return "batch/v1", "CronJob", True
    for heading in (comment, *reversed(section)):
        lowered = heading.lower()
        for word, api, kind in KIND_WORDS:
            if re.search(rf"(?<![a-z]){re.escape(word)}s?(?![a-z])", lowered):
                return api, kind, False
    return None


def _first_comment(code: str, doc: Document) -> str:
    """The comment lines right above a document (`# fastapi-deployment.yaml`), as one line."""
    found: list[str] = []
    for line in reversed(code.split("\n")[:max(doc.line - 1, 0)]):
        if not line.strip().startswith("#"):
            break
        found.append(line.strip())
    return " ".join(reversed(found))


def _misspelt_top_level(obj: dict) -> dict[str, str]:
    """A manifest's top-level keys written in another case or a letter off (`apiversion`, `Kind`, `metdata`), each
    with the key meant, where the object does not have that key already."""
    out: dict[str, str] = {}
    for key in obj:
        if isinstance(key, str) and key not in TOP_LEVEL:
            meant = suggest(key, sorted(TOP_LEVEL))
            if meant is not None and meant not in obj and meant not in out.values():
                out[key] = meant
    return out


def _misfit(problems: list[tuple[Path, str]]) -> bool:
    """Whether a fragment checked as a kind guessed from a heading holds a key right under `spec` that kind does not
    have nor anything like it (`template` checked as an Ingress): the guess was wrong, not the fragment."""
    return any(len(path) == 2 and path[0] == "spec" and message.startswith("unknown field")
               and "did you mean" not in message for path, message in problems)


def _get(obj: Any, path: Path) -> Any:
    for part in path:
        obj = obj[part]
    return obj


class _Renames:
    """Keys renamed while fixing a copy, so later messages name the fields as the user wrote them."""

    def __init__(self) -> None:
        self.map: dict[Path, Path] = {}

    def add(self, new: Path, old: Path) -> None:
        self.map[new] = self.original(old)

    def original(self, path: Path) -> Path:
        for size in range(len(path), 0, -1):
            if path[:size] in self.map:
                return self.map[path[:size]] + path[size:]
        return path


def _problem(err: ValidationError, obj: dict, kind: str, renames: _Renames) -> tuple[list[tuple[Path, str]], bool]:
    """(path, message) pairs for one schema error, after fixing the copy `obj` when possible; the
    flag says whether the copy was fixed so validation can go on to the next error. Paths are
    the user's own (before renames)."""
    path: Path = renames.original(tuple(err.path))
    at = tuple(err.path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    known = sorted((schema.get("properties") or {}).keys())
    instance = err.instance
    if err.validator == "additionalProperties" and isinstance(instance, dict):
        out = []
        target = _get(obj, at)
        for key in [k for k in instance if k not in known]:
            better = suggest(key, known)
            where = format_path(path + (key,))
            hint = f'; did you mean "{better}"?' if better else f" (known fields here: {', '.join(known)})"
            out.append((path + (key,), f'unknown field "{where}" in {kind}: Kubernetes rejects it{hint}'))
            if better and better not in target:
                target[better] = target.pop(key)
                renames.add(at + (better,), path + (key,))
            else:
                target.pop(key)
        return out, True
    if err.validator == "required" and isinstance(instance, dict):
        missing = [name for name in err.validator_value if name not in instance]
        out, fixed = [], False
        target = _get(obj, at)
        for name in missing:
            extra = [k for k in instance if k not in known]
            wrong = next((k for k in extra if suggest(k, [name]) == name), None)
            if wrong is not None:
                where = format_path(path + (wrong,))
                out.append((path + (wrong,), f'unknown field "{where}" in {kind}: Kubernetes rejects it; '
                                             f'did you mean "{name}"?'))
                target[name] = target.pop(wrong)
                renames.add(at + (name,), path + (wrong,))
                fixed = True
            else:
                out.append((path, f'missing required field "{format_path(path + (name,))}" in {kind}'))
        return out, fixed
    if err.validator == "format" and isinstance(instance, str) and at:  # `byte`: base64 the server cannot decode
        _get(obj, at[:-1])[at[-1]] = ""  # (kept, as a value it reads, so that a required one is not missed)
        return ([] if PLACEHOLDER_VALUE.search(instance) else [(path, _not_base64(path, instance, kind))]), True
    if err.validator == "type" and isinstance(instance, str) and PLACEHOLDER_VALUE.search(instance) and at:
        stand_in = next((STAND_INS[name] for name in _names(err.validator_value) if name in STAND_INS), None)
        parent = _get(obj, at[:-1])
        if stand_in is not None and isinstance(parent, (dict, list)):
            parent[at[-1]] = stand_in  # `port: <서비스포트>`: a blank to fill in, not a string where a number goes
            return [], True
    message = f'{format_path(path) or kind}: {err.message}' if path else f"{kind}: {err.message}"
    if path:
        parent = _get(obj, at[:-1])
        if isinstance(parent, dict):
            parent.pop(at[-1], None)
            return [(path, message)], True
    return [(path, message)], False


# a value of each type a placeholder stands in for while the rest of the manifest is checked
STAND_INS: dict[str, Any] = {"integer": 1, "number": 1, "boolean": True, "object": {}, "array": []}


def _names(types: Any) -> list[str]:
    """A schema's `type` as a list of names."""
    return [types] if isinstance(types, str) else list(types or ())


def _not_base64(path: Path, value: str, kind: str) -> str:
    """What to say of a `[]byte` field's value that is not base64."""
    shown = value if len(value) <= 40 else value[:37] + "..."
    plain = ', or the plain text under "stringData"' if kind == "Secret" and path[:1] == ("data",) else ""
    return (f'"{format_path(path)}" in {kind} is not base64: Kubernetes rejects "{shown}" ({base64_problem(value)}); '
            f"give its base64 (echo -n 'value' | base64){plain}")


def _kubernetes_group(obj: dict) -> bool:
    """Whether an object's apiVersion names one of Kubernetes' own API groups, or one a letter or two away
    (`networing.k8s.io`): another group's kind of the same name (an audit log's `audit.k8s.io` Event, Knative's
    `serving.knative.dev` Service) is no mistake for one of Kubernetes' own."""
    group = str(obj["apiVersion"]).rpartition("/")[0]
    return suggest(group, list(k8s_schema.served_groups())) is not None


def _lint_object(obj: dict, fragment: bool) -> tuple[list[tuple[Path, str]], str | None]:
    """Every schema problem found in one object, fixing a copy after each so later ones show too, and the
    apiVersion whose schema it was checked against (the one meant, when it names one that does not serve the kind;
    None when there is no schema for it: a custom resource's kind)."""
    work = copy.deepcopy(obj)
    kind = obj["kind"]
    found: list[tuple[Path, str]] = []
    renames = _Renames()
    checked: str | None = obj["apiVersion"]
    for _ in range(MAX_ROUNDS):
        try:
            k8s_schema.validate(work)
            break
        except ValidationError as err:
            problems, fixed = _problem(err, work, kind, renames)
        except SchemaNotFoundError:
            served = k8s_schema.served_versions(kind) if isinstance(kind, str) and _kubernetes_group(obj) else ()
            if served:  # a kind of Kubernetes' own under an apiVersion that does not serve it (`networing.k8s.io/v1`)
                better = suggest(str(obj["apiVersion"]), list(served)) or (served[0] if len(served) == 1 else None)
                hint = f'; did you mean "{better}"?' if better else f" (it serves it as {', '.join(served)})"
                found.append((("apiVersion",), f'apiVersion "{obj["apiVersion"]}" does not serve {kind}: '
                                               f"Kubernetes rejects it{hint}"))
                if better:
                    work["apiVersion"] = checked = better  # checked as meant, so the rest of it is checked too
                    continue
            checked = None
            break  # else a custom resource's kind: nothing to say
        except (VersionNotSupportedError, Unresolvable, InvalidSchemaError):
            checked = None
            break  # a version the schemas do not cover: nothing to say
        for path, message in problems:
            if fragment and "unknown field" not in message:
                continue  # a fragment leaves out required parts on purpose
            found.append((path, message))
        if not fixed:
            break
    return found, checked


def _rejected_values(obj: dict, full: bool, served_as: str | None) -> list[tuple[Path, str]]:
    """What the API server rejects that the schemas leave free: an enumerated field's value (`Noschedule`,
    `ReadWriteOne`), a container's name (`data_processor`) and, in a whole manifest, an object's name (`myClaim`), each
    with the value meant, or no name at all in an object of a kind it stores (`served_as`: the apiVersion it serves the
    kind at, None when it does not)."""
    kind = obj["kind"]
    found = []
    meta = obj.get("metadata")
    if full and served_as and k8s_schema.takes_name(served_as, kind) and not (
            isinstance(meta, dict) and (meta.get("name") or meta.get("generateName"))):
        found.append((("metadata",), f'missing "metadata.name" in {kind}: Kubernetes rejects an object with neither a '
                                     "name nor a generateName"))
    strings = shaped_strings(obj)
    for path, value, allowed in unsupported_values(obj, strings):
        if PLACEHOLDER_VALUE.search(value):
            continue
        better = suggest(value, [v for v in allowed if v])
        hint = f'; did you mean "{better}"?' if better else " (supported: " + ", ".join(v for v in allowed if v) + ")"
        found.append((path, f'unsupported value "{value}" for "{format_path(path)}" in {kind}: '
                            f"Kubernetes rejects it{hint}"))
    for path, name, _ in invalid_container_names(strings) if served_as else ():
        if not PLACEHOLDER_VALUE.search(name):
            found.append((path, f'name "{name}" of a container in {kind}: Kubernetes rejects it ({LABEL_CHARACTERS})'
                                f"{_meant(name, label_problem)}"))
    name = meta.get("name") if isinstance(meta, dict) else None
    problem = name_problem(name, kind) if full and isinstance(name, str) and name \
        and not PLACEHOLDER_VALUE.search(name) else None
    if problem:
        allowed = LABEL_CHARACTERS if kind in LABEL_KINDS else problem \
            if kind in PATH_SEGMENT_KINDS else "lowercase letters, digits, '-' and '.'"
        found.append((("metadata", "name"), f'name "{name}" of a {kind}: Kubernetes rejects it ({allowed})'
                                            f"{_meant(name, lambda meant: name_problem(meant, kind))}"))
    return found


LABEL_CHARACTERS = "lowercase letters, digits and '-'"


def _meant(name: str, problem: Callable[[str], str | None]) -> str:
    """`; did you mean "my-claim"?` for a name the API server rejects, when its lowercase form with each run of other
    characters made a `-` is one it takes ('.' kept where the name's kind takes it)."""
    meant = re.sub(r"[^a-z0-9.-]+", "-", name.lower()).strip("-.")
    if problem(meant):
        meant = meant.replace(".", "-")
    return f'; did you mean "{meant}"?' if meant and not problem(meant) else ""


# `<pod-name>`, `${NAME}`, `<ClusterIP|NodePort>`: a blank to fill in, not a value
PLACEHOLDER_VALUE = re.compile(r"[<>${}|]|\.\.\.|…")


HERE_DOCUMENT = re.compile(r"<<-?\s*(['\"]?)(\w+)\1")  # `cat <<EOF > pod.yaml`, `kubectl apply -f - <<'EOF'`


def _here_documents(code: str) -> str:
    """A shell block's here-documents alone, every other line blank (so that lines keep their numbers): the manifest
    `cat <<EOF > metallb-l2config.yml` writes, without the commands around it. The code as it is when it has none."""
    lines = code.split("\n")
    kept = [False] * len(lines)
    at = 0
    while at < len(lines):
        opened = HERE_DOCUMENT.search(lines[at]) if not lines[at].lstrip().startswith("#") else None
        end = next((n for n in range(at + 1, len(lines)) if lines[n].strip() == opened.group(2)), None) \
            if opened else None
        if end is None:
            at += 1
            continue
        kept[at + 1:end] = [True] * (end - at - 1)
        at = end + 1
    return "\n".join(line if keep else "" for line, keep in zip(lines, kept)) if any(kept) else code


def lint_manifest_text(code: str, path: str, first_line: int, section: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Diagnostics for the manifests in one code block whose first code line is `first_line` of `path`, by line."""
    if "{{" in code and "}}" in code:
        return []  # a Helm or other template, not a manifest yet
    code = _here_documents(code)
    documents = _parse(code)
    if isinstance(documents, YamlError):
        if re.search(r"^\s*apiVersion:", code, re.M) and re.search(r"^\s*kind:", code, re.M):
            last = code.rstrip("\n").count("\n") + 1  # an unclosed value is found at the end of the text
            line = first_line - 1 + min(documents.line, last) if documents.line else first_line
            reason = documents.message.removeprefix("invalid YAML: ")
            return [warning(path, line, f"this manifest is not valid YAML ({reason})", "manifest-yaml")]
        return []
    out: list[Diagnostic] = []
    for doc in documents:
        obj = doc.data
        if not isinstance(obj, dict) or not obj:
            continue
        misspelt = _misspelt_top_level(obj)  # `apiversion: v1` over `kind: Pod`: a manifest with a typo, not a fragment
        if misspelt:
            obj = {misspelt.get(key, key): value for key, value in obj.items()}
        full = all(isinstance(obj.get(key), str) and obj[key].strip() for key in ("apiVersion", "kind"))
        if misspelt and not full:
            continue
        if not full:
            if not set(obj) <= TOP_LEVEL or not ({"spec", "metadata", "data"} & set(obj)):
                continue
            guess = _guess_kind(obj, section, _first_comment(code, doc))
            if guess is None:
                continue
            obj = {**obj, "apiVersion": guess[0], "kind": guess[1]}
            if not isinstance(obj.get("metadata"), dict):
                obj["metadata"] = {"name": "fragment"}
        problems, served_as = _lint_object(obj, fragment=not full)
        if not full and not guess[2] and _misfit(problems):
            continue
        if misspelt and (served_as is not None or _kubernetes_group(obj)):
            problems = [((wrong,), f'unknown field "{wrong}" in {obj["kind"]}: Kubernetes rejects it; did you mean '
                                   f'"{right}"?') for wrong, right in misspelt.items()] + problems
        written = {right: wrong for wrong, right in misspelt.items()}
        for field_path, message in problems + _rejected_values(obj, full, served_as):
            if field_path and field_path[0] in written:  # (the line of the key as the note writes it)
                field_path = (written[field_path[0]],) + tuple(field_path[1:])
            line = first_line - 1 + doc.line_of(field_path)
            if not full:
                message += f" (checked as a {obj['kind']} fragment)"
            out.append(warning(path, line, message, "manifest-schema"))
    return sorted(out)  # by line (the schema's errors under a map, `data.a` and `data.b`, come in no fixed order)


def lint_manifests(vault: Any, memo: dict[str, tuple[Any, list[Diagnostic]]] | None = None) -> list[Diagnostic]:
    """Diagnostics for every Kubernetes manifest in the vault's code fences, sorted by file and line. With a
    `memo` of an earlier build, a note whose file is unchanged keeps its diagnostics; `memo` is updated."""
    out: list[Diagnostic] = []
    stamps = getattr(vault, "stamps", {})
    kept = KeyedMemo(memo)
    for note in vault.notes:
        out.extend(kept.get(note.path, stamps.get(note.path), lambda: lint_note(note)))
    kept.close()
    return sorted(out)


def lint_note(note: Any) -> list[Diagnostic]:
    """Diagnostics for the manifests in one note's code fences."""
    out: list[Diagnostic] = []
    for block in note.code_blocks:
        if (block.lang or "").lower() in YAML_LANGS:
            out.extend(lint_manifest_text(block.code, note.path, block.line, tuple(getattr(block, "section", ()))))
    return out
