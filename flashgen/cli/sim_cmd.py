"""`flashgen sim`: practise kubectl-style commands against a persistent simulated kind cluster.

Virtual time passes only when you say so: `flashgen sim advance 30s`. To keep practice natural, every command that
changes the cluster (apply, create, run, delete, scale, expose, label, set image, rollout undo) is followed by
MUTATION_SECONDS virtual seconds, about the time it takes to type the next command. Reading commands (get,
describe, logs, rollout history) never move the clock; `rollout status` lets it run while it waits, as kubectl
waits for a real cluster.

`flashgen sim serve` instead serves the same cluster (the same state file) as a Kubernetes API server for the real
kubectl; there the clock runs in real time (times --speed).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from flashgen.cli.sim_common import Ctx, cluster, handle, pass_ctx, ref, split_target
from flashgen.cli.sim_edit import expose, label, scale, set_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--state", "state", type=click.Path(dir_okay=False), default=None,
              help="State file (default $FLASHGEN_SIM_STATE or build/sim/state.json).")
@click.pass_context
def sim(ctx: click.Context, state: str | None) -> None:
    """Drive a simulated kind cluster (1 control plane, 2 workers) with kubectl-like commands.

    Virtual time moves only with `advance`, plus 5 virtual seconds after each command that changes the cluster."""
    ctx.obj = Ctx(state)


for _command in (scale, expose, label, set_group):
    sim.add_command(_command)



@sim.command()
@click.option("-f", "--filename", "files", multiple=True, required=True, help="Manifest file ('-' for stdin).")
@click.option("-n", "--namespace", default=None)
@pass_ctx
@handle
def apply(ctx: Ctx, files: tuple[str, ...], namespace: str | None) -> None:
    """Create or update objects from YAML manifests (several documents and -f allowed)."""
    from flashgen.sim import kinds, manifests
    from flashgen.sim.errors import ApiError
    docs = [d for f in files for d in manifests.read(f)]
    failed = False
    with cluster(ctx, write=True, settle=True) as c:
        for d in docs:
            k = kinds.for_object(str(d.obj.get("apiVersion", "")), str(d.obj.get("kind", "")))
            name = (d.obj.get("metadata") or {}).get("name", "")
            ns = (d.obj.get("metadata") or {}).get("namespace") or namespace
            before = None
            if k is not None and name:
                live = c.store.find(k.kind, ns, name)
                before = live["metadata"]["resourceVersion"] if live else None
            try:
                out = c.apply(d.obj, namespace)
            except ApiError as e:
                verb = "patching" if before else "creating"
                click.echo(f'Error from server ({e.reason}): error when {verb} "{d.source}" (line {d.line}): '
                           f"{e.message}", err=True)
                failed = True
                continue
            k = kinds.for_object(out["apiVersion"], out["kind"])
            after = out["metadata"]["resourceVersion"]
            word = "created" if before is None else ("unchanged" if before == after else "configured")
            click.echo(f"{ref(k)}/{out['metadata']['name']} {word}")
    if failed:
        sys.exit(1)


def _print_objects(c: Any, k: Any, objs: list[dict], output: str | None, all_ns: bool, with_kind: bool,
                   headers: bool = True, show_labels: bool = False) -> None:
    from flashgen.sim import printers
    if output == "name":
        for o in objs:
            click.echo(f"{ref(k)}/{o['metadata']['name']}")
        return
    click.echo(printers.table(k.kind, objs, c.now(), wide=output == "wide", all_namespaces=all_ns,
                              with_kind=ref(k) if with_kind else None, headers=headers, show_labels=show_labels))


def _no_watch(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:
        raise click.UsageError("flashgen sim has no --watch: its clock moves only when you say so "
                               "(`flashgen sim advance 30s`). To watch, run `flashgen sim serve` and use kubectl: "
                               "`kubectl --kubeconfig build/sim/kubeconfig get pods -w`")
    return value


@sim.command()
@click.argument("args", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Choice(["wide", "yaml", "json", "name"]), default=None)
@click.option("-n", "--namespace", default=None)
@click.option("-A", "--all-namespaces", "all_ns", is_flag=True)
@click.option("-l", "--selector", default=None, help="Label selector, e.g. app=web,tier!=db")
@click.option("--no-headers", is_flag=True, help="Leave out the header line.")
@click.option("--show-labels", is_flag=True, help="Add a LABELS column.")
@click.option("-w", "--watch", is_flag=True, expose_value=False, callback=_no_watch,
              help="Not here: watching needs `flashgen sim serve` and kubectl.")
@pass_ctx
@handle
def get(ctx: Ctx, args: tuple[str, ...], output: str | None, namespace: str | None, all_ns: bool,
        selector: str | None, no_headers: bool, show_labels: bool) -> None:
    """Show objects: get KIND [NAME...] (aliases po, deploy, rs, svc, ...; `all`)."""
    from flashgen.sim.errors import not_found
    from flashgen.sim.kubeyaml import to_json, to_yaml
    targets = split_target(args)
    ns = None if all_ns else (namespace or "default")
    with cluster(ctx, write=False) as c:
        found: list[tuple[Any, list[dict]]] = []
        missing = []
        for k, name in targets:
            if name:
                o = c.store.find(k.kind, ns, name)
                if o is None:
                    missing.append(not_found(k.resource, name).message)
                else:
                    found.append((k, [c.store.get(k.kind, ns, name)]))
            else:
                try:
                    objs = c.store.list(k.kind, ns if k.namespaced else None, selector)
                except ValueError as e:
                    raise click.UsageError(str(e))
                if objs:
                    found.append((k, objs))
        if output in ("yaml", "json"):
            items = [o for _, objs in found for o in objs]
            single = len(items) == 1 and len(targets) == 1 and targets[0][1] is not None
            data = items[0] if single else {"apiVersion": "v1", "kind": "List", "items": items,
                                           "metadata": {"resourceVersion": ""}}
            click.echo(to_json(data) if output == "json" else to_yaml(data), nl=False)
        else:
            merged: dict[str, tuple[Any, list[dict]]] = {}
            for k, objs in found:
                merged.setdefault(k.kind, (k, []))[1].extend(objs)
            several = len(merged) > 1 or (args and args[0] == "all")
            for i, (k, objs) in enumerate(merged.values()):
                if i:
                    click.echo("")
                _print_objects(c, k, objs, output, all_ns and k.namespaced, bool(several), not no_headers, show_labels)
        for m in missing:
            click.echo(f"Error from server (NotFound): {m}", err=True)
        if not found and not missing:
            where = "" if all_ns else f" in {ns} namespace"
            if all(not k.namespaced for k, _ in targets):
                where = ""
            click.echo(f"No resources found{where}.", err=True)
        if missing:
            sys.exit(1)


@sim.command()
@click.argument("args", nargs=-1, required=True)
@click.option("-n", "--namespace", default=None)
@click.option("-A", "--all-namespaces", "all_ns", is_flag=True)
@click.option("-l", "--selector", default=None, help="Label selector, e.g. app=web")
@pass_ctx
@handle
def describe(ctx: Ctx, args: tuple[str, ...], namespace: str | None, all_ns: bool, selector: str | None) -> None:
    """Show details and Events: describe KIND NAME (or KIND/NAME, or KIND for all of that kind; a NAME that is no
    object's whole name describes those whose names start with it, as kubectl does)."""
    from flashgen.sim.describe import describe as describe_obj
    from flashgen.sim.errors import not_found
    ns = None if all_ns else (namespace or "default")
    with cluster(ctx, write=False) as c:
        texts = []
        for k, name in split_target(args):
            where = ns if k.namespaced else None
            try:
                objs = c.store.list(k.kind, where, selector)
            except ValueError as e:
                raise click.UsageError(str(e))
            if name:
                exact = [o for o in objs if o["metadata"]["name"] == name]
                objs = exact or [o for o in objs if o["metadata"]["name"].startswith(name)]
                if not objs:
                    raise not_found(k.resource, name)
            texts += [describe_obj(c, o) for o in objs]
        if texts:
            click.echo("\n\n\n".join(texts))
        else:
            click.echo("No resources found" + (f" in {ns} namespace." if ns else "."), err=True)


@sim.command()
@click.argument("args", nargs=-1)
@click.option("-f", "--filename", "files", multiple=True)
@click.option("-n", "--namespace", default=None)
@click.option("-l", "--selector", default=None)
@click.option("--cascade", type=click.Choice(["background", "foreground", "orphan"]), default="background")
@click.option("--grace-period", type=int, default=None, help="Seconds a pod gets to stop (default: its own, 30).")
@click.option("--now", is_flag=True, help="Same as --grace-period=1.")
@click.option("--force", is_flag=True, help="With --grace-period=0: remove pods at once.")
@click.option("--wait", type=click.BOOL, default=True, is_flag=False, flag_value=True, show_default=True,
              help="Wait (in virtual time) until the objects are gone, as kubectl does; --wait=false to return.")
@pass_ctx
@handle
def delete(ctx: Ctx, args: tuple[str, ...], files: tuple[str, ...], namespace: str | None, selector: str | None,
           cascade: str, grace_period: int | None, now: bool, force: bool, wait: bool) -> None:
    """Delete objects: delete KIND NAME..., KIND/NAME, -l SELECTOR, or -f FILE.

    Running pods terminate gracefully: a server stops within a second, a shell or `sleep` only when its grace
    period (30 s) ends."""
    from flashgen.sim import kinds, manifests
    from flashgen.sim.errors import not_found
    ns = namespace or "default"
    propagation = cascade.capitalize()
    if now:
        grace_period = 1
    if grace_period == 0 and not force:
        raise click.UsageError("--grace-period=0 must have --force specified")
    targets: list[tuple[Any, str, str | None]] = []
    for f in files:
        for d in manifests.read(f):
            k = kinds.for_object(str(d.obj.get("apiVersion", "")), str(d.obj.get("kind", "")))
            if k is None:
                raise manifests.ManifestError(f"{d.where}: unknown kind {d.obj.get('kind')!r}")
            targets.append((k, d.obj.get("metadata", {}).get("name", ""), d.obj.get("metadata", {}).get("namespace")))
    with cluster(ctx, write=True, settle=True) as c:
        if args:
            for k, name in split_target(args):
                if name:
                    targets.append((k, name, None))
                elif selector is not None:
                    targets += [(k, o["metadata"]["name"], None) for o in c.store.list(
                        k.kind, ns if k.namespaced else None, selector)]
                else:
                    raise click.UsageError("resource(s) were provided, but no name was specified")
        if not targets:
            raise click.UsageError("You must provide one or more resources by argument or filename.")
        errors_ = []
        deleted = []
        for k, name, obj_ns in targets:
            where = obj_ns or ns
            if c.store.find(k.kind, where, name) is None:
                errors_.append(not_found(k.resource, name).message)
                continue
            before = c.store.find(k.kind, where, name)["metadata"]["uid"]
            c.store.delete(k.kind, where, name, propagation, grace_period)
            c.settle()
            deleted.append((k, where, name, before))
            if force and grace_period == 0:
                click.echo("Warning: Immediate deletion does not wait for confirmation that the running resource "
                           "has been terminated. The resource may continue to run on the cluster indefinitely.",
                           err=True)
            click.echo(f'{ref(k)} "{name}" ' + ("force deleted" if force and grace_period == 0 else "deleted")
                       + (f" from {where} namespace" if k.namespaced and where != "default" else ""))
        if wait:
            limit = c.now() + 3600

            def still_there() -> bool:
                return any((o := c.store.find(k.kind, w, n)) is not None and o["metadata"]["uid"] == uid
                           for k, w, n, uid in deleted)
            while still_there() and c.step(limit):
                pass
        for e in errors_:
            click.echo(f"Error from server (NotFound): {e}", err=True)
    if errors_:
        sys.exit(1)


@sim.command()
@click.argument("action", type=click.Choice(["status", "history", "undo"]))
@click.argument("target", nargs=-1, required=True)
@click.option("--to-revision", type=int, default=None)
@click.option("-w", "--watch", type=click.BOOL, default=True, show_default=True,
              help="status: wait (letting the simulated clock run) until the rollout ends; --watch=false looks once.")
@click.option("--timeout", default="0s", show_default=True,
              help="status: give up after this much virtual time (0s: wait as long as something can change).")
@click.option("-n", "--namespace", default=None)
@pass_ctx
@handle
def rollout(ctx: Ctx, action: str, target: tuple[str, ...], to_revision: int | None, watch: bool, timeout: str,
            namespace: str | None) -> None:
    """Rollouts: rollout status|history|undo deployment NAME (or deploy/NAME) [--to-revision N].

    `status` waits as kubectl does, letting virtual time pass, and exits 0 when the rollout is done, 1 when it
    exceeded its progress deadline or --timeout passed."""
    from flashgen.sim.timefmt import parse_duration
    targets = split_target(target)
    if len(targets) != 1 or targets[0][1] is None:
        raise click.UsageError("name one object: rollout status deployment/web (or deployment web)")
    (k, name), = targets
    try:
        limit_seconds = parse_duration(timeout)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--timeout")
    failure = ""
    with cluster(ctx, write=action in ("undo", "status"), settle=action == "undo") as c:
        if action == "status":
            failure = _wait_for_rollout(c, k, name, namespace, watch, limit_seconds)
        elif action == "history":
            if k.kind != "Deployment":
                raise click.UsageError("history is simulated for deployments only")
            c.store.get("Deployment", namespace, name)
            click.echo(f"{ref(k)}/{name} ")
            rows = [("REVISION", "CHANGE-CAUSE")] + [(str(r), cause) for r, cause in
                                                      c.rollout_history(k.kind, name, namespace)]
            w = max(len(r[0]) for r in rows)
            for r in rows:
                click.echo(f"{r[0].ljust(w)}  {r[1]}".rstrip())
            click.echo("")
        else:
            if k.kind != "Deployment":
                raise click.UsageError("undo is simulated for deployments only")
            before = c.store.get("Deployment", namespace, name)["spec"]["template"]
            out = c.rollout_undo(k.kind, name, namespace, to_revision)
            word = "skipped rollback (current template already matches revision)" \
                if out["spec"]["template"] == before else "rolled back"
            click.echo(f"{ref(k)}/{name} {word}")
    if failure:
        click.echo(failure, err=True)
        sys.exit(1)


def _wait_for_rollout(c: Any, k: Any, name: str, namespace: str | None, watch: bool, timeout: float) -> str:
    """Print each new rollout status line, stepping the clock from one due moment to the next, until the rollout
    is done (""), or the error line to print and exit 1 with."""
    limit = c.now() + (timeout or 86400.0)
    shown = None
    while True:
        done, message = c.rollout_status(k.kind, name, namespace)
        if message.startswith("error:"):
            return message
        if message != shown:
            click.echo(message)
            shown = message
        if done or not watch:
            return ""
        if not c.step(limit):
            if timeout:
                c.advance(max(limit - c.now(), 0))
                return "error: timed out waiting for the condition"
            return (f"error: the rollout cannot finish: nothing more will happen in the simulated cluster (see "
                    f"`flashgen sim describe {k.kind.lower()} {name}` and its pods' events)")


@sim.command(context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.option("--image", required=True)
@click.option("--restart", type=click.Choice(["Always", "OnFailure", "Never"]), default="Always")
@click.option("--command", "use_command", is_flag=True, help="Treat the arguments as the command, not args.")
@click.option("--port", type=int, default=None)
@click.option("--labels", default=None, help="key=value,key2=value2 (default run=NAME)")
@click.option("--env", multiple=True)
@click.option("-n", "--namespace", default=None)
@click.argument("argv", nargs=-1, type=click.UNPROCESSED)
@pass_ctx
@handle
def run(ctx: Ctx, name: str, image: str, restart: str, use_command: bool, port: int | None, labels: str | None,
        env: tuple[str, ...], namespace: str | None, argv: tuple[str, ...]) -> None:
    """Create a pod: run NAME --image IMG [--restart Never] [--command] [-- ARGS...]."""
    lab = dict(x.split("=", 1) for x in labels.split(",")) if labels else {"run": name}
    container: dict[str, Any] = {"name": name, "image": image}
    args = list(argv)
    if args and args[0] == "--":
        args = args[1:]
    if args:
        container["command" if use_command else "args"] = args
    if port:
        container["ports"] = [{"containerPort": port}]
    if env:
        container["env"] = [{"name": e.split("=", 1)[0], "value": e.split("=", 1)[1] if "=" in e else ""}
                            for e in env]
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "labels": lab},
           "spec": {"containers": [container], "restartPolicy": restart}}
    with cluster(ctx, write=True, settle=True) as c:
        c.create(pod, namespace)
        click.echo(f"pod/{name} created")


