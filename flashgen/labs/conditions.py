"""Named conditions a lab can check: rollout complete, job complete, ready endpoints, pods per node ..."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable

from croniter import croniter

from flashgen.kube.cluster import Cluster, ClusterError
from flashgen.kube.fieldpath import get_path, parse_path
from flashgen.kube.rollout import deployment_rollout
from flashgen.labs.kinds import describe, is_pod_ready, label_selector, namespace_for, owned_by
from flashgen.labs.match import compare as compare_values
from flashgen.labs.match import match, show
from flashgen.labs.results import Finding, missing_object

Args = dict[str, Any]
ConditionFn = Callable[[Cluster, str, Args], list[Finding]]
REVISION = "deployment.kubernetes.io/revision"


@dataclass(frozen=True)
class Condition:
    """A named condition: its function and the arguments it takes (name -> type description)."""

    name: str
    fn: ConditionFn
    required: dict[str, type | tuple[type, ...]]
    optional: dict[str, type | tuple[type, ...]]
    summary: str


CONDITIONS: dict[str, Condition] = {}


def _condition(name: str, summary: str, required: dict | None = None, optional: dict | None = None):
    def register(fn: ConditionFn) -> ConditionFn:
        # every condition may name the namespace it looks in (default: the run's namespace)
        CONDITIONS[name] = Condition(name, fn, required or {}, {**(optional or {}), "namespace": str}, summary)
        return fn
    return register


def _ns(args: Args, namespace: str) -> str:
    return args.get("namespace") or namespace


@_condition("rollout-complete", "a Deployment's rollout finished (as `kubectl rollout status`)", {"name": str})
def rollout_complete(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns = args["name"], _ns(args, namespace)
    dep = cluster.get("apps/v1", "Deployment", name, ns)
    if dep is None:
        return missing_object("apps/v1", "Deployment", name, ns)
    where = describe("Deployment", name, ns)
    step = deployment_rollout(dep)
    have, want = step.have, step.want
    if step.pending == "observed":
        return [Finding(where, "status.observedGeneration", f">= {want} (the controller saw the latest spec)",
                        str(have))]
    if step.pending == "updated":
        return [Finding(where, "status.updatedReplicas", f"{want} new replicas updated", f"{have} out of {want}")]
    if step.pending == "old":
        return [Finding(where, "status.replicas", f"{want} (old replicas terminated)",
                        f"{have - want} old replicas pending termination")]
    if step.pending == "available":
        return [Finding(where, "status.availableReplicas", f"{want} updated replicas available", f"{have} of {want}")]
    return []


@_condition("old-replicasets-scaled-down", "every older ReplicaSet of a Deployment has 0 replicas",
            {"name": str}, {"require_old": bool})
def old_replicasets_scaled_down(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns = args["name"], _ns(args, namespace)
    dep = cluster.get("apps/v1", "Deployment", name, ns)
    if dep is None:
        return missing_object("apps/v1", "Deployment", name, ns)
    sets, old = _replicasets(cluster, dep, ns)
    if not old and args.get("require_old", True):
        names = ", ".join(rs["metadata"]["name"] for rs in sets) or "none"
        return [Finding(describe("Deployment", name, ns), "", "an older ReplicaSet left by a rollout (a second revision)",
                        f"only the current ReplicaSet(s): {names}")]
    out = []
    for rs in old:
        rs_name = rs["metadata"]["name"]
        where = describe("ReplicaSet", rs_name, ns)
        if (rs.get("spec") or {}).get("replicas", 1) != 0:
            out.append(Finding(where, "spec.replicas", "0 (scaled down by the rollout)", str(rs["spec"].get("replicas", 1))))
        elif (rs.get("status") or {}).get("replicas", 0) != 0:
            out.append(Finding(where, "status.replicas", "0 pods left", str(rs["status"]["replicas"])))
    return out


def _replicasets(cluster: Cluster, dep: dict, ns: str) -> tuple[list[dict], list[dict]]:
    """A Deployment's ReplicaSets: all, and those of older revisions."""
    def revision(obj: dict) -> str | None:
        return ((obj.get("metadata") or {}).get("annotations") or {}).get(REVISION)

    sets = [rs for rs in cluster.list("apps/v1", "ReplicaSet", ns) if owned_by(rs, dep)]
    return sets, [rs for rs in sets if revision(rs) != revision(dep)]


