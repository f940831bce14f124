"""`kubectl describe`-like text for simulated objects, ending with their Events.

Each describer writes lines as kubectl's describers do: cells separated by tabs, nested levels indented by two
spaces, and the whole aligned at the end by Go's tabwriter rules (tabwriter.py), so that columns line up where
kubectl's line up. Times are shown as kubectl shows them (RFC 1123 with the zone offset, in local time)."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from . import events, selectors
from .policy_describe import DESCRIBERS as POLICY_DESCRIBERS, NO_EVENTS as POLICY_NO_EVENTS
from .tabwriter import align
from .timefmt import human_duration, parse_rfc3339

if TYPE_CHECKING:
    from .engine import Engine

Obj = dict[str, Any]
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
MAX_ANNOTATION = 140  # kubectl shortens longer annotation lines
FLUSH = "\f"  # a line of its own: what follows is aligned apart from what came before (kubectl's w.Flush())
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def rfc1123z(stamp: str | float | None) -> str:
    """`Mon, 29 Jan 2024 09:00:00 +0000` in local time, as Go's time.RFC1123Z prints a metav1.Time."""
    if stamp is None or stamp == "":
        return "<unset>"
    seconds = parse_rfc3339(stamp) if isinstance(stamp, str) else float(stamp)
    t = _dt.datetime.fromtimestamp(int(seconds)).astimezone()
    offset = t.strftime("%z") or "+0000"
    return f"{_DAYS[t.weekday()]}, {t.day:02d} {_MONTHS[t.month - 1]} {t.year} {t:%H:%M:%S} {offset}"


def _map(m: dict[str, str] | None, indent: int | str = "") -> str:
    """Labels as kubectl prints them: `k=v`, sorted, one per line (continuation lines start with `indent`, the
    prefix of the title's line, then a tab)."""
    prefix = indent if isinstance(indent, str) else ""
    if not m:
        return "<none>"
    return f"\n{prefix}\t".join(f"{k}={v}" for k, v in sorted(m.items()))


def _annotations(m: dict[str, str] | None, prefix: str = "") -> str:
    """Annotations as kubectl prints them: `key: value`, sorted; a long or multi-line value goes on lines of its
    own below its key (continuation lines start with `prefix`, then a tab)."""
    keys = sorted(k for k in (m or {}) if k != LAST_APPLIED)
    lines: list[str] = []
    for key in keys:
        value = str(m[key]).removesuffix("\n")
        if len(value) + len(key) + 2 > MAX_ANNOTATION or "\n" in value:
            lines.append(f"{key}:")
            lines += [f"  {_shorten(part, MAX_ANNOTATION - 2)}" for part in value.split("\n")]
        else:
            lines.append(f"{key}: {value}")
    return f"\n{prefix}\t".join(lines) or "<none>"


def _shorten(s: str, n: int) -> str:
    return s if len(s) <= n else s[:n] + "..."


def _line(label: str, value: Any, width: int = 0) -> str:
    """`Label:<tab>value` (the width is the tabwriter's to find)."""
    return f"{label}:\t{value}"


def _events(sim: "Engine", obj: Obj) -> list[str]:
    """The Events table: oldest last-seen first, ages as kubectl computes them."""
    evs = events.for_object(sim, obj)
    if not evs:
        return ["Events:\t<none>"]
    out = [FLUSH, "Events:", "  Type\tReason\tAge\tFrom\tMessage", "  ----\t------\t----\t----\t-------"]
    for e in evs:
        first = human_duration(sim.time - parse_rfc3339(e["firstTimestamp"]))
        last = human_duration(sim.time - parse_rfc3339(e["lastTimestamp"]))
        age = first if e.get("count", 1) <= 1 else f"{last} (x{e['count']} over {first})"
        source = (e.get("source") or {}).get("component") or e.get("reportingComponent", "")
        out.append(f"  {e['type']}\t{e['reason']}\t{age}\t{source}\t{e['message'].strip()}")
    return out


def _header(obj: Obj) -> list[str]:
    meta = obj["metadata"]
    out = [_line("Name", meta["name"])]
    if meta.get("namespace"):
        out.append(_line("Namespace", meta["namespace"]))
    return out


def _meta(obj: Obj, prefix: str = "") -> list[str]:
    """Labels and Annotations lines."""
    meta = obj.get("metadata") or {}
    return [f"{prefix}Labels:\t{_map(meta.get('labels'), prefix)}",
            f"{prefix}Annotations:\t{_annotations(meta.get('annotations'), prefix)}"]


def _controller(obj: Obj) -> str:
    for ref in (obj.get("metadata") or {}).get("ownerReferences") or []:
        if ref.get("controller"):
            return f"{ref['kind']}/{ref['name']}"
    return ""


def _int_or_string(value: Any) -> str:
    return str(value) if value is not None else "<nil>"


def _ports(ports: list[Obj], key: str) -> str:
    return ", ".join(f"{p.get(key, 0)}/{p.get('protocol', 'TCP')}" for p in ports)


def _probe(probe: Obj) -> str:
    attrs = (f"delay={probe.get('initialDelaySeconds', 0)}s timeout={probe.get('timeoutSeconds', 1)}s "
             f"period={probe.get('periodSeconds', 10)}s #success={probe.get('successThreshold', 1)} "
             f"#failure={probe.get('failureThreshold', 3)}")
    if probe.get("exec") is not None:
        return f"exec [{' '.join(probe['exec'].get('command') or [])}] {attrs}"
    if probe.get("httpGet") is not None:
        h = probe["httpGet"]
        host = h.get("host", "")
        port = str(h.get("port", ""))
        where = (f"[{host}]:{port}" if ":" in host else f"{host}:{port}") if port else host
        return f"http-get {str(h.get('scheme', 'HTTP')).lower()}://{where}{h.get('path', '')} {attrs}"
    if probe.get("tcpSocket") is not None:
        return f"tcp-socket {probe['tcpSocket'].get('host', '')}:{probe['tcpSocket'].get('port', '')} {attrs}"
    if probe.get("grpc") is not None:
        return f"grpc <pod>:{probe['grpc'].get('port')} {probe['grpc'].get('service', '')} {attrs}"
    return f"unknown {attrs}"


