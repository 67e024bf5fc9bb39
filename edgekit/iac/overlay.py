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
        [
            _path("LoadBalancer", "LoadBalancerArn"),
            _path("LoadBalancer", "DNSName"),
            _path("LoadBalancer", "CanonicalHostedZoneId"),
        ],
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
    ("cloudfront", "functions"): (
        [lambda i: (i.get("Name"), (i.get("FunctionMetadata") or {}).get("Stage"))],
        [_path("FunctionMetadata", "FunctionARN")],
    ),
    ("ec2", "security_groups"): (
        [lambda i: (i.get("GroupName"), i.get("VpcId"))],
        [_path("GroupId")],
    ),
}
NATURAL.update(
    {
        ("apigateway", "rest_apis"): (
            [_path("RestApi", "name")],
            [_path("RestApi", "id"), _path("RestApi", "rootResourceId")],
        ),
        ("apigateway", "domain_names"): (
            [_path("DomainName", "domainName")],
            [
                _path("DomainName", "distributionDomainName"),
                _path("DomainName", "regionalDomainName"),
            ],
        ),
        ("apigatewayv2", "apis"): ([_path("Api", "Name")], [_path("Api", "ApiId")]),
        ("apigatewayv2", "domain_names"): (
            [_path("DomainName", "DomainName")],
            [
                lambda i: next(
                    (
                        c.get("ApiGatewayDomainName")
                        for c in (i.get("DomainName") or {}).get("DomainNameConfigurations") or []
                    ),
                    None,
                )
            ],
        ),
        ("elb", "load_balancers"): (
            [_tags, _path("LoadBalancerDescription", "LoadBalancerName")],
            [_path("LoadBalancerDescription", "DNSName")],
        ),
        ("globalaccelerator", "accelerators"): (
            [_path("Accelerator", "Name")],
            [_path("Accelerator", "AcceleratorArn"), _path("Accelerator", "DnsName")],
        ),
        ("lambda", "function_urls"): (
            [_path("FunctionArn")],
            [_path("FunctionUrlConfig", "FunctionUrl"), lambda i: _url_id(i)],
        ),
    }
)
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


class Matcher:
    """Finds live counterparts among ``live`` items of one payload list, by natural key.

    The keys of every live item are indexed once, so pairing n IaC items with n live ones
    costs O(n), not O(n²) (a set of aliases is indexed per alias: sets match when they share
    one).
    """

    def __init__(self, collector: str, key: str, live: list[dict[str, Any]]) -> None:
        self.keys, _ids = NATURAL.get((collector, key), ([], []))
        self.index: list[dict[Any, set[int]]] = []
        for natural in self.keys:
            by_value: dict[Any, set[int]] = {}
            for i, item in enumerate(live):
                value = natural(item)
                if value is None:
                    continue
                for v in value if isinstance(value, frozenset) else (value,):
                    by_value.setdefault(v, set()).add(i)
            self.index.append(by_value)

    def match(self, iac: dict[str, Any]) -> int | None:
        """Index of ``iac``'s live counterpart (None when the IaC adds a resource)."""
        for natural, by_value in zip(self.keys, self.index, strict=True):
            wanted = natural(iac)
            if wanted is None:
                continue
            found: set[int] = set()
            for v in wanted if isinstance(wanted, frozenset) else (wanted,):
                found |= by_value.get(v, set())
            if len(found) == 1:
                return found.pop()
        return None


def match(collector: str, key: str, iac: dict[str, Any], live: list[dict[str, Any]]) -> int | None:
    """Index of ``iac``'s live counterpart in ``live`` (None when the IaC adds a resource)."""
    return Matcher(collector, key, live).match(iac)


def renames(collector: str, key: str, iac: dict[str, Any], live: dict[str, Any]) -> dict[str, str]:
    """Synthetic id -> live id for a matched pair."""
    _keys, ids = NATURAL.get((collector, key), ([], []))
    out: dict[str, str] = {}
    for get in ids:
        a, b = get(iac), get(live)
        if isinstance(a, str) and isinstance(b, str) and a and b and a != b:
            out[a] = b
    if (collector, key) == ("elbv2", "load_balancers"):
        out.update(_listener_renames(iac, live))
    for children, by, member in _CHILD_IDS.get((collector, key), ()):
        out.update(_child_renames(iac, live, children, by, member))
    return out


