"""The per-account overview: one card per front door, never the whole graph.

A card stands for the public names sharing a front door (:mod:`edgekit.graph.frontdoor`): a
distribution's aliases, the records pointing at it and its ``*.cloudfront.net`` name are one
card, not one card each repeating the same findings. It names the customer hostnames (the AWS-
generated name on a line of its own), how they enter AWS and how many network hops the longest
path has, the web ACLs, the kinds of backend reached, and the failing findings anywhere on the
paths of any of its names (including the web ACLs and certificates there) by severity, each
counted once; the card is coloured by the worst of them. Cards sit in their account / region
cluster, in rows (invisible ``layout`` edges), sorted by hostname. Past the node cap an
account's cards are split over several pictures, each saying which part it is and that the
entrypoints table lists them all.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import networkx as nx

from edgekit.graph import Estate
from edgekit.graph.frontdoor import front_door
from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind, NodeKind
from edgekit.graph.tables import Entry
from edgekit.render import describe
from edgekit.render.boxes import footer, index_for
from edgekit.render.common import account_region, cluster_id, clusters_for, slugify
from edgekit.render.findings import FindingIndex, count, counts_text, worst
from edgekit.render.labels import natural_key
from edgekit.render.spec import (
    NODE_CAP,
    DiagramSpec,
    SpecEdge,
    SpecNode,
    edge_style,
    node_style,
    severity_legend,
)
from edgekit.rules.finding import Finding

ENTRY_KINDS: Final = {
    "dns-record": "Route 53 record",
    "distribution-alias": "CloudFront alias",
    "distribution-domain": "CloudFront domain",
    "load-balancer": "load balancer DNS name",
    "api-endpoint": "API Gateway endpoint",
    "api-domain": "API custom domain",
    "accelerator": "Global Accelerator",
}
GENERATED_KINDS: Final = frozenset(
    {"distribution-domain", "load-balancer", "api-endpoint", "accelerator"}
)
"""Entry kinds whose hostname AWS generated (``*.cloudfront.net``, ELB, API, accelerator)."""
MAX_NAMES: Final = 3
"""Customer hostnames named on a card (the rest counted: "+4 more")."""
ASPECT: Final = 2.2
"""Rows per column of cards (cards are about 3.5 times wider than tall: a 16:10 picture)."""
MAX_LISTED_CARD: Final = 5
"""Failing findings a card's hover text lists (a box lists up to
:data:`~edgekit.render.findings.MAX_LISTED`): a picture holds up to the node cap of cards, each
hover text twice, and the report embeds several overviews (10k-resource estate: 8 lines made
the report 7,657 KiB, 5 lines 7,466, no list 7,150)."""


def account_of(estate: Estate, entry: Entry) -> str | None:
    """The account an entrypoint belongs to (its entry node's)."""
    return account_region(estate.graph.nodes[entry.node])[0]


def overview_specs(
    estate: Estate, findings: Sequence[Finding] | FindingIndex | None, *, cap: int = NODE_CAP
) -> list[DiagramSpec]:
    """Every account's overview pictures (parts included), by account."""
    index = index_for(estate, findings)
    links = Links.of(estate.graph)
    by_account: dict[str, list[Entry]] = {}
    for e in estate.entries():
        if account := account_of(estate, e):
            by_account.setdefault(account, []).append(e)
    return [
        s
        for account in sorted(by_account)
        for s in _account_specs(estate, index, account, by_account[account], cap, links)
    ]


def overview_spec(
    estate: Estate,
    findings: Sequence[Finding] | FindingIndex | None,
    account: str,
    *,
    cap: int = NODE_CAP,
) -> list[DiagramSpec]:
    """The overview of one account: one spec, or one per part when past ``cap`` entrypoints."""
    index = index_for(estate, findings)
    mine = [e for e in estate.entries() if account_of(estate, e) == account]
    return _account_specs(estate, index, account, mine, cap, Links.of(estate.graph))


def _account_specs(
    estate: Estate, index: FindingIndex, account: str, mine: list[Entry], cap: int, links: Links
) -> list[DiagramSpec]:
    cards = sorted(
        (_card(estate, index, group, links) for group in _groups(estate, mine)),
        key=lambda c: (c.cluster or "", natural_key(c.label)),
    )
    parts = [cards[i : i + cap] for i in range(0, len(cards), cap)] or [[]]
    notes = _account_notes(index, account)
    specs = []
    for number, part in enumerate(parts, 1):
        part_notes = list(notes)
        name = f"overview-{slugify(account)}"
        if len(parts) > 1:
            name += f"-part-{number:02d}-of-{len(parts):02d}"
            first = (number - 1) * cap + 1
            part_notes.insert(
                0,
                f"split: {len(cards)} cards over {len(parts)} pictures of at most {cap}; "
                f"this is part {number} ({first}–{first + len(part) - 1}, {part[0].label} … "
                f"{part[-1].label}); the entrypoints table lists them all",
            )
        specs.append(
            DiagramSpec(
                kind="overview",
                name=name,
                title=f"account {account} — {len(mine)} public entrypoints on {len(cards)} "
                "front doors",
                subject=account,
                nodes=tuple(sorted(part, key=lambda n: n.id)),
                edges=tuple(_rows(part)),
                clusters=clusters_for(c.cluster for c in part),
                legend=severity_legend(),
                footer=footer(estate),
                notes=tuple(part_notes),
                part=number,
                parts=len(parts),
                layout={"rankdir": "LR", "grid_columns": _columns(len(part))},
            )
        )
    return specs


def _columns(n: int) -> int:
    return max(1, math.ceil(math.sqrt(n / ASPECT)))


def _rows(cards: list[SpecNode]) -> list[SpecEdge]:
    """Invisible edges chaining each cluster's cards into rows (a grid, read row by row)."""
    out: list[SpecEdge] = []
    by_cluster: dict[str | None, list[SpecNode]] = {}
    for c in cards:
        by_cluster.setdefault(c.cluster, []).append(c)
    for members in by_cluster.values():
        cols = _columns(len(members))
        for i in range(len(members) - 1):
            if (i + 1) % cols:
                out.append(
                    SpecEdge(
                        members[i].id, members[i + 1].id, "layout", None, edge_style("layout", None)
                    )
                )
    return sorted(out, key=lambda e: (e.src, e.dst))


def reach_with_attachments(graph: nx.DiGraph, start: str, *more: str) -> set[str]:
    """Nodes on the traffic paths from ``start`` (and from ``more``: one walk for the names
    of one front door), plus the web ACLs and certificates applying there."""
    seen = {start, *more}
    queue = deque(seen)
    while queue:
        u = queue.popleft()
        for v, d in graph.adj[u].items():
            if d["kind"] in TRAFFIC_EDGES and v not in seen:
                seen.add(v)
                queue.append(v)
    extra: set[str] = set()
    for node in seen:
        extra.update(
            u for u in graph.predecessors(node) if graph[u][node]["kind"] == EdgeKind.PROTECTS
        )
        extra.update(
            v for v, d in graph.adj[node].items() if d["kind"] == EdgeKind.SERVES_CERTIFICATE
        )
    return seen | extra


@dataclass(frozen=True)
class Links:
    """A graph's traffic edges and attachments as plain lists, read in one pass over its edges:
    the overview walks the paths of every card, and plain lists walk several times faster than
    the graph's views. :meth:`reach` is :func:`reach_with_attachments`."""

    traffic: dict[str, list[str]]
    """Node → the nodes its traffic edges lead to."""
    protectors: dict[str, list[str]]
    """Node → the web ACLs protecting it."""
    certificates: dict[str, list[str]]
    """Node → the certificates it serves."""

    @classmethod
    def of(cls, graph: nx.DiGraph) -> Links:
        """The links of ``graph``."""
        traffic: dict[str, list[str]] = {}
        protectors: dict[str, list[str]] = {}
        certificates: dict[str, list[str]] = {}
        for u, v, kind in graph.edges(data="kind"):
            if kind in TRAFFIC_EDGES:
                traffic.setdefault(u, []).append(v)
            if kind == EdgeKind.PROTECTS:
                protectors.setdefault(v, []).append(u)
            if kind == EdgeKind.SERVES_CERTIFICATE:
                certificates.setdefault(u, []).append(v)
        return cls(traffic, protectors, certificates)

    def reach(self, start: str, *more: str) -> set[str]:
        """What :func:`reach_with_attachments` gives for the graph of these links."""
        seen = {start, *more}
        queue = deque(seen)
        while queue:
            for v in self.traffic.get(queue.popleft(), ()):
                if v not in seen:
                    seen.add(v)
                    queue.append(v)
        extra: set[str] = set()
        for node in seen:
            extra.update(self.protectors.get(node, ()))
            extra.update(self.certificates.get(node, ()))
        return seen | extra


def _groups(estate: Estate, mine: list[Entry]) -> list[list[Entry]]:
    """Entries grouped by front door; customer names first, then by hostname, in each."""
    by_door: dict[str, list[Entry]] = {}
    for e in mine:
        by_door.setdefault(front_door(estate.graph, e.node), []).append(e)
    return [
        sorted(group, key=lambda e: (e.entry_kind in GENERATED_KINDS, natural_key(e.hostname)))
        for group in by_door.values()
    ]


def _card(estate: Estate, index: FindingIndex, group: list[Entry], links: Links) -> SpecNode:
    g = estate.graph
    entry = group[0]
    attrs = g.nodes[entry.node]
    down = estate.downstream(entry.node)
    paths = links.reach(*(e.node for e in group))
    counts = index.counts(paths)
    severity = worst(counts)
    acls = sorted(str(g.nodes[a]["label"]) for a in down.web_acls)
    customer = [e.hostname for e in group if e.entry_kind not in GENERATED_KINDS]
    generated = [e.hostname for e in group if e.entry_kind in GENERATED_KINDS]
    lines = []
    if customer and generated:
        lines.append("AWS name: " + ", ".join(generated))
    lines += [
        ("web ACL: " + ", ".join(acls)) if acls else "no web ACL on any path",
        "backends: " + (", ".join(sorted(down.backends)) or "none"),
    ]
    if text := counts_text(counts):
        lines.append(text)
    hops = f"{down.hops} hop" + ("" if down.hops == 1 else "s")
    names = customer or generated
    label = ", ".join(names[:MAX_NAMES])
    if len(names) > MAX_NAMES:
        label += f" +{len(names) - MAX_NAMES} more"
    account, region = account_region(attrs)
    unresolved = any(estate.downstream(e.node).unresolved for e in group)
    return SpecNode(
        id=f"entry:{entry.hostname}",
        label=label,
        caption=f"{ENTRY_KINDS.get(entry.entry_kind, entry.entry_kind)} · {hops}",
        kind="entrypoint",
        icon=_icon(g, entry.node, bool(down.distributions)),
        cluster=cluster_id(account, region),
        severity=severity,
        findings=counts,
        unresolved=unresolved,
        style=node_style(severity, unresolved=unresolved),
        members=tuple(dict.fromkeys(e.node for e in group)),
        lines=tuple(lines),
        failing=index.listed(paths, MAX_LISTED_CARD),
    )


def _icon(graph: nx.DiGraph, node: str, via_cloudfront: bool) -> str:
    """CloudFront when a distribution is on the way, else the first resource's icon."""
    if via_cloudfront:
        return "cloudfront"
    seen = {node}
    while graph.nodes[node]["kind"] == NodeKind.DNS:
        nxt = sorted(v for v, d in graph.adj[node].items() if d["kind"] == EdgeKind.RESOLVES_TO)
        if not nxt or nxt[0] in seen:
            return "route53"
        node = nxt[0]
        seen.add(node)
    return describe.icon(graph.nodes[node])


def _account_notes(index: FindingIndex, account: str) -> list[str]:
    """A note on findings about the account itself (no entrypoint carries them)."""
    own = index.by_account.get(account, [])
    if not own:
        return []
    checks = ", ".join(sorted({f.check_id for f in own}))
    return [
        f"findings about the account itself (not on any card): {counts_text(count(own))} — {checks}"
    ]
