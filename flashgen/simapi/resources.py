"""Create, get, list, watch, update, patch and delete of the simulator's objects over REST."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from flashgen.sim import SimCluster, conversion, errors, patch as patching, validation

from . import fields, jsonpatch, protobuf, status, tables, watch
from .paths import Target
from .runtime import Runtime

Obj = dict[str, Any]
PATCH_TYPES = {"application/strategic-merge-patch+json": "strategic", "application/merge-patch+json": "merge"}
MAX_REQUEST_BYTES = 3 * 1024 * 1024  # the API server refuses larger write requests (etcd's limit, doubled for JSON)
MAX_DEPTH = 100  # objects and arrays inside each other; no Kubernetes object comes near it


def _too_large() -> errors.ApiError:
    return errors.ApiError(413, "RequestEntityTooLarge", f"Request entity too large: limit is {MAX_REQUEST_BYTES}")


async def _raw_body(request: Request) -> bytes:
    """The body, refused (413, as the API server does) beyond MAX_REQUEST_BYTES without reading the rest."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_REQUEST_BYTES:
        raise _too_large()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _check_depth(data: Any) -> None:
    todo = [(data, 1)]
    while todo:
        value, depth = todo.pop()
        if depth > MAX_DEPTH:
            raise errors.bad_request(f"the request body is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            todo.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            todo.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))


async def read_body(request: Request) -> Any:
    """The request body as JSON (the kubernetes client sends POST bodies without a Content-Type); 400 with the
    reason for a body that is not JSON or nests too deeply, 413 for one over the API server's size limit."""
    raw = await _raw_body(request)
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip()
    if ctype == "application/vnd.kubernetes.protobuf":
        return protobuf.decode(raw)
    if ctype == "application/cbor":
        raise errors.ApiError(415, "UnsupportedMediaType", f"flashgen's simulated cluster does not support "
                              f"{ctype} request bodies; send application/json")
    if not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except RecursionError:
        raise errors.bad_request(f"the request body is nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as e:
        raise errors.bad_request(f"the request body is not valid JSON: {e}") from None
    _check_depth(data)
    return data


def _flag(request: Request, name: str) -> bool:
    return request.query_params.get(name, "").lower() in ("true", "1")


def _namespace(target: Target) -> str | None:
    assert target.kind is not None
    return target.namespace if target.kind.namespaced else None


def _matcher(request: Request, name: str | None = None, kind: str | None = None) -> Any:
    by_label = fields.label_matcher(request.query_params.get("labelSelector"))
    by_field = fields.field_matcher(request.query_params.get("fieldSelector"), kind)
    return lambda o: by_label(o) and by_field(o) and (name is None or o["metadata"]["name"] == name)


def _cluster(rt: Runtime, request: Request) -> tuple[SimCluster, bool]:
    """The cluster to change: a throw-away copy for dryRun=All."""
    if request.query_params.get("dryRun"):
        return rt.dry_run_copy(), True
    return rt.sim, False


def _check_kind(target: Target, body: Any) -> Obj:
    assert target.kind is not None
    if not isinstance(body, dict):
        raise errors.bad_request("the request body must be a JSON object")
    body.setdefault("apiVersion", target.kind.api_version)
    body.setdefault("kind", target.kind.kind)
    if body["kind"] != target.kind.kind or body["apiVersion"] != target.kind.api_version:
        raise errors.bad_request(f"the API version in the data ({body['apiVersion']}) does not match the expected "
                                 f"API version ({target.kind.api_version}) or kind {body['kind']} is not "
                                 f"{target.kind.kind}")
    if not isinstance(body.get("metadata", {}), dict):
        validation.check_schema(body, target.kind)  # says which field cannot be decoded, as the API server does
        raise errors.bad_request("metadata must be a JSON object")
    return body


async def collection(rt: Runtime, target: Target, request: Request) -> Response:
    """/…/{plural}: list, watch, create, delete collection."""
    k = target.kind
    assert k is not None
    ns = _namespace(target)
    if request.method == "GET":
        match = _matcher(request, kind=k.kind)
        if ns is not None:
            inner = match
            match = lambda o: o["metadata"].get("namespace") == ns and inner(o)  # noqa: E731
        return await _list_or_watch(rt, target, request, match)
    if request.method == "POST":
        body = _check_kind(target, await read_body(request))
        sim, dry = _cluster(rt, request)
        out = sim.create(body, ns)
        if not dry:
            rt.mutated()
        return JSONResponse(_served(k, out), status_code=201)
    if request.method == "DELETE":
        sim, dry = _cluster(rt, request)
        match = _matcher(request, kind=k.kind)
        gone = []
        for o in list(sim.store.items(k.kind, ns)):
            if match(o) and sim.store.find(k.kind, ns, o["metadata"]["name"]) is not None:
                gone.append(sim.store.delete(k.kind, o["metadata"].get("namespace"), o["metadata"]["name"]))
        sim.settle()
        if not dry:
            rt.mutated()
        return JSONResponse({"kind": f"{k.kind}List", "apiVersion": k.api_version,
                             "metadata": {"resourceVersion": str(sim.store.rv)}, "items": gone})
    return status.error(405, f"the server does not allow the method {request.method} on {k.plural}")


async def _list_or_watch(rt: Runtime, target: Target, request: Request, match: Any) -> Response:
    k = target.kind
    assert k is not None
    accept = request.headers.get("accept")
    as_table = tables.wants_table(accept)
    include = request.query_params.get("includeObject", "Metadata")
    if _flag(request, "watch"):
        timeout = request.query_params.get("timeoutSeconds")
        gen = watch.stream(rt, k.kind, match, request.query_params.get("resourceVersion"),
                           _flag(request, "allowWatchBookmarks"), float(timeout) if timeout else None,
                           include if as_table else None, _flag(request, "sendInitialEvents"))
        return StreamingResponse(gen, media_type="application/json",
                                 headers={"Transfer-Encoding": "chunked", "Cache-Control": "no-cache"})
    sim = rt.sim
    items = [_served(k, o) for o in sim.store.list(k.kind) if match(o)]
    rv = str(sim.store.rv)
    if as_table:
        return JSONResponse(tables.table(k.kind, items, sim.time, rv, include))
    return JSONResponse({"kind": f"{k.kind}List", "apiVersion": k.api_version, "metadata": {"resourceVersion": rv},
                         "items": items})


async def item(rt: Runtime, target: Target, request: Request) -> Response:
    """/…/{plural}/{name}: get, replace, patch, delete."""
    k = target.kind
    assert k is not None and target.name is not None
    ns = _namespace(target)
    name = target.name
    if request.method == "GET":
        if _flag(request, "watch"):
            inner = _matcher(request, name, k.kind)
            return await _list_or_watch(rt, target, request,
                                        lambda o: o["metadata"].get("namespace") == ns and inner(o))
        obj = rt.sim.store.get(k.kind, ns, name)
        if tables.wants_table(request.headers.get("accept")):
            return JSONResponse(tables.table(k.kind, [obj], rt.sim.time, str(rt.sim.store.rv),
                                             request.query_params.get("includeObject", "Metadata")))
        return JSONResponse(_served(k, obj))
    sim, dry = _cluster(rt, request)
    if request.method == "PUT":
        body = _check_kind(target, await read_body(request))
        meta = body.setdefault("metadata", {})
        if meta.get("name") not in (None, name):
            raise errors.bad_request(f"the name of the object ({meta.get('name')}) does not match the name on the "
                                     f"URL ({name})")
        meta["name"] = name
        if ns is not None:
            meta["namespace"] = meta.get("namespace") or ns
        out = sim.replace(body)
    elif request.method == "PATCH":
        ptype = _patch_type(request)
        if ptype == "json":
            current = sim.store.get(k.kind, ns, name)
            new = jsonpatch.apply(current, await read_body(request))
            if not isinstance(new, dict):
                raise errors.bad_request("the JSON patch must leave an object")
            out = sim.replace(new)
        else:
            body = await _patch_body(request)
            if k.stored_as:  # patch the object as this version shows it, then store it back
                current = _served(k, sim.store.get(k.kind, ns, name))
                fn = patching.merge_patch if ptype == "merge" else patching.strategic_merge_patch
                out = sim.replace(fn(current, body))
            else:
                out = sim.patch(k.api_version, k.kind, name, body, ns, ptype)
    elif request.method == "DELETE":
        body = _delete_options(await read_body(request) or {})
        propagation = body.get("propagationPolicy") or request.query_params.get("propagationPolicy") or "Background"
        grace = body.get("gracePeriodSeconds", request.query_params.get("gracePeriodSeconds"))
        if grace is not None and not (isinstance(grace, int) or str(grace).lstrip("-").isdigit()):
            raise errors.bad_request(f'invalid value "{grace}" for gracePeriodSeconds: it must be an integer')
        pre = (body.get("preconditions") or {})
        live = sim.store.get(k.kind, ns, name)
        if pre.get("uid") and pre["uid"] != live["metadata"]["uid"]:
            raise errors.conflict(k.resource, name)
        if pre.get("resourceVersion") and pre["resourceVersion"] != live["metadata"]["resourceVersion"]:
            raise errors.conflict(k.resource, name)
        out = sim.store.delete(k.kind, ns, name, propagation, int(grace) if grace is not None else None)
        sim.settle()
    else:
        return status.error(405, f"the server does not allow the method {request.method} on {k.plural}")
    if not dry:
        rt.mutated()
    return JSONResponse(_served(k, out))


def _served(k: Any, obj: Obj) -> Obj:
    """An object as the requested version serves it (autoscaling/v1 HPAs are stored as v2)."""
    return conversion.to_version(obj, k.api_version) if k.stored_as else obj


_DELETE_OPTIONS = {"propagationPolicy": (str, "string"), "gracePeriodSeconds": (int, "int64"),
                   "preconditions": (dict, "v1.Preconditions"), "orphanDependents": (bool, "bool"),
                   "dryRun": (list, "[]string"), "kind": (str, "string"), "apiVersion": (str, "string")}


def _json_type(value: Any) -> str:
    """What encoding/json calls a decoded value in its errors."""
    for kind, name in ((bool, "bool"), ((int, float), "number"), (str, "string"), (list, "array"), (dict, "object")):
        if isinstance(value, kind):
            return name
    return "null"


def _delete_options(body: Any) -> Obj:
    """A DELETE body: DeleteOptions, whose fields must have their types (400, as the API server decodes it)."""
    if not isinstance(body, dict):
        raise errors.bad_request(f"json: cannot unmarshal {_json_type(body)} into Go value of type v1.DeleteOptions")
    for key, (kind, go) in _DELETE_OPTIONS.items():
        value = body.get(key)
        if value is not None and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
            raise errors.bad_request(f"json: cannot unmarshal {_json_type(value)} into Go struct field "
                                     f"DeleteOptions.{key} of type {go}")
    pre = body.get("preconditions") or {}
    if any(not isinstance(pre.get(key), (str, type(None))) for key in ("uid", "resourceVersion")):
        raise errors.bad_request("json: cannot unmarshal the preconditions of DeleteOptions: uid and "
                                 "resourceVersion must be strings")
    return body


def _patch_type(request: Request) -> str:
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip()
    if ctype in PATCH_TYPES:
        return PATCH_TYPES[ctype]
    if ctype == "application/apply-patch+yaml":
        raise errors.ApiError(415, "UnsupportedMediaType", "flashgen's simulated cluster does not support "
                              "server-side apply; use `kubectl apply` without --server-side")
    if ctype == "application/json-patch+json":
        return "json"
    raise errors.ApiError(415, "UnsupportedMediaType", f"the body of the request was in an unknown format - accepted "
                          f"media types include: {', '.join(PATCH_TYPES)}")


async def _patch_body(request: Request) -> Obj:
    if _patch_type(request) == "json":
        raise errors.ApiError(415, "UnsupportedMediaType", "flashgen's simulated cluster does not support JSON "
                              "patches on subresources; use a merge patch")
    body = await read_body(request)
    if not isinstance(body, dict):
        raise errors.bad_request("the patch must be a JSON object")
    return body
