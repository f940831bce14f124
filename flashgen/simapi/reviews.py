"""The review APIs that create nothing: SelfSubjectAccessReview and SubjectAccessReview (`kubectl auth can-i`),
SelfSubjectRulesReview (`kubectl auth can-i --list`), SelfSubjectReview (`kubectl auth whoami`), and the
TokenRequest of `kubectl create token`."""

from __future__ import annotations

import base64
import json
from typing import Any

from flashgen.kube import rbac
from flashgen.sim import SimCluster, errors
from flashgen.sim.timefmt import rfc3339

from . import identity

Obj = dict[str, Any]
AUTHZ = "authorization.k8s.io/v1"
AUTHN = "authentication.k8s.io/v1"
# group-version -> resource -> (kind, namespaced)
RESOURCES: dict[str, dict[str, tuple[str, bool]]] = {
    AUTHZ: {"selfsubjectaccessreviews": ("SelfSubjectAccessReview", False),
            "selfsubjectrulesreviews": ("SelfSubjectRulesReview", False),
            "subjectaccessreviews": ("SubjectAccessReview", False)},
    AUTHN: {"selfsubjectreviews": ("SelfSubjectReview", False)},
}
DEFAULT_TOKEN_SECONDS = 3600


def _request(spec: Obj) -> rbac.Request:
    res = spec.get("resourceAttributes")
    if res:
        return rbac.Request(res.get("verb", ""), res.get("group", ""), res.get("resource", ""),
                            res.get("subresource", ""), res.get("namespace", ""), res.get("name", ""))
    non = spec.get("nonResourceAttributes") or {}
    return rbac.Request(non.get("verb", ""), path=non.get("path", ""))


def _decide(sim: SimCluster, user: rbac.User, spec: Obj) -> Obj:
    if not spec.get("resourceAttributes") and not spec.get("nonResourceAttributes"):
        raise errors.invalid("SelfSubjectAccessReview", "", [
            "spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or "
            "resourceAttributes must be specified"])
    if identity.is_admin(user):
        return {"allowed": True}
    allowed, reason = rbac.authorize(identity.policy(sim), user, _request(spec))
    out: Obj = {"allowed": allowed}
    if reason:
        out["reason"] = reason
    return out


def _result(body: Obj, kind: str, status: Obj) -> Obj:
    return {"kind": kind, "apiVersion": body.get("apiVersion") or AUTHZ,
            "metadata": {"creationTimestamp": None, **((body.get("metadata") or {}))},
            "spec": body.get("spec") or {}, "status": status}


def create(sim: SimCluster, user: rbac.User, resource: str, body: Obj) -> Obj:
    """The reply to a POST of one of the review kinds."""
    spec = body.get("spec") or {}
    if resource == "selfsubjectaccessreviews":
        return _result(body, "SelfSubjectAccessReview", _decide(sim, user, spec))
    if resource == "subjectaccessreviews":
        subject = rbac.User(spec.get("user", ""), tuple(spec.get("groups") or ()), spec.get("uid", ""))
        return _result(body, "SubjectAccessReview", _decide(sim, subject, spec))
    if resource == "selfsubjectrulesreviews":
        res, non, failure = rbac.rules_for(identity.policy(sim), user, spec.get("namespace", ""))
        status: Obj = {"resourceRules": res, "nonResourceRules": non, "incomplete": False}
        if failure:
            status["evaluationError"] = failure
        return _result(body, "SelfSubjectRulesReview", status)
    if resource == "selfsubjectreviews":
        info: Obj = {"username": user.name, "groups": list(user.groups)}
        if user.uid:
            info["uid"] = user.uid
        return {"kind": "SelfSubjectReview", "apiVersion": body.get("apiVersion") or AUTHN,
                "metadata": {"creationTimestamp": None}, "status": {"userInfo": info}}
    raise errors.not_found(resource, "")


def _b64(data: Obj) -> str:
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")


def token(sim: SimCluster, namespace: str, name: str, body: Obj) -> Obj:
    """A TokenRequest for a ServiceAccount: a JWT-shaped token that authenticates as it on this cluster."""
    sa = sim.store.get("ServiceAccount", namespace, name)
    spec = dict((body or {}).get("spec") or {})
    seconds = int(spec.get("expirationSeconds") or DEFAULT_TOKEN_SECONDS)
    spec.setdefault("audiences", [identity.TOKEN_ISSUER])
    spec["expirationSeconds"] = seconds
    now = int(sim.time)
    claims = {"aud": spec["audiences"], "exp": now + seconds, "iat": now, "iss": identity.TOKEN_ISSUER,
              "kubernetes.io": {"namespace": namespace, "serviceaccount": {"name": name,
                                                                           "uid": sa["metadata"]["uid"]}},
              "nbf": now, "sub": f"{rbac.SA_PREFIX}{namespace}:{name}"}
    jwt = f"{_b64({'alg': 'RS256', 'kid': 'flashgen-sim'})}.{_b64(claims)}.{_b64({'signature': 'none'})}"
    return {"kind": "TokenRequest", "apiVersion": AUTHN,
            "metadata": {"name": name, "namespace": namespace, "creationTimestamp": rfc3339(sim.time)},
            "spec": spec, "status": {"token": jwt, "expirationTimestamp": rfc3339(now + seconds)}}
