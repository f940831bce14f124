"""kubectl-like tables for `get` (the columns kubectl's server-side printers produce)."""

from __future__ import annotations

from typing import Any, Callable

from . import selectors
from .policy_printers import TABLES as POLICY_TABLES
from .timefmt import human_duration, parse_rfc3339

Obj = dict[str, Any]


def _age(obj: Obj, now: float) -> str:
    ts = obj["metadata"].get("creationTimestamp")
    return human_duration(now - parse_rfc3339(ts)) if ts else "<unknown>"


def pod_status(pod: Obj) -> str:
    """kubectl's STATUS: the waiting reason, else the terminated reason, else the phase."""
    st = pod.get("status") or {}
    reason = st.get("reason") or st.get("phase") or "Pending"
    if pod["metadata"].get("deletionTimestamp"):
        return "Terminating"
    inits = st.get("initContainerStatuses") or []
    for i, cs in enumerate(inits):
        state = cs.get("state") or {}
        term = state.get("terminated")
        if term and term.get("exitCode") == 0:
            continue
        if term:
            return "Init:" + (term.get("reason") or f"ExitCode:{term.get('exitCode')}")
        waiting = (state.get("waiting") or {}).get("reason")
        if waiting and waiting != "PodInitializing":
            return "Init:" + waiting
        return f"Init:{i}/{len(pod['spec'].get('initContainers') or inits)}"
    for cs in reversed(st.get("containerStatuses") or []):
        state = cs.get("state") or {}
        if state.get("waiting", {}).get("reason"):
            return state["waiting"]["reason"]
        term = state.get("terminated")
        if term:
            return term.get("reason") or (f"Signal:{term['signal']}" if term.get("signal") else
                                          f"ExitCode:{term.get('exitCode')}")
    if reason == "Running" and not any((cs.get("state") or {}).get("running") for cs in
                                       st.get("containerStatuses") or []):
        return "NotReady"
    return reason


def _restarts(pod: Obj, now: float) -> str:
    total, last = 0, None
    for cs in (pod.get("status") or {}).get("containerStatuses") or []:
        total += cs.get("restartCount", 0)
        term = (cs.get("lastState") or {}).get("terminated")
        if term and cs.get("restartCount"):
            t = parse_rfc3339(term["finishedAt"])
            last = t if last is None or t > last else last
    if total and last is not None:
        return f"{total} ({human_duration(now - last)} ago)"
    return str(total)


def _pod_row(p: Obj, now: float, wide: bool) -> list[str]:
    cs = (p.get("status") or {}).get("containerStatuses") or []
    ready = f"{sum(1 for c in cs if c.get('ready'))}/{len(p['spec'].get('containers') or [])}"
    row = [p["metadata"]["name"], ready, pod_status(p), _restarts(p, now), _age(p, now)]
    if wide:
        row += [(p.get("status") or {}).get("podIP") or "<none>", p["spec"].get("nodeName") or "<none>",
                "<none>", "<none>"]
    return row


def _containers(tpl: Obj) -> tuple[str, str]:
    cs = (tpl.get("spec") or {}).get("containers") or []
    return ",".join(c["name"] for c in cs), ",".join(c.get("image", "") for c in cs)


def _deploy_row(d: Obj, now: float, wide: bool) -> list[str]:
    st = d.get("status") or {}
    row = [d["metadata"]["name"], f"{st.get('readyReplicas', 0)}/{d['spec'].get('replicas', 1)}",
           str(st.get("updatedReplicas", 0)), str(st.get("availableReplicas", 0)), _age(d, now)]
    if wide:
        row += [*_containers(d["spec"].get("template") or {}), selectors.to_string(d["spec"].get("selector"))]
    return row


def _rs_row(rs: Obj, now: float, wide: bool) -> list[str]:
    st = rs.get("status") or {}
    row = [rs["metadata"]["name"], str(rs["spec"].get("replicas", 1)), str(st.get("replicas", 0)),
           str(st.get("readyReplicas", 0)), _age(rs, now)]
    if wide:
        sel = rs["spec"].get("selector")
        sel_s = ",".join(f"{k}={v}" for k, v in sorted(sel.items())) if rs["kind"] == "ReplicationController" \
            else selectors.to_string(sel)
        row += [*_containers(rs["spec"].get("template") or {}), sel_s]
    return row