def _env_lines(c: Obj) -> list[str]:
    out = []
    if c.get("envFrom"):
        out.append("    Environment Variables from:")
        for e in c["envFrom"]:
            ref, source = (e["configMapRef"], "ConfigMap") if e.get("configMapRef") else (e.get("secretRef") or {},
                                                                                          "Secret")
            optional = "true" if ref.get("optional") else "false"
            what = f"{source} with prefix '{e['prefix']}'" if e.get("prefix") else source
            out.append(f"      {ref.get('name', '')}\t{what}\tOptional: {optional}")
    env = c.get("env") or []
    out.append("    Environment:" + ("" if env else "\t<none>"))
    for e in env:
        source = e.get("valueFrom")
        if source is None:
            first, *rest = str(e.get("value", "")).split("\n")
            out.append(f"      {e['name']}:\t{first}")
            out += [f"      \t{s}" for s in rest]
        elif source.get("fieldRef"):
            ref = source["fieldRef"]
            out.append(f"      {e['name']}:\t ({ref.get('apiVersion', 'v1')}:{ref.get('fieldPath', '')})")
        elif source.get("resourceFieldRef"):
            out.append(f"      {e['name']}:\tnode allocatable ({source['resourceFieldRef'].get('resource', '')})")
        elif source.get("secretKeyRef"):
            ref = source["secretKeyRef"]
            out.append(f"      {e['name']}:\t<set to the key '{ref.get('key')}' in secret '{ref.get('name')}'>\t"
                       f"Optional: {'true' if ref.get('optional') else 'false'}")
        elif source.get("configMapKeyRef"):
            ref = source["configMapKeyRef"]
            out.append(f"      {e['name']}:\t<set to the key '{ref.get('key')}' of config map '{ref.get('name')}'>\t"
                       f"Optional: {'true' if ref.get('optional') else 'false'}")
    return out


def _state(label: str, state: Obj) -> list[str]:
    if state.get("running") is not None:
        return [f"    {label}:\tRunning", f"      Started:\t{rfc1123z(state['running'].get('startedAt'))}"]
    if state.get("terminated") is not None:
        t = state["terminated"]
        out = [f"    {label}:\tTerminated"]
        if t.get("reason"):
            out.append(f"      Reason:\t{t['reason']}")
        if t.get("message"):
            out.append(f"      Message:\t{t['message']}")
        out.append(f"      Exit Code:\t{t.get('exitCode', 0)}")
        if t.get("signal"):
            out.append(f"      Signal:\t{t['signal']}")
        out += [f"      Started:\t{rfc1123z(t.get('startedAt'))}", f"      Finished:\t{rfc1123z(t.get('finishedAt'))}"]
        return out
    waiting = state.get("waiting") or {}
    return [f"    {label}:\tWaiting"] + ([f"      Reason:\t{waiting['reason']}"] if waiting.get("reason") else [])


def _container_lines(c: Obj, cs: Obj | None, space: str = "") -> list[str]:
    """One container as kubectl's describeContainers prints it (`space`: the pod template's indent)."""
    out = [f"  {' ' if space else ''}{c['name']}:"]
    if cs is not None:
        out.append(f"    Container ID:\t{cs.get('containerID', '')}")
    out.append(f"    Image:\t{c.get('image', '')}")
    if cs is not None:
        out.append(f"    Image ID:\t{cs.get('imageID', '')}")
    ports = c.get("ports") or []
    text = _ports(ports, "containerPort")
    out.append(f"    Ports:\t{text}" if "," in text else f"    Port:\t{text or '<none>'}")
    hosts = _ports(ports, "hostPort")
    out.append(f"    Host Ports:\t{hosts}" if "," in hosts else f"    Host Port:\t{hosts or '<none>'}")
    for label, key in (("Command", "command"), ("Args", "args")):
        if c.get(key):
            out.append(f"    {label}:")
            out += [f"      {s}" for part in c[key] for s in str(part).split("\n")]
    if cs is not None:
        out += _state("State", cs.get("state") or {})
        if ((cs.get("lastState") or {}).get("terminated")) is not None:
            out += _state("Last State", cs["lastState"])
        out.append(f"    Ready:\t{'True' if cs.get('ready') else 'False'}")
        out.append(f"    Restart Count:\t{cs.get('restartCount', 0)}")
    resources = c.get("resources") or {}
    for label, key in (("Limits", "limits"), ("Requests", "requests")):
        if resources.get(key):
            out.append(f"    {label}:")
            out += [f"      {name}:\t{value}" for name, value in sorted(resources[key].items())]
    for label, key in (("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe")):
        if c.get(key):
            out.append(f"    {label}:\t{_probe(c[key])}")
    out += _env_lines(c)
    mounts = sorted(c.get("volumeMounts") or [], key=lambda m: m.get("mountPath", ""))
    out.append("    Mounts:" + ("" if mounts else "\t<none>"))
    for m in mounts:
        flags = ["ro" if m.get("readOnly") else "rw"] + ([f'path="{m["subPath"]}"'] if m.get("subPath") else [])
        out.append(f"      {m.get('mountPath')} from {m.get('name')} ({','.join(flags)})")
    return out


def _containers(label: str, containers: list[Obj], statuses: list[Obj] | None, space: str = "") -> list[str]:
    by_name = {s["name"]: s for s in statuses or []}
    out = [f"{space}{label}:" + ("" if containers else " <none>")]
    for c in containers:
        out += _container_lines(c, by_name.get(c["name"]) if statuses is not None else None, space)
    return out


