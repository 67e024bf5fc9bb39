"""waf.* checks on protection coverage: the baseline managed groups, SQLi and rate limiting.

"Enforcing" managed group = used with OverrideAction None (see
:mod:`edgekit.rules.analysis.waf_semantics`).
Statements are searched nested (And/Or/Not, scope-downs) and inside referenced own rule groups.
"""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, WebACL
from edgekit.model.wafv2.statements import (
    ManagedRuleGroupStatement,
    RateBasedStatement,
    SizeConstraintStatement,
    SqliMatchStatement,
    XssMatchStatement,
)
from edgekit.rules.analysis.exposure import acl_internet_facing
from edgekit.rules.analysis.waf_semantics import (
    acl_rules,
    group_statements,
    is_managed,
    managed_uses,
    neutered_rules,
)
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

COMMON = "AWSManagedRulesCommonRuleSet"
KNOWN_BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet"
IP_REPUTATION = "AWSManagedRulesAmazonIpReputationList"
SQLI = "AWSManagedRulesSQLiRuleSet"
LOG4J_PREFIX = "Log4JRCE"
"""Log4JRCE_HEADER, _QUERYSTRING, _BODY, _URIPATH (and the original single Log4JRCE rule)."""


def _rules_unknown(acl: WebACL) -> Unknown:
    return Unknown(
        "the web ACL's rules were not collected (GetWebACL denied?)",
        {"from_summary": acl.from_summary},
    )


def _exposure_unknown(resources: tuple[str, ...]) -> Unknown:
    return Unknown(
        "cannot tell whether the web ACL protects an internet-facing entrypoint "
        "(associations or the associated resources were not collected)",
        {"undecided": list(resources)},
    )


