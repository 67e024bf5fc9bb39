"""Graph arithmetic the pattern builders share: hop counts, what a rewrite leaves unused, the
ids of resources a proposal creates, entry names. Pure functions over the traffic graph."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import networkx as nx

from edgekit.graph.lineage import paths_from
from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind, NodeKind

HOP_KINDS: Final = frozenset({NodeKind.DISTRIBUTION, NodeKind.LOAD_BALANCER, NodeKind.ACCELERATOR})
"""Nodes that terminate connections (API Gateway counted once per API, see :func:`hops`)."""

KEEP_KINDS: Final = frozenset(
    {
        NodeKind.DNS,
        NodeKind.LAMBDA_FUNCTION,
        NodeKind.INSTANCE,
        NodeKind.S3_BUCKET,
        NodeKind.LAMBDA_URL,
        NodeKind.EXTERNAL,
        NodeKind.CERTIFICATE,
    }
)
"""Never removed by a proposal: names (records are repointed) and backends."""

STOP_KINDS: Final = HOP_KINDS | {NodeKind.API}
"""Other services below a removed one stay (an internal ALB may have VPC-internal clients)."""

NEW: Final = "new-"
"""Marks the identifier of a resource a proposal creates (``vpc-origin:new-web-alb``)."""


def kind(graph: nx.DiGraph, node: str) -> str:
    """A node's kind (``proposed`` new nodes by their id prefix)."""
    if node in graph:
        return str(graph.nodes[node]["kind"])
    return PREFIX_KINDS.get(node.partition(":")[0], NodeKind.AWS_RESOURCE)


PREFIX_KINDS: Final = {
    "dns": NodeKind.DNS,
    "cloudfront": NodeKind.DISTRIBUTION,
    "behavior": NodeKind.BEHAVIOR,
    "origin": NodeKind.ORIGIN,
    "vpc-origin": NodeKind.VPC_ORIGIN,
    "lb": NodeKind.LOAD_BALANCER,
    "lambda-url": NodeKind.LAMBDA_URL,
    "lambda": NodeKind.LAMBDA_FUNCTION,
    "accelerator": NodeKind.ACCELERATOR,
    "apigw": NodeKind.API,
    "apigw-stage": NodeKind.API_STAGE,
}


def hops(graph: nx.DiGraph, path: Sequence[str]) -> int:
    """Network intermediaries on a path: distributions, load balancers, accelerators, and one
    per API Gateway API (its stage and API nodes together)."""
    count = sum(1 for n in path if kind(graph, n) in HOP_KINDS)
    for i, n in enumerate(path):  # a listener reached directly (VPC link): its load balancer
        if kind(graph, n) == NodeKind.LISTENER and not any(
            kind(graph, m) == NodeKind.LOAD_BALANCER for m in path[:i]
        ):
            count += 1
    apis = {
        n.split(":")[2]
        for n in path
        if kind(graph, n) in (NodeKind.API, NodeKind.API_STAGE) and n.count(":") >= 2
    }
    return count + len(apis)


def traffic_preds(graph: nx.DiGraph, node: str) -> list[str]:
    """Predecessors along traffic edges."""
    return [u for u in graph.predecessors(node) if graph[u][node]["kind"] in TRAFFIC_EDGES]


def unused_after(
    graph: nx.DiGraph, seeds: Iterable[str], keep: Iterable[str], cut: Iterable[str] = ()
) -> list[str]:
    """Nodes a rewrite leaves without traffic: ``seeds`` (the hop resources the proposal takes
    out of the path) when every traffic predecessor is itself going or on ``cut`` (the path
    edges the proposal replaces), then everything below them that only they fed. Names and
    backends (:data:`KEEP_KINDS`), other services below (:data:`STOP_KINDS`) and ``keep`` (the
    proposed path) are never removed."""
    kept = set(keep)
    cut_from = set(cut)
    gone: set[str] = set()
    starts = [s for s in seeds if s in graph and s not in kept]
    queue = list(starts)
    while queue:
        node = queue.pop(0)
        if node in gone or node in kept or kind(graph, node) in KEEP_KINDS:
            continue
        if node not in starts and kind(graph, node) in STOP_KINDS:
            continue
        if any(u not in gone and u not in cut_from for u in traffic_preds(graph, node)):
            continue
        gone.add(node)
        queue += sorted(v for v, d in graph.adj[node].items() if d["kind"] in TRAFFIC_EDGES)
    return sorted(gone)


