"""Kubernetes manifests in code fences become cloze cards that blank their key fields."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import NamedTuple

import yaml

from flashgen.cards.cloze import ANKI_CLOZE
from flashgen.cards.context import RuleContext
from flashgen.cards.model import Card
from flashgen.cards.quality import is_generic
from flashgen.vault.heading_text import heading_text
from flashgen.vault.model import CodeBlock, Section
from flashgen.yamlsafe import safe_load_all

# field paths (list indexes dropped) whose values the learner should recall, grouped so that fields that
# must agree (a selector and the pod labels it selects) are hidden together
KEY_FIELDS: list[tuple[str, tuple[str, ...]]] = [
    ("kind", ("kind",)),
    ("replicas", ("spec.replicas",)),
    ("selector", ("spec.selector.matchLabels.*", "spec.template.metadata.labels.*", "spec.selector.*")),
    ("type", ("spec.type",)),
    ("ports", ("spec.ports.port", "spec.ports.targetPort", "spec.ports.nodePort")),
    ("containerPort", ("spec.template.spec.containers.ports.containerPort", "spec.containers.ports.containerPort")),
    ("restartPolicy", ("spec.template.spec.restartPolicy", "spec.jobTemplate.spec.template.spec.restartPolicy",
                       "spec.restartPolicy")),
    ("schedule", ("spec.schedule",)),
    ("completions", ("spec.completions", "spec.parallelism", "spec.backoffLimit")),
    ("serviceName", ("spec.serviceName",)),
    ("clusterIP", ("spec.clusterIP",)),
    ("image", ("spec.template.spec.containers.image", "spec.containers.image",
               "spec.jobTemplate.spec.template.spec.containers.image")),
]
# the groups whose values mean something beyond the example (how it is reached, restarted, run, which Service
# names its pods); the others (`kind`, `replicas: 3`, `image: nginx`, ports, a label) are the example's own choices
MEANINGFUL = {"type", "restartPolicy", "schedule", "completions", "serviceName", "clusterIP"}
EXAMPLE_VALUES = {"replicas", "selector", "ports", "containerPort", "image"}
KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_][\w.\-/]*):(?P<gap>\s*)(?P<value>[^#\n]*?)(?P<rest>\s*(?:#.*)?)$")


def manifest_docs(code: CodeBlock) -> list[dict]:
    """The Kubernetes objects (mappings with apiVersion and kind) in a YAML code block."""
    if code.lang not in ("yaml", "yml", ""):
        return []
    try:
        docs = [doc for doc in safe_load_all(code.code) if isinstance(doc, dict)]
    except yaml.YAMLError:
        return []
    return [doc for doc in docs if isinstance(doc.get("apiVersion"), str) and isinstance(doc.get("kind"), str)]


def rejected_manifest(code: CodeBlock, rejected: set[int] | frozenset[int]) -> bool:
    """Whether a code block holds Kubernetes objects and some of its lines are among the `rejected` (what
    Kubernetes rejects, by the note's line)."""
    return any(code.line <= line <= code.last_line for line in rejected) and bool(manifest_docs(code))


def _field_paths(text: str) -> list[tuple[int, str, "re.Match[str]"]]:
    """(line index, dotted path, match) for every `key: value` line, following indentation."""
    stack: list[tuple[int, str]] = []
    out = []
    for index, line in enumerate(text.split("\n")):
        match = KEY_LINE.match(line)
        if not match:
            continue
        indent = len(match.group("indent")) + (len(match.group("dash")) if match.group("dash") else 0)
        if match.group("dash"):
            # a list item's first key sits at the dash's indentation plus the dash
            while stack and stack[-1][0] >= indent - len(match.group("dash")) + 1 and stack[-1][0] >= indent:
                stack.pop()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = ".".join([name for _, name in stack] + [match.group("key")])
        out.append((index, path, match))
        if not match.group("value").strip():
            stack.append((indent, match.group("key")))
    return out


def _matches(path: str, pattern: str) -> bool:
    if pattern.endswith(".*"):
        return path.startswith(pattern[:-1]) and path.count(".") == pattern.count(".")
    return path == pattern


WORD = re.compile(r"[^\s:,;()\[\]{}<>|\"'`=#]+")


def words_of(text: str, joined: bool = False) -> set[str]:
    """The words of a text, lowercased, that could give a hidden value away (numbers never do: they are everywhere).
    `joined`: as a reader of a heading joins them too (`Horizontal Pod Autoscaler`, `Service Accounts`)."""
    words = [word.lower() for word in WORD.findall(text) if any(ch.isalpha() for ch in word)]
    found = set(words)
    found.update(part.lower() for word in words for part in re.findall(r"[A-Za-z][\w.:/-]*", word, re.ASCII)
                 if part.lower() != word)  # `Secret을` names `secret`
    if joined:
        for size in (2, 3):
            found.update("".join(words[i:i + size]) for i in range(len(words) - size + 1))
        found.update(word[:-1] for word in list(found) if word.endswith("s") and len(word) > 3)
    return found


# keys every manifest has: never what a section is about
FRAME_KEYS = {"apiversion", "kind", "metadata", "spec", "template", "containers", "initcontainers", "selector",
              "matchlabels", "labels", "annotations", "name", "namespace", "image", "ports", "status", "data", "items"}
# words of headings that name no part of a manifest (`Example Manifest File`, `Setting default PVC`)
HEADING_WORDS = {"example", "examples", "manifest", "manifests", "default", "setting", "settings", "config", "using",
                 "basic", "simple", "create", "creating", "production", "sample", "definition", "configuring"}
# keys too common to ask for within a topic (`name:` of a volume, `key:` of a selector term)
# (and the resources a quantity is given for: `cpu:` and `memory:` under each of a LimitRange's `default`, `min`, …)
PLAIN_KEYS = {"name", "key", "value", "values", "path", "image", "command", "args", "labels", "namespace", "type",
              "cpu", "memory", "storage", "ephemeral-storage"}
# the group of the top-level keys of an object without a spec, and such keys that set nothing
# maps whose keys the author names (`disktype: ssd` under `nodeSelector`, an app's labels, a ConfigMap's settings):
# one example's own choice, never a key field to recall
FREE_FORM = {"nodeselector", "labels", "matchlabels", "annotations", "data", "stringdata", "binarydata"}
TOP_LEVEL = "fields"
SETTINGS_KEYS = {"data", "stringdata"}  # where a ConfigMap or Secret holds what it sets: the key it is about
TOP_LEVEL_SKIPPED = {"apiversion", "description"}
COMMENT = re.compile(r"(?:^|\s)#(.*)$", re.M)
NAME_JOINTS = re.compile(r"[-_./]")
MAX_TOPIC_KEYS = 6  # keys asked under one topic, nearest it first: more in one blank group is a wall, not a question


def _topic_roots(fields: list[tuple[int, str, "re.Match[str]"]], given: set[str] | frozenset[str],
                 kinds: set[str]) -> dict[str, tuple[str, int | None]]:
    """The paths of the keys the headings are about, with their names and how deep below them keys are asked: a key
    they name (`env`, `affinity` under `Node Affinity`), or that holds one of their longer words (`secretKeyRef`
    under `Secrets`, `volumeMounts` under `Volumes`), every level below it. Names and labels (`metadata`,
    `annotations`) are no topic. Failing those, headings that name the object's kind (`Deployment`) are about its
    spec: the keys right under `spec` (`replicas`, `selector`, `template`). `kinds`: the kinds they name."""
    long = {word for word in given if len(word) >= 5 and word.isascii() and word.isalpha()} - HEADING_WORDS
    roots: dict[str, tuple[str, int | None]] = {}
    for _, path, match in fields:
        key = match.group("key")
        if key.lower() in FRAME_KEYS or any(path.startswith(root + ".") for root in roots) \
                or path.split(".", 1)[0] == "metadata" or ".metadata." in f".{path}" \
                or any(_matches(path, pattern) for _, patterns in KEY_FIELDS for pattern in patterns):
            continue  # (a key field's value is asked already)
        if key.lower() in given or any(word in key.lower() for word in long) or _initials(key) in given:
            roots[path] = (key, None)  # (`PVC 설정` over `persistentVolumeClaim:`: its initials)
    if not roots and kinds:
        if any(path == "spec" for _, path, _ in fields):
            roots["spec"] = ("spec", 1)
        else:  # an object without a spec (`PriorityClass`, `StorageClass`): its own top-level keys are what it sets
            roots.update((path, (TOP_LEVEL, 0)) for _, path, match in fields if "." not in path
                         and match.group("key").lower() not in (FRAME_KEYS - SETTINGS_KEYS) | TOP_LEVEL_SKIPPED)
    return roots


def _alike_siblings(fields: list[tuple[int, str, "re.Match[str]"]], roots: dict[str, tuple[str, int | None]]) -> set[str]:
    """The topics that sit side by side under one key, named alike and with a key of the same name under each
    (`livenessProbe` and `readinessProbe`, both with `periodSeconds`): settings of one type, so nothing on the card
    tells which blank holds which name (which probe checks by HTTP is the example's choice). Their names stay shown;
    what is under them is asked."""
    children: dict[str, set[str]] = {}
    for _, path, match in fields:
        parent = path[:-len(match.group("key"))].rstrip(".")
        if parent in roots:
            children.setdefault(parent, set()).add(match.group("key"))
    alike: set[str] = set()
    for root in roots:
        siblings = [other for other in roots if other != root and other.rpartition(".")[0] == root.rpartition(".")[0]
                    and _last_word(other) == _last_word(root)]
        if any(children.get(root, set()) & children.get(other, set()) for other in siblings):
            alike.add(root)
    return alike


def _last_word(path: str) -> str:
    """The last word of a field's key (`probe` of `spec.containers.livenessProbe`), lowercased."""
    words = re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", path.rpartition(".")[2])
    return words[-1].lower() if words else ""


def _parent_key(path: str, key: str) -> str:
    """The key a field is under (`data` for `my-scheduler-config.yaml`, whose own dots are no levels), or ""."""
    return path[:-len(key)].rstrip(".").rsplit(".", 1)[-1]


CAMEL = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def _initials(key: str) -> str:
    """The initials a heading abbreviates a key by (`persistentVolumeClaim` → `pvc`, `serviceAccount` → `sa`); "" for
    a key of one word, whose name is no abbreviation."""
    words = _camel_words(key)
    return "".join(word[0] for word in words) if 2 <= len(words) <= 4 and all(word.isalpha() for word in words) else ""


def _abbreviated(kind: str, shown: set[str]) -> bool:
    """Whether a word of the card's shown text has the kind's initials as a part of its name (`example-csr`,
    `my-pvc`, `web-hpa`): it gives the kind away as the kind's own name would."""
    initials = _initials(kind)
    return bool(initials) and any(initials in re.split(r"[-_.:/]", word) for word in shown)


def _camel_words(name: str) -> list[str]:
    """The words of a key or value (`averageUtilization` → average, utilization), lowercased."""
    return [word.lower() for word in CAMEL.findall(name)]


def _names_key(value: str, key: str) -> bool:
    """Whether a `type:` value names a key (`Resource` → `resource`, `Utilization` → `averageUtilization`,
    `Localhost` → `localhostProfile`): the same words, or those words with one more word before or after them."""
    named, words = _camel_words(value), _camel_words(key)
    if not named or len(words) - len(named) not in (0, 1):
        return False
    return words[:len(named)] == named or words[-len(named):] == named


def _told_by_type(fields: list[tuple[int, str, "re.Match[str]"]]) -> tuple[set[int], set[int]]:
    """Kubernetes' union fields (`- type: Pods` then `pods:`, `type: Utilization` then `averageUtilization:`): the
    lines of the keys a sibling `type:` value names, and the lines of those `type:` values. Either gives the other
    away. Siblings are the keys of one mapping (one list item, one indentation under one key)."""
    stack: list[tuple[int, int]] = []  # (indentation, mapping id)
    mapping: dict[int, int] = {}
    made = 0
    for index, _, match in fields:
        dash = match.group("dash")
        indent = len(match.group("indent")) + (len(dash) if dash else 0)
        while stack and stack[-1][0] > indent:
            stack.pop()
        if dash or not stack or stack[-1][0] < indent:
            if stack and stack[-1][0] == indent:
                stack.pop()
            made += 1
            stack.append((indent, made))
        mapping[index] = stack[-1][1]
    types = {index: match.group("value").strip().strip("\"'") for index, _, match in fields
             if match.group("key") == "type" and match.group("value").strip()}
    keys, values = set(), set()
    for at, value in types.items():
        for index, _, match in fields:
            if mapping[index] == mapping[at] and index != at and _names_key(value, match.group("key")):
                keys.add(index)
                values.add(at)
    return keys, values


ANNOTATION_NAME = re.compile(r"^\s*(?:-\s+)?(?:[\w.\-]+/)?(?P<name>[A-Za-z0-9][\w.\-]*):")
LABEL_KEYS = {"annotations", "labels", "matchlabels"}


def _prefix_words(fields: list[tuple[int, str, "re.Match[str]"]]) -> set[str]:
    """The words of the prefixes of annotation and label keys (`storageclass` of
    `storageclass.kubernetes.io/is-default-class`): a kind they name is on the card already."""
    return {word.lower() for _, path, match in fields if "/" in match.group("key")
            and _parent_key(path, match.group("key")).lower() in LABEL_KEYS
            for word in match.group("key").split("/", 1)[0].split(".")}


def _point_annotations(lines: list[str], fields: list[tuple[int, str, "re.Match[str]"]], point: set[str] | frozenset[str],
                       kinds: set[str]) -> list[Hidden]:
    """The annotations whose names hold a word of the section's own heading or of the line above the manifest
    (`is-default-class` under `Setting default …`): what the section shows how to set, asked by their names (their
    prefix stays shown). Words of the objects' kinds (`class` of `StorageClass`) name no annotation."""
    found = []
    for index, path, match in fields:
        if _parent_key(path, match.group("key")).lower() != "annotations":
            continue
        name = ANNOTATION_NAME.match(lines[index])
        if name and {word for word in NAME_JOINTS.split(name.group("name").lower()) if len(word) >= 4} & point - kinds:
            found.append(Hidden(index, "annotations", name, "name", path.count(".")))
    return found


def _kind_words(fields: list[tuple[int, str, "re.Match[str]"]]) -> set[str]:
    """The words of the objects' kinds (`storage`, `class` of `StorageClass`)."""
    return {word for _, path, match in fields if path == "kind" for word in _camel_words(match.group("value"))}


ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def _comment_names(lines: list[str], index: int, key: str) -> bool:
    """Whether a comment on a key's line or on the line right above it names the key (`volumes:  # define
    volumes at Pod level`, `# Faster scale-up` over `scaleUp:`), or all of it but one word (`# StorageClass 지정`
    beside `storageClassName:`)."""
    comments = [line for line in (lines[index], lines[index - 1] if index else "") if "#" in line]
    if not comments:
        return False
    said, named = set(), []
    for line in comments:
        found = COMMENT.search(line)
        if found and (line is lines[index] or not line[:found.start()].strip()):
            said |= words_of(NAME_JOINTS.sub(" ", found.group(1)), joined=True)
            named += ASCII_WORD.findall(found.group(1))
    lowered = key.lower()
    return lowered in said or lowered.endswith("s") and lowered[:-1] in said \
        or any(len(word) >= 4 and _names_key(word, key) for word in named)  # (`# StorageClass 지정`, `init 컨테이너`)


COMMENT_PATH = re.compile(r"(?<![\w/])\.?([a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)+)(?![\w/]|\.\w)")


def _comment_paths(code: str) -> set[str]:
    """The field paths the manifest's comments spell (`.spec.template.metadata.labels`), as `.spec.template.…`."""
    return {"." + path + "." for comment in COMMENT.findall(code) for path in COMMENT_PATH.findall(comment)}


def _spelt(path: str, spelt: set[str]) -> bool:
    """Whether a comment spells a key's path: its parent's key and its own, one after the other
    (`spec.selector` in `.spec.selector.matchLabels`)."""
    tail = ".".join(path.split(".")[-2:])
    return "." in tail and any(f".{tail}." in found for found in spelt)


# shapes only one kind (or two alike kinds the card cannot tell apart) has: (keys all there, keys one of which is
# there, the kinds). A Pod's `spec.containers`, a CronJob's `spec.schedule`, a ConfigMap's top-level `data`: a kind
# its own fields name is no question
SHAPES: list[tuple[frozenset[str], frozenset[str], frozenset[str]]] = [
    (frozenset({"spec.containers"}), frozenset(), frozenset({"pod"})),
    (frozenset(), frozenset({"spec.schedule", "spec.jobTemplate"}), frozenset({"cronjob"})),
    (frozenset({"spec.template"}), frozenset({"spec.completions", "spec.parallelism", "spec.backoffLimit",
                                              "spec.activeDeadlineSeconds", "spec.ttlSecondsAfterFinished"}),
     frozenset({"job"})),
    (frozenset({"spec.template", "spec.strategy"}), frozenset(), frozenset({"deployment"})),
    (frozenset({"spec.template"}), frozenset({"spec.serviceName", "spec.volumeClaimTemplates"}),
     frozenset({"statefulset"})),
    (frozenset(), frozenset({"data", "stringData", "binaryData"}), frozenset({"configmap", "secret"})),
    (frozenset({"rules"}), frozenset(), frozenset({"role", "clusterrole"})),
    (frozenset({"subjects", "roleRef"}), frozenset(), frozenset({"rolebinding", "clusterrolebinding"})),
    (frozenset({"spec.capacity"}), frozenset(), frozenset({"persistentvolume"})),
    (frozenset({"spec.accessModes", "spec.resources"}), frozenset(), frozenset({"persistentvolumeclaim"})),
    (frozenset({"spec.podSelector"}), frozenset(), frozenset({"networkpolicy"})),
    (frozenset(), frozenset({"spec.minAvailable", "spec.maxUnavailable"}), frozenset({"poddisruptionbudget"})),
    (frozenset({"spec.scaleTargetRef", "spec.maxReplicas"}), frozenset(), frozenset({"horizontalpodautoscaler"})),
]
SHAPED = frozenset(kind for _, _, kinds in SHAPES for kind in kinds)
DOCUMENT_BREAK = re.compile(r"---\s*$")


def _shaped_kinds(lines: list[str], fields: list[tuple[int, str, "re.Match[str]"]], wanted: set[str]) -> set[str]:
    """Which of the `wanted` kinds (lowercased) the keys of an object name by their shape (`spec:` then `containers:`
    with no `template`: a Pod), each object between `---` lines on its own. A key the card hides names it still: what
    is under it shows what it is (`- apiGroups:` under a hidden `rules:`), and the kind is the blank it gives away."""
    breaks = [index for index, line in enumerate(lines) if line.startswith("---") and DOCUMENT_BREAK.match(line)]
    objects: list[set[str]] = [set()]
    cut = 0
    for index, path, _ in fields:
        if cut < len(breaks) and index > breaks[cut]:
            while cut < len(breaks) and index > breaks[cut]:
                cut += 1
            objects.append(set())
        if path.count(".") <= 1:
            objects[-1].add(path)
    return {kind for keys in objects for needed, either, kinds in SHAPES if kinds & wanted
            and needed <= keys and (not either or either & keys) for kind in kinds & wanted}


class Hidden(NamedTuple):
    """A value or key a cloze hides: its line, its group (the key field or topic it is asked under), where it
    stands, which part of the line (`value` or `key`) and how deep its key is."""

    line: int
    group: str
    match: "re.Match[str]"
    part: str
    depth: int


PORT_VALUE = re.compile(r"\b\w*[pP]ort:\s*[\"']?(\d+)\b")  # a port's number (`containerPort: 3306`, `port: 80`)


def _without_given_away(lines: list[str], edits: list[tuple[int, int, int, int]], groups: list[str],
                        given: set[str] | frozenset[str]) -> tuple[list[tuple[int, int, int, int]], list[str]]:
    """The blanks left when those that ask nothing are dropped, renumbered: the example's own values (`image:
    busybox:1`, a Service's `app: web` and `port: 80`) beside a value that means something beyond it (`restartPolicy:
    Never`, `type: LoadBalancer`), and a value the card shows unblanked elsewhere (`port: 3306` beside
    `containerPort: 3306`)."""
    meaningful = {groups[number - 1] for *_, number in edits} & MEANINGFUL
    kept = [edit for edit in edits if not (meaningful and groups[edit[3] - 1] in EXAMPLE_VALUES
                                           and _is_value(lines, edit))]
    while True:  # (Anki shows the other blanks' values on each blank's card)
        spoilt = set()
        for number in {n for *_, n in kept}:
            own = [edit for edit in kept if edit[3] == number]
            shown_lines = list(lines)
            for index, start, end, _ in sorted(own, key=lambda e: (e[0], -e[1])):
                shown_lines[index] = shown_lines[index][:start] + shown_lines[index][end:]
            shown_text = "\n".join(shown_lines)
            shown = words_of(shown_text) | set(given) | set(PORT_VALUE.findall(shown_text))
            said = [words_of(lines[index][start:end]) or set(re.findall(r"^\d+$", lines[index][start:end].strip()))
                    for index, start, end, _ in own]
            if all(said) and all(words <= shown for words in said):  # (`"*/1 * * * *"` has no word to give away; a
                spoilt.add(number)  # number is given away by the same port shown: `containerPort: 3306`)
        if not spoilt:
            break
        kept = [edit for edit in kept if edit[3] not in spoilt]
    used = sorted({number for *_, number in kept})
    renumber = {old: new for new, old in enumerate(used, start=1)}
    return [(index, start, end, renumber[number]) for index, start, end, number in kept], \
        [groups[old - 1] for old in used]


def _is_value(lines: list[str], edit: tuple[int, int, int, int]) -> bool:
    """Whether a blank hides a value (after its key's colon), not a key."""
    index, start, _, _ = edit
    return ":" in lines[index][:start]


def cloze_manifest(code: str, given: set[str] | frozenset[str] = frozenset(),
                   kinds: set[str] | frozenset[str] = frozenset(),
                   told: set[str] | frozenset[str] = frozenset(), point: set[str] | frozenset[str] = frozenset(),
                   max_keys: int = MAX_TOPIC_KEYS) -> tuple[str, list[str], set[str]]:
    """The YAML with the values of key fields wrapped as `{{cN::value}}`, and the names of the hidden groups. A value
    that the rest of the card names anyway stays shown: one of the `given` words (the headings above it), or a word
    of the manifest's own shown lines (`app: web` under `metadata.labels` gives the selector's `web` away). What the
    headings are about is asked too: the keys under it (`nodeSelectorTerms`, `secretName`), and its own key when
    they do not name it whole (`secretKeyRef` under `Secrets`). Returns the YAML, the hidden groups and which of
    them are such topics. `kinds`: the objects' kinds (lowercased) that the headings or the line above name.
    `told`: words of what the note says it sets out to do (the line above, the task it answers): a value they name
    (`NodePort` of `… via a NodePort`) is the note's choice, which the card does not ask either (but its `kind`).
    `point`: words of the section's own heading and of the line above: an annotation they name is what the section is
    about (asked instead of the keys the note's title merely touches). `max_keys`: keys asked under one topic."""
    lines = code.split("\n")
    fields = _field_paths(code)
    hidden: list[Hidden] = []
    for index, path, match in fields:
        value = match.group("value").strip()
        if not value or value in ("|", ">", "|-", ">-") or value[0] in "{[":
            continue  # a block scalar or a flow collection (`{ app: web }`, whose `}` would end Anki's cloze early)
        name = next((name for name, patterns in KEY_FIELDS if any(_matches(path, p) for p in patterns)), None)
        if name:
            hidden.append(Hidden(index, name, match, "value", path.count(".")))
    roots = _topic_roots(fields, given, set(kinds))
    annotated = _point_annotations(lines, fields, point, _kind_words(fields)) if point and "annotations:" in code else []
    if annotated:  # (`Setting default …` over a StorageClass: its `is-default-class`, not its `reclaimPolicy`)
        roots = {root: value for root, value in roots.items()
                 if set(_camel_words(value[0])) & point or root.rpartition(".")[2].lower() in point}
        hidden.extend(annotated)
    alike = _alike_siblings(fields, roots)
    by_type, type_values = _told_by_type(fields) if "type:" in code else (set(), set())
    candidates = []
    for index, path, match in fields:
        root = next((root for root in roots if path == root or path.startswith(root + ".")), None)
        key = match.group("key")
        if root is None or key.lower() in given or (path != root and key.lower() in PLAIN_KEYS) \
                or path in alike \
                or roots[root][0] == "spec" and path == root \
                or _parent_key(path, key).lower() in FREE_FORM \
                or index in by_type:  # (`- type: Pods` names the `pods:` below it)
            continue
        depth = roots[root][1]
        if depth is not None and path.count(".") - root.count(".") > depth:
            continue
        candidates.append((index, path, match, root))
    times: dict[str, int] = {}
    for _, _, match, _ in candidates:
        times[match.group("key")] = times.get(match.group("key"), 0) + 1
    for index, path, match, root in candidates:
        if times[match.group("key")] > 1:
            continue  # a key asked at several places (`port`, `periodSeconds: 10` under each probe) is what the
            # parts share, not what tells them apart, and each copy would be a blank the others give away
        asked = [h for h in hidden if h.part == "key" and h.group == roots[root][0]]
        if len(asked) >= max_keys:
            deepest = max(asked, key=lambda h: (h.depth, h.line))
            if deepest.depth <= path.count("."):
                continue
            hidden.remove(deepest)  # a key nearer the topic is asked instead of the deepest so far
        hidden.append(Hidden(index, roots[root][0], match, "key", path.count(".")))
    rest = list(lines)
    for index, _, match, part, _ in sorted(hidden, key=lambda h: -h.match.start(h.part)):
        rest[index] = rest[index][:match.start(part)] + rest[index][match.end(part):]
    shown = set(given) | words_of("\n".join(rest))
    if "#" in code:  # a comment naming the file (`# my-scheduler-configmap.yaml`) names its parts: `configmap`
        shown.update(part for comment in COMMENT.findall(code) for part in words_of(NAME_JOINTS.sub(" ", comment)))
    chosen = shown | set(told)
    kind_shown = shown | _prefix_words(fields) if "/" in code else shown
    wanted = {h.match.group("value").strip().strip("\"'").lower() for h in hidden if h.group == "kind"} & SHAPED
    if wanted:  # (a kind that only one shape of keys has: do the keys show it?)
        kind_shown = kind_shown | _shaped_kinds(lines, fields, wanted)
    spelt = _comment_paths(code) if "#" in code else set()
    path_at = {index: path for index, path, _ in fields} if spelt else {}
    groups: list[str] = []
    numbers: dict[str, int] = {}
    edits: list[tuple[int, int, int, int]] = []  # (line, start, end, number)
    topical = any(h.part != "value" for h in hidden)
    for index, name, match, part, _ in sorted(hidden, key=lambda h: (h.line, h.match.start(h.part))):
        text = match.group(part).strip()
        if part == "value" and words_of(text) and words_of(text) <= (kind_shown if name == "kind" else chosen):
            continue  # every word of it is on the card already (`nginx:1.27` beside a container named `nginx`), or
            # the task chose it (an object's `kind` is not a choice: the fields the card shows tell it)
        if part == "value" and name in ("kind", "type") and _abbreviated(text, kind_shown if name == "kind" else chosen):
            continue  # the object's name abbreviates it (`example-csr` for a CertificateSigningRequest, `web-hpa`,
            # `web-service-lb` for `type: LoadBalancer`)
        if part == "key" and name == TOP_LEVEL and text.lower() in shown:
            continue  # a comment names it (`# no spec: target instead`)
        if part == "key" and "#" in code and _comment_names(lines, index, text):
            continue  # a comment beside it or right above it names it (`volumes:  # define volumes at Pod level`)
        if part == "key" and spelt and _spelt(path_at[index], spelt):
            continue  # a comment anywhere spells its path (`# .spec.selector.matchLabels 와 일치해야 한다`)
        if part == "value" and index in type_values:
            continue  # the key it names is shown beside it (`type: ExternalName` over `externalName:`)
        if part == "value" and topical and name in EXAMPLE_VALUES:
            continue  # beside what the section is about, the example's own values (`replicas: 3`) are noise
        if name not in numbers:
            numbers[name] = len(numbers) + 1
            groups.append(name)
        edits.append((index, *match.span(part), numbers[name]))
    edits, groups = _without_given_away(lines, edits, groups, given)
    for index, start, end, number in sorted(edits, key=lambda e: (e[0], -e[1])):
        line = lines[index]
        lines[index] = f"{line[:start]}{{{{c{number}::{line[start:end].strip()}}}}}{line[end:]}"
    return "\n".join(lines), groups, ({name for name, _ in roots.values()} | {h.group for h in annotated}) & set(groups)


SPLIT_DOCUMENTS = 3  # a block of this many objects or more (a whole app in one file) gives a card per object


def manifest_cards(ctx: RuleContext, code: CodeBlock, section: Section,
                   rejected: set[int] | frozenset[int] = frozenset(), task: str = "",
                   dropped: set[int] | None = None) -> list[Card]:
    """One cloze card per manifest, each key field a deletion; a block with two documents (a Deployment and its
    Service) gives one card, a block of three or more a card per document, each a question of its own size.
    The prompt never names what the card hides, nor do the headings above it (a value they name stays shown), nor the
    line above it or the `task` the manifest answers (a value they chose stays shown: the card does not say it), and a
    card that would hide only the example's own values (`replicas: 3`, `image: nginx`) and its `kind`, nothing of
    what the section is about nor how the object is reached, run or restarted, is not made. Nor is one of a manifest
    with any of the note's `rejected` lines (what Kubernetes rejects): a cloze would drill the learner in a manifest
    that does not work, mistake and all. Nor is one too long for its blanks; its fence line goes into `dropped`."""
    docs = manifest_docs(code)
    if len(docs) < SPLIT_DOCUMENTS:
        return _manifest_card(ctx, code, section, docs, rejected=rejected, task=task, dropped=dropped)
    cards: list[Card] = []
    line = code.line
    for part in re.split(r"(?m)^---[ \t]*\n", code.code):
        one = replace(code, code=part, line=line)
        cards.extend(_manifest_card(ctx, one, section, manifest_docs(one), line, rejected, task, dropped))
        line += part.count("\n") + 1
    return cards


def _manifest_card(ctx: RuleContext, code: CodeBlock, section: Section, docs: list[dict],
                   at: int | None = None, rejected: set[int] | frozenset[int] = frozenset(),
                   task: str = "", dropped: set[int] | None = None) -> list[Card]:
    """The card of one code block's manifests (at its fence line, or at `at`, a document's first line)."""
    if not docs or rejected_manifest(code, rejected):
        return []
    breadcrumb = [ctx.note.title, *(heading_text(title) for title in section.path)]
    kinds = {str(doc["kind"]).lower() for doc in docs}
    given = words_of(" ".join(breadcrumb), joined=True)
    lead_in = words_of(_lead_in(section, code.fence_line))
    named = kinds & (given | lead_in)  # `컨트롤러(Deployment)로 …` above it
    told = lead_in | words_of(task) if task else lead_in
    point = {word.rstrip(".!?") for word in (words_of(heading_text(section.title)) - HEADING_WORDS) | lead_in} \
        if section.title else {word.rstrip(".!?") for word in lead_in}
    text, groups, topics = cloze_manifest(code.code.rstrip("\n"), given, named, told, point)
    if topics and len(keys := _hidden_keys(text)) == 1 and keys[0].lower() in FRAME_KEYS - SETTINGS_KEYS:
        topics = set()  # a section about the object (`Static Pod 생성`) whose one key asked is the frame (`containers`)
    if not topics and not set(groups) & MEANINGFUL:
        if named or not is_yaml_section(section):
            return []  # only the example's own values (`replicas: 3`, `image: nginx`, a label) and its `kind`
        # (`## Example Manifest` over it alone): the objects of Kubernetes' own API in it are what it is about
        named = {str(doc["kind"]).lower() for doc in docs if is_built_in(doc)}
        text, groups, topics = cloze_manifest(code.code.rstrip("\n"), given, named, told, point)
        if not topics or all(key.lower() in FRAME_KEYS for key in _hidden_keys(text)):
            return []  # nothing but the frame every manifest has (`containers`, `selector`, `template`)
    names = ", ".join(f"{doc['kind']} {(doc.get('metadata') or {}).get('name', '')}".strip() for doc in docs)
    anchor = "manifest:" + ";".join(f"{doc['kind']}/{(doc.get('metadata') or {}).get('name', '')}" for doc in docs)
    parts = _parts(code.code.rstrip("\n"), text, groups, topics) if text.count("{{c") > MAX_BLANKS else []
    if not parts and text.count("{{c") > MAX_BLANKS and topics & set(_hidden_keys(text)):
        # a topic asked by its own key and the keys under it (`webhooks:` and `clientConfig`, `rules`, … of its one
        # webhook), which do not divide into parts, asks those nearest it, as many as a card holds beside its other
        # blanks: more is a grab-bag of the object's fields, not a question
        topic_blanks = sum(groups[int(n) - 1] in topics for n in re.findall(r"\{\{c(\d+)::", text))
        text, groups, topics = cloze_manifest(code.code.rstrip("\n"), given, named, told, point,
                                              max(2, MAX_BLANKS - (text.count("{{c") - topic_blanks)))
    if not parts:
        parts = [("", text, groups)]
    worth = [part for part in parts if _worth_reading(part[1])]
    if not worth and dropped is not None:
        dropped.add(code.fence_line)
    parts = worth
    return [ctx.card("cloze", f"```yaml\n{part_text}\n```", f"{names}: {', '.join(part_groups)}",
                     at or code.fence_line, section, "manifest", f"{anchor}:{part}" if part else anchor,
                     prompt=_prompt(ctx, docs, part_text))
            for part, part_text, part_groups in parts]


MAX_BLANKS = 5  # blanks on one card: the manifest cards of the notes ask two to five; more is a wall to recall
MAX_LINES_PER_BLANK = 20  # a long manifest (a whole Ingress, a ConfigMap around a config file) for one blank:
# reading it all for one recall, often of the key its shape gives away (`rules:` of an Ingress), is not worth a card


def _worth_reading(clozed: str) -> bool:
    """Whether a card's blanks are enough for the lines it makes the learner read (its non-empty lines, at most
    `MAX_LINES_PER_BLANK` per blank)."""
    blanks = clozed.count("{{c")
    if blanks and clozed.count("\n") < MAX_LINES_PER_BLANK * blanks:
        return True  # (short or well filled: no need to count its lines)
    lines = sum(1 for line in clozed.split("\n") if line.strip())
    return bool(blanks) and lines <= MAX_LINES_PER_BLANK * blanks


def _parts(code: str, clozed: str, groups: list[str], topics: set[str]) -> list[tuple[str, str, list[str]]]:
    """A card's topic asked part by part when it has more blanks than a card holds: (part, text, groups) for each
    key under which the topic's blanks divide (`requiredDuring…` and `preferredDuring…` under `nodeAffinity`,
    `podAffinity` and `podAntiAffinity` under `affinity`), each card hiding that part's keys alone, not the `kind`
    nor the other parts. [] when the blanks do not divide so (one part, a part of one key, or no topic)."""
    paths = {index: path for index, path, _ in _field_paths(code)}
    lines = clozed.split("\n")
    counts: dict[str, dict[int, str]] = {}  # topic group -> line index -> path, of each of its blanks
    for index, line in enumerate(lines):
        for match in ANKI_CLOZE.finditer(line):
            name = groups[int(match.group(1)) - 1]
            if name in topics and index in paths:
                counts.setdefault(name, {})[index] = paths[index]
    if not counts:
        return []
    topic, asked = max(counts.items(), key=lambda item: len(item[1]))  # (the group with the most blanks)
    common = os.path.commonprefix([path.split(".") for path in asked.values()])
    by_part: dict[str, set[int]] = {}
    for index, path in asked.items():
        below = path.split(".")[len(common):]
        if not below:
            return []  # a blank is the node the parts sit under: they do not divide
        by_part.setdefault(".".join(common + below[:1]), set()).add(index)
    if len(by_part) < 2 or any(len(indexes) < 2 for indexes in by_part.values()):
        return []  # (keys side by side under `spec`, `replicas` and `template`, are one question, not parts)
    out = []
    for part, indexes in sorted(by_part.items(), key=lambda item: min(item[1])):
        kept = [ANKI_CLOZE.sub(lambda m: f"{{{{c1::{m.group(2)}}}}}" if index in indexes and groups[int(m.group(1)) - 1] == topic
                          else m.group(2), line) for index, line in enumerate(lines)]
        out.append((part.rsplit(".", 1)[-1], "\n".join(kept), [f"{topic} › {part.rsplit('.', 1)[-1]}"]))
    return out


def is_built_in(doc: dict) -> bool:
    """An object of Kubernetes' own API (`v1`, `apps/v1`, `scheduling.k8s.io/v1`), not a custom resource's."""
    group = doc["apiVersion"].rpartition("/")[0]
    return "." not in group or group.endswith(".k8s.io")


def is_yaml_section(section: Section) -> bool:
    """A section that holds YAML code and nothing else."""
    return bool(section.blocks) and all(
        block.kind == "code" and block.source.lstrip("`~ ").lower().startswith(("yaml", "yml"))
        for block in section.blocks)


MANIFEST_HEADING = re.compile(r"manifests?|매니페스트", re.I)
CLOZED_KEY = re.compile(r"\{\{c\d+::([^}]*)\}\}:")


def _hidden_keys(clozed: str) -> list[str]:
    """The keys a cloze hides (`{{c2::containers}}:`)."""
    return CLOZED_KEY.findall(clozed)


def only_manifests(section: Section) -> bool:
    """A section that holds Kubernetes manifests and nothing else (its explanation would be a heading over them), or
    YAML alone under a heading that says it is an example manifest (`Example Manifest File` over a `volumes:` part)."""
    if not section.blocks or any(block.kind != "code" for block in section.blocks):
        return False
    if is_yaml_section(section) and is_generic(heading_text(section.title)) and MANIFEST_HEADING.search(heading_text(section.title)):
        return True
    return all(manifest_docs(CodeBlock(*_fence(block.source), block.line + 1, block.line, section.path))
               for block in section.blocks)


FENCE = re.compile(r"\A[ \t]*(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*\n(.*?)(?:^[ \t]*\1[`~]*[ \t]*$|\Z)", re.S | re.M)


def _fence(source: str) -> tuple[str, str]:
    """A fenced block's language and code (("", "") for an indented one)."""
    match = FENCE.match(source)
    return (match.group(2).lower(), match.group(3)) if match else ("", "")


def _lead_in(section: Section, fence_line: int) -> str:
    """The paragraph or list item right above a code block (`1. 컨트롤러(Deployment)로 … 생성`), or ""."""
    before = [block for block in section.blocks if block.kind != "code" and fence_line - 2 <= block.end_line < fence_line]
    return before[-1].source.split("\n")[-1] if before else ""


def _prompt(ctx: RuleContext, docs: list[dict], clozed: str) -> str:
    """The objects' names, unless a name holds a hidden value (`nginx` for `image: nginx`), then the task."""
    hidden = {value.strip().strip("\"'").lower() for value in re.findall(r"\{\{c\d+::(.*?)\}\}", clozed)}
    names = [str((doc.get("metadata") or {}).get("name", "") or "") for doc in docs]
    shown = ", ".join(name for name in names if name and not any(
        len(value) >= 3 and value in name.lower() for value in hidden))
    task = ctx.say("빈칸을 채워 보세요", "Recall the key fields")
    return f"{shown} — {task}" if shown else task
