"""Helpers of the IaC import tests: import, scan, strip side keys for shape validation."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.iac.build import import_iac
from edgekit.model import parse
from edgekit.rules import runner
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Finding
from edgekit.snapshot import Snapshot

FIXTURES = Path(__file__).parent / "fixtures"
CDK_OUT = FIXTURES / "cdk.out"
NOW = "2026-03-01T00:00:00Z"


def imported(*paths: Path | str, **kwargs: Any) -> Snapshot:
    """The snapshot of ``paths`` (fixed import time)."""
    snapshot, _notes = import_iac([str(p) for p in paths], now=NOW, **kwargs)
    return snapshot


def findings(snapshot: Snapshot) -> list[Finding]:
    """Every finding of the full catalogue."""
    return list(runner.run(load(), CheckContext(parse(snapshot), snapshot=snapshot)).findings)


def fails(snapshot: Snapshot) -> set[tuple[str, str]]:
    """(check id, resource id) of the failing findings."""
    return {(f.check_id, f.resource.id) for f in findings(snapshot) if f.status.value == "fail"}


def without_side_keys(value: Any) -> Any:
    """``value`` without the ``_iac`` side keys (they are not API members)."""
    if isinstance(value, dict):
        return {k: without_side_keys(v) for k, v in value.items() if k != "_iac"}
    if isinstance(value, list):
        return [without_side_keys(v) for v in value]
    return copy.copy(value)


@pytest.fixture(autouse=True, scope="session")
def _pinned_digest_key() -> Iterator[None]:
    """One user-supplied digest key for collections and imports alike (module fixtures
    included): digests of the same secret then compare equal across snapshots (docs/iac.md:
    pin EDGEKIT_DIGEST_KEY when comparing an IaC snapshot with a live one)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EDGEKIT_DIGEST_KEY", "edgekit-iac-tests-digest-key")
        yield
