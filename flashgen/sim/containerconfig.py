"""What the kubelet gives a container at start: its environment and its files, with the kubelet's errors.

Environment, in this order: the image's PATH, HOSTNAME, envFrom (each source's keys sorted, with its
prefix), env (values with $(VAR) references expanded, valueFrom: configMapKeyRef, secretKeyRef, fieldRef,
resourceFieldRef), the Service links of the Services in the pod's namespace that existed when the container
started (unless enableServiceLinks is false) and always the `kubernetes` Service's, then HOME. A missing
ConfigMap, Secret or key that is not optional raises ConfigError with the kubelet's message
(CreateContainerConfigError).

Files: the image's own (servers.IMAGE_FILES), /etc/hostname, /etc/hosts and /etc/resolv.conf as the kubelet
writes them, and every volumeMount: configMap, secret, downwardAPI and projected volumes as the kubelet's
atomic writer lays them out (`key -> ..data/key` links, read-only), emptyDir (shared with the pod's other
containers), hostPath and persistentVolumeClaim (empty), subPath mounts. `volume_problems` lists what keeps
a pod's volumes from mounting (FailedMount)."""

from __future__ import annotations

import base64
import functools
import math
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Callable

from . import images, servers
from .containerfs import ContainerFS

if TYPE_CHECKING:
    from .store import Store

Obj = dict[str, Any]
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount"
DATA_DIR = "..2024_01_29_09_00_00.000000001"
KUBELET_ANNOTATIONS = {"kubernetes.io/config.seen": "", "kubernetes.io/config.source": "api"}
_SUFFIX = {"Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "Pi": 2 ** 50, "Ei": 2 ** 60,
           "n": Decimal("1e-9"), "u": Decimal("1e-6"), "m": Decimal("1e-3"), "": 1, "k": 10 ** 3, "M": 10 ** 6,
           "G": 10 ** 9, "T": 10 ** 12, "P": 10 ** 15, "E": 10 ** 18}


class ConfigError(Exception):
    """The container cannot be configured (CreateContainerConfigError); the message is the kubelet's."""


def quantity(text: Any) -> Decimal:
    """A resource quantity (`125m`, `64Mi`, `1e3`, 2) as a number."""
    m = re.fullmatch(r"([+-]?[0-9.]+(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?", str(text).strip())
    if not m:
        raise ValueError(f"quantities must match the regular expression: {text}")
    try:
        return Decimal(m.group(1)) * Decimal(_SUFFIX[m.group(2) or ""])
    except InvalidOperation:
        raise ValueError(str(text)) from None


def expand_refs(text: str, lookup: Callable[[str], str | None]) -> str:
    """Kubernetes' $(VAR) references: replaced when VAR is defined, kept otherwise; $$ escapes a $."""
    out = []
    i = 0
    while i < len(text):
        if text.startswith("$$", i):
            out.append("$")
            i += 2
            continue
        if text.startswith("$(", i):
            j = text.find(")", i)
            if j > 0:
                name = text[i + 2:j]
                value = lookup(name)
                out.append(value if value is not None else text[i:j + 1])
                i = j + 1
                continue
        out.append(text[i])
        i += 1
    return "".join(out)


def env_name(service: str) -> str:
    return service.upper().replace("-", "_").replace(".", "_")


def service_links(store: "Store", pod: Obj) -> list[tuple[str, str]]:
    """The Docker-link variables of the Services the pod sees (its namespace's, and `kubernetes`)."""
    ns = pod["metadata"].get("namespace", "default")
    svcs = []
    if pod["spec"].get("enableServiceLinks", True):
        svcs = list(store.items("Service", ns))
    master = store.find("Service", "default", "kubernetes")
    if master is not None and all(s["metadata"]["name"] != "kubernetes" or ns != "default" for s in svcs):
        svcs.append(master)
    out: list[tuple[str, str]] = []
    for svc in sorted(svcs, key=lambda s: (s["metadata"]["name"] != "kubernetes", s["metadata"]["name"])):
        spec = svc.get("spec") or {}
        ip = spec.get("clusterIP")
        ports = spec.get("ports") or []
        if not ip or ip == "None" or not ports:
            continue
        prefix = env_name(svc["metadata"]["name"])
        out.append((prefix + "_SERVICE_HOST", ip))
        out.append((prefix + "_SERVICE_PORT", str(ports[0].get("port"))))
        for p in ports:
            if p.get("name"):
                out.append((f"{prefix}_SERVICE_PORT_{env_name(p['name'])}", str(p.get("port"))))
        for i, p in enumerate(ports):
            proto = (p.get("protocol") or "TCP")
            url = f"{proto.lower()}://{ip}:{p.get('port')}"
            if i == 0:
                out.append((prefix + "_PORT", url))
            pp = f"{prefix}_PORT_{p.get('port')}_{proto.upper()}"
            out += [(pp, url), (pp + "_PROTO", proto.lower()), (pp + "_PORT", str(p.get("port"))), (pp + "_ADDR", ip)]
    return out