def _volume(v: Obj, indent: str) -> list[str]:
    """A volume's lines below its name (kubectl's describeVolumes, for the sources the simulator knows)."""
    pad = indent + "    "
    if v.get("projected") is not None:
        out = [f"{pad}Type:\tProjected (a volume that contains injected data from multiple sources)"]
        for s in v["projected"].get("sources") or []:
            if s.get("secret") is not None:
                out += [f"{pad}SecretName:\t{s['secret'].get('name', '')}",
                        f"{pad}Optional:\t{'true' if s['secret'].get('optional') else 'false'}"]
            elif s.get("downwardAPI") is not None:
                out.append(f"{pad}DownwardAPI:\ttrue")
            elif s.get("configMap") is not None:
                out += [f"{pad}ConfigMapName:\t{s['configMap'].get('name', '')}",
                        f"{pad}Optional:\t{'true' if s['configMap'].get('optional') else 'false'}"]
            elif s.get("serviceAccountToken") is not None:
                out.append(f"{pad}TokenExpirationSeconds:\t{s['serviceAccountToken'].get('expirationSeconds', 3600)}")
        return out
    if v.get("persistentVolumeClaim") is not None:
        claim = v["persistentVolumeClaim"]
        return [f"{pad}Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
                f"{pad}ClaimName:\t{claim.get('claimName', '')}",
                f"{pad}ReadOnly:\t{'true' if claim.get('readOnly') else 'false'}"]
    if v.get("emptyDir") is not None:
        limit = v["emptyDir"].get("sizeLimit") or "<unset>"
        return [f"{pad}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
                f"{pad}Medium:\t{v['emptyDir'].get('medium', '')}", f"{pad}SizeLimit:\t{limit}"]
    if v.get("hostPath") is not None:
        return [f"{pad}Type:\tHostPath (bare host directory volume)", f"{pad}Path:\t{v['hostPath'].get('path', '')}",
                f"{pad}HostPathType:\t{v['hostPath'].get('type') or '<none>'}"]
    if v.get("configMap") is not None:
        return [f"{pad}Type:\tConfigMap (a volume populated by a ConfigMap)",
                f"{pad}Name:\t{v['configMap'].get('name', '')}",
                f"{pad}Optional:\t{'true' if v['configMap'].get('optional') else 'false'}"]
    if v.get("secret") is not None:
        return [f"{pad}Type:\tSecret (a volume populated by a Secret)",
                f"{pad}SecretName:\t{v['secret'].get('secretName', '')}",
                f"{pad}Optional:\t{'true' if v['secret'].get('optional') else 'false'}"]
    return [f"{indent}    <unknown>"]


def _volumes(volumes: list[Obj] | None, space: str = "") -> list[str]:
    if not volumes:
        return [f"{space}Volumes:\t<none>"]
    out = [f"{space}Volumes:"]
    for v in volumes:
        out.append(f"  {' ' if space else ''}{v['name']}:")
        out += _volume(v, "")
    return out


def _tolerations(tolerations: list[Obj] | None, prefix: str = "") -> str:
    lines = []
    for t in tolerations or []:
        text = t.get("key", "")
        if t.get("value"):
            text += f"={t['value']}"
        if t.get("effect"):
            text += f":{t['effect']}"
        if t.get("operator") == "Exists" and not t.get("value"):
            text += " op=Exists" if (t.get("key") or t.get("effect")) else "op=Exists"
        if t.get("tolerationSeconds") is not None:
            text += f" for {t['tolerationSeconds']}s"
        lines.append(text)
    return f"\n{prefix}\t".join(lines) or "<none>"


def _pod_template(tpl: Obj) -> list[str]:
    meta, spec = tpl.get("metadata") or {}, tpl.get("spec") or {}
    out = ["Pod Template:", f"  Labels:\t{_map(meta.get('labels'), '  ')}"]
    if meta.get("annotations"):
        out.append(f"  Annotations:\t{_annotations(meta.get('annotations'), '  ')}")
    if spec.get("serviceAccountName"):
        out.append(f"  Service Account:\t{spec['serviceAccountName']}")
    if spec.get("initContainers"):
        out += _containers("Init Containers", spec["initContainers"], None, "  ")
    out += _containers("Containers", spec.get("containers") or [], None, "  ")
    out += _volumes(spec.get("volumes"), "  ")
    if spec.get("priorityClassName"):
        out.append(f"  Priority Class Name:\t{spec['priorityClassName']}")
    out.append(f"  Node-Selectors:\t{_map(spec.get('nodeSelector'))}")
    out.append(f"  Tolerations:\t{_tolerations(spec.get('tolerations'))}")
    return out


def _pod(sim: "Engine", p: Obj) -> list[str]:
    meta, spec, st = p["metadata"], p["spec"], p.get("status") or {}
    out = _header(p)
    if spec.get("priority") is not None:
        out.append(_line("Priority", spec["priority"]))
    if spec.get("priorityClassName"):
        out.append(_line("Priority Class Name", spec["priorityClassName"]))
    if spec.get("serviceAccountName"):
        out.append(_line("Service Account", spec["serviceAccountName"]))
    out.append(_line("Node", f"{spec['nodeName']}/{st.get('hostIP', '')}" if spec.get("nodeName") else "<none>"))
    if st.get("startTime"):
        out.append(_line("Start Time", rfc1123z(st["startTime"])))
    out += _meta(p)
    if meta.get("deletionTimestamp") and st.get("phase") not in ("Failed", "Succeeded"):
        lasts = human_duration(sim.time - parse_rfc3339(meta["deletionTimestamp"]))
        out.append(_line("Status", f"Terminating (lasts {lasts})"))
        out.append(_line("Termination Grace Period", f"{meta.get('deletionGracePeriodSeconds', 30)}s"))
    else:
        out.append(_line("Status", st.get("phase", "")))
    if st.get("reason"):
        out.append(_line("Reason", st["reason"]))
    if st.get("message"):
        out.append(_line("Message", st["message"]))
    out.append(_line("IP", st.get("podIP", "")))
    ips = st.get("podIPs") or []
    out += ["IPs:\t<none>"] if not ips else ["IPs:"] + [f"  IP:\t{ip.get('ip', '')}" for ip in ips]
    if _controller(p):
        out.append(_line("Controlled By", _controller(p)))
    if st.get("nominatedNodeName"):
        out.append(_line("NominatedNodeName", st["nominatedNodeName"]))
    if spec.get("initContainers"):
        out += _containers("Init Containers", spec["initContainers"], st.get("initContainerStatuses") or [])
    out += _containers("Containers", spec.get("containers") or [], st.get("containerStatuses") or [])
    if st.get("conditions"):
        out.append("Conditions:")
        out.append("  Type\tStatus")
        out += [f"  {c['type']} \t{c['status']} " for c in st["conditions"]]
    out += _volumes(spec.get("volumes"))
    out.append(_line("QoS Class", st.get("qosClass", "BestEffort")))
    out.append(_line("Node-Selectors", _map(spec.get("nodeSelector"))))
    out.append(_line("Tolerations", _tolerations(spec.get("tolerations"))))
    return out


