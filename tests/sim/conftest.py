"""Fixtures for the simulator tests."""

from __future__ import annotations

import pytest

from flashgen.sim import SimCluster


@pytest.fixture
def sim() -> SimCluster:
    return SimCluster()
