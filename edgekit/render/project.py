"""Folding the traffic graph reachable from an entrypoint onto the boxes a picture draws.

* listeners and listener rules are folded into the arrow from the load balancer to its target
  groups (their findings colour that arrow; a rule that forwards nowhere gives its findings to
  the load balancer);
* a distribution's cache behaviors are grouped by the origin they route to;
* a target group's targets are boxes of their own up to ``max_targets``, beyond that one
  "N targets" box; Lambda and ALB targets are folded into the arrow to the function / ALB.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Final

import networkx as nx

from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind, NodeKind

MAX_TARGETS: Final = 3
"""Targets drawn one by one per target group; more are one "N targets" box."""
FOLDED: Final = frozenset({NodeKind.LISTENER, NodeKind.LISTENER_RULE})


@dataclass
class Projection:
    """The reachable graph folded onto drawn boxes (``rep``: graph node → box id or None)."""

    graph: nx.DiGraph
    max_targets: int
    reach: list[str] = field(default_factory=list)
    rep: dict[str, str | None] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    edges: dict[tuple[str, str], tuple[str, set[str]]] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)

    def run(self, entry: str) -> None:
        """Walk from ``entry`` and fold."""
        self.reach = reach(self.graph, entry)
        for node in self.reach:
            box = self._box(node)
            self.rep[node] = box
            if box is not None:
                self.members.setdefault(box, []).append(node)
        for node in self.reach:
            if self.rep[node] is not None:
                self._fold_from(node)
        on_edges = {x for _, via in self.edges.values() for x in via}
        for hidden, owner in self.owner.items():
            if hidden not in on_edges:
                self.members[owner].append(hidden)

    def _box(self, node: str) -> str | None:
        g = self.graph
        attrs = g.nodes[node]
        kind = attrs["kind"]
        if kind in FOLDED:
            return None
        if kind == NodeKind.BEHAVIOR:
            routes = sorted(v for v, d in g.adj[node].items() if d["kind"] == EdgeKind.ROUTES)
            dist = f"cloudfront:{attrs.get('distribution_id')}"
            return f"behaviors:{routes[0]}" if routes else f"behaviors:{dist}:unrouted"
        if kind == NodeKind.TARGET:
            resolved = [v for v, d in g.adj[node].items() if d["kind"] == EdgeKind.RESOLVES_TO]
            if resolved:
                return None
            group = next(iter(g.predecessors(node)), None)
            if group is not None and self._many_targets(group):
                return f"targets:{group}"
        return node

    def _many_targets(self, group: str) -> bool:
        g = self.graph
        shown = [
            v
            for v, d in g.adj[group].items()
            if d["kind"] == EdgeKind.TARGETS
            and not any(e["kind"] == EdgeKind.RESOLVES_TO for e in g.adj[v].values())
        ]
        return len(shown) > self.max_targets

    def _fold_from(self, node: str) -> None:
        src = self.rep[node]
        assert src is not None
        stack: list[tuple[str, tuple[str, ...]]] = [(node, ())]
        seen: set[str] = set()
        while stack:
            u, via = stack.pop()
            for v, data in self.graph.adj[u].items():
                if data["kind"] not in TRAFFIC_EDGES:
                    continue
                dst = self.rep.get(v)
                if dst is None:
                    if v not in seen and v in self.rep:
                        seen.add(v)
                        self.owner.setdefault(v, src)
                        stack.append((v, (*via, v)))
                    continue
                if dst == src:
                    continue
                kind = EdgeKind.TARGETS if self.graph.nodes[u]["kind"] == NodeKind.TARGET else None
                old = self.edges.get((src, dst))
                merged = set(via) | (old[1] if old else set())
                self.edges[(src, dst)] = (old[0] if old else str(kind or data["kind"]), merged)


def reach(graph: nx.DiGraph, entry: str) -> list[str]:
    """Nodes reachable along traffic edges, breadth first (entry first), each once."""
    order = [entry]
    seen = {entry}
    queue = deque([entry])
    while queue:
        u = queue.popleft()
        for v in sorted(v for v, d in graph.adj[u].items() if d["kind"] in TRAFFIC_EDGES):
            if v not in seen:
                seen.add(v)
                order.append(v)
                queue.append(v)
    return order
