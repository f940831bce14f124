"""What the `flashgen sim` subcommands share: the state file's cluster under its lock, kubectl-like errors, and
reading `KIND NAME` / `KIND/NAME` targets."""

from __future__ import annotations

import contextlib
import functools
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import click

MUTATION_SECONDS = 5.0
ALL_KINDS = ("Pod", "Service", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "Job", "CronJob")


class Ctx:
    """Per-invocation settings shared by the subcommands."""

    def __init__(self, state: str | None):
        from flashgen.sim import state as st
        self.path: Path = st.resolve(state)


@contextlib.contextmanager
def cluster(ctx: Ctx, *, write: bool, settle: bool = False) -> Iterator[Any]:
    """Load the cluster under the lock, hand it out, and save it (after MUTATION_SECONDS when settle)."""
    from flashgen.sim import state as st
    with st.locked(ctx.path):
        sim = st.load(ctx.path)
        yield sim
        if settle:
            sim.advance(MUTATION_SECONDS)
        if write or not ctx.path.exists():
            st.save(sim, ctx.path)


def handle(fn: Callable[..., None]) -> Callable[..., None]:
    """Turn user errors into kubectl-like messages and exit code 1, never a traceback."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        from flashgen.sim.errors import ApiError
        from flashgen.sim.manifests import ManifestError
        from flashgen.sim.state import StateError
        try:
            fn(*args, **kwargs)
        except ApiError as e:
            click.echo(f"Error from server ({e.reason}): {e.message}", err=True)
            sys.exit(1)
        except (ManifestError, StateError) as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)
    return wrapper


def kind_of(word: str) -> Any:
    from flashgen.sim import kinds
    k = kinds.lookup(word)
    if k is None:
        raise click.UsageError(f'the server doesn\'t have a resource type "{word}"')
    return k


def ref(k: Any) -> str:
    """`deployment.apps` or `pod` as kubectl prefixes names."""
    return f"{k.kind.lower()}.{k.group}" if k.group else k.kind.lower()


def split_target(args: tuple[str, ...]) -> list[tuple[Any, str | None]]:
    """`pod x`, `pod/x`, `pods x y`, `deploy` -> [(Kind, name or None)]."""
    if not args:
        raise click.UsageError("You must specify the type of resource")
    out = []
    if "/" in args[0]:
        for a in args:
            if "/" not in a:
                raise click.UsageError("there is no need to specify a resource type as a separate argument when "
                                       "passing arguments in resource/name form (e.g. 'kubectl get resource/<name>' "
                                       "instead of 'kubectl get resource resource/<name>'")
            kw, name = a.split("/", 1)
            out.append((kind_of(kw), name))
        return out
    kinds_ = [kind_of(w) for w in args[0].split(",")] if args[0] != "all" else None
    if kinds_ is None:
        from flashgen.sim import kinds as km
        kinds_ = [km.BY_KIND[k] for k in ALL_KINDS]
    names = args[1:]
    if not names:
        return [(k, None) for k in kinds_]
    return [(k, n) for k in kinds_ for n in names]


pass_ctx = click.make_pass_decorator(Ctx)
