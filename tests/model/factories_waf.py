"""WAFv2 payload factories: GetWebACL / GetIPSet / ... items, and statement builders."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from typing import Any

from tests.model.factories_cf import ACCOUNT, OMIT

URI_PATH: dict[str, Any] = {"UriPath": {}}
NO_TRANSFORM = [{"Priority": 0, "Type": "NONE"}]


def waf_arn(
    kind: str,
    name: str,
    ident: str,
    *,
    scope: str = "REGIONAL",
    region: str = "us-east-1",
    account: str = ACCOUNT,
) -> str:
    """A WAFv2 ARN (``kind``: webacl, ipset, regexpatternset, rulegroup)."""
    prefix = "global" if scope == "CLOUDFRONT" else "regional"
    api_region = "us-east-1" if scope == "CLOUDFRONT" else region
    return f"arn:aws:wafv2:{api_region}:{account}:{prefix}/{kind}/{name}/{ident}"


def visibility(metric: str, *, metrics: bool = True, sampled: bool = True) -> dict[str, Any]:
    """A VisibilityConfig."""
    return {
        "SampledRequestsEnabled": sampled,
        "CloudWatchMetricsEnabled": metrics,
        "MetricName": metric,
    }


def forwarded(header: str = "X-Forwarded-For", position: str | None = None) -> dict[str, Any]:
    """ForwardedIPConfig (IPSetForwardedIPConfig with ``position``)."""
    cfg = {"HeaderName": header, "FallbackBehavior": "MATCH"}
    if position:
        cfg["Position"] = position
    return cfg


def byte_match(
    search: bytes, field: dict[str, Any] | None = None, constraint: str = "STARTS_WITH"
) -> dict[str, Any]:
    """A ByteMatchStatement (SearchString base64, as jsonable writes blobs)."""
    return {
        "ByteMatchStatement": {
            "SearchString": base64.b64encode(search).decode(),
            "FieldToMatch": field or URI_PATH,
            "TextTransformations": NO_TRANSFORM,
            "PositionalConstraint": constraint,
        }
    }


def sqli(field: dict[str, Any] | None = None) -> dict[str, Any]:
    """A SqliMatchStatement."""
    return {
        "SqliMatchStatement": {
            "FieldToMatch": field or {"Body": {"OversizeHandling": "CONTINUE"}},
            "TextTransformations": [{"Priority": 0, "Type": "URL_DECODE"}],
            "SensitivityLevel": "HIGH",
        }
    }


def xss() -> dict[str, Any]:
    """An XssMatchStatement on all query arguments."""
    return {
        "XssMatchStatement": {
            "FieldToMatch": {"AllQueryArguments": {}},
            "TextTransformations": [{"Priority": 1, "Type": "HTML_ENTITY_DECODE"}],
        }
    }


def size_constraint(size: int = 8192) -> dict[str, Any]:
    """A SizeConstraintStatement on the body."""
    return {
        "SizeConstraintStatement": {
            "FieldToMatch": {"Body": {"OversizeHandling": "MATCH"}},
            "ComparisonOperator": "GT",
            "Size": size,
            "TextTransformations": NO_TRANSFORM,
        }
    }


def geo_match(codes: Sequence[str], fwd: dict[str, Any] | None = None) -> dict[str, Any]:
    """A GeoMatchStatement."""
    body: dict[str, Any] = {"CountryCodes": list(codes)}
    if fwd:
        body["ForwardedIPConfig"] = fwd
    return {"GeoMatchStatement": body}


def ip_set_ref(arn: str, fwd: dict[str, Any] | None = None) -> dict[str, Any]:
    """An IPSetReferenceStatement."""
    body: dict[str, Any] = {"ARN": arn}
    if fwd:
        body["IPSetForwardedIPConfig"] = fwd
    return {"IPSetReferenceStatement": body}


def regex_set_ref(arn: str) -> dict[str, Any]:
    """A RegexPatternSetReferenceStatement on a header."""
    return {
        "RegexPatternSetReferenceStatement": {
            "ARN": arn,
            "FieldToMatch": {"SingleHeader": {"Name": "user-agent"}},
            "TextTransformations": [{"Priority": 0, "Type": "LOWERCASE"}],
        }
    }


def regex_match(regex: str) -> dict[str, Any]:
    """A RegexMatchStatement on the URI path."""
    return {
        "RegexMatchStatement": {
            "RegexString": regex,
            "FieldToMatch": URI_PATH,
            "TextTransformations": NO_TRANSFORM,
        }
    }


def label_match(key: str) -> dict[str, Any]:
    """A LabelMatchStatement."""
    return {"LabelMatchStatement": {"Scope": "LABEL", "Key": key}}


def rate_based(
    limit: int,
    *,
    key: str = "IP",
    scope_down: dict[str, Any] | None = None,
    fwd: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A RateBasedStatement."""
    body: dict[str, Any] = {"Limit": limit, "EvaluationWindowSec": 300, "AggregateKeyType": key}
    if scope_down:
        body["ScopeDownStatement"] = scope_down
    if fwd:
        body["ForwardedIPConfig"] = fwd
    return {"RateBasedStatement": body}