def _images(template: dict) -> dict[str, str]:
    """container name -> image of a pod template."""
    return {c.get("name", ""): c.get("image", "") for c in ((template or {}).get("spec") or {}).get("containers") or []}


@_condition("image-rolled-out", "a Deployment's current revision runs another image than an older revision did",
            {"name": str})
def image_rolled_out(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns = args["name"], _ns(args, namespace)
    dep = cluster.get("apps/v1", "Deployment", name, ns)
    if dep is None:
        return missing_object("apps/v1", "Deployment", name, ns)
    now = _images((dep.get("spec") or {}).get("template") or {})
    _, older = _replicasets(cluster, dep, ns)
    before = [_images((rs.get("spec") or {}).get("template") or {}) for rs in older]
    if any(image != now.get(container) for images in before for container, image in images.items()):
        return []
    where = describe("Deployment", name, ns)
    shown = ", ".join(f"{c}={i}" for c, i in sorted(now.items()))
    if not older:
        return [Finding(where, "spec.template.spec.containers", "a new image rolled out (an older revision with "
                        "another image)", f"one revision only ({shown})")]
    return [Finding(where, "spec.template.spec.containers", "another image than the older revision's",
                    f"the same image in every revision ({shown}): the rollout changed something else")]


@_condition("job-complete", "a Job has the Complete condition", {"name": str})
def job_complete(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns = args["name"], _ns(args, namespace)
    job = cluster.get("batch/v1", "Job", name, ns)
    if job is None:
        return missing_object("batch/v1", "Job", name, ns)
    where = describe("Job", name, ns)
    status = job.get("status") or {}
    conditions = status.get("conditions") or []
    for cond in conditions:
        if cond.get("type") == "Complete" and cond.get("status") == "True":
            return []
    for cond in conditions:
        if cond.get("type") == "Failed" and cond.get("status") == "True":
            why = cond.get("reason", "")
            if cond.get("message"):
                why += f": {cond['message']}"
            return [Finding(where, "status.conditions", "a Complete condition", f"Failed ({why})")]
    counts = ", ".join(f"{k} {status.get(k, 0)}" for k in ("active", "succeeded", "failed"))
    return [Finding(where, "status.conditions", "a Complete condition", f"not complete yet ({counts})")]


def _endpoint_addresses(cluster: Cluster, service: str, ns: str, port: int | None) -> tuple[set[str], set[str]]:
    """(ready, not ready) endpoint addresses of a Service, from EndpointSlices or else Endpoints."""
    ready: set[str] = set()
    unready: set[str] = set()
    try:
        slices = cluster.list("discovery.k8s.io/v1", "EndpointSlice", ns,
                              label_selector=f"kubernetes.io/service-name={service}")
    except ClusterError as exc:
        if "does not" not in str(exc):  # only a cluster without EndpointSlices falls back to Endpoints
            raise
        slices = []
    if slices:
        for sl in slices:
            ports = [p.get("port") for p in sl.get("ports") or []]
            if port is not None and port not in ports:
                continue
            for ep in sl.get("endpoints") or []:
                target = ready if (ep.get("conditions") or {}).get("ready", True) is not False else unready
                target.update(ep.get("addresses") or [])
        return ready, unready
    endpoints = cluster.get("v1", "Endpoints", service, ns)
    for subset in (endpoints or {}).get("subsets") or []:
        ports = [p.get("port") for p in subset.get("ports") or []]
        if port is not None and port not in ports:
            continue
        ready.update(a.get("ip") for a in subset.get("addresses") or [])
        unready.update(a.get("ip") for a in subset.get("notReadyAddresses") or [])
    return ready, unready


@_condition("ready-endpoints", "a Service has at least `min` (and at most `max`) ready endpoints (on endpoint port "
            "`port`)", {"service": str, "min": int}, {"port": int, "max": int})
def ready_endpoints(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns = args["service"], _ns(args, namespace)
    svc = cluster.get("v1", "Service", name, ns)
    if svc is None:
        return missing_object("v1", "Service", name, ns)
    ready, unready = _endpoint_addresses(cluster, name, ns, args.get("port"))
    low, high = args["min"], args.get("max")
    on_port = f" on port {args['port']}" if args.get("port") is not None else ""
    wanted = f"exactly {low}" if high == low else f"at least {low}" + (f" and at most {high}" if high else "")
    where = describe("Service", name, ns)
    selector = (svc.get("spec") or {}).get("selector")
    if high is not None and len(ready) > high:
        owners = Counter(_owner_of(pod) for pod in cluster.list("v1", "Pod", ns, label_selector=label_selector(
            selector)) if is_pod_ready(pod)) if selector else Counter()
        behind = ", ".join(f"{n} of {owner}" for owner, n in sorted(owners.items()))
        return [Finding(where, "endpoints", f"{wanted} ready endpoints{on_port}",
                        f"{len(ready)} ready" + (f": the selector {show(selector)} matches pods of more than one "
                                                 f"owner ({behind})" if len(owners) > 1 else
                                                 f" (pods {behind})" if behind else ""))]
    if len(ready) >= low:
        return []
    found = f"{len(ready)} ready" + (f", {len(unready)} not ready" if unready else "")
    if not ready and not unready:
        any_ready, _ = _endpoint_addresses(cluster, name, ns, None) if args.get("port") is not None else (set(), set())
        if any_ready:
            found += f"{on_port} but {len(any_ready)} on another port (is targetPort the container's port?)"
        else:
            found += f" (does the selector {show(selector)} match the pods' labels?)"
    return [Finding(where, "endpoints", f"{wanted} ready endpoints{on_port}", found)]


def _owner_of(obj: dict) -> str:
    """`ReplicaSet web-5d8f` for an object with a controller, else `no controller`."""
    for ref in (obj.get("metadata") or {}).get("ownerReferences") or []:
        if ref.get("controller"):
            return f"{ref.get('kind')} {ref.get('name')}"
    return "no controller"


# DaemonSet pods tolerate these node conditions automatically (the DaemonSet controller adds them).
_DAEMON_TOLERATED = {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable",
                     "node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                     "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable",
                     "node.kubernetes.io/network-unavailable"}


def _tolerates(tolerations: list[dict], taint: dict) -> bool:
    if taint.get("key") in _DAEMON_TOLERATED:
        return True
    for tol in tolerations:
        if tol.get("effect") and tol.get("effect") != taint.get("effect"):
            continue
        if tol.get("operator") == "Exists":
            if not tol.get("key") or tol.get("key") == taint.get("key"):
                return True
        elif tol.get("key") == taint.get("key") and tol.get("value", "") == taint.get("value", ""):
            return True
    return False


def eligible_nodes(nodes: list[dict], pod_spec: dict) -> list[str]:
    """Names of nodes a DaemonSet with this pod spec should run on (node selector and taints)."""
    selector = pod_spec.get("nodeSelector") or {}
    tolerations = pod_spec.get("tolerations") or []
    out = []
    for node in nodes:
        labels = (node.get("metadata") or {}).get("labels") or {}
        if any(labels.get(k) != v for k, v in selector.items()):
            continue
        taints = [t for t in (node.get("spec") or {}).get("taints") or []
                  if t.get("effect") in ("NoSchedule", "NoExecute")]
        if all(_tolerates(tolerations, t) for t in taints):
            out.append(node["metadata"]["name"])
    return sorted(out)


@_condition("pods-per-node", "a DaemonSet runs `count` ready pods on every node it can schedule to",
            {"daemonset": str}, {"count": int})
def pods_per_node(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns, want = args["daemonset"], _ns(args, namespace), args.get("count", 1)
    ds = cluster.get("apps/v1", "DaemonSet", name, ns)
    if ds is None:
        return missing_object("apps/v1", "DaemonSet", name, ns)
    pod_spec = ((ds.get("spec") or {}).get("template") or {}).get("spec") or {}
    nodes = cluster.list("v1", "Node")
    eligible = eligible_nodes(nodes, pod_spec)
    pods = [p for p in cluster.list("v1", "Pod", ns) if owned_by(p, ds) and is_pod_ready(p)]
    per_node = Counter((p.get("spec") or {}).get("nodeName") for p in pods)
    out = []
    if not eligible:
        out.append(Finding(describe("DaemonSet", name, ns), "spec.template.spec",
                           "at least one node the pods can run on", f"none of {len(nodes)} node(s)"))
    for node in eligible:
        if per_node.get(node, 0) != want:
            out.append(Finding(f"Node {node}", "", f"{want} ready pod(s) of DaemonSet {name}", str(per_node.get(node, 0))))
    for node, count in sorted(per_node.items(), key=lambda kv: str(kv[0])):
        if node not in eligible:
            out.append(Finding(f"Node {node}", "", f"no pods of DaemonSet {name} (taints or node selector)", str(count)))
    return out


@_condition("ordinal-pods", "a StatefulSet's pods are named <name>-0 .. <name>-(replicas-1) and ready",
            {"statefulset": str})
def ordinal_pods(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns = args["statefulset"], _ns(args, namespace)
    sts = cluster.get("apps/v1", "StatefulSet", name, ns)
    if sts is None:
        return missing_object("apps/v1", "StatefulSet", name, ns)
    replicas = (sts.get("spec") or {}).get("replicas", 1)
    out = []
    for i in range(replicas):
        pod_name = f"{name}-{i}"
        pod = cluster.get("v1", "Pod", pod_name, ns)
        if pod is None:
            out.append(Finding(describe("Pod", pod_name, ns), "", f"pod {pod_name} (ordinal {i})", "not found"))
        elif not is_pod_ready(pod):
            phase = (pod.get("status") or {}).get("phase", "unknown")
            out.append(Finding(describe("Pod", pod_name, ns), "status.conditions", "Ready", f"not ready (phase {phase})"))
    return out


@_condition("pvc-per-pod", "a StatefulSet has a PersistentVolumeClaim <template>-<name>-<ordinal> per pod",
            {"statefulset": str}, {"bound": bool})
def pvc_per_pod(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns = args["statefulset"], _ns(args, namespace)
    sts = cluster.get("apps/v1", "StatefulSet", name, ns)
    if sts is None:
        return missing_object("apps/v1", "StatefulSet", name, ns)
    spec = sts.get("spec") or {}
    templates = [(t.get("metadata") or {}).get("name") for t in spec.get("volumeClaimTemplates") or []]
    if not templates:
        return [Finding(describe("StatefulSet", name, ns), "spec.volumeClaimTemplates",
                        "at least one volume claim template", "nothing")]
    out = []
    for template in templates:
        for i in range(spec.get("replicas", 1)):
            claim = f"{template}-{name}-{i}"
            pvc = cluster.get("v1", "PersistentVolumeClaim", claim, ns)
            if pvc is None:
                out.append(Finding(describe("PersistentVolumeClaim", claim, ns), "", f"a claim for pod {name}-{i}", "not found"))
            elif args.get("bound") and (pvc.get("status") or {}).get("phase") != "Bound":
                out.append(Finding(describe("PersistentVolumeClaim", claim, ns), "status.phase", "Bound",
                                   str((pvc.get("status") or {}).get("phase"))))
    return out


@_condition("count", "the number of objects of a kind (optionally by label selector, owner and a pattern)",
            {"apiVersion": str, "kind": str},
            {"selector": dict, "owner": dict, "where": dict, "min": int, "max": int, "equals": int, "namespace": str})
def count(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    kind = args["kind"]
    ns = namespace_for(kind, _ns(args, namespace))
    selector = label_selector(args["selector"]) if args.get("selector") else None
    items = cluster.list(args["apiVersion"], kind, ns, label_selector=selector)
    owner = args.get("owner")
    if owner:
        items = [o for o in items if owned_by(o, kind=owner.get("kind"), name=owner.get("name"))]
    if args.get("where"):
        items = [o for o in items if not match(args["where"], o)]
    n = len(items)
    wants = []
    if "equals" in args and n != args["equals"]:
        wants.append(f"exactly {args['equals']}")
    if "min" in args and n < args["min"]:
        wants.append(f"at least {args['min']}")
    if "max" in args and n > args["max"]:
        wants.append(f"at most {args['max']}")
    if not wants:
        return []
    what = describe(kind, None, ns)
    if selector:
        what += f" with labels {selector}"
    if owner:
        what += f" owned by {owner.get('kind')} {owner.get('name')}"
    names = ", ".join(o["metadata"]["name"] for o in items[:8]) + (" ..." if n > 8 else "")
    return [Finding(what, "", " and ".join(wants), f"{n}" + (f" ({names})" if names else ""))]


_DESCRIPTORS = {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}


def schedule_problem(schedule: Any) -> str:
    """Why Kubernetes would refuse a CronJob schedule, or "" when it is valid."""
    if not isinstance(schedule, str) or not schedule.strip():
        return "the schedule is empty"
    text = schedule.strip()
    if text.startswith(("TZ=", "CRON_TZ=")):
        return "TZ= in the schedule is not allowed; set spec.timeZone instead"
    if text.startswith("@"):
        if text in _DESCRIPTORS or text.startswith("@every "):
            return ""
        return f"unknown descriptor {text}"
    fields = text.split()
    if len(fields) != 5:
        return f"{len(fields)} fields; a schedule has 5 (minute hour day-of-month month day-of-week)"
    if not croniter.is_valid(text):
        return "not a valid cron expression"
    return ""


@_condition("valid-schedule", "a CronJob's schedule is a valid 5-field cron expression (that runs every `every` "
            "seconds)", {"name": str}, {"every": int})
def valid_schedule(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    name, ns = args["name"], _ns(args, namespace)
    cj = cluster.get("batch/v1", "CronJob", name, ns)
    if cj is None:
        return missing_object("batch/v1", "CronJob", name, ns)
    schedule = (cj.get("spec") or {}).get("schedule")
    problem = schedule_problem(schedule)
    where = describe("CronJob", name, ns)
    if problem:
        return [Finding(where, "spec.schedule", "a valid cron schedule such as \"*/1 * * * *\"",
                        f"{show(schedule)} ({problem})")]
    every = args.get("every")
    if every and not schedule.strip().startswith("@"):
        runs = croniter(schedule.strip(), 0)
        times = [runs.get_next(float) for _ in range(min(2 * 86400 // every, 3000) + 1)]  # two days' runs
        gaps = {round(b - a) for a, b in zip(times, times[1:])}
        if gaps != {every}:
            return [Finding(where, "spec.schedule", f"a schedule that runs {_every(every)}",
                            f"{show(schedule)} (runs {_cadence(gaps)})")]
    elif every:
        return [Finding(where, "spec.schedule", f"a schedule that runs {_every(every)}", show(schedule))]
    return []


def _amount(seconds: int) -> str:
    """`1 minute`, `5 minutes`, `2 hours`, `90 seconds`."""
    unit, word = next((u, w) for u, w in ((86400, "day"), (3600, "hour"), (60, "minute"), (1, "second"))
                      if seconds % u == 0)
    return f"{seconds // unit} {word}{'s' if seconds != unit else ''}"


def _every(seconds: int) -> str:
    return "every " + _amount(seconds).removeprefix("1 ")


def _cadence(gaps: set[int]) -> str:
    if len(gaps) == 1:
        return _every(next(iter(gaps)))
    return f"at uneven intervals, {_amount(min(gaps))} to {_amount(max(gaps))} apart"


COMPARE_OPS = ("==", "!=", ">", ">=", "<", "<=")


@_condition("compare", "compare a field of an object with a value or another field",
            {"apiVersion": str, "kind": str, "name": str, "left": str, "op": str},
            {"right": (str, int, float, bool), "right_field": str, "default": (str, int, float, bool),
             "namespace": str})
def compare(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    kind, name = args["kind"], args["name"]
    ns = namespace_for(kind, _ns(args, namespace))
    obj = cluster.get(args["apiVersion"], kind, name, ns)
    if obj is None:
        return missing_object(args["apiVersion"], kind, name, ns)
    default = args.get("default")
    left = get_path(obj, parse_path(args["left"]), default)
    if "right_field" in args:
        right = get_path(obj, parse_path(args["right_field"]), default)
        expected = f"{args['op']} {args['right_field']} ({show(right)})"
    else:
        right = args.get("right")
        expected = f"{args['op']} {show(right)}"
    if left is not None and right is not None and compare_values(left, args["op"], right):
        return []
    return [Finding(describe(kind, name, ns), args["left"], expected, show(left))]