@check(
    "waf.missing_common_rules",
    title="Internet-facing web ACL without the core rule set",
    severity="medium",
    category="security",
    applies_to="web_acl",
    remediation="Add AWS/AWSManagedRulesCommonRuleSet with OverrideAction None.",
    references=("P request #12637",),
)
def missing_common_rules(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when a web ACL protecting an internet-facing entrypoint (enabled distribution,
    internet-facing load balancer, public API stage) has neither an enforcing
    AWS/AWSManagedRulesCommonRuleSet (OverrideAction None; Count does not protect) nor custom
    enforcing rules covering the same ground: an XssMatchStatement and a
    SizeConstraintStatement, nested or in referenced own rule groups, in rules that can block
    (Block, Captcha, Challenge). Unknown when the rules, the associations or a referenced rule
    group were not collected and the answer depends on them."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _rules_unknown(acl)
    if any(is_managed(u.statement, COMMON) and not u.counts_only for u in managed_uses(rules)):
        return None
    statements, unresolved = group_statements(rules, ctx.model.waf, enforcing_only=True)
    xss = any(isinstance(s, XssMatchStatement) for s in statements)
    size = any(isinstance(s, SizeConstraintStatement) for s in statements)
    if xss and size:
        return None
    exposure = acl_internet_facing(acl, ctx)
    if exposure.value is False:
        return None
    if exposure.value is None:
        return _exposure_unknown(exposure.resources)
    if unresolved:
        return Unknown("referenced rule group(s) not collected", {"rule_groups": unresolved})
    return Fail(
        "internet-facing web ACL has no enforcing core rule set (or custom XSS + size rules)",
        {"protects": list(exposure.resources), "custom_xss": xss, "custom_size": size},
    )


@check(
    "waf.missing_known_bad_inputs",
    title="No enforcing Known Bad Inputs rules (Log4j and friends)",
    severity="medium",
    category="security",
    applies_to="web_acl",
    remediation=(
        "Add AWS/AWSManagedRulesKnownBadInputsRuleSet with OverrideAction None and remove "
        "Count overrides of its Log4JRCE rules."
    ),
    references=("CK_192", "CK2_47", "CK2_76"),
)
def missing_known_bad_inputs(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL has no enforcing AWS/AWSManagedRulesKnownBadInputsRuleSet (absent,
    or only with OverrideAction Count), or when every enforcing use of it overrides one of its
    Log4JRCE rules (Log4JRCE_HEADER, _QUERYSTRING, _BODY, _URIPATH) to Count or Allow, or
    excludes it: Log4Shell payloads then pass. Evidence names the overridden rules. Unknown when
    the rules were not collected."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _rules_unknown(acl)
    uses = [u for u in managed_uses(rules) if is_managed(u.statement, KNOWN_BAD_INPUTS)]
    enforcing = [u for u in uses if not u.counts_only]
    if not enforcing:
        return Fail(
            "no enforcing AWSManagedRulesKnownBadInputsRuleSet"
            + (" (only with OverrideAction Count)" if uses else ""),
            {"count_only": [u.rule.name for u in uses]},
        )
    weakened = []
    names: set[str] = set()
    for use in enforcing:
        log4j = {
            n: v for n, v in neutered_rules(use.statement).items() if n.startswith(LOG4J_PREFIX)
        }
        if not log4j:
            return None
        overridden = [{"name": n, "action": a, "via": how} for n, (a, how) in log4j.items()]
        weakened.append({**use.evidence(), "overridden": overridden})
        names.update(log4j)
    return Fail(f"Log4JRCE rules overridden: {', '.join(sorted(names))}", {"groups": weakened})


@check(
    "waf.missing_ip_reputation",
    title="No Amazon IP reputation list",
    severity="low",
    category="security",
    applies_to="web_acl",
    remediation="Add AWS/AWSManagedRulesAmazonIpReputationList.",
)
def missing_ip_reputation(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL does not use AWS/AWSManagedRulesAmazonIpReputationList (in a rule
    or a Firewall Manager group), which blocks addresses Amazon threat intelligence flags as
    bots and attackers. A use with OverrideAction Count counts as present (that is
    waf.managed_group_count_only's finding). Unknown when the rules were not collected."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _rules_unknown(acl)
    if any(is_managed(u.statement, IP_REPUTATION) for u in managed_uses(rules)):
        return None
    return Fail(f"web ACL does not use {IP_REPUTATION}")


def _sqli_group(statement: ManagedRuleGroupStatement) -> bool:
    return is_managed(statement, SQLI) or "sql" in statement.name.lower()


@check(
    "waf.missing_sqli_rules",
    title="No SQL injection rules",
    severity="low",
    category="security",
    applies_to="web_acl",
    remediation="Add AWS/AWSManagedRulesSQLiRuleSet, or SqliMatchStatement rules.",
    references=("P request #12636",),
)
def missing_sqli_rules(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL uses no SQL injection managed group
    (AWS/AWSManagedRulesSQLiRuleSet, or another vendor's group whose name mentions SQL) and no
    SqliMatchStatement anywhere: nested in And/Or/Not or scope-downs, or in a referenced own
    rule group. Unknown when the rules, or a referenced rule group that might hold one, were
    not collected."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _rules_unknown(acl)
    if any(_sqli_group(u.statement) for u in managed_uses(rules)):
        return None
    statements, unresolved = group_statements(rules, ctx.model.waf)
    if any(isinstance(s, SqliMatchStatement) for s in statements):
        return None
    if unresolved:
        return Unknown("referenced rule group(s) not collected", {"rule_groups": unresolved})
    return Fail("web ACL has no SQL injection managed group and no SqliMatchStatement")


@check(
    "waf.no_rate_based_rule",
    title="Internet-facing web ACL without rate limiting",
    severity="medium",
    category="resilience",
    applies_to="web_acl",
    remediation="Add a rate-based rule (per IP, or per forwarded IP behind a proxy).",
)
def no_rate_based_rule(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when a web ACL protecting an internet-facing entrypoint has no RateBasedStatement
    anywhere (nested, in scope-downs, or in referenced own rule groups; Count rules included):
    nothing limits floods or credential stuffing from one source. Unknown when the rules, the
    associations or a referenced rule group were not collected and the answer depends on
    them."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _rules_unknown(acl)
    statements, unresolved = group_statements(rules, ctx.model.waf)
    if any(isinstance(s, RateBasedStatement) for s in statements):
        return None
    exposure = acl_internet_facing(acl, ctx)
    if exposure.value is False:
        return None
    if exposure.value is None:
        return _exposure_unknown(exposure.resources)
    if unresolved:
        return Unknown("referenced rule group(s) not collected", {"rule_groups": unresolved})
    return Fail(
        "internet-facing web ACL has no rate-based rule",
        {"protects": list(exposure.resources)},
    )
