"""Named conditions and asserts on object fixtures: what passes, and what a failure says."""

import pytest

from flashgen.labs.engine import run_check
from flashgen.labs.model import Check

DEPLOYMENT_ROLLED_OUT = """
apiVersion: apps/v1
kind: Deployment
metadata: {name: webui, namespace: default, uid: d1, generation: 2,
           annotations: {deployment.kubernetes.io/revision: "2"}}
spec: {replicas: 3, selector: {matchLabels: {app: webui}}}
status: {observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: webui-old, namespace: default, annotations: {deployment.kubernetes.io/revision: "1"},
           ownerReferences: [{kind: Deployment, name: webui, uid: d1}]}
spec: {replicas: OLD}
status: {replicas: OLD}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: webui-new, namespace: default, annotations: {deployment.kubernetes.io/revision: "2"},
           ownerReferences: [{kind: Deployment, name: webui, uid: d1}]}
spec: {replicas: 3}
status: {replicas: 3}
"""


def cond(condition_name, **args):
    return Check(name=condition_name, condition=condition_name, args=args)


def test_rollout_complete_revision_and_old_replicaset(cluster_from):
    cluster = cluster_from(DEPLOYMENT_ROLLED_OUT.replace("OLD", "0"))
    assert run_check(cond("rollout-complete", name="webui"), cluster, "default").passed
    assert run_check(cond("old-replicasets-scaled-down", name="webui"), cluster, "default").passed
    revision = Check("rev", condition="compare", args={
        "apiVersion": "apps/v1", "kind": "Deployment", "name": "webui",
        "left": 'metadata.annotations["deployment.kubernetes.io/revision"]', "op": ">=", "right": 2})
    assert run_check(revision, cluster, "default").passed


@pytest.mark.parametrize("status, path, expected, actual", [
    ("observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3",
     "status.observedGeneration", ">= 2 (the controller saw the latest spec)", "1"),
    ("observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 1",
     "status.updatedReplicas", "3 new replicas updated", "1 out of 3"),
    ("observedGeneration: 2, replicas: 5, updatedReplicas: 3, availableReplicas: 3",
     "status.replicas", "3 (old replicas terminated)", "2 old replicas pending termination"),
    ("observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2",
     "status.availableReplicas", "3 updated replicas available", "2 of 3"),
])
def test_an_unfinished_rollout_names_the_step_kubectl_waits_for(cluster_from, status, path, expected, actual):
    manifest = DEPLOYMENT_ROLLED_OUT.replace("OLD", "0").replace(
        "observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3", status)
    result = run_check(cond("rollout-complete", name="webui"), cluster_from(manifest), "default")
    [finding] = result.findings
    assert not result.passed and (finding.path, finding.expected, finding.found) == (path, expected, actual)


def test_old_replicaset_still_running_is_named(cluster_from):
    cluster = cluster_from(DEPLOYMENT_ROLLED_OUT.replace("OLD", "1"))
    result = run_check(cond("old-replicasets-scaled-down", name="webui"), cluster, "default")
    [finding] = result.findings
    assert finding.where == "ReplicaSet default/webui-old" and finding.path == "spec.replicas"
    assert finding.found == "1"


def test_rollout_in_progress_says_how_far(cluster_from):
    text = DEPLOYMENT_ROLLED_OUT.replace("OLD", "0").replace("updatedReplicas: 3", "updatedReplicas: 1")
    [finding] = run_check(cond("rollout-complete", name="webui"), cluster_from(text), "default").findings
    assert finding.path == "status.updatedReplicas" and finding.found == "1 out of 3"


def test_missing_object_is_reported(cluster_from):
    [finding] = run_check(cond("job-complete", name="backup"), cluster_from(""), "default").findings
    assert finding.found == "not found" and finding.where == "Job default/backup"


JOB = """
apiVersion: batch/v1
kind: Job
metadata: {name: backup, namespace: default}
spec: {completions: 1, backoffLimit: 4, template: {spec: {restartPolicy: OnFailure}}}
status: STATUS
"""


