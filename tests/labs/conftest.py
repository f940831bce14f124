"""Fixtures for the lab tests: a cluster whose objects are given as YAML, and the CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from flashgen.labs.kinds import CLUSTER_SCOPED

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def project_labs(monkeypatch):
    """The checkout's labs/ folder, wherever the package is installed."""
    monkeypatch.setenv("FLASHGEN_LABS", str(REPO / "labs"))


class StaticCluster:
    """A Cluster over a fixed list of objects (the check engine's input), with a clock that `wait` moves."""

    name = "fixture cluster"

    def __init__(self, text: str = ""):
        self.objects = [o for o in yaml.safe_load_all(text) if o]
        self.clock = 1_700_000_000.0
        self.waited = 0.0

    def _key_match(self, obj, api_version, kind, namespace):
        meta = obj.get("metadata", {})
        if obj.get("apiVersion") != api_version or obj.get("kind") != kind:
            return False
        if kind in CLUSTER_SCOPED or namespace is None:
            return True
        return meta.get("namespace", "default") == namespace

    def get(self, api_version, kind, name, namespace=None):
        for obj in self.objects:
            if self._key_match(obj, api_version, kind, namespace or "default") and obj["metadata"]["name"] == name:
                return obj
        return None

    def list(self, api_version, kind, namespace=None, label_selector=None):
        wanted = dict(part.split("=", 1) for part in label_selector.split(",")) if label_selector else {}
        out = []
        for obj in self.objects:
            labels = obj.get("metadata", {}).get("labels") or {}
            if self._key_match(obj, api_version, kind, namespace) and all(labels.get(k) == v for k, v in wanted.items()):
                out.append(obj)
        return out

    def apply(self, manifest, namespace=None):
        self.objects.append(manifest)
        return manifest

    def delete(self, api_version, kind, name, namespace=None):
        return False

    def wait(self, seconds):
        self.clock += seconds
        self.waited += seconds

    def now(self):
        return self.clock


@pytest.fixture
def cluster_from():
    return StaticCluster