def _ds_row(ds: Obj, now: float, wide: bool) -> list[str]:
    st = ds.get("status") or {}
    ns = ((ds["spec"].get("template") or {}).get("spec") or {}).get("nodeSelector") or {}
    row = [ds["metadata"]["name"], str(st.get("desiredNumberScheduled", 0)), str(st.get("currentNumberScheduled", 0)),
           str(st.get("numberReady", 0)), str(st.get("updatedNumberScheduled", 0)), str(st.get("numberAvailable", 0)),
           ",".join(f"{k}={v}" for k, v in sorted(ns.items())) or "<none>", _age(ds, now)]
    if wide:
        row += [*_containers(ds["spec"].get("template") or {}), selectors.to_string(ds["spec"].get("selector"))]
    return row


def _sts_row(s: Obj, now: float, wide: bool) -> list[str]:
    st = s.get("status") or {}
    row = [s["metadata"]["name"], f"{st.get('readyReplicas', 0)}/{s['spec'].get('replicas', 1)}", _age(s, now)]
    if wide:
        row += list(_containers(s["spec"].get("template") or {}))
    return row


def job_status(j: Obj) -> str:
    for c in (j.get("status") or {}).get("conditions") or []:
        if c["status"] == "True" and c["type"] in ("Complete", "Failed", "Suspended"):
            return c["type"]
        if c["status"] == "True" and c["type"] == "FailureTarget":
            return "FailureTarget"
    return "Running"


def _job_row(j: Obj, now: float, wide: bool) -> list[str]:
    st = j.get("status") or {}
    comp, parallel = j["spec"].get("completions"), j["spec"].get("parallelism")
    completions = f"{st.get('succeeded', 0)}/{comp}" if comp is not None else f"{st.get('succeeded', 0)}/1" + (
        f" of {parallel}" if parallel is not None and parallel > 1 else "")
    duration = ""
    if st.get("startTime"):
        end = parse_rfc3339(st["completionTime"]) if st.get("completionTime") else now
        duration = human_duration(end - parse_rfc3339(st["startTime"]))
    row = [j["metadata"]["name"], job_status(j), completions, duration, _age(j, now)]
    if wide:
        row += [*_containers(j["spec"].get("template") or {}), selectors.to_string(j["spec"].get("selector"))]
    return row


def _cj_row(c: Obj, now: float, wide: bool) -> list[str]:
    st = c.get("status") or {}
    last = human_duration(now - parse_rfc3339(st["lastScheduleTime"])) if st.get("lastScheduleTime") else "<none>"
    row = [c["metadata"]["name"], c["spec"].get("schedule", ""), c["spec"].get("timeZone") or "<none>",
           str(c["spec"].get("suspend", False)), str(len(st.get("active") or [])), last, _age(c, now)]
    if wide:
        tpl = ((c["spec"].get("jobTemplate") or {}).get("spec") or {}).get("template") or {}
        row += [*_containers(tpl), "<none>"]
    return row


def _ports(svc: Obj) -> str:
    out = []
    for p in svc["spec"].get("ports") or []:
        s = str(p.get("port"))
        if p.get("nodePort"):
            s += f":{p['nodePort']}"
        out.append(f"{s}/{p.get('protocol', 'TCP')}")
    return ",".join(out) or "<none>"


def _svc_row(s: Obj, now: float, wide: bool) -> list[str]:
    spec = s["spec"]
    ext = "<none>"
    if spec.get("type") == "LoadBalancer":
        ing = ((s.get("status") or {}).get("loadBalancer") or {}).get("ingress") or []
        ext = ",".join(i.get("ip") or i.get("hostname", "") for i in ing) or "<pending>"
    elif spec.get("type") == "ExternalName":
        ext = spec.get("externalName", "<none>")
    if spec.get("externalIPs"):
        ext = ",".join(spec["externalIPs"])
    row = [s["metadata"]["name"], spec.get("type", "ClusterIP"), spec.get("clusterIP") or "<none>", ext, _ports(s),
           _age(s, now)]
    if wide:
        sel = spec.get("selector") or {}
        row.append(",".join(f"{k}={v}" for k, v in sorted(sel.items())) or "<none>")
    return row


def _ep_row(e: Obj, now: float, wide: bool) -> list[str]:
    addrs = []
    for sub in e.get("subsets") or []:
        for a in sub.get("addresses") or []:
            for p in sub.get("ports") or [{}]:
                addrs.append(f"{a['ip']}:{p['port']}" if p.get("port") else a["ip"])
    shown = ",".join(addrs[:3]) + (f" + {len(addrs) - 3} more..." if len(addrs) > 3 else "")
    return [e["metadata"]["name"], shown or "<none>", _age(e, now)]


