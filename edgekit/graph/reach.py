"""Which public hostnames reach each node, and finding a node by the name a person gives.

:class:`EntrypointIndex` answers "which entrypoints (hostnames) have a path that crosses this
resource": a node is crossed by every hostname whose lineage lists it (the traffic edges
reachable from the hostname's entry node), a web ACL by the hostnames of what it protects, a
certificate by the hostnames of what serves it. It is computed once, in time linear in the
graph plus the answer: one pass over the strongly connected components of the traffic edges in
topological order (iterative Tarjan; the only cycles are alias / CNAME loops), where a node
with one upstream shares its upstream's set instead of copying it.

:func:`resolve` finds the node a hostname, ARN, distribution id, load balancer (or other) name
or node id names, and answers an unknown value with the closest names ("did you mean").
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from edgekit.errors import InputError, close_matches
from edgekit.gcpause import gc_paused
from edgekit.graph import nodes as n
from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind, NodeKind
from edgekit.graph.resolve import normalize
from edgekit.graph.tables import Entry, entries

GENERATED_KINDS = frozenset({"distribution-domain", "load-balancer", "api-endpoint", "accelerator"})
"""Entry kinds whose hostname AWS generated (``*.cloudfront.net``, ELB and API names)."""

_EMPTY: frozenset[str] = frozenset()


class UnknownEntrypointError(InputError):
    """The hostname, name or node id names nothing in the estate (message: the closest names)."""


def entry_order(entry: Entry) -> tuple[bool, str]:
    """Names people gave (DNS records, aliases, API custom domains) first, then the names AWS
    generated, each alphabetically."""
    return (entry.entry_kind in GENERATED_KINDS, entry.hostname)


def arn_nodes(graph: nx.DiGraph) -> dict[str, str]:
    """ARN → node id (the node named ``<prefix>:<arn>`` wins where an ARN is shared, as a
    Lambda function and its URL share one)."""
    out: dict[str, str] = {}
    for node, arn in sorted(graph.nodes(data="arn")):
        if arn and (arn not in out or node == f"{n.prefix_of(node)}:{arn}"):
            out[arn] = node
    return out


@dataclass(frozen=True)
class EntrypointIndex:
    """The hostnames whose paths cross each node of a graph (see the module docstring)."""

    hostnames: tuple[str, ...]
    """Every entrypoint hostname, people's names first (:func:`entry_order`)."""
    entry_nodes: Mapping[str, str]
    """Hostname → the node it enters the graph at."""
    by_node: Mapping[str, tuple[str, ...]]
    """Node id → hostnames whose paths cross it, in :attr:`hostnames` order (nodes no
    entrypoint reaches are left out)."""
    by_arn: Mapping[str, str]
    """ARN → node id (:func:`arn_nodes`)."""

    @classmethod
    def build(cls, graph: nx.DiGraph) -> EntrypointIndex:
        """Index ``graph`` (linear in its size plus the answer)."""
        with gc_paused():
            return cls._build(graph)

    @classmethod
    def _build(cls, graph: nx.DiGraph) -> EntrypointIndex:
        found = sorted(entries(graph), key=entry_order)
        rank = {e.hostname: i for i, e in enumerate(found)}
        own: dict[str, set[str]] = {}
        for e in found:
            own.setdefault(e.node, set()).add(e.hostname)
        up = _upstream_hosts(graph, own)
        extra: dict[str, set[str]] = {}
        for u, v, kind in graph.edges(data="kind"):
            if kind == EdgeKind.PROTECTS and up.get(v):
                extra.setdefault(u, set()).update(up[v])
            elif kind == EdgeKind.SERVES_CERTIFICATE and up.get(u):
                extra.setdefault(v, set()).update(up[u])
        ordered: dict[int, tuple[str, ...]] = {}
        by_node: dict[str, tuple[str, ...]] = {}
        for node, hosts in up.items():
            if hosts:
                key = id(hosts)
                if key not in ordered:
                    ordered[key] = tuple(sorted(hosts, key=rank.__getitem__))
                by_node[node] = ordered[key]
        for node, more in extra.items():
            by_node[node] = tuple(sorted(more.union(by_node.get(node, ())), key=rank.__getitem__))
        return cls(
            hostnames=tuple(e.hostname for e in found),
            entry_nodes={e.hostname: e.node for e in found},
            by_node=by_node,
            by_arn=arn_nodes(graph),
        )

    def node_for(self, graph: nx.DiGraph, resource_id: str) -> str | None:
        """The node a finding's resource id names: the node id itself, the node with that ARN,
        a Route 53 record's ``dns:<name>`` node; None for account- or zone-wide ids."""
        if resource_id in graph:
            return resource_id
        node = self.by_arn.get(resource_id)
        if node is not None:
            return node
        if resource_id.startswith("record:"):
            parts = resource_id.split(":")
            if len(parts) >= 4 and n.dns_id(normalize(parts[2])) in graph:
                return n.dns_id(normalize(parts[2]))
        return None

    def of(self, graph: nx.DiGraph, resource_id: str) -> tuple[str, ...]:
        """Hostnames whose paths cross the resource a finding names (empty when none does)."""
        node = self.node_for(graph, resource_id)
        return self.by_node.get(node, ()) if node is not None else ()

    def select(self, patterns: Iterable[str]) -> frozenset[str]:
        """The hostnames matching any of ``patterns`` (globs, case-insensitive).

        A pattern matching no hostname raises :class:`UnknownEntrypointError` with the closest
        hostnames, so a typo never filters everything away.
        """
        chosen: set[str] = set()
        for raw in patterns:
            pattern = normalize(raw) if raw.strip() else raw
            hits = {h for h in self.hostnames if fnmatch.fnmatchcase(h, pattern)}
            if not hits:
                hint = _hint(raw, self.hostnames)
                raise UnknownEntrypointError(f"no entrypoint matches {raw!r}{hint}")
            chosen |= hits
        return frozenset(chosen)