def _pods_status(sim: "Engine", owner: Obj) -> str:
    counts = {"Running": 0, "Pending": 0, "Succeeded": 0, "Failed": 0}
    uid = owner["metadata"].get("uid")
    for pod in sim.store.items("Pod", owner["metadata"].get("namespace")):
        refs = [r for r in pod["metadata"].get("ownerReferences") or [] if r.get("controller")]
        if refs and refs[0].get("uid") == uid:
            phase = (pod.get("status") or {}).get("phase", "Pending")
            counts[phase] = counts.get(phase, 0) + 1
    return (f"{counts['Running']} Running / {counts['Pending']} Waiting / {counts['Succeeded']} Succeeded / "
            f"{counts['Failed']} Failed")


def _deployment(sim: "Engine", d: Obj) -> list[str]:
    meta, spec, st = d["metadata"], d["spec"], d.get("status") or {}
    strategy = spec.get("strategy") or {}
    out = _header(d) + [_line("CreationTimestamp", rfc1123z(meta.get("creationTimestamp")))] + _meta(d) + [
        _line("Selector", selectors.to_string(spec.get("selector"))),
        _line("Replicas", f"{spec.get('replicas', 1)} desired | {st.get('updatedReplicas', 0)} updated | "
                          f"{st.get('replicas', 0)} total | {st.get('availableReplicas', 0)} available | "
                          f"{st.get('unavailableReplicas', 0)} unavailable"),
        _line("StrategyType", strategy.get("type", "RollingUpdate")),
        _line("MinReadySeconds", spec.get("minReadySeconds", 0)),
    ]
    if strategy.get("rollingUpdate") is not None:
        ru = strategy["rollingUpdate"]
        out.append(_line("RollingUpdateStrategy", f"{_int_or_string(ru.get('maxUnavailable'))} max unavailable, "
                                                  f"{_int_or_string(ru.get('maxSurge'))} max surge"))
    tpl = spec.get("template") or {}
    out += _pod_template(tpl)
    if st.get("conditions"):
        out += ["Conditions:", "  Type\tStatus\tReason", "  ----\t------\t------"]
        out += [f"  {c['type']} \t{c['status']}\t{c.get('reason', '')}" for c in st["conditions"]]
    from .controllers import deployment as dc
    rss = dc.owned_replicasets(sim, d)
    new = [rs for rs in rss if dc.same_template(rs, tpl)][:1]
    olds = [rs for rs in rss if rs not in new]
    if rss:
        out.append(_line("OldReplicaSets", _replicasets(olds)))
        out.append(_line("NewReplicaSet", _replicasets(new)))
    return out


def _replicasets(sets: list[Obj]) -> str:
    return ", ".join(f"{rs['metadata']['name']} ({(rs.get('status') or {}).get('replicas', 0)}/"
                     f"{rs['spec'].get('replicas', 0)} replicas created)" for rs in sets) or "<none>"


def _replicaset(sim: "Engine", rs: Obj) -> list[str]:
    spec, st = rs["spec"], rs.get("status") or {}
    selector = selectors.to_string(spec.get("selector")) if rs["kind"] == "ReplicaSet" else \
        ",".join(f"{k}={v}" for k, v in sorted((spec.get("selector") or {}).items()))
    out = _header(rs) + [_line("Selector", selector)] + _meta(rs)
    if _controller(rs):
        out.append(_line("Controlled By", _controller(rs)))
    out.append(_line("Replicas", f"{st.get('replicas', 0)} current / {spec.get('replicas', 1)} desired"))
    out.append(_line("Pods Status", _pods_status(sim, rs)))
    out += _pod_template(spec.get("template") or {})
    return out


def _daemonset(sim: "Engine", ds: Obj) -> list[str]:
    spec, st = ds["spec"], ds.get("status") or {}
    out = _header(ds) + [_line("Selector", selectors.to_string(spec.get("selector")))]
    ns = ((spec.get("template") or {}).get("spec") or {}).get("nodeSelector")
    out.append(_line("Node-Selector", _map(ns)))
    out += _meta(ds)
    # kubectl writes these five without a tab: they are not aligned
    out.append(f"Desired Number of Nodes Scheduled: {st.get('desiredNumberScheduled', 0)}")
    out.append(f"Current Number of Nodes Scheduled: {st.get('currentNumberScheduled', 0)}")
    out.append(f"Number of Nodes Scheduled with Up-to-date Pods: {st.get('updatedNumberScheduled', 0)}")
    out.append(f"Number of Nodes Scheduled with Available Pods: {st.get('numberAvailable', 0)}")
    out.append(f"Number of Nodes Misscheduled: {st.get('numberMisscheduled', 0)}")
    out.append(_line("Pods Status", _pods_status(sim, ds)))
    out += _pod_template(spec.get("template") or {})
    return out