def _slice_row(s: Obj, now: float, wide: bool) -> list[str]:
    ports = ",".join(str(p.get("port", "")) for p in s.get("ports") or []) or "<unset>"
    addrs = [a for ep in s.get("endpoints") or [] for a in ep.get("addresses") or []]
    shown = ",".join(addrs[:3]) + (f" + {len(addrs) - 3} more..." if len(addrs) > 3 else "")
    return [s["metadata"]["name"], s.get("addressType", ""), ports, shown or "<unset>", _age(s, now)]


def _ns_row(n: Obj, now: float, wide: bool) -> list[str]:
    return [n["metadata"]["name"], (n.get("status") or {}).get("phase", "Active"), _age(n, now)]


def _node_row(n: Obj, now: float, wide: bool) -> list[str]:
    labels = n["metadata"].get("labels") or {}
    roles = ",".join(sorted(k.split("/", 1)[1] for k in labels if k.startswith("node-role.kubernetes.io/"))) or "<none>"
    ready = next((c["status"] for c in n["status"].get("conditions") or [] if c["type"] == "Ready"), "Unknown")
    status = "Ready" if ready == "True" else "NotReady"
    if n["spec"].get("unschedulable"):
        status += ",SchedulingDisabled"
    row = [n["metadata"]["name"], status, roles, _age(n, now), n["status"]["nodeInfo"]["kubeletVersion"]]
    if wide:
        info = n["status"]["nodeInfo"]
        ip = next((a["address"] for a in n["status"]["addresses"] if a["type"] == "InternalIP"), "<none>")
        row += [ip, "<none>", info["osImage"], info["kernelVersion"], info["containerRuntimeVersion"]]
    return row


def _pvc_row(c: Obj, now: float, wide: bool) -> list[str]:
    st = c.get("status") or {}
    modes = {"ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"}
    row = [c["metadata"]["name"], st.get("phase", "Pending"), c["spec"].get("volumeName", ""),
           (st.get("capacity") or {}).get("storage", ""), ",".join(modes.get(m, m) for m in st.get("accessModes") or []),
           c["spec"].get("storageClassName") or "", "<unset>", _age(c, now)]
    if wide:
        row.append(c["spec"].get("volumeMode", "Filesystem"))
    return row


def _pv_row(v: Obj, now: float, wide: bool) -> list[str]:
    modes = {"ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"}
    ref = v["spec"].get("claimRef") or {}
    return [v["metadata"]["name"], (v["spec"].get("capacity") or {}).get("storage", ""),
            ",".join(modes.get(m, m) for m in v["spec"].get("accessModes") or []),
            v["spec"].get("persistentVolumeReclaimPolicy", ""), (v.get("status") or {}).get("phase", ""),
            f"{ref.get('namespace')}/{ref.get('name')}" if ref else "", v["spec"].get("storageClassName", ""),
            "<unset>", "", _age(v, now)]


def _event_row(e: Obj, now: float, wide: bool) -> list[str]:
    io = e["involvedObject"]
    return [human_duration(now - parse_rfc3339(e["lastTimestamp"])), e.get("type", "Normal"), e.get("reason", ""),
            f"{io['kind'].lower()}/{io['name']}", e.get("message", "")]


def _sc_row(s: Obj, now: float, wide: bool) -> list[str]:
    default = (s["metadata"].get("annotations") or {}).get("storageclass.kubernetes.io/is-default-class") == "true"
    return [s["metadata"]["name"] + (" (default)" if default else ""), s.get("provisioner", ""),
            s.get("reclaimPolicy", "Delete"), s.get("volumeBindingMode", "Immediate"),
            str(s.get("allowVolumeExpansion", False)).lower(), _age(s, now)]


def _cm_row(c: Obj, now: float, wide: bool) -> list[str]:
    return [c["metadata"]["name"], str(len(c.get("data") or {}) + len(c.get("binaryData") or {})), _age(c, now)]


def _secret_row(s: Obj, now: float, wide: bool) -> list[str]:
    return [s["metadata"]["name"], s.get("type", "Opaque"), str(len(s.get("data") or {})), _age(s, now)]


