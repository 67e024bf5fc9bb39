"""WAFv2: WebACL, Rule, RuleGroup, IPSet, RegexPatternSet, LoggingConfiguration.

CLOUDFRONT-scope resources have region ``global``; REGIONAL ones their region.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.model.common import EMPTY_MAP, NOT_COLLECTED, Collected, FrozenMap
from edgekit.model.wafv2.statements import (
    FieldToMatch,
    ManagedRuleGroupStatement,
    RuleAction,
    RuleGroupReferenceStatement,
    Statement,
)


@dataclass(frozen=True, slots=True)
class VisibilityConfig:
    """Metrics and sampling settings of an ACL, rule or rule group."""

    sampled_requests_enabled: bool
    cloudwatch_metrics_enabled: bool
    metric_name: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule. Plain rules have ``action``; rule-group rules have ``override_action``."""

    name: str
    priority: int
    statement: Statement
    visibility_config: VisibilityConfig
    action: RuleAction | None = None
    override_action: str | None = None
    """``Count`` or ``None`` (AWS's spelling), for rule-group statements only."""
    rule_labels: tuple[str, ...] = ()

    @property
    def is_rule_group(self) -> bool:
        """The statement is a managed rule group or a rule group reference."""
        return isinstance(self.statement, ManagedRuleGroupStatement | RuleGroupReferenceStatement)

    @property
    def counts_only(self) -> bool:
        """The rule cannot block or allow: action Count, or a group overridden to Count."""
        if self.action is not None:
            return self.action.kind == "Count"
        return self.override_action == "Count"


@dataclass(frozen=True, slots=True)
class FirewallManagerRuleGroup:
    """A Firewall Manager pre/post-process rule group of a web ACL."""

    name: str
    priority: int
    statement: Statement
    override_action: str
    visibility_config: VisibilityConfig


@dataclass(frozen=True, slots=True)
class LoggingConfiguration:
    """A web ACL's logging configuration."""

    resource_arn: str
    log_destination_configs: tuple[str, ...]
    redacted_fields: tuple[FieldToMatch, ...] = ()
    managed_by_firewall_manager: bool = False
    log_type: str | None = None
    log_scope: str | None = None
    logging_filter: FrozenMap[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class WebACL:
    """A WAFv2 web ACL with its logging configuration and associated resources.

    ``logging``: a configuration, ``None`` (collected: no logging) or NOT_COLLECTED (denied).
    ``resource_arns``: associated resources as collected (REGIONAL scope); for CLOUDFRONT scope
    the payload omits it: use :meth:`Inventory.web_acl_associations`, which derives them from
    the distributions' WebACLId. When GetWebACL was denied (``from_summary``: the item is a
    ListWebACLs summary) the configuration fields are NOT_COLLECTED.
    """

    account_id: str
    region: str
    scope: str
    """``CLOUDFRONT`` or ``REGIONAL``."""
    id: str
    name: str
    arn: str
    default_action: Collected[RuleAction]
    visibility_config: Collected[VisibilityConfig]
    rules: Collected[tuple[Rule, ...]]
    """In priority (evaluation) order."""
    logging: Collected[LoggingConfiguration | None]
    resource_arns: Collected[tuple[str, ...]]
    capacity: Collected[int | None] = None
    pre_process_firewall_manager_rule_groups: Collected[tuple[FirewallManagerRuleGroup, ...]] = ()
    post_process_firewall_manager_rule_groups: Collected[tuple[FirewallManagerRuleGroup, ...]] = ()
    managed_by_firewall_manager: Collected[bool] = False
    description: str = ""
    label_namespace: str | None = None
    token_domains: tuple[str, ...] = ()
    association_config: FrozenMap[str, Any] = EMPTY_MAP
    from_summary: bool = False
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def firewall_manager_rule_groups(self) -> Collected[tuple[FirewallManagerRuleGroup, ...]]:
        """Pre- then post-process Firewall Manager rule groups."""
        pre = self.pre_process_firewall_manager_rule_groups
        post = self.post_process_firewall_manager_rule_groups
        if pre is NOT_COLLECTED or post is NOT_COLLECTED:
            return NOT_COLLECTED
        return (*pre, *post)

    def statements(self) -> Collected[tuple[Statement, ...]]:
        """Every statement of every rule and Firewall Manager group, nested included."""
        groups = self.firewall_manager_rule_groups
        if self.rules is NOT_COLLECTED or groups is NOT_COLLECTED:
            return NOT_COLLECTED
        found: list[Statement] = []
        for rule in self.rules:
            found.extend(rule.statement.walk())
        for group in groups:
            found.extend(group.statement.walk())
        return tuple(found)

    def managed_rule_groups(self) -> Collected[tuple[ManagedRuleGroupStatement, ...]]:
        """Every managed rule group statement (rules and Firewall Manager groups)."""
        statements = self.statements()
        if statements is NOT_COLLECTED:
            return NOT_COLLECTED
        return tuple(s for s in statements if isinstance(s, ManagedRuleGroupStatement))


@dataclass(frozen=True, slots=True)
class IPSet:
    """An IP set (CIDR addresses of one IP version)."""

    account_id: str
    region: str
    scope: str
    id: str
    name: str
    arn: str
    ip_address_version: str
    """``IPV4`` | ``IPV6``."""
    addresses: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class RegexPatternSet:
    """A regex pattern set."""

    account_id: str
    region: str
    scope: str
    id: str
    name: str
    arn: str
    regular_expressions: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class RuleGroup:
    """An own (non-managed) rule group."""

    account_id: str
    region: str
    scope: str
    id: str
    name: str
    arn: str
    capacity: int
    visibility_config: VisibilityConfig
    rules: tuple[Rule, ...] = ()
    description: str = ""
    label_namespace: str | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)
