"""Where each IaC-defined resource is written: resource id/ARN -> ``_iac`` location."""

from __future__ import annotations

from typing import Any

from edgekit.iac.estate import IAC_KEY
from edgekit.snapshot import Snapshot

_ID_KEYS = (
    "ARN",
    "Arn",
    "LoadBalancerArn",
    "TargetGroupArn",
    "ListenerArn",
    "RuleArn",
    "CertificateArn",
    "GroupId",
    "Id",
    "Name",
)


def locations(snapshot: Snapshot) -> dict[str, dict[str, str]]:
    """Every id and ARN of an item carrying ``_iac``, mapped to that location."""
    out: dict[str, dict[str, str]] = {}
    for p in snapshot.payloads:
        for items in p["data"].values():
            if isinstance(items, list):
                for item in items:
                    _walk(item, None, out)
    return out


def _walk(value: Any, where: dict[str, str] | None, out: dict[str, dict[str, str]]) -> None:
    if isinstance(value, list):
        for v in value:
            _walk(v, where, out)
        return
    if not isinstance(value, dict):
        return
    here = value.get(IAC_KEY) if isinstance(value.get(IAC_KEY), dict) else where
    if here is not None:
        for key in _ID_KEYS:
            ident = value.get(key)
            if isinstance(ident, str) and ident:
                out.setdefault(ident, here)
    for key, v in value.items():
        if key != IAC_KEY and isinstance(v, (dict, list)):
            _walk(v, here, out)
