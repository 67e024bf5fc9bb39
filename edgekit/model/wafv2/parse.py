"""Parse a wafv2 payload (docs/snapshot.md): web ACLs, IP sets, regex pattern sets, rule groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model.common import EMPTY_MAP, GLOBAL, NOT_COLLECTED, Collected, freeze, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items
from edgekit.model.wafv2.parse_statements import parse_action, parse_statement
from edgekit.model.wafv2.statements import FieldToMatch
from edgekit.model.wafv2.types import (
    FirewallManagerRuleGroup,
    IPSet,
    LoggingConfiguration,
    RegexPatternSet,
    Rule,
    RuleGroup,
    VisibilityConfig,
    WebACL,
)

KIND_KEYS: Mapping[str, str] = {
    "web_acls": "web_acls",
    "ip_sets": "ip_sets",
    "regex_pattern_sets": "regex_pattern_sets",
    "rule_groups": "rule_groups",
}
"""Inventory kind → payload key."""


def _scope(unit: UnitKey, data: Mapping[str, Any]) -> str:
    scope = data.get("scope")
    if isinstance(scope, str) and scope:
        return scope
    return "CLOUDFRONT" if unit.region == GLOBAL else "REGIONAL"


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one wafv2 payload, by inventory kind."""
    scope = _scope(unit, data)
    return {
        "web_acls": parse_items(unit, data, "web_acls", lambda u, i, n: _web_acl(u, i, n, scope)),
        "ip_sets": parse_items(unit, data, "ip_sets", lambda u, i, n: _ip_set(u, i, n, scope)),
        "regex_pattern_sets": parse_items(
            unit, data, "regex_pattern_sets", lambda u, i, n: _regex_set(u, i, n, scope)
        ),
        "rule_groups": parse_items(
            unit, data, "rule_groups", lambda u, i, n: _rule_group(u, i, n, scope)
        ),
    }


def _visibility(f: Fields) -> VisibilityConfig:
    v = f.sub("VisibilityConfig")
    return VisibilityConfig(
        v.req_bool("SampledRequestsEnabled"),
        v.req_bool("CloudWatchMetricsEnabled"),
        v.req_str("MetricName"),
    )


def _override(f: Fields) -> str | None:
    o = f.opt_sub("OverrideAction")
    if o is None:
        return None
    for kind, body in o.raw.items():
        if body is not None:
            return kind
    raise o.error("Count|None", "missing field")


def _rule(r: Fields) -> Rule:
    action = r.opt_sub("Action")
    return Rule(
        name=r.req_str("Name"),
        priority=r.req_int("Priority"),
        statement=parse_statement(r.sub("Statement")),
        visibility_config=_visibility(r),
        action=None if action is None else parse_action(action),
        override_action=_override(r),
        rule_labels=tuple(label.req_str("Name") for label in r.subs("RuleLabels")),
    )


def _rules(f: Fields) -> tuple[Rule, ...]:
    return tuple(sorted((_rule(r) for r in f.subs("Rules")), key=lambda r: r.priority))


def _fms(f: Fields, key: str) -> tuple[FirewallManagerRuleGroup, ...]:
    return tuple(
        FirewallManagerRuleGroup(
            name=g.req_str("Name"),
            priority=g.req_int("Priority"),
            statement=parse_statement(g.sub("FirewallManagerStatement")),
            override_action=_override(g) or "None",
            visibility_config=_visibility(g),
        )
        for g in f.subs(key)
    )


def _logging(log: Fields) -> LoggingConfiguration:
    filt = log.get("LoggingFilter")
    return LoggingConfiguration(
        resource_arn=log.req_str("ResourceArn"),
        log_destination_configs=log.strs("LogDestinationConfigs"),
        redacted_fields=tuple(
            FieldToMatch(kind, None, freeze(body) if isinstance(body, dict) else freeze({}))
            for rf in log.subs("RedactedFields")
            for kind, body in rf.raw.items()
            if body is not None
        ),
        managed_by_firewall_manager=log.bool_or("ManagedByFirewallManager", False),
        log_type=log.opt_str("LogType"),
        log_scope=log.opt_str("LogScope"),
        logging_filter=freeze(filt) if isinstance(filt, dict) else None,
    )