def hostname_of(pod: Obj) -> str:
    """What `hostname` says in the pod: spec.hostname, else the pod's name (at most 63 characters)."""
    return pod["spec"].get("hostname") or pod["metadata"]["name"][:63].rstrip("-.")


# ----- the downward API -----
def _selected(path: str) -> tuple[str, str | None]:
    m = re.fullmatch(r"metadata\.(labels|annotations)\[['\"](.+)['\"]\]", path)
    return (f"metadata.{m.group(1)}", m.group(2)) if m else (path, None)


def field_value(pod: Obj, path: str, pod_ip: str, host_ip: str) -> str:
    """A fieldRef's value (metadata.name, metadata.labels['app'], status.podIP ...)."""
    meta, spec = pod["metadata"], pod["spec"]
    base, key = _selected(path)
    if base in ("metadata.labels", "metadata.annotations"):
        values = dict(meta.get(base.split(".")[1]) or {})
        if base == "metadata.annotations":
            seen = dict(KUBELET_ANNOTATIONS)
            seen["kubernetes.io/config.seen"] = meta.get("creationTimestamp", "").replace("Z", ".000000000Z")
            values.update(seen)
        if key is not None:
            return values.get(key, "")
        return "\n".join(f'{k}="{_go_quote(v)}"' for k, v in sorted(values.items()))
    simple = {"metadata.name": meta.get("name", ""), "metadata.namespace": meta.get("namespace", "default"),
              "metadata.uid": meta.get("uid", ""), "spec.nodeName": spec.get("nodeName", ""),
              "spec.serviceAccountName": spec.get("serviceAccountName", "default"), "status.hostIP": host_ip,
              "status.hostIPs": host_ip, "status.podIP": pod_ip, "status.podIPs": pod_ip}
    return simple.get(path, "")


def _go_quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def resource_value(pod: Obj, ref: Obj, container: Obj | None, node: Obj | None) -> str:
    """A resourceFieldRef's value: the container's request or limit (a limit left out is the node's
    allocatable), divided by the divisor and rounded up."""
    name = ref.get("containerName")
    if name:
        container = next((c for c in (pod["spec"].get("containers") or []) + (pod["spec"].get("initContainers") or [])
                          if c.get("name") == name), container)
    res = (container or {}).get("resources") or {}
    resource = ref.get("resource", "")
    kind, _, what = resource.partition(".")
    value = (res.get(kind) or {}).get(what)
    if value is None and kind == "requests":
        value = (res.get("limits") or {}).get(what)
        if value is None:
            value = "0"
    if value is None:
        value = ((node or {}).get("status", {}).get("allocatable") or {}).get(what, "0")
    divisor = ref.get("divisor") or "1"
    try:
        n = quantity(value) / quantity(divisor)
    except (ValueError, ArithmeticError):
        return str(value)
    return str(int(math.ceil(n)))


# ----- environment -----
def _source(store: "Store", kind: str, ns: str, ref: Obj, cache: dict) -> Obj | None:
    """The ConfigMap or Secret a reference names; None when it is missing but optional, else ConfigError."""
    key = (kind, ref.get("name", ""))
    if key not in cache:
        cache[key] = store.find(kind, ns, ref.get("name", ""))
    if cache[key] is None and not ref.get("optional"):
        raise ConfigError(f'{kind.lower()} "{ref.get("name", "")}" not found')
    return cache[key]


