"""WAFv2 resources: WebACL, WebACLAssociation, IPSet, RuleGroup, RegexPatternSet."""

from __future__ import annotations

from typing import Any

from edgekit.iac.estate import Estate, Resource
from edgekit.iac.translate import Translator, api, known

W = "wafv2"


def _region(res: Resource) -> str:
    return "global" if res.props.get("Scope") == "CLOUDFRONT" else res.region


def _unit(res: Resource, estate: Estate) -> dict[str, Any]:
    scope = "CLOUDFRONT" if _region(res) == "global" else "REGIONAL"
    data = estate.unit(res.account, _region(res), W)
    data.setdefault("scope", scope)
    for key in ("web_acls", "ip_sets", "regex_pattern_sets", "rule_groups"):
        data.setdefault(key, [])  # the IaC set is complete for what it defines
    return data


def _base(res: Resource) -> dict[str, Any]:
    return {"Name": res.ident["Name"], "Id": res.ident["Id"], "ARN": res.ident["Arn"]}


def web_acl(res: Resource, estate: Estate) -> None:
    """AWS::WAFv2::WebACL -> ``web_acls`` item (ResourceArns from WebACLAssociation)."""
    _unit(res, estate)
    body = {**res.props, **_base(res)}
    acl = api(estate, res, W, body, W, "WebACL", "")
    acl.setdefault("DefaultAction", {"Allow": {}})
    acl.setdefault(
        "VisibilityConfig",
        {"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False, "MetricName": ""},
    )
    acl.setdefault("Rules", [])
    acl.setdefault("ManagedByFirewallManager", False)
    item: dict[str, Any] = {"WebACL": acl, "LoggingConfiguration": None}
    if _region(res) != "global":
        item["ResourceArns"] = []
    estate.add(res, _region(res), W, "web_acls", item)


def association(res: Resource, estate: Estate) -> None:
    """AWS::WAFv2::WebACLAssociation -> the REGIONAL ACL's ``ResourceArns``."""
    acl_arn = known(estate, res, W, "WebACLArn")
    target = known(estate, res, W, "ResourceArn")

    def attach() -> None:
        for item in estate.items(res.account, res.region, W, "web_acls"):
            if item["WebACL"]["ARN"] == acl_arn and isinstance(target, str):
                item["ResourceArns"] = sorted({*item.get("ResourceArns", []), target})
                return
        estate.notes.append(f"{res.origin.logical_id}: web ACL {acl_arn} not in the IaC set")

    estate.later(attach)


def _simple(key: str, shape_name: str, defaults: dict[str, Any]) -> Translator:
    def translate(res: Resource, estate: Estate) -> None:
        _unit(res, estate)
        body = {**defaults, **res.props, **_base(res)}
        estate.add(res, _region(res), W, key, api(estate, res, W, body, W, shape_name, ""))

    return translate


TRANSLATORS: dict[str, Translator] = {
    "AWS::WAFv2::WebACL": web_acl,
    "AWS::WAFv2::WebACLAssociation": association,
    "AWS::WAFv2::IPSet": _simple("ip_sets", "IPSet", {"Addresses": [], "Description": ""}),
    "AWS::WAFv2::RegexPatternSet": _simple("regex_pattern_sets", "RegexPatternSet", {}),
    "AWS::WAFv2::RuleGroup": _simple("rule_groups", "RuleGroup", {"Rules": []}),
}
