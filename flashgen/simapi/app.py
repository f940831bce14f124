"""The Starlette application: routes discovery, OpenAPI and resource paths, and turns refusals into Status."""

from __future__ import annotations

import contextlib
import logging
from typing import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from flashgen.sim import errors

from . import discovery, openapi, openapi_v2, paths, resources, status, subresources
from .runtime import Runtime

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
log = logging.getLogger("flashgen.simapi")
ALLOWED = {"kind": "SelfSubjectAccessReview", "apiVersion": "authorization.k8s.io/v1", "metadata": {}, "spec": {},
           "status": {"allowed": True, "reason": "flashgen's simulated cluster has no authorization: everything is "
                                                 "allowed"}}


def _json_bytes(data: bytes) -> Response:
    return Response(data, media_type="application/json")


async def _dispatch(rt: Runtime, request: Request) -> Response:
    path = "/" + request.path_params.get("path", "").strip("/")
    parts = [p for p in path.split("/") if p]
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
    if request.method == "POST" and path == "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews":
        return JSONResponse(ALLOWED, status_code=201)
    target = paths.parse(path)
    if target is None:
        return status.error(404, f"the server could not find the requested resource ({request.method} {path})")
    if target.kind is None:
        if request.method != "GET":
            return status.error(405, f"the server does not allow the method {request.method} on {path}")
        return JSONResponse(discovery.resources(target.group_version))
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
