"""Every lab refuses a plausible attempt that does not do what its task says, and says what is wrong.

Each attempt is what a learner might well write (the default of a kubectl habit, a near name, the right kind of
object with one detail of the task missed); it is applied to a fresh simulated cluster with `flashgen verify --sim
-f`, and the checklist must fail on the check for that detail with a message that teaches it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flashgen.cli import main
from flashgen.labs import load_labs

WEBUI = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: NAME}
spec:
  replicas: 3
  selector: {matchLabels: {app: webui}}
  template:
    metadata: {labels: {app: webui}}
    spec: {containers: [{name: webui, image: nginx, ports: [{containerPort: 80}]}]}
"""
SERVICE = """\
apiVersion: v1
kind: Service
metadata: {name: NAME}
spec:
  type: TYPE
  selector: {app: webui}
  ports: [{port: 80, targetPort: TARGET}]
"""


def deployment(name: str = "webui-deployment") -> str:
    return WEBUI.replace("NAME", name)


def service(name: str, type_: str = "ClusterIP", target: int = 80) -> str:
    return SERVICE.replace("NAME", name).replace("TYPE", type_).replace("TARGET", str(target))


# lab id -> (the files applied in order, the failing check, what its finding or hint must say)
ATTEMPTS = {
    "lab3": (["""\
apiVersion: v1
kind: Namespace
metadata: {name: study, labels: {purpose: labs}}
"""], "namespace study is labelled purpose=lab", ["metadata.labels.purpose", "expected: lab", "found:    labs"]),
    # `kubectl run web --image=nginx --port=80`: kubectl labels it run=web
    "lab5": (["""\
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {run: web}}
spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
"""], "pod web runs nginx with label app=web", ["metadata.labels.app", "expected: web", "nothing"]),
    "lab6-2": (["""\
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: webui-rs}
spec:
  replicas: 3
  selector: {matchLabels: {app: webui-rs}}
  template:
    metadata: {labels: {app: webui-rs}}
    spec: {containers: [{name: web, image: busybox, command: [sleep, "3600"]}]}
"""], "its pods are nginx pods labelled app=webui-rs", ["spec.template.spec.containers", "nginx"]),
    # the second apply changes an environment variable, not the image
    "lab6-3": ([WEBUI.replace("NAME", "webui").replace("name: webui, image: nginx",
                                                         "name: nginx, image: 'nginx:1.26'"),
                WEBUI.replace("NAME", "webui").replace("name: webui, image: nginx",
                                                         "name: nginx, image: 'nginx:1.26', env: [{name: V, value: '2'}]")],
               "a new image was rolled out", ["the rollout changed something else", "kubectl set image"]),
    # a Deployment where the task asks for a DaemonSet
    "lab6-4": (["""\
apiVersion: apps/v1
kind: Deployment
metadata: {name: log-agent}
spec:
  replicas: 2
  selector: {matchLabels: {app: log-agent}}
  template:
    metadata: {labels: {app: log-agent}}
    spec: {containers: [{name: agent, image: busybox, command: [sleep, "3600"]}]}
"""], "DaemonSet log-agent selects app=log-agent", ["no DaemonSet named log-agent", "needs DaemonSet default/log-agent"]),
    # the claim template named after the nginx folder instead of `data`
    "lab6-5": (["""\
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
  replicas: 3
  selector: {matchLabels: {app: store}}
  template:
    metadata: {labels: {app: store}}
    spec: {containers: [{name: nginx, image: nginx, volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]}]}
  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
"""], "each pod gets a 1Gi claim from the template data, and is labelled app=store",
        ["spec.volumeClaimTemplates", "data"]),
    # no backoffLimit: Kubernetes' default is 6, the task asks for 4
    "lab6-6": (["""\
apiVersion: batch/v1
kind: Job
metadata: {name: backup}
spec:
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{name: backup, image: busybox, command: [sh, -c, "echo backing up"]}]
"""], "it retries at most 4 times (backoffLimit 4) with busybox", ["spec.backoffLimit", "expected: 4", "found:    6"]),
    # hourly: a valid schedule, and it even spawns a job within the lab's wait when the hour turns
    "lab6-7": (["""\
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup-cron}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: backup, image: busybox, command: [sh, -c, "echo backup"]}]
"""], "the schedule is a valid cron expression that runs every minute", ["runs every minute", "runs every hour"]),
    # `kubectl create deployment webui --image=nginx --replicas=3` and the service: pods app=webui, wrong name
    "lab7": ([deployment("webui") + "---\n" + service("webui-service")],
             "Deployment webui-deployment runs 3 nginx pods labelled app=webui on port 80",
             ["no Deployment named webui-deployment in namespace default; there: webui", "is webui meant to be"]),
    "lab7-2": ([deployment() + "---\n" + service("webui-nodeport", "NodePort", 8080)],
               "port 80 goes to targetPort 80 through a nodePort in 30000-32767", ["targetPort: 80", "8080"]),
    # the class of the documentation's examples, which no controller here serves: no address
    "lab8": (["""\
apiVersion: apps/v1
kind: Deployment
metadata: {name: blue}
spec:
  selector: {matchLabels: {app: blue}}
  template:
    metadata: {labels: {app: blue}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: blue-svc}
spec: {selector: {app: blue}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: nginx-example
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /blue, pathType: Prefix, backend: {service: {name: blue-svc, port: {number: 80}}}}
"""], "http://shop.example.com/blue reaches blue-svc",
        ["no address: no controller serves the class 'nginx-example' (IngressClasses here: nginx)"]),
    # three replicas kept apart by a required anti-affinity, on a cluster of two workers
    "lab12": (["""\
apiVersion: apps/v1
kind: Deployment
metadata: {name: cache}
spec:
  replicas: 3
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - {labelSelector: {matchLabels: {app: cache}}, topologyKey: kubernetes.io/hostname}
      containers: [{name: redis, image: "redis:7"}]
"""], "the cache pods are scheduled, each on its own node",
        ["Pending: 0/3 nodes are available", "2 node(s) didn't match pod anti-affinity rules"]),
    # the RoleBinding's roleRef says ClusterRole for the Role pod-manager
    "lab13": (["""\
apiVersion: v1
kind: Namespace
metadata: {name: dev}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: deployer, namespace: dev}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-manager, namespace: dev}
rules:
  - {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list, watch, create, delete]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: pod-managers, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-manager}
subjects:
  - {kind: ServiceAccount, name: deployer, namespace: dev}
  - {apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}
"""], "jane may list pods in dev",
        ["`kubectl auth can-i list pods -n dev --as=jane`: yes",
         'no (RBAC: clusterrole.rbac.authorization.k8s.io "pod-manager" not found)']),
    # 500m each: the third pod would take the namespace over its 1 CPU of requests
    "lab14": (["""\
apiVersion: v1
kind: Namespace
metadata: {name: team-a}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: team-a}
spec:
  hard: {requests.cpu: "1", requests.memory: 1Gi, limits.cpu: "2", limits.memory: 2Gi, pods: "5"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: team-a}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: nginx
          resources: {requests: {cpu: 500m, memory: 256Mi}, limits: {cpu: 500m, memory: 512Mi}}
"""], "every api pod was admitted by the quota",
        ["FailedCreate: unable to create pods: pods \"api-",
         "exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=1, limited: requests.cpu=1"]),
}


