"""Before / after: a proposal's current path and its proposed path, one above the other.

Both halves are drawn left to right in their own cluster, so hop lines up with hop. The
current path is coloured by its findings; the hops the proposal removes are marked (dark red,
dashed, ``removed``) and so are the arrows into and out of them. The proposed path is read
from the "after" graph (:func:`edgekit.plan.apply`); hops it adds are green. Its findings are
not re-evaluated, so it is not coloured by severity (the picture says so). Listeners and rules
fold into arrows as in the entrypoint picture; web ACLs on each path are attached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

import networkx as nx

from edgekit.graph import Estate
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.plan.patterns_cdn import HIDDEN
from edgekit.plan.prices import savings_text
from edgekit.render.boxes import box_node, edge, footer, hostname_of, index_for
from edgekit.render.common import slugify
from edgekit.render.findings import FindingIndex
from edgekit.render.project import FOLDED, reach
from edgekit.render.spec import (
    DiagramSpec,
    LegendEntry,
    SpecCluster,
    SpecEdge,
    SpecNode,
    edge_legend,
    edge_style,
    node_style,
    severity_legend,
)
from edgekit.rules.finding import Finding

if TYPE_CHECKING:
    from edgekit.plan.model import Proposal

BEFORE = "before"
AFTER = "after"
_ADDED_BORDER = "#2e7d32"
_CHANGED_BORDER = "#00838f"


def before_after_spec(
    estate: Estate,
    proposal: Proposal,
    after_graph: nx.DiGraph,
    *,
    findings: Sequence[Finding] | FindingIndex | None = None,
) -> DiagramSpec:
    """The before/after picture of one proposal (``after_graph``: the graph with it applied)."""
    index = index_for(estate, findings)
    current = list(proposal.current_path)
    proposed = list(proposal.proposed_path)
    removed = set(proposal.removed) | {n for n in current if n not in after_graph}
    added = {n for n in proposed if n not in estate.graph}
    changed = (
        {n for n in proposed if proposal.id in (after_graph.nodes[n].get("changed_by") or ())}
        if proposed
        else set()
    )
    nodes, edges = _side(estate.graph, current, BEFORE, index, removed=removed, keep=after_graph)
    after_nodes, after_edges = _side(
        after_graph, proposed, AFTER, FindingIndex(), added=added, changed=changed - added
    )
    nodes += after_nodes
    edges += after_edges
    if not proposed:
        nodes.append(_nothing())
    host = (
        hostname_of(estate, proposal.entrypoint, proposal.entrypoint)
        if proposal.entrypoint in estate.graph
        else proposal.entrypoint
    )
    notes = [
        f"{proposal.title or proposal.check_id} ({proposal.id})",
        f"removes {len(proposal.removed)} resource(s), {proposal.hops_saved} network hop(s) "
        f"fewer; saves {savings_text(proposal.monthly_savings_usd, proposal.usage_unknown)}"
        + (
            f" at {proposal.price_region} prices"
            if proposal.price_region not in ("", "global")
            else ""
        ),
        *_basis_notes(proposal.savings_basis),
        "after: findings not re-evaluated (colours only on the current path); "
        "risks and steps: edgekit plan",
    ]
    clusters = (
        SpecCluster(BEFORE, "before — current path", None, "side"),
        SpecCluster(AFTER, "after — proposed path", None, "side"),
    )
    return DiagramSpec(
        kind="before-after",
        name=f"{slugify(host)}-{slugify(proposal.id)}-before-after",
        title=f"{host} — before / after: {proposal.check_id}",
        subject=proposal.id,
        nodes=tuple(sorted(nodes, key=lambda n: n.id)),
        edges=tuple(sorted(edges, key=lambda e: (e.src, e.dst, e.kind))),
        clusters=clusters,
        legend=severity_legend()
        + _change_legend(nodes)
        + edge_legend({e.kind for e in edges} | {"traffic"}),
        footer=footer(estate),
        notes=tuple(notes),
        layout={"rankdir": "LR", "stacked": True, "same_rank": _aligned(nodes)},
    )


NOTE_WIDTH = 140
"""Characters per note line; a note is wrapped, never cut (see :func:`_basis_notes`)."""


def _basis_notes(basis: str) -> list[str]:
    """The savings basis as notes of whole parts, each short enough to wrap on at most three
    lines of the title block (whose wrap would otherwise cut a long note mid-word)."""
    parts, _, source = basis.partition(" — ")
    out: list[str] = []
    for part in [*parts.split("; "), source]:
        if not part:
            continue
        if out and len(out[-1]) + len(part) + 2 <= NOTE_WIDTH:
            out[-1] += f"; {part}"
        else:
            out.append(f"  {part}" if out else f"basis: {part}")
    return [_fit(n) for n in out]


def _fit(note: str) -> str:
    """Break a note at spaces into lines the title block's wrap keeps whole (≤ 3 lines)."""
    words, lines = note.split(" "), [""]
    for w in words:
        if lines[-1] and len(lines[-1]) + 1 + len(w) > NOTE_WIDTH:
            lines.append(w)
        else:
            lines[-1] = f"{lines[-1]} {w}" if lines[-1] else w
    return " ".join(lines[:3])


