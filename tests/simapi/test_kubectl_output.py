"""`flashgen sim describe` and `get -o yaml|json` print what the real kubectl 1.33 prints for the same objects.

The same cluster is served to kubectl and described by flashgen; kubectl's own describers, YAML and JSON printers
are the reference. Times are shown in a time zone east of UTC, as a learner in Korea sees them; event ages, which
kubectl computes from its own clock a moment later, are the only thing compared loosely."""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import time

import pytest

from flashgen.sim import SimCluster, kinds
from flashgen.sim.describe import describe
from flashgen.sim.kubeyaml import to_json, to_yaml
from flashgen.simapi import kubeconfig
from flashgen.simapi.server import ServerThread

from .conftest import kubectl_binary

SCENARIO = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web, tier: front}, annotations: {team: "study group"}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: IMAGE
        ports: [{containerPort: 80}]
        env: [{name: MODE, value: "1"}]
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-np}
spec: {type: NodePort, selector: {app: web}, ports: [{name: http, port: 80, targetPort: 80, nodePort: 30080}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: "busybox:1.36", command: [sh, -c, "while true; do sleep 60; done"]}]}
---
apiVersion: v1
kind: Service
metadata: {name: store}
spec: {clusterIP: None, selector: {app: store}, ports: [{name: web, port: 80}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: store}
spec:
  serviceName: store
  replicas: 2
  selector: {matchLabels: {app: store}}
  template:
    metadata: {labels: {app: store}}
    spec:
      containers:
      - {name: nginx, image: "nginx:1.27", ports: [{containerPort: 80, name: web}], volumeMounts: [{name: data, mountPath: /data}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: backup}
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{name: backup, image: "busybox:1.36", command: [sh, -c, "echo backing up; sleep 2"]}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: tick}
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: tick, image: busybox, command: [date]}]
---
apiVersion: v1
kind: Pod
metadata: {name: crash, labels: {run: crash}}
spec: {containers: [{name: crash, image: busybox, command: [sh, -c, "exit 3"]}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: odd, annotations: {note: "a sentence long enough that a YAML printer has to fold it somewhere past the eightieth column"}}
data: {one: "1", yes: "yes", empty: "", when: "2024-01-29", cron: "*/5 * * * *", dash: "- x", multi: "two\\nlines\\n", hangul: "파드", quote: "it's"}
"""
DESCRIBED = ["pod/crash", "deployment/web", "daemonset/agent", "statefulset/store", "job/backup", "cronjob/tick",
             "service/web", "service/web-np", "service/store", "namespace/default", "node/kind-worker",
             "persistentvolumeclaim/data-store-0", "endpoints/web", "endpoints/store", "storageclass/standard",
             "serviceaccount/default"]
LISTED = ["pods", "deployments", "replicasets", "services", "daemonsets", "statefulsets", "jobs", "cronjobs",
          "configmaps", "nodes", "namespaces", "events", "endpoints", "persistentvolumeclaims"]
AGE = re.compile(r"(<invalid>|\b\d+[smhdy][\dsmhdy]*)( \(x\d+ over (<invalid>|\d+[smhdy][\dsmhdy]*)\))?")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The scenario applied with kubectl at a frozen clock set a few minutes back, then run up to about now."""
    os.environ["TZ"], before = "Asia/Seoul", os.environ.get("TZ")
    time.tzset()
    home = tmp_path_factory.mktemp("kubectl")
    lead = 240
    server = ServerThread(SimCluster(start_time=float(int(time.time()) - lead)), speed=0).start()
    kubeconfig.write(home / "kubeconfig", server.url)
    binary = kubectl_binary("1.33")

    def kubectl(*args: str, stdin: str | None = None) -> str:
        env = {**os.environ, "HOME": str(home), "KUBECONFIG": str(home / "kubeconfig"), "TZ": "Asia/Seoul"}
        done = subprocess.run([str(binary), "--cache-dir", str(home / "cache"), *args], input=stdin, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    kubectl("apply", "-f", "-", stdin=SCENARIO.replace("IMAGE", "nginx:1.26"))
    server.call(lambda rt: rt.sim.advance(60))
    kubectl("apply", "-f", "-", stdin=SCENARIO.replace("IMAGE", "nginx:1.27"))  # a rollout: an old ReplicaSet
    server.call(lambda rt: rt.sim.advance(time.time() - rt.sim.now()))
    try:
        yield server, kubectl
    finally:
        server.stop()
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def _loose_events(text: str) -> str:
    """The Events table with ages replaced and columns collapsed (kubectl's clock is a moment later)."""
    head, sep, table = text.partition("\nEvents:\n")
    return head + sep + "\n".join(re.sub(r" {2,}", "  ", AGE.sub("AGE", line)) for line in table.splitlines())


def _diff(theirs: str, ours: str) -> str:
    return "".join(difflib.unified_diff(theirs.splitlines(True), ours.splitlines(True), "kubectl", "flashgen"))


@pytest.mark.parametrize("target", DESCRIBED)
def test_describe_prints_what_kubectl_prints(cluster, target):
    server, kubectl = cluster
    kind, name = target.split("/")
    theirs = kubectl("describe", kind, name)
    k = kinds.lookup(kind)

    def ours(rt):
        return describe(rt.sim, rt.sim.store.get(k.kind, "default" if k.namespaced else None, name)) + "\n"
    mine = server.call(ours)
    if kind == "node":  # the pods' ages are kubectl's to compute, a moment later
        theirs, mine = (re.sub(r" {2,}", "  ", AGE.sub("AGE", t)) for t in (theirs, mine))
    assert _loose_events(mine) == _loose_events(theirs), _diff(theirs, mine)
    if kind in ("pod", "deployment", "statefulset", "job", "cronjob", "node"):
        assert "+0900" in mine  # times in the local zone, as kubectl shows them


def test_describe_a_persistent_volume_prints_what_kubectl_prints(cluster):
    server, kubectl = cluster
    name = kubectl("get", "pv", "-o", "name").split()[0].split("/")[1]
    theirs = kubectl("describe", "pv", name)
    mine = server.call(lambda rt: describe(rt.sim, rt.sim.store.get("PersistentVolume", None, name)) + "\n")
    assert _loose_events(mine) == _loose_events(theirs), _diff(theirs, mine)


@pytest.mark.parametrize("resource", LISTED)
def test_get_yaml_and_json_print_what_kubectl_prints(cluster, resource):
    server, kubectl = cluster
    k = kinds.lookup(resource)
    for output, dump in (("yaml", to_yaml), ("json", to_json)):
        theirs = kubectl("get", resource, "-A", "-o", output)

        def ours(rt, dump=dump):
            return dump({"apiVersion": "v1", "items": list(rt.sim.store.items(k.kind)), "kind": "List",
                         "metadata": {"resourceVersion": ""}})
        mine = server.call(ours)
        assert mine == theirs, _diff(theirs, mine)


def test_events_of_one_moment_keep_the_order_they_happened_in(cluster):
    """The kubelet pulls, creates, then starts a container; kubectl lists events of one second in name order."""
    _, kubectl = cluster
    pod = kubectl("get", "pods", "-l", "app=web", "-o", "name").split()[0]
    table = kubectl("describe", pod).split("\nEvents:\n", 1)[1]
    reasons = [line.split()[1] for line in table.splitlines()[2:]]
    assert reasons.index("Pulled") < reasons.index("Created") < reasons.index("Started"), table


def test_each_node_holds_its_lease_as_kubectl_lists_it(cluster):
    """https://kubernetes.io/docs/concepts/architecture/leases/#node-heart-beats: one Lease per node in
    kube-node-lease, held by the node; `describe node` shows it (compared above) and `get leases` lists it."""
    server, kubectl = cluster
    rows = [line.split() for line in kubectl("get", "leases", "-n", "kube-node-lease").splitlines()]
    nodes = server.call(lambda rt: sorted(n["metadata"]["name"] for n in rt.sim.store.items("Node")))
    assert rows[0] == ["NAME", "HOLDER", "AGE"]
    assert sorted((row[0], row[1]) for row in rows[1:]) == [(node, node) for node in nodes]
    renewed = server.call(lambda rt: [lease["spec"]["renewTime"] for lease in rt.sim.store.items("Lease")])
    assert renewed and all(stamp.endswith("0.000000Z") for stamp in renewed)  # renewed every 10 s