def _sa_row(a: Obj, now: float, wide: bool) -> list[str]:
    return [a["metadata"]["name"], str(len(a.get("secrets") or [])), _age(a, now)]


def _lease_row(lease: Obj, now: float, wide: bool) -> list[str]:
    return [lease["metadata"]["name"], (lease.get("spec") or {}).get("holderIdentity", ""), _age(lease, now)]


def _generic_row(o: Obj, now: float, wide: bool) -> list[str]:
    return [o["metadata"]["name"], _age(o, now)]


TABLES: dict[str, tuple[list[str], list[str], Callable[[Obj, float, bool], list[str]]]] = {
    "Pod": (["NAME", "READY", "STATUS", "RESTARTS", "AGE"], ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
            _pod_row),
    "Deployment": (["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], ["CONTAINERS", "IMAGES", "SELECTOR"],
                   _deploy_row),
    "ReplicaSet": (["NAME", "DESIRED", "CURRENT", "READY", "AGE"], ["CONTAINERS", "IMAGES", "SELECTOR"], _rs_row),
    "ReplicationController": (["NAME", "DESIRED", "CURRENT", "READY", "AGE"], ["CONTAINERS", "IMAGES", "SELECTOR"],
                              _rs_row),
    "DaemonSet": (["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"],
                  ["CONTAINERS", "IMAGES", "SELECTOR"], _ds_row),
    "StatefulSet": (["NAME", "READY", "AGE"], ["CONTAINERS", "IMAGES"], _sts_row),
    "Job": (["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"], ["CONTAINERS", "IMAGES", "SELECTOR"], _job_row),
    "CronJob": (["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
                ["CONTAINERS", "IMAGES", "SELECTOR"], _cj_row),
    "Service": (["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"], ["SELECTOR"], _svc_row),
    "Endpoints": (["NAME", "ENDPOINTS", "AGE"], [], _ep_row),
    "EndpointSlice": (["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"], [], _slice_row),
    "Namespace": (["NAME", "STATUS", "AGE"], [], _ns_row),
    "Node": (["NAME", "STATUS", "ROLES", "AGE", "VERSION"], ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE",
                                                             "KERNEL-VERSION", "CONTAINER-RUNTIME"], _node_row),
    "PersistentVolumeClaim": (["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS",
                               "VOLUMEATTRIBUTESCLASS", "AGE"], ["VOLUMEMODE"], _pvc_row),
    "PersistentVolume": (["NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS",
                          "VOLUMEATTRIBUTESCLASS", "REASON", "AGE"], [], _pv_row),
    "Event": (["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"], [], _event_row),
    "StorageClass": (["NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"], [],
                     _sc_row),
    "ConfigMap": (["NAME", "DATA", "AGE"], [], _cm_row),
    "Secret": (["NAME", "TYPE", "DATA", "AGE"], [], _secret_row),
    "ServiceAccount": (["NAME", "SECRETS", "AGE"], [], _sa_row),
    "Lease": (["NAME", "HOLDER", "AGE"], [], _lease_row),
}


TABLES.update(POLICY_TABLES)


def table(kind: str, objs: list[Obj], now: float, *, wide: bool = False, all_namespaces: bool = False,
          with_kind: str | None = None, headers: bool = True, show_labels: bool = False) -> str:
    """Rows aligned in columns separated by three spaces, as kubectl prints them (`headers`: the header line;
    `show_labels`: a last column of labels, as --show-labels adds)."""
    head, extra, fn = TABLES.get(kind, (["NAME", "AGE"], [], _generic_row))
    header = list(head) + (extra if wide else []) + (["LABELS"] if show_labels else [])
    rows = []
    for o in objs:
        r = fn(o, now, wide)
        if with_kind:
            r[0] = f"{with_kind}/{r[0]}"
        if show_labels:
            labels = o["metadata"].get("labels") or {}
            r = r + [",".join(f"{k}={v}" for k, v in sorted(labels.items())) or "<none>"]
        if all_namespaces:
            r = [o["metadata"].get("namespace", "")] + r
        rows.append(r)
    if all_namespaces:
        header = ["NAMESPACE"] + header
    shown = ([header] if headers else []) + rows
    widths = [max(len(str(x)) for x in col) for col in zip(*shown)] if shown else []
    lines = ["   ".join(str(v).ljust(w) for v, w in zip(r, widths)).rstrip() for r in shown]
    return "\n".join(lines)