def after_graph(estate: Estate, proposal: Proposal) -> nx.DiGraph:
    """The "after" graph of one proposal, applied to its neighbourhood only.

    :func:`edgekit.plan.apply` copies the graph it is given; applying each proposal of a large
    estate to the whole graph would cost O(graph) per picture. The neighbourhood — what the
    entrypoint reaches, the proposed path's existing nodes, and the web ACLs protecting them —
    holds everything the picture reads, so the result draws the same.
    """
    from edgekit.plan import apply

    graph = estate.graph
    keep = set(reach(graph, proposal.entrypoint)) if proposal.entrypoint in graph else set()
    keep.update(n for n in (*proposal.current_path, *proposal.proposed_path) if n in graph)
    keep.update(
        u
        for n in list(keep)
        for u in graph.predecessors(n)
        if graph[u][n]["kind"] == EdgeKind.PROTECTS
    )
    return apply(graph.subgraph(keep), [proposal])


def _side(
    graph: nx.DiGraph,
    path: list[str],
    side: str,
    index: FindingIndex,
    *,
    removed: set[str] | None = None,
    added: set[str] | None = None,
    changed: set[str] | None = None,
    keep: nx.DiGraph | None = None,
) -> tuple[list[SpecNode], list[SpecEdge]]:
    """Boxes and arrows for one path (folded), ids prefixed with the side.

    ``keep``: the after graph; an arrow standing for an edge it no longer has is "removed".
    """
    removed, added, changed = removed or set(), added or set(), changed or set()
    nodes: dict[str, SpecNode] = {}
    edges: list[SpecEdge] = []
    prev: str | None = None
    prev_i = 0
    via: list[str] = []
    for i, node in enumerate(path):
        if node.startswith(HIDDEN) and side == BEFORE:
            box = _hidden(node, side)
            nodes[box.id] = box
            if prev is not None:
                edges.append(_arrow(nodes, prev, box.id, "removed", via, index))
            prev, prev_i, via = box.id, i, []
            continue
        if node not in graph:
            continue
        if _folded(graph, node, path[i + 1] if i + 1 < len(path) else None):
            via.append(node)
            continue
        box = _box(graph, node, side, index, node in removed, node in added, node in changed)
        nodes[box.id] = box
        if prev is not None:
            kind = (
                str(graph[path[i - 1]][node]["kind"]) if graph.has_edge(path[i - 1], node) else ""
            )
            if nodes[prev].id.startswith(f"{side}:{HIDDEN}"):
                kind = "removed"
            segment = path[prev_i : i + 1]
            cut = keep is not None and any(not keep.has_edge(u, v) for u, v in pairwise(segment))
            edges.append(
                _arrow(nodes, prev, box.id, "removed" if cut else kind or "routes", via, index)
            )
        prev, prev_i, via = box.id, i, []
        for acl in sorted(graph.predecessors(node)):
            if graph[acl][node]["kind"] == EdgeKind.PROTECTS:
                nodes[f"{side}:{acl}"] = _box(graph, acl, side, index, acl in removed, False)
                edges.append(_arrow(nodes, f"{side}:{acl}", box.id, "protects", [], index))
    return list(nodes.values()), edges


