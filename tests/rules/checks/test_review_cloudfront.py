"""Review of the cloudfront.* checks against realistic estates."""

from __future__ import annotations

from typing import Any

import pytest

from tests.model import factories as f
from tests.rules.checks.cf_snapshots import alb, cf, dist
from tests.rules.checks.helpers import fails, run_check, unknowns


# -- s3_origin_missing_bucket --------------------------------------------------------------------
def _buckets(*records: dict[str, Any]) -> dict[str, Any]:
    return f.payload("s3", {"buckets": list(records)})


def _origin_on(domain: str) -> dict[str, Any]:
    origin = f.s3_origin("ap")
    origin["DomainName"] = domain
    return origin


@pytest.mark.parametrize(
    "domain",
    [
        # S3 access point alias, Object Lambda access point alias, Multi-Region Access Point
        "assets-ap-abcdefghijklmnopqrstuvwxyz1234-s3alias.s3.us-east-1.amazonaws.com",
        "assets-olap-abcdefghijklmnopqrstuvwxyz12--ol-s3.s3.us-east-1.amazonaws.com",
        "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com",
    ],
)
def test_s3_origin_missing_bucket_passes_access_point_origins(domain: str) -> None:
    """Access point aliases and Multi-Region Access Points are not bucket names (the s3
    collector never probes them, and they cannot be claimed by someone else): no bucket
    existence to decide, so never an eternal unknown."""
    snap = cf(dist(origins=[_origin_on(domain)]), payloads=[_buckets()])
    assert run_check("cloudfront.s3_origin_missing_bucket", snap) == []


def test_s3_origin_missing_bucket_fires_next_to_an_access_point_origin() -> None:
    d = dist(
        origins=[
            _origin_on("mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com"),
            f.s3_origin("gone", "gone-bucket"),
        ]
    )
    s3 = _buckets(f.bucket_record("gone-bucket", exists=False, owned=False, region=None))
    [finding] = fails("cloudfront.s3_origin_missing_bucket", cf(d, payloads=[s3]))
    assert finding.evidence == {"missing": {"gone": "gone-bucket"}, "undetermined": {}}


def test_s3_origin_missing_bucket_unknown_for_a_plain_bucket_without_record() -> None:
    snap = cf(dist(origins=[f.s3_origin("s3", "plain-bucket")]), payloads=[_buckets()])
    [finding] = unknowns("cloudfront.s3_origin_missing_bucket", snap)
    assert finding.evidence == {"undetermined": {"s3": "plain-bucket"}}


# -- logging_disabled ----------------------------------------------------------------------------
NO_LOG = (False, "", "")


@pytest.mark.parametrize("key", ["log_delivery_sources", "log_deliveries"])
def test_logging_disabled_fires_when_v2_deliveries_were_not_collected(key: str) -> None:
    """CHECKS.md: "no v2 log delivery *where collected*" — v2 deliveries count where they were
    read; an unread CloudWatch Logs listing does not hold the finding back."""
    [finding] = fails("cloudfront.logging_disabled", cf(dist(logging=NO_LOG), omit=[key]))
    assert finding.evidence == {
        "standard_logging": False,
        "realtime_log_configs": [],
        "log_deliveries": "not collected",
    }


def test_logging_disabled_unknown_when_standard_logging_was_not_collected() -> None:
    """Standard logging itself is not optional: the summary fallback stays unknown."""
    snap = cf(dist(logging=NO_LOG), summary=True, omit=["log_deliveries"])
    [finding] = unknowns("cloudfront.logging_disabled", snap)
    assert finding.evidence == {"not_collected": ["standard logging (GetDistribution)"]}


def test_logging_disabled_passes_with_v2_delivery_even_from_the_summary() -> None:
    extra = {
        "log_delivery_sources": [f.delivery_source("cf-src", dist()["ARN"])],
        "log_deliveries": [f.delivery("d1", "cf-src")],
    }
    snap = cf(dist(logging=NO_LOG), summary=True, extra=extra)
    assert run_check("cloudfront.logging_disabled", snap) == []


# -- origin groups as behavior targets (judged correct; locked) ----------------------------------
def _grouped(**behavior: Any) -> dict[str, Any]:
    """An ordered /api/* behavior targeting an origin group: ALB primary, S3 failover."""
    origins = [alb(policy="match-viewer"), f.s3_origin("s3", "fallback-bucket")]
    ordered = f.behavior("grp", "/api/*", **behavior)
    return dist(
        origins=origins,
        groups=[f.origin_group("grp", ["alb", "s3"])],
        behaviors=[ordered],
        default=f.behavior("s3"),
    )


def test_origin_http_only_fires_through_an_ordered_behavior_to_an_origin_group() -> None:
    [finding] = fails("cloudfront.origin_http_only", cf(_grouped(viewer="allow-all")))
    assert finding.evidence["origins"]["alb"]["http_path_patterns"] == ["/api/*"]


def test_s3_write_methods_fires_for_the_s3_member_of_an_origin_group() -> None:
    methods = ("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
    [finding] = fails("cloudfront.s3_write_methods", cf(_grouped(methods=methods)))
    assert finding.evidence == {"behaviors": {"/api/*": ["DELETE", "PATCH", "POST", "PUT"]}}


def test_unused_origin_passes_when_origins_are_only_group_members() -> None:
    assert run_check("cloudfront.unused_origin", cf(_grouped())) == []
