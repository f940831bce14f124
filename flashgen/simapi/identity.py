"""Authentication, impersonation and RBAC authorization of each request, as the API server does them.

The server speaks plain HTTP on 127.0.0.1, where kubectl sends no credentials: like the API server's former
insecure local port, a request without credentials comes from the cluster admin, kubernetes-admin (group
kubeadm:cluster-admins, bound to cluster-admin), who is always allowed, as a member of system:masters would be.
Other identities come from impersonation, which kubectl sends over HTTP too: `--as`, `--as-group`,
`--as=system:serviceaccount:<ns>:<name>`, and the `as:` of a kubeconfig user (the kubeconfig's second user,
jane). Clients that do send a bearer token over HTTP (the Python client) are: the admin for the kubeconfig's
token, the ServiceAccount for a token made by `kubectl create token`, else the user the token names.
Everything a non-admin does is decided by the cluster's Roles, ClusterRoles and their bindings."""

from __future__ import annotations

import base64
import json
from typing import Any

from starlette.requests import Request as HttpRequest

from flashgen.kube import rbac
from flashgen.sim import SimCluster, errors

from .paths import Target

Obj = dict[str, Any]
ADMIN_TOKEN = "flashgen-sim"
ADMIN = rbac.User("kubernetes-admin", ("kubeadm:cluster-admins", "system:authenticated"))
ANONYMOUS = rbac.User("system:anonymous", ("system:unauthenticated",))
TOKEN_ISSUER = "https://kubernetes.default.svc.cluster.local"


def policy(sim: SimCluster) -> rbac.Policy:
    store = sim.store
    return rbac.Policy(list(store.items("Role")), list(store.items("ClusterRole")), list(store.items("RoleBinding")),
                       list(store.items("ClusterRoleBinding")))


def _from_token(token: str) -> rbac.User:
    if token == ADMIN_TOKEN:
        return ADMIN
    parts = token.split(".")
    if len(parts) == 3:
        try:
            claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        except ValueError:
            claims = {}
        sa = ((claims.get("kubernetes.io") or {}).get("serviceaccount") or {}) if isinstance(claims, dict) else {}
        ns = (claims.get("kubernetes.io") or {}).get("namespace") if isinstance(claims, dict) else None
        if claims.get("iss") == TOKEN_ISSUER and sa.get("name") and ns:
            return rbac.service_account_user(ns, sa["name"])
    return rbac.User(token, ("system:authenticated",))


def authenticate(request: HttpRequest) -> rbac.User:
    """The user a request's bearer token names."""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer ") and auth[7:].strip():
        return _from_token(auth[7:].strip())
    return ADMIN


def is_admin(user: rbac.User) -> bool:
    return user is ADMIN or "system:masters" in user.groups


def _require(sim: SimCluster, requester: rbac.User, req: rbac.Request, group_resource: str) -> None:
    if is_admin(requester):
        return
    allowed, reason = rbac.authorize(policy(sim), requester, req)
    if not allowed:
        raise forbidden(requester, req, reason, group_resource)


def impersonate(sim: SimCluster, requester: rbac.User, request: HttpRequest) -> rbac.User:
    """The user the request acts as: the requester, or whom its Impersonate-* headers name (403 when the
    requester may not impersonate them)."""
    name = request.headers.get("impersonate-user")
    groups = [g for k, g in request.headers.items() if k.lower() == "impersonate-group"]
    if not name and not groups:
        return requester
    if not name:
        raise errors.ApiError(500, "InternalError", f"Internal error occurred: requested {groups} without "
                              "impersonating a user")
    if name.startswith(rbac.SA_PREFIX) and name.count(":") >= 3:
        ns, sa = name[len(rbac.SA_PREFIX):].split(":", 1)
        _require(sim, requester, rbac.Request("impersonate", "", "serviceaccounts", namespace=ns, name=sa),
                 "serviceaccounts")
        if not groups:
            groups = list(rbac.service_account_user(ns, sa).groups[:2])
    else:
        _require(sim, requester, rbac.Request("impersonate", "", "users", name=name), "users")
    for g in groups:
        _require(sim, requester, rbac.Request("impersonate", "", "groups", name=g), "groups")
    if name != ANONYMOUS.name and not {"system:authenticated", "system:unauthenticated"} & set(groups):
        groups.append("system:authenticated")
    return rbac.User(name, tuple(groups))


def forbidden(user: rbac.User, req: rbac.Request, reason: str, group_resource: str | None = None) -> errors.ApiError:
    """The API server's 403 for a refused request."""
    text = rbac.forbidden_message(user, req) + (f": {reason}" if reason else "")
    if not req.is_resource:
        return errors.ApiError(403, "Forbidden", f"forbidden: {text}")
    gr = group_resource or (f"{req.resource}.{req.group}" if req.group else req.resource)
    head = f'{gr} "{req.name}" is forbidden' if req.name else f"{gr} is forbidden"
    details: Obj = {"kind": req.resource}
    if req.name:
        details["name"] = req.name
    if req.group:
        details["group"] = req.group
    return errors.ApiError(403, "Forbidden", f"{head}: {text}", details)


def verb_of(method: str, named: bool, watch: bool) -> str:
    """The authorization verb of a resource request."""
    if method == "GET":
        return "watch" if watch else ("get" if named else "list")
    return {"POST": "create", "PUT": "update", "PATCH": "patch",
            "DELETE": "delete" if named else "deletecollection"}.get(method, method.lower())


def resource_request(target: Target, method: str, watch: bool, resource: str | None = None,
                     group: str | None = None) -> rbac.Request:
    assert target.kind is not None or resource is not None
    kind = target.kind
    return rbac.Request(verb_of(method, target.name is not None, watch),
                        group if group is not None else (kind.group if kind else ""),
                        resource or (target.plural or (kind.plural if kind else "")), target.subresource or "",
                        target.namespace or "" if (kind is None or kind.namespaced) else "", target.name or "")


def check(sim: SimCluster, user: rbac.User, req: rbac.Request) -> None:
    """Raise the 403 unless the user may make the request."""
    if is_admin(user):
        return
    allowed, reason = rbac.authorize(policy(sim), user, req)
    if not allowed:
        raise forbidden(user, req, reason)
