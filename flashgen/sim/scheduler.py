"""The scheduler: binds pending pods to nodes as kube-scheduler's default profile does.

Filters run per node in the default profile's order and stop at the first that fails: NodeUnschedulable,
TaintToleration (NoSchedule, NoExecute), NodeAffinity (nodeSelector, required node affinity), NodeResourcesFit
(pods, cpu, memory and other requests against the node's allocatable), InterPodAffinity (required pod affinity,
anti-affinity, and the anti-affinity of pods already there). A pod that fits nowhere stays Pending with the
scheduler's FailedScheduling message (the event counted again every five minutes while it waits), and is bound
as soon as it fits. Feasible nodes are scored with the default plugins' weights: TaintToleration
(PreferNoSchedule taints) 3, NodeAffinity (preferred terms) 2, PodTopologySpread (the system default spreading of
a controller's pods over hostnames) 2, InterPodAffinity (preferred terms) 2, NodeResourcesFit (least allocated)
1 and NodeResourcesBalancedAllocation 1; ties go to the node first by name. A pod that fits nowhere preempts
(DefaultPreemption): on the node where evicting the fewest, least important lower-priority pods makes room, those
pods are evicted and the node is nominated for it."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from . import events, podresources, quantity, selectors
from .timefmt import parse_rfc3339, rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
MAX_SCORE = 100
UNSCHEDULABLE_TAINT = "node.kubernetes.io/unschedulable"
SPREAD_OWNERS = ("ReplicaSet", "ReplicationController", "StatefulSet")
NOT_HELPFUL = "Preemption is not helpful for scheduling"
NO_VICTIMS = "No preemption victims found for incoming pod"
RETRY_SECONDS = 300.0  # an unschedulable pod's FailedScheduling event is repeated every five minutes


def tolerates(tolerations: list[Obj] | None, taint: Obj) -> bool:
    """Whether a toleration list tolerates a taint."""
    for t in tolerations or []:
        if t.get("effect") and t["effect"] != taint.get("effect"):
            continue
        op = t.get("operator", "Equal")
        if not t.get("key") and op == "Exists":
            return True
        if t.get("key") != taint.get("key"):
            continue
        if op == "Exists" or t.get("value", "") == taint.get("value", ""):
            return True
    return False


def _node_term_matches(term: Obj, node: Obj) -> bool:
    labels = node["metadata"].get("labels") or {}
    for e in term.get("matchExpressions") or []:
        v, vals = labels.get(e["key"]), e.get("values") or []
        op = e["operator"]
        ok = {"In": v in vals, "NotIn": v not in vals, "Exists": e["key"] in labels,
              "DoesNotExist": e["key"] not in labels,
              "Gt": v is not None and v.isdigit() and vals and int(v) > int(vals[0]),
              "Lt": v is not None and v.isdigit() and vals and int(v) < int(vals[0])}.get(op, False)
        if not ok:
            return False
    for e in term.get("matchFields") or []:
        if e.get("key") == "metadata.name":
            name = node["metadata"]["name"]
            if (e["operator"] == "In") != (name in (e.get("values") or [])):
                return False
    return bool(term.get("matchExpressions") or term.get("matchFields"))


def matches_node_affinity(spec: Obj, node: Obj) -> bool:
    """nodeSelector and the required node affinity (any of its terms)."""
    labels = node["metadata"].get("labels") or {}
    if any(labels.get(k) != v for k, v in (spec.get("nodeSelector") or {}).items()):
        return False
    required = ((spec.get("affinity") or {}).get("nodeAffinity") or {}).get(
        "requiredDuringSchedulingIgnoredDuringExecution")
    return not required or any(_node_term_matches(t, node) for t in required.get("nodeSelectorTerms") or [])


def untolerated_taint(spec: Obj, node: Obj, effects: tuple[str, ...] = ("NoSchedule", "NoExecute")) -> Obj | None:
    """The first of the node's taints with one of these effects that the pod does not tolerate."""
    for taint in node["spec"].get("taints") or []:
        if taint.get("effect") in effects and not tolerates(spec.get("tolerations"), taint):
            return taint
    return None


