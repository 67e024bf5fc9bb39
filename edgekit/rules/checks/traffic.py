"""traffic.* and waf.count_rule_would_block: what the CloudWatch metrics say about the edge.

Every check here reads the ``cloudwatch`` payload through
:class:`edgekit.model.cloudwatch_reading.Traffic` and reports **unknown** with the reason when
it cannot read what it needs: metrics not collected (``--no-metrics``, an older snapshot),
GetMetricData denied, metrics disabled, an incomplete result, or a resource younger than the
window. A count with no datapoint in a complete result is zero (AWS publishes none for a
period without requests); the evidence says how many periods were read that way.
"""

from __future__ import annotations

from typing import Any, Final

from edgekit.model import Distribution, WebACL
from edgekit.model.cloudwatch.reading import ORIGIN_5XX, Metered, Reading, Traffic
from edgekit.model.common import NOT_COLLECTED
from edgekit.model.wafv2.statements import RuleGroupReferenceStatement
from edgekit.rules.analysis.cloudfront_resolve import cache_settings, is_s3, targets
from edgekit.rules.checks.cache import STATIC_PATTERNS, in_class
from edgekit.rules.context import CheckContext, iter_behaviors
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

ORIGIN_5XX_THRESHOLD: Final = 0.01
"""Default share of requests answered 5xx by the origin above which it is reported; override
with the ``traffic.origin_errors_high.threshold`` setting of the scan."""
CACHE_HIT_FLOOR: Final = 50.0
COUNT_RULE_SHARE: Final = 0.01
WAF_REQUEST_METRICS: Final = (
    "AllowedRequests",
    "BlockedRequests",
    "CaptchaRequests",
    "ChallengeRequests",
)
"""Terminating outcomes: their sum over ``Rule=ALL`` is what the web ACL inspected."""


def traffic(ctx: CheckContext) -> Traffic:
    """The scan's traffic index (built once)."""
    return ctx.memo("traffic", lambda: Traffic(ctx.model))


def _unknown(reading: Reading, what: str) -> Unknown:
    return Unknown(f"{what}: {reading.reason}", reading.evidence())


@check(
    "traffic.idle_entrypoint",
    title="Entrypoint served no request in the metrics window",
    severity="low",
    category="hygiene",
    applies_to="metered",
    remediation="Confirm nobody needs it (DNS, clients using its AWS name), then delete it.",
)
def idle_entrypoint(m: Metered, ctx: CheckContext) -> Fail | Unknown | None:
    """An internet entrypoint (enabled distribution, internet-facing ALB/NLB/Classic ELB, public
    API stage, function URL, accelerator) whose request metric (new flows for NLBs and
    accelerators) totals zero over the whole window. A complete result without any datapoint is
    zero; a resource created inside the window is not judged."""
    if not m.public:
        return None
    reading = traffic(ctx).requests(m)
    if reading.value is None:
        return _unknown(reading, "requests unknown")
    if reading.value > 0:
        return None
    return Fail(
        f"{m.name} served 0 requests in the window",
        {"requests": 0, "name": m.name, **reading.evidence()},
    )


@check(
    "traffic.origin_errors_high",
    title="The origin behind an entrypoint answers too many requests with 5xx",
    severity="medium",
    category="resilience",
    applies_to="metered",
    remediation="Look at the targets' logs and health; fix or scale the failing backend.",
)
def origin_errors_high(m: Metered, ctx: CheckContext) -> Fail | Unknown | None:
    """The share of requests answered 5xx by what is behind the resource -- ALB targets
    (HTTPCode_Target_5XX_Count), Classic ELB backends (HTTPCode_Backend_5XX), API integrations
    (5XXError / 5xx), the function of a URL (Url5xxCount) -- is above the threshold (default
    1 % of requests over the window; ``traffic.origin_errors_high.threshold``). Resources
    without requests are not judged."""
    metric = ORIGIN_5XX.get(m.type)
    if metric is None:
        return None
    t = traffic(ctx)
    requests = t.requests(m)
    if requests.value is None:
        return _unknown(requests, "requests unknown")
    if requests.value == 0:
        return None
    errors = t.total(m, metric)
    if errors.value is None:
        return _unknown(errors, f"{metric} unknown")
    threshold = float(
        ctx.settings.get("traffic.origin_errors_high.threshold", ORIGIN_5XX_THRESHOLD)
    )
    share = errors.value / requests.value
    if share <= threshold:
        return None
    return Fail(
        f"{share:.1%} of {m.name}'s requests got a 5xx from its origin (threshold {threshold:.1%})",
        {
            "requests": requests.value,
            "origin_5xx": errors.value,
            "share": round(share, 4),
            "threshold": threshold,
            "metric": metric,
            "window": requests.evidence().get("window"),
        },
    )


