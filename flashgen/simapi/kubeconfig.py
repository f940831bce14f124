"""The kubeconfig for the served cluster: context, cluster and user `flashgen-sim`, written atomically, and
optionally merged into the user's own kubeconfig."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from flashgen import yamlsafe

NAME = "flashgen-sim"
DEFAULT_PATH = Path("build/sim/kubeconfig")
# a second user for RBAC practice: requests act as the user jane through impersonation (kubectl sends no
# credentials over plain HTTP); `kubectl --user=jane ...` or `kubectl --context=flashgen-sim-jane ...`
LEARNER = "jane"
LEARNER_CONTEXT = f"{NAME}-{LEARNER}"


class KubeconfigError(Exception):
    """A kubeconfig that cannot be read or written."""


def entries(url: str) -> dict[str, Any]:
    """The cluster, user and context entries (no TLS; any token is accepted)."""
    return {"cluster": {"name": NAME, "cluster": {"server": url}},
            "user": {"name": NAME, "user": {"token": "flashgen-sim"}},
            "context": {"name": NAME, "context": {"cluster": NAME, "user": NAME, "namespace": "default"}}}


def learner_entries() -> dict[str, Any]:
    """The second user (jane) and a context that uses it."""
    return {"user": {"name": LEARNER, "user": {"as": LEARNER}},
            "context": {"name": LEARNER_CONTEXT, "context": {"cluster": NAME, "user": LEARNER, "namespace": "default"}}}


def config(url: str) -> dict[str, Any]:
    e = entries(url)
    learner = learner_entries()
    return {"apiVersion": "v1", "kind": "Config", "preferences": {}, "clusters": [e["cluster"]],
            "users": [e["user"], learner["user"]], "contexts": [e["context"], learner["context"]],
            "current-context": NAME}


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yaml.safe_dump(data, fh, sort_keys=False, default_flow_style=False)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write(path: Path, url: str) -> None:
    """A kubeconfig with only the flashgen-sim context."""
    try:
        _write(path, config(url))
    except OSError as e:
        raise KubeconfigError(f"{path}: cannot write the kubeconfig ({e.strerror or e})") from None


def user_kubeconfig() -> Path:
    """The file kubectl writes to: the first of $KUBECONFIG, else ~/.kube/config."""
    env = [p for p in os.environ.get("KUBECONFIG", "").split(os.pathsep) if p]
    return Path(env[0]).expanduser() if env else Path("~/.kube/config").expanduser()


def merge(path: Path, url: str, *, switch: bool = True) -> str | None:
    """Add (or refresh) the flashgen-sim entries in an existing kubeconfig, keeping everything else; the
    current context before (to `restore` when the server stops)."""
    data: dict[str, Any] = {}
    if path.exists():
        try:
            loaded = yamlsafe.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yamlsafe.YamlError) as e:
            raise KubeconfigError(f"{path}: cannot read the kubeconfig to merge into it ({e})") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise KubeconfigError(f"{path}: not a kubeconfig (the top level is not a mapping)")
        data = loaded or {}
    previous = data.get("current-context") or None
    data.setdefault("apiVersion", "v1")
    data.setdefault("kind", "Config")
    learner = learner_entries()
    ours = {"clusters": [entries(url)["cluster"]], "users": [entries(url)["user"], learner["user"]],
            "contexts": [entries(url)["context"], learner["context"]]}
    for section, added in ours.items():
        names = {x["name"] for x in added}
        items = [x for x in (data.get(section) or []) if not (isinstance(x, dict) and x.get("name") in names)]
        data[section] = items + added
    if switch or not data.get("current-context"):
        data["current-context"] = NAME
    try:
        _write(path, data)
    except OSError as e:
        raise KubeconfigError(f"{path}: cannot write the kubeconfig ({e.strerror or e})") from None
    return previous


def restore(path: Path, previous: str | None) -> bool:
    """Make `previous` the current context again if `path` still points at flashgen-sim (the server is gone);
    the flashgen-sim entries stay for the next `--merge-kubeconfig`. True when the file was changed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    if not isinstance(data, dict) or data.get("current-context") != NAME or previous == NAME:
        return False  # the user switched context meanwhile (theirs to keep), or there is nothing to go back to
    if previous:
        data["current-context"] = previous
    else:
        data.pop("current-context", None)
    try:
        _write(path, data)
    except OSError:
        return False
    return True


def _record(state_path: Path) -> Path:
    return state_path.with_name(state_path.name + ".serving")


def announce(state_path: Path, url: str) -> None:
    """Note beside the state file where the server that holds it answers (for `flashgen verify --sim`)."""
    record = _record(state_path)
    tmp = record.with_name(record.name + ".tmp")
    tmp.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    os.replace(tmp, record)


def withdraw(state_path: Path) -> None:
    with contextlib.suppress(OSError):
        _record(state_path).unlink()


def served_at(state_path: Path) -> str | None:
    """The URL of the server holding this state file, as it announced it (None when there is no record; only
    meaningful while the state file is locked)."""
    try:
        data = json.loads(_record(state_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.startswith("http") else None