# the ConfigMap, Secret and probe labs' attempts are fixtures of their scenarios
WORKLOADS = Path(__file__).resolve().parents[1] / "scenarios" / "fixtures" / "workloads"
ATTEMPTS.update({
    "lab-configmap": ([(WORKLOADS / "lab-configmap-wrong-key.yaml").read_text(encoding="utf-8")],
                      "the container has started (its configuration could be built)",
                      ["CreateContainerConfigError", "couldn't find key app_color in ConfigMap default/app-config"]),
    "lab-secret": ([(WORKLOADS / "lab-secret-as-configmap.yaml").read_text(encoding="utf-8")],
                   "the container has started (its configuration could be built)",
                   ['configmap "db-credentials" not found']),
    "lab-probes": ([(WORKLOADS / "lab-probes-wrong-path.yaml").read_text(encoding="utf-8")],
                   "the Deployment rolled out (all 3 pods ready)", ["0 of 3", "Unhealthy events"]),
})


def verify(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["verify", *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_every_lab_has_a_wrong_attempt():
    assert set(ATTEMPTS) == {lab.id for lab in load_labs()}


@pytest.mark.parametrize("lab_id", sorted(ATTEMPTS))
def test_a_plausible_wrong_attempt_fails_with_a_teaching_message(lab_id, tmp_path):
    texts, check, phrases = ATTEMPTS[lab_id]
    files = []
    for number, text in enumerate(texts, start=1):
        path = tmp_path / f"attempt{number}.yaml"
        path.write_text(text, encoding="utf-8")
        files += ["-f", str(path)]
    code, out = verify(lab_id, "--sim", "--timeout", "10", *files)  # each fails at once; no need to wait long
    assert code == 1, out
    assert f"✗ {check}" in out, out
    block = out.split(f"✗ {check}", 1)[1].split("\n  ✓", 1)[0].split("\n  ✗", 1)[0]
    for phrase in phrases:
        assert phrase in block or phrase in out.split(f"✗ {check}", 1)[1], (phrase, out)
    assert "Traceback" not in out


def test_six_endpoints_are_not_the_three_the_task_asks_for(tmp_path):
    """The service's selector matches the pods of the note's Deployment and of a second one."""
    path = tmp_path / "two.yaml"
    path.write_text(deployment() + "---\n" + deployment("webui") + "---\n" + service("webui-service"), encoding="utf-8")
    code, out = verify("lab7", "--sim", "-f", str(path), "--json")
    data = json.loads(out)
    endpoints = next(c for c in data["checks"] if c["name"].startswith("webui-service has exactly"))
    assert code == 1 and not endpoints["passed"]
    found = endpoints["findings"][0]["found"]
    assert found.startswith("6 ready: the selector {app: webui} matches pods of more than one owner"), found
    assert "ReplicaSet webui-deployment-" in found and "ReplicaSet webui-" in found


def test_a_misnamed_object_is_one_finding_with_the_hint_for_it(tmp_path):
    path = tmp_path / "job.yaml"
    path.write_text(ATTEMPTS["lab6-6"][0][0].replace("name: backup}", "name: backup-job}").replace(
        "template:", "backoffLimit: 4\n  template:"), encoding="utf-8")
    code, out = verify("lab6-6", "--sim", "-f", str(path))
    assert code == 1
    assert out.count("expected:") == 1 and out.count("not found") == 0, out
    assert "no Job named backup in namespace default; there: backup-job" in out
    assert "is backup-job meant to be backup?" in out
    assert "restartPolicy: OnFailure" not in out  # the hints of checks that never saw the Job stay out
    assert out.count("(needs Job default/backup, see above)") == 4