def why_not(pod: Obj, node: Obj) -> str | None:
    """None when the node's own rules (cordon, taints, node affinity) admit the pod, else the scheduler's reason."""
    spec = pod["spec"]
    if node["spec"].get("unschedulable") and not tolerates(spec.get("tolerations"), {
            "key": UNSCHEDULABLE_TAINT, "effect": "NoSchedule"}):
        return "node(s) were unschedulable"
    taint = untolerated_taint(spec, node)
    if taint is not None:
        return "node(s) had untolerated taint {%s: %s}" % (taint["key"], taint.get("value", ""))
    if not matches_node_affinity(spec, node):
        return "node(s) didn't match Pod's node affinity/selector"
    return None


# ----- what the nodes hold -----
class _NodeView:
    """One node as this scheduling pass sees it: labels, allocatable and the requests already placed on it."""

    __slots__ = ("obj", "name", "labels", "cpu", "memory", "pods", "other", "prefer_taints", "unschedulable",
                 "blocking_taints", "plain")

    def __init__(self, node: Obj):
        self.obj = node
        self.name = node["metadata"]["name"]
        self.labels = node["metadata"].get("labels") or {}
        alloc = podresources.allocatable(node)
        self.cpu = quantity.milli(alloc.get("cpu", 0))
        self.memory = quantity.units(alloc.get("memory", 0))
        self.pods = quantity.units(alloc.get("pods", 110))
        self.other = {k: v for k, v in alloc.items() if k not in ("cpu", "memory", "pods")}
        taints = node["spec"].get("taints") or []
        self.prefer_taints = [t for t in taints if t.get("effect") == "PreferNoSchedule"]
        self.blocking_taints = [t for t in taints if t.get("effect") in ("NoSchedule", "NoExecute")]
        self.unschedulable = bool(node["spec"].get("unschedulable"))
        self.plain = not self.unschedulable and not self.blocking_taints  # nothing a pod must tolerate


def _node_filter(spec: Obj) -> Any:
    """why_not for one pod against node views, with what depends on the pod worked out once."""
    tolerations = spec.get("tolerations")
    cordon_ok = tolerates(tolerations, {"key": UNSCHEDULABLE_TAINT, "effect": "NoSchedule"})
    selector = spec.get("nodeSelector") or {}
    required = ((spec.get("affinity") or {}).get("nodeAffinity") or {}).get(
        "requiredDuringSchedulingIgnoredDuringExecution")

    def check(view: _NodeView) -> str | None:
        if view.unschedulable and not cordon_ok:
            return "node(s) were unschedulable"
        for taint in view.blocking_taints:
            if not tolerates(tolerations, taint):
                return "node(s) had untolerated taint {%s: %s}" % (taint["key"], taint.get("value", ""))
        if selector or required:
            labels = view.labels
            if any(labels.get(k) != v for k, v in selector.items()) or (required and not any(
                    _node_term_matches(t, view.obj) for t in required.get("nodeSelectorTerms") or [])):
                return "node(s) didn't match Pod's node affinity/selector"
        return None
    return check


def _term_namespaces(sim: "Engine", term: Obj, pod_ns: str) -> set[str] | None:
    """The namespaces a pod affinity term looks in (None: all of them)."""
    names = set(term.get("namespaces") or [])
    ns_sel = term.get("namespaceSelector")
    if ns_sel is not None:
        if not ns_sel.get("matchLabels") and not ns_sel.get("matchExpressions"):
            return None
        match = selectors.from_label_selector(ns_sel)
        names.update(n["metadata"]["name"] for n in sim.store.items("Namespace")
                     if match(n["metadata"].get("labels") or {}))
    elif not names:
        names.add(pod_ns)
    return names


class _Term:
    """A pod (anti-)affinity term: its topology key, namespaces, label selector and weight."""

    __slots__ = ("key", "namespaces", "match", "weight")

    def __init__(self, sim: "Engine", term: Obj, pod_ns: str, weight: int = 1):
        self.key = term.get("topologyKey", "")
        self.namespaces = _term_namespaces(sim, term, pod_ns)
        sel = term.get("labelSelector")
        self.match = selectors.from_label_selector(sel) if sel is not None else (lambda labels: False)
        self.weight = weight

    def matches(self, pod: Obj) -> bool:
        meta = pod["metadata"]
        return (self.namespaces is None or meta.get("namespace") in self.namespaces) and \
            bool(self.match(meta.get("labels") or {}))