def _url_id(item: dict[str, Any]) -> Any:
    """A function URL's id (the first label of its host), which CloudFront origins name."""
    url = (item.get("FunctionUrlConfig") or {}).get("FunctionUrl")
    parts = url.split("/") if isinstance(url, str) else []
    return parts[2].split(".")[0] if len(parts) > 2 else None


# (collector, key) -> (child list, the member pairing children, the child id member)
_CHILD_IDS: dict[tuple[str, str], tuple[tuple[str, str, str], ...]] = {
    ("apigateway", "rest_apis"): (
        ("Resources", "path", "id"),
        ("Stages", "stageName", "deploymentId"),
    ),
    ("apigatewayv2", "apis"): (
        ("Integrations", "IntegrationUri", "IntegrationId"),
        ("Routes", "RouteKey", "RouteId"),
        ("Stages", "StageName", "DeploymentId"),
    ),
}


def _child_renames(
    iac: dict[str, Any], live: dict[str, Any], children: str, by: str, member: str
) -> dict[str, str]:
    """Ids of an API's children (resources, stages' deployments, integrations, routes),
    paired by path, stage name, integration URI or route key."""
    theirs: dict[Any, Any] = {}
    for child in live.get(children) or []:
        if isinstance(child, dict):
            theirs.setdefault(child.get(by), child)
    out: dict[str, str] = {}
    for child in iac.get(children) or []:
        other = theirs.get(child.get(by)) if isinstance(child, dict) else None
        a, b = (child.get(member), other.get(member)) if isinstance(other, dict) else (None, None)
        if isinstance(a, str) and isinstance(b, str) and a and b and a != b:
            out[a] = b
    return out


def _listener_renames(iac: dict[str, Any], live: dict[str, Any]) -> dict[str, str]:
    """Listener ARNs paired by port, their rules' ARNs by priority (a load balancer's)."""
    out: dict[str, str] = {}
    theirs = {
        (e.get("Listener") or {}).get("Port"): e
        for e in live.get("Listeners") or []
        if isinstance(e, dict)
    }
    for entry in iac.get("Listeners") or []:
        other = theirs.get((entry.get("Listener") or {}).get("Port"))
        if not isinstance(other, dict):
            continue
        pairs = [(entry.get("Listener") or {}, other.get("Listener") or {}, "ListenerArn")]
        rules = {r.get("Priority"): r for r in other.get("Rules") or [] if isinstance(r, dict)}
        pairs += [
            (r, rules.get(r.get("Priority")) or {}, "RuleArn")
            for r in entry.get("Rules") or []
            if isinstance(r, dict)
        ]
        for mine, live_one, member in pairs:
            a, b = mine.get(member), live_one.get(member)
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


# Members AWS computes when it deploys (the IaC cannot know them): an IaC item that replaces a
# live one keeps the live values of those it lacks.
COMPUTED: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = {
    ("acm", "certificates"): tuple(
        ("Certificate", m)
        for m in (
            "Status",
            "NotBefore",
            "NotAfter",
            "CreatedAt",
            "IssuedAt",
            "InUseBy",
            "DomainValidationOptions",
            "RenewalSummary",
            "Serial",
            "Subject",
            "Issuer",
            "SignatureAlgorithm",
        )
    ),
    ("wafv2", "web_acls"): (("WebACL", "Capacity"), ("WebACL", "LabelNamespace")),
}


def computed_from_live(collector: str, key: str, iac: Any, live: Any) -> Any:
    """``iac`` with the deploy-time members it lacks taken from its live counterpart."""
    paths = COMPUTED.get((collector, key), ())
    if not paths or not isinstance(iac, dict) or not isinstance(live, dict):
        return iac
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in iac.items()}
    for path in paths:
        source: Any = live
        for part in path:
            source = source.get(part) if isinstance(source, dict) else None
        target = out
        for part in path[:-1]:
            target = target.get(part) if isinstance(target, dict) else None  # type: ignore[assignment]
        if isinstance(target, dict) and source is not None and path[-1] not in target:
            target[path[-1]] = source
            _resolved(out, list(path))
    return out


def _resolved(item: dict[str, Any], path: list[str]) -> None:
    """Drop the ``_iac.unresolved`` entry of a member the live counterpart now supplies."""
    side = item.get("_iac")
    if isinstance(side, dict) and side.get("unresolved"):
        side = item["_iac"] = dict(side)
        side["unresolved"] = [e for e in side["unresolved"] if list(e.get("path") or []) != path]


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
