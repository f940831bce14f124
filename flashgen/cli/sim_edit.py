"""`flashgen sim scale | expose | label | set image`: the kubectl commands that change one object in place."""

from __future__ import annotations

import copy
from typing import Any

import click

from flashgen.cli.sim_common import Ctx, cluster, handle, pass_ctx, ref, split_target

SCALABLE = ("Deployment", "ReplicaSet", "StatefulSet", "ReplicationController")
EXPOSABLE = ("Pod", "Service", "Deployment", "ReplicaSet", "ReplicationController")


def _targets(args: tuple[str, ...], verb: str) -> list[tuple[Any, str]]:
    """`KIND NAME...` or `KIND/NAME...`, each with a name."""
    targets = split_target(args)
    if any(name is None for _, name in targets):
        raise click.UsageError(f"resource(s) were provided, but no name was specified (e.g. `{verb} deployment web`)")
    return [(k, name) for k, name in targets if name is not None]


@click.command()
@click.argument("args", nargs=-1, required=True)
@click.option("--replicas", type=click.IntRange(min=0), required=True, help="The new number of replicas.")
@click.option("-n", "--namespace", default=None)
@pass_ctx
@handle
def scale(ctx: Ctx, args: tuple[str, ...], replicas: int, namespace: str | None) -> None:
    """Set the replica count: scale deployment NAME --replicas N (or deploy/NAME)."""
    targets = _targets(args, "scale")
    for k, _ in targets:
        if k.kind not in SCALABLE:
            raise click.UsageError(f'cannot scale a {k.kind}: scale works on {", ".join(s.lower() for s in SCALABLE)}')
    with cluster(ctx, write=True, settle=True) as c:
        for k, name in targets:
            c.scale(k.kind, name, replicas, namespace)
            click.echo(f"{ref(k)}/{name} scaled")


def _selector(obj: dict) -> dict[str, str]:
    """The labels a Service for this object selects, as kubectl expose takes them."""
    kind, spec = obj["kind"], obj.get("spec") or {}
    if kind == "Pod":
        labels = (obj.get("metadata") or {}).get("labels") or {}
    elif kind in ("Service", "ReplicationController"):
        labels = spec.get("selector") or {}
    else:
        selector = spec.get("selector") or {}
        if selector.get("matchExpressions"):
            raise click.ClickException("couldn't convert expressions to a selector: the selector uses "
                                       "matchExpressions; write the Service by hand")
        labels = selector.get("matchLabels") or {}
    if not labels:
        raise click.ClickException(f"couldn't find a selector for {kind} {obj['metadata']['name']}: give it labels")
    return dict(labels)


def _pod_spec(obj: dict) -> dict:
    """The pod spec an object runs: its own (a Pod), its job template's (a CronJob) or its pod template's."""
    spec = obj.get("spec") or {}
    if obj["kind"] == "Pod":
        return spec
    if obj["kind"] == "CronJob":
        spec = (spec.get("jobTemplate") or {}).get("spec") or {}
    return (spec.get("template") or {}).get("spec") or {}


def _container_ports(obj: dict) -> list[dict]:
    if obj["kind"] == "Service":
        return [{"containerPort": p.get("port"), "protocol": p.get("protocol", "TCP")}
                for p in (obj.get("spec") or {}).get("ports") or []]
    return [p for c in _pod_spec(obj).get("containers") or [] for p in c.get("ports") or []]


@click.command()
@click.argument("args", nargs=-1, required=True)
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="The service's port (default: the "
                                                                           "container's port).")
@click.option("--target-port", default=None, help="The container port it forwards to (default: --port).")
@click.option("--type", "type_", type=click.Choice(["ClusterIP", "NodePort", "LoadBalancer"]), default="ClusterIP",
              show_default=True)