def test_job_complete_and_counts(cluster_from):
    done = cluster_from(JOB.replace("STATUS", "{succeeded: 1, failed: 2, conditions: [{type: Complete, status: 'True'}]}"))
    assert run_check(cond("job-complete", name="backup"), done, "default").passed
    succeeded = Check("s", condition="compare", args={"apiVersion": "batch/v1", "kind": "Job", "name": "backup",
                                                     "left": "status.succeeded", "op": "==", "right_field": "spec.completions"})
    assert run_check(succeeded, done, "default").passed
    failed = Check("f", condition="compare", args={"apiVersion": "batch/v1", "kind": "Job", "name": "backup",
                                                  "left": "status.failed", "op": "<=", "right_field": "spec.backoffLimit",
                                                  "default": 0})
    assert run_check(failed, done, "default").passed


def test_failed_job_gives_the_reason(cluster_from):
    failed = cluster_from(JOB.replace("STATUS", "{failed: 5, conditions: [{type: Failed, status: 'True', "
                                                "reason: BackoffLimitExceeded, message: Job has reached the specified backoff limit}]}"))
    [finding] = run_check(cond("job-complete", name="backup"), failed, "default").findings
    assert "BackoffLimitExceeded" in finding.found


SERVICE = """
apiVersion: v1
kind: Service
metadata: {name: webui-service, namespace: default}
spec: {type: ClusterIP, selector: {app: webui}, ports: [{port: 80, targetPort: 80}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: webui-service-abc, namespace: default, labels: {kubernetes.io/service-name: webui-service}}
ports: [{port: 80, protocol: TCP}]
endpoints:
  - {addresses: [10.244.1.2], conditions: {ready: true}}
  - {addresses: [10.244.1.3], conditions: {ready: true}}
  - {addresses: [10.244.2.2], conditions: {ready: READY}}
"""


def test_ready_endpoints(cluster_from):
    assert run_check(cond("ready-endpoints", service="webui-service", min=3, port=80),
                     cluster_from(SERVICE.replace("READY", "true")), "default").passed
    result = run_check(cond("ready-endpoints", service="webui-service", min=3, port=80),
                       cluster_from(SERVICE.replace("READY", "false")), "default")
    [finding] = result.findings
    assert finding.found == "2 ready, 1 not ready" and "at least 3" in finding.expected
    wrong_port = run_check(cond("ready-endpoints", service="webui-service", min=1, port=8080),
                           cluster_from(SERVICE.replace("READY", "true")), "default")
    assert not wrong_port.passed and "3 on another port" in wrong_port.findings[0].found


def test_service_type_assert_names_the_field(cluster_from):
    check = Check("svc", pattern={"apiVersion": "v1", "kind": "Service", "metadata": {"name": "webui-service"},
                                  "spec": {"type": "NodePort"}})
    [finding] = run_check(check, cluster_from(SERVICE.replace("READY", "true")), "default").findings
    assert (finding.path, finding.expected, finding.found) == ("spec.type", "NodePort", "ClusterIP")


NODES = """
apiVersion: v1
kind: Node
metadata: {name: cp, labels: {node-role.kubernetes.io/control-plane: ""}}
spec: {taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}
---
apiVersion: v1
kind: Node
metadata: {name: w1}
---
apiVersion: v1
kind: Node
metadata: {name: w2}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: log-agent, namespace: default, uid: ds1}
spec: {template: {spec: {containers: [{name: a, image: busybox}]}}}
"""

POD = """
---
apiVersion: v1
kind: Pod
metadata: {name: log-agent-NODE, namespace: default, ownerReferences: [{kind: DaemonSet, name: log-agent, uid: ds1}]}
spec: {nodeName: NODE}
status: {phase: Running, conditions: [{type: Ready, status: "True"}]}
"""


def test_pods_per_node_skips_tainted_control_plane(cluster_from):
    text = NODES + POD.replace("NODE", "w1") + POD.replace("NODE", "w2")
    assert run_check(cond("pods-per-node", daemonset="log-agent"), cluster_from(text), "default").passed


def test_pods_per_node_names_the_empty_node(cluster_from):
    [finding] = run_check(cond("pods-per-node", daemonset="log-agent"),
                          cluster_from(NODES + POD.replace("NODE", "w1")), "default").findings
    assert finding.where == "Node w2" and finding.found == "0"


