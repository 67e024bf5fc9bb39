"""Graph parts for the context kinds: Classic ELBs, Global Accelerator, WAF Classic, Shield and
security-group facts here; API Gateway, S3 and Lambda URLs in :mod:`.build_apps`.

Order of use by :func:`~edgekit.graph.build.build_graph`: :func:`register_context_rules` right
after the resolver exists (so every resolution sees them), :func:`attach_context` before the
distributions (resources with their own nodes), :func:`finish_context` at the end (model
objects attached to the nodes the name patterns created, facts that need the whole graph).
"""

from __future__ import annotations

import networkx as nx

from edgekit.graph import build_apps
from edgekit.graph import nodes as n
from edgekit.graph.build_s3_lambda import attach_buckets_and_urls
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.graph.refs import certificate_node, placeholder, resource_node
from edgekit.graph.resolver import Resolver
from edgekit.model import NOT_COLLECTED, Inventory
from edgekit.model.elb.types import ClassicListener, ClassicLoadBalancer
from edgekit.model.globalaccelerator.types import Accelerator
from edgekit.model.waf_classic.types import ClassicWebACL


def register_context_rules(inv: Inventory, graph: nx.DiGraph, res: Resolver) -> None:
    """Resolution rules that need context kinds (Classic ELB, API domains, accelerators)."""

    def classic(host: str) -> tuple[str, str] | None:
        found = inv.elb.classic_load_balancer_by_dns(host)
        if isinstance(found, ClassicLoadBalancer):
            return n.lb_id(found.arn), "classic-elb-dns"
        return None

    accelerators = {
        name: a.arn
        for a in inv.accelerators
        for name in (a.dns_name, a.dual_stack_dns_name)
        if name is not None
    }

    def accelerator(host: str) -> tuple[str, str] | None:
        arn = accelerators.get(host)
        return None if arn is None else (n.accelerator_id(arn), "accelerator-dns")

    for a in inv.accelerators:
        for ip in a.ip_addresses:
            res.addresses.setdefault(ip, (n.accelerator_id(a.arn), "accelerator-address"))
    res.before_patterns += [classic, accelerator, build_apps.domain_target_rule(inv)]
    res.after_names.append(build_apps.custom_domain_rule(inv))


def attach_context(inv: Inventory, graph: nx.DiGraph, res: Resolver) -> None:
    """Nodes and edges of the context resources that have their own identity."""
    for lb in inv.classic_load_balancers:
        _classic_load_balancer(graph, inv, lb)
    for acl in (*inv.classic_web_acls, *inv.classic_regional_web_acls):
        _classic_web_acl(graph, acl)
    for acc in inv.accelerators:
        _accelerator(graph, inv, acc)
    build_apps.add_apis(graph, inv, res)


def finish_context(inv: Inventory, graph: nx.DiGraph) -> None:
    """Attach model objects to name-identified nodes; protections and lock facts."""
    attach_buckets_and_urls(graph, inv)
    for acl in (*inv.classic_web_acls, *inv.classic_regional_web_acls):
        arns = inv.waf.classic_web_acl_associations(acl)
        if arns is NOT_COLLECTED:
            continue
        for arn in arns:
            target = resource_node(graph, inv, arn)
            n.add_edge(graph, n.web_acl_id(acl.id), target, EdgeKind.PROTECTS)
    for node, attrs in list(graph.nodes(data=True)):
        if attrs["kind"] in (NodeKind.DISTRIBUTION, NodeKind.LOAD_BALANCER, NodeKind.ACCELERATOR):
            _shield(graph, inv, node)
        if attrs["kind"] == NodeKind.LOAD_BALANCER and attrs.get("ref") is not None:
            _network_facts(graph, inv, node)


def _classic_load_balancer(graph: nx.DiGraph, inv: Inventory, lb: ClassicLoadBalancer) -> None:
    node = n.add_resource(
        graph,
        n.lb_id(lb.arn),
        NodeKind.LOAD_BALANCER,
        f"classic {lb.name}",
        lb,
        name=lb.name,
        lb_type="classic",
        scheme=lb.scheme,
        internet_facing=lb.internet_facing,
        dns_name=lb.dns_name,
        listeners_collected=True,
    )
    for li in lb.listeners:
        listener = _classic_listener(graph, inv, lb, li)
        n.add_edge(graph, node, listener, EdgeKind.HAS_LISTENER, port=li.load_balancer_port)