def _statefulset(sim: "Engine", s: Obj) -> list[str]:
    meta, spec, st = s["metadata"], s["spec"], s.get("status") or {}
    out = _header(s) + [_line("CreationTimestamp", rfc1123z(meta.get("creationTimestamp"))),
                        _line("Selector", selectors.to_string(spec.get("selector")))] + _meta(s)
    out.append(_line("Replicas", f"{spec.get('replicas', 1)} desired | {st.get('replicas', 0)} total"))
    strategy = spec.get("updateStrategy") or {}
    out.append(_line("Update Strategy", strategy.get("type", "RollingUpdate")))
    if strategy.get("rollingUpdate") is not None and strategy["rollingUpdate"].get("partition") is not None:
        out.append(f"  Partition:\t{strategy['rollingUpdate']['partition']}")
    out.append(_line("Pods Status", _pods_status(sim, s)))
    out += _pod_template(spec.get("template") or {})
    claims = spec.get("volumeClaimTemplates") or []
    if not claims:
        out.append("Volume Claims:\t<none>")
    else:
        out.append("Volume Claims:")
        for claim in claims:
            cmeta, cspec = claim.get("metadata") or {}, claim.get("spec") or {}
            out += [f"  Name:\t{cmeta.get('name', '')}",
                    f"  StorageClass:\t{cspec.get('storageClassName', '')}",
                    f"  Labels:\t{_map(cmeta.get('labels'), '  ')}",
                    f"  Annotations:\t{_annotations(cmeta.get('annotations'), '  ')}",
                    f"  Capacity:\t{((cspec.get('resources') or {}).get('requests') or {}).get('storage', '')}",
                    f"  Access Modes:\t{cspec.get('accessModes') and '[' + ' '.join(cspec['accessModes']) + ']'}"]
    return out


def _job(sim: "Engine", j: Obj) -> list[str]:
    spec, st = j["spec"], j.get("status") or {}
    out = _header(j) + [_line("Selector", selectors.to_string(spec.get("selector")))] + _meta(j)
    if _controller(j):
        out.append(_line("Controlled By", _controller(j)))
    out.append(_line("Parallelism", spec.get("parallelism", 1)))
    out.append(_line("Completions", spec.get("completions", "<unset>")))
    out.append(_line("Completion Mode", spec.get("completionMode", "NonIndexed")))
    out.append(_line("Suspend", "true" if spec.get("suspend") else "false"))
    out.append(_line("Backoff Limit", spec.get("backoffLimit", 6)))
    if st.get("startTime"):
        out.append(_line("Start Time", rfc1123z(st["startTime"])))
    if st.get("completionTime"):
        out.append(_line("Completed At", rfc1123z(st["completionTime"])))
        duration = parse_rfc3339(st["completionTime"]) - parse_rfc3339(st["startTime"])
        out.append(_line("Duration", human_duration(duration)))
    if spec.get("activeDeadlineSeconds"):
        out.append(_line("Active Deadline Seconds", f"{spec['activeDeadlineSeconds']}s"))
    ready = st.get("ready")
    out.append(_line("Pods Statuses", f"{st.get('active', 0)} Active ({ready if ready is not None else 0} Ready) / "
                                      f"{st.get('succeeded', 0)} Succeeded / {st.get('failed', 0)} Failed"))
    if spec.get("completionMode") == "Indexed":
        out.append(_line("Completed Indexes", st.get("completedIndexes") or "<none>"))
    out += _pod_template(spec.get("template") or {})
    return out


def _cronjob(sim: "Engine", c: Obj) -> list[str]:
    spec, st = c["spec"], c.get("status") or {}
    tpl = spec.get("jobTemplate") or {}
    jspec = tpl.get("spec") or {}
    out = _header(c) + _meta(c) + [
        _line("Schedule", spec.get("schedule", "")),
        _line("Concurrency Policy", spec.get("concurrencyPolicy", "Allow")),
        _line("Suspend", "True" if spec.get("suspend") else "False"),
        _line("Successful Job History Limit", spec.get("successfulJobsHistoryLimit", 3)),
        _line("Failed Job History Limit", spec.get("failedJobsHistoryLimit", 1)),
        _line("Starting Deadline Seconds", f"{spec['startingDeadlineSeconds']}s"
              if spec.get("startingDeadlineSeconds") is not None else "<unset>"),
        _line("Selector", selectors.to_string(jspec["selector"]) if jspec.get("selector") else "<unset>"),
        _line("Parallelism", jspec.get("parallelism", "<unset>")),
        _line("Completions", jspec.get("completions", "<unset>")),
    ]
    if jspec.get("activeDeadlineSeconds"):
        out.append(_line("Active Deadline Seconds", f"{jspec['activeDeadlineSeconds']}s"))
    out += _pod_template(jspec.get("template") or {})
    last = st.get("lastScheduleTime")
    out.append(_line("Last Schedule Time", rfc1123z(last) if last else "<unset>"))
    active = st.get("active") or []
    out.append(_line("Active Jobs", ", ".join(a.get("name", "") for a in active) or "<none>"))
    return out


def _service(sim: "Engine", s: Obj) -> list[str]:
    spec, st = s["spec"], s.get("status") or {}
    selector = ",".join(f"{k}={v}" for k, v in sorted((spec.get("selector") or {}).items()))
    out = _header(s) + _meta(s) + [_line("Selector", selector), _line("Type", spec.get("type", "ClusterIP"))]
    if spec.get("ipFamilyPolicy"):
        out.append(_line("IP Family Policy", spec["ipFamilyPolicy"]))
    out.append(_line("IP Families", ",".join(spec.get("ipFamilies") or []) or "<none>"))
    out.append(_line("IP", spec.get("clusterIP", "")))
    out.append(_line("IPs", ",".join(spec.get("clusterIPs") or []) or "<none>"))
    if spec.get("externalIPs"):
        out.append(_line("External IPs", ",".join(spec["externalIPs"])))
    if spec.get("externalName"):
        out.append(_line("External Name", spec["externalName"]))
    ingress = ((st.get("loadBalancer") or {}).get("ingress")) or []
    if ingress:
        out.append(_line("LoadBalancer Ingress", ", ".join(i.get("ip") or i.get("hostname", "") for i in ingress)))
    for port in spec.get("ports") or []:
        name = port.get("name") or "<unset>"
        protocol = port.get("protocol", "TCP")
        out.append(f"Port:\t{name}\t{port.get('port')}/{protocol}")
        out.append(f"TargetPort:\t{port.get('targetPort', port.get('port'))}/{protocol}")
        if port.get("nodePort"):
            out.append(f"NodePort:\t{name}\t{port['nodePort']}/{protocol}")
        out.append(_line("Endpoints", _service_endpoints(sim, s, port)))
    out.append(_line("Session Affinity", spec.get("sessionAffinity", "None")))
    if spec.get("externalTrafficPolicy"):
        out.append(_line("External Traffic Policy", spec["externalTrafficPolicy"]))
    if spec.get("internalTrafficPolicy"):
        out.append(_line("Internal Traffic Policy", spec["internalTrafficPolicy"]))
    return out


