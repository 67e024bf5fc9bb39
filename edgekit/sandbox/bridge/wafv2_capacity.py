"""WAFv2 web ACL ``Capacity`` computed from the rules (moto 5.2.5 always answers 3).

AWS charges web ACL capacity units (WCU) per rule statement; a web ACL's ``Capacity`` is their
sum. The bridge computes it the same way, from the WCU AWS publishes for its managed rule groups
and for each statement type, so checks that read ``Capacity`` see realistic values. The figures
are AWS's base costs (no per-pattern detail: a regex pattern set counts 25 whatever it
holds), so the result is close to, not always equal to, what AWS would report. A custom rule
group counts its own declared ``Capacity``.
"""

from __future__ import annotations

from typing import Any

from moto.wafv2 import models as wafv2_models

MANAGED_GROUP_WCU: dict[str, int] = {
    "AWSManagedRulesCommonRuleSet": 700,
    "AWSManagedRulesAdminProtectionRuleSet": 100,
    "AWSManagedRulesKnownBadInputsRuleSet": 200,
    "AWSManagedRulesSQLiRuleSet": 200,
    "AWSManagedRulesLinuxRuleSet": 200,
    "AWSManagedRulesUnixRuleSet": 100,
    "AWSManagedRulesWindowsRuleSet": 200,
    "AWSManagedRulesPHPRuleSet": 100,
    "AWSManagedRulesWordPressRuleSet": 100,
    "AWSManagedRulesAmazonIpReputationList": 25,
    "AWSManagedRulesAnonymousIpList": 50,
    "AWSManagedRulesBotControlRuleSet": 50,
    "AWSManagedRulesATPRuleSet": 50,
    "AWSManagedRulesACFPRuleSet": 50,
    "AWSManagedRulesAntiDDoSRuleSet": 50,
}
"""WCU of AWS managed rule groups (AWS WAF Developer Guide, "AWS Managed Rules rule groups")."""
UNKNOWN_MANAGED_GROUP_WCU = 100
"""Assumed for managed groups of other vendors (their WCU is set by the vendor)."""

STATEMENT_WCU: dict[str, int] = {
    "IPSetReferenceStatement": 1,
    "GeoMatchStatement": 1,
    "LabelMatchStatement": 1,
    "SizeConstraintStatement": 1,
    "AsnMatchStatement": 1,
    "RegexMatchStatement": 3,
    "RegexPatternSetReferenceStatement": 25,
    "SqliMatchStatement": 20,
    "XssMatchStatement": 40,
    "RateBasedStatement": 2,
}
"""Base WCU per statement type (AWS WAF Developer Guide, "Rule statements list")."""
TRANSFORMATION_WCU = 10
"""Each text transformation other than NONE."""
BYTE_MATCH_WCU = {"EXACTLY": 2, "STARTS_WITH": 2, "ENDS_WITH": 2}
"""ByteMatchStatement by PositionalConstraint; CONTAINS / CONTAINS_WORD cost 10."""


def statement_wcu(statement: dict[str, Any], account: str = "", region: str = "") -> int:
    """The WCU of one rule statement (nested statements included)."""
    total = 0
    for kind, body in statement.items():
        if not isinstance(body, dict):
            continue
        if kind in ("AndStatement", "OrStatement"):
            total += sum(statement_wcu(s, account, region) for s in body.get("Statements") or [])
        elif kind == "NotStatement":
            total += statement_wcu(body.get("Statement") or {}, account, region)
        elif kind == "ManagedRuleGroupStatement":
            total += MANAGED_GROUP_WCU.get(str(body.get("Name")), UNKNOWN_MANAGED_GROUP_WCU)
        elif kind == "RuleGroupReferenceStatement":
            total += _rule_group_capacity(str(body.get("ARN", "")), account, region)
        elif kind == "ByteMatchStatement":
            total += BYTE_MATCH_WCU.get(str(body.get("PositionalConstraint")), 10)
        else:
            total += STATEMENT_WCU.get(kind, 1)
        transforms = [t for t in body.get("TextTransformations") or [] if t.get("Type") != "NONE"]
        total += TRANSFORMATION_WCU * len(transforms)
        scope_down = body.get("ScopeDownStatement")
        if isinstance(scope_down, dict):
            total += statement_wcu(scope_down, account, region)
    return total


def _rule_group_capacity(arn: str, account: str, region: str) -> int:
    for backend_region in (region, wafv2_models.GLOBAL_REGION):
        if not backend_region:
            continue
        group = wafv2_models.wafv2_backends[account][backend_region].rule_groups.get(arn)
        if group is not None:
            return int(group.capacity)
    return UNKNOWN_MANAGED_GROUP_WCU


class BridgedFakeWebACL(wafv2_models.FakeWebACL):
    """A web ACL whose ``Capacity`` is the WCU sum of its rules."""

    @property
    def capacity(self) -> int:
        """Sum of the rules' WCU (moto assigns 3 in ``__init__``; the setter ignores it)."""
        region = self.arn.split(":")[3] if self.arn.count(":") >= 5 else ""
        return sum(statement_wcu(r.statement, self.account, region) for r in self.rules)

    @capacity.setter
    def capacity(self, _value: int) -> None:
        return
