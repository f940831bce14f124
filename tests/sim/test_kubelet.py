"""Pods on the kubelet model: lifecycle, restart back-off, image pulls, commands and logs, scheduling."""

from __future__ import annotations

from flashgen.sim import SimCluster, programs
from flashgen.sim.printers import pod_status
from sim_helpers import container_state, pod, ready


def _timeline(sim: SimCluster, name: str, until: float) -> list[tuple[int, tuple]]:
    start = sim.now()
    seen, prev = [], None
    while sim.now() - start < until and sim.step():
        st = container_state(sim.get("v1", "Pod", name))
        if st != prev:
            seen.append((int(sim.now() - start), st))
        prev = st
    return seen


def test_pod_goes_pending_creating_running(sim: SimCluster) -> None:
    p = sim.apply(pod("web", "nginx"))
    assert p["status"]["phase"] == "Pending" and pod_status(p) == "Pending"
    sim.advance(1)
    p = sim.get("v1", "Pod", "web")
    assert pod_status(p) == "ContainerCreating" and p["status"]["podIP"].startswith("10.244.")
    sim.advance(2)
    p = sim.get("v1", "Pod", "web")
    assert p["status"]["phase"] == "Running" and ready(p)
    types = [c["type"] for c in p["status"]["conditions"]]
    assert {"PodScheduled", "Initialized", "ContainersReady", "Ready"} <= set(types)
    assert p["spec"]["nodeName"] in ("kind-worker", "kind-worker2")


def test_centos_sleep_5_crash_loop_back_off(sim: SimCluster) -> None:
    """`kubectl run testpod --image=centos:7 --command sleep 5`: runs, completes, restarts, then back-off
    10 s, 20 s, 40 s ... between restarts."""
    sim.apply(pod("testpod", "centos:7", ["sleep", "5"]))
    seen = _timeline(sim, "testpod", 400)
    states = [s for _, s in seen]
    assert states[:6] == [("waiting", "ContainerCreating", 0), ("running", None, 0), ("terminated", "Completed", 0),
                          ("running", None, 1), ("terminated", "Completed", 1), ("waiting", "CrashLoopBackOff", 1)]
    exits = [t for t, s in seen if s[0] == "terminated"]
    starts = [t for t, s in seen if s[0] == "running"]
    gaps = [b - a for a, b in zip(exits[1:], starts[2:])]
    assert gaps[:5] == [10, 20, 40, 80, 160]
    p = sim.get("v1", "Pod", "testpod")
    assert p["status"]["phase"] == "Running"


def test_back_off_caps_at_five_minutes(sim: SimCluster) -> None:
    sim.apply(pod("crash", "busybox", ["false"]))
    start, restarts, prev = sim.now(), [], 0
    while sim.now() - start < 3000 and sim.step():
        n = sim.get("v1", "Pod", "crash")["status"]["containerStatuses"][0]["restartCount"]
        if n != prev:
            restarts.append(sim.now())
            prev = n
    gaps = [int(b - a) for a, b in zip(restarts, restarts[1:])]
    assert gaps[:6] == [10, 20, 40, 80, 160, 300] and set(gaps[6:]) == {300}
    p = sim.get("v1", "Pod", "crash")
    term = p["status"]["containerStatuses"][0]["lastState"]["terminated"]
    assert term["exitCode"] == 1 and term["reason"] == "Error"


def test_restart_policy_never_and_on_failure(sim: SimCluster) -> None:
    sim.apply(pod("ok", "busybox", ["sh", "-c", "echo hello"], restart="Never"))
    sim.apply(pod("ko", "busybox", ["sh", "-c", "exit 3"], restart="Never"))
    sim.apply(pod("retry", "busybox", ["sh", "-c", "exit 2"], restart="OnFailure"))
    sim.advance(60)
    assert sim.get("v1", "Pod", "ok")["status"]["phase"] == "Succeeded"
    ko = sim.get("v1", "Pod", "ko")
    assert ko["status"]["phase"] == "Failed"
    assert ko["status"]["containerStatuses"][0]["state"]["terminated"]["exitCode"] == 3
    retry = sim.get("v1", "Pod", "retry")
    assert retry["status"]["phase"] == "Running" and retry["status"]["containerStatuses"][0]["restartCount"] >= 2
    assert sim.logs("ok") == ["hello"]


