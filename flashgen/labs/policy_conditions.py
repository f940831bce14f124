"""Named conditions for the policy labs: where an Ingress routes a host and path, what RBAC lets a user do,
whether a Deployment's pods were admitted (quotas, LimitRanges) and whether pods were scheduled (and where).
They register with the other conditions (flashgen.labs.conditions) when flashgen.labs is imported."""

from __future__ import annotations

import re

from flashgen.kube import ingress, rbac
from flashgen.kube.cluster import Cluster
from flashgen.labs.conditions import Args, _condition, _ns, ready_endpoints
from flashgen.labs.kinds import describe, label_selector, owned_by
from flashgen.labs.results import Finding, missing_object

RBAC_API = "rbac.authorization.k8s.io/v1"


@_condition("ingress-routes", "an Ingress (served by a controller) sends a host and path to a Service with ready "
            "endpoints", {"host": str, "path": str, "service": str}, {"port": (int, str)})
def ingress_routes(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    ns = _ns(args, namespace)
    host, path, want = args["host"], args["path"], args["service"]
    where = f"Ingress objects in {ns}"
    ingresses = cluster.list("networking.k8s.io/v1", "Ingress", ns)
    found = ingress.route(ingresses, host, path)
    request = f"http://{host}{path}"
    if found is None:
        rules = "; ".join(f"{r.get('host') or '*'}: " + ", ".join(
            f"{p.get('path', '/')} ({p.get('pathType', 'ImplementationSpecific')})"
            for p in ((r.get("http") or {}).get("paths") or []))
            for i in ingresses for r in (i.get("spec") or {}).get("rules") or []) or "no rules"
        return [Finding(where, "spec.rules", f"a rule that routes {request} to Service {want}",
                        f"no rule matches it (404 from the controller's default backend); rules: {rules}")]
    ing = next(i for i in ingresses if i["metadata"]["name"] == found.ingress)
    ing_where = describe("Ingress", found.ingress, ns)
    out = []
    if found.service != want:
        out.append(Finding(ing_where, "spec.rules", f"{request} routed to Service {want}",
                           f"routed to Service {found.service} by the rule {found.rule}"))
    if "port" in args and found.port != args["port"]:
        out.append(Finding(ing_where, "backend.service.port", f"port {args['port']}",
                           f"port {found.port if found.port is not None else '(none)'}"))
    address = ((ing.get("status") or {}).get("loadBalancer") or {}).get("ingress")
    if not address:
        classes = cluster.list("networking.k8s.io/v1", "IngressClass")
        cls = ingress.class_of(ing, classes)
        known = ", ".join(c["metadata"]["name"] for c in classes) or "none"
        out.append(Finding(ing_where, "status.loadBalancer", "an address given by the ingress controller",
                           f"no address: no controller serves the class {cls!r} (IngressClasses here: {known})"
                           if cls else f"no address: no controller took the Ingress (set spec.ingressClassName; "
                                       f"IngressClasses here: {known})"))
    if out:
        return out
    port = found.port if isinstance(found.port, int) else None
    return ready_endpoints(cluster, ns, {"service": found.service, "min": 1, **({"port": port} if port else {})})


def _policy(cluster: Cluster) -> rbac.Policy:
    return rbac.Policy(cluster.list(RBAC_API, "Role"), cluster.list(RBAC_API, "ClusterRole"),
                       cluster.list(RBAC_API, "RoleBinding"), cluster.list(RBAC_API, "ClusterRoleBinding"))


def _user(name: str, groups: list[str] | None) -> rbac.User:
    if name.startswith(rbac.SA_PREFIX) and name.count(":") >= 3:
        ns, sa = name[len(rbac.SA_PREFIX):].split(":", 1)
        base = rbac.service_account_user(ns, sa)
        return rbac.User(base.name, base.groups + tuple(groups or ()))
    return rbac.User(name, tuple(groups or ()) + ("system:authenticated",))


@_condition("access", "RBAC lets a user (or ServiceAccount) do something, or does not (`kubectl auth can-i`)",
            {"user": str, "verb": str, "resource": str},
            {"group": str, "subresource": str, "name": str, "allowed": bool, "groups": list})
def access(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    ns = _ns(args, namespace)
    user = _user(args["user"], args.get("groups"))
    req = rbac.Request(args["verb"], args.get("group", ""), args["resource"], args.get("subresource", ""), ns,
                       args.get("name", ""))
    allowed, reason = rbac.authorize(_policy(cluster), user, req)
    want = args.get("allowed", True)
    if allowed == want:
        return []
    resource = args["resource"] + (f".{args['group']}" if args.get("group") else "")
    what = " ".join(x for x in (args["verb"], resource, args.get("name", ""),
                                f"--subresource={args['subresource']}" if args.get("subresource") else "",
                                f"-n {ns}", f"--as={user.name}") if x)
    if want:
        why = reason or "no RoleBinding or ClusterRoleBinding gives it a role with that rule"
        return [Finding(f"RBAC for {user.name}", "", f"`kubectl auth can-i {what}`: yes", f"no ({why})")]
    return [Finding(f"RBAC for {user.name}", "", f"`kubectl auth can-i {what}`: no", f"yes ({reason})")]


@_condition("pods-created", "a Deployment's ReplicaSets created every pod they want (no FailedCreate from a quota, a "
            "LimitRange or another admission check)", {"deployment": str})
def pods_created(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    ns, name = _ns(args, namespace), args["deployment"]
    dep = cluster.get("apps/v1", "Deployment", name, ns)
    if dep is None:
        return missing_object("apps/v1", "Deployment", name, ns)
    out = []
    for rs in cluster.list("apps/v1", "ReplicaSet", ns):
        if not owned_by(rs, dep):
            continue
        for cond in (rs.get("status") or {}).get("conditions") or []:
            if cond.get("type") == "ReplicaFailure" and cond.get("status") == "True":
                out.append(Finding(describe("ReplicaSet", rs["metadata"]["name"], ns), "status.conditions",
                                   "every pod created", f"{cond.get('reason')}: {cond.get('message')}"))
    if out:
        return out
    want = (dep.get("spec") or {}).get("replicas", 1)
    have = (dep.get("status") or {}).get("replicas", 0)
    if have < want:
        return [Finding(describe("Deployment", name, ns), "status.replicas", f"{want} pods created", str(have))]
    return []


@_condition("pods-scheduled", "every pod with these labels is bound to a node (optionally one whose name matches "
            "`nodes`, each on a different node with `distinct`), with at least `min` of them", {"selector": dict},
            {"nodes": str, "min": int, "distinct": bool})
def pods_scheduled(cluster: Cluster, namespace: str, args: Args) -> list[Finding]:
    ns = _ns(args, namespace)
    sel = label_selector(args["selector"])
    pods = [p for p in cluster.list("v1", "Pod", ns, sel) if not (p.get("metadata") or {}).get("deletionTimestamp")]
    out = []
    if len(pods) < args.get("min", 1):
        out.append(Finding(f"Pods {sel} in {ns}", "", f"at least {args.get('min', 1)} pods", str(len(pods))))
    pattern = re.compile(args["nodes"]) if args.get("nodes") else None
    for pod in pods:
        where = describe("Pod", pod["metadata"]["name"], ns)
        node = (pod.get("spec") or {}).get("nodeName")
        if not node:
            cond = next((c for c in (pod.get("status") or {}).get("conditions") or []
                         if c.get("type") == "PodScheduled"), {})
            out.append(Finding(where, "spec.nodeName", "a node", f"Pending: {cond.get('message') or 'not scheduled yet'}"))
        elif pattern is not None and not pattern.fullmatch(node):
            out.append(Finding(where, "spec.nodeName", f"a node matching {args['nodes']}", node))
    if args.get("distinct"):
        nodes = [(p.get("spec") or {}).get("nodeName") for p in pods if (p.get("spec") or {}).get("nodeName")]
        shared = sorted({n for n in nodes if nodes.count(n) > 1})
        if shared:
            out.append(Finding(f"Pods {sel} in {ns}", "spec.nodeName", "each pod on a different node",
                               f"several on {', '.join(shared)}"))
    return out
