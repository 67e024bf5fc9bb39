"""edgekit.rules.analysis.waf_semantics: actions, rule-group overrides, enforcement, statements
through groups."""

from __future__ import annotations

import dataclasses

import pytest

from edgekit.model import NOT_COLLECTED, Collected, FirewallManagerRuleGroup, Rule
from edgekit.model.wafv2.statements import (
    ActionOverride,
    AndStatement,
    FieldToMatch,
    ManagedRuleGroupStatement,
    RateBasedStatement,
    RuleAction,
    RuleGroupReferenceStatement,
    SqliMatchStatement,
    Statement,
    XssMatchStatement,
)
from edgekit.model.wafv2.types import IPSet, RuleGroup, VisibilityConfig, WebACL
from edgekit.rules.analysis import waf_semantics

VIS = VisibilityConfig(True, True, "m")
GROUP_ARN = "arn:aws:wafv2:us-east-1:111111111111:regional/rulegroup/own/d1"
BODY = FieldToMatch("Body")


class Lookups:
    """A fake inventory: rule groups and IP sets by ARN; anything else was not collected."""

    def __init__(
        self,
        groups: dict[str, RuleGroup | None] | None = None,
        ip_sets: dict[str, IPSet] | None = None,
    ) -> None:
        self.groups = groups or {}
        self.ip_sets = ip_sets or {}

    def rule_group(self, arn: str) -> Collected[RuleGroup | None]:
        return self.groups.get(arn, NOT_COLLECTED)

    def ip_set(self, arn: str) -> Collected[IPSet | None]:
        return self.ip_sets.get(arn, NOT_COLLECTED)


def rule(name: str, priority: int, statement: Statement, action: str | None = "Block") -> Rule:
    return Rule(name, priority, statement, VIS, action=RuleAction(action) if action else None)


def group_rule(name: str, priority: int, statement: Statement, override: str = "None") -> Rule:
    return Rule(name, priority, statement, VIS, override_action=override)


def managed(
    name: str,
    *,
    excluded: tuple[str, ...] = (),
    overrides: dict[str, str] | None = None,
    vendor: str = "AWS",
) -> ManagedRuleGroupStatement:
    return ManagedRuleGroupStatement(
        vendor,
        name,
        excluded_rules=excluded,
        rule_action_overrides=tuple(
            ActionOverride(n, RuleAction(a)) for n, a in (overrides or {}).items()
        ),
    )


def own_group(*rules: Rule) -> RuleGroup:
    return RuleGroup(
        "111111111111", "us-east-1", "REGIONAL", "d1", "own", GROUP_ARN, 50, VIS, rules
    )


def ref(**overrides: str) -> RuleGroupReferenceStatement:
    return RuleGroupReferenceStatement(
        GROUP_ARN,
        rule_action_overrides=tuple(ActionOverride(n, RuleAction(a)) for n, a in overrides.items()),
    )


def acl(*rules: Rule, pre: tuple[FirewallManagerRuleGroup, ...] = ()) -> WebACL:
    return WebACL(
        "111111111111",
        "us-east-1",
        "REGIONAL",
        "a1",
        "acl",
        "arn:aws:wafv2:us-east-1:111111111111:regional/webacl/acl/a1",
        RuleAction("Allow"),
        VIS,
        rules,
        None,
        (),
        pre_process_firewall_manager_rule_groups=pre,
    )


SQLI = SqliMatchStatement(BODY)
XSS = XssMatchStatement(BODY)


@pytest.mark.parametrize(
    ("kind", "enforces", "terminates"),
    [
        ("Block", True, True),
        ("Allow", False, True),
        ("Count", False, False),
        ("Captcha", True, False),
        ("Challenge", True, False),
    ],
)
def test_actions_enforcing_and_terminating(kind: str, enforces: bool, terminates: bool) -> None:
    assert waf_semantics.enforcing(RuleAction(kind)) is enforces
    assert waf_semantics.enforcing(kind) is enforces
    assert waf_semantics.terminating(RuleAction(kind)) is terminates


def test_kleene_any_and_all() -> None:
    assert waf_semantics.any3([False, None, True]) is True
    assert waf_semantics.any3([False, None]) is None
    assert waf_semantics.any3([]) is False
    assert waf_semantics.all3([True, None, False]) is False
    assert waf_semantics.all3([True, None]) is None
    assert waf_semantics.all3([]) is True


def test_rule_overrides_merge_excluded_and_action_overrides() -> None:
    stmt = managed("G", excluded=("A", "B"), overrides={"B": "Block", "C": "Count", "D": "Allow"})
    assert waf_semantics.rule_overrides(stmt) == {
        "A": ("Count", "ExcludedRules"),
        "B": ("Block", "RuleActionOverrides"),
        "C": ("Count", "RuleActionOverrides"),
        "D": ("Allow", "RuleActionOverrides"),
    }
    assert list(waf_semantics.neutered_rules(stmt)) == ["A", "C", "D"]


