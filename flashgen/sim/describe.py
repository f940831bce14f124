"""`kubectl describe`-like text for simulated objects, ending with their Events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import events, selectors
from .printers import pod_status
from .timefmt import human_duration, parse_rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]


def _map(m: dict[str, str] | None, indent: int = 16) -> str:
    if not m:
        return "<none>"
    items = [f"{k}={v}" for k, v in sorted(m.items())]
    return ("\n" + " " * indent).join(items)


def _line(label: str, value: Any, width: int = 16) -> str:
    return f"{label + ':':<{width}}{value}"


def _events(sim: "Engine", obj: Obj) -> list[str]:
    evs = events.for_object(sim, obj)
    if not evs:
        return ["Events:                <none>"]
    rows = [["Type", "Reason", "Age", "From", "Message"], ["----", "------", "----", "----", "-------"]]
    for e in evs:
        first = human_duration(sim.time - parse_rfc3339(e["firstTimestamp"]))
        last = human_duration(sim.time - parse_rfc3339(e["lastTimestamp"]))
        age = first if e.get("count", 1) == 1 else f"{last} (x{e['count']} over {first})"
        rows.append([e["type"], e["reason"], age, e["source"].get("component", ""), e["message"]])
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    out = ["Events:"]
    for r in rows:
        out.append("  " + "  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4])
    return out


def _header(obj: Obj) -> list[str]:
    meta = obj["metadata"]
    out = [_line("Name", meta["name"])]
    if meta.get("namespace"):
        out.append(_line("Namespace", meta["namespace"]))
    return out


def _container_lines(c: Obj, cs: Obj | None) -> list[str]:
    out = [f"  {c['name']}:"]
    if cs and cs.get("containerID"):
        out.append(f"    Container ID:  {cs['containerID']}")
    out.append(f"    Image:         {c.get('image', '')}")
    out.append(f"    Image ID:      {(cs or {}).get('imageID', '')}")
    ports = ", ".join(f"{p['containerPort']}/{p.get('protocol', 'TCP')}" for p in c.get("ports") or [])
    out.append(f"    Port:          {ports or '<none>'}")
    if c.get("command"):
        out.append("    Command:")
        out += [f"      {x}" for x in c["command"]]
    if c.get("args"):
        out.append("    Args:")
        out += [f"      {x}" for x in c["args"]]
    if cs:
        for label, key in (("State", "state"), ("Last State", "lastState")):
            st = cs.get(key) or {}
            if not st:
                if key == "lastState":
                    continue
            for name, detail in st.items():
                out.append(f"    {label + ':':<15}{name.capitalize()}")
                for k in ("reason", "message", "exitCode", "startedAt", "finishedAt"):
                    if k in detail:
                        title = {"exitCode": "Exit Code", "startedAt": "Started", "finishedAt": "Finished"}.get(
                            k, k.capitalize())
                        out.append(f"      {title + ':':<13}{detail[k]}")
        out.append(f"    Ready:         {cs.get('ready', False)}")
        out.append(f"    Restart Count: {cs.get('restartCount', 0)}")
    out += _probe_lines(c)
    env = c.get("env") or []
    if c.get("envFrom"):
        out.append("    Environment Variables from:")
        for src in c["envFrom"]:
            ref, kind = (src.get("configMapRef"), "ConfigMap") if src.get("configMapRef") else \
                (src.get("secretRef"), "Secret")
            prefix = f" with prefix '{src['prefix']}'" if src.get("prefix") else ""
            out.append(f"      {(ref or {}).get('name', '')}  {kind}{prefix}  Optional: "
                       f"{str(bool((ref or {}).get('optional'))).lower()}")
    out.append("    Environment:   " + ("<none>" if not env else ""))
    for e in env:
        out.append(f"      {e['name']}:  {_env_source(e)}")
    return out


def _probe_lines(c: Obj) -> list[str]:
    """kubectl's one-line summary of each probe (`exec [cat /tmp/healthy] delay=5s timeout=1s ...`)."""
    out = []
    for label, key in (("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe")):
        p = c.get(key)
        if not isinstance(p, dict):
            continue
        if p.get("exec") is not None:
            how = "exec [" + " ".join(p["exec"].get("command") or []) + "]"
        elif p.get("httpGet") is not None:
            h = p["httpGet"]
            how = f"http-get {h.get('scheme', 'HTTP').lower()}://{h.get('host', '')}:{h.get('port')}{h.get('path', '/')}"
        elif p.get("tcpSocket") is not None:
            how = f"tcp-socket {p['tcpSocket'].get('host', '')}:{p['tcpSocket'].get('port')}"
        else:
            how = f"grpc <pod>:{(p.get('grpc') or {}).get('port')} {(p.get('grpc') or {}).get('service', '')}".rstrip()
        out.append(f"    {label + ':':<15}{how} delay={p.get('initialDelaySeconds', 0)}s "
                   f"timeout={p.get('timeoutSeconds', 1)}s period={p.get('periodSeconds', 10)}s "
                   f"#success={p.get('successThreshold', 1)} #failure={p.get('failureThreshold', 3)}")
    return out


