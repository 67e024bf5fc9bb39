"""The straightforward lineage walk, as it was before the per-node memo carried the hop fields
and edge texts: every hop reads its node's attributes, its edge and its successors afresh. The
tests compare :mod:`edgekit.graph.lineage` with it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from edgekit.graph.lineage import Hop, edge_detail, edge_sort_key, origin_lock
from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind
from edgekit.graph.summary import not_fully_collected


def successors(graph: nx.DiGraph, node: str) -> list[str]:
    """Traffic successors sorted by :func:`edge_sort_key`, one edge look-up per comparison."""
    succ = [v for v, d in graph.adj[node].items() if d["kind"] in TRAFFIC_EDGES]
    return sorted(succ, key=lambda v: edge_sort_key(graph, node, v))


def predecessors(graph: nx.DiGraph, node: str) -> list[str]:
    """Traffic predecessors sorted by node id."""
    return sorted(u for u, d in graph.pred[node].items() if d["kind"] in TRAFFIC_EDGES)


def hop(
    graph: nx.DiGraph, node: str, depth: int, parent: str | None, edge: Mapping[str, Any],
    repeat: bool,
) -> Hop:  # fmt: skip
    """One hop, every field read from the graph."""
    attrs = graph.nodes[node]
    acls = sorted(u for u, _ in graph.in_edges(node) if graph[u][node]["kind"] == EdgeKind.PROTECTS)
    certs = sorted(
        graph.nodes[v]["label"]
        for v, d in graph.adj[node].items()
        if d["kind"] == EdgeKind.SERVES_CERTIFICATE
    )
    return Hop(
        depth=depth,
        node=node,
        kind=attrs["kind"],
        label=attrs["label"],
        account_id=attrs.get("account_id"),
        region=attrs.get("region"),
        parent=parent,
        via=edge.get("kind"),
        detail=edge_detail(edge) if edge else "",
        web_acls=tuple(graph.nodes[a]["label"] for a in acls),
        web_acl_ids=tuple(acls),
        certificates=tuple(certs),
        tls_policy=attrs.get("tls_policy") or attrs.get("ssl_policy"),
        origin_lock=origin_lock(attrs),
        shield=attrs.get("shield"),
        unresolved=bool(
            attrs.get("unresolved") or attrs.get("cname_loop") or not_fully_collected(attrs)
        ),
        repeat=repeat,
    )


def walk(graph: nx.DiGraph, start: str, *, reverse: bool = False) -> list[Hop]:
    """The depth-first, pre-order walk of the lineage module's docstring."""
    hops: list[Hop] = []
    seen: set[str] = set()
    stack: list[tuple[str, int, str | None]] = [(start, 0, None)]
    while stack:
        node, depth, parent = stack.pop()
        repeat = node in seen
        seen.add(node)
        edge: Mapping[str, Any] = {}
        if parent is not None:
            edge = graph[node][parent] if reverse else graph[parent][node]
        hops.append(hop(graph, node, depth, parent, edge, repeat))
        if not repeat:
            children = predecessors(graph, node) if reverse else successors(graph, node)
            stack.extend((child, depth + 1, node) for child in reversed(children))
    return hops
