"""RBAC authorization as the API server's RBAC authorizer decides it: which Roles and ClusterRoles reach a user
through RoleBindings and ClusterRoleBindings, whether one of their rules allows a request, the reason it gives,
and the 403 message a refused request gets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

Obj = dict[str, Any]
SA_PREFIX = "system:serviceaccount:"


@dataclass(frozen=True)
class User:
    """Who makes a request (after authentication and impersonation)."""

    name: str
    groups: tuple[str, ...] = ()
    uid: str = ""
    extra: dict[str, list[str]] = field(default_factory=dict)


def service_account_user(namespace: str, name: str) -> User:
    """The user a ServiceAccount's token authenticates as."""
    return User(f"{SA_PREFIX}{namespace}:{name}",
                ("system:serviceaccounts", f"system:serviceaccounts:{namespace}", "system:authenticated"))


@dataclass(frozen=True)
class Request:
    """A request's authorization attributes."""

    verb: str
    group: str = ""
    resource: str = ""
    subresource: str = ""
    namespace: str = ""
    name: str = ""
    path: str = ""  # for non-resource requests (/api, /healthz ...)

    @property
    def is_resource(self) -> bool:
        return bool(self.resource)


@dataclass
class Policy:
    """The RBAC objects of a cluster, as plain dicts."""

    roles: list[Obj]
    cluster_roles: list[Obj]
    role_bindings: list[Obj]
    cluster_role_bindings: list[Obj]

    def __post_init__(self) -> None:
        self._roles = {(r["metadata"].get("namespace"), r["metadata"]["name"]): r for r in self.roles}
        self._cluster_roles = {r["metadata"]["name"]: r for r in self.cluster_roles}

    def role(self, ref: Obj, namespace: str | None) -> tuple[Obj | None, str | None]:
        """(the referenced role, or None and the error the authorizer reports)."""
        name = ref.get("name", "")
        if ref.get("kind") == "ClusterRole":
            found = self._cluster_roles.get(name)
            return found, None if found else f'clusterrole.rbac.authorization.k8s.io "{name}" not found'
        found = self._roles.get((namespace, name))
        return found, None if found else f'role.rbac.authorization.k8s.io "{name}" not found'


def _subject_matches(subject: Obj, user: User, binding_ns: str | None) -> bool:
    kind = subject.get("kind")
    if kind == "User":
        return subject.get("name") == user.name
    if kind == "Group":
        return subject.get("name") in user.groups
    if kind == "ServiceAccount":
        ns = subject.get("namespace") or binding_ns or ""
        return user.name == f"{SA_PREFIX}{ns}:{subject.get('name', '')}"
    return False


def _describe_subject(subject: Obj, binding_ns: str | None) -> str:
    if subject.get("kind") == "ServiceAccount":
        return f'ServiceAccount "{subject.get("name", "")}/{subject.get("namespace") or binding_ns or ""}"'
    return f'{subject.get("kind")} "{subject.get("name", "")}"'


def _has(values: list[str] | None, value: str) -> bool:
    values = values or []
    return "*" in values or value in values


def rule_allows(rule: Obj, req: Request) -> bool:
    """Whether one PolicyRule allows the request."""
    if not _has(rule.get("verbs"), req.verb):
        return False
    if not req.is_resource:
        for url in rule.get("nonResourceURLs") or []:
            if url == "*" or url == req.path or (url.endswith("*") and req.path.startswith(url[:-1])):
                return True
        return False
    if not _has(rule.get("apiGroups"), req.group):
        return False
    combined = f"{req.resource}/{req.subresource}" if req.subresource else req.resource
    resources_ok = False
    for res in rule.get("resources") or []:
        if res in ("*", combined) or (req.subresource and res == f"*/{req.subresource}"):
            resources_ok = True
            break
    if not resources_ok:
        return False
    names = rule.get("resourceNames") or []
    return not names or req.name in names


def _bindings(policy: Policy, user: User, namespace: str) -> Iterable[tuple[str, Obj, Obj, str | None]]:
    """(describer, binding, subject, binding namespace) for every binding naming the user, cluster-wide first."""
    for b in sorted(policy.cluster_role_bindings, key=lambda o: o["metadata"]["name"]):
        for s in b.get("subjects") or []:
            if _subject_matches(s, user, None):
                ref = b.get("roleRef") or {}
                yield (f'ClusterRoleBinding "{b["metadata"]["name"]}" of {ref.get("kind")} "{ref.get("name")}" '
                       f"to {_describe_subject(s, None)}"), b, s, None
                break
    if not namespace:
        return
    for b in sorted(policy.role_bindings, key=lambda o: o["metadata"]["name"]):
        if b["metadata"].get("namespace") != namespace:
            continue
        for s in b.get("subjects") or []:
            if _subject_matches(s, user, namespace):
                ref = b.get("roleRef") or {}
                yield (f'RoleBinding "{b["metadata"]["name"]}/{namespace}" of {ref.get("kind")} "{ref.get("name")}" '
                       f"to {_describe_subject(s, namespace)}"), b, s, namespace
                break


def _reason_of(errors: list[str]) -> str:
    if not errors:
        return ""
    return "RBAC: " + (errors[0] if len(errors) == 1 else "[" + ", ".join(errors) + "]")


def authorize(policy: Policy, user: User, req: Request) -> tuple[bool, str]:
    """(allowed, reason): the RBAC authorizer's decision and its reason text."""
    errors: list[str] = []
    for describer, binding, _, ns in _bindings(policy, user, req.namespace):
        role, error = policy.role(binding.get("roleRef") or {}, ns)
        if error:
            errors.append(error)
            continue
        for rule in (role or {}).get("rules") or []:
            if rule_allows(rule, req):
                return True, f"RBAC: allowed by {describer}"
    return False, _reason_of(errors)


def rules_for(policy: Policy, user: User, namespace: str) -> tuple[list[Obj], list[Obj], str]:
    """(resource rules, non-resource rules, evaluation errors) that apply to the user in a namespace, as a
    SelfSubjectRulesReview reports them."""
    resource_rules: list[Obj] = []
    non_resource: list[Obj] = []
    errors: list[str] = []
    for _, binding, _, ns in _bindings(policy, user, namespace):
        role, error = policy.role(binding.get("roleRef") or {}, ns)
        if error:
            errors.append(error)
            continue
        for rule in (role or {}).get("rules") or []:
            if rule.get("nonResourceURLs"):
                non_resource.append({"verbs": list(rule.get("verbs") or []),
                                     "nonResourceURLs": list(rule["nonResourceURLs"])})
            else:
                out = {"verbs": list(rule.get("verbs") or []), "apiGroups": list(rule.get("apiGroups") or []),
                       "resources": list(rule.get("resources") or [])}
                if rule.get("resourceNames"):
                    out["resourceNames"] = list(rule["resourceNames"])
                resource_rules.append(out)
    return resource_rules, non_resource, ", ".join(errors)


def forbidden_message(user: User, req: Request) -> str:
    """The text after `<resource> is forbidden: ` in a refused request's Status."""
    if not req.is_resource:
        return f'User "{user.name}" cannot {req.verb} path "{req.path}"'
    resource = f"{req.resource}/{req.subresource}" if req.subresource else req.resource
    if req.namespace:
        return (f'User "{user.name}" cannot {req.verb} resource "{resource}" in API group "{req.group}" in the '
                f'namespace "{req.namespace}"')
    return f'User "{user.name}" cannot {req.verb} resource "{resource}" in API group "{req.group}" at the cluster scope'