def _data(obj: Obj) -> dict[str, str]:
    """The text values of a ConfigMap (data and binaryData) or a Secret (base64-decoded)."""
    if obj["kind"] == "Secret":
        out = {}
        for k, v in (obj.get("data") or {}).items():
            try:
                out[k] = base64.b64decode(v).decode("utf-8", "replace")
            except ValueError:
                out[k] = ""
        return out
    out = dict(obj.get("data") or {})
    for k, v in (obj.get("binaryData") or {}).items():
        try:
            out[k] = base64.b64decode(v).decode("utf-8", "replace")
        except ValueError:
            out[k] = ""
    return out


def container_env(store: "Store", pod: Obj, c: Obj, pod_ip: str, host_ip: str, node: Obj | None,
                  image: images.Image | None = None) -> dict[str, str]:
    """The container's environment (see the module's order); ConfigError for what the kubelet refuses."""
    ns = pod["metadata"].get("namespace", "default")
    cache: dict = {}
    user: dict[str, str] = {}

    def referenced(holder: Obj, keys: tuple[str, str]) -> tuple[str, Obj, Obj | None] | None:
        """(kind, reference, object or None when missing but optional) of a ConfigMap or Secret reference."""
        for kind, key in zip(("ConfigMap", "Secret"), keys):
            if holder.get(key) is not None:
                return kind, holder[key], _source(store, kind, ns, holder[key], cache)
        return None
    for src in c.get("envFrom") or []:
        found = referenced(src, ("configMapRef", "secretRef"))
        if found is not None and found[2] is not None:
            for k, v in sorted(_data(found[2]).items()):
                user[(src.get("prefix") or "") + k] = v
    links = service_links(store, pod)
    link_map = dict(links)

    def lookup(name: str) -> str | None:
        if name in user:
            return user[name]
        return link_map.get(name)
    for e in c.get("env") or []:
        name = e.get("name", "")
        if "value" in e and e.get("value") not in (None, ""):
            user[name] = expand_refs(str(e["value"]), lookup)
        elif e.get("valueFrom"):
            vf = e["valueFrom"]
            if vf.get("fieldRef"):
                user[name] = field_value(pod, vf["fieldRef"].get("fieldPath", ""), pod_ip, host_ip)
            elif vf.get("resourceFieldRef"):
                user[name] = resource_value(pod, vf["resourceFieldRef"], c, node)
            else:
                found = referenced(vf, ("configMapKeyRef", "secretKeyRef"))
                if found is not None and found[2] is not None:
                    kind, ref, obj = found
                    data = _data(obj)
                    if ref.get("key") in data:
                        user[name] = data[ref["key"]]
                    elif not ref.get("optional"):
                        raise ConfigError(f"couldn't find key {ref.get('key')} in {kind} {ns}/{ref.get('name')}")
        else:
            user[name] = ""
        link_map.pop(name, None)
    env = {"PATH": PATH, "HOSTNAME": hostname_of(pod)}
    for k, v in user.items():
        env.pop(k, None)
        env[k] = v
    for k, v in links:
        if k not in user:
            env[k] = v
    env.setdefault("HOME", "/root")
    return env


def expand_command(values: list[str] | None, env: dict[str, str]) -> list[str] | None:
    """command/args with their $(VAR) references expanded from the container's environment."""
    if values is None:
        return None
    return [expand_refs(str(v), env.get) for v in values]


# ----- volumes -----
def volume_problems(store: "Store", pod: Obj) -> list[tuple[str, str]]:
    """(volume, message) for each volume a container mounts that cannot be set up now."""
    ns = pod["metadata"].get("namespace", "default")
    mounted = {m.get("name") for c in (pod["spec"].get("containers") or []) + (pod["spec"].get("initContainers")
                                                                               or []) for m in c.get("volumeMounts") or []}
    out = []
    for v in pod["spec"].get("volumes") or []:
        if v.get("name") not in mounted:
            continue
        sources = []
        if v.get("configMap") is not None:
            sources.append(("ConfigMap", v["configMap"], v["configMap"].get("name", "")))
        if v.get("secret") is not None:
            sources.append(("Secret", v["secret"], v["secret"].get("secretName", "")))
        for s in (v.get("projected") or {}).get("sources") or []:
            if s.get("configMap") is not None:
                sources.append(("ConfigMap", s["configMap"], s["configMap"].get("name", "")))
            if s.get("secret") is not None:
                sources.append(("Secret", s["secret"], s["secret"].get("name", "")))
        for kind, src, name in sources:
            obj = store.find(kind, ns, name)
            if obj is None:
                if not src.get("optional"):
                    out.append((v["name"], f'{kind.lower()} "{name}" not found'))
                    break
                continue
            data = _data(obj)
            missing = [it.get("key") for it in src.get("items") or [] if it.get("key") not in data]
            if missing and not src.get("optional"):
                what = "configmap references non-existent config key" if kind == "ConfigMap" else \
                    "references non-existent secret key"
                out.append((v["name"], f"{what}: {missing[0]}"))
                break
    return out