def _terms(sim: "Engine", spec: Obj, ns: str, kind: str, required: bool) -> list[_Term]:
    aff = (spec.get("affinity") or {}).get(kind) or {}
    if required:
        return [_Term(sim, t, ns) for t in aff.get("requiredDuringSchedulingIgnoredDuringExecution") or []]
    return [_Term(sim, w.get("podAffinityTerm") or {}, ns, int(w.get("weight", 0)))
            for w in aff.get("preferredDuringSchedulingIgnoredDuringExecution") or []]


class _PodAffinity:
    """Topology counts for one pod's inter-pod affinity, computed once per scheduling attempt."""

    def __init__(self, sim: "Engine", pod: Obj, nodes: dict[str, _NodeView]):
        spec, ns = pod["spec"], pod["metadata"].get("namespace", "default")
        self.affinity = _terms(sim, spec, ns, "podAffinity", True)
        self.anti = _terms(sim, spec, ns, "podAntiAffinity", True)
        preferred = _terms(sim, spec, ns, "podAffinity", False)
        preferred_anti = _terms(sim, spec, ns, "podAntiAffinity", False)
        self.affinity_counts: dict[tuple[str, str], int] = {}
        self.anti_counts: dict[tuple[str, str], int] = {}
        self.existing_anti: dict[tuple[str, str], int] = {}
        self.preferred: dict[tuple[str, str], int] = {}
        self.self_match = bool(self.affinity) and all(t.matches(pod) for t in self.affinity)
        placement = sim.store.objects.placement
        for key, node_name in placement.anti_affinity.items():
            other = sim.store.objects.get(key)
            view = nodes.get(node_name)
            if other is None or view is None:
                continue
            for term in _terms(sim, other["spec"], key[1], "podAntiAffinity", True):
                if term.matches(pod) and term.key in view.labels:
                    tp = (term.key, view.labels[term.key])
                    self.existing_anti[tp] = self.existing_anti.get(tp, 0) + 1
        if not (self.affinity or self.anti or preferred or preferred_anti):
            return
        for other in sim.store.items("Pod"):
            node_name = other["spec"].get("nodeName")
            view = nodes.get(node_name) if node_name else None
            if view is None or (other.get("status") or {}).get("phase") in ("Succeeded", "Failed") or \
                    other["metadata"].get("uid") == pod["metadata"].get("uid"):
                continue
            if self.affinity and all(t.matches(other) for t in self.affinity):
                for t in self.affinity:
                    if t.key in view.labels:
                        tp = (t.key, view.labels[t.key])
                        self.affinity_counts[tp] = self.affinity_counts.get(tp, 0) + 1
            for t in self.anti:
                if t.key in view.labels and t.matches(other):
                    tp = (t.key, view.labels[t.key])
                    self.anti_counts[tp] = self.anti_counts.get(tp, 0) + 1
            for t, sign in [(t, 1) for t in preferred] + [(t, -1) for t in preferred_anti]:
                if t.key in view.labels and t.matches(other):
                    tp = (t.key, view.labels[t.key])
                    self.preferred[tp] = self.preferred.get(tp, 0) + sign * t.weight

    def reason(self, view: _NodeView) -> tuple[str, bool] | None:
        """(the failing rule's message, unresolvable) or None when the node satisfies the pod's (anti-)affinity."""
        pods_exist = True
        for t in self.affinity:
            if t.key not in view.labels:
                return "node(s) didn't match pod affinity rules", True
            if self.affinity_counts.get((t.key, view.labels[t.key]), 0) <= 0:
                pods_exist = False
        if not pods_exist and not (not self.affinity_counts and self.self_match):
            return "node(s) didn't match pod affinity rules", True
        for t in self.anti:
            if t.key in view.labels and self.anti_counts.get((t.key, view.labels[t.key]), 0) > 0:
                return "node(s) didn't match pod anti-affinity rules", False
        if self.existing_anti and any(self.existing_anti.get(tp, 0) > 0 for tp in view.labels.items()):
            return "node(s) didn't satisfy existing pods anti-affinity rules", False
        return None

    def score(self, view: _NodeView) -> int:
        return sum(self.preferred.get(tp, 0) for tp in view.labels.items()) if self.preferred else 0