@check(
    "traffic.cache_hit_low",
    title="Distribution caches static paths but hits the cache for few requests",
    severity="medium",
    category="performance",
    applies_to="distribution",
    remediation="Narrow the cache key (query strings, headers, cookies) of the static "
    "behaviors; check Cache-Control from the origin; consider Origin Shield.",
)
def cache_hit_low(d: Distribution, ctx: CheckContext) -> Fail | Unknown | None:
    """CacheHitRate (request-weighted over the window) below 50 % on an enabled distribution
    whose behaviors cache static-looking content (an S3 origin, or a path only matching static
    files) with caching on. CacheHitRate exists only with additional metrics (a monitoring
    subscription): unknown without them."""
    if not d.enabled:
        return None
    static = _static_cached_paths(d, ctx)
    if not static:
        return None
    t = traffic(ctx)
    requests = t.total((d.arn, d.account_id, "global"), "Requests")
    if requests.window is None or not requests.window.collected:
        return _unknown(requests, "CacheHitRate unknown")
    sub = t.subscriptions.get(d.id)
    if sub is not True:
        why = "not known" if sub is None else "off"
        return Unknown(f"CloudFront additional metrics are {why}: no CacheHitRate", {})
    rate, weights = t.find(d.arn, "CacheHitRate", "Average"), t.find(d.arn, "Requests", "Sum")
    hit = rate.weighted_mean(weights) if rate and weights else None
    if hit is None:
        return Unknown("CacheHitRate has no datapoint in the window", {})
    if hit >= CACHE_HIT_FLOOR:
        return None
    return Fail(
        f"cache hit rate {hit:.0f} % while {', '.join(static)} cache static content",
        {"cache_hit_rate_percent": round(hit, 1), "static_paths": static},
    )


def _static_cached_paths(d: Distribution, ctx: CheckContext) -> list[str]:
    found: list[str] = []
    for s in iter_behaviors(d):
        b = s.behavior
        if not (any(is_s3(o) for o in targets(d, b)) or in_class(b.path_pattern, STATIC_PATTERNS)):
            continue
        settings = cache_settings(ctx.model, d, b)
        if isinstance(settings, Unknown) or settings.caching_disabled:
            continue
        found.append(s.path)
    return found


@check(
    "waf.count_rule_would_block",
    title="A Count-mode WAF rule matches a notable share of the web ACL's requests",
    severity="medium",
    category="security",
    applies_to="web_acl",
    remediation="Review what it matches (sampled requests, logs); switch it to Block, or "
    "remove it if the matches are legitimate.",
)
def count_rule_would_block(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """A rule in Count mode (action Count, or a rule group overridden to Count), or a Count rule
    inside one of the account's own rule groups the ACL references, matched at least 1 % of
    the requests the ACL inspected (Allowed + Blocked + CAPTCHA + Challenge, ``Rule=ALL``)
    over the window: the evidence gives the share, what Block would stop. Unknown when the ACL's
    or the rule's metrics are disabled or were not collected."""
    if acl.rules is NOT_COLLECTED:
        return Unknown("the web ACL's rules were not collected", {})
    counting = _count_rules(acl, ctx)
    if not counting:
        return None
    t = traffic(ctx)
    place = (acl.arn, acl.account_id, acl.region)
    parts = [t.total(place, metric) for metric in WAF_REQUEST_METRICS]
    missing = next((p for p in parts if p.value is None), None)
    if missing is not None:
        return _unknown(missing, "requests the ACL inspected unknown")
    inspected = sum(p.value or 0.0 for p in parts)
    if inspected == 0:
        return None
    hits: list[dict[str, Any]] = []
    unknown: list[str] = []
    for label, where in counting:
        got = t.total(where, "CountedRequests", rule=label.rpartition("/")[2])
        if got.value is None:
            unknown.append(f"{label} ({got.reason})")
        elif got.value / inspected >= COUNT_RULE_SHARE:
            hits.append(
                {"rule": label, "counted": got.value, "share": round(got.value / inspected, 4)}
            )
    if hits:
        names = ", ".join(f"{h['rule']} ({h['share']:.1%})" for h in hits)
        return Fail(
            f"Count-mode rule(s) {names} would block that share of the ACL's requests",
            {"inspected_requests": inspected, "rules": hits, "not_read": unknown},
        )
    if unknown:
        return Unknown("Count-mode rules not read: " + "; ".join(unknown), {})
    return None


def _count_rules(acl: WebACL, ctx: CheckContext) -> list[tuple[str, tuple[str, str, str]]]:
    """(label, where its CountedRequests series lives) of the ACL's Count-mode rules."""
    assert acl.rules is not NOT_COLLECTED
    out: list[tuple[str, tuple[str, str, str]]] = []
    groups = {g.arn: g for g in ctx.model.rule_groups}
    for rule in acl.rules:
        if rule.counts_only:
            out.append((rule.name, (acl.arn, acl.account_id, acl.region)))
        if isinstance(rule.statement, RuleGroupReferenceStatement) and not rule.counts_only:
            group = groups.get(rule.statement.arn)
            if group is None:
                continue
            for inner in group.rules:
                if inner.counts_only:
                    out.append(
                        (f"{group.name}/{inner.name}", (group.arn, acl.account_id, acl.region))
                    )
    return out


def served_requests(arn: str, ctx: CheckContext) -> Reading | None:
    """Requests (new flows) a metered resource served in the window; None when the snapshot
    has no CloudWatch metrics at all (callers then keep their "unverified" wording)."""
    t = traffic(ctx)
    if not t.windows:
        return None
    by_arn = ctx.memo("metered_by_arn", lambda: {m.arn: m for m in ctx.resources("metered")})
    found = by_arn.get(arn)
    return t.requests(found) if found is not None else None


def requests_evidence(reading: Reading) -> dict[str, Any]:
    """Evidence of a request reading: the fact (with its window), or why it is unknown."""
    if reading.value is None:
        return {"request_metrics": f"requests in the window unknown: {reading.reason}"}
    w = reading.window
    span = f"{w.start.isoformat()} and {w.end.isoformat()}" if w else "the window bounds"
    return {
        "requests_in_window": reading.value,
        "request_metrics": f"{reading.value:.0f} requests between {span} "
        "(CloudWatch, a complete result)",
    }
