"""Shared fixtures of the graph tests: estates of the fixture snapshots and the rule estate."""

from __future__ import annotations

import pytest

from edgekit.graph import Estate
from tests.graph import estates as graph_estates
from tests.model import estates


@pytest.fixture(scope="session")
def rich() -> Estate:
    """The rich single-account estate."""
    return Estate.from_snapshot(estates.rich())


@pytest.fixture(scope="session")
def multi() -> Estate:
    """The two-account estate (distribution in A, ALB in B)."""
    return Estate.from_snapshot(estates.multi_account())


@pytest.fixture(scope="session")
def partial() -> Estate:
    """The estate with denied reads."""
    return Estate.from_snapshot(estates.partial())


@pytest.fixture(scope="session")
def rules() -> Estate:
    """The estate covering every resolution rule."""
    return Estate.from_snapshot(graph_estates.rules())
