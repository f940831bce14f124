"""A real cluster behind a kubeconfig context, through the official `kubernetes` client."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import urllib3
from kubernetes import client as k8s_client
from kubernetes import config as k8s_config
from kubernetes.client.exceptions import ApiException
from kubernetes.config.config_exception import ConfigException

from flashgen.kube.cluster import ClusterError, Obj

FIELD_MANAGER = "flashgen"
STRATEGIC = "application/strategic-merge-patch+json"
MERGE = "application/merge-patch+json"


class RejectedError(Exception):
    """The API server refused an object (invalid, conflict ...), as kubectl would report it."""

    def __init__(self, code: int, reason: str, message: str):
        super().__init__(message)
        self.code, self.reason, self.message = code, reason, message


def kubeconfig_paths(kubeconfig: str | os.PathLike | None = None) -> list[Path]:
    """The kubeconfig files to read: the explicit one, else $KUBECONFIG's list, else ~/.kube/config."""
    if kubeconfig:
        return [Path(kubeconfig).expanduser()]
    env = os.environ.get("KUBECONFIG")
    if env:
        return [Path(p).expanduser() for p in env.split(os.pathsep) if p]
    return [Path("~/.kube/config").expanduser()]


KIND_HINT = "is the cluster running? (`kind get clusters`, `docker ps`)"


def _unreachable(host: str, exc: BaseException, start_hint: str = KIND_HINT) -> ClusterError:
    reason = getattr(exc, "reason", None) or exc
    text = str(reason)
    if "refused" in text.lower():
        why = f"connection refused; {start_hint}"
    elif isinstance(reason, urllib3.exceptions.ConnectTimeoutError) or "timed out" in text:
        why = f"no answer; {start_hint}"
    elif isinstance(reason, urllib3.exceptions.NameResolutionError) or "resolve" in text.lower():
        why = "unknown host name"
    elif isinstance(reason, urllib3.exceptions.SSLError) or "SSL" in text or "certificate" in text:
        why = f"TLS failed: {text.split(':', 1)[-1].strip()[:200]}"
    else:
        why = text[:200]
    return ClusterError(f"cannot reach the cluster at {host} ({why})")


