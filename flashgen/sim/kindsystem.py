"""What a fresh kind cluster (kind v0.29, Kubernetes v1.33) runs besides the user's workloads: the control
plane's static pods on each control-plane node (etcd, kube-apiserver, kube-controller-manager,
kube-scheduler, as mirror pods owned by their Node), CoreDNS (a Deployment of 2 behind the kube-dns Service at
10.96.0.10), the kube-proxy and kindnet DaemonSets, the local-path provisioner in local-path-storage, their
ConfigMaps and ServiceAccounts, and the two built-in PriorityClasses. Their images are preloaded on every node."""

from __future__ import annotations

import hashlib
from typing import Any

Obj = dict[str, Any]
KUBE_VERSION = "v1.33.1"
IMAGES = {
    "etcd": "registry.k8s.io/etcd:3.5.21-0",
    "kube-apiserver": f"registry.k8s.io/kube-apiserver:{KUBE_VERSION}",
    "kube-controller-manager": f"registry.k8s.io/kube-controller-manager:{KUBE_VERSION}",
    "kube-scheduler": f"registry.k8s.io/kube-scheduler:{KUBE_VERSION}",
    "kube-proxy": f"registry.k8s.io/kube-proxy:{KUBE_VERSION}",
    "coredns": "registry.k8s.io/coredns/coredns:v1.12.0",
    "kindnetd": "docker.io/kindest/kindnetd:v20250512-df8de77b",
    "local-path-provisioner": "docker.io/kindest/local-path-provisioner:v20250214-acbabc1a",
    "local-path-helper": "docker.io/kindest/local-path-helper:v20241212-8ac705d0",
    "pause": "registry.k8s.io/pause:3.10",
}
CONTROLLER_ACCOUNTS = (
    "attachdetach-controller", "bootstrap-signer", "certificate-controller", "clusterrole-aggregation-controller",
    "coredns", "cronjob-controller", "daemon-set-controller", "deployment-controller", "disruption-controller",
    "endpoint-controller", "endpointslice-controller", "endpointslicemirroring-controller",
    "ephemeral-volume-controller", "expand-controller", "generic-garbage-collector", "horizontal-pod-autoscaler",
    "job-controller", "kindnet", "kube-proxy", "legacy-service-account-token-cleaner", "namespace-controller",
    "node-controller", "persistent-volume-binder", "pod-garbage-collector", "pv-protection-controller",
    "pvc-protection-controller", "replicaset-controller", "replication-controller", "resourcequota-controller",
    "root-ca-cert-publisher", "service-account-controller", "service-cidrs-controller", "statefulset-controller",
    "token-cleaner", "ttl-after-finished-controller", "ttl-controller",
    "validatingadmissionpolicy-status-controller")
COREFILE = """.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
"""
KUBE_PROXY_CONF = """apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
clusterCIDR: 10.244.0.0/16
kind: KubeProxyConfiguration
mode: iptables
"""
LOCAL_PATH_CONFIG = """{
        "nodePathMap":[
        {
                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",
                "paths":["/var/local-path-provisioner"]
        }
        ]
}"""


def _cm(ns: str, name: str, data: dict[str, str], labels: dict[str, str] | None = None) -> Obj:
    meta: Obj = {"name": name, "namespace": ns}
    if labels:
        meta["labels"] = labels
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": data}


def _http(path: str, port: Any, scheme: str = "HTTP", host: str | None = None, **extra: Any) -> Obj:
    get: Obj = {"path": path, "port": port, "scheme": scheme}
    if host:
        get["host"] = host
    return {"httpGet": get, **extra}


