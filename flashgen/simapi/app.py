"""The Starlette application: routes discovery, OpenAPI and resource paths, and turns refusals into Status."""

from __future__ import annotations

import contextlib
import logging
from typing import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from flashgen.kube import rbac
from flashgen.sim import errors

from . import discovery, identity, metrics, openapi, openapi_v2, paths, resources, reviews, status, subresources
from .runtime import Runtime

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
log = logging.getLogger("flashgen.simapi")


def _json_bytes(data: bytes) -> Response:
    return Response(data, media_type="application/json")


def _extra_target(path: str) -> tuple[str, str, str | None, str | None] | None:
    """(group-version, resource, namespace, name) of a path in a group-version served without stored objects."""
    parts = [p for p in path.split("/") if p]
    if parts[:1] != ["apis"] or len(parts) < 4:
        return None
    gv = f"{parts[1]}/{parts[2]}"
    if gv not in discovery.EXTRA:
        return None
    rest = parts[3:]
    namespace = None
    if rest[0] == "namespaces" and len(rest) >= 3:
        namespace, rest = rest[1], rest[2:]
    if rest[0] not in discovery.EXTRA[gv]:
        return None
    return gv, rest[0], namespace, rest[1] if len(rest) > 1 else None


async def _extra(rt: Runtime, user: rbac.User, request: Request, found: tuple[str, str, str | None, str | None]
                 ) -> Response:
    gv, resource, namespace, name = found
    group = gv.split("/")[0]
    verb = identity.verb_of(request.method, name is not None, False)
    identity.check(rt.sim, user, rbac.Request(verb, group, resource, namespace=namespace or "", name=name or ""))
    if gv == metrics.GROUP_VERSION:
        if request.method != "GET":
            return status.error(405, f"the server does not allow the method {request.method} on {resource}")
        rt.tick()
        match = resources._matcher(request)
        return JSONResponse(metrics.get(rt.sim, resource, namespace, name, match))
    if request.method != "POST":
        return status.error(405, f"the server does not allow the method {request.method} on {resource}")
    body = await resources.read_body(request)
    if not isinstance(body, dict):
        raise errors.bad_request("the request body must be a JSON object")
    return JSONResponse(reviews.create(rt.sim, user, resource, body), status_code=201)


async def _dispatch(rt: Runtime, request: Request) -> Response:
    path = "/" + request.path_params.get("path", "").strip("/")
    parts = [p for p in path.split("/") if p]
    user = identity.impersonate(rt.sim, identity.authenticate(request), request)
    extra = _extra_target(path)
    if extra is not None:
        return await _extra(rt, user, request, extra)
    target = paths.parse(path)
    if target is None or target.kind is None:
        identity.check(rt.sim, user, rbac.Request(request.method.lower() if request.method != "GET" else "get",
                                                  path=path))
    if request.method == "GET":
        if path in ("/healthz", "/livez", "/readyz"):
            return PlainTextResponse("ok")
        if path == "/version":
            return JSONResponse(discovery.version())
        if path in ("/api", "/apis") and discovery.wants_aggregated(request.headers.get("accept")):
            return JSONResponse(discovery.aggregated(core=path == "/api"),
                                headers={"Content-Type": discovery.AGGREGATED, "Vary": "Accept"})
        if path == "/api":
            return JSONResponse(discovery.core_versions())
        if path == "/apis":
            return JSONResponse(discovery.groups())
        if parts[:1] == ["apis"] and len(parts) == 2:
            found = discovery.group(parts[1])
            return JSONResponse(found) if found else status.error(404, f"the server could not find the requested "
                                                                       f"resource (group {parts[1]})")
        if parts[:1] == ["apis"] and len(parts) == 3 and f"{parts[1]}/{parts[2]}" in discovery.EXTRA:
            return JSONResponse(discovery.resources(f"{parts[1]}/{parts[2]}"))
        if path == "/openapi/v3":
            return JSONResponse(openapi.index())
        if parts[:2] == ["openapi", "v3"]:
            gv = openapi.group_version_of("/".join(parts[2:]))
            if gv is None:
                return status.error(404, f"no OpenAPI document for {'/'.join(parts[2:])}")
            return _json_bytes(openapi.document(gv))
        if path in ("/openapi/v2", "/swagger-2.0.0.pb-v1"):
            if "protobuf" in (request.headers.get("accept") or ""):
                return Response(openapi_v2.document(), media_type=openapi_v2.MEDIA_TYPE)
            return status.unsupported("OpenAPI v2 as JSON", "it publishes OpenAPI v3 at /openapi/v3", code=404)
    if target is None:
        return status.error(404, f"the server could not find the requested resource ({request.method} {path})")
    if target.kind is None:
        if request.method != "GET":
            return status.error(405, f"the server does not allow the method {request.method} on {path}")
        return JSONResponse(discovery.resources(target.group_version))
    watch = request.query_params.get("watch", "").lower() in ("true", "1")
    identity.check(rt.sim, user, identity.resource_request(target, request.method, watch))
    rt.tick()
    if target.name is None:
        return await resources.collection(rt, target, request)
    if target.subresource is not None:
        return await subresources.handle(rt, target, request)
    return await resources.item(rt, target, request)


def make_app(rt: Runtime) -> Starlette:
    """The API server application for one Runtime (its clock starts and stops with the application)."""

    async def endpoint(request: Request) -> Response:
        try:
            return await _dispatch(rt, request)
        except errors.ApiError as e:
            return status.from_api_error(e)
        except openapi.OpenAPIUnavailable as e:
            return status.error(503, str(e), "ServiceUnavailable")
        except Exception as e:  # noqa: BLE001 - a client must get a Status, not a dropped connection
            log.exception("request failed: %s %s", request.method, request.url.path)
            return status.error(500, f"flashgen's simulated cluster failed on {request.method} {request.url.path} "
                                     f"({type(e).__name__}: {e}); this is a bug in flashgen, please report it")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await rt.start()
        try:
            yield
        finally:
            await rt.stop()

    return Starlette(routes=[Route("/{path:path}", endpoint, methods=METHODS)], lifespan=lifespan)
