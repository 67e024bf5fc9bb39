"""An entrypoint's *front door*: the first resource past DNS its requests reach.

A distribution's ``*.cloudfront.net`` name, its aliases and the Route 53 records pointing at it
all share one front door (the distribution), as a load balancer's DNS name and the records
aliasing it share the load balancer. Reports and overviews group an entrypoint's names by it,
so the same findings are not repeated once per name.
"""

from __future__ import annotations

import networkx as nx

from edgekit.graph.nodes import EdgeKind, NodeKind


def front_door(graph: nx.DiGraph, node: str) -> str:
    """The first non-DNS node on the resolution chain from ``node`` (the alphabetically first
    target where a record resolves to several); ``node`` itself when it is not a record, and
    the last record reached when the chain ends in DNS (a dangling or external name)."""
    seen = {node}
    while graph.nodes[node]["kind"] == NodeKind.DNS:
        targets = sorted(v for v, d in graph.adj[node].items() if d["kind"] == EdgeKind.RESOLVES_TO)
        if not targets or targets[0] in seen:
            return node
        node = targets[0]
        seen.add(node)
    return node