def _env_source(e: Obj) -> str:
    """How kubectl describes an env var's value."""
    vf = e.get("valueFrom")
    if not vf:
        return str(e.get("value", ""))
    if vf.get("configMapKeyRef"):
        r = vf["configMapKeyRef"]
        return f"<set to the key '{r.get('key')}' of config map '{r.get('name')}'>  Optional: " \
               f"{str(bool(r.get('optional'))).lower()}"
    if vf.get("secretKeyRef"):
        r = vf["secretKeyRef"]
        return f"<set to the key '{r.get('key')}' in secret '{r.get('name')}'>  Optional: " \
               f"{str(bool(r.get('optional'))).lower()}"
    if vf.get("fieldRef"):
        r = vf["fieldRef"]
        return f" ({r.get('apiVersion', 'v1')}:{r.get('fieldPath')})"
    r = vf.get("resourceFieldRef") or {}
    return f"{r.get('resource')} ({r.get('containerName', '')}:{r.get('resource')})"


def _pod(sim: "Engine", p: Obj) -> list[str]:
    meta, spec, st = p["metadata"], p["spec"], p.get("status") or {}
    out = _header(p) + [
        _line("Priority", spec.get("priority", 0)),
        _line("Service Account", spec.get("serviceAccountName", "default")),
        _line("Node", f"{spec['nodeName']}/{st.get('hostIP', '')}" if spec.get("nodeName") else "<none>"),
        _line("Start Time", st.get("startTime", "<unset>")),
        _line("Labels", _map(meta.get("labels"))),
        _line("Annotations", _map({k: v for k, v in (meta.get("annotations") or {}).items()
                                   if k != "kubectl.kubernetes.io/last-applied-configuration"})),
        _line("Status", pod_status(p) if pod_status(p) in ("Terminating",) else st.get("phase", "Pending")),
        _line("IP", st.get("podIP", "")),
    ]
    owners = [r for r in meta.get("ownerReferences") or [] if r.get("controller")]
    out.append(_line("Controlled By", f"{owners[0]['kind']}/{owners[0]['name']}" if owners else "<none>"))
    out.append("Containers:")
    statuses = {c["name"]: c for c in st.get("containerStatuses") or []}
    for c in spec.get("containers") or []:
        out += _container_lines(c, statuses.get(c["name"]))
    out.append("Conditions:")
    out.append("  Type                        Status")
    for c in st.get("conditions") or []:
        out.append(f"  {c['type']:<28}{c['status']}")
    out.append(_line("QoS Class", st.get("qosClass", "BestEffort"), 25))
    out.append(_line("Node-Selectors", _map(spec.get("nodeSelector"), 25), 25))
    tol = [f"{t.get('key', '')}:{t.get('effect', '')} op={t.get('operator', 'Equal')}"
           + (f" for {t['tolerationSeconds']}s" if "tolerationSeconds" in t else "") for t in spec.get("tolerations") or []]
    out.append(_line("Tolerations", ("\n" + " " * 25).join(tol) or "<none>", 25))
    return out