@sim.group()
def create() -> None:
    """Create objects from the command line (job, deployment, namespace)."""


@create.command("job", context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.option("--image", required=True)
@click.option("-n", "--namespace", default=None)
@click.argument("argv", nargs=-1, type=click.UNPROCESSED)
@click.pass_obj
@handle
def create_job(ctx: Ctx, name: str, image: str, namespace: str | None, argv: tuple[str, ...]) -> None:
    """create job NAME --image IMG [-- COMMAND...]"""
    args = [a for a in argv if a != "--"] if argv[:1] == ("--",) else list(argv)
    container: dict[str, Any] = {"name": name, "image": image}
    if args:
        container["command"] = args
    job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": name},
           "spec": {"template": {"metadata": {}, "spec": {"containers": [container], "restartPolicy": "Never"}}}}
    with cluster(ctx, write=True, settle=True) as c:
        c.create(job, namespace)
        click.echo(f"job.batch/{name} created")


@create.command("deployment")
@click.argument("name")
@click.option("--image", required=True)
@click.option("--replicas", type=int, default=1)
@click.option("--port", type=int, default=None)
@click.option("-n", "--namespace", default=None)
@click.pass_obj
@handle
def create_deployment(ctx: Ctx, name: str, image: str, replicas: int, port: int | None,
                      namespace: str | None) -> None:
    """create deployment NAME --image IMG [--replicas N] [--port P]"""
    cname = image.split("/")[-1].split(":")[0].split("@")[0]
    container: dict[str, Any] = {"name": cname, "image": image}
    if port:
        container["ports"] = [{"containerPort": port}]
    d = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name, "labels": {"app": name}},
         "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                  "template": {"metadata": {"labels": {"app": name}}, "spec": {"containers": [container]}}}}
    with cluster(ctx, write=True, settle=True) as c:
        c.create(d, namespace)
        click.echo(f"deployment.apps/{name} created")