def _service_endpoints(sim: "Engine", svc: Obj, port: Obj) -> str:
    """The ready addresses for one service port, from its EndpointSlices, as kubectl lists them."""
    found = []
    for sl in sim.store.items("EndpointSlice", svc["metadata"].get("namespace")):
        if (sl["metadata"].get("labels") or {}).get("kubernetes.io/service-name") != svc["metadata"]["name"]:
            continue
        for p in sl.get("ports") or []:
            if (p.get("name") or "") != (port.get("name") or ""):
                continue
            for ep in sl.get("endpoints") or []:
                if (ep.get("conditions") or {}).get("ready", True) is False:
                    continue
                found += [f"{a}:{p.get('port')}" for a in ep.get("addresses") or []]
    if not found:
        return ""
    return ",".join(found[:3]) + (f" + {len(found) - 3} more..." if len(found) > 3 else "")


def _namespace(sim: "Engine", n: Obj) -> list[str]:
    return _header(n) + _meta(n) + [_line("Status", (n.get("status") or {}).get("phase", "Active")), "",
                                    "No resource quota.", "", "No LimitRange resource."]


_MODES = {"ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"}


def _go_list(values: list[Any] | None) -> str:
    """A Go slice as fmt prints it: `[a b]`."""
    return "[" + " ".join(str(v) for v in values or []) + "]"


def _pvc(sim: "Engine", c: Obj) -> list[str]:
    meta, spec, st = c["metadata"], c.get("spec") or {}, c.get("status") or {}
    status = st.get("phase", "Pending")
    if meta.get("deletionTimestamp"):
        status = f"Terminating (lasts {human_duration(sim.time - parse_rfc3339(meta['deletionTimestamp']))})"
    out = _header(c) + [_line("StorageClass", spec.get("storageClassName", "")), _line("Status", status),
                        _line("Volume", spec.get("volumeName", ""))] + _meta(c)
    out.append(_line("Finalizers", _go_list(meta.get("finalizers"))))
    bound = bool(spec.get("volumeName"))
    out.append(_line("Capacity", (st.get("capacity") or {}).get("storage", "") if bound else ""))
    out.append(_line("Access Modes", ",".join(_MODES.get(m, m) for m in st.get("accessModes") or []) if bound else ""))
    if spec.get("volumeMode"):
        out.append(_line("VolumeMode", spec["volumeMode"]))
    users = sorted(p["metadata"]["name"] for p in sim.store.items("Pod", meta.get("namespace"))
                   if any((v.get("persistentVolumeClaim") or {}).get("claimName") == meta["name"]
                          for v in (p.get("spec") or {}).get("volumes") or []))
    out.append(_line("Used By", "\n\t".join(users) or "<none>"))
    return out


def _pv(sim: "Engine", v: Obj) -> list[str]:
    meta, spec, st = v["metadata"], v.get("spec") or {}, v.get("status") or {}
    ref = spec.get("claimRef") or {}
    out = [_line("Name", meta["name"])] + _meta(v) + [
        _line("Finalizers", _go_list(meta.get("finalizers"))),
        _line("StorageClass", spec.get("storageClassName", "")),
        _line("Status", st.get("phase", "")),
        _line("Claim", f"{ref.get('namespace')}/{ref.get('name')}" if ref else ""),
        _line("Reclaim Policy", spec.get("persistentVolumeReclaimPolicy", "")),
        _line("Access Modes", ",".join(_MODES.get(m, m) for m in spec.get("accessModes") or [])),
    ]
    if spec.get("volumeMode"):
        out.append(_line("VolumeMode", spec["volumeMode"]))
    out.append(_line("Capacity", (spec.get("capacity") or {}).get("storage", "")))
    required = ((spec.get("nodeAffinity") or {}).get("required") or {})
    if not required:
        out.append("Node Affinity:\t<none>")
    else:
        out += ["Node Affinity:\t", "  Required Terms:\t"]
        for i, term in enumerate(required.get("nodeSelectorTerms") or []):
            exprs = [f"{e['key']} {e['operator'].lower()}" + (f" [{', '.join(e['values'])}]" if e.get("values") else "")
                     for e in term.get("matchExpressions") or []]
            out.append(f"    Term {i}:\t" + ("\n    \t".join(exprs) or "<none>"))
    out.append(_line("Message", st.get("message", "")))
    out.append("Source:")
    if spec.get("hostPath") is not None:
        out += _volume({"hostPath": spec["hostPath"]}, "")
    elif spec.get("local") is not None:
        out += ["    Type:\tLocalVolume (a persistent volume backed by local storage on a node)",
                f"    Path:\t{spec['local'].get('path', '')}"]
    return out


def _endpoints(sim: "Engine", e: Obj) -> list[str]:
    out = _header(e) + _meta(e) + ["Subsets:"]
    for subset in e.get("subsets") or []:
        out.append(f"  Addresses:\t{','.join(a.get('ip', '') for a in subset.get('addresses') or []) or '<none>'}")
        out.append("  NotReadyAddresses:\t"
                   + (",".join(a.get("ip", "") for a in subset.get("notReadyAddresses") or []) or "<none>"))
        if subset.get("ports"):
            out += ["  Ports:", "    Name\tPort\tProtocol", "    ----\t----\t--------"]
            out += [f"    {p.get('name') or '<unset>'}\t{p.get('port')}\t{p.get('protocol', 'TCP')}"
                    for p in subset["ports"]]
        out.append("")
    return out


