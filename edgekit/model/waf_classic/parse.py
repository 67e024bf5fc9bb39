"""WAF Classic (global `waf` and `waf-regional`): web ACLs with their activated rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.common import GLOBAL, NOT_COLLECTED, Collected, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items
from edgekit.model.waf_classic.types import ClassicActivatedRule, ClassicWebACL, classic_acl_arn

GLOBAL_KIND_KEYS: Mapping[str, str] = {"classic_web_acls": "web_acls"}
"""Inventory kind → payload key (``waf``)."""


REGIONAL_KIND_KEYS: Mapping[str, str] = {"classic_regional_web_acls": "web_acls"}
"""Inventory kind → payload key (``waf-regional``)."""


def parse_global_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every classic web ACL of one ``waf`` payload."""
    return {"classic_web_acls": parse_items(unit, data, "web_acls", _web_acl)}


def parse_regional_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every classic web ACL of one ``waf-regional`` payload."""
    return {"classic_regional_web_acls": parse_items(unit, data, "web_acls", _web_acl)}


def _rule(r: Fields) -> ClassicActivatedRule:
    action = r.opt_sub("Action")
    override = r.opt_sub("OverrideAction")
    return ClassicActivatedRule(
        rule_id=r.req_str("RuleId"),
        priority=r.req_int("Priority"),
        type=r.opt_str("Type"),
        action=action.req_enum("Type", enums.WAF_ACTION) if action else None,
        override_action=override.req_enum("Type", enums.WAF_ACTION) if override else None,
        excluded_rule_ids=tuple(x.req_str("RuleId") for x in r.subs("ExcludedRules")),
    )


def _web_acl(unit: UnitKey, item: object, index: int) -> ClassicWebACL:
    entry = unit.named_item(
        item, f"web_acls[{index}]", "classic web ACL", "WebACLId", "WebACL", "WebACLSummary"
    )
    summary = not entry.has("WebACL") and entry.has("WebACLSummary")
    acl = entry.sub("WebACLSummary" if summary else "WebACL")
    acl_id = acl.req_str("WebACLId")
    resource_arns: Collected[tuple[str, ...]] = NOT_COLLECTED
    if unit.region != GLOBAL and entry.has("ResourceArns"):
        resource_arns = entry.strs("ResourceArns")
    default: Collected[str] = NOT_COLLECTED
    rules: Collected[tuple[ClassicActivatedRule, ...]] = NOT_COLLECTED
    if not summary:
        default = acl.sub("DefaultAction").req_enum("Type", enums.WAF_ACTION)
        rules = tuple(sorted((_rule(r) for r in acl.req_subs("Rules")), key=lambda r: r.priority))
    return ClassicWebACL(
        account_id=unit.account_id,
        region=unit.region,
        id=acl_id,
        name=acl.req_str("Name") if summary else acl.str_or("Name", ""),
        scope="global" if unit.region == GLOBAL else "regional",
        arn=(None if summary else acl.opt_str("WebACLArn"))
        or classic_acl_arn(acl_id, unit.account_id, unit.region),
        default_action=default,
        rules=rules,
        resource_arns=resource_arns,
        metric_name=None if summary else acl.opt_str("MetricName"),
        from_summary=summary,
        raw=readonly(entry.raw),
    )
