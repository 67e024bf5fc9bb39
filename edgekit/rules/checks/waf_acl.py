"""waf.* checks on a web ACL's own configuration: rules present, logging, metrics, associations,
capacity, duplicated managed groups."""

from __future__ import annotations

from collections import defaultdict

from edgekit.model import NOT_COLLECTED, WebACL
from edgekit.rules.analysis.waf_semantics import acl_rules, managed_uses
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

CAPACITY_LIMIT = 1500
"""WCU included in the base price; every 500 WCU above costs $0.20 per million requests."""


def _not_read(acl: WebACL, what: str) -> Unknown:
    return Unknown(
        f"the web ACL's {what} could not be read (GetWebACL denied: only its summary)",
        {"from_summary": acl.from_summary},
    )


@check(
    "waf.acl_empty",
    title="Web ACL has no rules",
    severity="high",
    category="security",
    applies_to="web_acl",
    remediation="Add rules (at least the AWS managed baseline groups) or delete the web ACL.",
    references=("SH WAF.10", "P"),
)
def acl_empty(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL has no rules and no Firewall Manager pre- or post-process rule
    groups: every request gets the default action, so the ACL inspects nothing. Unknown when
    the rules were not collected (only the ListWebACLs summary was readable)."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _not_read(acl, "rules")
    if rules:
        return None
    default = None if acl.default_action is NOT_COLLECTED else acl.default_action.kind
    return Fail(
        f"web ACL has no rules; every request gets the default action ({default})",
        {"default_action": default},
    )


@check(
    "waf.logging_disabled",
    title="Web ACL logging disabled",
    severity="medium",
    category="logging",
    applies_to="web_acl",
    remediation=(
        "Enable logging (PutLoggingConfiguration) to CloudWatch Logs, S3 or Firehose, "
        "redacting sensitive headers."
    ),
    references=("SH WAF.11", "P"),
)
def logging_disabled(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL has no logging configuration, so blocked and allowed requests
    leave no trace for incident response or rule tuning. Unknown when GetLoggingConfiguration
    could not be read (a missing permission is never read as "no logging")."""
    if acl.logging is NOT_COLLECTED:
        return Unknown("the logging configuration was not collected (GetLoggingConfiguration)")
    if acl.logging is None:
        return Fail("web ACL has no logging configuration")
    return None


@check(
    "waf.rule_metrics_disabled",
    title="Web ACL or rule without CloudWatch metrics",
    severity="low",
    category="logging",
    applies_to="web_acl",
    remediation="Set VisibilityConfig.CloudWatchMetricsEnabled to true on the web ACL and rules.",
    references=("SH WAF.12", "P"),
)
def rule_metrics_disabled(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL's VisibilityConfig, or that of any of its rules, has
    CloudWatchMetricsEnabled false: matches of those rules are invisible in CloudWatch.
    Firewall Manager groups are not counted (the ACL owner cannot change them). Unknown when
    the configuration was not collected."""
    if acl.visibility_config is NOT_COLLECTED or acl.rules is NOT_COLLECTED:
        return _not_read(acl, "configuration")
    rules = sorted(r.name for r in acl.rules if not r.visibility_config.cloudwatch_metrics_enabled)
    acl_off = not acl.visibility_config.cloudwatch_metrics_enabled
    if not rules and not acl_off:
        return None
    parts = (["the web ACL"] if acl_off else []) + ([f"{len(rules)} rule(s)"] if rules else [])
    return Fail(
        f"CloudWatch metrics disabled for {' and '.join(parts)}",
        {"acl_metrics_enabled": not acl_off, "rules": rules},
    )


@check(
    "waf.unassociated_acl",
    title="Web ACL associated with nothing",
    severity="low",
    category="cost",
    applies_to="web_acl",
    remediation="Associate the web ACL with the resources it should protect, or delete it.",
    references=("Steampipe",),
)
def unassociated_acl(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL protects no resource yet is billed ($5/month plus $1 per rule).
    REGIONAL associations are ListResourcesForWebACL's answer; CLOUDFRONT-scope associations are
    the distributions of the ACL's account whose WebACLId is this ACL. Unknown when the
    associations (or, for CLOUDFRONT scope, the distributions) were not collected."""
    found = ctx.model.waf.web_acl_associations(acl)
    if found is NOT_COLLECTED:
        return Unknown(
            "associations not collected (ListResourcesForWebACL, or the account's distributions)",
            {"scope": acl.scope},
        )
    if found:
        return None
    rules = 0 if acl.rules is NOT_COLLECTED else len(acl.rules)
    return Fail("web ACL is associated with no resource", {"scope": acl.scope, "rules": rules})


@check(
    "waf.capacity_over_1500",
    title="Web ACL uses more than 1,500 WCU",
    severity="low",
    category="cost",
    applies_to="web_acl",
    remediation=(
        "Remove unused or duplicated rule groups, scope rules down, or accept the surcharge."
    ),
)
def capacity_over_1500(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL's Capacity exceeds 1,500 WAF capacity units: requests to it are
    surcharged ($0.20 per million for every extra 500 WCU). Unknown when Capacity was not
    collected."""
    if acl.capacity is NOT_COLLECTED or acl.capacity is None:
        return Unknown("the web ACL's capacity was not collected")
    if acl.capacity <= CAPACITY_LIMIT:
        return None
    return Fail(
        f"web ACL uses {acl.capacity} WCU (> {CAPACITY_LIMIT})",
        {"capacity": acl.capacity, "limit": CAPACITY_LIMIT},
    )


@check(
    "waf.duplicate_managed_group",
    title="Same managed rule group twice in one web ACL",
    severity="low",
    category="cost",
    applies_to="web_acl",
    remediation="Keep one reference to the group (use scope-down statements or labels instead).",
)
def duplicate_managed_group(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when one managed rule group (same vendor and name, whatever the version or
    scope-down) is referenced more than once in the web ACL, by its rules or its Firewall
    Manager groups: each copy costs its full WCU and request charge. Evidence lists the
    rules per group. Unknown when the rules were not collected."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _not_read(acl, "rules")
    by_group: dict[str, list[str]] = defaultdict(list)
    for use in managed_uses(rules):
        by_group[use.label].append(use.rule.name)
    dupes = {g: sorted(names) for g, names in sorted(by_group.items()) if len(names) > 1}
    if not dupes:
        return None
    return Fail(
        f"managed rule group(s) used more than once: {', '.join(dupes)}",
        {"groups": dupes},
    )
