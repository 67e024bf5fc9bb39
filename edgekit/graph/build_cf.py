"""Graph parts for CloudFront (distribution → behaviors → origins / origin groups → what each
origin's domain resolves to) and Route 53 (record name → alias / CNAME / address targets)."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from edgekit.graph import nodes as n
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.graph.refs import certificate_node, placeholder, web_acl_node
from edgekit.graph.resolver import Resolver
from edgekit.model import (
    Distribution,
    Inventory,
    Origin,
    RecordSet,
    VpcOrigin,
)

DNS_TYPES = frozenset({"A", "AAAA", "CNAME"})
"""Record types that carry traffic (plus any alias record)."""


def tls_policy_of(dist: Distribution) -> str:
    """The viewer TLS policy: MinimumProtocolVersion, or the default certificate's pinned one."""
    vc = dist.viewer_certificate
    if vc.cloudfront_default_certificate or vc.source == "cloudfront":
        return "TLSv1 (default certificate)"
    return vc.minimum_protocol_version or ""


def add_distribution(graph: nx.DiGraph, inv: Inventory, res: Resolver, dist: Distribution) -> None:
    """A distribution, its behaviors, origins and groups, and what each origin reaches."""
    node = n.add_resource(
        graph,
        n.distribution_id(dist.id),
        NodeKind.DISTRIBUTION,
        f"{dist.id} ({dist.aliases[0]})" if dist.aliases else dist.id,
        dist,
        domain_name=dist.domain_name,
        aliases=list(dist.aliases),
        enabled=dist.enabled,
        staging=dist.staging,
        web_acl=dist.web_acl_id,
        tls_policy=tls_policy_of(dist),
        certificate_source=dist.viewer_certificate.source,
        price_class=dist.price_class,
    )
    vc = dist.viewer_certificate
    cert_ref = vc.acm_certificate_arn or vc.iam_certificate_id
    if cert_ref:
        n.add_edge(graph, node, certificate_node(graph, inv, cert_ref), EdgeKind.SERVES_CERTIFICATE)
    if dist.web_acl_id:
        n.add_edge(graph, web_acl_node(graph, inv, dist.web_acl_id), node, EdgeKind.PROTECTS)
    for origin in dist.origins:
        _add_origin(graph, inv, res, dist, origin)
    for group in dist.origin_groups:
        g = n.add_node(
            graph,
            n.origin_group_id(dist.id, group.id),
            NodeKind.ORIGIN_GROUP,
            group.id,
            account_id=dist.account_id,
            region=dist.region,
            ref=group,
            distribution_id=dist.id,
            members=list(group.member_origin_ids),
            failover_status_codes=list(group.failover_status_codes),
        )
        for position, member in enumerate(group.member_origin_ids):
            if dist.origin(member) is not None:
                m = n.origin_id(dist.id, member)
                n.add_edge(graph, g, m, EdgeKind.HAS_MEMBER, position=position)
    for order, behavior in enumerate(dist.behaviors):
        pattern = None if behavior.is_default else behavior.path_pattern
        b = n.add_node(
            graph,
            n.behavior_id(dist.id, pattern),
            NodeKind.BEHAVIOR,
            pattern or "default (*)",
            account_id=dist.account_id,
            region=dist.region,
            ref=behavior,
            distribution_id=dist.id,
            path_pattern=behavior.path_pattern,
            is_default=behavior.is_default,
            viewer_protocol_policy=behavior.viewer_protocol_policy,
            allowed_methods=list(behavior.allowed_methods),
            target_origin_id=behavior.target_origin_id,
        )
        n.add_edge(graph, node, b, EdgeKind.HAS_BEHAVIOR, order=order, path_pattern=pattern)
        target = behavior.target_origin_id
        if dist.origin_group(target) is not None:
            n.add_edge(graph, b, n.origin_group_id(dist.id, target), EdgeKind.ROUTES)
        elif dist.origin(target) is not None:
            n.add_edge(graph, b, n.origin_id(dist.id, target), EdgeKind.ROUTES)


