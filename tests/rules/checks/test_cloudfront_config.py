"""cloudfront.no_waf, logging_disabled, disabled, price_class_all."""

from __future__ import annotations

import pytest

from tests.model import factories as f
from tests.rules.checks.cf_snapshots import DIST_ARN, cf, dist, fails, run_check, unknowns

NO_LOG = (False, "", "")
V2_KEYS = ("log_delivery_sources", "log_deliveries")


# -- no_waf ------------------------------------------------------------------------------------
def test_no_waf_fires_on_enabled_distribution_without_acl() -> None:
    [finding] = fails("cloudfront.no_waf", cf(dist(web_acl="")))
    assert finding.evidence == {"web_acl_id": None}


@pytest.mark.parametrize(
    "acl",
    [
        "arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge/1",
        "473e64fd-f30b-4765-81a0-62ad96dd167a",  # WAF Classic id
    ],
)
def test_no_waf_passes_with_v2_arn_or_classic_id(acl: str) -> None:
    assert run_check("cloudfront.no_waf", cf(dist(web_acl=acl))) == []


def test_no_waf_passes_disabled_distribution() -> None:
    assert run_check("cloudfront.no_waf", cf(dist(web_acl="", enabled=False))) == []


def test_no_waf_passes_from_summary_and_without_waf_data() -> None:
    # The WebACLId is the distribution's own field: no WAF read is involved.
    assert run_check("cloudfront.no_waf", cf(dist(), summary=True)) == []


# -- logging_disabled --------------------------------------------------------------------------
def test_logging_disabled_fires_when_nothing_logs() -> None:
    [finding] = fails("cloudfront.logging_disabled", cf(dist(logging=NO_LOG)))
    assert finding.evidence == {
        "standard_logging": False,
        "realtime_log_configs": [],
        "log_deliveries": [],
    }


def test_logging_disabled_passes_with_standard_logging() -> None:
    assert run_check("cloudfront.logging_disabled", cf(dist(), omit=V2_KEYS)) == []


def test_logging_disabled_passes_with_realtime_logs_on_an_ordered_behavior() -> None:
    rt = f"arn:aws:cloudfront::{f.ACCOUNT}:realtime-log-config/rt"
    d = dist(logging=NO_LOG, behaviors=[f.behavior("s3-assets", "/a/*", realtime_log=rt)])
    assert run_check("cloudfront.logging_disabled", cf(d, omit=V2_KEYS)) == []


def test_logging_disabled_passes_with_v2_delivery() -> None:
    extra = {
        "log_delivery_sources": [f.delivery_source("cf-src", DIST_ARN)],
        "log_deliveries": [f.delivery("d1", "cf-src")],
    }
    assert run_check("cloudfront.logging_disabled", cf(dist(logging=NO_LOG), extra=extra)) == []


def test_logging_disabled_fires_with_source_but_no_delivery() -> None:
    extra = {"log_delivery_sources": [f.delivery_source("cf-src", DIST_ARN)]}
    assert len(fails("cloudfront.logging_disabled", cf(dist(logging=NO_LOG), extra=extra))) == 1


@pytest.mark.parametrize("key", V2_KEYS)
def test_logging_disabled_fires_when_v2_not_collected(key: str) -> None:
    # CHECKS.md: "no v2 log delivery where collected" (see the realistic estates below)
    [finding] = fails("cloudfront.logging_disabled", cf(dist(logging=NO_LOG), omit=[key]))
    assert finding.evidence["log_deliveries"] == "not collected"


def test_logging_disabled_unknown_from_summary_without_other_signals() -> None:
    [finding] = unknowns("cloudfront.logging_disabled", cf(dist(logging=NO_LOG), summary=True))
    assert finding.evidence == {"not_collected": ["standard logging (GetDistribution)"]}


def test_logging_disabled_passes_from_summary_when_realtime_logs_decide() -> None:
    rt = f"arn:aws:cloudfront::{f.ACCOUNT}:realtime-log-config/rt"
    d = dist(logging=NO_LOG, default=f.behavior("s3-assets", realtime_log=rt))
    assert run_check("cloudfront.logging_disabled", cf(d, summary=True, omit=V2_KEYS)) == []


# -- disabled / price_class_all ----------------------------------------------------------------
def test_disabled_fires() -> None:
    [finding] = fails("cloudfront.disabled", cf(dist(enabled=False)))
    assert finding.evidence == {"enabled": False}


def test_disabled_passes() -> None:
    assert run_check("cloudfront.disabled", cf(dist())) == []


def test_price_class_all_fires() -> None:
    [finding] = fails("cloudfront.price_class_all", cf(dist(price_class="PriceClass_All")))
    assert finding.severity.label == "info"


@pytest.mark.parametrize("price_class", ["PriceClass_100", "PriceClass_200"])
def test_price_class_all_passes(price_class: str) -> None:
    assert run_check("cloudfront.price_class_all", cf(dist(price_class=price_class))) == []


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
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