def _static_pod(component: str, node: Obj, command: list[str], probes: Obj, cpu: str, memory: str | None,
                mounts: list[tuple[str, str, str]], seen: str) -> Obj:
    """A control-plane component's mirror pod, as the kubelet reports the static pod kubeadm wrote."""
    node_name = node["metadata"]["name"]
    ip = next(a["address"] for a in node["status"]["addresses"] if a["type"] == "InternalIP")
    digest = hashlib.sha256(f"{component}:{node_name}".encode()).hexdigest()[:32]
    annotations = {"kubernetes.io/config.hash": digest, "kubernetes.io/config.mirror": digest,
                   "kubernetes.io/config.seen": seen, "kubernetes.io/config.source": "file"}
    if component == "etcd":
        annotations["kubeadm.kubernetes.io/etcd.advertise-client-urls"] = f"https://{ip}:2379"
    if component == "kube-apiserver":
        annotations["kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint"] = f"{ip}:6443"
    requests = {"cpu": cpu}
    if memory:
        requests["memory"] = memory
    container = {"name": component, "image": IMAGES[component], "imagePullPolicy": "IfNotPresent",
                 "command": command, "resources": {"requests": requests},
                 "volumeMounts": [{"name": n, "mountPath": p, **({"readOnly": True} if ro == "ro" else {})}
                                  for n, p, ro in mounts], **probes}
    return {"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": f"{component}-{node_name}", "namespace": "kube-system",
                         "labels": {"component": component, "tier": "control-plane"}, "annotations": annotations,
                         "ownerReferences": [{"apiVersion": "v1", "kind": "Node", "name": node_name,
                                              "uid": node["metadata"]["uid"], "controller": True}]},
            "spec": {"containers": [container], "hostNetwork": True, "nodeName": node_name,
                     "priority": 2000001000, "priorityClassName": "system-node-critical",
                     "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}},
                     "tolerations": [{"effect": "NoExecute", "operator": "Exists"}],
                     "volumes": [{"name": n, "hostPath": {"path": p, "type": "DirectoryOrCreate"}}
                                 for n, p, _ in mounts]}}


def static_pods(node: Obj, seen: str) -> list[Obj]:
    """The four control-plane mirror pods of a control-plane node."""
    ip = next(a["address"] for a in node["status"]["addresses"] if a["type"] == "InternalIP")
    name = node["metadata"]["name"]
    pki = [("k8s-certs", "/etc/kubernetes/pki", "ro"), ("ca-certs", "/etc/ssl/certs", "ro")]
    three = {"failureThreshold": 8, "initialDelaySeconds": 10, "periodSeconds": 10, "timeoutSeconds": 15}
    start = {"failureThreshold": 24, "initialDelaySeconds": 10, "periodSeconds": 10, "timeoutSeconds": 15}
    ready = {"failureThreshold": 3, "periodSeconds": 1, "timeoutSeconds": 15}
    return [
        _static_pod("etcd", node, [
            "etcd", f"--advertise-client-urls=https://{ip}:2379", "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
            "--client-cert-auth=true", "--data-dir=/var/lib/etcd", f"--initial-advertise-peer-urls=https://{ip}:2380",
            f"--initial-cluster={name}=https://{ip}:2380", "--key-file=/etc/kubernetes/pki/etcd/server.key",
            f"--listen-client-urls=https://127.0.0.1:2379,https://{ip}:2379",
            "--listen-metrics-urls=http://127.0.0.1:2381", f"--listen-peer-urls=https://{ip}:2380", f"--name={name}",
            "--snapshot-count=10000", "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"],
            {"livenessProbe": _http("/livez", 2381, host="127.0.0.1", **three),
             "readinessProbe": _http("/readyz", 2381, host="127.0.0.1", **ready),
             "startupProbe": _http("/readyz", 2381, host="127.0.0.1", **start)},
            "100m", "100Mi", [("etcd-data", "/var/lib/etcd", "rw"), ("etcd-certs", "/etc/kubernetes/pki/etcd", "rw")],
            seen),
        _static_pod("kube-apiserver", node, [
            "kube-apiserver", f"--advertise-address={ip}", "--allow-privileged=true",
            "--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt",
            "--enable-admission-plugins=NodeRestriction", "--etcd-servers=https://127.0.0.1:2379",
            "--runtime-config=", "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/16",
            "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
            "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"],
            {"livenessProbe": _http("/livez", 6443, "HTTPS", ip, **three),
             "readinessProbe": _http("/readyz", 6443, "HTTPS", ip, **ready),
             "startupProbe": _http("/livez", 6443, "HTTPS", ip, **start)},
            "250m", None, pki, seen),
        _static_pod("kube-controller-manager", node, [
            "kube-controller-manager", "--allocate-node-cidrs=true", "--bind-address=127.0.0.1",
            "--cluster-cidr=10.244.0.0/16", "--cluster-name=kind", "--controllers=*,bootstrapsigner,tokencleaner",
            "--enable-hostpath-provisioner=true", "--kubeconfig=/etc/kubernetes/controller-manager.conf",
            "--leader-elect=true", "--service-cluster-ip-range=10.96.0.0/16", "--use-service-account-credentials=true"],
            {"livenessProbe": _http("/healthz", 10257, "HTTPS", "127.0.0.1", **three),
             "startupProbe": _http("/healthz", 10257, "HTTPS", "127.0.0.1", **start)},
            "200m", None, pki + [("kubeconfig", "/etc/kubernetes/controller-manager.conf", "ro")], seen),
        _static_pod("kube-scheduler", node, [
            "kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
            "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1",
            "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"],
            {"livenessProbe": _http("/livez", 10259, "HTTPS", "127.0.0.1", **three),
             "readinessProbe": _http("/readyz", 10259, "HTTPS", "127.0.0.1", **ready),
             "startupProbe": _http("/livez", 10259, "HTTPS", "127.0.0.1", **start)},
            "100m", None, [("kubeconfig", "/etc/kubernetes/scheduler.conf", "ro")], seen),
    ]


