"""RBAC through real kubectl: Roles, ClusterRoles and their bindings decide what a user, a group or a
ServiceAccount may do (`--as`, `--as-group`, the kubeconfig's second user jane), `kubectl auth can-i` and
`whoami` answer from them, and the admin stays allowed everything, each as the documentation page in its
docstring shows it."""

from __future__ import annotations

import json
import urllib.request

from .policies_support import Cluster, k, served  # noqa: F401  (fixtures)

POD_READER = """
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {namespace: default, name: pod-reader}
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "watch", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: default}
subjects:
- kind: User
  name: jane
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
"""


def test_a_role_and_rolebinding_let_jane_read_pods_and_nothing_else(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/access-authn-authz/rbac/ (the pod-reader Role and read-pods
    RoleBinding: jane may read pods in default; anything else is forbidden with the API server's message)."""
    k.ok("run", "web", "--image=nginx")
    assert "Forbidden" in k.fails("--user=jane", "get", "pods")
    k.apply(POD_READER)
    assert k.ok("--user=jane", "get", "pods").splitlines()[1].startswith("web ")
    assert k.fails("--user=jane", "get", "secrets").strip() == (
        'Error from server (Forbidden): secrets is forbidden: User "jane" cannot list resource "secrets" in API group '
        '"" in the namespace "default"')
    assert k.fails("--user=jane", "delete", "pod", "web").strip() == (
        'Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot delete resource "pods" in API '
        'group "" in the namespace "default"')
    assert 'in the namespace "kube-system"' in k.fails("--user=jane", "get", "pods", "-n", "kube-system")
    assert k.ok("--context=flashgen-sim-jane", "auth", "whoami").splitlines()[1].split() == ["Username", "jane"]


def test_auth_can_i_answers_for_users_groups_and_service_accounts(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/access-authn-authz/authorization/#checking-api-access (`kubectl auth
    can-i` with --as, --as-group and a ServiceAccount; yes/no from the SelfSubjectAccessReview)."""
    k.apply(POD_READER)
    assert k.ok("auth", "can-i", "list", "pods", "--as=jane").strip() == "yes"
    denied = k.run("auth", "can-i", "delete", "pods", "--as=jane")
    assert denied.returncode == 1 and denied.stdout.strip() == "no"
    assert k.run("auth", "can-i", "list", "pods", "--as=dave").stdout.strip() == "no"
    k.ok("create", "clusterrolebinding", "managers-view", "--clusterrole=view", "--group=manager")
    assert k.ok("auth", "can-i", "list", "deployments.apps", "-A", "--as=dave", "--as-group=manager").strip() == "yes"
    k.ok("create", "serviceaccount", "builder")
    k.ok("create", "rolebinding", "builder-edit", "--clusterrole=edit", "--serviceaccount=default:builder")
    sa = "--as=system:serviceaccount:default:builder"
    assert k.ok("auth", "can-i", "create", "deployments", sa).strip() == "yes"
    assert k.run("auth", "can-i", "create", "deployments", "-n", "kube-system", sa).stdout.strip() == "no"
    assert k.ok("auth", "can-i", "'*'", "'*'").strip() == "yes"  # the admin


def test_can_i_list_shows_the_rules(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/access-authn-authz/authorization/#checking-api-access (`kubectl auth
    can-i --list`, from a SelfSubjectRulesReview)."""
    k.apply(POD_READER)
    rows = k.ok("auth", "can-i", "--list", "--as=jane").splitlines()
    assert rows[0].split() == ["Resources", "Non-Resource", "URLs", "Resource", "Names", "Verbs"]
    assert any(r.split()[0] == "pods" and r.split()[-3:] == ["[get", "watch", "list]"] for r in rows[1:])
    assert any("selfsubjectaccessreviews.authorization.k8s.io" in r for r in rows)


def test_cluster_roles_and_bindings(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/access-authn-authz/rbac/ (the secret-reader ClusterRole: bound
    cluster-wide by a ClusterRoleBinding to the group manager, or in one namespace by a RoleBinding)."""
    assert k.ok("create", "clusterrole", "secret-reader", "--verb=get,watch,list", "--resource=secrets").strip() == \
        "clusterrole.rbac.authorization.k8s.io/secret-reader created"
    k.ok("create", "namespace", "development")
    k.ok("create", "rolebinding", "read-secrets", "--clusterrole=secret-reader", "--user=dave", "-n", "development")
    assert k.ok("auth", "can-i", "list", "secrets", "-n", "development", "--as=dave").strip() == "yes"
    assert k.run("auth", "can-i", "list", "secrets", "-n", "default", "--as=dave").stdout.strip() == "no"
    k.ok("create", "clusterrolebinding", "read-secrets-global", "--clusterrole=secret-reader", "--group=manager")
    assert k.ok("get", "secrets", "-A", "--as=erin", "--as-group=manager").startswith("NAMESPACE") or \
        "No resources found" in k.run("get", "secrets", "-A", "--as=erin", "--as-group=manager").stderr
    wide = k.ok("get", "clusterrolebinding", "read-secrets-global", "-o", "wide").splitlines()
    assert wide[0].split()[:3] == ["NAME", "ROLE", "AGE"] and "ClusterRole/secret-reader" in wide[1]


def test_a_binding_to_a_missing_role_says_so(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/access-authn-authz/rbac/ (a RoleBinding refers to a role by name; the
    authorizer reports a role it cannot find)."""
    k.ok("create", "rolebinding", "typo", "--role=pod-raeder", "--user=jane")
    err = k.fails("--user=jane", "get", "pods")
    assert err.strip().endswith('in the namespace "default": RBAC: role.rbac.authorization.k8s.io "pod-raeder" not found')


def test_default_cluster_roles_and_aggregation(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles (cluster-admin, admin, edit
    and view exist; view reads but not secrets) and #aggregated-clusterroles (a ClusterRole labelled
    aggregate-to-view adds its rules to view)."""
    names = k.ok("get", "clusterroles", "-o", "name").split()
    for role in ("cluster-admin", "admin", "edit", "view"):
        assert f"clusterrole.rbac.authorization.k8s.io/{role}" in names
    k.ok("create", "rolebinding", "viewer", "--clusterrole=view", "--user=vera")
    assert k.ok("auth", "can-i", "list", "deployments", "--as=vera").strip() == "yes"
    assert k.run("auth", "can-i", "get", "secrets", "--as=vera").stdout.strip() == "no"
    k.apply({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
             "metadata": {"name": "monitoring-endpoints",
                          "labels": {"rbac.authorization.k8s.io/aggregate-to-view": "true"}},
             "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]})
    assert k.ok("auth", "can-i", "get", "secrets", "--as=vera").strip() == "yes"
    view = k.json("get", "clusterrole", "view")
    assert {"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]} in view["rules"]


def test_whoami_and_impersonation_need_permission(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/access-authn-authz/authentication/#self-subject-review (`kubectl auth
    whoami`) and #user-impersonation (`--as=system:serviceaccount:...` acts with the ServiceAccount's groups)."""
    who = k.ok("auth", "whoami").splitlines()
    assert who[1].split() == ["Username", "kubernetes-admin"]
    assert who[2].split()[0] == "Groups" and "kubeadm:cluster-admins" in who[2]
    sa = k.ok("--as=system:serviceaccount:kube-system:robot", "auth", "whoami").splitlines()
    assert sa[1].split() == ["Username", "system:serviceaccount:kube-system:robot"]
    assert "system:serviceaccounts:kube-system" in sa[2]


def test_a_service_account_token_authenticates_as_the_service_account(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/ (`kubectl create token`
    issues a TokenRequest; requests with that bearer token act as the ServiceAccount) and
    https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation (impersonating
    needs the impersonate verb on users)."""
    k.ok("create", "serviceaccount", "reader")
    k.ok("create", "role", "pod-reader", "--verb=list", "--resource=pods")
    k.ok("create", "rolebinding", "reader-pods", "--role=pod-reader", "--serviceaccount=default:reader")
    token = k.ok("create", "token", "reader").strip()
    assert token.count(".") == 2

    def get(path: str, **headers: str) -> tuple[int, dict]:
        request = urllib.request.Request(k.server.url + path, headers={"Authorization": f"Bearer {token}", **headers})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return reply.status, json.load(reply)
        except urllib.error.HTTPError as e:
            return e.code, json.load(e)
    assert get("/api/v1/namespaces/default/pods")[0] == 200
    code, body = get("/api/v1/namespaces/default/secrets")
    assert code == 403 and body["message"] == ('secrets is forbidden: User "system:serviceaccount:default:reader" '
                                               'cannot list resource "secrets" in API group "" in the namespace '
                                               '"default"')
    code, body = get("/api/v1/namespaces/default/pods", **{"Impersonate-User": "bob"})
    assert code == 403 and body["message"] == ('users "bob" is forbidden: User "system:serviceaccount:default:reader" '
                                               'cannot impersonate resource "users" in API group "" at the cluster '
                                               "scope")