# ----- one pod -----
def _fit_reasons(view: _NodeView, spec: Obj, req: tuple[int, int, int, int], placed: list[int], count: int,
                 extra: dict[str, Any] | None) -> list[str]:
    """NodeResourcesFit's reasons (pods first, then cpu, memory and the other resources), empty when it fits."""
    out = []
    if count + 1 > view.pods:
        out.append("Too many pods")
    if req[0] and req[0] > view.cpu - placed[0]:
        out.append("Insufficient cpu")
    if req[1] and req[1] > view.memory - placed[1]:
        out.append("Insufficient memory")
    for name, wanted in (extra or {}).items():
        if wanted > view.other.get(name, 0):
            out.append(f"Insufficient {name}")
    return out


def _extra_requests(spec: Obj) -> dict[str, Any]:
    """Requests other than cpu and memory (ephemeral-storage, extended resources), checked against allocatable
    alone: the simulator does not sum them over the node's pods."""
    if not podresources.has_resources(spec):
        return {}
    return {k: v for k, v in podresources.pod_requests(spec).items() if k not in ("cpu", "memory") and v > 0}


def _spread_owner(pod: Obj) -> str | None:
    for ref in pod["metadata"].get("ownerReferences") or []:
        if ref.get("controller") and ref.get("kind") in SPREAD_OWNERS:
            return ref.get("uid")
    return None