def addons() -> list[Obj]:
    """The kube-system and local-path-storage objects kubeadm and kind install, in the order they are applied."""
    dns_labels = {"k8s-app": "kube-dns"}
    out: list[Obj] = [
        {"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
         "metadata": {"name": "system-node-critical"}, "value": 2000001000, "preemptionPolicy": "PreemptLowerPriority",
         "description": "Used for system critical pods that must not be moved from their current node."},
        {"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
         "metadata": {"name": "system-cluster-critical"}, "value": 2000000000,
         "preemptionPolicy": "PreemptLowerPriority",
         "description": "Used for system critical pods that must run in the cluster, but can be moved to another "
                        "node if necessary."},
        _cm("kube-system", "coredns", {"Corefile": COREFILE}),
        _cm("kube-system", "kube-proxy", {"config.conf": KUBE_PROXY_CONF, "kubeconfig.conf": (
            "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://kind-control-plane:6443\n"
            "  name: default\n")}, {"app": "kube-proxy"}),
        _cm("kube-system", "kubeadm-config", {"ClusterConfiguration": (
            "apiVersion: kubeadm.k8s.io/v1beta4\nclusterName: kind\ncontrolPlaneEndpoint: kind-control-plane:6443\n"
            f"kind: ClusterConfiguration\nkubernetesVersion: {KUBE_VERSION}\nnetworking:\n  dnsDomain: cluster.local\n"
            "  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/16\n")}),
        _cm("kube-system", "kubelet-config", {"kubelet": (
            "apiVersion: kubelet.config.k8s.io/v1beta1\nclusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\n"
            "kind: KubeletConfiguration\n")}),
        _cm("kube-public", "cluster-info", {"kubeconfig": (
            "apiVersion: v1\nclusters:\n- cluster:\n    server: https://kind-control-plane:6443\n  name: \"\"\n"
            "kind: Config\n")}),
        _cm("local-path-storage", "local-path-config", {
            "config.json": LOCAL_PATH_CONFIG,
            "helperPod.yaml": ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: helper-pod\nspec:\n  containers:\n"
                               f"  - name: helper-pod\n    image: {IMAGES['local-path-helper']}\n"),
            "setup": "#!/bin/sh\nset -eu\nmkdir -m 0777 -p \"$VOL_DIR\"\n",
            "teardown": "#!/bin/sh\nset -eu\nrm -rf \"$VOL_DIR\"\n"}),
    ]
    out += [{"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": n, "namespace": "kube-system"}}
            for n in CONTROLLER_ACCOUNTS]
    out.append({"apiVersion": "v1", "kind": "ServiceAccount",
                "metadata": {"name": "local-path-provisioner-service-account", "namespace": "local-path-storage"}})
    out.append({"apiVersion": "v1", "kind": "Service",
                "metadata": {"name": "kube-dns", "namespace": "kube-system",
                             "labels": {"k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true",
                                        "kubernetes.io/name": "CoreDNS"},
                             "annotations": {"prometheus.io/port": "9153", "prometheus.io/scrape": "true"}},
                "spec": {"clusterIP": "10.96.0.10", "selector": dict(dns_labels),
                         "ports": [{"name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53},
                                   {"name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53},
                                   {"name": "metrics", "port": 9153, "protocol": "TCP", "targetPort": 9153}]}})
    out.append({"apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": {"name": "coredns", "namespace": "kube-system", "labels": dict(dns_labels)},
                "spec": {"replicas": 2, "selector": {"matchLabels": dict(dns_labels)},
                         "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
                         "template": {"metadata": {"labels": dict(dns_labels)}, "spec": {
                             "affinity": {"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
                                 {"weight": 100, "podAffinityTerm": {"labelSelector": {"matchExpressions": [
                                     {"key": "k8s-app", "operator": "In", "values": ["kube-dns"]}]},
                                     "topologyKey": "kubernetes.io/hostname"}}]}},
                             "containers": [{
                                 "name": "coredns", "image": IMAGES["coredns"], "imagePullPolicy": "IfNotPresent",
                                 "args": ["-conf", "/etc/coredns/Corefile"],
                                 "ports": [{"name": "dns", "containerPort": 53, "protocol": "UDP"},
                                           {"name": "dns-tcp", "containerPort": 53, "protocol": "TCP"},
                                           {"name": "metrics", "containerPort": 9153, "protocol": "TCP"},
                                           {"name": "liveness-probe", "containerPort": 8080, "protocol": "TCP"},
                                           {"name": "readiness-probe", "containerPort": 8181, "protocol": "TCP"}],
                                 "livenessProbe": _http("/health", "liveness-probe", failureThreshold=5,
                                                        initialDelaySeconds=60, periodSeconds=10, successThreshold=1,
                                                        timeoutSeconds=5),
                                 "readinessProbe": _http("/ready", "readiness-probe", failureThreshold=3,
                                                         periodSeconds=10, successThreshold=1, timeoutSeconds=1),
                                 "resources": {"limits": {"memory": "170Mi"},
                                               "requests": {"cpu": "100m", "memory": "70Mi"}},
                                 "securityContext": {"allowPrivilegeEscalation": False,
                                                     "capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]},
                                                     "readOnlyRootFilesystem": True},
                                 "volumeMounts": [{"name": "config-volume", "mountPath": "/etc/coredns",
                                                   "readOnly": True}]}],
                             "dnsPolicy": "Default", "nodeSelector": {"kubernetes.io/os": "linux"},
                             "priorityClassName": "system-cluster-critical", "serviceAccountName": "coredns",
                             "tolerations": [{"key": "CriticalAddonsOnly", "operator": "Exists"},
                                             {"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"}],
                             "volumes": [{"name": "config-volume", "configMap": {
                                 "name": "coredns", "items": [{"key": "Corefile", "path": "Corefile"}]}}]}}}})
    out.append(_daemonset("kube-proxy", {"k8s-app": "kube-proxy"}, {"k8s-app": "kube-proxy"}, {
        "name": "kube-proxy", "image": IMAGES["kube-proxy"], "imagePullPolicy": "IfNotPresent",
        "command": ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf",
                    "--hostname-override=$(NODE_NAME)"],
        "env": [{"name": "NODE_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "spec.nodeName"}}}],
        "securityContext": {"privileged": True},
        "volumeMounts": [{"name": "kube-proxy", "mountPath": "/var/lib/kube-proxy"},
                         {"name": "xtables-lock", "mountPath": "/run/xtables.lock"},
                         {"name": "lib-modules", "mountPath": "/lib/modules", "readOnly": True}]},
        [{"name": "kube-proxy", "configMap": {"name": "kube-proxy"}},
         {"name": "xtables-lock", "hostPath": {"path": "/run/xtables.lock", "type": "FileOrCreate"}},
         {"name": "lib-modules", "hostPath": {"path": "/lib/modules"}}], "system-node-critical", "kube-proxy"))
    out.append(_daemonset("kindnet", {"app": "kindnet", "k8s-app": "kindnet", "tier": "node"}, {"app": "kindnet"}, {
        "name": "kindnet-cni", "image": IMAGES["kindnetd"], "imagePullPolicy": "IfNotPresent",
        "command": ["/bin/kindnetd"],
        "env": [{"name": "HOST_IP", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "status.hostIP"}}},
                {"name": "POD_IP", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "status.podIP"}}},
                {"name": "POD_SUBNET", "value": "10.244.0.0/16"},
                {"name": "CONTROL_PLANE_ENDPOINT", "value": "kind-control-plane:6443"}],
        "resources": {"limits": {"cpu": "100m", "memory": "50Mi"}, "requests": {"cpu": "100m", "memory": "50Mi"}},
        "securityContext": {"capabilities": {"add": ["NET_RAW", "NET_ADMIN"]}, "privileged": False},
        "volumeMounts": [{"name": "cni-cfg", "mountPath": "/etc/cni/net.d"},
                         {"name": "xtables-lock", "mountPath": "/run/xtables.lock"},
                         {"name": "lib-modules", "mountPath": "/lib/modules", "readOnly": True},
                         {"name": "nri-plugin", "mountPath": "/var/run/nri"}]},
        [{"name": "cni-cfg", "hostPath": {"path": "/etc/cni/net.d", "type": "DirectoryOrCreate"}},
         {"name": "xtables-lock", "hostPath": {"path": "/run/xtables.lock", "type": "FileOrCreate"}},
         {"name": "lib-modules", "hostPath": {"path": "/lib/modules"}},
         {"name": "nri-plugin", "hostPath": {"path": "/var/run/nri"}}], None, "kindnet"))
    out.append({"apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": {"name": "local-path-provisioner", "namespace": "local-path-storage"},
                "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "local-path-provisioner"}},
                         "template": {"metadata": {"labels": {"app": "local-path-provisioner"}}, "spec": {
                             "containers": [{
                                 "name": "local-path-provisioner", "image": IMAGES["local-path-provisioner"],
                                 "imagePullPolicy": "IfNotPresent",
                                 "command": ["local-path-provisioner", "--debug", "start", "--helper-image",
                                             IMAGES["local-path-helper"], "--config", "/etc/config/config.json"],
                                 "env": [{"name": "POD_NAMESPACE", "valueFrom": {"fieldRef": {
                                     "apiVersion": "v1", "fieldPath": "metadata.namespace"}}},
                                         {"name": "CONFIG_MOUNT_PATH", "value": "/etc/config/"}],
                                 "volumeMounts": [{"name": "config-volume", "mountPath": "/etc/config/"}]}],
                             "nodeSelector": {"kubernetes.io/os": "linux"},
                             "serviceAccountName": "local-path-provisioner-service-account",
                             "tolerations": [{"key": "node-role.kubernetes.io/control-plane", "operator": "Equal",
                                              "effect": "NoSchedule"},
                                             {"key": "node-role.kubernetes.io/master", "operator": "Equal",
                                              "effect": "NoSchedule"}],
                             "volumes": [{"name": "config-volume", "configMap": {"name": "local-path-config"}}]}}}})
    return out


def _daemonset(name: str, labels: dict[str, str], selector: dict[str, str], container: Obj, volumes: list[Obj],
               priority_class: str | None, account: str) -> Obj:
    spec: Obj = {"containers": [container], "hostNetwork": True, "serviceAccountName": account,
                 "tolerations": [{"operator": "Exists"}], "volumes": volumes}
    if priority_class:
        spec["priorityClassName"] = priority_class
        spec["nodeSelector"] = {"kubernetes.io/os": "linux"}
    return {"apiVersion": "apps/v1", "kind": "DaemonSet",
            "metadata": {"name": name, "namespace": "kube-system", "labels": labels},
            "spec": {"selector": {"matchLabels": selector},
                     "template": {"metadata": {"labels": dict(labels)}, "spec": spec},
                     "updateStrategy": {"type": "RollingUpdate",
                                        "rollingUpdate": {"maxSurge": 0, "maxUnavailable": 1}}}}
