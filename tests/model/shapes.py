"""Snapshot payloads against botocore's output shapes (tests only).

Payload items are raw API data after :func:`edgekit.snapshot.jsonable`, validated by
:mod:`tests.shapes` in its ``json`` form. :func:`payload_errors` knows how each collector's
payload keys map to shapes (docs/snapshot.md), so whole snapshots (the fixtures) are validated
the same way as single factory outputs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tests import shapes
from tests.model.shapes_context import CONTEXT_LAYOUTS

Spec = Any
"""(service, shape name) | "str" | "list:<spec>" | {member: spec} | ("one_of", {member: spec})."""


def errors(value: Any, service: str, name: str, where: str = "$") -> list[str]:
    """Every mismatch between ``value`` (JSON form) and shape ``service:name``."""
    return shapes.errors(value, shapes.shape(service, name), where, form="json")


# -- payload layouts (docs/snapshot.md) ----------------------------------------------------------
CF = "cloudfront"
_LISTENER: Spec = {
    "Listener": ("elbv2", "Listener"),
    "Rules": "list:elbv2:Rule",
    "Certificates": "list:elbv2:Certificate",
}
LAYOUTS: Mapping[str, Mapping[str, Spec]] = {
    "cloudfront": {
        "distributions": (
            "one_of",
            {
                "Distribution": (CF, "Distribution"),
                "DistributionSummary": (CF, "DistributionSummary"),
                "Tags": f"list:{CF}:Tag",
            },
        ),
        "cache_policies": (CF, "CachePolicySummary"),
        "origin_request_policies": (CF, "OriginRequestPolicySummary"),
        "response_headers_policies": (CF, "ResponseHeadersPolicySummary"),
        "origin_access_controls": (CF, "OriginAccessControlSummary"),
        "origin_access_identities": (CF, "CloudFrontOriginAccessIdentitySummary"),
        "vpc_origins": (CF, "VpcOriginSummary"),
        "functions": (CF, "FunctionSummary"),
        "realtime_log_configs": (CF, "RealtimeLogConfig"),
        "log_delivery_sources": ("logs", "DeliverySource"),
        "log_deliveries": ("logs", "Delivery"),
    },
    "wafv2": {
        "web_acls": (
            "one_of",
            {
                "WebACL": ("wafv2", "WebACL"),
                "WebACLSummary": ("wafv2", "WebACLSummary"),
                "LoggingConfiguration": "nullable:wafv2:LoggingConfiguration",
                "ResourceArns": "list:str",
            },
        ),
        "ip_sets": ("wafv2", "IPSet"),
        "regex_pattern_sets": ("wafv2", "RegexPatternSet"),
        "rule_groups": ("wafv2", "RuleGroup"),
    },
    "elbv2": {
        "load_balancers": {
            "LoadBalancer": ("elbv2", "LoadBalancer"),
            "Attributes": "list:elbv2:LoadBalancerAttribute",
            "Tags": "list:elbv2:Tag",
            "Listeners": ["list", _LISTENER],
        },
        "target_groups": {
            "TargetGroup": ("elbv2", "TargetGroup"),
            "Attributes": "list:elbv2:TargetGroupAttribute",
            "TargetHealthDescriptions": "list:elbv2:TargetHealthDescription",
        },
        "ssl_policies": ("elbv2", "SslPolicy"),
    },
    "route53": {
        "hosted_zones": {
            "HostedZone": ("route53", "HostedZone"),
            "ResourceRecordSets": "list:route53:ResourceRecordSet",
        },
        "query_logging_configs": ("route53", "QueryLoggingConfig"),
    },
    "acm": {
        "certificates": (
            "one_of",
            {
                "Certificate": ("acm", "CertificateDetail"),
                "CertificateSummary": ("acm", "CertificateSummary"),
            },
        ),
    },
    **CONTEXT_LAYOUTS,
}


def item_errors(value: Any, spec: Spec, where: str) -> list[str]:
    """Mismatches of one payload item (or part) against a layout spec."""
    if isinstance(spec, tuple) and spec[0] == "one_of":
        return _composite(value, spec[1], where, exactly_one=True)
    if isinstance(spec, tuple):
        return errors(value, spec[0], spec[1], where)
    if isinstance(spec, dict):
        return _composite(value, spec, where, exactly_one=False)
    if isinstance(spec, list):  # ["list", inner spec]
        if not isinstance(value, list):
            return [f"{where}: not a list"]
        return [e for i, v in enumerate(value) for e in item_errors(v, spec[1], f"{where}[{i}]")]
    if spec == "list:str":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return [] if ok else [f"{where}: not a list of strings"]
    if spec in _SCALARS:
        return [] if _SCALARS[spec](value) else [f"{where}: {value!r:.40} is not {spec}"]
    kind, _, rest = spec.partition(":")
    service, _, name = rest.partition(":")
    if kind == "nullable":
        return [] if value is None else errors(value, service, name, where)
    if not isinstance(value, list):
        return [f"{where}: not a list"]
    return [e for i, v in enumerate(value) for e in errors(v, service, name, f"{where}[{i}]")]


def _json_doc(value: Any) -> bool:
    try:
        return isinstance(json.loads(value), dict)
    except (TypeError, ValueError):
        return False


_SCALARS = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "tri": lambda v: v is None or isinstance(v, bool),
    "json-str?": lambda v: v is None or (isinstance(v, str) and _json_doc(v)),
}


def _composite(
    value: Any, members: Mapping[str, Spec], where: str, *, exactly_one: bool
) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: not an object"]
    out = [f"{where}: unknown key {k!r}" for k in value if k not in members]
    if exactly_one:
        primary = [k for k in list(members)[:2] if k in value]
        if len(primary) != 1:
            out.append(f"{where}: needs exactly one of {list(members)[:2]}, has {primary}")
    else:
        first = next(iter(members))
        if first not in value:
            out.append(f"{where}: missing {first!r}")
    for key, val in value.items():
        if key in members:
            out.extend(item_errors(val, members[key], f"{where}.{key}"))
    return out


def payload_errors(collector: str, data: Mapping[str, Any]) -> list[str]:
    """Mismatches of a whole payload ``data`` against its collector's layout."""
    layout = LAYOUTS[collector]
    out: list[str] = []
    for key, value in data.items():
        if collector == "wafv2" and key == "scope":
            if value not in ("CLOUDFRONT", "REGIONAL"):
                out.append(f"{collector}.scope: {value!r}")
            continue
        if key not in layout:
            out.append(f"{collector}: unknown payload key {key!r}")
            continue
        spec = layout[key]
        if isinstance(spec, tuple) and spec[0] == "value":
            out.extend(item_errors(value, spec[1], f"{collector}.{key}"))
            continue
        if not isinstance(value, list):
            out.append(f"{collector}.{key}: not a list")
            continue
        for i, item in enumerate(value):
            out.extend(item_errors(item, layout[key], f"{collector}.{key}[{i}]"))
    return out
