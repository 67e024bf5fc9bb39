"""Running collectors over (account × region × collector) work units and assembling a snapshot.

Units are independent and picklable (:class:`WorkUnit`), so any ``concurrent.futures``
executor runs them (threads by default). Each unit builds its own boto3 session. A unit's denied
operations become gaps; any other error fails only that unit, is recorded in the snapshot's
``errors`` and counted in the result, and the run continues.

Running the units on an executor, and stopping part-way, is :mod:`edgekit.collect.execution`.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from edgekit.aws.calls import CallRecorder
from edgekit.aws.cancel import INTERRUPTED, CollectionInterruptedError
from edgekit.aws.partitions import GLOBAL, global_api_region
from edgekit.aws.session import ClientHook
from edgekit.collect import secrets
from edgekit.collect.base import CollectorSpec, UnitContext
from edgekit.collect.registry import collectors_by_id, guarded
from edgekit.collect.targets import AccountAccess
from edgekit.errors import ReadOnlyError
from edgekit.snapshot import Snapshot, Target, jsonable


@dataclass(frozen=True)
class WorkUnit:
    """One account × region × collector; small and picklable."""

    collector: str
    account: AccountAccess
    region: str
    api_region: str
    hooks: tuple[ClientHook, ...] = ()
    inputs: Any = None
    digest_key: secrets.DigestKey = field(default_factory=secrets.DigestKey.random, repr=False)
    """The run's key for secret digests (one per run, so equal secrets stay equal)."""


@dataclass
class UnitResult:
    """What a unit returns: its data (None when it failed), gaps, error and call counts."""

    collector: str
    account_id: str
    region: str
    data: dict[str, Any] | None
    gaps: list[dict[str, str]] = field(default_factory=list)
    error: dict[str, str] | None = None
    calls: dict[tuple[str, str], int] = field(default_factory=dict)


@dataclass
class CollectionResult:
    """A collected snapshot plus the run's bookkeeping (not stored in the snapshot)."""

    snapshot: Snapshot
    calls: dict[tuple[str, str], int]
    failed_units: int
    """Units that failed (interrupted ones not counted)."""
    units: int
    interrupted_units: int = 0
    """Units stopped part-way or never run because the run was interrupted."""
    interrupted: bool = False
    """The run was cancelled before it completed (the snapshot is partial)."""

    @property
    def total_calls(self) -> int:
        """API calls made during the run."""
        return sum(self.calls.values())


def phases(collectors: Sequence[CollectorSpec]) -> list[list[CollectorSpec]]:
    """Group collectors so each runs after the collectors it depends on.

    A dependency that is not among ``collectors`` is ignored (its inputs will simply be empty).
    """
    chosen = {c.id: c for c in collectors}
    done: set[str] = set()
    out: list[list[CollectorSpec]] = []
    remaining = list(collectors)
    while remaining:
        ready = [c for c in remaining if all(d in done or d not in chosen for d in c.depends_on)]
        if not ready:
            names = ", ".join(c.id for c in remaining)
            raise ValueError(f"collector dependency cycle among: {names}")
        out.append(ready)
        done.update(c.id for c in ready)
        remaining = [c for c in remaining if c.id not in done]
    return out


def plan_units(
    accounts: Sequence[AccountAccess],
    regions_for: Callable[[AccountAccess], Sequence[str]],
    collectors: Sequence[CollectorSpec],
    hooks: tuple[ClientHook, ...] = (),
    prior: Sequence[dict[str, Any]] = (),
    digest_key: secrets.DigestKey | None = None,
    *,
    select: bool = True,
) -> list[WorkUnit]:
    """Expand accounts × regions × collectors into work units (global services once each).

    ``prior`` are the payload records of earlier phases, handed to ``select_inputs``.
    ``digest_key`` is the run's key for secret digests (pass the same one to every phase; a
    new random key when None). ``select=False`` skips ``select_inputs`` (every place a
    collector could run, e.g. to list the units an interrupted run never started).
    """
    key = digest_key or secrets.DigestKey.random()
    units: list[WorkUnit] = []
    for acc in accounts:
        regions = list(regions_for(acc))
        gregion = global_api_region(acc.partition)
        for spec in collectors:
            places: list[tuple[str, str]] = []
            if spec.scope == "global":
                places.append((GLOBAL, gregion))
            if spec.scope == "regional" or spec.also_regional:
                unit_regions = list(regions)
                if spec.extra_global_region and gregion not in unit_regions:
                    unit_regions.append(gregion)
                places.extend((r, r) for r in unit_regions)
            for region, api_region in places:
                inputs = None
                if select and spec.select_inputs is not None:
                    inputs = spec.select_inputs(prior, acc.account_id, region)
                    if inputs is None:
                        continue
                units.append(WorkUnit(spec.id, acc, region, api_region, hooks, inputs, key))
    return units


