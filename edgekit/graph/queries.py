"""Cross-resource questions over the graph (the algorithms behind :class:`~.estate.Estate`'s
helpers; each takes the graph and a node id)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any, Final

import networkx as nx

from edgekit.graph import nodes as n
from edgekit.graph.nodes import ORIGIN_RESOLUTION_EDGES, REF, EdgeKind, NodeKind
from edgekit.model import NOT_COLLECTED, Collected, Distribution, Origin

FRONT_KINDS: Final = frozenset(
    {NodeKind.DNS, NodeKind.ORIGIN, NodeKind.VPC_ORIGIN, NodeKind.API_DOMAIN, NodeKind.API}
)
"""Kinds a "behind CloudFront" search walks back through to reach origins."""
ENTRY_KINDS: Final = frozenset(
    {
        NodeKind.DISTRIBUTION,
        NodeKind.LOAD_BALANCER,
        NodeKind.API,
        NodeKind.API_STAGE,
        NodeKind.API_DOMAIN,
    }
)


def is_internet_facing(attrs: Mapping[str, Any]) -> Collected[bool]:
    """CHECKS.md's internet-facing entrypoint test on a node's attributes (see the Estate)."""
    kind = attrs["kind"]
    if kind == NodeKind.DNS:
        return True
    if kind not in ENTRY_KINDS:
        return False
    if attrs.get(REF) is None and "public" not in attrs:
        return NOT_COLLECTED
    if kind == NodeKind.DISTRIBUTION:
        return bool(attrs["enabled"])
    if kind == NodeKind.LOAD_BALANCER:
        return bool(attrs["internet_facing"]) and attrs["lb_type"] != "gwlb"
    public = attrs.get("public")
    return NOT_COLLECTED if public is None else bool(public)


def distributions_in_front_of(graph: nx.DiGraph, start: str) -> list[tuple[Distribution, Origin]]:
    """(distribution, origin) pairs whose origin resolves to ``start`` (see the Estate)."""
    queue = deque([start])
    if graph.nodes[start]["kind"] == NodeKind.API:
        queue.extend(v for v, d in graph.adj[start].items() if d["kind"] == EdgeKind.HAS_STAGE)
    seen = set(queue)
    origins: list[str] = []
    while queue:
        node = queue.popleft()
        for u in graph.predecessors(node):
            if u in seen or graph[u][node]["kind"] not in ORIGIN_RESOLUTION_EDGES:
                continue
            kind = graph.nodes[u]["kind"]
            if kind not in FRONT_KINDS:
                continue
            seen.add(u)
            if kind == NodeKind.ORIGIN:
                origins.append(u)
            else:
                queue.append(u)
    pairs = []
    for o in origins:
        attrs = graph.nodes[o]
        dist = graph.nodes[n.distribution_id(attrs["distribution_id"])][REF]
        pairs.append((dist, attrs[REF]))
    return sorted(pairs, key=lambda p: (p[0].id, p[1].id))


def resolve_origin(graph: nx.DiGraph, origin: str) -> str:
    """The node an origin node reaches through ``dns:`` / ``vpc-origin`` nodes (see the Estate)."""
    node = origin
    seen = {node}
    while True:
        targets: list[str] = [
            v for v, d in graph.adj[node].items() if d["kind"] == EdgeKind.RESOLVES_TO
        ]
        if len(targets) != 1 or targets[0] in seen:
            return node
        node = targets[0]
        seen.add(node)
        if graph.nodes[node]["kind"] not in (NodeKind.DNS, NodeKind.VPC_ORIGIN):
            return node


def web_acls_for(graph: nx.DiGraph, node: str) -> list[str]:
    """Web ACL node ids with a ``protects`` edge to ``node``, sorted."""
    return sorted(u for u in graph.predecessors(node) if graph[u][node]["kind"] == "protects")


def dns_names_for(graph: nx.DiGraph, start: str) -> list[str]:
    """Names of the ``dns:`` nodes that resolve to ``start``, directly or through a chain."""
    names: set[str] = set()
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        for u in _dns_predecessors(graph, node):
            if u not in seen:
                seen.add(u)
                names.add(graph.nodes[u]["name"])
                queue.append(u)
    return sorted(names)


def _dns_predecessors(graph: nx.DiGraph, node: str) -> Iterable[str]:
    for u in graph.predecessors(node):
        kind = graph[u][node]["kind"]
        if graph.nodes[u]["kind"] == NodeKind.DNS and kind == EdgeKind.RESOLVES_TO:
            yield u