class RealCluster:
    """`flashgen.kube.cluster.Cluster` over the Kubernetes API of a kubeconfig context; objects are plain dicts."""

    def __init__(self, context: str | None = None, kubeconfig: str | os.PathLike | None = None,
                 connect_timeout: float = 3.0, read_timeout: float = 30.0):
        paths = kubeconfig_paths(kubeconfig)
        existing = [p for p in paths if p.is_file()]
        looked = ", ".join(str(p) for p in paths)
        if not existing:
            raise ClusterError(f"no kubeconfig found (looked at {looked}); "
                               "create a cluster with `kind create cluster` or use --sim")
        config_file = os.pathsep.join(str(p) for p in existing)
        configuration = k8s_client.Configuration()
        try:
            contexts, active = k8s_config.list_kube_config_contexts(config_file=config_file)
            k8s_config.load_kube_config(config_file=config_file, context=context,
                                        client_configuration=configuration, persist_config=False)
        except ConfigException as exc:
            known = ""
            try:
                names = [c["name"] for c in contexts]  # type: ignore[possibly-undefined]
                known = f" (contexts: {', '.join(names)})" if names else ""
            except Exception:
                pass
            raise ClusterError(f"kubeconfig {looked}: {exc}{known}") from None
        except Exception as exc:  # a malformed file: YAML errors, wrong types, missing cert files
            raise ClusterError(f"cannot use kubeconfig {looked}: {type(exc).__name__}: {exc}") from None
        configuration.retries = 0
        if not configuration.verify_ssl:  # the kubeconfig asked for it (insecure-skip-tls-verify), as kubectl allows
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        self.context = context or (active or {}).get("name", "")
        chosen = next((c for c in contexts if c.get("name") == self.context), None) or {}
        # the namespace kubectl would use for this context (None: kubectl's "default")
        self.default_namespace: str | None = (chosen.get("context") or {}).get("namespace") or None
        self.host = configuration.host
        self.start_hint = KIND_HINT  # what to suggest when nothing answers
        self.name = f"context {self.context}" if self.context else f"cluster {self.host}"
        self._timeouts = (connect_timeout, read_timeout)
        self._api = k8s_client.ApiClient(configuration)
        self._resources: dict[tuple[str, str], tuple[str, str, bool]] = {}

    # -- HTTP -------------------------------------------------------------------------------

    def _request(self, method: str, path: str, query: list[tuple[str, str]] | None = None,
                 body: Any = None, content_type: str | None = None) -> tuple[int, Any]:
        headers = {"Accept": "application/json"}
        if content_type:
            headers["Content-Type"] = content_type
        elif body is not None:
            headers["Content-Type"] = "application/json"
        try:
            method, url, headers, body, post = self._api.param_serialize(
                method, path, query_params=query or [], header_params=headers, body=body,
                auth_settings=["BearerToken"])
            response = self._api.call_api(method, url, headers, body, post, _request_timeout=self._timeouts)
            raw = response.read()
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise _unreachable(self.host, exc, self.start_hint) from None
        except ApiException as exc:
            raise _unreachable(self.host, Exception(exc.reason or str(exc)), self.start_hint) from None
        try:
            data = json.loads(raw) if raw else None
        except ValueError:
            data = None
        status = response.status
        if status == 401:
            raise ClusterError(f"not authorized by the cluster at {self.host} (401): the credentials in the "
                               "kubeconfig were refused; recreate them (e.g. `kind export kubeconfig`)")
        if status == 403:
            message = data.get("message") if isinstance(data, dict) else ""
            raise ClusterError(f"access forbidden: {message or f'{method} {path}'}")
        if data is None and 200 <= status < 300:
            raise ClusterError(f"the cluster at {self.host} answered {method} {path} with something that is not JSON")
        return status, data

    @staticmethod
    def _status_error(status: int, data: Any, what: str) -> RejectedError:
        if isinstance(data, dict) and data.get("kind") == "Status":
            return RejectedError(status, data.get("reason", ""), data.get("message", what))
        return RejectedError(status, "", f"{what}: HTTP {status}")

    # -- discovery ----------------------------------------------------------------------------

    def _resource(self, api_version: str, kind: str) -> tuple[str, str, bool]:
        """(API prefix, plural, namespaced) for a kind, from the server's discovery documents."""
        key = (api_version, kind)
        if key in self._resources:
            return self._resources[key]
        prefix = "/api/v1" if api_version == "v1" else f"/apis/{api_version}"
        status, data = self._request("GET", prefix)
        if status == 404 or not isinstance(data, dict):
            raise ClusterError(f"the cluster does not serve {api_version} (needed for {kind})")
        if status >= 300:
            raise ClusterError(f"discovery of {api_version} failed: HTTP {status}")
        for res in data.get("resources") or []:
            if "/" not in res.get("name", "/") and res.get("kind"):
                self._resources[(api_version, res["kind"])] = (prefix, res["name"], bool(res.get("namespaced")))
        if key not in self._resources:
            raise ClusterError(f"the cluster does not know kind {kind} in {api_version}")
        return self._resources[key]

    def _path(self, api_version: str, kind: str, namespace: str | None, name: str | None = None,
              all_namespaces: bool = False) -> str:
        prefix, plural, namespaced = self._resource(api_version, kind)
        path = prefix
        if namespaced and not (all_namespaces and namespace is None):
            path += f"/namespaces/{quote(namespace or 'default', safe='')}"
        path += f"/{plural}"
        if name is not None:
            path += f"/{quote(name, safe='')}"
        return path

    # -- the Cluster protocol ------------------------------------------------------------------

    def get(self, api_version: str, kind: str, name: str, namespace: str | None = None) -> Obj | None:
        status, data = self._request("GET", self._path(api_version, kind, namespace, name))
        if status == 404:
            return None
        if status >= 300:
            raise ClusterError(str(self._status_error(status, data, f"get {kind} {name}")))
        return data

    def list(self, api_version: str, kind: str, namespace: str | None = None,
             label_selector: str | None = None) -> list[Obj]:
        query = [("labelSelector", label_selector)] if label_selector else []
        status, data = self._request("GET", self._path(api_version, kind, namespace, all_namespaces=True), query)
        if status >= 300:
            raise ClusterError(str(self._status_error(status, data, f"list {kind}")))
        items = data.get("items") or []
        for item in items:
            item.setdefault("apiVersion", api_version)
            item.setdefault("kind", kind)
        return items

    def apply(self, manifest: Obj, namespace: str | None = None) -> Obj:
        api_version, kind = manifest["apiVersion"], manifest["kind"]
        name = manifest["metadata"]["name"]
        ns = manifest["metadata"].get("namespace") or namespace
        _, _, namespaced = self._resource(api_version, kind)
        body = json.loads(json.dumps(manifest))
        if namespaced:
            body["metadata"]["namespace"] = ns or "default"
        query = [("fieldManager", FIELD_MANAGER), ("fieldValidation", "Strict")]
        status, data = self._request("GET", self._path(api_version, kind, ns, name))
        if status == 404:
            status, data = self._request("POST", self._path(api_version, kind, ns), query, body)
        elif status < 300:
            status, data = self._request("PATCH", self._path(api_version, kind, ns, name), query, body, STRATEGIC)
            if status == 415:  # custom resources take no strategic merge patches
                status, data = self._request("PATCH", self._path(api_version, kind, ns, name), query, body, MERGE)
        if status >= 300:
            raise self._status_error(status, data, f"apply {kind} {name}")
        return data

    def delete(self, api_version: str, kind: str, name: str, namespace: str | None = None) -> bool:
        status, data = self._request("DELETE", self._path(api_version, kind, namespace, name),
                                     body={"propagationPolicy": "Background"})
        if status == 404:
            return False
        if status >= 300:
            raise ClusterError(str(self._status_error(status, data, f"delete {kind} {name}")))
        return True

    def wait(self, seconds: float) -> None:
        time.sleep(max(seconds, 0))

    def now(self) -> float:
        return time.time()
