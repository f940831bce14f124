"""What a fresh kind cluster runs in kube-system and local-path-storage, and what finishes the workload
controllers (Indexed Jobs, change-cause, headless Endpoints, field selectors), through kubectl 1.33."""

from __future__ import annotations

from .workloads_kit import Cluster, cluster, k8s  # noqa: F401  (the module's fixtures)


def _rows(text: str) -> list[list[str]]:
    return [line.split() for line in text.splitlines()]


def test_a_fresh_cluster_runs_the_control_plane_and_addons(k8s: Cluster) -> None:
    """https://kind.sigs.k8s.io/docs/user/quick-start/ and https://kubernetes.io/docs/concepts/overview/components/
    the control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler) runs as static pods
    on the control-plane node, kube-proxy and the CNI (kindnet) on every node, CoreDNS as two replicas; the
    default namespace is empty."""
    rows = _rows(k8s.out("get", "pods", "-A", "-o", "wide"))[1:]
    names = sorted(r[1].rsplit("-", 1)[0] if r[1].startswith(("coredns", "kindnet", "kube-proxy", "local-path"))
                   else r[1] for r in rows)
    assert {r[0] for r in rows} == {"kube-system", "local-path-storage"}
    assert all(r[2:4] == ["1/1", "Running"] for r in rows)
    statics = [r for r in rows if r[1].endswith("-kind-control-plane")]
    assert sorted(r[1] for r in statics) == ["etcd-kind-control-plane", "kube-apiserver-kind-control-plane",
                                             "kube-controller-manager-kind-control-plane",
                                             "kube-scheduler-kind-control-plane"]
    assert all(r[6] == "172.18.0.2" and r[7] == "kind-control-plane" for r in statics)  # the node's address
    assert names.count("kindnet") == 3 and names.count("kube-proxy") == 3
    assert len([n for n in names if n.startswith("coredns-")]) == 2
    assert sorted({r[7] for r in rows if r[1].startswith("kube-proxy-")}) == [
        "kind-control-plane", "kind-worker", "kind-worker2"]
    assert "No resources found in default namespace." in k8s.kubectl("get", "pods").stderr
    etcd = k8s.pod("etcd-kind-control-plane", "kube-system")
    assert etcd["metadata"]["ownerReferences"][0]["kind"] == "Node"
    assert etcd["metadata"]["annotations"]["kubernetes.io/config.source"] == "file"