def _atomic(fs: ContainerFS, mount: str, files: list[tuple[str, str, int]]) -> None:
    """Lay out files as the kubelet's atomic writer does: a timestamped directory, ..data pointing at it,
    and a link per top-level entry."""
    data_dir = f"{mount.rstrip('/')}/{DATA_DIR}"
    fs.mkdir(data_dir, True, force=True)
    for rel, text, mode in files:
        fs.write(f"{data_dir}/{rel}", text, mode=mode, force=True)
    fs.link(f"{mount.rstrip('/')}/..data", DATA_DIR)
    for top in sorted({rel.split("/", 1)[0] for rel, _, _ in files}):
        fs.link(f"{mount.rstrip('/')}/{top}", f"..data/{top}")


def _source_files(store: "Store", pod: Obj, kind: str, src: Obj, name: str, default_mode: int) -> list[tuple[str, str, int]]:
    obj = store.find(kind, pod["metadata"].get("namespace", "default"), name)
    if obj is None:
        return []
    data = _data(obj)
    items = src.get("items")
    if items:
        return [(it.get("path", it.get("key", "")), data[it["key"]], int(it.get("mode", default_mode)))
                for it in items if it.get("key") in data]
    return [(k, v, default_mode) for k, v in sorted(data.items())]


def _downward_files(pod: Obj, items: list[Obj], default_mode: int, pod_ip: str, host_ip: str,
                    node: Obj | None) -> list[tuple[str, str, int]]:
    out = []
    for it in items or []:
        if it.get("fieldRef"):
            text = field_value(pod, it["fieldRef"].get("fieldPath", ""), pod_ip, host_ip)
        elif it.get("resourceFieldRef"):
            text = resource_value(pod, it["resourceFieldRef"], None, node)
        else:
            continue
        out.append((it.get("path", ""), text, int(it.get("mode", default_mode))))
    return out


def volume_files(store: "Store", pod: Obj, volume: Obj, pod_ip: str, host_ip: str,
                 node: Obj | None) -> list[tuple[str, str, int]] | None:
    """The files of a configMap, secret, downwardAPI or projected volume (None for other kinds)."""
    if volume.get("configMap") is not None:
        cm = volume["configMap"]
        return _source_files(store, pod, "ConfigMap", cm, cm.get("name", ""), int(cm.get("defaultMode", 0o644)))
    if volume.get("secret") is not None:
        sec = volume["secret"]
        return _source_files(store, pod, "Secret", sec, sec.get("secretName", ""), int(sec.get("defaultMode", 0o644)))
    if volume.get("downwardAPI") is not None:
        d = volume["downwardAPI"]
        return _downward_files(pod, d.get("items") or [], int(d.get("defaultMode", 0o644)), pod_ip, host_ip, node)
    if volume.get("projected") is not None:
        pr = volume["projected"]
        mode = int(pr.get("defaultMode", 0o644))
        files: list[tuple[str, str, int]] = []
        for s in pr.get("sources") or []:
            if s.get("configMap") is not None:
                files += _source_files(store, pod, "ConfigMap", s["configMap"], s["configMap"].get("name", ""), mode)
            elif s.get("secret") is not None:
                files += _source_files(store, pod, "Secret", s["secret"], s["secret"].get("name", ""), mode)
            elif s.get("downwardAPI") is not None:
                files += _downward_files(pod, s["downwardAPI"].get("items") or [], mode, pod_ip, host_ip, node)
            elif s.get("serviceAccountToken") is not None:
                tok = s["serviceAccountToken"]
                files.append((tok.get("path", "token"), _token(pod), mode))
        return files
    return None


