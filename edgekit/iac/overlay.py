"""Overlay an IaC estate on a live snapshot: what the IaC defines replaces its live counterpart.

Counterparts are found by natural key (docs/iac.md): the ``aws:cloudformation:*`` tags or the
aliases of a distribution, the name of a web ACL / load balancer / target group / bucket /
policy / IP set / rule group, a hosted zone's name (its records merge by name, type and set
identifier), a security group's name and VPC, a certificate's domain when only one live
certificate has it. A matched IaC item takes its counterpart's ids (the synthetic tokens are
replaced everywhere in the IaC items), so live resources that reference it still connect.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Key = Callable[[dict[str, Any]], Any]


def _tags(item: dict[str, Any]) -> Any:
    tags = {t.get("Key"): t.get("Value") for t in item.get("Tags") or []}
    stack, lid = (
        tags.get("aws:cloudformation:stack-name"),
        tags.get("aws:cloudformation:logical-id"),
    )
    return (stack, lid) if stack and lid else None


def _aliases(item: dict[str, Any]) -> Any:
    cfg = (item.get("Distribution") or {}).get("DistributionConfig") or {}
    return frozenset((cfg.get("Aliases") or {}).get("Items") or []) or None


def _path(*path: str) -> Key:
    def key(item: dict[str, Any]) -> Any:
        value: Any = item
        for p in path:
            value = value.get(p) if isinstance(value, dict) else None
        return value

    return key


# (collector, payload key) -> natural keys tried in order; the ids renamed when matched.
NATURAL: dict[tuple[str, str], tuple[list[Key], list[Key]]] = {
    ("cloudfront", "distributions"): (
        [_tags, _aliases],
        [
            _path("Distribution", "Id"),
            _path("Distribution", "ARN"),
            _path("Distribution", "DomainName"),
        ],
    ),
    ("wafv2", "web_acls"): (
        [_path("WebACL", "Name")],
        [_path("WebACL", "Id"), _path("WebACL", "ARN")],
    ),
    ("wafv2", "ip_sets"): ([_path("Name")], [_path("Id"), _path("ARN")]),
    ("wafv2", "rule_groups"): ([_path("Name")], [_path("Id"), _path("ARN")]),
    ("elbv2", "load_balancers"): (
        [_tags, _path("LoadBalancer", "LoadBalancerName")],
        [_path("LoadBalancer", "LoadBalancerArn"), _path("LoadBalancer", "DNSName")],
    ),
    ("elbv2", "target_groups"): (
        [_path("TargetGroup", "TargetGroupName")],
        [_path("TargetGroup", "TargetGroupArn")],
    ),
    ("route53", "hosted_zones"): ([_path("HostedZone", "Name")], [_path("HostedZone", "Id")]),
    ("acm", "certificates"): (
        [_path("Certificate", "DomainName")],
        [_path("Certificate", "CertificateArn")],
    ),
    ("s3", "buckets"): ([_path("Name")], []),
    ("cloudfront", "origin_access_controls"): ([_path("Name")], [_path("Id")]),
    ("ec2", "security_groups"): (
        [lambda i: (i.get("GroupName"), i.get("VpcId"))],
        [_path("GroupId")],
    ),
}
POLICIES = ("CachePolicy", "OriginRequestPolicy", "ResponseHeadersPolicy")


def _policy_name(item: dict[str, Any]) -> Any:
    for kind in POLICIES:
        if kind in item:
            return (item[kind].get(f"{kind}Config") or {}).get("Name")
    return None


for _key in ("cache_policies", "origin_request_policies", "response_headers_policies"):
    NATURAL[("cloudfront", _key)] = (
        [_policy_name],
        [lambda i: next((i[k]["Id"] for k in POLICIES if k in i), None)],
    )


def match(collector: str, key: str, iac: dict[str, Any], live: list[dict[str, Any]]) -> int | None:
    """Index of ``iac``'s live counterpart in ``live`` (None when the IaC adds a resource)."""
    keys, _ids = NATURAL.get((collector, key), ([], []))
    for natural in keys:
        wanted = natural(iac)
        if wanted is None:
            continue
        found = [
            i
            for i, item in enumerate(live)
            if natural(item) == wanted or _overlaps(natural, item, wanted)
        ]
        if len(found) == 1:
            return found[0]
    return None


def _overlaps(natural: Key, item: dict[str, Any], wanted: Any) -> bool:
    value = natural(item)
    return isinstance(wanted, frozenset) and isinstance(value, frozenset) and bool(wanted & value)


def renames(collector: str, key: str, iac: dict[str, Any], live: dict[str, Any]) -> dict[str, str]:
    """Synthetic id -> live id for a matched pair."""
    _keys, ids = NATURAL.get((collector, key), ([], []))
    out: dict[str, str] = {}
    for get in ids:
        a, b = get(iac), get(live)
        if isinstance(a, str) and isinstance(b, str) and a and b and a != b:
            out[a] = b
    return out


def replace_ids(value: Any, names: dict[str, str]) -> Any:
    """``value`` with every synthetic token of ``names`` replaced (inside strings too)."""
    if not names:
        return value
    if isinstance(value, dict):
        return {k: replace_ids(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_ids(v, names) for v in value]
    if isinstance(value, str):
        for old, new in names.items():
            if old in value:
                value = value.replace(old, new)
    return value


def merge_records(live_zone: dict[str, Any], iac_zone: dict[str, Any]) -> dict[str, Any]:
    """The live zone with the IaC's records replacing those of the same name/type/set id."""

    def rkey(r: dict[str, Any]) -> tuple[Any, ...]:
        return (str(r.get("Name", "")).lower(), r.get("Type"), r.get("SetIdentifier"))

    mine = {rkey(r) for r in iac_zone.get("ResourceRecordSets", [])}
    kept = [r for r in live_zone.get("ResourceRecordSets", []) if rkey(r) not in mine]
    out = dict(live_zone)
    out["ResourceRecordSets"] = kept + list(iac_zone.get("ResourceRecordSets", []))
    out["_iac"] = iac_zone.get("_iac")
    return out
