"""OpenAPI v3 documents (/openapi/v3 and one per group-version) built from the Kubernetes 1.33 JSON schemas
shipped in the kubernetes-validate package.

kubectl reads them to decide that the server validates fields itself (a PATCH operation per kind that takes the
`fieldValidation` query parameter), and `kubectl explain` reads the schemas."""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources as importlib_resources
from typing import Any

from flashgen.sim import kinds

from .paths import group_versions

K8S_VERSION = "v1.33.0"
QUERY_PARAMS = ("fieldValidation", "fieldManager", "dryRun", "pretty")
INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"


class OpenAPIUnavailable(Exception):
    """The kubernetes-validate schemas are not installed."""


@functools.lru_cache(maxsize=1)
def _definitions() -> dict[str, Any]:
    try:
        root = importlib_resources.files("kubernetes_validate") / "kubernetes-json-schema" / \
            f"{K8S_VERSION}-local" / "_definitions.json"
        return json.loads(root.read_text(encoding="utf-8"))["$defs"]
    except (ModuleNotFoundError, FileNotFoundError, KeyError, ValueError) as e:
        raise OpenAPIUnavailable(f"the Kubernetes {K8S_VERSION} schemas of kubernetes-validate are missing ({e})") \
            from None


def _convert(node: Any, name: str = "") -> Any:
    """JSON Schema 2020-12 (nullable type lists, $defs) to the OpenAPI 3.0 shapes the API server publishes."""
    if name == INT_OR_STRING:
        return {"type": "string", "format": "int-or-string"}
    if name == QUANTITY:
        return {"type": "string"}
    if isinstance(node, list):
        return [_convert(x) for x in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return {"$ref": node["$ref"].replace("#/$defs/", "#/components/schemas/")}
    out: dict[str, Any] = {}
    for k, v in node.items():
        if k in ("$schema", "$id"):
            continue
        if k == "type" and isinstance(v, list):
            types = [t for t in v if t != "null"]
            out[k] = types[0] if types else "object"
        elif k == "oneOf" and all(isinstance(x, dict) and set(x) == {"type"} for x in v):
            out["type"] = "string"
        elif k == "properties" and isinstance(v, dict):
            props = {}
            for pk, pv in v.items():
                pv = _convert(pv)
                if pk in ("apiVersion", "kind") and isinstance(pv, dict):
                    pv.pop("enum", None)
                props[pk] = pv
            out[k] = props
        else:
            out[k] = _convert(v)
    return out


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            found.add(ref[len("#/$defs/"):])
        for v in node.values():
            _refs(v, found)
    elif isinstance(node, list):
        for v in node:
            _refs(v, found)


def _closure(names: list[str]) -> list[str]:
    defs = _definitions()
    seen: set[str] = set()
    todo = [n for n in names if n in defs]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        found: set[str] = set()
        _refs(defs[n], found)
        todo.extend(f for f in found if f not in seen and f in defs)
    return sorted(seen)


def _kind_schemas(group_version: str) -> dict[str, str]:
    """kind (and kind + "List") -> definition name, for the kinds the simulator serves in this group-version."""
    served = {k.kind for k in kinds.KINDS if k.api_version == group_version}
    out: dict[str, str] = {}
    for name, d in _definitions().items():
        props = d.get("properties") or {}
        kind_enum = (props.get("kind") or {}).get("enum") or []
        av_enum = (props.get("apiVersion") or {}).get("enum") or []
        if av_enum == [group_version] and len(kind_enum) == 1:
            k = kind_enum[0]
            if k in served or (k.endswith("List") and k[:-4] in served):
                out[k] = name
    return out


def _gvk(group_version: str, kind: str) -> dict[str, str]:
    group, _, version = group_version.rpartition("/")
    return {"group": group, "version": version, "kind": kind}


def _operation(action: str, group_version: str, kind: str, schema: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{schema}"}
    return {"operationId": f"{action}{kind}", "x-kubernetes-action": action,
            "x-kubernetes-group-version-kind": _gvk(group_version, kind),
            "parameters": [{"name": p, "in": "query", "schema": {"type": "string", "uniqueItems": True}}
                           for p in QUERY_PARAMS],
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref}}}}}


def _paths(group_version: str, schemas: dict[str, str]) -> dict[str, Any]:
    prefix = "/api/v1" if group_version == "v1" else f"/apis/{group_version}"
    out: dict[str, Any] = {}
    for k in kinds.KINDS:
        if k.api_version != group_version or k.kind not in schemas:
            continue
        base = f"{prefix}/namespaces/{{namespace}}/{k.plural}" if k.namespaced else f"{prefix}/{k.plural}"
        schema = schemas[k.kind]
        out[base] = {"get": _operation("list", group_version, k.kind, schemas.get(k.kind + "List", schema)),
                     "post": _operation("post", group_version, k.kind, schema)}
        out[base + "/{name}"] = {verb: _operation(action, group_version, k.kind, schema) for verb, action in
                                 (("get", "get"), ("put", "put"), ("patch", "patch"), ("delete", "delete"))}
    return out


@functools.lru_cache(maxsize=None)
def document(group_version: str) -> bytes:
    """The OpenAPI v3 document of one group-version, as JSON bytes."""
    schemas = _kind_schemas(group_version)
    names = _closure(list(schemas.values()) + ["io.k8s.apimachinery.pkg.apis.meta.v1.Status",
                                               "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"])
    defs = _definitions()
    components: dict[str, Any] = {}
    by_name = {v: k for k, v in schemas.items()}
    for n in names:
        schema = _convert(defs[n], n)
        if n in by_name:
            schema["x-kubernetes-group-version-kind"] = [_gvk(group_version, by_name[n])]
        components[n] = schema
    doc = {"openapi": "3.0.0", "info": {"title": "Kubernetes (flashgen simulated cluster)",
                                        "version": K8S_VERSION},
           "paths": _paths(group_version, schemas), "components": {"schemas": components}}
    return json.dumps(doc, separators=(",", ":")).encode()


def key(group_version: str) -> str:
    """`api/v1` or `apis/apps/v1`, as the /openapi/v3 index names group-versions."""
    return "api/v1" if group_version == "v1" else f"apis/{group_version}"


@functools.lru_cache(maxsize=1)
def index() -> dict[str, Any]:
    """/openapi/v3: where each group-version's document is, with a content hash as kubectl expects."""
    paths = {}
    for gv in group_versions():
        digest = hashlib.sha512(document(gv)).hexdigest()[:32].upper()
        paths[key(gv)] = {"serverRelativeURL": f"/openapi/v3/{key(gv)}?hash={digest}"}
    return {"paths": paths}


def group_version_of(path_key: str) -> str | None:
    """The group-version for `api/v1` or `apis/apps/v1`, if served."""
    for gv in group_versions():
        if key(gv) == path_key.strip("/"):
            return gv
    return None
