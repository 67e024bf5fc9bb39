"""Factories for hand-built snapshots: payload items shaped exactly like botocore's output.

Each ``factories_*`` module builds the items of one collector's payload (docs/snapshot.md) in
their JSON form (timestamps ISO 8601, blobs base64); ``tests/model/test_shapes.py`` validates
every factory against botocore's output shapes. Pass :data:`OMIT` to leave a key out (= not
collected). This module adds the snapshot envelope helpers and re-exports the factories.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from edgekit.model import Inventory, parse
from edgekit.snapshot import Snapshot, Target
from tests.model.factories_apps import *  # noqa: F403
from tests.model.factories_cf import *  # noqa: F403
from tests.model.factories_cf import ACCOUNT
from tests.model.factories_dns import *  # noqa: F403
from tests.model.factories_elb import *  # noqa: F403
from tests.model.factories_net import *  # noqa: F403
from tests.model.factories_waf import *  # noqa: F403

ACCOUNT_B = "222222222222"
COLLECTED_AT = "2026-02-01T12:00:00Z"


def payload(
    collector: str, data: Mapping[str, Any], *, account: str = ACCOUNT, region: str = "global"
) -> dict[str, Any]:
    """One payload record of the snapshot envelope."""
    return {"account_id": account, "region": region, "collector": collector, "data": dict(data)}


def gap(
    collector: str,
    operation: str,
    *,
    account: str = ACCOUNT,
    region: str = "global",
    code: str = "AccessDenied",
) -> dict[str, str]:
    """A denied read (snapshot ``gaps``)."""
    return {
        "account_id": account,
        "region": region,
        "collector": collector,
        "operation": operation,
        "error_code": code,
        "message": f"User is not authorized to perform {operation}",
    }


def unit_error(
    collector: str,
    operation: str,
    *,
    account: str = ACCOUNT,
    region: str = "us-east-1",
    code: str = "Throttling",
) -> dict[str, str]:
    """A failed unit (snapshot ``errors``)."""
    record = gap(collector, operation, account=account, region=region, code=code)
    record["message"] = "Rate exceeded"
    return record


def snapshot(
    *payloads: dict[str, Any],
    gaps: Iterable[dict[str, str]] = (),
    errors: Iterable[dict[str, str]] = (),
    targets: Sequence[tuple[str, str]] | None = None,
) -> Snapshot:
    """A snapshot; targets default to every (account, region) of the regional payloads."""
    if targets is None:
        seen = {(p["account_id"], p["region"]) for p in payloads if p["region"] != "global"}
        seen |= {(p["account_id"], "us-east-1") for p in payloads}
        targets = sorted(seen)
    return Snapshot(
        collected_at=COLLECTED_AT,
        targets=[Target(a, r) for a, r in targets],
        payloads=list(payloads),
        gaps=list(gaps),
        errors=list(errors),
        source="fixture",
        edgekit_version="0.1.0",
    )


def parse_strict(snap: Snapshot) -> Inventory:
    """``parse(snap, strict=True)``: the first malformed item raises its ModelError."""
    return parse(snap, strict=True)