@create.command("namespace")
@click.argument("name")
@click.pass_obj
@handle
def create_namespace(ctx: Ctx, name: str) -> None:
    """create namespace NAME"""
    with cluster(ctx, write=True, settle=True) as c:
        c.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}})
        click.echo(f"namespace/{name} created")


@sim.command()
@click.argument("pod")
@click.option("-c", "--container", default=None)
@click.option("-p", "--previous", is_flag=True)
@click.option("-n", "--namespace", default=None)
@pass_ctx
@handle
def logs(ctx: Ctx, pod: str, container: str | None, previous: bool, namespace: str | None) -> None:
    """Print a container's output: logs POD [-c CONTAINER] [-p]."""
    if pod.startswith(("pod/", "po/", "pods/")):
        pod = pod.split("/", 1)[1]
    with cluster(ctx, write=False) as c:
        for line in c.logs(pod, namespace, container, previous):
            click.echo(line)


@sim.command()
@click.argument("duration")
@pass_ctx
@handle
def advance(ctx: Ctx, duration: str) -> None:
    """Let virtual time pass: advance 30s | 5m | 1h | 2d."""
    from flashgen.sim.timefmt import parse_duration, rfc3339
    try:
        seconds = parse_duration(duration)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="DURATION")
    with cluster(ctx, write=True) as c:
        c.advance(seconds)
        click.echo(f"advanced {duration}; the virtual time is now {rfc3339(c.now())}")