def protections_of(graph: nx.DiGraph, nodes: Iterable[str]) -> list[str]:
    """Web ACLs protecting only these nodes (they go with them)."""
    targets = set(nodes)
    out = set()
    for n in targets:
        for u in graph.predecessors(n):
            if graph[u][n]["kind"] != EdgeKind.PROTECTS:
                continue
            protected = {v for v, d in graph.adj[u].items() if d["kind"] == EdgeKind.PROTECTS}
            if protected <= targets:
                out.add(u)
    return sorted(out)


def entry_names(graph: nx.DiGraph, node: str) -> list[str]:
    """Public DNS names resolving to ``node`` directly (sorted)."""
    return sorted(
        u
        for u in graph.predecessors(node)
        if graph.nodes[u]["kind"] == NodeKind.DNS and graph[u][node]["kind"] == EdgeKind.RESOLVES_TO
    )


def first_path(graph: nx.DiGraph, node: str) -> list[str]:
    """The first traffic path from ``node`` (natural successor order)."""
    found = paths_from(graph, node, limit=1)
    return found[0] if found else [node]


def name_of(graph: nx.DiGraph, node: str) -> str:
    """A short, id-safe name for a node (the load balancer or API name, else the label)."""
    attrs = graph.nodes[node] if node in graph else {}
    raw = attrs.get("name") or attrs.get("label") or node.rpartition(":")[2]
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in str(raw)).strip("-").lower()


def with_entry(graph: nx.DiGraph, path: Sequence[str]) -> list[str]:
    """``path`` preceded by the first public DNS name resolving to its first node, if any."""
    if not path or path[0] not in graph or kind(graph, path[0]) == NodeKind.DNS:
        return list(path)
    names = entry_names(graph, path[0])
    return [names[0], *path] if names else list(path)


def index_of(graph: nx.DiGraph, path: Sequence[str], wanted: str, start: int = 0) -> int:
    """Index of the first node of kind ``wanted`` in ``path`` from ``start`` (-1: none)."""
    return next((i for i in range(start, len(path)) if kind(graph, path[i]) == wanted), -1)


def label(graph: nx.DiGraph, node: str) -> str:
    """A reviewer's label: the graph's (hostname, ``id (alias)``, ``alb name`` ...); for a node
    a proposal creates, ``new <kind> <name>``; for a hidden hop, what it is."""
    if node in graph:
        text = str(graph.nodes[node].get("label") or node)
        return short_arn(text) if text.startswith("arn:") else text
    prefix, _, rest = node.partition(":")
    if prefix == "hidden":
        return f"CloudFront layer inside edge-optimized API {rest.rpartition(':')[2]} (hidden)"
    name = rest.rpartition(":")[2].removeprefix(NEW)
    return f"new {PREFIX_KINDS.get(prefix, prefix)} {name}"


def short_arn(arn: str) -> str:
    """An ARN as a reviewer reads it: the resource name (``function nw-forms-handler``,
    ``alb nw-pay-core:443``), the ARN's resource part when it has no name segment."""
    resource = arn.split(":", 5)[5] if arn.count(":") >= 5 else arn
    kind_, sep, rest = resource.partition(":")
    if sep and "/" not in kind_:
        return f"{kind_} {rest}"
    parts = resource.split("/")
    if parts[0] == "loadbalancer" and len(parts) >= 3:
        return f"{'alb' if parts[1] == 'app' else parts[1]} {parts[2]}" + (
            f":{parts[-1].rpartition(':')[2]}" if ":" in parts[-1] else ""
        )
    return f"{parts[0]} {parts[-1]}" if len(parts) > 1 else resource
