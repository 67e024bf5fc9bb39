"""``parse(snapshot) -> Inventory``: every payload through its collector's parser, once."""

from __future__ import annotations

import dataclasses
from typing import Any

from edgekit.errors import ModelError
from edgekit.gcpause import gc_paused
from edgekit.model.coverage import Coverage
from edgekit.model.inventory import Inventory
from edgekit.model.reader import ItemIssue, UnitKey
from edgekit.model.registry import KIND_SOURCES, PARSERS, CollectorParser
from edgekit.snapshot import Snapshot


def parse(snapshot: Snapshot, *, strict: bool = False) -> Inventory:
    """Parse a snapshot into an :class:`Inventory` (linear in the payload size, no copies).

    Payloads of collectors the model does not know are skipped (coverage still lists them); a
    repeated (account, region, collector) unit is read once, like :meth:`Snapshot.payload`.
    An item with a missing or mistyped required field is left out and recorded, naming
    collector, unit, resource and field, in ``inventory.coverage.model_errors``; so is a unit
    whose payload cannot be read at all. Coverage then reports that item's kind in that unit
    (or the whole unit) as not collected, so checks that need it answer *unknown*. With
    ``strict`` the first such error is raised as :class:`~edgekit.errors.ModelError` instead.
    """
    # The model builds no reference cycles; a scoped, thread-safe pause of the cyclic GC keeps
    # parsing linear on large estates (edgekit.gcpause; restored even when a ModelError escapes).
    with gc_paused():
        return _parse(snapshot, strict)


def _parse(snapshot: Snapshot, strict: bool) -> Inventory:
    buckets: dict[str, list[Any]] = {kind: [] for kind in KIND_SOURCES}
    issues: list[ItemIssue] = []
    seen: set[UnitKey] = set()
    for payload in snapshot.payloads:
        parser = PARSERS.get(str(payload["collector"]))
        if parser is None:
            continue
        unit = UnitKey(
            str(payload["account_id"]), str(payload["region"]), parser.collector, strict=strict
        )
        if unit in seen:
            continue
        seen.add(unit)
        try:
            parsed = _parse_unit(parser, unit, payload["data"])
        except ModelError as err:
            if strict:
                raise
            # The unit as a whole is unreadable (its data, or a list in it, is not what the
            # collector writes): none of its items are used, and the unit reads as not collected.
            issues.append(
                ItemIssue(
                    unit.account_id, unit.region, unit.collector, "", unit.label, "", str(err)
                )
            )
            continue
        issues.extend(unit.issues)
        for kind, items in parsed.items():
            buckets[kind].extend(items)
    coverage = Coverage.from_snapshot(snapshot)
    if issues:
        coverage = dataclasses.replace(coverage, model_errors=tuple(issues))
    return Inventory(
        coverage=coverage,
        partition=snapshot.partition,
        collected_at=snapshot.collected_at,
        **{kind: tuple(items) for kind, items in buckets.items()},
    )


def _parse_unit(parser: CollectorParser, unit: UnitKey, data: object) -> dict[str, list[Any]]:
    if not isinstance(data, dict):
        raise ModelError(f"{unit.label}: 'data' must be an object, got {type(data).__name__}")
    return parser.parse_unit(unit, data)


def _unit_parts(unit: UnitKey) -> tuple[str, str, str]:
    return unit.account_id, unit.region, unit.collector
