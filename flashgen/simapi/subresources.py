"""Subresources: scale (autoscaling/v1 Scale), status, pod logs, pods/eviction (policy/v1 Eviction),
serviceaccounts/token (TokenRequest), and clear refusals for what is not simulated (exec, attach, port-forward,
proxy ...)."""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse

from flashgen.sim import errors, eviction
from flashgen.sim.patch import merge_patch, strategic_merge_patch

from . import reviews, status
from .discovery import SCALABLE
from .paths import Target
from .resources import _patch_body, _patch_type, read_body
from .runtime import Runtime

Obj = dict[str, Any]
UNSUPPORTED = {"exec": "exec (there are no real containers to run commands in)",
               "attach": "attach (there are no real containers)",
               "portforward": "port-forward (there are no real containers)",
               "proxy": "proxying to pods, services or nodes",
               "binding": "bindings", "ephemeralcontainers": "ephemeral containers",
               "resize": "in-place pod resize"}


def _selector(obj: Obj) -> str:
    sel = (obj.get("spec") or {}).get("selector") or {}
    labels = sel.get("matchLabels") if isinstance(sel.get("matchLabels"), dict) else sel
    parts = [f"{k}={v}" for k, v in sorted((labels or {}).items()) if isinstance(v, str)]
    for e in sel.get("matchExpressions") or []:
        values = ",".join(e.get("values") or [])
        op = e.get("operator")
        parts.append({"In": f"{e['key']} in ({values})", "NotIn": f"{e['key']} notin ({values})",
                      "Exists": e["key"], "DoesNotExist": f"!{e['key']}"}.get(op, e["key"]))
    return ",".join(parts)


def scale_of(obj: Obj) -> Obj:
    """The autoscaling/v1 Scale view of a Deployment, ReplicaSet, StatefulSet or ReplicationController."""
    meta = obj["metadata"]
    return {"kind": "Scale", "apiVersion": "autoscaling/v1",
            "metadata": {k: meta[k] for k in ("name", "namespace", "uid", "resourceVersion", "creationTimestamp")
                         if k in meta},
            "spec": {"replicas": obj["spec"].get("replicas", 1)},
            "status": {"replicas": (obj.get("status") or {}).get("replicas", 0), "selector": _selector(obj)}}


async def handle(rt: Runtime, target: Target, request: Request) -> Response:
    k, sub, name = target.kind, target.subresource, target.name
    assert k is not None and sub is not None and name is not None
    ns = target.namespace if k.namespaced else None
    head = sub.split("/")[0]
    if head in UNSUPPORTED:
        return status.unsupported(UNSUPPORTED[head], "only the API objects are simulated")
    if head == "scale" and k.kind in SCALABLE:
        return await _scale(rt, k.kind, ns, name, request)
    if head == "status":
        return await _status(rt, k.kind, ns, name, request)
    if head == "log" and k.kind == "Pod":
        return await _log(rt, ns, name, request)
    if head == "eviction" and k.kind == "Pod" and request.method == "POST":
        body = await read_body(request)
        out = eviction.evict(rt.sim, ns or "default", name, body if isinstance(body, dict) else None)
        rt.mutated()
        return JSONResponse(out, status_code=201)
    if head == "token" and k.kind == "ServiceAccount" and request.method == "POST":
        body = await read_body(request)
        return JSONResponse(reviews.token(rt.sim, ns or "default", name, body if isinstance(body, dict) else {}),
                            status_code=201)
    return status.error(404, f'the server could not find the requested resource ({k.plural}/{sub} "{name}")')


async def _scale(rt: Runtime, kind: str, ns: str | None, name: str, request: Request) -> Response:
    sim = rt.sim
    obj = sim.store.get(kind, ns, name)
    if request.method == "GET":
        return JSONResponse(scale_of(obj))
    if request.method == "PUT":
        body = await read_body(request)
        if not isinstance(body, dict):
            raise errors.bad_request("the request body must be a Scale object")
        rv = (body.get("metadata") or {}).get("resourceVersion")
        if rv and rv != obj["metadata"]["resourceVersion"]:
            raise errors.conflict(f"{sim.store.kind_of(obj['apiVersion'], kind).resource}", name)
        new = body
    elif request.method == "PATCH":
        patch = await _patch_body(request)
        fn = merge_patch if _patch_type(request) == "merge" else strategic_merge_patch
        new = fn(scale_of(obj), patch)
    else:
        return status.error(405, f"the server does not allow the method {request.method} on scale")
    replicas = (new.get("spec") or {}).get("replicas")
    if not isinstance(replicas, int):
        raise errors.bad_request("spec.replicas of a Scale must be an integer")
    out = sim.scale(kind, name, replicas, ns)
    rt.mutated()
    return JSONResponse(scale_of(out))


async def _status(rt: Runtime, kind: str, ns: str | None, name: str, request: Request) -> Response:
    sim = rt.sim
    obj = sim.store.get(kind, ns, name)
    if request.method == "GET":
        return JSONResponse(obj)
    if request.method == "PUT":
        new = await read_body(request)
    elif request.method == "PATCH":
        patch = await _patch_body(request)
        fn = merge_patch if _patch_type(request) == "merge" else strategic_merge_patch
        new = fn(obj, patch)
    else:
        return status.error(405, f"the server does not allow the method {request.method} on status")
    if not isinstance(new, dict):
        raise errors.bad_request("the request body must be a JSON object")
    new.setdefault("metadata", {}).setdefault("name", name)
    new["metadata"].setdefault("namespace", obj["metadata"].get("namespace"))
    new.setdefault("apiVersion", obj["apiVersion"])
    new.setdefault("kind", kind)
    out = sim.store.update(new, subresource="status")
    sim.settle()
    rt.mutated()
    return JSONResponse(out)


def _log_lines(rt: Runtime, ns: str | None, name: str, container: str | None, previous: bool) -> list[str]:
    return rt.sim.logs(name, ns, container, previous)


def _running(rt: Runtime, ns: str | None, name: str, container: str | None) -> bool:
    pod = rt.sim.store.find("Pod", ns, name)
    if pod is None:
        return False
    cname = container or pod["spec"]["containers"][0]["name"]
    for cs in (pod.get("status") or {}).get("containerStatuses") or []:
        if cs["name"] == cname:
            state = cs.get("state") or {}
            return "running" in state or "waiting" in state
    return True


async def _log(rt: Runtime, ns: str | None, name: str, request: Request) -> Response:
    if request.method != "GET":
        return status.error(405, f"the server does not allow the method {request.method} on pods/log")
    q = request.query_params
    container = q.get("container") or None
    previous = q.get("previous", "").lower() == "true"
    tail = int(q["tailLines"]) if q.get("tailLines", "").lstrip("-").isdigit() else None
    lines = _log_lines(rt, ns, name, container, previous)
    shown = lines[-tail:] if tail is not None and tail >= 0 else lines
    if tail == 0:
        shown = []
    if q.get("follow", "").lower() != "true" or previous:
        return PlainTextResponse("".join(line + "\n" for line in shown))

    async def follow() -> AsyncIterator[bytes]:
        sent = len(lines)
        for line in shown:
            yield (line + "\n").encode()
        while not rt.stopping:
            try:
                now = _log_lines(rt, ns, name, container, False)
            except errors.ApiError:
                return
            for line in now[sent:]:
                yield (line + "\n").encode()
            sent = max(sent, len(now))
            if not _running(rt, ns, name, container):
                return
            await rt.wait_for_change(0.5)
            await asyncio.sleep(0)

    return StreamingResponse(follow(), media_type="text/plain")
