"""Helpers for check tests: run one check of the shipped catalogue on a hand-built snapshot."""

from __future__ import annotations

from edgekit.model import parse
from edgekit.rules import runner
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Finding, Status
from edgekit.snapshot import Snapshot


def context(snap: Snapshot) -> CheckContext:
    """A check context over a snapshot (graph built lazily, as in a real scan)."""
    return CheckContext(parse(snap))


def run_check(check_id: str, snap: Snapshot | CheckContext) -> list[Finding]:
    """Findings of one check (the runner is used, so errors inside the check surface here)."""
    ctx = snap if isinstance(snap, CheckContext) else context(snap)
    result = runner.run(load().select([check_id]), ctx)
    assert not result.errors, f"{check_id} raised: {result.errors}"
    return result.findings


def fails(check_id: str, snap: Snapshot | CheckContext) -> list[Finding]:
    """Only the ``fail`` findings."""
    return [f for f in run_check(check_id, snap) if f.status is Status.FAIL]


def unknowns(check_id: str, snap: Snapshot | CheckContext) -> list[Finding]:
    """Only the ``unknown`` findings."""
    return [f for f in run_check(check_id, snap) if f.status is Status.UNKNOWN]
