"""``build_graph(inventory) -> nx.DiGraph``: the whole estate as one traffic/protection graph.

Linear in the inventory size: every reference is resolved through a dictionary (load balancers
by DNS name and address, distributions by domain and alias, records by name), never by a scan.
"""

from __future__ import annotations

import networkx as nx

from edgekit.gcpause import gc_paused
from edgekit.graph import nodes as n
from edgekit.graph.build_cf import add_distribution, add_dns, traffic_records
from edgekit.graph.build_context import attach_context, finish_context, register_context_rules
from edgekit.graph.build_elb import (
    add_certificate,
    add_load_balancer,
    add_target_group,
    add_web_acl,
)
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.graph.refs import resource_node
from edgekit.graph.resolver import Resolver
from edgekit.model import NOT_COLLECTED, Inventory


def build_graph(inv: Inventory) -> nx.DiGraph:
    """The traffic and protection graph of an inventory (see :mod:`edgekit.graph`)."""
    with gc_paused():
        return _build(inv)


def _build(inv: Inventory) -> nx.DiGraph:
    graph = nx.DiGraph(collected_at=inv.collected_at, partition=inv.partition)
    private = {z.id for z in inv.hosted_zones if z.private_zone}
    public = traffic_records(inv.record_sets, private)
    addresses = {
        address: (n.lb_id(lb.arn), "lb-address")
        for lb in inv.load_balancers
        for zone in lb.availability_zones
        for address in zone.addresses
    }
    res = Resolver(inv, graph, public, addresses)
    register_context_rules(inv, graph, res)
    for cert in inv.certificates:
        add_certificate(graph, cert)
    for acl in inv.web_acls:
        add_web_acl(graph, acl)
    for lb in inv.load_balancers:
        add_load_balancer(graph, inv, lb)
    for tg in inv.target_groups:
        add_target_group(graph, inv, tg)
    attach_context(inv, graph, res)
    for dist in inv.distributions:
        add_distribution(graph, inv, res, dist)
    for name in sorted(public):
        add_dns(graph, res, name, public[name])
    _protections(graph, inv)
    finish_context(inv, graph)
    _mark_loops(graph)
    return graph


def _protections(graph: nx.DiGraph, inv: Inventory) -> None:
    """``protects`` edges from every web ACL's associations (REGIONAL as collected,
    CLOUDFRONT derived from the distributions' WebACLId)."""
    for acl in inv.web_acls:
        arns = inv.waf.web_acl_associations(acl)
        node = n.web_acl_id(acl.arn)
        graph.nodes[node]["associations_collected"] = arns is not NOT_COLLECTED
        if arns is NOT_COLLECTED:
            continue
        for arn in arns:
            n.add_edge(graph, node, resource_node(graph, inv, arn), EdgeKind.PROTECTS)


def _mark_loops(graph: nx.DiGraph) -> None:
    """Mark ``dns:`` nodes on an alias / CNAME cycle (``cname_loop``), in linear time."""
    dns = [node for node, kind in graph.nodes(data="kind") if kind == NodeKind.DNS]
    sub = graph.subgraph(dns)
    for component in nx.strongly_connected_components(sub):
        looped = len(component) > 1 or any(sub.has_edge(c, c) for c in component)
        for node in component:
            graph.nodes[node]["cname_loop"] = looped
