"""WAFv2 semantics for checks: which rules enforce, what managed groups do, what a rule reaches.

Pure functions over :mod:`edgekit.model.wafv2.types` objects. Answers that depend on data a snapshot
may lack (a referenced rule group that was not collected) are tri-state: ``True`` / ``False`` /
``None`` = cannot tell (the check reports *unknown*).

**Actions.** ``Allow`` and ``Block`` terminate evaluation. ``Captcha`` and ``Challenge`` terminate
when the request's token is missing or invalid, so they *enforce* (they are never treated like
``Count``) but they do not *terminate* for requests carrying a valid token. A rule **enforces**
when it can stop a request: action ``Block``, ``Captcha`` or ``Challenge``. ``Allow`` terminates
without enforcing anything; ``Count`` does neither.

**Rule groups.** A rule whose statement is a rule group has an ``OverrideAction``: ``Count``
turns every terminating action of the group into Count; ``None`` keeps the group's own actions.
Inside the group, ``RuleActionOverrides`` replace a rule's action and legacy ``ExcludedRules``
set rules to Count. An own group (``RuleGroupReferenceStatement``) enforces when at least one
of its rules enforces after overrides; it is resolved by ARN (not collected → ``None``). A
managed group with ``OverrideAction`` None is taken to enforce: its rule list is not part of the
snapshot (DescribeManagedRuleGroup is not collected) and AWS managed rules block by default.
Firewall Manager pre/post-process groups follow the same reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from edgekit.model import NOT_COLLECTED, Collected, FirewallManagerRuleGroup, Rule, WebACL
from edgekit.model.wafv2.statements import (
    ManagedRuleGroupStatement,
    RuleAction,
    RuleGroupReferenceStatement,
    Statement,
)
from edgekit.model.wafv2.types import IPSet, RuleGroup

Tri = bool | None
"""True, False, or None = cannot tell (data not collected)."""

ENFORCING: frozenset[str] = frozenset({"Block", "Captcha", "Challenge"})
"""Actions that can stop a request."""
TERMINATING: frozenset[str] = frozenset({"Allow", "Block"})
"""Actions that always end evaluation when the rule matches."""
NEUTERING: frozenset[str] = frozenset({"Count", "Allow"})
"""Override actions that take a managed rule's protection away (Allow also skips later rules)."""

AnyRule = Rule | FirewallManagerRuleGroup


class WafLookups(Protocol):
    """What the semantics need from an inventory (:class:`edgekit.model.Inventory` fits)."""

    def rule_group(self, arn: str) -> Collected[RuleGroup | None]:
        """An own rule group by ARN."""
        ...

    def ip_set(self, arn: str) -> Collected[IPSet | None]:
        """An IP set by ARN."""
        ...


def any3(values: Iterable[Tri]) -> Tri:
    """Kleene OR: True if any is True, else None if any is None, else False."""
    unknown = False
    for v in values:
        if v is True:
            return True
        unknown = unknown or v is None
    return None if unknown else False


def all3(values: Iterable[Tri]) -> Tri:
    """Kleene AND: False if any is False, else None if any is None, else True."""
    unknown = False
    for v in values:
        if v is False:
            return False
        unknown = unknown or v is None
    return None if unknown else True


def enforcing(action: RuleAction | str | None) -> bool:
    """The action can stop a request (Block, Captcha, Challenge)."""
    kind = action.kind if isinstance(action, RuleAction) else action
    return kind in ENFORCING


def terminating(action: RuleAction | str | None) -> bool:
    """The action always ends evaluation on a match (Allow, Block)."""
    kind = action.kind if isinstance(action, RuleAction) else action
    return kind in TERMINATING


def group_label(statement: ManagedRuleGroupStatement) -> str:
    """``Vendor/Name`` of a managed group (how evidence names it)."""
    return f"{statement.vendor_name}/{statement.name}"


def is_managed(statement: Statement, name: str, vendor: str = "AWS") -> bool:
    """The statement is the managed group ``vendor``/``name``."""
    return (
        isinstance(statement, ManagedRuleGroupStatement)
        and statement.vendor_name == vendor
        and statement.name == name
    )


def rule_overrides(
    statement: ManagedRuleGroupStatement | RuleGroupReferenceStatement,
) -> dict[str, tuple[str, str]]:
    """Rules of a group whose action the reference changes: name → (action, how).

    ``how`` is ``RuleActionOverrides`` or ``ExcludedRules`` (legacy: the rule counts). When both
    name a rule, RuleActionOverrides wins (AWS rejects that combination; reading is defensive).
    """
    found = {name: ("Count", "ExcludedRules") for name in statement.excluded_rules}
    for o in statement.rule_action_overrides:
        found[o.name] = (o.action.kind, "RuleActionOverrides")
    return dict(sorted(found.items()))