def _web_acl(unit: UnitKey, item: object, index: int, scope: str) -> WebACL:
    entry = unit.named_item(item, f"web_acls[{index}]", "web ACL", "Id", "WebACL", "WebACLSummary")
    resources: Collected[tuple[str, ...]] = NOT_COLLECTED
    if entry.has("ResourceArns"):
        resources = entry.strs("ResourceArns")
    if not entry.has("WebACL") and entry.has("WebACLSummary"):
        summary = entry.sub("WebACLSummary")
        return WebACL(
            account_id=unit.account_id,
            region=unit.region,
            scope=scope,
            id=summary.req_str("Id"),
            name=summary.req_str("Name"),
            arn=summary.req_str("ARN"),
            default_action=NOT_COLLECTED,
            visibility_config=NOT_COLLECTED,
            rules=NOT_COLLECTED,
            logging=entry.collected_sub("LoggingConfiguration", _logging),
            resource_arns=resources,
            capacity=NOT_COLLECTED,
            pre_process_firewall_manager_rule_groups=NOT_COLLECTED,
            post_process_firewall_manager_rule_groups=NOT_COLLECTED,
            managed_by_firewall_manager=NOT_COLLECTED,
            description=summary.str_or("Description", ""),
            from_summary=True,
            raw=readonly(entry.raw),
        )
    acl = entry.sub("WebACL")
    assoc = acl.get("AssociationConfig")
    return WebACL(
        account_id=unit.account_id,
        region=unit.region,
        scope=scope,
        id=acl.req_str("Id"),
        name=acl.req_str("Name"),
        arn=acl.req_str("ARN"),
        default_action=parse_action(acl.sub("DefaultAction")),
        visibility_config=_visibility(acl),
        rules=_rules(acl),
        logging=entry.collected_sub("LoggingConfiguration", _logging),
        resource_arns=resources,
        capacity=acl.opt_int("Capacity"),
        pre_process_firewall_manager_rule_groups=_fms(acl, "PreProcessFirewallManagerRuleGroups"),
        post_process_firewall_manager_rule_groups=_fms(acl, "PostProcessFirewallManagerRuleGroups"),
        managed_by_firewall_manager=acl.bool_or("ManagedByFirewallManager", False),
        description=acl.str_or("Description", ""),
        label_namespace=acl.opt_str("LabelNamespace"),
        token_domains=acl.strs("TokenDomains"),
        association_config=freeze(assoc) if isinstance(assoc, dict) else EMPTY_MAP,
        raw=readonly(entry.raw),
    )


def _ip_set(unit: UnitKey, item: object, index: int, scope: str) -> IPSet:
    f = unit.named_item(item, f"ip_sets[{index}]", "IP set", "Id")
    return IPSet(
        unit.account_id,
        unit.region,
        scope,
        id=f.req_str("Id"),
        name=f.req_str("Name"),
        arn=f.req_str("ARN"),
        ip_address_version=f.req_str("IPAddressVersion"),
        addresses=f.strs("Addresses"),
        description=f.str_or("Description", ""),
    )


def _regex_set(unit: UnitKey, item: object, index: int, scope: str) -> RegexPatternSet:
    f = unit.named_item(item, f"regex_pattern_sets[{index}]", "regex pattern set", "Id")
    return RegexPatternSet(
        unit.account_id,
        unit.region,
        scope,
        id=f.req_str("Id"),
        name=f.req_str("Name"),
        arn=f.req_str("ARN"),
        regular_expressions=tuple(
            r.req_str("RegexString") for r in f.subs("RegularExpressionList")
        ),
        description=f.str_or("Description", ""),
    )


def _rule_group(unit: UnitKey, item: object, index: int, scope: str) -> RuleGroup:
    f = unit.named_item(item, f"rule_groups[{index}]", "rule group", "Id")
    return RuleGroup(
        unit.account_id,
        unit.region,
        scope,
        id=f.req_str("Id"),
        name=f.req_str("Name"),
        arn=f.req_str("ARN"),
        capacity=f.req_int("Capacity"),
        visibility_config=_visibility(f),
        rules=_rules(f),
        description=f.str_or("Description", ""),
        label_namespace=f.opt_str("LabelNamespace"),
        raw=readonly(f.raw),
    )