def _classic_listener(
    graph: nx.DiGraph, inv: Inventory, lb: ClassicLoadBalancer, li: ClassicListener
) -> str:
    policy = li.ssl_policy
    policy_name = None
    if policy is not NOT_COLLECTED and policy is not None:
        policy_name = policy.reference_security_policy or policy.name
    node = n.add_node(
        graph,
        n.listener_id(f"{lb.arn}/{li.load_balancer_port}"),
        NodeKind.LISTENER,
        f"{li.protocol}:{li.load_balancer_port}",
        account_id=lb.account_id,
        region=lb.region,
        ref=li,
        protocol=li.protocol.upper(),
        port=li.load_balancer_port,
        instance_port=li.instance_port,
        ssl_policy=policy_name,
        rules_collected=True,
        lb_type="classic",
    )
    if li.ssl_certificate_id:
        cert = certificate_node(graph, inv, li.ssl_certificate_id)
        n.add_edge(graph, node, cert, EdgeKind.SERVES_CERTIFICATE, default=True)
    for instance in lb.instances:
        target = n.add_node(
            graph,
            n.target_id(lb.arn, instance, li.instance_port),
            NodeKind.TARGET,
            f"{instance}:{li.instance_port}",
            account_id=lb.account_id,
            region=lb.region,
            target_type="instance",
            target_id=instance,
            port=li.instance_port,
        )
        n.add_edge(graph, node, target, EdgeKind.TARGETS, port=li.instance_port)
    return node


def _classic_web_acl(graph: nx.DiGraph, acl: ClassicWebACL) -> None:
    n.add_resource(
        graph,
        n.web_acl_id(acl.id),
        NodeKind.WEB_ACL_CLASSIC,
        acl.name,
        acl,
        name=acl.name,
        scope=acl.scope,
        classic_id=acl.id,
    )


def _accelerator(graph: nx.DiGraph, inv: Inventory, acc: Accelerator) -> None:
    node = n.add_resource(
        graph,
        n.accelerator_id(acc.arn),
        NodeKind.ACCELERATOR,
        acc.name or acc.arn.rpartition("/")[2],
        acc,
        name=acc.name,
        enabled=acc.enabled,
        dns_name=acc.dns_name,
        ip_addresses=list(acc.ip_addresses),
        endpoints_collected=acc.endpoints_complete,
        listeners_collected=acc.listeners is not NOT_COLLECTED,
    )
    if acc.listeners is NOT_COLLECTED:
        return
    for li in acc.listeners:
        for group in li.endpoint_groups if li.endpoint_groups is not NOT_COLLECTED else ():
            for ep in group.endpoints:
                target = _endpoint(graph, inv, ep.endpoint_id, group.region, acc.account_id)
                n.add_edge(
                    graph,
                    node,
                    target,
                    EdgeKind.FRONTS,
                    weight=ep.weight,
                    endpoint_region=group.region,
                    health=ep.health_state,
                )


def _endpoint(graph: nx.DiGraph, inv: Inventory, ident: str, region: str, account: str) -> str:
    if ident.startswith("arn:") and ":elasticloadbalancing:" in ident:
        return placeholder(
            graph, n.lb_id(ident), NodeKind.LOAD_BALANCER, ident, inv.elbv2.load_balancer
        )
    node = f"ec2:{ident}"
    if node not in graph:
        n.add_node(graph, node, NodeKind.INSTANCE, ident, account_id=account, region=region)
    return node


def _shield(graph: nx.DiGraph, inv: Inventory, node: str) -> None:
    arn = graph.nodes[node].get("arn")
    if not arn or graph.nodes[node].get("ref") is None:
        return
    found = inv.shield.shield_protection_for(arn)
    if found is NOT_COLLECTED:
        graph.nodes[node]["shield"] = "unknown"
    elif found is not None:
        graph.nodes[node]["shield"] = found.name or found.id


def _network_facts(graph: nx.DiGraph, inv: Inventory, node: str) -> None:
    """``lock_facts`` of a load balancer from its security groups and scheme."""
    lb = graph.nodes[node]["ref"]
    if not lb.security_groups:
        return
    groups = inv.ec2.security_groups_for(lb)
    if groups is NOT_COLLECTED:
        graph.nodes[node]["lock_facts"] = ["security groups not collected"]
        return
    prefix = inv.ec2.cloudfront_origin_facing_prefix_list(lb.account_id, lb.region)
    cf_list = getattr(prefix, "id", None)
    ports = sorted(
        {graph.nodes[v].get("port") for v in graph.successors(node) if graph.nodes[v].get("port")}
    )
    facts = []
    for port in ports:
        perms = [p for g in groups for p in g.ingress_for_tcp_port(port)]
        if any(p.open_to_internet for p in perms):
            facts.append(f"port {port} admits 0.0.0.0/0 or ::/0")
        elif cf_list is not None and any(cf_list in p.prefix_lists for p in perms):
            facts.append(f"port {port}: CloudFront origin-facing prefix list, not the internet")
    graph.nodes[node]["lock_facts"] = facts