def test_pods_per_node_with_a_toleration_expects_the_control_plane_too(cluster_from):
    text = NODES.replace("containers:", "tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists}], containers:")
    text += POD.replace("NODE", "w1") + POD.replace("NODE", "w2")
    [finding] = run_check(cond("pods-per-node", daemonset="log-agent"), cluster_from(text), "default").findings
    assert finding.where == "Node cp"


STATEFULSET = """
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: store, namespace: default}
spec:
  replicas: 2
  serviceName: store
  volumeClaimTemplates: [{metadata: {name: data}}]
---
apiVersion: v1
kind: Pod
metadata: {name: store-0, namespace: default}
status: {conditions: [{type: Ready, status: "True"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: store-1, namespace: default}
status: {conditions: [{type: Ready, status: "True"}]}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data-store-0, namespace: default}
status: {phase: Bound}
"""


def test_ordinal_pods_and_pvc_per_pod(cluster_from):
    cluster = cluster_from(STATEFULSET)
    assert run_check(cond("ordinal-pods", statefulset="store"), cluster, "default").passed
    [finding] = run_check(cond("pvc-per-pod", statefulset="store"), cluster, "default").findings
    assert finding.where == "PersistentVolumeClaim default/data-store-1" and finding.found == "not found"


CRONJOB = """
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup-cron, namespace: default}
spec: {schedule: SCHEDULE}
---
apiVersion: batch/v1
kind: Job
metadata: {name: backup-cron-28000000, namespace: default, ownerReferences: [{kind: CronJob, name: backup-cron}]}
"""


@pytest.mark.parametrize("schedule, ok", [
    ('"*/1 * * * *"', True), ("'@hourly'", True), ('"0 3 1 * * "', True),
    ('"0 3 1 * * *"', False), ('"61 * * * *"', False), ('"TZ=UTC 0 * * * *"', False), ("''", False),
])
def test_valid_schedule(cluster_from, schedule, ok):
    result = run_check(cond("valid-schedule", name="backup-cron"), cluster_from(CRONJOB.replace("SCHEDULE", schedule)), "default")
    assert result.passed is ok
    if not ok:
        assert result.findings[0].path == "spec.schedule"


def test_count_jobs_owned_by_a_cronjob(cluster_from):
    cluster = cluster_from(CRONJOB.replace("SCHEDULE", '"* * * * *"'))
    spawned = Check("n", condition="count", args={"apiVersion": "batch/v1", "kind": "Job",
                                                 "owner": {"kind": "CronJob", "name": "backup-cron"}, "min": 1})
    assert run_check(spawned, cluster, "default").passed
    two = Check("n", condition="count", args={"apiVersion": "batch/v1", "kind": "Job", "min": 2})
    [finding] = run_check(two, cluster, "default").findings
    assert finding.expected == "at least 2" and finding.found.startswith("1 (backup-cron-28000000")


def test_unnamed_assert_matches_any_object_and_reports_the_closest(cluster_from):
    cluster = cluster_from(CRONJOB.replace("SCHEDULE", '"* * * * *"'))
    ok = Check("any", pattern={"apiVersion": "batch/v1", "kind": "Job", "metadata": {"ownerReferences": {"$contains": [{"kind": "CronJob"}]}}})
    assert run_check(ok, cluster, "default").passed
    bad = Check("any", pattern={"apiVersion": "batch/v1", "kind": "Job", "spec": {"completions": 2}})
    [finding] = run_check(bad, cluster, "default").findings
    assert finding.where == "Job default/backup-cron-28000000" and finding.path == "spec.completions"


def test_a_service_selecting_nothing_points_at_the_selector(cluster_from):
    text = SERVICE.split("---")[0]
    [finding] = run_check(cond("ready-endpoints", service="webui-service", min=1, port=80), cluster_from(text), "default").findings
    assert "does the selector {app: webui} match" in finding.found


def test_conditions_may_look_in_another_namespace(cluster_from):
    text = JOB.replace("namespace: default", "namespace: ops").replace(
        "STATUS", "{succeeded: 1, conditions: [{type: Complete, status: 'True'}]}")
    assert not run_check(cond("job-complete", name="backup"), cluster_from(text), "default").passed
    assert run_check(cond("job-complete", name="backup", namespace="ops"), cluster_from(text), "default").passed