def _upstream_hosts(graph: nx.DiGraph, own: Mapping[str, set[str]]) -> dict[str, frozenset[str]]:
    """Node → hostnames whose entry node reaches it along traffic edges."""
    succ = {
        u: [v for v, d in nbrs.items() if d["kind"] in TRAFFIC_EDGES]
        for u, nbrs in graph.adj.items()
    }
    comp_of: dict[str, int] = {}
    up: list[frozenset[str]] = []
    # components come sinks first: walk them reversed, so every upstream is done before
    for i, comp in enumerate(reversed(_components(succ))):
        for node in comp:
            comp_of[node] = i
        mine = {h for node in comp for h in own.get(node, ())}
        seen: set[int] = set()
        above: list[frozenset[str]] = []
        for node in comp:
            for u, d in graph.pred[node].items():
                if d["kind"] in TRAFFIC_EDGES:
                    c = comp_of[u]
                    if c != i and c not in seen:
                        seen.add(c)
                        if up[c]:
                            above.append(up[c])
        if not mine and len(above) == 1:
            up.append(above[0])
        elif not mine and not above:
            up.append(_EMPTY)
        else:
            up.append(frozenset(mine).union(*above))
    return {node: up[c] for node, c in comp_of.items()}


def _components(succ: Mapping[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (iterative Tarjan), in reverse topological order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    for root in succ:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(succ[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    comp: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        comp.append(member)
                        if member == node:
                            break
                    out.append(comp)
    return out


# -- finding a node by what a person calls it ------------------------------------------------------
def _hint(value: str, choices: Iterable[str]) -> str:
    close = close_matches(value, choices)
    return f" (did you mean {', '.join(close)}?)" if close else ""


_NAMED: tuple[NodeKind, ...] = (
    NodeKind.DISTRIBUTION,
    NodeKind.LOAD_BALANCER,
    NodeKind.API,
    NodeKind.ACCELERATOR,
    NodeKind.TARGET_GROUP,
    NodeKind.LAMBDA_FUNCTION,
    NodeKind.S3_BUCKET,
    NodeKind.INSTANCE,
    NodeKind.VPC_ORIGIN,
    NodeKind.WEB_ACL,
    NodeKind.WEB_ACL_CLASSIC,
    NodeKind.CERTIFICATE,
)
"""Node kinds a person names by their ``name`` (or label), in the order a shared name is
settled: a load balancer and its target group named alike → the load balancer."""
_RANK = {str(k): i for i, k in enumerate(_NAMED)}


def names(graph: nx.DiGraph) -> dict[str, list[str]]:
    """Plain name → node ids: resource names (load balancers, target groups, functions,
    buckets ...), distribution ids, and the DNS names of records and resources."""
    out: dict[str, list[str]] = {}
    for node, attrs in graph.nodes(data=True):
        kind = attrs["kind"]
        keys: set[str] = set()
        if kind == NodeKind.DISTRIBUTION:
            keys.add(str(attrs.get("label") or "").split(" ")[0])
        elif kind in _RANK:
            keys.add(str(attrs.get("name") or attrs.get("label") or ""))
        keys |= {str(attrs[k]) for k in ("dns_name", "domain_name") if attrs.get(k)}
        if kind == NodeKind.DNS:
            keys.add(str(attrs.get("name") or ""))
        for key in keys - {""}:
            out.setdefault(key, []).append(node)
    return out


def resolve(
    graph: nx.DiGraph,
    index: EntrypointIndex,
    value: str,
    *,
    what: str = "entrypoint",
) -> str:
    """The node ``value`` names: a node id, an entrypoint hostname, an ARN, a distribution id,
    a load balancer / target group / function / bucket / web ACL name, or any DNS name the graph
    knows (``dualstack.`` and a trailing dot ignored).

    Unknown → :class:`UnknownEntrypointError` with the closest hostnames and names; a name
    several resources share → the same error listing their node ids.
    """
    text = value.strip()
    if text in graph:
        return text
    host = normalize(text) if text else text
    if host.startswith("dualstack."):
        host = host.removeprefix("dualstack.")
    if host in index.entry_nodes:
        return index.entry_nodes[host]
    if text in index.by_arn:
        return index.by_arn[text]
    if n.dns_id(host) in graph:
        return n.dns_id(host)
    if n.distribution_id(text) in graph:
        return n.distribution_id(text)
    by_name = names(graph)
    found = by_name.get(text) or by_name.get(host) or []
    if len(found) > 1:
        best = min(_RANK.get(graph.nodes[f]["kind"], len(_RANK)) for f in found)
        found = [f for f in found if _RANK.get(graph.nodes[f]["kind"], len(_RANK)) == best]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UnknownEntrypointError(
            f"{what} {value!r} names several resources: {', '.join(sorted(found))} "
            "(give the node id or ARN)"
        )
    choices = [*index.hostnames, *by_name]
    raise UnknownEntrypointError(
        f"unknown {what} {value!r}: no such hostname, ARN, name or node{_hint(text, choices)}"
    )
