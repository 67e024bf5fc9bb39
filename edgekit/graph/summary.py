"""What lies downstream of every node, computed once for the whole graph in linear time.

The traffic subgraph is condensed into its strongly connected components (alias / CNAME loops
are the only cycles), then each component is summarised from its successors in reverse
topological order — so the entrypoints table costs O(nodes + edges) however many entrypoints
share a backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import networkx as nx

from edgekit.gcpause import gc_paused
from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind, NodeKind

CHAIN_LIMIT: Final = 600
"""Longest origin-chain text kept per node (longer ones end with ``…``)."""

_TLS_PROTOCOLS: Final = frozenset({"HTTPS", "TLS", "SSL"})
MAX_ALTERNATIVES: Final = 64
"""Most alternatives kept per node (the first ones in sorted order)."""

_EMPTY: Final[frozenset[str]] = frozenset()
_HOP_KINDS: Final = frozenset(
    {
        NodeKind.DISTRIBUTION,
        NodeKind.ACCELERATOR,
        NodeKind.LOAD_BALANCER,
        NodeKind.API_STAGE,
        NodeKind.S3_BUCKET,
        NodeKind.LAMBDA_FUNCTION,
        NodeKind.INSTANCE,
        NodeKind.EXTERNAL,
    }
)
_CHAIN_PREFIX: Final = {
    NodeKind.DNS: "",
    NodeKind.DISTRIBUTION: "cloudfront ",
    NodeKind.VPC_ORIGIN: "vpc-origin ",
    NodeKind.LOAD_BALANCER: "",
    NodeKind.TARGET_GROUP: "",
    NodeKind.ACCELERATOR: "accelerator ",
    NodeKind.API: "api ",
    NodeKind.API_STAGE: "stage ",
    NodeKind.API_DOMAIN: "api-domain ",
    NodeKind.S3_BUCKET: "s3 ",
    NodeKind.LAMBDA_URL: "lambda-url ",
    NodeKind.LAMBDA_FUNCTION: "lambda ",
    NodeKind.INSTANCE: "ec2 ",
    NodeKind.EXTERNAL: "ext ",
}


@dataclass(frozen=True, slots=True)
class Downstream:
    """Facts about every path from a node to its backends."""

    distributions: frozenset[str]
    """Distribution node ids on some path."""
    web_acls: frozenset[str]
    """Web ACL node ids protecting some node on some path."""
    tls_policies: frozenset[str]
    """Viewer TLS policies of the first TLS-terminating hop(s): distribution, load balancer."""
    backends: frozenset[str]
    """Kinds of the path ends (``instance``, ``ip``, ``lambda``, ``s3``, ``external`` ...)."""
    hops: int
    """Most network hops on a path: distributions, accelerators, load balancers, API stages
    (an edge-optimized API or EDGE custom domain adds API Gateway's own CloudFront), and the
    backend (instance / IP target, function, bucket, external name) count 1 each; DNS records
    and configuration nodes (behaviors, origins, listeners, rules, target groups) count 0."""
    unresolved: bool
    """Some path reaches an unresolved node or an alias / CNAME loop."""
    alternatives: tuple[str, ...]
    """The origin chain's alternatives (significant nodes only; see :attr:`chain`)."""

    @property
    def chain(self) -> str:
        """The origin chain as text: ``a → b → [c | d]``."""
        return format_chain(self.alternatives)


def traffic_adjacency(graph: nx.DiGraph) -> dict[str, list[str]]:
    """Every node's traffic successors (a plain dict: much faster to walk than a view)."""
    return {
        u: [v for v, d in nbrs.items() if d["kind"] in TRAFFIC_EDGES]
        for u, nbrs in graph.adjacency()
    }


def components(succ: Mapping[str, list[str]]) -> list[list[str]]:
    """Strongly connected components, successors before predecessors (iterative Tarjan, O(V+E)).

    Each component's nodes are sorted.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    for root in sorted(succ):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            children = succ[node]
            while i < len(children):
                child = children[i]
                i += 1
                if child not in index:
                    work.append((node, i))
                    work.append((child, 0))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                if low[node] == index[node]:
                    comp: list[str] = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        comp.append(top)
                        if top == node:
                            break
                    out.append(sorted(comp))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return out


def summarize(graph: nx.DiGraph) -> dict[str, Downstream]:
    """:class:`Downstream` of every node."""
    with gc_paused():
        return _summarize(graph)


def _summarize(graph: nx.DiGraph) -> dict[str, Downstream]:
    succ = traffic_adjacency(graph)
    acls = _protectors(graph)
    done: dict[str, Downstream] = {}
    for comp in components(succ):
        members = set(comp)
        children = {id(d): d for x in comp for c in succ[x] if c not in members for d in (done[c],)}
        summary = _combine(graph, comp, list(children.values()), acls)
        for node in comp:
            done[node] = summary
    return done


def _protectors(graph: nx.DiGraph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for u, v, kind in graph.edges(data="kind"):
        if kind == EdgeKind.PROTECTS:
            out.setdefault(v, []).append(u)
    return out


def _combine(
    graph: nx.DiGraph,
    nodes: list[str],
    children: list[Downstream],
    acls: Mapping[str, list[str]],
) -> Downstream:
    attrs = [graph.nodes[x] for x in nodes]
    loop = len(nodes) > 1 or any(graph.has_edge(x, x) for x in nodes)
    own_dists = [x for x, a in zip(nodes, attrs, strict=True) if a["kind"] == NodeKind.DISTRIBUTION]
    own_acls = [acl for x in nodes for acl in acls.get(x, ())]
    terminator = any(
        a["kind"] in (NodeKind.DISTRIBUTION, NodeKind.LOAD_BALANCER, NodeKind.API_DOMAIN)
        for a in attrs
    )
    return Downstream(
        distributions=_union(own_dists, (c.distributions for c in children)),
        web_acls=_union(own_acls, (c.web_acls for c in children)),
        tls_policies=(
            _union([p for x, a in zip(nodes, attrs, strict=True) for p in _tls(graph, x, a)], ())
            if terminator
            else _union((), (c.tls_policies for c in children))
        ),
        backends=(
            _union([backend_kind(a) for a in attrs] if not loop else ["cname-loop"], ())
            if not children
            else _union((), (c.backends for c in children))
        ),
        hops=sum(hop_weight(a) for a in attrs) + max((c.hops for c in children), default=0),
        unresolved=loop
        or any(a.get("unresolved") or not_fully_collected(a) for a in attrs)
        or any(c.unresolved for c in children),
        alternatives=_chain(attrs, loop, children),
    )


def _union(own: Iterable[str], others: Iterable[frozenset[str]]) -> frozenset[str]:
    sets = [s for s in others if s]
    own = list(own)
    if not own and len(sets) <= 1:
        return sets[0] if sets else _EMPTY
    out = set(own)
    for s in sets:
        out |= s
    return frozenset(out)


def hop_weight(attrs: Mapping[str, Any]) -> int:
    """1 for a node requests pass through as a network hop, else 0 (configuration, DNS)."""
    kind = attrs["kind"]
    if kind == NodeKind.TARGET:
        return 1 if attrs.get("target_type") in ("instance", "ip") else 0
    if kind == NodeKind.API:
        # the stage is the hop; an edge-optimized API adds API Gateway's own CloudFront
        own = 0 if attrs.get("has_stages") else 1
        return own + (1 if attrs.get("edge_optimized") else 0)
    if kind == NodeKind.API_DOMAIN:
        return 1 if attrs.get("endpoint_type") == "EDGE" else 0
    if kind == NodeKind.LAMBDA_URL:
        return 0 if attrs.get("modelled") else 1  # the function behind it is the hop
    return 1 if kind in _HOP_KINDS else 0


def not_fully_collected(attrs: Mapping[str, Any]) -> bool:
    """The node's onward traffic was not (fully) read: a load balancer's or an accelerator's
    listeners, an accelerator's endpoint groups, a listener's rules or a target group's
    targets. Such a node makes its paths unresolved, like an ``ext:`` name."""
    kind = attrs["kind"]
    if kind in (NodeKind.LOAD_BALANCER, NodeKind.ACCELERATOR):
        if not attrs.get("listeners_collected", True):
            return True
        return kind == NodeKind.ACCELERATOR and not attrs.get("endpoints_collected", True)
    if kind == NodeKind.LISTENER:
        return not attrs.get("rules_collected", True)
    if kind == NodeKind.TARGET_GROUP:
        return not attrs.get("targets_collected", True)
    return False


def backend_kind(attrs: Mapping[str, Any]) -> str:
    """What a path ending at this node reaches (``instance``, ``s3``, ``redirect`` ...)."""
    kind = attrs["kind"]
    if kind == NodeKind.TARGET:
        return str(attrs.get("target_type"))
    simple = {
        NodeKind.LAMBDA_FUNCTION: "lambda",
        NodeKind.S3_BUCKET: "s3",
        NodeKind.LAMBDA_URL: "lambda-url",
        NodeKind.API: "api-gateway",
        NodeKind.API_STAGE: "api-gateway",
        NodeKind.EXTERNAL: "external",
        NodeKind.INSTANCE: "instance",
    }
    if kind in simple:
        return simple[kind]
    if kind == NodeKind.LISTENER_RULE:
        return str(attrs.get("action") or "no-action")
    if kind == NodeKind.TARGET_GROUP:
        collected = attrs.get("targets_collected", True) and not attrs.get("unresolved")
        return "empty-target-group" if collected else "target-group (targets unknown)"
    if kind == NodeKind.LOAD_BALANCER and not attrs.get("unresolved"):
        return "no-listener" if attrs.get("listeners_collected", True) else "listeners unknown"
    if kind == NodeKind.ACCELERATOR:
        if not attrs.get("listeners_collected", True):
            return "listeners unknown"
        return "no-endpoint" if attrs.get("endpoints_collected", True) else "endpoints unknown"
    if kind == NodeKind.LISTENER:
        if attrs.get("lb_type") == "classic":  # a Classic ELB forwards to its instances
            return "no targets"
        return "no-rule" if attrs.get("rules_collected", True) else "rules unknown"
    return f"{kind} (unresolved)" if attrs.get("unresolved") else str(kind)


def _tls(graph: nx.DiGraph, node: str, attrs: Mapping[str, Any]) -> list[str]:
    """Viewer TLS policies where ``node`` terminates TLS (its HTTPS/TLS/SSL listeners)."""
    if attrs["kind"] == NodeKind.DISTRIBUTION:
        return [attrs.get("tls_policy") or ""]
    if attrs["kind"] == NodeKind.API_DOMAIN:
        return [attrs["security_policy"]] if attrs.get("security_policy") else []
    policies: list[str] = []
    for v in graph.successors(node):
        li = graph.nodes[v]
        listener = li["kind"] == NodeKind.LISTENER and li.get("protocol") in _TLS_PROTOCOLS
        if listener and li.get("ssl_policy"):
            policies.append(li["ssl_policy"])
    return policies


def chain_label(attrs: Mapping[str, Any]) -> str | None:
    """The node's text in an origin chain, or None for nodes the chain skips."""
    prefix = _CHAIN_PREFIX.get(attrs["kind"])
    if prefix is None:
        return None
    if attrs["kind"] == NodeKind.DISTRIBUTION:
        return f"{prefix}{attrs['label'].split(' ')[0]}"
    return f"{prefix}{attrs['label']}"


def _chain(
    attrs: list[Mapping[str, Any]], loop: bool, children: list[Downstream]
) -> tuple[str, ...]:
    """The alternatives of a node's chain: one when the node has a label, else its children's."""
    own = [label for a in attrs if (label := chain_label(a)) is not None]
    tails = sorted({alt for c in children for alt in c.alternatives})[:MAX_ALTERNATIVES]
    if not own and not loop:
        return tuple(tails)
    head = " ⇄ ".join(own) + (" (loop)" if loop else "")
    return (f"{head} → {format_chain(tails)}" if tails else head,)


def format_chain(alternatives: Sequence[str]) -> str:
    """``a`` for one alternative, ``[a | b]`` for several; capped at :data:`CHAIN_LIMIT`."""
    if not alternatives:
        return ""
    text = alternatives[0] if len(alternatives) == 1 else "[" + " | ".join(alternatives) + "]"
    return text if len(text) <= CHAIN_LIMIT else text[: CHAIN_LIMIT - 1] + "…"
