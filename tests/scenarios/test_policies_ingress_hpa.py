"""Ingress, the HorizontalPodAutoscaler, and kubectl's protobuf bodies through real kubectl: the simulated
ingress-nginx controller and the Ingress matching rules, the documented autoscaling walkthrough, autoscaling/v1,
and every `kubectl create` kind landing as kubectl built it, each as the documentation page in its docstring
shows it."""

from __future__ import annotations

import json

import pytest

from flashgen.kube.ingress import route

from .policies_support import Cluster, k, served  # noqa: F401  (fixtures)


def _backend(name: str, port: int) -> dict:
    return {"service": {"name": name, "port": {"number": port}}}


def test_an_ingress_of_the_nginx_class_gets_an_address(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/services-networking/ingress/ (an Ingress needs a controller: the one
    serving its IngressClass publishes its address in status.loadBalancer) and
    https://kind.sigs.k8s.io/docs/user/ingress/ (ingress-nginx on kind answers on localhost)."""
    assert k.ok("get", "ingressclass").splitlines()[1].split()[:3] == ["nginx", "k8s.io/ingress-nginx", "<none>"]
    assert k.ok("create", "ingress", "simple", "--class=nginx", "--rule=foo.com/bar=svc1:8080").strip() == \
        "ingress.networking.k8s.io/simple created"
    row = k.ok("get", "ingress", "simple").splitlines()
    assert row[0].split() == ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"]
    assert row[1].split()[:5] == ["simple", "nginx", "foo.com", "localhost", "80"]
    ing = k.json("get", "ingress", "simple")
    assert ing["spec"]["rules"] == [{"host": "foo.com", "http": {"paths": [
        {"path": "/bar", "pathType": "Exact", "backend": _backend("svc1", 8080)}]}}]
    assert ing["status"] == {"loadBalancer": {"ingress": [{"hostname": "localhost"}]}}


def test_the_controller_serves_its_class_and_ingresses_without_one(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class (an Ingress names the
    IngressClass whose controller implements it: the documentation's minimal-ingress names nginx-example, which no
    controller here serves) and #default-ingress-class (once a class is marked is-default-class, new Ingresses
    without a class get it); kind's ingress-nginx also watches Ingresses without a class."""
    k.ok("create", "ingress", "minimal-ingress", "--class=nginx-example", "--rule=/testpath*=test:80")
    k.ok("create", "ingress", "classless", "--rule=/=web:80")
    assert k.ok("get", "ingress", "minimal-ingress").splitlines()[1].split()[1:4] == ["nginx-example", "*", "80"]
    assert k.ok("get", "ingress", "classless").splitlines()[1].split()[1:4] == ["<none>", "*", "localhost"]
    k.ok("annotate", "ingressclass", "nginx", "ingressclass.kubernetes.io/is-default-class=true")
    k.ok("create", "ingress", "later", "--rule=/=web:80")
    assert k.json("get", "ingress", "later")["spec"]["ingressClassName"] == "nginx"
    assert k.ok("get", "ingress", "later").splitlines()[1].split()[3] == "localhost"


def test_the_ingress_matching_rules_of_the_documentation(k: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/services-networking/ingress/#examples (Prefix matches whole path
    elements: /foo matches /foo/bar but not /foobar; the longest path wins; Exact matches one path; hosts match
    exactly or by a one-label wildcard; a rule without a host takes every host)."""
    k.apply({"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "fanout"},
             "spec": {"ingressClassName": "nginx", "rules": [
                 {"host": "foo.bar.com", "http": {"paths": [
                     {"path": "/foo", "pathType": "Prefix", "backend": _backend("service1", 4200)},
                     {"path": "/foo/bar", "pathType": "Prefix", "backend": _backend("service2", 8080)},
                     {"path": "/exact", "pathType": "Exact", "backend": _backend("service3", 80)}]}},
                 {"host": "*.foo.com", "http": {"paths": [
                     {"path": "/", "pathType": "Prefix", "backend": _backend("wild", 80)}]}},
                 {"http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": _backend("anyhost", 80)}]}}]}})
    ingresses = k.json("get", "ingress")["items"]

    def to(host: str, path: str) -> str | None:
        found = route(ingresses, host, path)
        return found.service if found else None
    assert to("foo.bar.com", "/foo") == "service1" and to("foo.bar.com", "/foo/") == "service1"
    assert to("foo.bar.com", "/foo/bar/baz") == "service2" and to("foo.bar.com", "/foobar") == "anyhost"
    assert to("foo.bar.com", "/exact") == "service3" and to("foo.bar.com", "/exact/x") == "anyhost"
    assert to("bar.foo.com", "/x") == "wild" and to("baz.bar.foo.com", "/x") == "anyhost"


PHP_APACHE = """
apiVersion: apps/v1
kind: Deployment
metadata: {name: php-apache}
spec:
  selector: {matchLabels: {run: php-apache}}
  template:
    metadata: {labels: {run: php-apache}}
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports: [{containerPort: 80}]
        resources: {limits: {cpu: 500m}, requests: {cpu: 200m}}
---
apiVersion: v1
kind: Service
metadata: {name: php-apache, labels: {run: php-apache}}
spec:
  ports: [{port: 80}]
  selector: {run: php-apache}
"""


def _hpa_row(k: Cluster) -> list[str]:
    return k.ok("get", "hpa", "php-apache").splitlines()[1].split()


def test_the_autoscaling_walkthrough(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale-walkthrough/ (`kubectl autoscale
    deployment php-apache --cpu-percent=50 --min=1 --max=10`; a load generator drives CPU up and the HPA scales to
    7 replicas; when the load stops it scales back to 1 after the 5-minute downscale stabilization) and
    https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/ (the algorithm)."""
    k.apply(PHP_APACHE)
    assert k.ok("autoscale", "deployment", "php-apache", "--cpu-percent=50", "--min=1", "--max=10").strip() == \
        "horizontalpodautoscaler.autoscaling/php-apache autoscaled"
    k.advance(60)
    row = _hpa_row(k)
    assert row[:7] == ["php-apache", "Deployment/php-apache", "cpu:", "0%/50%", "1", "10", "1"]
    k.ok("run", "load-generator", "--image=busybox:1.28", "--restart=Never", "--", "/bin/sh", "-c",
         "while sleep 0.01; do wget -q -O- http://php-apache; done")
    k.advance(30)
    assert int(_hpa_row(k)[6]) > 1
    k.advance(120)
    assert _hpa_row(k)[3:7] == ["50%/50%", "1", "10", "7"]
    assert k.json("get", "deployment", "php-apache")["spec"]["replicas"] == 7
    k.ok("delete", "pod", "load-generator", "--wait=false")
    k.advance(120)
    hpa = k.json("get", "hpa", "php-apache")
    assert hpa["status"]["currentReplicas"] == 7 and hpa["status"]["conditions"][0]["reason"] == "ScaleDownStabilized"
    k.advance(300)
    assert _hpa_row(k)[3:7] == ["0%/50%", "1", "10", "1"]
    events = k.ok("describe", "hpa", "php-apache")
    assert "New size: 7; reason: cpu resource utilization (percentage of request) above target" in events
    assert "New size: 1; reason: All metrics below target" in events


def test_an_hpa_cannot_compute_utilization_without_requests(k: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#how-does-a-horizontalpodautoscaler-work
    (utilization is relative to the containers' requests: without a CPU request the HPA takes no action and says
    why in its ScalingActive condition)."""
    k.ok("create", "deployment", "web", "--image=nginx")
    k.ok("autoscale", "deployment", "web", "--cpu-percent=50", "--max=3")
    k.advance(40)
    active = next(c for c in k.json("get", "hpa", "web")["status"]["conditions"] if c["type"] == "ScalingActive")
    pod = k.pods("app=web")[0]["metadata"]["name"]
    assert active["status"] == "False" and active["reason"] == "FailedGetResourceMetric"
    assert active["message"] == (f"the HPA was unable to compute the replica count: failed to get cpu utilization: "
                                 f"missing request for cpu in container nginx of Pod {pod}")
    assert _hpa_cells(k.ok("get", "hpa", "web")) == ["cpu:", "<unknown>/50%"]


def _hpa_cells(table: str) -> list[str]:
    return table.splitlines()[1].split()[2:4]


def test_autoscaling_v1_is_served_alongside_v2(k: Cluster) -> None:
    """https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v1/
    (autoscaling/v1: targetCPUUtilizationPercentage) and
    https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#api-object (autoscaling/v2 is the
    stable version with metrics and behavior)."""
    k.apply(PHP_APACHE)
    k.apply({"apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "php-apache"},
             "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "php-apache"},
                      "minReplicas": 1, "maxReplicas": 5, "targetCPUUtilizationPercentage": 60}})
    k.advance(40)
    v1 = json.loads(k.ok("get", "--raw", "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/php-apache"))
    assert v1["apiVersion"] == "autoscaling/v1" and v1["spec"]["targetCPUUtilizationPercentage"] == 60
    assert v1["status"]["currentCPUUtilizationPercentage"] == 0
    assert "autoscaling.alpha.kubernetes.io/conditions" in v1["metadata"]["annotations"]
    v2 = k.json("get", "hpa", "php-apache")
    assert v2["apiVersion"] == "autoscaling/v2" and v2["spec"]["metrics"] == [{"type": "Resource", "resource": {
        "name": "cpu", "target": {"type": "Utilization", "averageUtilization": 60}}}]
    assert v2["spec"]["behavior"]["scaleUp"]["policies"][0] == {"type": "Pods", "value": 4, "periodSeconds": 15}


CREATES = [
    ("role", "pod-reader", ["create", "role", "pod-reader", "--verb=get,list,watch", "--resource=pods,deployments.apps",
                            "--resource-name=a", "--resource-name=b"]),
    ("clusterrole", "logs", ["create", "clusterrole", "logs", "--verb=get", "--non-resource-url=/logs/*"]),
    ("clusterrole", "monitoring", ["create", "clusterrole", "monitoring",
                                   "--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true"]),
    ("rolebinding", "mixed", ["create", "rolebinding", "mixed", "--clusterrole=view", "--user=u1", "--group=g1",
                              "--serviceaccount=default:sa1"]),
    ("clusterrolebinding", "editors", ["create", "clusterrolebinding", "editors", "--clusterrole=edit",
                                       "--serviceaccount=kube-system:x"]),
    ("quota", "best-effort", ["create", "quota", "best-effort", "--hard=pods=10,count/deployments.apps=2",
                              "--scopes=BestEffort"]),
    ("quota", "compute", ["create", "quota", "compute", "--hard=cpu=1,memory=1Gi,limits.cpu=2"]),
    ("ingress", "multi", ["create", "ingress", "multi", "--class=nginx", "--rule=foo.com/path*=svc1:8080",
                          "--rule=bar.com/=svc2:http,tls=my-cert", "--default-backend=defsvc:80", "--annotation=a=b"]),
    ("pdb", "by-percent", ["create", "pdb", "by-percent", "--selector=app=x", "--max-unavailable=30%"]),
    ("pdb", "min-zero", ["create", "pdb", "min-zero", "--selector=app=y", "--min-available=0"]),
    ("priorityclass", "zero", ["create", "priorityclass", "zero", "--value=0", "--description=hi",
                               "--preemption-policy=Never"]),
]


@pytest.mark.parametrize("resource,name,command", CREATES, ids=[c[1] for c in CREATES])
def test_kubectl_create_bodies_land_as_kubectl_built_them(k: Cluster, resource: str, name: str,
                                                         command: list[str]) -> None:
    """https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/ (kubectl create role, clusterrole,
    rolebinding, clusterrolebinding, quota, ingress, poddisruptionbudget and priorityclass; kubectl sends them as
    protobuf): the stored object has every field of `--dry-run=client -o json`."""
    built = json.loads(k.ok(*command, "--dry-run=client", "-o", "json"))
    k.ok(*command)
    stored = k.json("get", resource, name)
    for key, value in built.items():
        if key in ("metadata", "status"):
            continue
        if key == "rules" and built.get("aggregationRule"):
            continue  # the aggregation controller fills the rules in
        assert stored[key] == value, key
    for key in ("labels", "annotations"):
        assert (built["metadata"].get(key) or {}).items() <= (stored["metadata"].get(key) or {}).items()
