"""Lineage of one entrypoint: its hops in order, with the protections at each; paths to backends.

A lineage is the depth-first, pre-order walk of the traffic edges from the entry node: each hop
records its depth and the edge it was reached by, so the list reads as an indented tree.
Successors are visited in their natural order (behaviors in evaluation order, listener rules by
priority with the default rule last, then by node id). A node reached a second time (an origin
used by several behaviors, a shared target group) is listed again with ``repeat=True`` and not
expanded again, so a lineage is linear in the size of what the entry reaches.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, overload

import networkx as nx
import pandas as pd

from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind, NodeKind
from edgekit.graph.summary import not_fully_collected


@dataclass(frozen=True, slots=True)
class Hop:
    """One node of a lineage and what protects it there."""

    depth: int
    node: str
    kind: str
    label: str
    account_id: str | None
    region: str | None
    parent: str | None
    """The node this hop was reached from (None for the entry)."""
    via: str | None
    """The edge kind from ``parent`` (``resolves-to``, ``routes``, ``forwards`` ...)."""
    detail: str
    """What the edge says: the path pattern, rule priority, weight, resolution rule."""
    web_acls: tuple[str, ...]
    """Names of the web ACLs protecting this node."""
    web_acl_ids: tuple[str, ...]
    """Their node ids."""
    certificates: tuple[str, ...]
    """Domain names of the certificates this node presents."""
    tls_policy: str | None
    """Viewer TLS policy here (distribution minimum protocol, listener SslPolicy)."""
    origin_lock: tuple[str, ...]
    """Origin lock facts: headers sent / required, OAC / OAI, VPC origin, internal scheme,
    security groups, bucket policy, function URL auth type."""
    shield: str | None
    """Shield Advanced protection name (``unknown`` when it could not be read), or None."""
    unresolved: bool
    repeat: bool
    """Already listed above; not expanded again."""


@dataclass(frozen=True, slots=True)
class Lineage(Sequence[Hop]):
    """The ordered hops from an entrypoint (a sequence of :class:`Hop`)."""

    entry: str
    """The entry node id."""
    query: str
    """What was asked for (hostname or node id)."""
    hops: tuple[Hop, ...]

    @overload
    def __getitem__(self, index: int) -> Hop: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Hop]: ...
    def __getitem__(self, index: int | slice) -> Hop | Sequence[Hop]:
        return self.hops[index]

    def __len__(self) -> int:
        return len(self.hops)

    def __iter__(self) -> Iterator[Hop]:
        return iter(self.hops)

    @property
    def unresolved(self) -> bool:
        """Some hop is unresolved."""
        return any(h.unresolved for h in self.hops)

    def to_records(self) -> list[dict[str, Any]]:
        """Hops as JSON-ready dicts (tuples as lists)."""
        return [
            {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(h).items()}
            for h in self.hops
        ]

    def to_frame(self) -> pd.DataFrame:
        """Hops as a DataFrame (list columns joined with ``, ``)."""
        columns = [f.name for f in fields(Hop)]
        rows = [
            {k: ", ".join(v) if isinstance(v, list) else v for k, v in r.items()}
            for r in self.to_records()
        ]
        return pd.DataFrame(rows, columns=columns)


def edge_sort_key(graph: nx.DiGraph, source: str, target: str) -> tuple[int, int, str]:
    """Natural successor order: behavior order, then rule priority (default last), then id."""
    return _edge_key(graph[source][target], target)


def _edge_key(data: Mapping[str, Any], target: str) -> tuple[int, int, str]:
    """:func:`edge_sort_key` of an edge whose data is at hand."""
    order = data.get("order")
    priority = data.get("priority")
    if order is not None:
        return (0, int(order), target)
    if data.get("kind") == EdgeKind.HAS_RULE:
        return (1, priority if priority is not None else 1 << 30, target)
    if data.get("position") is not None:
        return (0, int(data["position"]), target)
    return (2, 0, target)


def traffic_successors(graph: nx.DiGraph, node: str) -> list[str]:
    """Successors along traffic edges, in natural order."""
    return [v for v, _ in _traffic_edges(graph, node)]


def _traffic_edges(graph: nx.DiGraph, node: str) -> list[tuple[str, Mapping[str, Any]]]:
    """``(successor, edge data)`` along traffic edges, in natural order (the sort key ends with
    the successor's id, so no two keys tie)."""
    keyed = [
        (_edge_key(d, v), v, d) for v, d in graph.adj[node].items() if d["kind"] in TRAFFIC_EDGES
    ]
    keyed.sort(key=lambda k: k[0])
    return [(v, d) for _, v, d in keyed]


def edge_detail(data: Mapping[str, Any]) -> str:
    """A short text for an edge: path pattern, priority, weight, resolution rule, records."""
    kind = data.get("kind")
    if kind == EdgeKind.HAS_BEHAVIOR:
        return str(data.get("path_pattern") or "default")
    if kind == EdgeKind.HAS_RULE:
        priority = data.get("priority")
        return "default" if priority is None else f"priority {priority}"
    if kind == EdgeKind.FORWARDS:
        parts = [f"weight {data['weight']}"] if data.get("weight") is not None else []
        if data.get("via"):
            parts.append(str(data["via"]))
        return ", ".join(parts)
    if kind == EdgeKind.HAS_MEMBER:
        return "primary" if data.get("position") == 0 else f"failover {data.get('position')}"
    parts = []
    if data.get("rule"):
        parts.append(str(data["rule"]))
    if data.get("record_types"):
        alias = " alias" if data.get("alias") else ""
        parts.append("/".join(data["record_types"]) + alias)
    if data.get("set_identifiers"):
        parts.append("sets " + ",".join(data["set_identifiers"]))
    return ", ".join(parts)


def origin_lock(attrs: Mapping[str, Any]) -> tuple[str, ...]:
    """The origin lock facts a node's attributes record."""
    kind = attrs["kind"]
    facts: list[str] = []
    if kind == NodeKind.ORIGIN:
        facts += [f"sends header {h}" for h in attrs.get("custom_headers") or ()]
        if attrs.get("origin_access_control"):
            facts.append(f"OAC {attrs['origin_access_control']}")
        if attrs.get("origin_access_identity"):
            facts.append(f"OAI {attrs['origin_access_identity']}")
        if attrs.get("origin_kind") == "vpc":
            facts.append("VPC origin (private)")
    elif kind == NodeKind.LISTENER_RULE:
        facts += [f"requires header {h}" for h in attrs.get("requires_headers") or ()]
        if attrs.get("authenticate"):
            facts.append("authenticates")
    elif kind == NodeKind.LOAD_BALANCER and attrs.get("scheme") == "internal":
        facts.append("internal scheme")
    facts += list(attrs.get("lock_facts") or ())
    return tuple(facts)


@dataclass(frozen=True, slots=True)
class NodeFacts:
    """What a hop shows of a node, whatever the path to it (computed once per node)."""

    web_acl_ids: tuple[str, ...]
    web_acls: tuple[str, ...]
    certificates: tuple[str, ...]
    origin_lock: tuple[str, ...]
    unresolved: bool
    successors: tuple[str, ...]
    kind: str = ""
    label: str = ""
    account_id: str | None = None
    region: str | None = None
    tls_policy: str | None = None
    shield: str | None = None
    children: tuple[tuple[str, str | None, str], ...] = ()
    """``(successor, edge kind, edge detail)`` of each of :attr:`successors`, in order."""


def node_facts(graph: nx.DiGraph, node: str) -> NodeFacts:
    """The path-independent facts of a node's hop (web ACLs, certificates, successors ...)."""
    attrs = graph.nodes[node]
    acls = sorted(u for u, d in graph.pred[node].items() if d["kind"] == EdgeKind.PROTECTS)
    certs = sorted(
        graph.nodes[v]["label"]
        for v, d in graph.adj[node].items()
        if d["kind"] == EdgeKind.SERVES_CERTIFICATE
    )
    edges = _traffic_edges(graph, node)
    return NodeFacts(
        web_acl_ids=tuple(acls),
        web_acls=tuple(graph.nodes[a]["label"] for a in acls),
        certificates=tuple(certs),
        origin_lock=origin_lock(attrs),
        unresolved=bool(
            attrs.get("unresolved") or attrs.get("cname_loop") or not_fully_collected(attrs)
        ),
        successors=tuple(v for v, _ in edges),
        kind=attrs["kind"],
        label=attrs["label"],
        account_id=attrs.get("account_id"),
        region=attrs.get("region"),
        tls_policy=attrs.get("tls_policy") or attrs.get("ssl_policy"),
        shield=attrs.get("shield"),
        children=tuple((v, d.get("kind"), edge_detail(d) if d else "") for v, d in edges),
    )


def build_lineage(
    graph: nx.DiGraph, entry: str, query: str, memo: dict[str, NodeFacts] | None = None
) -> Lineage:
    """The lineage of ``entry`` (a node id of ``graph``).

    ``memo`` (node id → :class:`NodeFacts`), shared by the lineages of one graph, computes each
    node's facts once however many entrypoints reach it (a report builds them all).
    """
    return _walk(graph, entry, query, reverse=False, memo=memo)


def build_reverse_lineage(
    graph: nx.DiGraph, node: str, query: str, memo: dict[str, NodeFacts] | None = None
) -> Lineage:
    """What is in front of ``node``: the walk *against* the traffic edges, depth-first.

    Hop 0 is ``node`` itself; each further hop is a predecessor (what sends traffic to the hop
    above it), with ``parent`` the hop it sends to and ``via`` / ``detail`` that edge. The hops
    with no predecessor are where traffic enters (public records, distributions, internet-facing
    load balancers ...). Repeats are listed with ``repeat=True`` and not expanded again.
    """
    return _walk(graph, node, query, reverse=True, memo=memo)


def traffic_predecessors(graph: nx.DiGraph, node: str) -> list[str]:
    """Predecessors along traffic edges, sorted by node id."""
    return sorted(u for u, d in graph.pred[node].items() if d["kind"] in TRAFFIC_EDGES)


def _walk(
    graph: nx.DiGraph,
    start: str,
    query: str,
    *,
    reverse: bool,
    memo: dict[str, NodeFacts] | None,
) -> Lineage:
    facts = {} if memo is None else memo
    hops: list[Hop] = []
    seen: set[str] = set()
    # (node, depth, parent, edge kind, edge detail): the edge's text is read once per edge
    # (forward: in the node's facts), not once per hop.
    stack: list[tuple[str, int, str | None, str | None, str]] = [(start, 0, None, None, "")]
    while stack:
        node, depth, parent, via, detail = stack.pop()
        repeat = node in seen
        seen.add(node)
        known = facts.get(node)
        if known is None:
            known = facts[node] = node_facts(graph, node)
        hops.append(
            Hop(depth, node, known.kind, known.label, known.account_id, known.region, parent,
                via, detail, known.web_acls, known.web_acl_ids, known.certificates,
                known.tls_policy, known.origin_lock, known.shield, known.unresolved, repeat)
        )  # fmt: skip
        if repeat:
            continue
        if reverse:
            for child in reversed(traffic_predecessors(graph, node)):
                edge = graph[child][node]
                text = edge_detail(edge) if edge else ""
                stack.append((child, depth + 1, node, edge.get("kind"), text))
        else:
            for child, kind, text in reversed(known.children):
                stack.append((child, depth + 1, node, kind, text))
    return Lineage(entry=start, query=query, hops=tuple(hops))


def paths_from(graph: nx.DiGraph, entry: str, limit: int | None = None) -> list[list[str]]:
    """Every simple traffic path from ``entry`` to a node with nowhere further to go.

    A path also ends where it would revisit one of its own nodes (an alias / CNAME loop).
    ``limit`` caps how many paths are returned (None: all).
    """
    paths: list[list[str]] = []
    path: list[str] = [entry]
    on_path = {entry}
    iters = [iter(traffic_successors(graph, entry))]
    extended = [False]
    while iters:
        child = next(iters[-1], None)
        if child is None:
            if not extended[-1]:
                paths.append(list(path))
                if limit is not None and len(paths) >= limit:
                    break
            iters.pop()
            extended.pop()
            on_path.discard(path.pop())
            continue
        extended[-1] = True
        if child in on_path:
            paths.append([*path, child])
            continue
        path.append(child)
        on_path.add(child)
        iters.append(iter(traffic_successors(graph, child)))
        extended.append(False)
    return paths


def web_acls_on_path(graph: nx.DiGraph, path: Sequence[str]) -> list[str]:
    """Web ACL node ids protecting nodes of ``path``, in path order, each once."""
    out: dict[str, None] = {}
    for node in path:
        for u in sorted(graph.predecessors(node)):
            if graph[u][node]["kind"] == EdgeKind.PROTECTS:
                out.setdefault(u)
    return list(out)
