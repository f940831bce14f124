"""Configuration reaching the container: ConfigMaps, Secrets, the downward API and Service environment
variables, as the Kubernetes documentation describes them, through kubectl 1.33."""

from __future__ import annotations

import base64

from .workloads_kit import Cluster, cluster, k8s  # noqa: F401  (the module's fixtures)


def _logs(k8s: Cluster, pod: str) -> list[str]:
    return k8s.out("logs", pod).splitlines()


def test_configmap_keys_as_env_and_in_the_command(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#define-container-environment-variables-using-configmap-data
    and "Use ConfigMap-defined environment variables in Pod commands": `$(SPECIAL_LEVEL_KEY)` in the command
    is replaced by the value."""
    out = k8s.out("create", "configmap", "special-config", "--from-literal=special.how=very",
                  "--from-literal=special.type=charm")
    assert out.strip() == "configmap/special-config created"
    assert k8s.obj("configmap", "special-config")["data"] == {"special.how": "very", "special.type": "charm"}
    k8s.apply("configmap-env-pod.yaml")
    k8s.advance(10)
    logs = _logs(k8s, "dapi-test-pod")
    assert logs[0] == "very charm"
    assert "SPECIAL_LEVEL_KEY=very" in logs and "SPECIAL_TYPE_KEY=charm" in logs
    assert k8s.out("get", "pod", "dapi-test-pod").splitlines()[1].split()[2] == "Completed"
    described = k8s.out("describe", "pod", "dapi-test-pod")
    assert "SPECIAL_LEVEL_KEY:  <set to the key 'special.how' of config map 'special-config'>" in described


def test_configmap_from_files_and_from_an_env_file(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#create-configmaps-from-files
    --from-file keeps a file whole under its name (or the key given); --from-env-file makes a key of each
    line, ignoring comments and blank lines; envFrom turns every key into a variable."""
    k8s.kubectl("create", "configmap", "game-config", "--from-file=game.properties",
                "--from-file=tuning=game-env-file.properties")
    data = k8s.obj("configmap", "game-config")["data"]
    assert data["game.properties"].startswith("enemies=aliens\nlives=3\n") and "tuning" in data
    k8s.kubectl("create", "configmap", "game-config-env-file", "--from-env-file=game-env-file.properties")
    assert k8s.obj("configmap", "game-config-env-file")["data"] == {
        "allowed": '"true"', "enemies": "aliens", "lives": "3"}
    rows = k8s.out("get", "configmaps").splitlines()
    assert rows[0].split() == ["NAME", "DATA", "AGE"]
    assert any(r.split()[:2] == ["game-config-env-file", "3"] for r in rows)
    k8s.apply("-", """
apiVersion: v1
kind: Pod
metadata: {name: env-from}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, env]
    envFrom:
    - configMapRef: {name: game-config-env-file}
    - configMapRef: {name: game-config-env-file}
      prefix: GAME_
  restartPolicy: Never
""")
    k8s.advance(10)
    logs = _logs(k8s, "env-from")
    assert {"enemies=aliens", "lives=3", 'allowed="true"', "GAME_enemies=aliens", "GAME_lives=3"} <= set(logs)


def test_configmap_volume_files_items_and_default_mode(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#add-configmap-data-to-a-volume
    each key becomes a file named after it; `items` puts one key at a chosen path; `defaultMode` sets the
    files' permissions (0400: -r--------)."""
    k8s.apply("configmap-special.yaml", "configmap-volume-pod.yaml")
    k8s.advance(10)
    logs = _logs(k8s, "config-files")
    assert logs[:4] == ["special.how", "special.type", "very", "very"]
    assert logs[-1].startswith("-r--------") and logs[-1].endswith(" keys")


def test_a_missing_configmap_stops_the_container_until_it_exists(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#restrictions
    "You must create the ConfigMap object before you reference it in a Pod specification" ... "the Pod won't
    start"; it starts once the ConfigMap is there."""
    k8s.apply("configmap-env-pod.yaml")
    k8s.advance(30)
    row = k8s.out("get", "pod", "dapi-test-pod").splitlines()[1].split()
    assert row[1:3] == ["0/1", "CreateContainerConfigError"]
    cs = k8s.container("dapi-test-pod")
    assert cs["state"]["waiting"] == {"reason": "CreateContainerConfigError",
                                      "message": 'configmap "special-config" not found'}
    failed = k8s.event("dapi-test-pod", "Failed")
    assert failed["message"] == 'Error: configmap "special-config" not found' and failed["count"] >= 2
    k8s.apply("configmap-special.yaml")
    k8s.advance(15)
    assert _logs(k8s, "dapi-test-pod")[0] == "very charm"


def test_a_missing_key_and_optional_references(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/configuration/configmap/#optional-configmaps
    a missing key is an error unless the reference is `optional: true`, which leaves the variable unset."""
    k8s.apply("configmap-special.yaml")
    pod = """
apiVersion: v1
kind: Pod
metadata: {name: %s}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, 'echo "level=${LEVEL:-unset}"']
    env:
    - name: LEVEL
      valueFrom: {configMapKeyRef: {name: %s, key: special.level%s}}
  restartPolicy: Never
"""
    k8s.apply("-", pod % ("strict", "special-config", ""))
    k8s.apply("-", pod % ("lenient", "special-config", ", optional: true"))
    k8s.apply("-", pod % ("no-map", "other-config", ", optional: true"))
    k8s.advance(10)
    assert k8s.container("strict")["state"]["waiting"]["message"] == \
        "couldn't find key special.level in ConfigMap default/special-config"
    assert _logs(k8s, "lenient") == ["level=unset"] and _logs(k8s, "no-map") == ["level=unset"]


def test_a_missing_configmap_volume_keeps_the_pod_creating(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/storage/volumes/#configmap
    the kubelet cannot mount the volume (FailedMount) and the pod stays in ContainerCreating; an optional
    ConfigMap mounts as an empty directory."""
    k8s.apply("configmap-volume-pod.yaml")
    k8s.apply("-", """
apiVersion: v1
kind: Pod
metadata: {name: optional-volume}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "ls /etc/config | wc -l; echo done"]
    volumeMounts: [{name: cfg, mountPath: /etc/config}]
  volumes:
  - name: cfg
    configMap: {name: no-such-config, optional: true}
  restartPolicy: Never
""")
    k8s.advance(20)
    row = k8s.out("get", "pod", "config-files").splitlines()[1].split()
    assert row[1:3] == ["0/1", "ContainerCreating"]
    mount = k8s.event("config-files", "FailedMount")
    assert mount["message"] == 'MountVolume.SetUp failed for volume "config-volume" : ' \
                               'configmap "special-config" not found'
    assert "podIP" not in k8s.pod("config-files")["status"]
    assert _logs(k8s, "optional-volume") == ["0", "done"]


def test_secret_from_literals_as_env_and_files(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/
    `kubectl create secret generic` stores base64; in the container the values are plain text, as env
    variables and as files of a read-only volume (defaultMode 0400)."""
    out = k8s.out("create", "secret", "generic", "test-secret", "--from-literal=username=my-app",
                  "--from-literal=password=39528$vdg7Jb")
    assert out.strip() == "secret/test-secret created"
    data = k8s.obj("secret", "test-secret")["data"]
    assert base64.b64decode(data["password"]).decode() == "39528$vdg7Jb"
    assert k8s.out("get", "secret", "test-secret").splitlines()[1].split()[:3] == ["test-secret", "Opaque", "2"]
    k8s.apply("secret-pod.yaml")
    k8s.advance(10)
    logs = _logs(k8s, "secret-test-pod")
    assert logs[:4] == ["password", "username", "my-app", "my-app 39528$vdg7Jb"]
    assert all(line.startswith("-r--------") for line in logs[-2:])
    described = k8s.out("describe", "pod", "secret-test-pod")
    assert "<set to the key 'password' in secret 'test-secret'>" in described


def test_a_missing_secret_blocks_env_and_volume(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/configuration/secret/#restrictions
    a Pod that refers to a Secret that does not exist does not start: CreateContainerConfigError for env,
    FailedMount for a volume."""
    k8s.apply("secret-pod.yaml")
    k8s.advance(20)
    assert k8s.event("secret-test-pod", "FailedMount")["message"].endswith('secret "test-secret" not found')
    k8s.kubectl("create", "secret", "generic", "test-secret", "--from-literal=username=u")
    k8s.advance(130)
    assert k8s.container("secret-test-pod")["state"]["waiting"]["message"] == \
        "couldn't find key password in Secret default/test-secret"


def test_downward_api_environment_variables(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information/
    the node's name, the pod's name, namespace, IP and service account reach the container."""
    k8s.apply("dapi-envars.yaml")
    k8s.advance(5)
    pod = k8s.pod("dapi-envars-fieldref")
    assert _logs(k8s, "dapi-envars-fieldref") == ["", pod["spec"]["nodeName"], "dapi-envars-fieldref", "default",
                                                  pod["status"]["podIP"], "default"]


def test_downward_api_volume_labels_and_annotations(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/inject-data-application/downward-api-volume-expose-pod-information/
    the labels file has one `key="value"` line per label; annotations include the kubelet's own."""
    k8s.apply("dapi-volume.yaml")
    k8s.advance(5)
    logs = _logs(k8s, "kubernetes-downwardapi-volume-example")
    assert logs[:5] == ["", "", 'cluster="test-cluster1"', 'rack="rack-22"', 'zone="us-est-coast"']
    assert 'build="two"' in logs and 'builder="john-doe"' in logs and 'kubernetes.io/config.source="api"' in logs


def test_resource_requests_and_limits_as_environment_variables(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information/#use-container-fields-as-values-for-environment-variables
    resourceFieldRef values are rounded up to the divisor (1 CPU, 1 byte): 125m gives 1, 64Mi 67108864."""
    k8s.apply("dapi-resources.yaml")
    k8s.advance(5)
    assert _logs(k8s, "dapi-envars-resourcefieldref") == ["1", "1", "33554432", "67108864"]


def test_dependent_environment_variables(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
    `$(VAR)` refers to variables defined before; later ones stay as written; `$$` escapes."""
    k8s.apply("dependent-envars.yaml")
    k8s.advance(5)
    assert _logs(k8s, "dependent-envars-demo") == ["https://172.17.0.1:80", "$(PROTOCOL)://172.17.0.1:80",
                                                   "$(PROTOCOL)://172.17.0.1:80"]


def test_service_environment_variables_and_enable_service_links(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/services-networking/service/#environment-variables
    "When a Pod is run on a Node, the kubelet adds a set of environment variables for each active Service"
    that existed before the pod; with enableServiceLinks: false only the kubernetes Service's remain."""
    k8s.apply("-", """
apiVersion: v1
kind: Service
metadata: {name: redis-primary}
spec:
  selector: {app: redis}
  ports: [{name: redis, port: 6379}]
""")
    pod = """
apiVersion: v1
kind: Pod
metadata: {name: %s}
spec:
  enableServiceLinks: %s
  containers:
  - {name: app, image: busybox:1.36, command: [sh, -c, "env | sort"]}
  restartPolicy: Never
"""
    k8s.apply("-", pod % ("linked", "true"))
    k8s.apply("-", pod % ("unlinked", "false"))
    k8s.advance(5)
    ip = k8s.obj("service", "redis-primary")["spec"]["clusterIP"]
    linked = set(_logs(k8s, "linked"))
    assert {f"REDIS_PRIMARY_SERVICE_HOST={ip}", "REDIS_PRIMARY_SERVICE_PORT=6379",
            "REDIS_PRIMARY_SERVICE_PORT_REDIS=6379", f"REDIS_PRIMARY_PORT=tcp://{ip}:6379",
            f"REDIS_PRIMARY_PORT_6379_TCP_ADDR={ip}", "KUBERNETES_SERVICE_HOST=10.96.0.1",
            "KUBERNETES_SERVICE_PORT=443"} <= linked
    unlinked = _logs(k8s, "unlinked")
    assert "KUBERNETES_SERVICE_HOST=10.96.0.1" in unlinked and not any(x.startswith("REDIS") for x in unlinked)
    # a Service created after the pod started is not in its environment
    k8s.apply("-", pod.replace("env | sort", "sleep 5; env | sort") % ("early", "true"))
    k8s.advance(4)  # its container started at 3 s
    k8s.apply("-", "apiVersion: v1\nkind: Service\nmetadata: {name: late}\nspec: {ports: [{port: 80}]}\n")
    k8s.advance(5)
    assert not any(x.startswith("LATE_") for x in _logs(k8s, "early"))


def test_immutable_configmaps_and_invalid_keys(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/concepts/configuration/configmap/#configmap-immutable
    "Once a ConfigMap is marked as immutable, it is not possible to revert this change nor to mutate the
    contents of the data"; keys must be alphanumeric, '-', '_' or '.'."""
    k8s.apply("-", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: frozen}\nimmutable: true\ndata: {a: '1'}\n")
    result = k8s.kubectl("apply", "-f", "-", check=False,
                         input="apiVersion: v1\nkind: ConfigMap\nmetadata: {name: frozen}\nimmutable: true\n"
                               "data: {a: '2'}\n")
    assert result.returncode == 1 and "data: Forbidden: field is immutable when `immutable` is set" in result.stderr
    bad = k8s.kubectl("create", "configmap", "bad", "--from-literal=my key=1", check=False)
    assert bad.returncode == 1 and "a valid config key must consist of alphanumeric characters" in bad.stderr


def test_create_serviceaccount(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#use-more-than-one-serviceaccount
    `kubectl create serviceaccount` (kubectl sends it as protobuf) and `kubectl get serviceaccounts`."""
    assert k8s.out("create", "serviceaccount", "build-robot").strip() == "serviceaccount/build-robot created"
    rows = k8s.out("get", "serviceaccounts").splitlines()
    assert rows[0].split() == ["NAME", "SECRETS", "AGE"]
    assert [r.split()[:2] for r in rows[1:]] == [["build-robot", "0"], ["default", "0"]]


def test_an_init_container_fills_the_page_nginx_serves(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-initialization/
    the init container writes index.html into an emptyDir volume before nginx starts and serves it (a
    readiness probe on "/" passes only because the page is there: nginx answers 403 for a directory
    without one)."""
    pod = """
apiVersion: v1
kind: Pod
metadata: {name: %s}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    volumeMounts: [{name: workdir, mountPath: /usr/share/nginx/html}]
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
  initContainers:
  - name: install
    image: busybox:1.28
    command: [%s]
    volumeMounts: [{name: workdir, mountPath: /work-dir}]
  volumes: [{name: workdir, emptyDir: {}}]
"""
    k8s.apply("-", pod % ("init-demo", "wget, -O, /work-dir/index.html, http://info.cern.ch"))
    k8s.apply("-", pod % ("no-page", "touch, /work-dir/other.html"))
    k8s.advance(20)
    assert k8s.container("init-demo")["ready"] is True
    assert k8s.container("no-page")["ready"] is False
    assert k8s.event("no-page", "Unhealthy")["message"] == \
        "Readiness probe failed: HTTP probe failed with statuscode: 403"


def test_redis_reads_its_configuration_file_from_a_configmap(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/tutorials/configuration/configure-redis-using-configmap/
    the pod passes /usr/local/etc/redis/redis.conf (a ConfigMap key mounted through `items`) to the image's
    entrypoint, and redis runs; `redis-cli ping` answers PONG."""
    k8s.apply("-", """
apiVersion: v1
kind: ConfigMap
metadata: {name: example-redis-config}
data:
  redis-config: |
    maxmemory 2mb
    maxmemory-policy allkeys-lru
---
apiVersion: v1
kind: Pod
metadata: {name: redis}
spec:
  containers:
  - name: redis
    image: redis:5.0.4
    args: [/usr/local/etc/redis/redis.conf]
    ports: [{containerPort: 6379}]
    readinessProbe: {exec: {command: [redis-cli, ping]}, periodSeconds: 5}
    volumeMounts:
    - {mountPath: /redis-master-data, name: data}
    - {mountPath: /usr/local/etc/redis, name: config}
  volumes:
  - {name: data, emptyDir: {}}
  - name: config
    configMap:
      name: example-redis-config
      items: [{key: redis-config, path: redis.conf}]
""")
    k8s.advance(10)
    assert k8s.out("get", "pod", "redis").splitlines()[1].split()[1:3] == ["1/1", "Running"]
    assert "Ready to accept connections" in k8s.out("logs", "redis")


def test_a_job_made_from_a_cronjob_keeps_its_configuration(k8s: Cluster) -> None:
    """https://kubernetes.io/docs/reference/kubectl/generated/kubectl_create/kubectl_create_job/
    `kubectl create job --from=cronjob/NAME` sends the CronJob's pod template back (as protobuf): its ConfigMap
    references, volumes and probes arrive whole and the job reads the ConfigMap."""
    k8s.kubectl("create", "configmap", "colors", "--from-literal=COLOR=green")
    k8s.apply("-", """
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: report
            image: busybox:1.36
            command: [sh, -c, "echo $COLOR $SHADE $(cat /cfg/COLOR)"]
            envFrom: [{configMapRef: {name: colors}}]
            env: [{name: SHADE, valueFrom: {configMapKeyRef: {name: colors, key: COLOR}}}]
            volumeMounts: [{name: cfg, mountPath: /cfg}]
            livenessProbe: {exec: {command: [cat, /cfg/COLOR]}, periodSeconds: 5}
          volumes: [{name: cfg, configMap: {name: colors}}]
""")
    assert k8s.out("create", "job", "manual", "--from=cronjob/report").strip() == "job.batch/manual created"
    spec = k8s.obj("job", "manual")["spec"]["template"]["spec"]
    assert spec["volumes"] == [{"name": "cfg", "configMap": {"name": "colors", "defaultMode": 420}}]
    assert spec["containers"][0]["envFrom"] == [{"configMapRef": {"name": "colors"}}]
    assert spec["containers"][0]["livenessProbe"]["exec"] == {"command": ["cat", "/cfg/COLOR"]}
    k8s.advance(10)
    assert k8s.out("logs", "job/manual").strip() == "green green green"