def run_unit(unit: WorkUnit) -> UnitResult:
    """Run one unit. Never raises for AWS errors: they become gaps or the unit's error."""
    spec = collectors_by_id()[unit.collector]
    ctx = UnitContext(
        collector=unit.collector,
        account_id=unit.account.account_id,
        region=unit.region,
        api_region=unit.api_region,
        partition=unit.account.partition,
        session_spec=guarded(unit.account.session_spec),
        hooks=unit.hooks,
        inputs=unit.inputs,
    )
    data: dict[str, Any] | None
    error: dict[str, str] | None = None
    try:
        data = secrets.redact(unit.collector, jsonable(spec.collect(ctx)), unit.digest_key)
    except ClientError as err:
        data = None
        error = error_record(unit, err.operation_name, _code(err), str(err))
    except CollectionInterruptedError as err:
        data = None
        operation = str(err.kwargs.get("operation", "")).rpartition(":")[2]
        error = error_record(unit, operation, INTERRUPTED, f"stopped part-way: {err}")
    except BotoCoreError as err:
        data = None
        operation = str(err.kwargs.get("operation", "")).rpartition(":")[2]
        error = error_record(unit, operation, type(err).__name__, str(err))
    except ReadOnlyError:
        raise  # a collector tried to change an account: a bug that must stop the run
    except Exception as err:  # noqa: BLE001 - unit boundary: recorded in errors, never hidden
        data = None
        tb = traceback.format_exception_only(type(err), err)[-1].strip()
        error = error_record(unit, "", f"CollectorError:{type(err).__name__}", tb)
    return UnitResult(
        collector=unit.collector,
        account_id=unit.account.account_id,
        region=unit.region,
        data=data,
        gaps=[g.to_json() for g in ctx.gaps],
        error=error,
        calls=ctx.recorder.counts(),
    )


def _code(err: ClientError) -> str:
    return str(err.response.get("Error", {}).get("Code", "Unknown"))


def error_record(unit: WorkUnit, operation: str, code: str, message: str) -> dict[str, str]:
    return {
        "account_id": unit.account.account_id,
        "region": unit.region,
        "collector": unit.collector,
        "operation": operation,
        "error_code": code,
        "message": message,
    }


def payload_records(results: Iterable[UnitResult]) -> list[dict[str, Any]]:
    """Payload records (``account_id``, ``region``, ``collector``, ``data``) of successful units."""
    return [
        {"account_id": r.account_id, "region": r.region, "collector": r.collector, "data": r.data}
        for r in results
        if r.data is not None
    ]


def assemble(
    results: Iterable[UnitResult],
    *,
    targets: Iterable[Target],
    partition: str,
    extra_gaps: Iterable[dict[str, str]] = (),
    source: str = "aws",
    collected_at: str | None = None,
    recorder: CallRecorder | None = None,
    interrupted: bool = False,
) -> CollectionResult:
    """Build the snapshot from unit results (already redacted inside each unit)."""
    results = list(results)
    payloads: list[dict[str, Any]] = []
    gaps: list[dict[str, Any]] = list(extra_gaps)
    errors: list[dict[str, Any]] = []
    calls = recorder or CallRecorder()
    for res in results:
        calls.merge(res.calls)
        gaps.extend(res.gaps)
        if res.error is not None:
            errors.append(res.error)
    payloads.extend(payload_records(results))
    snap = Snapshot(
        collected_at=collected_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        partition=partition,
        targets=sorted(set(targets), key=lambda t: (t.account_id, t.region)),
        payloads=payloads,
        gaps=gaps,
        errors=errors,
        source=source,
    )
    stopped = sum(1 for e in errors if e["error_code"] == INTERRUPTED)
    return CollectionResult(
        snap,
        calls.counts(),
        failed_units=len(errors) - stopped,
        units=len(results),
        interrupted_units=stopped,
        interrupted=interrupted,
    )