def test_cluster_dns_is_coredns_behind_kube_dns(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/
    `kubectl get pods --namespace=kube-system -l k8s-app=kube-dns` lists CoreDNS; the kube-dns Service is
    at 10.96.0.10 with the CoreDNS pods as endpoints, and a pod's /etc/resolv.conf uses it."""
    assert len(_rows(k8s.out("get", "pods", "-n", "kube-system", "-l", "k8s-app=kube-dns"))) == 3
    svc = _rows(k8s.out("get", "svc", "kube-dns", "-n", "kube-system"))[1]
    assert svc[1:5] == ["ClusterIP", "10.96.0.10", "<none>", "53/UDP,53/TCP,9153/TCP"]
    ep = k8s.obj("endpoints", "kube-dns", "-n", "kube-system")
    assert len(ep["subsets"][0]["addresses"]) == 2
    k8s.apply("-", """
apiVersion: v1
kind: Pod
metadata: {name: dnsutils}
spec:
  containers:
  - {name: dnsutils, image: busybox:1.36, command: [sh, -c, "cat /etc/resolv.conf; sleep 3600"]}
""")
    k8s.advance(5)
    assert k8s.out("logs", "dnsutils").splitlines() == [
        "search default.svc.cluster.local svc.cluster.local cluster.local", "nameserver 10.96.0.10",
        "options ndots:5"]


def test_the_default_storage_class_is_local_path(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/storage/storage-classes/#default-storageclass
    kind's `standard` StorageClass (rancher.io/local-path) is the default; its provisioner runs in
    local-path-storage."""
    row = _rows(k8s.out("get", "storageclass"))[1]
    assert row[:5] == ["standard", "(default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer"]
    deploy = _rows(k8s.out("get", "deploy", "-n", "local-path-storage"))[1]
    assert deploy[:2] == ["local-path-provisioner", "1/1"]


def test_indexed_job_gives_each_pod_its_index(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/job/indexed-parallel-processing-static/
    each pod gets JOB_COMPLETION_INDEX and the completion index annotation; `kubectl describe job` shows
    `Completed Indexes: 0-4`; the worker of index 1 prints "rab"."""
    k8s.apply("indexed-job.yaml")
    k8s.advance(8)
    job = k8s.obj("job", "indexed-job")
    assert job["status"]["completedIndexes"] == "0-2" and job["status"]["active"] == 2
    k8s.advance(20)
    job = k8s.obj("job", "indexed-job")
    assert job["status"]["completedIndexes"] == "0-4" and job["status"]["succeeded"] == 5
    assert "Completed Indexes:  0-4" in k8s.out("describe", "job", "indexed-job")
    pods = k8s.obj("pods", "-l", "job-name=indexed-job")["items"]
    by_index = {p["metadata"]["annotations"]["batch.kubernetes.io/job-completion-index"]: p for p in pods}
    assert sorted(by_index) == ["0", "1", "2", "3", "4"]
    one = by_index["1"]
    assert one["metadata"]["name"].startswith("indexed-job-1-") and one["spec"]["hostname"] == "indexed-job-1"
    assert one["metadata"]["labels"]["batch.kubernetes.io/job-completion-index"] == "1"
    words = {i: k8s.out("logs", p["metadata"]["name"]).strip() for i, p in by_index.items()}
    assert words == {"0": "oof", "1": "rab", "2": "zab", "3": "xuq", "4": "zyx"}


def test_indexed_job_through_the_downward_api(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/job/indexed-parallel-processing-static/#define-an-indexed-job
    "the index is available ... from the downward API volume" of the annotation
    batch.kubernetes.io/job-completion-index; each pod's hostname is `<job>-<index>`."""
    k8s.apply("indexed-job-vol.yaml")
    k8s.advance(10)
    pods = k8s.obj("pods", "-l", "job-name=indexed-vol")["items"]
    lines = sorted(k8s.out("logs", p["metadata"]["name"]).strip() for p in pods)
    assert lines == ["index 0 on indexed-vol-0", "index 1 on indexed-vol-1", "index 2 on indexed-vol-2"]


def test_change_cause_reaches_the_rollout_history(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#checking-rollout-history-of-a-deployment
    "You can specify the CHANGE-CAUSE message by ... Manually annotating the Deployment" with
    kubernetes.io/change-cause; `kubectl rollout history` shows it for the revision."""
    k8s.apply("nginx-deployment.yaml")
    k8s.advance(10)
    k8s.kubectl("set", "image", "deployment/nginx-deployment", "nginx=nginx:1.16.1")
    k8s.kubectl("annotate", "deployment/nginx-deployment", "kubernetes.io/change-cause=image updated to 1.16.1")
    k8s.advance(30)
    history = _rows(k8s.out("rollout", "history", "deployment/nginx-deployment"))
    assert history[1] == ["REVISION", "CHANGE-CAUSE"]
    assert history[2] == ["1", "<none>"] and history[3] == ["2", "image", "updated", "to", "1.16.1"]


def test_headless_service_endpoints_carry_the_pods_hostnames(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-hostname-and-subdomain-fields
    with hostname and subdomain set and a headless Service named like the subdomain, the pod's FQDN is
    busybox-1.busybox-subdomain.default.svc.cluster.local and the Endpoints list its hostname."""
    k8s.apply("subdomain.yaml")
    k8s.advance(5)
    addresses = k8s.obj("endpoints", "busybox-subdomain")["subsets"][0]["addresses"]
    assert sorted(a["hostname"] for a in addresses) == ["busybox-1", "busybox-2"]
    slice_ = k8s.obj("endpointslices", "-l", "kubernetes.io/service-name=busybox-subdomain")["items"][0]
    assert sorted(e["hostname"] for e in slice_["endpoints"]) == ["busybox-1", "busybox-2"]
    logs = k8s.out("logs", "busybox1").splitlines()
    ip = k8s.pod("busybox1")["status"]["podIP"]
    assert logs == ["busybox-1", f"{ip}\tbusybox-1.busybox-subdomain.default.svc.cluster.local\tbusybox-1"]


def test_statefulset_pods_are_named_in_their_headless_service(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/#using-stable-network-identities
    each pod's hostname is its name and the headless Service's Endpoints name them: web-0, web-1."""
    k8s.apply("-", """
apiVersion: v1
kind: Service
metadata: {name: nginx, labels: {app: nginx}}
spec:
  ports: [{port: 80, name: web}]
  clusterIP: None
  selector: {app: nginx}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - {name: nginx, image: registry.k8s.io/nginx-slim:0.24, ports: [{containerPort: 80, name: web}]}
""")
    k8s.advance(20)
    addresses = k8s.obj("endpoints", "nginx")["subsets"][0]["addresses"]
    assert sorted(a["hostname"] for a in addresses) == ["web-0", "web-1"]


def test_unsupported_field_selectors_are_refused(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/#supported-fields
    "Using unsupported fields gives an error": each API names the field; supported ones select."""
    bad = k8s.kubectl("get", "pods", "--field-selector", "spec.foo=bar", check=False)
    assert bad.returncode == 1
    assert bad.stderr.strip() == ('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match '
                                  'label selector "", field selector "spec.foo=bar": field label not supported: '
                                  "spec.foo")
    deploy = k8s.kubectl("get", "deployments", "--field-selector", "foo.bar=baz", check=False)
    assert '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"' in deploy.stderr
    running = _rows(k8s.out("get", "pods", "-A", "--field-selector", "status.phase=Running,spec.nodeName=kind-worker"))
    assert len(running) == 3 and {r[1].rsplit("-", 1)[0] for r in running[1:]} == {"kindnet", "kube-proxy"}
    assert "No resources found" in k8s.kubectl("get", "pods", "-A", "--field-selector",
                                               "status.phase!=Running").stderr
