"""Shared fixtures of the model tests: the parsed fixture estates."""

from __future__ import annotations

import pytest

from edgekit.model import Inventory, parse
from tests.model import estates


@pytest.fixture(scope="session")
def rich() -> Inventory:
    """The rich single-account estate, parsed."""
    return parse(estates.rich())


@pytest.fixture(scope="session")
def partial() -> Inventory:
    """The estate with denied reads and a failed unit, parsed."""
    return parse(estates.partial())


@pytest.fixture(scope="session")
def multi() -> Inventory:
    """The two-account estate, parsed."""
    return parse(estates.multi_account())