def _token(pod: Obj) -> str:
    head = base64.urlsafe_b64encode(b'{"alg":"RS256","kid":"flashgen"}').decode().rstrip("=")
    body = base64.urlsafe_b64encode(('{"sub":"system:serviceaccount:' + pod["metadata"].get("namespace", "default")
                                     + ":" + pod["spec"].get("serviceAccountName", "default") + '"}').encode())
    return f"{head}.{body.decode().rstrip('=')}.c2ltdWxhdGVk"


@functools.lru_cache(maxsize=64)
def image_files(name: str) -> ContainerFS:
    """The directories and files of an image (shared: copy before changing)."""
    fs = ContainerFS()
    for d in ("/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/local",
              "/var", "/var/log", "/var/run", "/var/tmp"):
        fs.mkdir(d, True, force=True)
    for path, text in servers.IMAGE_FILES.get(name, ()):
        fs.write(path, text, force=True)
    return fs


def base_fs(pod: Obj, image: images.Image, pod_ip: str) -> ContainerFS:
    """The image's files and the ones the kubelet writes (/etc/hosts, /etc/hostname, /etc/resolv.conf)."""
    fs = image_files(servers.image_name(image)).copy()
    ns = pod["metadata"].get("namespace", "default")
    host = hostname_of(pod)
    fqdn = host
    if pod["spec"].get("subdomain"):
        fqdn = f"{host}.{pod['spec']['subdomain']}.{ns}.svc.cluster.local\t{host}"
    fs.write("/etc/hostname", host + "\n", force=True)
    fs.write("/etc/hosts", "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost "
                           "ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\n"
                           f"fe00::2\tip6-allrouters\n{pod_ip}\t{fqdn}\n", force=True)
    if pod["spec"].get("dnsPolicy", "ClusterFirst") in ("ClusterFirst", "ClusterFirstWithHostNet") and \
            not (pod["spec"].get("hostNetwork") and pod["spec"].get("dnsPolicy") != "ClusterFirstWithHostNet"):
        resolv = (f"search {ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\n"
                  "options ndots:5\n")
    else:
        resolv = "nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n"
    fs.write("/etc/resolv.conf", resolv, force=True)
    return fs


def container_fs(store: "Store", pod: Obj, c: Obj, image: images.Image, pod_ip: str, host_ip: str,
                 node: Obj | None, shared: dict[str, dict[str, str]] | None = None) -> ContainerFS:
    """The container's files at start. `shared` holds what the pod's other containers wrote into emptyDir
    volumes (volume name -> relative path -> text)."""
    fs = base_fs(pod, image, pod_ip)
    volumes = {v.get("name"): v for v in pod["spec"].get("volumes") or []}
    for m in sorted(c.get("volumeMounts") or [], key=lambda m: len(m.get("mountPath", ""))):
        v = volumes.get(m.get("name"))
        path = m.get("mountPath", "")
        if v is None or not path.startswith("/"):
            continue
        files = volume_files(store, pod, v, pod_ip, host_ip, node)
        readonly = bool(m.get("readOnly")) or files is not None
        sub = (m.get("subPath") or "").strip("/")
        if files is not None:
            if sub:
                for rel, text, mode in files:
                    if rel == sub:
                        fs.write(path, text, mode=mode, force=True)
                    elif rel.startswith(sub + "/"):
                        fs.write(f"{path.rstrip('/')}/{rel[len(sub) + 1:]}", text, mode=mode, force=True)
                if readonly:
                    fs.readonly.append(path)
                continue
            fs.mount(path, readonly=False)
            _atomic(fs, path, files)
            if readonly:
                fs.readonly.append(path)
            continue
        fs.mount(path, readonly=False)
        for rel, text in sorted(((shared or {}).get(m.get("name", "")) or {}).items()):
            if sub:
                if not rel.startswith(sub + "/"):
                    continue
                rel = rel[len(sub) + 1:]
            fs.write(f"{path.rstrip('/')}/{rel}", text, force=True)
        if readonly:
            fs.readonly.append(path)
    return fs


def emptydir_mounts(pod: Obj, c: Obj) -> list[tuple[str, str, str]]:
    """(volume name, mountPath, subPath) of the container's emptyDir mounts."""
    kinds = {v.get("name"): v for v in pod["spec"].get("volumes") or []}
    return [(m["name"], m.get("mountPath", ""), (m.get("subPath") or "").strip("/"))
            for m in c.get("volumeMounts") or []
            if m.get("name") in kinds and "emptyDir" in kinds[m["name"]]]
