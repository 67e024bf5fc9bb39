"""Small hand-built CloudFront snapshots for the cloudfront.* and cache.* check tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Finding
from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns

ALB_DOMAIN = "web-123.us-east-1.elb.amazonaws.com"
DIST_ARN = f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1EXAMPLE"


def alb(origin_id: str = "alb", **kwargs: Any) -> dict[str, Any]:
    """A custom origin on an ALB (https-only, TLSv1.2 by default)."""
    return f.custom_origin(origin_id, ALB_DOMAIN, **kwargs)


def cf(
    *dists: dict[str, Any],
    omit: Iterable[str] = (),
    policies: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    extra: Mapping[str, Any] | None = None,
    summary: bool = False,
    payloads: Sequence[dict[str, Any]] = (),
) -> Snapshot:
    """A snapshot with one cloudfront payload holding ``dists``.

    Every key is collected (managed policies listed, no logging v2 deliveries) unless named in
    ``omit`` (= not collected); ``policies`` adds custom policies to the managed ones;
    ``summary`` writes the ListDistributions summary fallback (GetDistribution denied).
    """
    entry = f.summary_entry if summary else f.distribution_entry
    data: dict[str, Any] = {
        "distributions": [entry(d, f.tags(team="edge")) for d in dists],
        "origin_access_controls": [f.oac()],
        "origin_access_identities": [f.oai()],
        "vpc_origins": [],
        "functions": [],
        "realtime_log_configs": [],
        "log_delivery_sources": [],
        "log_deliveries": [],
    }
    for kind, items in f.managed_policies().items():
        data[kind] = [*items, *(policies or {}).get(kind, ())]
    data.update(extra or {})
    for key in omit:
        data.pop(key)
    return f.snapshot(f.payload("cloudfront", data), *payloads)


def dist(**kwargs: Any) -> dict[str, Any]:
    """A distribution with sane secure defaults (S3 origin with OAC, TLSv1.2_2021, WAF,
    logging on, HTTP/3, IPv6) — tests override what they exercise."""
    defaults: dict[str, Any] = {
        "certificate": f.viewer_certificate("arn:aws:acm:us-east-1:111111111111:certificate/abc"),
        "web_acl": "arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge/1",
        "logging": (True, "logs.s3.amazonaws.com", "cf/"),
    }
    defaults.update(kwargs)
    return f.distribution(**defaults)


def one(check_id: str, snap: Snapshot | CheckContext) -> Finding:
    """The single finding of ``check_id`` (any status)."""
    [finding] = run_check(check_id, snap)
    return finding


__all__ = ["DIST_ARN", "alb", "cf", "dist", "fails", "one", "run_check", "unknowns"]