@sim.command()
@click.option("--workers", type=click.IntRange(0, 20), default=2, show_default=True)
@click.option("--control-planes", type=click.IntRange(1, 5), default=1, show_default=True)
@click.option("--start", "start", default=None, metavar="TIME",
              help="The virtual clock's start, e.g. 2024-01-29T09:00:00Z (default: the current time).")
@pass_ctx
@handle
def reset(ctx: Ctx, workers: int, control_planes: int, start: str | None) -> None:
    """Throw the simulated cluster away and start a fresh one (also repairs a corrupt state file)."""
    import time

    from flashgen.sim import SimCluster
    from flashgen.sim import state as st
    from flashgen.sim.timefmt import parse_rfc3339, rfc3339
    try:
        begin = parse_rfc3339(start) if start else float(int(time.time()))
    except ValueError:
        raise click.BadParameter(f"{start!r} is not a time like 2024-01-29T09:00:00Z", param_hint="--start")
    with st.locked(ctx.path):
        st.save(SimCluster(workers=workers, control_planes=control_planes, start_time=begin), ctx.path)
    click.echo(f"a fresh simulated cluster ({control_planes} control plane, {workers} workers) is in {ctx.path}; "
               f"its clock starts at {rfc3339(begin)}")


@sim.command()
@click.option("--port", type=click.IntRange(0, 65535), default=6443, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--kubeconfig-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the kubeconfig (default build/sim/kubeconfig).")
@click.option("--speed", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Virtual seconds per real second (10: ten times faster; 0: the clock stands still).")
@click.option("--fresh", is_flag=True, help="Throw the saved cluster away and start a new one at the current time.")
@click.option("--merge-kubeconfig", is_flag=True,
              help="Also add the flashgen-sim context to your own kubeconfig ($KUBECONFIG or ~/.kube/config) "
                   "and make it the current one.")
@pass_ctx
@handle
def serve(ctx: Ctx, port: int, kubeconfig_out: Path | None, speed: float, fresh: bool,
          merge_kubeconfig: bool) -> None:
    """Serve the simulated cluster as a Kubernetes API server for kubectl (plain http on 127.0.0.1).

    Time runs in real time (times --speed). The state file is the one `flashgen sim` uses; it is loaded at start,
    saved after every change and at exit, and locked while serving (other `flashgen sim` commands are refused
    until the server stops). Stop with Ctrl-C."""
    import time

    from flashgen.sim import SimCluster
    from flashgen.sim import state as st
    from flashgen.simapi import kubeconfig, server
    from flashgen.simapi.runtime import Runtime

    out = kubeconfig_out or kubeconfig.DEFAULT_PATH
    try:
        sock = server.bind(port)
    except OSError as e:
        raise click.ClickException(f"cannot listen on {server.HOST}:{port} ({e.strerror or e}); "
                                   "is another server running? try --port 0 or another port")
    url = server.url_of(sock)
    holder = (f"`flashgen sim serve` at {url}; use kubectl with the context {kubeconfig.NAME} "
              f"(kubectl --kubeconfig {out} ...), or stop the server (Ctrl-C) first")
    try:
        with st.locked(ctx.path, holder=holder):
            # a new cluster starts at the wall clock's time, so that ages kubectl computes itself look right
            new = fresh or not ctx.path.exists()
            sim = SimCluster(start_time=float(int(time.time()))) if new else st.load(ctx.path)
            rt = Runtime(sim, ctx.path, speed)
            user_config = kubeconfig.user_kubeconfig()
            previous: str | None = kubeconfig.NAME  # nothing to restore unless merged below
            try:
                kubeconfig.write(out, url)
                if merge_kubeconfig:
                    previous = kubeconfig.merge(user_config, url)
            except kubeconfig.KubeconfigError as e:
                raise click.ClickException(str(e))
            kubeconfig.announce(ctx.path, url)
            try:
                click.echo(f"flashgen's simulated cluster is serving the Kubernetes API at {url} (speed {speed:g}x)")
                click.echo(f"state: {ctx.path}" + (" (a new cluster)" if new else ""))
                behind = time.time() - sim.now()
                if not new and behind > 3600:
                    click.echo(f"note: the saved cluster's clock is {behind / 86400:.0f} day(s) behind yours; kubectl "
                               "computes some ages itself (describe's Events), so they look odd. --fresh starts a "
                               "new cluster at the current time.", err=True)
                click.echo(f"kubeconfig: {out}   try: kubectl --kubeconfig {out} get nodes")
                if merge_kubeconfig:
                    click.echo(f"context {kubeconfig.NAME} added to {user_config} and made current until the "
                               "server stops")
                click.echo("press Ctrl-C to stop", err=True)
                server.run(rt, sock)
            except KeyboardInterrupt:  # Ctrl-C before the server took over signal handling
                pass
            finally:
                kubeconfig.withdraw(ctx.path)
                if merge_kubeconfig and kubeconfig.restore(user_config, previous):
                    click.echo(f"{user_config}: the current context is {previous or 'unset'} again", err=True)
            rt.save()
            click.echo(f"stopped; the cluster is saved in {ctx.path}", err=True)
    finally:
        sock.close()