def test_plain_rules_enforce_by_action() -> None:
    lk = Lookups()
    assert waf_semantics.rule_enforces(rule("b", 1, SQLI), lk) is True
    assert waf_semantics.rule_enforces(rule("c", 1, SQLI, "Count"), lk) is False
    assert waf_semantics.rule_enforces(rule("a", 1, SQLI, "Allow"), lk) is False
    assert waf_semantics.rule_enforces(rule("cap", 1, SQLI, "Captcha"), lk) is True


def test_managed_group_enforces_unless_override_count() -> None:
    lk = Lookups()
    assert waf_semantics.rule_enforces(group_rule("g", 1, managed("X")), lk) is True
    assert waf_semantics.rule_enforces(group_rule("g", 1, managed("X"), "Count"), lk) is False


def test_own_group_enforces_after_overrides() -> None:
    group = own_group(rule("r1", 0, SQLI), rule("r2", 1, XSS, "Count"))
    lk = Lookups({GROUP_ARN: group})
    assert waf_semantics.rule_enforces(group_rule("g", 1, ref()), lk) is True
    # r1 overridden to Count: nothing left that enforces
    assert waf_semantics.rule_enforces(group_rule("g", 1, ref(r1="Count")), lk) is False
    # a Count rule overridden to Block enforces
    assert waf_semantics.rule_enforces(group_rule("g", 1, ref(r1="Count", r2="Block")), lk) is True
    # legacy ExcludedRules also count
    excluded = RuleGroupReferenceStatement(GROUP_ARN, excluded_rules=("r1",))
    assert waf_semantics.rule_enforces(group_rule("g", 1, excluded), lk) is False
    assert waf_semantics.rule_enforces(group_rule("g", 1, ref(), "Count"), lk) is False


def test_own_group_not_collected_or_missing_is_unknown() -> None:
    assert waf_semantics.rule_enforces(group_rule("g", 1, ref()), Lookups()) is None
    assert (
        waf_semantics.rule_enforces(group_rule("g", 1, ref()), Lookups({GROUP_ARN: None})) is None
    )


def test_firewall_manager_groups_read_like_group_rules() -> None:
    fms = FirewallManagerRuleGroup("fms", 0, managed("X"), "Count", VIS)
    assert waf_semantics.rule_enforces(fms, Lookups()) is False
    assert (
        waf_semantics.rule_enforces(dataclasses.replace(fms, override_action="None"), Lookups())
        is True
    )


def test_acl_rules_order_and_not_collected() -> None:
    fms = FirewallManagerRuleGroup("fms", 0, managed("X"), "None", VIS)
    web = acl(rule("second", 2, SQLI), rule("first", 1, XSS), pre=(fms,))
    rules = waf_semantics.acl_rules(web)
    assert rules is not NOT_COLLECTED
    assert [r.name for r in rules] == ["fms", "first", "second"]
    assert waf_semantics.acl_rules(dataclasses.replace(web, rules=NOT_COLLECTED)) is NOT_COLLECTED


def test_managed_uses_and_evidence() -> None:
    fms = FirewallManagerRuleGroup("fms", 0, managed("X"), "Count", VIS)
    uses = list(
        waf_semantics.managed_uses([fms, group_rule("g", 3, managed("Y")), rule("p", 4, SQLI)])
    )
    assert [u.label for u in uses] == ["AWS/X", "AWS/Y"]
    assert [u.counts_only for u in uses] == [True, False]
    assert uses[0].evidence() == {
        "rule": "fms",
        "priority": 0,
        "source": "firewall_manager",
        "group": "AWS/X",
    }
    assert waf_semantics.is_managed(managed("Y"), "Y") and not waf_semantics.is_managed(
        managed("Y"), "Z"
    )
    assert not waf_semantics.is_managed(managed("Y", vendor="F5"), "Y")


def test_group_statements_walks_nested_and_referenced_groups() -> None:
    rate = RateBasedStatement(100, "IP", scope_down_statement=AndStatement((SQLI, XSS)))
    group = own_group(rule("inner-sqli", 0, SQLI), rule("inner-xss", 1, XSS, "Count"))
    lk = Lookups({GROUP_ARN: group})
    rules = [rule("rate", 1, rate, "Count"), group_rule("g", 2, ref())]
    found, unresolved = waf_semantics.group_statements(rules, lk)
    assert unresolved == []
    assert sum(isinstance(s, XssMatchStatement) for s in found) == 2
    assert any(isinstance(s, RateBasedStatement) for s in found)
    enforcing, _ = waf_semantics.group_statements(rules, lk, enforcing_only=True)
    # the Count rate rule and the Count inner rule drop out; the inner Block SQLi stays
    assert [s.kind for s in enforcing] == ["RuleGroupReferenceStatement", "SqliMatchStatement"]


def test_group_statements_reports_unresolved_groups() -> None:
    found, unresolved = waf_semantics.group_statements([group_rule("g", 1, ref())], Lookups())
    assert unresolved == [GROUP_ARN]
    assert [s.kind for s in found] == ["RuleGroupReferenceStatement"]
