"""waf.* checks on what a web ACL's rules actually do: enforcement, Count overrides, shadowing.

Semantics (enforcing vs terminating actions, rule-group overrides, superset cases) live in
:mod:`edgekit.rules.analysis.waf_semantics` and :mod:`edgekit.rules.analysis.waf_shadowing`.
"""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, WebACL
from edgekit.rules.analysis.waf_semantics import (
    acl_rules,
    any3,
    managed_uses,
    neutered_rules,
    rule_enforces,
)
from edgekit.rules.analysis.waf_shadowing import shadows
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


def _rules_unknown(acl: WebACL) -> Unknown:
    return Unknown(
        "the web ACL's rules were not collected (GetWebACL denied?)",
        {"from_summary": acl.from_summary},
    )


@check(
    "waf.enforces_nothing",
    title="Web ACL allows everything (all rules Count)",
    severity="high",
    category="security",
    applies_to="web_acl",
    remediation=(
        "Switch tested rules from Count to Block (or rule groups' OverrideAction to None), "
        "or make the default action Block."
    ),
)
def enforces_nothing(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when the web ACL's DefaultAction is Allow and none of its rules (Firewall Manager
    groups included) can stop a request: every rule is Count (or Allow), every rule group has
    OverrideAction Count, or an own rule group's rules are all Count after its
    RuleActionOverrides / ExcludedRules. Block, Captcha and Challenge enforce (Captcha and
    Challenge stop requests without a valid token). A managed group with OverrideAction None is
    taken to enforce (its rule list is not in the snapshot). An ACL with no rules at all is
    waf.acl_empty's finding, not this one. Unknown when the rules or default action were not
    collected, or when the answer depends on a rule group that was not collected."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED or acl.default_action is NOT_COLLECTED:
        return _rules_unknown(acl)
    if acl.default_action.kind != "Allow" or not rules:
        return None
    verdict = any3(rule_enforces(r, ctx.model.waf) for r in rules)
    if verdict is True:
        return None
    evidence = {"default_action": "Allow", "rules": sorted(r.name for r in rules)}
    if verdict is None:
        return Unknown(
            "a referenced rule group was not collected: cannot tell if it enforces", evidence
        )
    return Fail(
        f"default action Allow and none of the {len(rules)} rule(s) can block or challenge",
        evidence,
    )


@check(
    "waf.rule_shadowed",
    title="Web ACL rule can never act (shadowed by an earlier rule)",
    severity="medium",
    category="hygiene",
    applies_to="web_acl",
    remediation="Reorder the rules (narrower first), merge them, or delete the shadowed rule.",
)
def rule_shadowed(acl: WebACL, ctx: CheckContext) -> list[Fail | Unknown] | Unknown | None:
    """Fails for each rule that follows (by Priority) a rule whose action is Allow or Block and
    whose match is a superset of its own, so it never sees a request it would match. Superset
    cases: identical statement (not when a label match is involved); an earlier statement that
    matches every request (ByteMatch on UriPath STARTS_WITH or CONTAINS "/" with transformations
    that keep the leading slash, SizeConstraint GE 0 on UriPath/Method/Body, a universal regex
    on UriPath/Method, Or/And of these); an IP set whose CIDRs cover every CIDR of the later
    rule's IP set (same IP version and forwarded-IP configuration); a URI prefix containing the
    later one (UriPath STARTS_WITH with identical transformations). A later And, Or, rate-based
    scope-down or managed-group scope-down is covered through its parts. Captcha/Challenge
    rules do not shadow (valid tokens continue); the shadowed rule may be any rule, even Count.
    Evidence: both rules' names and priorities and the superset case. Unknown when a proof
    depends on an IP set that was not collected."""
    if acl.rules is NOT_COLLECTED:
        return _rules_unknown(acl)
    proven, undecided = shadows(acl.rules, ctx.model.waf)
    out: list[Fail | Unknown] = [
        Fail(
            f"rule {s.shadowed.name!r} (priority {s.shadowed.priority}) is shadowed by "
            f"{s.by.name!r} (priority {s.by.priority}, {s.reason})",
            s.evidence(),
        )
        for s in proven
    ]
    if undecided:
        out.append(
            Unknown(
                "an IP set needed to decide shadowing was not collected",
                {"pairs": [[s.by.name, s.shadowed.name] for s in undecided]},
            )
        )
    return out


@check(
    "waf.managed_group_count_only",
    title="Managed rule group set to Count",
    severity="high",
    category="security",
    applies_to="web_acl",
    remediation="Set the rule group's OverrideAction to None once tested (override single rules).",
    references=("CK_192",),
)
def managed_group_count_only(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when a managed rule group is used with OverrideAction Count (in a rule or a
    Firewall Manager group): its rules only count and label, they block nothing. Evidence lists
    the rules and groups. Unknown when the rules were not collected."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _rules_unknown(acl)
    counting = [u.evidence() for u in managed_uses(rules) if u.counts_only]
    if not counting:
        return None
    names = ", ".join(str(c["group"]) for c in counting)
    return Fail(f"managed rule group(s) only count: {names}", {"groups": counting})


@check(
    "waf.managed_rules_overridden",
    title="Managed rules overridden to Count",
    severity="medium",
    category="security",
    applies_to="web_acl",
    remediation="Remove the overrides of rules that no longer false-positive, or scope them down.",
    references=("CK_192",),
)
def managed_rules_overridden(acl: WebACL, ctx: CheckContext) -> Fail | Unknown | None:
    """Fails when a managed rule group's RuleActionOverrides set some of its rules to Count
    (or to Allow, which also skips every later rule), or its legacy ExcludedRules exclude them.
    Evidence lists, per group, each such rule with its action and how it was overridden.
    Overrides to Block, Captcha or Challenge are not reported. Unknown when the rules were not
    collected."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return _rules_unknown(acl)
    groups = []
    count = 0
    for use in managed_uses(rules):
        neutered = neutered_rules(use.statement)
        if neutered:
            overridden = [{"name": n, "action": a, "via": how} for n, (a, how) in neutered.items()]
            groups.append({**use.evidence(), "overridden": overridden})
            count += len(overridden)
    if not groups:
        return None
    return Fail(
        f"{count} managed rule(s) overridden to Count/Allow or excluded", {"groups": groups}
    )