def _normalize(raw: list[int], reverse: bool = False) -> list[int]:
    """The framework's default normalization to 0..100 (reverse: fewer is better)."""
    top = max(raw) if raw else 0
    if top == 0:
        return [MAX_SCORE if reverse else 0 for _ in raw]
    out = [MAX_SCORE * r // top for r in raw]
    return [MAX_SCORE - s for s in out] if reverse else out


def _best(sim: "Engine", pod: Obj, fits: list[_NodeView], req: tuple[int, int, int, int],
          affinity: _PodAffinity | None) -> _NodeView:
    """The feasible node with the highest score, the first by name among equals. When only the spreading and
    resource plugins tell nodes apart, nodes in the same state (the controller's pods and the requests on them,
    and the same capacity) score the same, so one of each state is scored."""
    spec = pod["spec"]
    if len(fits) > 2 and not any(v.prefer_taints for v in fits) and not (affinity is not None and affinity.preferred) \
            and not ((spec.get("affinity") or {}).get("nodeAffinity") or {}).get(
                "preferredDuringSchedulingIgnoredDuringExecution"):
        placement = sim.store.objects.placement
        owner = _spread_owner(pod)
        owner_on_node, requested = placement.owner_on_node, placement.requested
        firsts: dict[tuple, _NodeView] = {}
        for v in fits:
            placed = requested.get(v.name)
            state = (owner_on_node[(v.name, owner)] if owner else 0, placed[2] if placed else 0,
                     placed[3] if placed else 0, v.cpu, v.memory)
            if state not in firsts:
                firsts[state] = v
        if len(firsts) < len(fits):
            reps = list(firsts.values())  # in name order, as fits are
            if len(reps) == 1:
                return reps[0]
            scores = _scores(sim, pod, reps, req, affinity, len(fits))
            return reps[min(range(len(reps)), key=lambda i: (-scores[i], reps[i].name))]
    scores = _scores(sim, pod, fits, req, affinity)
    return fits[min(range(len(fits)), key=lambda i: (-scores[i], fits[i].name))]


def _scores(sim: "Engine", pod: Obj, fits: list[_NodeView], req: tuple[int, int, int, int],
            affinity: _PodAffinity | None, feasible: int | None = None) -> list[int]:
    """Each node's weighted score (a plugin that scores every node the same is left out: it cannot change the
    choice); `feasible`: how many nodes passed the filters, when `fits` holds one node of each state."""
    if len(fits) == 1:
        return [0]
    spec = pod["spec"]
    placement = sim.store.objects.placement
    totals = [0] * len(fits)
    # TaintToleration: PreferNoSchedule taints the pod does not tolerate (weight 3)
    if any(v.prefer_taints for v in fits):
        tol = [t for t in spec.get("tolerations") or [] if t.get("effect") in (None, "", "PreferNoSchedule")]
        raw = [sum(1 for t in v.prefer_taints if not tolerates(tol, t)) for v in fits]
        totals = [a + 3 * s for a, s in zip(totals, _normalize(raw, reverse=True))]
    # NodeAffinity: weights of the preferred terms the node matches (weight 2)
    preferred = ((spec.get("affinity") or {}).get("nodeAffinity") or {}).get(
        "preferredDuringSchedulingIgnoredDuringExecution") or []
    if preferred:
        raw = [sum(int(p.get("weight", 0)) for p in preferred if _node_term_matches(p.get("preference") or {}, v.obj))
               for v in fits]
        totals = [a + 2 * s for a, s in zip(totals, _normalize(raw))]
    # InterPodAffinity: preferred terms, min-max normalized (weight 2)
    if affinity is not None and affinity.preferred:
        raw = [affinity.score(v) for v in fits]
        top, low = max(raw), min(raw)
        totals = [a + (2 * MAX_SCORE * (s - low) // (top - low) if top != low else 0) for a, s in zip(totals, raw)]
    # PodTopologySpread: the system default constraint spreads a controller's pods over hostnames (weight 2)
    owner = _spread_owner(pod)
    spread: list[int] | None = None
    if owner is not None:
        weight = math.log((feasible or len(fits)) + 2)
        owner_on_node = placement.owner_on_node
        spread = [round(owner_on_node[(v.name, owner)] * weight + 2) for v in fits]
        top, low = max(spread), min(spread)
        spread = [2 * (MAX_SCORE * (top + low - x) // top) for x in spread] if top != low else None
    # NodeResourcesFit (least allocated) and NodeResourcesBalancedAllocation (weight 1 each)
    requested = placement.requested
    nz_cpu, nz_mem = req[2], req[3]
    empty = (0, 0, 0, 0)
    for i, v in enumerate(fits):
        placed = requested.get(v.name) or empty
        cpu, mem = nz_cpu + placed[2], nz_mem + placed[3]
        cap_cpu, cap_mem = v.cpu or 1, v.memory or 1
        if cpu < cap_cpu and mem < cap_mem:
            fc, fm = cpu / cap_cpu, mem / cap_mem
            score = (int(100 - 100 * fc) + int(100 - 100 * fm)) // 2 + int(100 - 50 * abs(fc - fm))
        else:  # the non-zero defaults of best-effort pods can go past what the node has
            fc, fm = min(cpu / cap_cpu, 1.0), min(mem / cap_mem, 1.0)
            score = (int(100 - 100 * fc) + int(100 - 100 * fm)) // 2 + int(100 - 50 * abs(fc - fm))
        totals[i] += score + (spread[i] if spread else 0)
    return totals


def _message(total: int, reasons: dict[str, int], preempt: dict[str, Any]) -> str:
    """FitError's text: the sorted histogram of reasons, then the preemption attempt's own."""
    def histogram(counts: dict[str, int]) -> str:
        return ", ".join(sorted(f"{n} {r}" for r, n in counts.items()))
    msg = f"0/{total} nodes are available: {histogram(reasons)}."
    if "" in preempt:
        return f"{msg} preemption: {preempt['']}"
    return msg + f" preemption: 0/{total} nodes are available: {histogram(preempt)}."


Preemption = tuple[str, list[Obj]]  # the nominated node and the pods to evict from it


def _priority(pod: Obj) -> int:
    return int((pod.get("spec") or {}).get("priority") or 0)


def _victims(sim: "Engine", pod: Obj, view: _NodeView, req: tuple[int, int, int, int],
             extra: dict[str, Any]) -> list[Obj] | list[str]:
    """DefaultPreemption on one node: the fewest lower-priority pods whose eviction makes room (the more
    important ones reprieved first), or the reasons it cannot (no victims, or not enough room even without them)."""
    prio = _priority(pod)
    lower = [p for p in sim.store.items("Pod") if p["spec"].get("nodeName") == view.name
             and (p.get("status") or {}).get("phase") not in ("Succeeded", "Failed")
             and not p["metadata"].get("deletionTimestamp") and _priority(p) < prio]
    if not lower:
        return [NO_VICTIMS]
    placed = list(sim.store.objects.placement.requested.get(view.name) or [0, 0, 0, 0])
    count = sim.store.objects.placement.on_node[view.name]
    need = {id(p): podresources.scheduling_requests(p["spec"]) for p in lower}
    for p in lower:
        placed[0] -= need[id(p)][0]
        placed[1] -= need[id(p)][1]
    count -= len(lower)
    still = _fit_reasons(view, pod["spec"], req, placed, count, extra)
    if still:
        return still
    victims: list[Obj] = []
    # reprieve the most important first: higher priority, then the longer running
    for p in sorted(lower, key=lambda p: (-_priority(p), p["metadata"].get("creationTimestamp", ""))):
        trial = [placed[0] + need[id(p)][0], placed[1] + need[id(p)][1]]
        if not _fit_reasons(view, pod["spec"], req, trial + placed[2:], count + 1, extra):
            placed[0], placed[1], count = trial[0], trial[1], count + 1
        else:
            victims.append(p)
    return victims


def schedule(sim: "Engine", pod: Obj, views: dict[str, _NodeView]) -> tuple[str | None, str, Preemption | None]:
    """(the chosen node, "", None), or (None, the FailedScheduling message, the preemption to make or None)."""
    spec = pod["spec"]
    placement = sim.store.objects.placement
    req = podresources.scheduling_requests(spec)
    extra = _extra_requests(spec)
    has_affinity = bool((spec.get("affinity") or {}).get("podAffinity") or
                        (spec.get("affinity") or {}).get("podAntiAffinity"))
    affinity = _PodAffinity(sim, pod, views) if has_affinity or placement.anti_affinity else None
    fits: list[_NodeView] = []
    reasons: dict[str, int] = {}
    resolvable: list[_NodeView] = []
    unhelpful = 0
    reserved = _nominated(sim, pod) if sim.runtime.get("nominated") else {}
    node_filter = _node_filter(spec)
    requested, on_node = placement.requested, placement.on_node
    cpu, mem = req[0], req[1]
    # the common case (a node with no cordon or taint, a pod that asks nothing of nodes or other pods) in brief
    simple = not extra and not reserved and affinity is None and not spec.get("nodeSelector") and not (
        (spec.get("affinity") or {}).get("nodeAffinity") or {}).get("requiredDuringSchedulingIgnoredDuringExecution")
    empty = (0, 0, 0, 0)
    for view in views.values():
        if simple and view.plain:
            placed = requested.get(view.name) or empty
            if on_node[view.name] < view.pods and cpu <= view.cpu - placed[0] and mem <= view.memory - placed[1]:
                fits.append(view)
                continue
        node_reason = node_filter(view)
        failed: list[str] = [node_reason] if node_reason else []
        unresolvable = bool(failed)
        if not failed:
            placed = requested.get(view.name) or [0, 0, 0, 0]
            count = on_node[view.name]
            if reserved and view.name in reserved:
                held = reserved[view.name]
                placed = [placed[0] + held[0], placed[1] + held[1], placed[2], placed[3]]
                count += held[2]
            if count < view.pods and cpu <= view.cpu - placed[0] and mem <= view.memory - placed[1] and not extra:
                failed = []  # the common case, without building the reasons
            else:
                failed = _fit_reasons(view, spec, req, placed, count, extra)
        if not failed and affinity is not None:
            found = affinity.reason(view)
            if found is not None:
                failed, unresolvable = [found[0]], found[1]
        if not failed:
            fits.append(view)
            continue
        for r in failed:
            reasons[r] = reasons.get(r, 0) + 1
        if unresolvable:
            unhelpful += 1
        else:
            resolvable.append(view)
    if fits:
        nominated = (pod.get("status") or {}).get("nominatedNodeName")
        if any(v.name == nominated for v in fits):
            return nominated, "", None  # the node freed for it by preemption is tried first
        return _best(sim, pod, fits, req, affinity).name, "", None
    if spec.get("preemptionPolicy") == "Never":
        return None, _message(len(views), reasons, {"": "not eligible due to preemptionPolicy=Never."}), None
    nominated = (pod.get("status") or {}).get("nominatedNodeName")
    if nominated and any(p["spec"].get("nodeName") == nominated and p["metadata"].get("deletionTimestamp")
                         and _priority(p) < _priority(pod) for p in sim.store.items("Pod")):
        return None, _message(len(views), reasons, {"": "not eligible due to a terminating pod on the nominated "
                                                            "node."}), None
    preempt: dict[str, int] = {NOT_HELPFUL: unhelpful} if unhelpful else {}
    candidates: list[tuple[tuple, str, list[Obj]]] = []
    for view in resolvable:
        got = _victims(sim, pod, view, req, extra) if _priority(pod) > 0 else [NO_VICTIMS]
        if got and isinstance(got[0], str):
            for r in got:
                preempt[r] = preempt.get(r, 0) + 1
        else:
            victims = [v for v in got if isinstance(v, dict)]
            rank = (max(_priority(v) for v in victims), sum(_priority(v) for v in victims), len(victims), view.name)
            candidates.append((rank, view.name, victims))
    if candidates:
        _, node, victims = min(candidates)
        return None, f"0/{len(views)} nodes are available: " + \
            ", ".join(sorted(f"{n} {r}" for r, n in reasons.items())) + ".", (node, victims)
    return None, _message(len(views), reasons, preempt), None


def _nominated(sim: "Engine", pod: Obj) -> dict[str, list[int]]:
    """Per node, what pods nominated to it by preemption (of at least this pod's priority) hold in reserve:
    [cpu, memory, pods]."""
    nominated: dict[str, str] = sim.runtime.get("nominated") or {}
    out: dict[str, list[int]] = {}
    for uid, node in nominated.items():
        key = sim.store.objects.key_of_uid(uid)
        other = sim.store.objects.get(key) if key else None
        if other is None or uid == pod["metadata"].get("uid") or other["spec"].get("nodeName") or \
                _priority(other) < _priority(pod):
            continue
        need = podresources.scheduling_requests(other["spec"])
        held = out.setdefault(node, [0, 0, 0])
        held[0] += need[0]
        held[1] += need[1]
        held[2] += 1
    return out


def _preempt(sim: "Engine", pod: Obj, node: str, victims: list[Obj]) -> None:
    """Evict the victims (DisruptionTarget, a Preempted event each) and nominate the node for the pod."""
    for victim in victims:
        meta = victim["metadata"]
        conds = [c for c in (victim.get("status") or {}).get("conditions") or [] if c.get("type") != "DisruptionTarget"]
        conds.append({"type": "DisruptionTarget", "status": "True", "lastProbeTime": None,
                      "lastTransitionTime": rfc3339(sim.time), "reason": "PreemptionByScheduler",
                      "message": "default-scheduler: preempting to accommodate a higher priority pod"})
        sim.store.write(dict(victim, status=dict(victim.get("status") or {}, conditions=conds)))
        events.record(sim, victim, "Preempted", f"Preempted by pod {pod['metadata']['uid']} on node {node}",
                      "default-scheduler")
        sim.store.delete("Pod", meta["namespace"], meta["name"])
    sim.runtime.setdefault("nominated", {})[pod["metadata"]["uid"]] = node


def reconcile(sim: "Engine", keys: set[tuple[str, str, str]] | None = None) -> None:
    """Bind every unscheduled pod (only those among keys unless None) that fits somewhere. The store counts
    the pods and requests on each node, and a binding written below counts at once."""
    views: dict[str, _NodeView] | None = None
    waiting: dict[str, float] = sim.runtime.setdefault("unschedulable", {})
    for pod in sim.store.pick("Pod", keys):
        if pod["spec"].get("nodeName") or pod["spec"].get("schedulerName", "default-scheduler") != "default-scheduler":
            continue
        if pod["metadata"].get("deletionTimestamp") or pod["spec"].get("schedulingGates"):
            continue
        if views is None:
            views = _views(sim)
        name, msg, preemption = schedule(sim, pod, views)
        if name is not None:
            waiting.pop(pod["metadata"]["uid"], None)
            sim.runtime.get("nominated", {}).pop(pod["metadata"]["uid"], None)
        elif preemption is not None:
            _preempt(sim, pod, *preemption)
            pod = sim.store.find("Pod", pod["metadata"]["namespace"], pod["metadata"]["name"]) or pod
        p = dict(pod)
        p["spec"] = dict(pod["spec"])
        status = dict(pod.get("status") or {})
        if name is None:
            cond = {"type": "PodScheduled", "status": "False", "lastProbeTime": None,
                    "lastTransitionTime": _kept_time(pod, "PodScheduled", "False", sim), "reason": "Unschedulable",
                    "message": msg}
            status.update(phase="Pending", conditions=[cond], qosClass=status.get("qosClass", "BestEffort"))
            if preemption is not None:
                status["nominatedNodeName"] = preemption[0]
            p["status"] = status
            sim.store.write(p)
            _failed_scheduling(sim, pod, msg, waiting)
            continue
        p["spec"]["nodeName"] = name
        status = {"phase": "Pending", "conditions": [
            {"type": "PodScheduled", "status": "True", "lastProbeTime": None, "lastTransitionTime": rfc3339(sim.time)}],
            "qosClass": status.get("qosClass", "BestEffort")}
        p["status"] = status
        sim.store.write(p)
        ns = pod["metadata"].get("namespace")
        events.record(sim, pod, "Scheduled", f"Successfully assigned {ns}/{pod['metadata']['name']} to {name}",
                      "default-scheduler")


def _failed_scheduling(sim: "Engine", pod: Obj, msg: str, waiting: dict[str, float]) -> None:
    """The FailedScheduling event, counted again only when the pod is retried after RETRY_SECONDS, as a pod left in
    the scheduler's unschedulable queue is, rather than on every pass."""
    meta = pod["metadata"]
    key = sim.store.objects.events.first(meta.get("namespace") or "default", meta.get("uid"), "FailedScheduling",
                                         msg, None)
    last = parse_rfc3339(sim.store.objects[key]["lastTimestamp"]) if key is not None else None
    if last is None or sim.time >= last + RETRY_SECONDS:
        events.record(sim, pod, "FailedScheduling", msg, "default-scheduler", warning=True)
        last = sim.time
    waiting[meta["uid"]] = last + RETRY_SECONDS


def wakeups(sim: "Engine") -> list[tuple[float, bool]]:
    """When pods left unschedulable are tried again (steady: it repeats while nothing changes)."""
    waiting = sim.runtime.get("unschedulable") or {}
    live = sim.store.objects
    for table in (waiting, sim.runtime.get("nominated") or {}):
        for uid in [u for u in table if live.key_of_uid(u) is None]:
            del table[uid]
    return [(t, False) for t in waiting.values()]


def _views(sim: "Engine") -> dict[str, _NodeView]:
    """Every node's view, parsed again only when the node changed."""
    cache = sim.store.objects.placement.node_views
    out = {}
    for node in sim.store.items("Node"):
        name, rv = node["metadata"]["name"], node["metadata"].get("resourceVersion", "")
        kept = cache.get(name)
        if kept is None or kept[0] != rv or kept[1].obj is not node:
            kept = cache[name] = (rv, _NodeView(node))
        out[name] = kept[1]
    return out


def _kept_time(pod: Obj, ctype: str, status: str, sim: "Engine") -> str:
    for c in (pod.get("status") or {}).get("conditions") or []:
        if c.get("type") == ctype and c.get("status") == status:
            return c["lastTransitionTime"]
    return rfc3339(sim.time)