def test_bad_images(sim: SimCluster) -> None:
    sim.apply(pod("tag", "nginx:doesnotexist"))
    sim.apply(pod("typo", "ngnix"))
    sim.apply(pod("upper", "Nginx"))
    sim.advance(3.5)
    assert pod_status(sim.get("v1", "Pod", "tag")) == "ErrImagePull"
    sim.advance(5)
    assert pod_status(sim.get("v1", "Pod", "tag")) == "ImagePullBackOff"
    assert pod_status(sim.get("v1", "Pod", "typo")) == "ImagePullBackOff"
    assert pod_status(sim.get("v1", "Pod", "upper")) == "InvalidImageName"
    assert sim.get("v1", "Pod", "tag")["status"]["phase"] == "Pending"


def test_image_rule_is_documented_and_consistent() -> None:
    from flashgen.sim import images
    assert images.parse("nginx:1.25-alpine").error_reason == ""
    assert images.parse("registry.k8s.io/pause:3.9").error_reason == ""
    assert images.parse("bitnami/redis:7.2").error_reason == ""
    assert images.parse("nginx:doesnotexist").error_reason == "ErrImagePull"
    assert images.parse("my.registry.local/app:1").error_reason == "ErrImagePull"


def test_programs_from_commands() -> None:
    busybox = programs.images.parse("busybox")
    steps = programs.program_for(busybox, ["sh", "-c", "echo a; sleep 2; echo b && false || exit 4"], None)
    assert programs.duration(steps) == (2.0, 4)
    out, end = programs.run(steps, 0, 100, "h")
    assert [line for _, line in out] == ["a", "b"] and end == (2.0, 4)
    loop = programs.program_for(busybox, ["sh", "-c", "while true; do echo tick; sleep 10; done"], None)
    assert programs.duration(loop) is None
    out, end = programs.run(loop, 0, 35, "h")
    assert len(out) == 4 and end is None
    assert programs.duration(programs.program_for(programs.images.parse("nginx"), None, None)) is None
    assert programs.duration(programs.program_for(programs.images.parse("ubuntu"), None, None)) == (0.0, 0)


def test_logs_of_echo_and_date(sim: SimCluster) -> None:
    sim.apply(pod("hello", "busybox", ["sh", "-c", "date; echo Hello from the Kubernetes cluster"], restart="Never"))
    sim.advance(10)
    assert sim.logs("hello") == ["Mon Jan 29 09:00:03 UTC 2024", "Hello from the Kubernetes cluster"]


def test_scheduler_respects_taints_and_node_selector(sim: SimCluster) -> None:
    for i in range(6):
        sim.apply(pod(f"p{i}", "nginx"))
    nodes = [p["spec"]["nodeName"] for p in sim.list("v1", "Pod", "default")]
    assert "kind-control-plane" not in nodes
    assert nodes.count("kind-worker") == nodes.count("kind-worker2") == 3
    sim.apply(pod("pinned", "nginx", nodeSelector={"kubernetes.io/hostname": "kind-worker2"}))
    assert sim.get("v1", "Pod", "pinned")["spec"]["nodeName"] == "kind-worker2"
    sim.apply(pod("cp", "nginx", nodeSelector={"node-role.kubernetes.io/control-plane": ""}))
    p = sim.get("v1", "Pod", "cp")
    assert "nodeName" not in p["spec"]
    cond = p["status"]["conditions"][0]
    assert cond["reason"] == "Unschedulable" and "untolerated taint" in cond["message"]
    sim.apply(pod("cp2", "nginx", nodeSelector={"node-role.kubernetes.io/control-plane": ""},
                  tolerations=[{"key": "node-role.kubernetes.io/control-plane", "operator": "Exists",
                                "effect": "NoSchedule"}]))
    assert sim.get("v1", "Pod", "cp2")["spec"]["nodeName"] == "kind-control-plane"


def test_pod_ips_per_node_cidr(sim: SimCluster) -> None:
    for i in range(4):
        sim.apply(pod(f"p{i}", "nginx"))
    sim.advance(5)
    for p in sim.list("v1", "Pod", "default"):
        node = sim.get("v1", "Node", p["spec"]["nodeName"])
        prefix = node["spec"]["podCIDR"].rsplit(".", 1)[0]
        assert p["status"]["podIP"].startswith(prefix + ".")
    # pod-network addresses are unique cluster-wide; host-network pods (kind's kube-proxy, kindnet, the control
    # plane) share their node's address
    ips = [p["status"]["podIP"] for p in sim.list("v1", "Pod") if not p["spec"].get("hostNetwork")]
    assert len(set(ips)) == len(ips) and all(ip.startswith("10.244.") for ip in ips)
    host = [p for p in sim.list("v1", "Pod") if p["spec"].get("hostNetwork")]
    assert host and all(p["status"]["podIP"] == p["status"]["hostIP"] for p in host)


def test_run_until_settled_stops_in_crash_loop(sim: SimCluster) -> None:
    sim.apply(pod("testpod", "centos:7", ["sleep", "5"]))
    waited = sim.run_until_settled()
    assert waited < 60
    assert pod_status(sim.get("v1", "Pod", "testpod")) == "CrashLoopBackOff"