def _folded(graph: nx.DiGraph, node: str, nxt: str | None) -> bool:
    kind = graph.nodes[node]["kind"]
    if kind in FOLDED:
        return True
    if kind == NodeKind.TARGET and nxt is not None and graph.has_edge(node, nxt):
        return bool(graph[node][nxt]["kind"] == EdgeKind.RESOLVES_TO)
    return False


def _box(
    graph: nx.DiGraph,
    node: str,
    side: str,
    index: FindingIndex,
    removed: bool,
    added: bool,
    changed: bool = False,
) -> SpecNode:
    box = box_node(graph, node, [node], index, removed=removed)
    box = replace(box, id=f"{side}:{node}", cluster=side)
    if removed:
        return replace(box, caption=f"{box.caption} · removed")
    if added:
        style = replace(node_style(None), border=_ADDED_BORDER, penwidth=2.5)
        return replace(box, caption=f"{box.caption} · new", style=style)
    if changed:
        style = replace(node_style(None), border=_CHANGED_BORDER, penwidth=2.5)
        return replace(box, caption=f"{box.caption} · changed", style=style)
    return box


def _arrow(
    nodes: dict[str, SpecNode],
    src: str,
    dst: str,
    kind: str,
    via: list[str],
    index: FindingIndex,
) -> SpecEdge:
    if kind == "removed" or (kind != "protects" and (nodes[src].removed or nodes[dst].removed)):
        return SpecEdge(src, dst, "removed", None, edge_style("removed", None), tuple(via))
    if kind != "protects" and nodes[dst].caption.endswith(" · new"):
        return SpecEdge(src, dst, "added", None, edge_style("added", None), tuple(via))
    return edge(nodes, src, dst, kind, tuple(via), index)


def _aligned(nodes: list[SpecNode]) -> list[list[str]]:
    """Pairs (before, after) of the traffic hops on both paths, to draw one above the other."""
    ids = {n.id for n in nodes if n.kind not in ("web-acl", "web-acl-classic")}
    pairs = [
        [i, AFTER + i.removeprefix(BEFORE)]
        for i in sorted(ids)
        if i.startswith(BEFORE + ":") and AFTER + i.removeprefix(BEFORE) in ids
    ]
    return pairs


def _change_legend(nodes: list[SpecNode]) -> tuple[LegendEntry, ...]:
    """Legend entries for the marks present: removed, new, changed hops."""
    marks = {
        "removed": ("hop removed by the proposal", node_style(None, removed=True)),
        "new": ("new hop", replace(node_style(None), border=_ADDED_BORDER, penwidth=2.5)),
        "changed": ("hop changed", replace(node_style(None), border=_CHANGED_BORDER, penwidth=2.5)),
    }
    present = {n.caption.rpartition(" · ")[2] for n in nodes}
    return tuple(
        LegendEntry(k, label, style, "node") for k, (label, style) in marks.items() if k in present
    )


def _hidden(node: str, side: str) -> SpecNode:
    """A hop the graph does not model: the CloudFront distribution inside an edge-optimized
    API (drawn as a removed distribution)."""
    api = node.rpartition(":")[2]
    return SpecNode(
        id=f"{side}:{node}",
        label="CloudFront (hidden)",
        caption=f"inside edge-optimized API {api} · removed",
        kind=str(NodeKind.DISTRIBUTION),
        icon="cloudfront",
        cluster=side,
        severity=None,
        findings={},
        unresolved=False,
        style=node_style(None, removed=True),
        removed=True,
    )


def _nothing() -> SpecNode:
    return SpecNode(
        id=f"{AFTER}:nothing",
        label="nothing",
        caption="the entrypoint is removed entirely",
        kind="more",
        icon="none",
        cluster=AFTER,
        severity=None,
        findings={},
        unresolved=False,
        style=node_style(None),
    )
