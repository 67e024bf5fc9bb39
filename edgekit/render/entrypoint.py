"""The per-entrypoint picture: hostname → distribution → behaviors → origins → load balancers →
target groups → backends, with the web ACLs and certificates attached where they apply.

The reachable traffic graph is folded onto boxes (:mod:`edgekit.render.project`): listeners and
rules into arrows, behaviors grouped by origin, targets counted past :data:`MAX_TARGETS`. Web
ACLs are their own boxes, attached (dashed, purple) to what they protect; certificates (dotted)
to what serves them.

When the picture would still exceed the node cap it collapses every target group, then leaves
out certificates, then cuts the farthest nodes into one "+N more" box, and says so in its notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from edgekit.graph import Estate
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.render import volume
from edgekit.render.boxes import (
    box_node,
    edge,
    footer,
    host_node,
    hostname_of,
    index_for,
    truncate,
)
from edgekit.render.common import clusters_for, picture_name
from edgekit.render.findings import FindingIndex
from edgekit.render.project import MAX_TARGETS, Projection
from edgekit.render.spec import NODE_CAP, DiagramSpec, edge_legend, severity_legend
from edgekit.rules.finding import Finding


def entrypoint_spec(
    estate: Estate,
    findings: Sequence[Finding] | FindingIndex | None,
    entrypoint: str,
    *,
    cap: int = NODE_CAP,
) -> DiagramSpec:
    """The picture of one entrypoint (hostname or node id), within ``cap`` nodes."""
    entry = estate.entry_node(entrypoint)
    host = hostname_of(estate, entrypoint, entry)
    return spec_for_entry(estate, index_for(estate, findings), entry, host, cap=cap)


def spec_for_entry(
    estate: Estate, index: FindingIndex, entry: str, host: str, *, cap: int = NODE_CAP
) -> DiagramSpec:
    """The picture of the entrypoint ``host`` entering the graph at node ``entry``."""
    notes: list[str] = []
    proj = Projection(estate.graph, MAX_TARGETS)
    proj.run(entry)
    with_certs = True
    if _size(proj, with_certs) + 1 > cap:
        proj = Projection(estate.graph, 0)
        proj.run(entry)
        notes.append("every target group's targets collapsed to a count (picture too large)")
    if _size(proj, with_certs) + 1 > cap:
        with_certs = False
        notes.append("certificates left out (picture too large): see the certificates table")
    return _assemble(estate, index, proj, entry, host, with_certs, cap, notes)


def _size(proj: Projection, with_certs: bool) -> int:
    return len(proj.members) + len(_attachments(proj, with_certs)[0])


def _attachments(proj: Projection, with_certs: bool) -> tuple[set[str], set[tuple[str, str, str]]]:
    """Web ACL (and certificate) nodes and their edges to the boxes they apply to."""
    g = proj.graph
    nodes: set[str] = set()
    edges: set[tuple[str, str, str]] = set()
    for node in proj.reach:
        box = proj.rep[node] or proj.owner.get(node)
        if box is None:
            continue
        for u in g.predecessors(node):
            if g[u][node]["kind"] == EdgeKind.PROTECTS:
                nodes.add(u)
                edges.add((u, box, str(EdgeKind.PROTECTS)))
        if with_certs:
            for c, d in g.adj[node].items():
                if d["kind"] == EdgeKind.SERVES_CERTIFICATE:
                    nodes.add(c)
                    edges.add((box, c, str(EdgeKind.SERVES_CERTIFICATE)))
    return nodes - set(proj.members), edges


def _assemble(
    estate: Estate,
    index: FindingIndex,
    proj: Projection,
    entry: str,
    host: str,
    with_certs: bool,
    cap: int,
    notes: list[str],
) -> DiagramSpec:
    g = estate.graph
    boxes = {box: box_node(g, box, members, index) for box, members in proj.members.items()}
    att_nodes, att_edges = _attachments(proj, with_certs)
    for node in sorted(att_nodes):
        boxes[node] = box_node(g, node, [node], index)
    edges = [
        edge(boxes, s, d, kind, tuple(sorted(via)), index)
        for (s, d), (kind, via) in proj.edges.items()
    ]
    edges += [edge(boxes, s, d, kind, (), index) for s, d, kind in sorted(att_edges)]
    start = proj.rep[entry] or entry
    if g.nodes[entry]["kind"] != NodeKind.DNS:
        boxes["host:" + host] = host_node(host)
        edges.append(edge(boxes, "host:" + host, start, str(EdgeKind.RESOLVES_TO), (), index))
        start = "host:" + host
    nodes, edges = truncate(boxes, edges, start, cap, notes, f"edgekit lineage SNAPSHOT {host}")
    legend = severity_legend() + edge_legend({e.kind for e in edges})
    volumes = volume.per_day(estate)
    if volumes is not None:  # metrics in the snapshot: arrow width by requests per day
        scaled = volume.scale(edges, {n.id: tuple({n.id, *n.members}) for n in nodes}, volumes)
        if any(a is not b for a, b in zip(scaled, edges, strict=True)):
            edges, legend = scaled, (*legend, volume.legend())
    return DiagramSpec(
        kind="entrypoint",
        name=picture_name(host, (e.hostname for e in estate.entries())),
        title=f"{host} — how requests reach the backends",
        subject=host,
        nodes=tuple(sorted(nodes, key=lambda n: n.id)),
        edges=tuple(sorted(edges, key=lambda e: (e.src, e.dst, e.kind))),
        clusters=clusters_for(n.cluster for n in nodes),
        legend=legend,
        footer=footer(estate),
        notes=tuple(notes),
        layout={"rankdir": "LR"},
    )