def test_advance_a_month_is_cheap(sim: SimCluster) -> None:
    sim.apply(pod("web", "nginx"))
    sim.advance(31 * 86400)
    assert sim.get("v1", "Pod", "web")["status"]["phase"] == "Running"


def test_logs_previous_run(sim: SimCluster) -> None:
    import pytest
    from flashgen.sim import ApiError
    sim.apply(pod("counter", "busybox", ["sh", "-c", "echo started at $(date); sleep 30; exit 1"]))
    sim.advance(10)
    assert sim.logs("counter") == ["started at Mon Jan 29 09:00:03 UTC 2024"]
    with pytest.raises(ApiError):
        sim.logs("counter", previous=True)
    sim.advance(30)  # exited at 33 s, restarted at 34 s
    assert sim.logs("counter") == ["started at Mon Jan 29 09:00:34 UTC 2024"]
    assert sim.logs("counter", previous=True) == ["started at Mon Jan 29 09:00:03 UTC 2024"]


def test_back_off_resets_after_ten_minutes_of_running(sim: SimCluster) -> None:
    sim.apply(pod("slow", "busybox", ["sh", "-c", "sleep 700; exit 1"]))
    sim.advance(3 + 700 + 0.5)
    restarts = []
    start = sim.now()
    prev = sim.get("v1", "Pod", "slow")["status"]["containerStatuses"][0]["restartCount"]
    while sim.now() - start < 2200 and sim.step():
        n = sim.get("v1", "Pod", "slow")["status"]["containerStatuses"][0]["restartCount"]
        if n != prev:
            restarts.append(sim.now())
            prev = n
    # every run lasts 700 s (more than 10 minutes), so each restart comes 1 s after the exit, never backed off
    gaps = [int(b - a) for a, b in zip(restarts, restarts[1:])]
    assert len(gaps) >= 2 and set(gaps) == {701}


def test_init_containers_run_first(sim: SimCluster) -> None:
    """The docs' myapp-pod: init containers wait (here: sleep) before the app container starts."""
    p = pod("myapp-pod", "busybox:1.28", ["sh", "-c", "echo The app is running! && sleep 3600"],
            initContainers=[{"name": "init-myservice", "image": "busybox:1.28", "command": ["sh", "-c", "sleep 20"]},
                            {"name": "init-mydb", "image": "busybox:1.28", "command": ["sh", "-c", "echo db ok"]}])
    sim.apply(p)
    sim.advance(5)
    got = sim.get("v1", "Pod", "myapp-pod")
    assert pod_status(got) == "Init:0/2" and got["status"]["phase"] == "Pending"
    init_cond = next(c for c in got["status"]["conditions"] if c["type"] == "Initialized")
    assert init_cond["status"] == "False" and "init-myservice init-mydb" in init_cond["message"]
    sim.advance(20)
    got = sim.get("v1", "Pod", "myapp-pod")
    assert pod_status(got) == "Running" and ready(got)
    assert [s["state"]["terminated"]["reason"] for s in got["status"]["initContainerStatuses"]] == ["Completed"] * 2
    assert sim.logs("myapp-pod", container="init-mydb") == ["db ok"]
    assert sim.logs("myapp-pod") == ["The app is running!"]


def test_failing_init_container(sim: SimCluster) -> None:
    sim.apply(pod("a", "nginx", initContainers=[{"name": "check", "image": "busybox", "command": ["false"]}]))
    sim.apply(pod("b", "nginx", restart="Never",
                  initContainers=[{"name": "check", "image": "busybox", "command": ["false"]}]))
    sim.advance(30)
    assert pod_status(sim.get("v1", "Pod", "a")) in ("Init:CrashLoopBackOff", "Init:Error")
    b = sim.get("v1", "Pod", "b")
    assert b["status"]["phase"] == "Failed" and pod_status(b) == "Init:Error"


def test_qos_class_follows_requests_and_limits():
    from flashgen.sim.kubelet import qos_class

    def spec(*resources):
        return {"containers": [{"name": f"c{i}", "image": "nginx", "resources": r} for i, r in enumerate(resources)]}

    full = {"cpu": "100m", "memory": "64Mi"}
    assert qos_class(spec({})) == "BestEffort"
    assert qos_class(spec({"limits": full})) == "Guaranteed"  # requests default to the limits
    assert qos_class(spec({"limits": full, "requests": full})) == "Guaranteed"
    assert qos_class(spec({"requests": {"cpu": "100m"}})) == "Burstable"
    assert qos_class(spec({"limits": full}, {})) == "Burstable"
