"""waf.client_ip_behind_cdn: IP-based rules on an ALB that only sees CloudFront's addresses."""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, WebACL
from edgekit.model.wafv2.statements import (
    AsnMatchStatement,
    GeoMatchStatement,
    IPSetReferenceStatement,
    LabelMatchStatement,
    RateBasedStatement,
    Statement,
)
from edgekit.rules.analysis.exposure import albs_behind_cloudfront
from edgekit.rules.analysis.waf_semantics import acl_rules, group_statements
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

CLIENT_IP_LABELS = "awswaf:clientip:"
"""Labels WAF derives from the peer address (``awswaf:clientip:geo:country:..``)."""


def peer_ip_use(statement: Statement) -> str | None:
    """How ``statement`` keys on the connecting peer's address, or None.

    Rate-based with AggregateKeyType IP, or CUSTOM_KEYS including an ``IP`` key; IP set, geo
    and ASN matches without a forwarded-IP configuration; labels ``awswaf:clientip:*``.
    """
    s = statement
    if isinstance(s, RateBasedStatement):
        if s.aggregate_key_type == "IP":
            return "rate-based per IP"
        if s.aggregate_key_type == "CUSTOM_KEYS" and any("IP" in k for k in s.custom_keys):
            return "rate-based custom key IP"
        return None
    if isinstance(s, IPSetReferenceStatement | GeoMatchStatement | AsnMatchStatement):
        return None if s.forwarded_ip_config is not None else s.kind
    if isinstance(s, LabelMatchStatement) and s.key.startswith(CLIENT_IP_LABELS):
        return "client IP label"
    return None


@check(
    "waf.client_ip_behind_cdn",
    title="WAF behind CloudFront keys on the peer IP",
    severity="high",
    category="security",
    applies_to="web_acl",
    remediation=(
        "Use ForwardedIPConfig (X-Forwarded-For) / IPSetForwardedIPConfig, AggregateKeyType "
        "FORWARDED_IP, or move these rules to a CloudFront web ACL."
    ),
)
def client_ip_behind_cdn(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL protects an ALB that is behind CloudFront (the origin of a
    distribution in the snapshot) and uses rules keyed on the connecting address: rate-based
    statements with AggregateKeyType IP (or CUSTOM_KEYS with an IP key), IP set references
    without IPSetForwardedIPConfig, geo or ASN matches without ForwardedIPConfig, or
    awswaf:clientip labels — nested or in referenced own rule groups, whatever the action. Those
    rules see CloudFront's edge addresses, not the viewers': rate limits throttle whole edge
    locations and allow/deny lists miss. Evidence: the rules, the ALB and the distributions.
    Unknown when the rules, associations, distributions or a referenced rule group were not
    collected and the answer depends on them. (A rule that deliberately matches CloudFront's
    own ranges, e.g. an origin lock, is reported too: check it and suppress.)"""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _unknown("the web ACL's rules were not collected", acl)
    offending: list[dict[str, object]] = []
    unresolved: set[str] = set()
    for rule in rules:
        statements, missing = group_statements([rule], ctx.model.waf)
        unresolved.update(missing)
        uses = sorted({u for u in map(peer_ip_use, statements) if u})
        if uses:
            offending.append({"rule": rule.name, "priority": rule.priority, "uses": uses})
    if not offending and not unresolved:
        return None
    behind, albs = albs_behind_cloudfront(acl, ctx)
    if behind is False:
        return None
    if behind is None:
        return _unknown("cannot tell whether the protected ALB is behind CloudFront", acl)
    if not offending:
        return Unknown(
            "referenced rule group(s) not collected", {"rule_groups": sorted(unresolved)}
        )
    names = ", ".join(str(o["rule"]) for o in offending)
    return Fail(
        f"rules keyed on the peer IP behind CloudFront: {names}",
        {"rules": offending, "behind_cloudfront": albs},
    )


def _unknown(message: str, acl: WebACL) -> Unknown:
    return Unknown(message, {"from_summary": acl.from_summary})