def _deployment(sim: "Engine", d: Obj) -> list[str]:
    meta, spec, st = d["metadata"], d["spec"], d.get("status") or {}
    strategy = (spec.get("strategy") or {})
    out = _header(d) + [
        _line("CreationTimestamp", meta.get("creationTimestamp"), 24),
        _line("Labels", _map(meta.get("labels"), 24), 24),
        _line("Annotations", _map({k: v for k, v in (meta.get("annotations") or {}).items()
                                   if k != "kubectl.kubernetes.io/last-applied-configuration"}, 24), 24),
        _line("Selector", selectors.to_string(spec.get("selector")), 24),
        _line("Replicas", f"{spec.get('replicas', 1)} desired | {st.get('updatedReplicas', 0)} updated | "
                          f"{st.get('replicas', 0)} total | {st.get('availableReplicas', 0)} available | "
                          f"{st.get('unavailableReplicas', 0)} unavailable", 24),
        _line("StrategyType", strategy.get("type", "RollingUpdate"), 24),
        _line("MinReadySeconds", spec.get("minReadySeconds", 0), 24),
    ]
    if strategy.get("type", "RollingUpdate") == "RollingUpdate":
        ru = strategy.get("rollingUpdate") or {}
        out.append(_line("RollingUpdateStrategy", f"{ru.get('maxUnavailable')} max unavailable, "
                                                   f"{ru.get('maxSurge')} max surge", 24))
    tpl = spec.get("template") or {}
    out.append("Pod Template:")
    out.append(f"  Labels:  {_map((tpl.get('metadata') or {}).get('labels'), 11)}")
    out.append("  Containers:")
    for c in (tpl.get("spec") or {}).get("containers") or []:
        out += ["  " + line for line in _container_lines(c, None)]
    out.append("Conditions:")
    out.append("  Type           Status  Reason")
    out.append("  ----           ------  ------")
    for c in st.get("conditions") or []:
        out.append(f"  {c['type']:<15}{c['status']:<8}{c.get('reason', '')}")
    from .controllers import deployment as dc
    rss = dc.owned_replicasets(sim, d)
    new = [rs for rs in rss if dc.same_template(rs, tpl)]
    olds = [rs for rs in rss if rs not in new and (rs.get("spec") or {}).get("replicas", 0)]

    def fmt(rs: Obj) -> str:
        return f"{rs['metadata']['name']} ({(rs.get('status') or {}).get('replicas', 0)}/" \
               f"{rs['spec'].get('replicas', 0)} replicas created)"
    out.append(_line("OldReplicaSets", ", ".join(fmt(r) for r in olds) or "<none>"))
    out.append(_line("NewReplicaSet", fmt(new[0]) if new else "<none>"))
    return out


def _generic(sim: "Engine", o: Obj) -> list[str]:
    import yaml
    meta = o["metadata"]
    out = _header(o) + [_line("Labels", _map(meta.get("labels"))),
                        _line("Annotations", _map({k: v for k, v in (meta.get("annotations") or {}).items()
                                                   if k != "kubectl.kubernetes.io/last-applied-configuration"})),
                        _line("CreationTimestamp", meta.get("creationTimestamp"), 19)]
    for section in ("spec", "status", "subsets", "endpoints", "data"):
        if o.get(section):
            out.append(f"{section.capitalize()}:")
            out += ["  " + line for line in yaml.safe_dump(o[section], sort_keys=False,
                                                           default_flow_style=False).rstrip().split("\n")]
    return out


def describe(sim: "Engine", obj: Obj) -> str:
    """The describe text of one object."""
    fn = {"Pod": _pod, "Deployment": _deployment}.get(obj["kind"], _generic)
    return "\n".join(fn(sim, obj) + _events(sim, obj))