def _storageclass(sim: "Engine", sc: Obj) -> list[str]:
    annotations = sc["metadata"].get("annotations") or {}
    default = annotations.get("storageclass.kubernetes.io/is-default-class") == "true"
    expand = sc.get("allowVolumeExpansion")
    return [_line("Name", sc["metadata"]["name"]), _line("IsDefaultClass", "Yes" if default else "No"),
            _line("Annotations", ",".join(f"{k}={v}" for k, v in sorted(annotations.items())) or "<none>"),
            _line("Provisioner", sc.get("provisioner", "")),
            _line("Parameters", ",".join(f"{k}={v}" for k, v in sorted((sc.get("parameters") or {}).items()))
                  or "<none>"),
            _line("AllowVolumeExpansion", "<unset>" if expand is None else ("True" if expand else "False")),
            _line("MountOptions", ", ".join(sc.get("mountOptions") or []) or "<none>"),
            _line("ReclaimPolicy", sc.get("reclaimPolicy", "Delete")),
            _line("VolumeBindingMode", sc.get("volumeBindingMode", "Immediate"))]


def _serviceaccount(sim: "Engine", sa: Obj) -> list[str]:
    pulls = ", ".join(r.get("name", "") for r in sa.get("imagePullSecrets") or []) or "<none>"
    mounts = ", ".join(r.get("name", "") for r in sa.get("secrets") or []) or "<none>"
    return _header(sa) + _meta(sa) + [_line("Image pull secrets", pulls), _line("Mountable secrets", mounts),
                                      _line("Tokens", "<none>")]