def _add_origin(
    graph: nx.DiGraph, inv: Inventory, res: Resolver, dist: Distribution, origin: Origin
) -> None:
    cfg = origin.custom_origin_config
    node = n.add_node(
        graph,
        n.origin_id(dist.id, origin.id),
        NodeKind.ORIGIN,
        f"{origin.id} ({origin.domain_name})",
        account_id=dist.account_id,
        region=dist.region,
        ref=origin,
        distribution_id=dist.id,
        origin_id=origin.id,
        domain_name=origin.domain_name,
        origin_kind=origin.kind,
        s3_website=origin.is_s3_website,
        protocol_policy=cfg.origin_protocol_policy if cfg else None,
        custom_headers=sorted(h.name for h in origin.custom_headers),
        origin_access_control=origin.origin_access_control_id,
        origin_access_identity=origin.origin_access_identity_id,
    )
    vpc = origin.vpc_origin_config
    if vpc is not None:
        target = _vpc_origin(graph, inv, vpc.vpc_origin_id, vpc.owner_account_id)
        n.add_edge(graph, node, target, EdgeKind.RESOLVES_TO, rule="vpc-origin")
        return
    target, rule = res.resolve(origin.domain_name)
    n.add_edge(graph, node, target, EdgeKind.RESOLVES_TO, rule=rule)


def _vpc_origin(graph: nx.DiGraph, inv: Inventory, ident: str, owner: str | None) -> str:
    node = n.vpc_origin_id(ident)
    if node in graph:
        return node
    found = inv.cloudfront.vpc_origin(ident, owner)
    if not isinstance(found, VpcOrigin) and owner is not None:
        # Listed by another account than its owner (shared): any account's listing will do.
        anywhere = inv.cloudfront.vpc_origin(ident)
        found = anywhere if isinstance(anywhere, VpcOrigin) else found
    if not isinstance(found, VpcOrigin):
        return n.add_node(
            graph,
            node,
            NodeKind.VPC_ORIGIN,
            ident,
            account_id=owner,
            unresolved=True,
            missing="not-collected" if found is not None else "absent",
        )
    n.add_resource(
        graph,
        node,
        NodeKind.VPC_ORIGIN,
        found.name,
        found,
        endpoint_arn=found.origin_endpoint_arn,
    )
    endpoint = found.origin_endpoint_arn
    if ":elasticloadbalancing:" in endpoint:
        target = placeholder(
            graph, n.lb_id(endpoint), NodeKind.LOAD_BALANCER, endpoint, inv.elbv2.load_balancer
        )
    else:
        target = n.add_node(
            graph, f"ec2:{endpoint}", NodeKind.INSTANCE, endpoint.rpartition("/")[2], arn=endpoint
        )
    n.add_edge(graph, node, target, EdgeKind.RESOLVES_TO, rule="vpc-origin-endpoint")
    return node


def traffic_records(
    records: Iterable[RecordSet], private_zones: set[str]
) -> dict[str, list[RecordSet]]:
    """Public-zone records that carry traffic, by name (A/AAAA/CNAME or alias; no ``_`` labels).

    Names whose first label starts with ``_`` (ACM validation, service records) are left out.
    """
    out: dict[str, list[RecordSet]] = {}
    for r in records:
        if r.hosted_zone_id in private_zones or r.name.startswith("_"):
            continue
        if r.alias_target is None and r.type not in DNS_TYPES:
            continue
        out.setdefault(r.name, []).append(r)
    return out


def add_dns(graph: nx.DiGraph, res: Resolver, name: str, records: list[RecordSet]) -> None:
    """One ``dns:`` node per public name, an edge per distinct target (record details kept)."""
    node = n.add_node(
        graph,
        n.dns_id(name),
        NodeKind.DNS,
        name,
        account_id=min(r.account_id for r in records),
        region=records[0].region,
        ref=tuple(records),
        name=name,
        record_types=sorted({r.type for r in records}),
        routing=sorted({r.routing_policy for r in records}),
        zones=sorted({r.hosted_zone_id for r in records}),
    )
    edges: dict[str, dict[str, set[str]]] = {}
    rules: dict[str, str] = {}
    for r in records:
        targets = r.target_names or (r.values if r.type in ("A", "AAAA") else ())
        for target_name in targets:
            target, rule = res.resolve(target_name)
            info = edges.setdefault(target, {"types": set(), "sets": set(), "alias": set()})
            info["types"].add(r.type)
            info["alias"].add(str(r.alias_target is not None).lower())
            if r.set_identifier:
                info["sets"].add(r.set_identifier)
            rules.setdefault(target, rule)
    for target, info in edges.items():
        n.add_edge(
            graph,
            node,
            target,
            EdgeKind.RESOLVES_TO,
            rule=rules[target],
            record_types=sorted(info["types"]),
            alias="true" in info["alias"],
            set_identifiers=sorted(info["sets"]),
        )
