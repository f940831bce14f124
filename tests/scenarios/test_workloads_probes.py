"""Liveness, readiness and startup probes, as the Kubernetes documentation describes them, through kubectl 1.33."""

from __future__ import annotations

from .workloads_kit import FIXTURES, Cluster, cluster, k8s  # noqa: F401  (the module's fixtures)

PROBES = "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"


def _reasons(k8s: Cluster, name: str) -> list[str]:
    return [e["reason"] for e in k8s.events(name)]


def test_exec_liveness_restarts_the_container_once_the_file_is_gone(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
    "For the first 30 seconds of the container's life, there is a /tmp/healthy file ... After 30 seconds,
    cat /tmp/healthy returns a failure code" and the kubelet kills the container and restarts it."""
    assert k8s.apply("liveness-exec.yaml").strip() == "pod/liveness-exec created"
    k8s.advance(30)  # the container started 3 s after the pod: 27 s of life, no probe has failed yet
    assert "Unhealthy" not in _reasons(k8s, "liveness-exec")
    k8s.advance(15)  # 42 s of life: failures at 30, 35 and 40 s
    unhealthy = k8s.event("liveness-exec", "Unhealthy")
    assert unhealthy["count"] == 3 and unhealthy["type"] == "Warning"
    assert unhealthy["message"] == "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"
    killing = k8s.event("liveness-exec", "Killing")
    assert killing["message"] == "Container liveness failed liveness probe, will be restarted"
    assert k8s.container("liveness-exec")["restartCount"] == 0  # sh ignores SIGTERM: the grace period runs
    k8s.advance(35)
    row = k8s.out("get", "pod", "liveness-exec").splitlines()[1].split()
    assert row[1:4] == ["1/1", "Running", "1"]
    last = k8s.container("liveness-exec")["lastState"]["terminated"]
    assert last["exitCode"] == 137 and last["reason"] == "Error"
    described = k8s.out("describe", "pod", "liveness-exec")
    assert "Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3" in described


def test_http_liveness_fails_after_ten_seconds(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-http-request
    agnhost's /healthz answers 200 for 10 seconds, then 500; "the kubelet will kill and restart the
    container"."""
    k8s.apply("liveness-http.yaml")
    k8s.advance(14)
    assert "Unhealthy" not in _reasons(k8s, "liveness-http")
    k8s.advance(10)
    unhealthy = k8s.event("liveness-http", "Unhealthy")
    assert unhealthy["message"] == "Liveness probe failed: HTTP probe failed with statuscode: 500"
    assert k8s.event("liveness-http", "Killing") is not None
    assert k8s.container("liveness-http")["restartCount"] == 1  # a server stops on SIGTERM at once


def test_tcp_probes_wait_for_their_initial_delay(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-tcp-liveness-probe
    "The kubelet will send the first readiness probe 15 seconds after the container starts ... If the probe
    succeeds, the Pod will be marked as ready." """
    k8s.apply("goproxy.yaml")
    k8s.advance(14)
    assert k8s.out("get", "pod", "goproxy").splitlines()[1].split()[1:3] == ["0/1", "Running"]
    k8s.advance(5)
    assert k8s.out("get", "pod", "goproxy").splitlines()[1].split()[1:3] == ["1/1", "Running"]
    described = k8s.out("describe", "pod", "goproxy")
    assert "Readiness:      tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3" in described
    assert "Unhealthy" not in _reasons(k8s, "goproxy")


def test_readiness_keeps_pods_out_of_the_service_until_it_succeeds(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes
    "If the readiness probe fails, the endpoints controller removes the Pod's IP address from the endpoints of
    all Services that match the Pod"; a failed readiness probe never restarts the container."""
    k8s.apply("web-readiness.yaml")
    k8s.advance(30)
    pods = k8s.out("get", "pods", "-l", "app=web").splitlines()[1:]
    assert len(pods) == 2 and all(p.split()[1:4] == ["0/1", "Running", "0"] for p in pods)
    assert k8s.out("get", "endpoints", "web").splitlines()[1].split()[1] == "<none>"
    ep = k8s.obj("endpoints", "web")
    assert len(ep["subsets"][0]["notReadyAddresses"]) == 2 and "addresses" not in ep["subsets"][0]
    name = pods[0].split()[0]
    assert k8s.event(name, "Unhealthy")["message"] == "Readiness probe failed: HTTP probe failed with statuscode: 404"
    assert "deployment \"web\" successfully rolled out" not in k8s.kubectl(
        "rollout", "status", "deployment/web", "--timeout=1s", check=False).stdout
    # the probe asks for a path nginx serves: the new pods become ready and join the Service
    fixed = (FIXTURES / "web-readiness.yaml").read_text().replace("path: /healthz", "path: /index.html")
    assert "configured" in k8s.apply("-", fixed)
    k8s.advance(60)
    assert "successfully rolled out" in k8s.out("rollout", "status", "deployment/web", "--timeout=5s")
    ready = k8s.obj("endpoints", "web")["subsets"][0]["addresses"]
    assert len(ready) == 2


def test_a_readiness_command_waits_for_its_file_and_success_threshold(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes
    with `successThreshold`: "Minimum consecutive successes for the probe to be considered successful after
    having failed"."""
    k8s.apply("-", """
apiVersion: v1
kind: Pod
metadata: {name: warming}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "sleep 20; touch /tmp/ready; sleep 3600"]
    readinessProbe:
      exec: {command: [test, -e, /tmp/ready]}
      periodSeconds: 5
      successThreshold: 2
""")
    k8s.advance(25)  # started at 3 s; the file appears at 23 s; the first success at 23 s is not enough
    cs = k8s.container("warming")
    assert cs["ready"] is False and cs["started"] is True
    assert k8s.event("warming", "Unhealthy")["message"] == "Readiness probe failed: "
    k8s.advance(5)  # the second success at 28 s
    assert k8s.container("warming")["ready"] is True
    cond = next(c for c in k8s.pod("warming")["status"]["conditions"] if c["type"] == "Ready")
    assert cond["status"] == "True"


def test_a_startup_probe_holds_the_liveness_probe_of_a_slow_start(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
    "If such a probe is configured, liveness and readiness probes do not start until it succeeds"; the
    application has failureThreshold * periodSeconds to finish its startup."""
    k8s.apply("slow-start.yaml")
    k8s.advance(30)
    cs = k8s.container("slow-start")
    assert cs["started"] is False and cs["ready"] is False and cs["restartCount"] == 0
    assert k8s.event("slow-start", "Unhealthy")["message"].startswith('Startup probe failed: Get "http://')
    k8s.advance(30)  # nginx listens 45 s after the start; the startup probe at 53 s succeeds
    cs = k8s.container("slow-start")
    assert cs["started"] is True and cs["ready"] is True and cs["restartCount"] == 0
    assert "Killing" not in _reasons(k8s, "slow-start")


def test_a_startup_probe_that_never_succeeds_restarts_the_container(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
    "If the startup probe never succeeds, the container is killed after 300s and subject to the pod's
    restartPolicy." (here failureThreshold 3 x periodSeconds 10)"""
    k8s.apply("-", """
apiVersion: v1
kind: Pod
metadata: {name: never-starts}
spec:
  containers:
  - name: app
    image: nginx:1.27
    startupProbe: {tcpSocket: {port: 8080}, failureThreshold: 3, periodSeconds: 10}
""")
    k8s.advance(15)  # started at 3 s: probes at 3 and 13 s failed, the third comes at 23 s
    assert "Killing" not in _reasons(k8s, "never-starts")
    assert k8s.container("never-starts")["started"] is False
    k8s.advance(12)
    assert k8s.event("never-starts", "Killing")["message"] == \
        "Container app failed startup probe, will be restarted"
    assert "dial tcp" in k8s.event("never-starts", "Unhealthy")["message"]
    assert k8s.container("never-starts")["restartCount"] == 1


def test_a_liveness_probe_on_a_port_nothing_listens_on(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes
    "If the liveness probe fails, the kubelet kills the container, and the container is subjected to its
    restart policy": a probe on the wrong port makes nginx crash-loop with back-off."""
    k8s.apply("-", """
apiVersion: v1
kind: Pod
metadata: {name: wrong-port}
spec:
  containers:
  - name: web
    image: nginx:1.27
    livenessProbe: {httpGet: {path: /, port: 8080}, periodSeconds: 3, failureThreshold: 2}
""")
    k8s.advance(120)
    pod = k8s.pod("wrong-port")
    ip = pod["status"]["podIP"]
    msg = k8s.event("wrong-port", "Unhealthy")["message"]
    assert msg == f'Liveness probe failed: Get "http://{ip}:8080/": dial tcp {ip}:8080: connect: connection refused'
    cs = pod["status"]["containerStatuses"][0]
    assert cs["restartCount"] >= 3 and cs["lastState"]["terminated"]["exitCode"] == 0  # nginx stops on SIGTERM
    assert "BackOff" in _reasons(k8s, "wrong-port")


def test_timeout_seconds_fails_a_slow_command(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
    `timeoutSeconds`: "Number of seconds after which the probe times out. Defaults to 1 second." """
    probe = "readinessProbe: {exec: {command: [sh, -c, 'sleep 3']}, periodSeconds: 5, timeoutSeconds: %d}"
    for name, timeout in (("slow-1", 1), ("slow-5", 5)):
        k8s.apply("-", f"""
apiVersion: v1
kind: Pod
metadata: {{name: {name}}}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
    {probe % timeout}
""")
    k8s.advance(20)
    assert k8s.container("slow-1")["ready"] is False
    assert k8s.event("slow-1", "Unhealthy")["message"] == \
        'Readiness probe failed: command timed out: "sh -c sleep 3" timed out after 1s'
    assert k8s.container("slow-5")["ready"] is True


def test_liveness_success_threshold_must_be_one(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
    successThreshold "Must be 1 for liveness and startup Probes": the API server refuses anything else."""
    result = k8s.kubectl("apply", "-f", "-", check=False, input="""
apiVersion: v1
kind: Pod
metadata: {name: strict}
spec:
  containers:
  - name: app
    image: nginx:1.27
    livenessProbe: {tcpSocket: {port: 80}, successThreshold: 2}
""")
    assert result.returncode == 1
    assert 'The Pod "strict" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: ' \
           "must be 1" in result.stderr