@click.option("--name", default=None, help="The service's name (default: the object's).")
@click.option("--protocol", type=click.Choice(["TCP", "UDP", "SCTP"]), default=None)
@click.option("-n", "--namespace", default=None)
@pass_ctx
@handle
def expose(ctx: Ctx, args: tuple[str, ...], port: int | None, target_port: str | None, type_: str,
           name: str | None, protocol: str | None, namespace: str | None) -> None:
    """Make a Service for a deployment, replica set, pod or service: expose deployment NAME --port 80."""
    (k, target), *more = _targets(args, "expose")
    if more:
        raise click.UsageError("expose one object at a time")
    if k.kind not in EXPOSABLE:
        raise click.UsageError(f"cannot expose a {k.kind}: expose works on pods, services, deployments, "
                               "replica sets and replication controllers")
    with cluster(ctx, write=True, settle=True) as c:
        obj = c.store.get(k.kind, namespace, target)
        selector = _selector(obj)
        if port is not None:
            ports = [{"port": port, "protocol": protocol or "TCP",
                      "targetPort": int(target_port) if target_port and target_port.isdigit() else
                      target_port or port}]
        else:
            found = _container_ports(obj)
            if not found:
                raise click.ClickException(f"couldn't find port via --port flag or introspection: {k.kind} "
                                           f"{target} names no container port; give --port")
            ports = [{"port": p["containerPort"], "protocol": protocol or p.get("protocol", "TCP"),
                      "targetPort": target_port or p["containerPort"]} for p in found]
            if len(ports) > 1:
                for number, p in enumerate(ports, start=1):
                    p["name"] = f"port-{number}"
        labels = (obj.get("metadata") or {}).get("labels") or {}
        service = {"apiVersion": "v1", "kind": "Service",
                   "metadata": {"name": name or target, **({"labels": dict(labels)} if labels else {})},
                   "spec": {"ports": ports, "selector": selector, "type": type_}}
        made = c.create(service, namespace)
        click.echo(f"service/{made['metadata']['name']} exposed")


@click.command()
@click.argument("args", nargs=-1, required=True)
@click.option("--overwrite", is_flag=True, help="Allow changing a label that has a value.")
@click.option("-n", "--namespace", default=None)
@pass_ctx
@handle
def label(ctx: Ctx, args: tuple[str, ...], overwrite: bool, namespace: str | None) -> None:
    """Add, change or remove labels: label KIND NAME key=value ... key- (remove) [--overwrite]."""
    changes = [a for a in args if "=" in a or a.endswith("-")]
    names = tuple(a for a in args if a not in changes)
    if not changes:
        raise click.UsageError("at least one label update is required (key=value, or key- to remove one)")
    add = dict(a.split("=", 1) for a in changes if "=" in a)
    remove = [a[:-1] for a in changes if "=" not in a]
    with cluster(ctx, write=True, settle=True) as c:
        for k, name in _targets(names, "label"):
            obj = copy.deepcopy(c.store.get(k.kind, namespace, name))
            labels = obj["metadata"].setdefault("labels", {})
            before = dict(labels)
            for key, value in add.items():
                if key in labels and labels[key] != value and not overwrite:
                    raise click.ClickException(f"'{key}' already has a value ({labels[key]}), and --overwrite is false")
                labels[key] = value
            for key in remove:
                labels.pop(key, None)
            if labels == before:
                click.echo(f"{ref(k)}/{name} not labeled")
                continue
            c.replace(obj)
            word = "unlabeled" if len(labels) < len(before) and not overwrite else "labeled"
            click.echo(f"{ref(k)}/{name} {word}")


@click.group("set")
def set_group() -> None:
    """Change one field of objects (image)."""


@set_group.command("image")
@click.argument("args", nargs=-1, required=True)
@click.option("-n", "--namespace", default=None)
@pass_ctx
@handle
def set_image(ctx: Ctx, args: tuple[str, ...], namespace: str | None) -> None:
    """Change container images: set image deployment/NAME CONTAINER=IMAGE ... (`*=IMAGE` for all)."""
    pairs = [a for a in args if "=" in a]
    if not pairs:
        raise click.UsageError("at least one image update is required: CONTAINER=IMAGE, e.g. nginx=nginx:1.27")
    images = dict(a.split("=", 1) for a in pairs)
    with cluster(ctx, write=True, settle=True) as c:
        for k, name in _targets(tuple(a for a in args if "=" not in a), "set image"):
            obj = copy.deepcopy(c.store.get(k.kind, namespace, name))
            spec = _pod_spec(obj)
            containers = (spec.get("initContainers") or []) + (spec.get("containers") or [])
            for container_name in images:
                if container_name != "*" and not any(x["name"] == container_name for x in containers):
                    raise click.ClickException(f'unable to find container named "{container_name}"')
            changed = False
            for x in containers:
                image = images.get(x["name"], images.get("*"))
                if image is not None and x.get("image") != image:
                    x["image"], changed = image, True
            if changed:
                c.replace(obj)
                click.echo(f"{ref(k)}/{name} image updated")