def managed_group(
    name: str,
    *,
    vendor: str = "AWS",
    version: str | None = None,
    excluded: Sequence[str] = (),
    overrides: Mapping[str, str] | None = None,
    scope_down: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A ManagedRuleGroupStatement; ``overrides`` maps rule name → action (Count, Block...)."""
    body: dict[str, Any] = {"VendorName": vendor, "Name": name}
    if version:
        body["Version"] = version
    if excluded:
        body["ExcludedRules"] = [{"Name": n} for n in excluded]
    if scope_down:
        body["ScopeDownStatement"] = scope_down
    if overrides:
        body["RuleActionOverrides"] = [
            {"Name": n, "ActionToUse": {a: {}}} for n, a in overrides.items()
        ]
    return {"ManagedRuleGroupStatement": body}


def group_ref(arn: str, overrides: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A RuleGroupReferenceStatement."""
    body: dict[str, Any] = {"ARN": arn}
    if overrides:
        body["RuleActionOverrides"] = [
            {"Name": n, "ActionToUse": {a: {}}} for n, a in overrides.items()
        ]
    return {"RuleGroupReferenceStatement": body}


def and_(*statements: dict[str, Any]) -> dict[str, Any]:
    """An AndStatement."""
    return {"AndStatement": {"Statements": list(statements)}}


def or_(*statements: dict[str, Any]) -> dict[str, Any]:
    """An OrStatement."""
    return {"OrStatement": {"Statements": list(statements)}}


def not_(statement: dict[str, Any]) -> dict[str, Any]:
    """A NotStatement."""
    return {"NotStatement": {"Statement": statement}}


def rule(
    name: str,
    priority: int,
    statement: dict[str, Any],
    *,
    action: str | None = "Block",
    override: str | None = None,
    metrics: bool = True,
    labels: Sequence[str] = (),
) -> dict[str, Any]:
    """A Rule: ``action`` for plain rules, ``override`` ("None"/"Count") for rule groups."""
    r: dict[str, Any] = {"Name": name, "Priority": priority, "Statement": statement}
    if override is not None:
        r["OverrideAction"] = {override: {}}
    elif action is not None:
        r["Action"] = {action: {}}
    if labels:
        r["RuleLabels"] = [{"Name": label} for label in labels]
    r["VisibilityConfig"] = visibility(name, metrics=metrics)
    return r


def web_acl(
    name: str = "edge-acl",
    ident: str = "a1b2c3d4-0000-0000-0000-000000000001",
    *,
    scope: str = "REGIONAL",
    region: str = "us-east-1",
    account: str = ACCOUNT,
    rules: Sequence[dict[str, Any]] = (),
    default: str = "Allow",
    capacity: int = 700,
    metrics: bool = True,
    fms_pre: Sequence[dict[str, Any]] = (),
    fms_post: Sequence[dict[str, Any]] = (),
    managed_by_fms: bool = False,
) -> dict[str, Any]:
    """A GetWebACL ``WebACL``."""
    acl: dict[str, Any] = {
        "Name": name,
        "Id": ident,
        "ARN": waf_arn("webacl", name, ident, scope=scope, region=region, account=account),
        "DefaultAction": {default: {}},
        "Description": f"{name} web ACL",
        "Rules": list(rules),
        "VisibilityConfig": visibility(name, metrics=metrics),
        "Capacity": capacity,
        "ManagedByFirewallManager": managed_by_fms,
        "LabelNamespace": f"awswaf:{account}:webacl:{name}:",
    }
    if fms_pre:
        acl["PreProcessFirewallManagerRuleGroups"] = list(fms_pre)
    if fms_post:
        acl["PostProcessFirewallManagerRuleGroups"] = list(fms_post)
    return acl


def fms_group(
    name: str, priority: int, statement: dict[str, Any], override: str = "None"
) -> dict[str, Any]:
    """A Firewall Manager rule group (statement: a managed group or group reference)."""
    return {
        "Name": name,
        "Priority": priority,
        "FirewallManagerStatement": statement,
        "OverrideAction": {override: {}},
        "VisibilityConfig": visibility(name),
    }


def logging_configuration(acl_arn: str, account: str = ACCOUNT) -> dict[str, Any]:
    """A LoggingConfiguration to a Firehose stream, redacting the authorization header."""
    return {
        "ResourceArn": acl_arn,
        "LogDestinationConfigs": [
            f"arn:aws:firehose:us-east-1:{account}:deliverystream/aws-waf-logs-edge"
        ],
        "RedactedFields": [{"SingleHeader": {"Name": "authorization"}}],
        "ManagedByFirewallManager": False,
        "LogType": "WAF_LOGS",
        "LogScope": "CUSTOMER",
    }


def web_acl_entry(
    acl: dict[str, Any], *, logging: Any = OMIT, resources: Any = OMIT
) -> dict[str, Any]:
    """A ``web_acls`` item; OMIT = not collected, ``logging=None`` = collected, none."""
    entry: dict[str, Any] = {"WebACL": acl}
    if logging is not OMIT:
        entry["LoggingConfiguration"] = logging
    if resources is not OMIT:
        entry["ResourceArns"] = list(resources)
    return entry


def web_acl_summary_entry(acl: dict[str, Any], *, logging: Any = OMIT) -> dict[str, Any]:
    """The item the collector writes when GetWebACL is denied."""
    summary = {k: acl[k] for k in ("Name", "Id", "Description", "ARN")}
    summary["LockToken"] = "token-1"
    entry: dict[str, Any] = {"WebACLSummary": summary}
    if logging is not OMIT:
        entry["LoggingConfiguration"] = logging
    return entry


def ip_set(
    name: str,
    addresses: Sequence[str],
    *,
    ident: str = "b1",
    version: str = "IPV4",
    scope: str = "REGIONAL",
    region: str = "us-east-1",
    account: str = ACCOUNT,
) -> dict[str, Any]:
    """A GetIPSet ``IPSet``."""
    return {
        "Name": name,
        "Id": ident,
        "ARN": waf_arn("ipset", name, ident, scope=scope, region=region, account=account),
        "Description": f"{name} set",
        "IPAddressVersion": version,
        "Addresses": list(addresses),
    }


def regex_pattern_set(
    name: str,
    regexes: Sequence[str],
    *,
    ident: str = "c1",
    scope: str = "REGIONAL",
    region: str = "us-east-1",
    account: str = ACCOUNT,
) -> dict[str, Any]:
    """A GetRegexPatternSet ``RegexPatternSet``."""
    return {
        "Name": name,
        "Id": ident,
        "ARN": waf_arn("regexpatternset", name, ident, scope=scope, region=region, account=account),
        "Description": f"{name} patterns",
        "RegularExpressionList": [{"RegexString": r} for r in regexes],
    }


def rule_group(
    name: str,
    rules: Sequence[dict[str, Any]],
    *,
    ident: str = "d1",
    capacity: int = 50,
    scope: str = "REGIONAL",
    region: str = "us-east-1",
    account: str = ACCOUNT,
) -> dict[str, Any]:
    """A GetRuleGroup ``RuleGroup``."""
    return {
        "Name": name,
        "Id": ident,
        "Capacity": capacity,
        "ARN": waf_arn("rulegroup", name, ident, scope=scope, region=region, account=account),
        "Description": f"{name} rules",
        "Rules": list(rules),
        "VisibilityConfig": visibility(name),
        "LabelNamespace": f"awswaf:{account}:rulegroup:{name}:",
    }
