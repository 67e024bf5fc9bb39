"""``apply(graph, proposals)``: the "after" graph. Pure: the input graph is never changed.

For each proposal, in id order:

1. the edge where the proposed path leaves the current one is cut when it is a pointer (a
   name, origin, behavior target, accelerator endpoint, API integration or mapping);
2. nodes of the proposed path the graph lacks are added (``proposed: True``, ``added_by``;
   kind from the id prefix: ``vpc-origin:new-…``, ``lambda-url:…:new-…``, ``accelerator:new-…``,
   ``cloudfront:new-…``), and so are its missing edges (kind from the node kinds, ``added_by``);
3. the pattern's own edits: attributes that change (an API made REGIONAL, an ALB made
   internal, an origin switched to S3 REST + OAC, aliases moved), a merged distribution's
   behaviors and origins, a redirect answered at the edge (``answers: "redirect"``);
4. the ``removed`` nodes go, with their edges.

Changed nodes carry ``changed_by`` (proposal ids). Proposals touching nodes an earlier one
removed skip what no longer exists. Node ids of the current path that survive keep their id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any

import networkx as nx

from edgekit.graph.nodes import EdgeKind, NodeKind, behavior_id, origin_id
from edgekit.plan.model import Proposal
from edgekit.plan.paths import kind

_EDGE_KINDS: dict[tuple[str, str], str] = {
    (NodeKind.ACCELERATOR, NodeKind.LOAD_BALANCER): EdgeKind.FRONTS,
    (NodeKind.DISTRIBUTION, NodeKind.BEHAVIOR): EdgeKind.HAS_BEHAVIOR,
    (NodeKind.BEHAVIOR, NodeKind.ORIGIN): EdgeKind.ROUTES,
    (NodeKind.LOAD_BALANCER, NodeKind.LISTENER): EdgeKind.HAS_LISTENER,
    (NodeKind.LISTENER, NodeKind.LISTENER_RULE): EdgeKind.HAS_RULE,
    (NodeKind.LISTENER_RULE, NodeKind.TARGET_GROUP): EdgeKind.FORWARDS,
    (NodeKind.TARGET_GROUP, NodeKind.TARGET): EdgeKind.TARGETS,
}


_REWIRED = frozenset(
    {EdgeKind.RESOLVES_TO, EdgeKind.ROUTES, EdgeKind.FRONTS, EdgeKind.INTEGRATES, EdgeKind.MAPS_TO}
)
"""Edges a proposal repoints (a name, an origin, a behavior's target); structural edges such
as a distribution's behaviors stay."""


def apply(graph: nx.DiGraph, proposals: Iterable[Proposal]) -> nx.DiGraph:
    """A new graph with every proposal applied (see the module docstring)."""
    after = nx.DiGraph(graph)
    after.graph["applied"] = []
    for p in sorted(proposals, key=lambda x: x.id):
        _apply_one(after, p)
        after.graph["applied"] = [*after.graph["applied"], p.id]
    return after


def _touch(g: nx.DiGraph, node: str, p: Proposal, **attrs: Any) -> None:
    if node not in g:
        return
    data = g.nodes[node]
    data.update(attrs)
    data["changed_by"] = sorted({*data.get("changed_by", ()), p.id})


def _add_node(g: nx.DiGraph, node: str, p: Proposal) -> None:
    g.add_node(
        node,
        kind=kind(g, node),
        label=f"(new) {node.split(':', 1)[1]}",
        account_id=None,
        region=None,
        arn=None,
        ref=None,
        modelled=False,
        unresolved=False,
        proposed=True,
        added_by=[p.id],
    )


def _add_edge(g: nx.DiGraph, u: str, v: str, p: Proposal, **attrs: Any) -> None:
    if g.has_edge(u, v):
        return
    edge = _EDGE_KINDS.get((kind(g, u), kind(g, v)), EdgeKind.RESOLVES_TO)
    g.add_edge(u, v, kind=str(edge), added_by=[p.id], **attrs)


def _apply_one(g: nx.DiGraph, p: Proposal) -> None:
    cur, new = list(p.current_path), list(p.proposed_path)
    k = 0
    while k < min(len(cur), len(new)) and cur[k] == new[k]:
        k += 1
    cut = 0 < k < len(cur) and g.has_edge(cur[k - 1], cur[k])
    if cut and g[cur[k - 1]][cur[k]]["kind"] in _REWIRED:
        g.remove_edge(cur[k - 1], cur[k])
    for node in new:
        if node not in g:
            _add_node(g, node, p)
    for u, v in pairwise(new):
        _add_edge(g, u, v, p)
    edit = EDITS.get(p.check_id)
    if edit is not None:
        edit(g, p)
    for node in p.removed:
        if node in g:
            g.remove_node(node)


# -- pattern edits ---------------------------------------------------------------------------
def _regional(g: nx.DiGraph, p: Proposal) -> None:
    for n in p.proposed_path:
        if kind(g, n) == NodeKind.API:
            _touch(g, n, p, edge_optimized=False, endpoint_types=["REGIONAL"])
        elif kind(g, n) == NodeKind.API_DOMAIN:
            _touch(g, n, p, endpoint_type="REGIONAL")


def _internal(g: nx.DiGraph, p: Proposal) -> None:
    for n in p.proposed_path:
        if kind(g, n) == NodeKind.LOAD_BALANCER:
            _touch(g, n, p, scheme="internal", internet_facing=False)
            return


def _s3_rest(g: nx.DiGraph, p: Proposal) -> None:
    for n in p.proposed_path:
        if kind(g, n) == NodeKind.ORIGIN:
            _touch(g, n, p, s3_website=False, origin_kind="s3", origin_access_control="new")
        elif kind(g, n) == NodeKind.BEHAVIOR:
            _touch(g, n, p, function="index-document")
        elif kind(g, n) == NodeKind.S3_BUCKET:
            _touch(g, n, p, website=False)


def _redirect(g: nx.DiGraph, p: Proposal) -> None:
    if p.proposed_path:
        _touch(g, p.proposed_path[-1], p, answers="redirect", function="redirect")


def _aliases(g: nx.DiGraph, p: Proposal) -> None:
    names = [g.nodes[n].get("name", n) for n in p.current_path if kind(g, n) == NodeKind.DNS]
    for n in p.proposed_path:
        if kind(g, n) == NodeKind.DISTRIBUTION:
            merged = sorted({*(g.nodes[n].get("aliases") or ()), *names})
            _touch(g, n, p, aliases=merged)
            return


def _merge(g: nx.DiGraph, p: Proposal) -> None:
    """cdn_chain: the outer distribution gets the inner one's behaviors and origins."""
    cur = list(p.current_path)
    old = next((n for n in cur if kind(g, n) == NodeKind.ORIGIN), None)
    dists = [n for n in cur if kind(g, n) == NodeKind.DISTRIBUTION]
    if old is None or len(dists) < 2 or dists[1] not in g:
        return
    outer, inner = dists[0], dists[1]
    outer_id, inner_id = outer.split(":")[1], inner.split(":")[1]
    copies: dict[str, str] = {}
    for b in sorted(v for v, d in g.adj[inner].items() if d["kind"] == EdgeKind.HAS_BEHAVIOR):
        for o in [v for v, d in g.adj[b].items() if d["kind"] == EdgeKind.ROUTES]:
            copy = origin_id(outer_id, f"{inner_id}-{o.split(':')[2]}")
            if copy not in g:
                _add_node(g, copy, p)
            for v in [v for v, d in g.adj[o].items() if d["kind"] == EdgeKind.RESOLVES_TO]:
                _add_edge(g, copy, v, p, rule="merged-origin")
            copies[b] = copy
        pattern = g.nodes[b].get("path_pattern")
        if g.nodes[b].get("is_default") or b not in copies:
            continue
        mine = behavior_id(outer_id, pattern)
        if mine not in g:
            _add_node(g, mine, p)
            g.nodes[mine].update(path_pattern=pattern, is_default=False)
            _add_edge(g, outer, mine, p, order=-1, path_pattern=pattern)
        _add_edge(g, mine, copies[b], p)
    default = next(iter(sorted(v for b, v in copies.items() if g.nodes[b].get("is_default"))), None)
    if default is None:
        return
    for u in list(g.predecessors(old)) if old in g else []:
        if g[u][old]["kind"] == EdgeKind.ROUTES:
            g.remove_edge(u, old)
            _add_edge(g, u, default, p)
    for b in [v for v, d in g.adj[outer].items() if d["kind"] == EdgeKind.HAS_BEHAVIOR]:
        if not any(d["kind"] == EdgeKind.ROUTES for d in g.adj[b].values()):
            _add_edge(g, b, default, p)
    _touch(g, outer, p)


EDITS: dict[str, Callable[[nx.DiGraph, Proposal], None]] = {
    "redundancy.cdn_before_edge_api": _regional,
    "redundancy.public_alb_behind_cdn": _internal,
    "redundancy.apigw_proxy_to_alb": _internal,
    "redundancy.s3_website_origin": _s3_rest,
    "redundancy.redirect_only_lb": _redirect,
    "redundancy.duplicate_distributions": _aliases,
    "redundancy.accelerator_and_cdn": _aliases,
    "redundancy.cdn_chain": _merge,
}