_SUFFIX = {"Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "Pi": 2 ** 50, "Ei": 2 ** 60, "n": 1e-9,
           "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}


def _amount(quantity: Any) -> float:
    """A resource quantity (`100m`, `128Mi`, `2`) as a number of units (cores, bytes)."""
    text = str(quantity).strip()
    number = text.rstrip("KMGTPEiunmk")
    try:
        return float(number) * _SUFFIX.get(text[len(number):], 1)
    except ValueError:
        return 0.0


def _node(sim: "Engine", n: Obj) -> list[str]:
    meta, spec, st = n["metadata"], n.get("spec") or {}, n.get("status") or {}
    labels = meta.get("labels") or {}
    roles = sorted(k.split("/", 1)[1] for k in labels if k.startswith("node-role.kubernetes.io/"))
    out = [_line("Name", meta["name"]), _line("Roles", ",".join(roles) or "<none>")] + _meta(n)
    out.append(_line("CreationTimestamp", rfc1123z(meta.get("creationTimestamp"))))
    taints = [f"{t['key']}" + (f"={t['value']}" if t.get("value") else "") + f":{t['effect']}"
              for t in spec.get("taints") or []]
    out.append(_line("Taints", "\n\t".join(taints) or "<none>"))
    out.append(_line("Unschedulable", "true" if spec.get("unschedulable") else "false"))
    lease = sim.store.find("Lease", "kube-node-lease", meta["name"])
    if lease is None:
        out.append(f"Lease:\tFailed to get lease: leases.coordination.k8s.io \"{meta['name']}\" not found")
    else:
        lspec = lease.get("spec") or {}
        out += ["Lease:", f"  HolderIdentity:\t{lspec.get('holderIdentity') or '<unset>'}",
                f"  AcquireTime:\t{rfc1123z(lspec.get('acquireTime'))}",
                f"  RenewTime:\t{rfc1123z(lspec.get('renewTime'))}"]
    out += ["Conditions:", "  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage",
            "  ----\t------\t-----------------\t------------------\t------\t-------"]
    out += [f"  {c['type']} \t{c['status']} \t{rfc1123z(c.get('lastHeartbeatTime'))} \t"
            f"{rfc1123z(c.get('lastTransitionTime'))} \t{c.get('reason', '')} \t{c.get('message', '')}"
            for c in st.get("conditions") or []]
    out.append("Addresses:")
    out += [f"  {a['type']}:\t{a['address']}" for a in st.get("addresses") or []]
    for title, key in (("Capacity", "capacity"), ("Allocatable", "allocatable")):
        out.append(f"{title}:")
        out += [f"  {name}:\t{value}" for name, value in sorted((st.get(key) or {}).items())]
    info = st.get("nodeInfo") or {}
    out += ["System Info:", f"  Machine ID:\t{info.get('machineID', '')}",
            f"  System UUID:\t{info.get('systemUUID', '')}",
            f"  Boot ID:\t{info.get('bootID', '')}", f"  Kernel Version:\t{info.get('kernelVersion', '')}",
            f"  OS Image:\t{info.get('osImage', '')}", f"  Operating System:\t{info.get('operatingSystem', '')}",
            f"  Architecture:\t{info.get('architecture', '')}",
            f"  Container Runtime Version:\t{info.get('containerRuntimeVersion', '')}",
            f"  Kubelet Version:\t{info.get('kubeletVersion', '')}",
            f"  Kube-Proxy Version:\t{info.get('kubeProxyVersion', '')}"]
    if spec.get("podCIDR"):
        out.append(_line("PodCIDR", spec["podCIDR"]))
        out.append(_line("PodCIDRs", ",".join(spec.get("podCIDRs") or [])))
    if spec.get("providerID"):
        out.append(_line("ProviderID", spec["providerID"]))
    pods = [p for p in sim.store.items("Pod") if (p.get("spec") or {}).get("nodeName") == meta["name"]
            and (p.get("status") or {}).get("phase") not in ("Succeeded", "Failed")]
    allocatable = st.get("allocatable") or {}
    totals = {"cpu": [0.0, 0.0], "memory": [0.0, 0.0], "ephemeral-storage": [0.0, 0.0],
              "hugepages-1Gi": [0.0, 0.0], "hugepages-2Mi": [0.0, 0.0]}

    def share(resource: str, amount: float) -> str:
        whole = _amount(allocatable.get(resource, 0))
        percent = int(amount / whole * 100) if whole else 0
        shown = (f"{int(round(amount * 1000))}m" if amount * 1000 % 1000 else str(int(amount))) \
            if resource == "cpu" else _bytes(amount)
        return f"{shown} ({percent}%)"
    out.append(f"Non-terminated Pods:\t({len(pods)} in total)")
    out.append("  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge")
    out.append("  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---")
    for pod in sorted(pods, key=lambda p: (p["metadata"].get("namespace", ""), p["metadata"]["name"])):
        own = {"cpu": [0.0, 0.0], "memory": [0.0, 0.0]}
        for c in (pod.get("spec") or {}).get("containers") or []:
            res = c.get("resources") or {}
            for resource in totals:
                for i, key in enumerate(("requests", "limits")):
                    amount = _amount((res.get(key) or {}).get(resource, 0))
                    totals[resource][i] += amount
                    if resource in own:
                        own[resource][i] += amount
        age = human_duration(sim.time - parse_rfc3339(pod["metadata"]["creationTimestamp"]))
        out.append(f"  {pod['metadata'].get('namespace', '')}\t{pod['metadata']['name']}\t\t"
                   f"{share('cpu', own['cpu'][0])}\t{share('cpu', own['cpu'][1])}\t"
                   f"{share('memory', own['memory'][0])}\t{share('memory', own['memory'][1])}\t{age}")
    out += ["Allocated resources:", "  (Total limits may be over 100 percent, i.e., overcommitted.)",
            "  Resource\tRequests\tLimits", "  --------\t--------\t------"]
    out += [f"  {resource}\t{share(resource, req)}\t{share(resource, lim)}" for resource, (req, lim) in totals.items()]
    return out


def _bytes(amount: float) -> str:
    """A byte count as kubectl's Quantity prints a sum of requests: `0`, `128Mi`, `1G`, `500M`."""
    if not amount:
        return "0"
    for suffix, size in (("Ei", 2 ** 60), ("Pi", 2 ** 50), ("Ti", 2 ** 40), ("Gi", 2 ** 30), ("Mi", 2 ** 20),
                         ("Ki", 2 ** 10)):
        if amount % size == 0:
            return f"{int(amount // size)}{suffix}"
    for suffix, size in (("E", 1e18), ("P", 1e15), ("T", 1e12), ("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if amount % size == 0:
            return f"{int(amount // size)}{suffix}"
    return str(int(amount))


def _camel_split(text: str) -> list[str]:
    """Runs of lower case, upper case, digits and other characters, an upper-case letter going with the lower-case
    run after it (`URLPath` -> `URL`, `Path`), as kubectl's camelcase splitter cuts field names."""
    runs: list[list[str]] = []
    last = 0
    for ch in text:
        cls = 1 if ch.islower() else 2 if ch.isupper() else 3 if ch.isdigit() else 4
        if cls == last:
            runs[-1].append(ch)
        else:
            runs.append([ch])
        last = cls
    for i in range(len(runs) - 1):
        if runs[i] and runs[i][0].isupper() and runs[i + 1] and runs[i + 1][0].islower():
            runs[i + 1].insert(0, runs[i].pop())
    return ["".join(run) for run in runs if run]


def _label(field: str) -> str:
    """kubectl's smartLabelFor: `apiVersion` -> `API Version`, `creationTimestamp` -> `Creation Timestamp`."""
    if any(not (ch.isalpha() or ch == "-") for ch in field):
        return field
    out = []
    for part in _camel_split(field):
        if part == "_":
            continue
        if part.upper() in ("API", "URL", "UID", "GUID"):
            part = part.upper()
        elif part.lower() == part:
            part = part[:1].upper() + part[1:]
        out.append(part)
    return " ".join(out)


def _unstructured(content: Obj, level: int, path: str, skip: tuple[str, ...]) -> list[str]:
    out = []
    pad = "  " * level
    for field in sorted(content):
        value, here = content[field], f"{path}.{field}"
        if here in skip:
            continue
        if isinstance(value, dict):
            out.append(f"{pad}{_label(field)}:")
            out += _unstructured(value, level + 1, here, skip)
        elif isinstance(value, list):
            out.append(f"{pad}{_label(field)}:")
            for child in value:
                out += _unstructured(child, level + 1, here, skip) if isinstance(child, dict) else \
                    [f"{pad}  {_go_value(child)}"]
        else:
            out.append(f"{pad}{_label(field)}:\t{_go_value(value)}")
    return out


def _go_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "<nil>"
    return str(value)


def _generic(sim: "Engine", o: Obj) -> list[str]:
    """kubectl's generic describer: every field, sorted, with labels made readable."""
    meta = o["metadata"]
    out = [_line("Name", meta["name"]), _line("Namespace", meta.get("namespace", ""))] + _meta(o)
    return out + _unstructured(o, 0, "", (".metadata.managedFields", ".metadata.name", ".metadata.namespace",
                                          ".metadata.labels", ".metadata.annotations"))


DESCRIBERS = {"Pod": _pod, "Deployment": _deployment, "ReplicaSet": _replicaset, "ReplicationController": _replicaset,
              "DaemonSet": _daemonset, "StatefulSet": _statefulset, "Job": _job, "CronJob": _cronjob,
              "Service": _service, "Namespace": _namespace, "Node": _node, "PersistentVolumeClaim": _pvc,
              "PersistentVolume": _pv, "Endpoints": _endpoints, "StorageClass": _storageclass,
              "ServiceAccount": _serviceaccount}


DESCRIBERS.update(POLICY_DESCRIBERS)
NO_EVENTS = {"Namespace", *POLICY_NO_EVENTS}  # kubectl's describers of these show no events


def describe(sim: "Engine", obj: Obj) -> str:
    """The describe text of one object."""
    fn = DESCRIBERS.get(obj["kind"], _generic)
    return align("\n".join(fn(sim, obj) + ([] if obj["kind"] in NO_EVENTS else _events(sim, obj))))