def neutered_rules(
    statement: ManagedRuleGroupStatement | RuleGroupReferenceStatement,
) -> dict[str, tuple[str, str]]:
    """Rules of a group overridden to Count or Allow (or excluded): name → (action, how)."""
    return {n: v for n, v in rule_overrides(statement).items() if v[0] in NEUTERING}


def acl_rules(acl: WebACL) -> Collected[tuple[AnyRule, ...]]:
    """Everything an ACL evaluates, in order: pre-process FMS groups, rules, post-process."""
    pre = acl.pre_process_firewall_manager_rule_groups
    post = acl.post_process_firewall_manager_rule_groups
    if acl.rules is NOT_COLLECTED or pre is NOT_COLLECTED or post is NOT_COLLECTED:
        return NOT_COLLECTED
    return (*pre, *sorted(acl.rules, key=lambda r: r.priority), *post)


def rule_kind(rule: AnyRule) -> str:
    """``rule`` or ``firewall_manager`` (evidence)."""
    return "firewall_manager" if isinstance(rule, FirewallManagerRuleGroup) else "rule"


def _group_rule_enforces(rule: Rule, overrides: dict[str, tuple[str, str]]) -> bool:
    if rule.name in overrides:
        return enforcing(overrides[rule.name][0])
    return rule.action is not None and enforcing(rule.action)


def group_enforces(statement: RuleGroupReferenceStatement, lookups: WafLookups) -> Tri:
    """An own rule group enforces through this reference (override action None assumed)."""
    group = lookups.rule_group(statement.arn)
    if group is NOT_COLLECTED or group is None:
        return None
    overrides = rule_overrides(statement)
    return any(_group_rule_enforces(r, overrides) for r in group.rules)


def rule_enforces(rule: AnyRule, lookups: WafLookups) -> Tri:
    """The rule can stop a request (see the module docstring for groups)."""
    if isinstance(rule, Rule) and rule.action is not None:
        return enforcing(rule.action)
    if rule.override_action == "Count":
        return False
    if isinstance(rule.statement, ManagedRuleGroupStatement):
        return True
    if isinstance(rule.statement, RuleGroupReferenceStatement):
        return group_enforces(rule.statement, lookups)
    return False


@dataclass(frozen=True)
class GroupUse:
    """One managed rule group statement of an ACL (a rule or a Firewall Manager group)."""

    rule: AnyRule
    statement: ManagedRuleGroupStatement

    @property
    def counts_only(self) -> bool:
        """OverrideAction Count: the group only counts."""
        return self.rule.override_action == "Count"

    @property
    def label(self) -> str:
        """``Vendor/Name``."""
        return group_label(self.statement)

    def evidence(self) -> dict[str, object]:
        """Small JSON evidence naming the rule and the group."""
        return {
            "rule": self.rule.name,
            "priority": self.rule.priority,
            "source": rule_kind(self.rule),
            "group": self.label,
        }


def managed_uses(rules: Iterable[AnyRule]) -> Iterator[GroupUse]:
    """The managed rule groups used by ``rules`` (rule statements are groups at top level)."""
    for rule in rules:
        if isinstance(rule.statement, ManagedRuleGroupStatement):
            yield GroupUse(rule, rule.statement)


def group_statements(
    rules: Iterable[AnyRule], lookups: WafLookups, *, enforcing_only: bool = False
) -> tuple[list[Statement], list[str]]:
    """Every statement of ``rules``, nested included, and of the own rule groups they reference.

    Returns ``(statements, unresolved group ARNs)``. With ``enforcing_only`` only rules that
    enforce contribute (inside groups: rules enforcing after the reference's overrides).
    """
    found: list[Statement] = []
    unresolved: list[str] = []
    for rule in rules:
        if enforcing_only and rule_enforces(rule, lookups) is False:
            continue
        found.extend(rule.statement.walk())
        ref = rule.statement
        if not isinstance(ref, RuleGroupReferenceStatement):
            continue
        group = lookups.rule_group(ref.arn)
        if group is NOT_COLLECTED or group is None:
            unresolved.append(ref.arn)
            continue
        overrides = rule_overrides(ref)
        for inner in group.rules:
            if not enforcing_only or _group_rule_enforces(inner, overrides):
                found.extend(inner.statement.walk())
    return found, sorted(set(unresolved))
