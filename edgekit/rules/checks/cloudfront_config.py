"""CloudFront: distribution-wide settings — WAF, logging, state, price class."""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, Distribution
from edgekit.rules.analysis.cloudfront_resolve import label
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


@check(
    "cloudfront.no_waf",
    title="Enabled distribution without a web ACL",
    severity="high",
    category="security",
    applies_to="distribution",
    remediation="Associate a WAFv2 web ACL (scope CLOUDFRONT) with the distribution.",
    references=("SH CloudFront.6", "P", "CK_68"),
)
def no_waf(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """An enabled distribution has no WebACLId — neither a WAFv2 web ACL ARN nor a WAF Classic
    web ACL id. The WebACLId is part of the distribution itself (GetDistribution and the
    ListDistributions summary alike), so a denied WAF read can never make this fire. Disabled
    distributions serve nothing and are skipped."""
    if not dist.enabled or dist.web_acl_id is not None:
        return None
    return Fail("enabled distribution has no web ACL", {"web_acl_id": None})


@check(
    "cloudfront.logging_disabled",
    title="No access logging",
    severity="medium",
    category="logging",
    applies_to="distribution",
    remediation="Enable standard logging (v2 log delivery to S3, CloudWatch Logs or Firehose) "
    "or attach a real-time log configuration.",
    references=("SH CloudFront.5", "P", "CK_86"),
)
def logging_disabled(dist: Distribution, ctx: CheckContext) -> Fail | Unknown | None:
    """No access logs by any of CloudFront's three means: standard logging (legacy, to S3) is
    off, no behavior (default or ordered) has a real-time log configuration, and no standard
    logging v2 delivery (CloudWatch Logs delivery source for the distribution with a delivery)
    exists where those were collected. Any one of them passes. The v2 deliveries count only
    where they were read (CHECKS.md: "where collected"): when the CloudWatch Logs delivery
    sources / deliveries were not collected the check still fails, and the evidence says so.
    Unknown when nothing else logs and the standard logging setting itself was not collected
    (GetDistribution denied: summary fallback)."""
    standard = dist.logging
    if standard is not NOT_COLLECTED and standard.enabled:
        return None
    realtime = [label(b) for b in dist.behaviors if b.realtime_log_config_arn]
    if realtime:
        return None
    deliveries = ctx.model.cloudfront.log_deliveries_for(dist)
    if deliveries is not NOT_COLLECTED and deliveries:
        return None
    if standard is NOT_COLLECTED:
        return Unknown(
            "no logging found, but not collected: standard logging (GetDistribution)",
            {"not_collected": ["standard logging (GetDistribution)"]},
        )
    v2: list[str] | str = [] if deliveries is not NOT_COLLECTED else "not collected"
    return Fail(
        "no standard logging, no real-time logs, no v2 log delivery"
        + (" (v2 deliveries not collected)" if isinstance(v2, str) else ""),
        {"standard_logging": False, "realtime_log_configs": [], "log_deliveries": v2},
    )


@check(
    "cloudfront.disabled",
    title="Distribution is disabled",
    severity="low",
    category="hygiene",
    applies_to="distribution",
    remediation="Delete the distribution if it is no longer needed (and the DNS names, "
    "certificates and origins only it used).",
    references=("CK_216",),
)
def disabled(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """Enabled is false: the distribution serves nothing but keeps its configuration, aliases
    and origins around (and its ``*.cloudfront.net`` name can still be aliased to)."""
    if dist.enabled:
        return None
    return Fail("distribution is disabled", {"enabled": False})


@check(
    "cloudfront.price_class_all",
    title="Price class includes every edge location",
    severity="info",
    category="cost",
    applies_to="distribution",
    remediation="Review viewer geography; PriceClass_100 or PriceClass_200 may serve it for less.",
    references=("Steampipe thrifty",),
)
def price_class_all(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """PriceClass is ``PriceClass_All``: the most expensive edge locations (South America,
    Oceania ...) serve viewers too. Reported for review against where viewers really are."""
    if dist.price_class != "PriceClass_All":
        return None
    return Fail("PriceClass_All", {"price_class": dist.price_class})
