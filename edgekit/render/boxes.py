"""Boxes and arrows shared by the pictures: a graph node (or group) as a box, coloured by its
findings; arrows coloured by the findings of what they fold; the hostname box; truncation."""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Iterable, Sequence
from typing import Final

import networkx as nx

from edgekit.graph import Estate
from edgekit.graph.labels import resource_label
from edgekit.render import describe
from edgekit.render.common import account_region, cluster_id, coverage
from edgekit.render.findings import FindingIndex, counts_text, run_checks, worst
from edgekit.render.spec import Footer, SpecEdge, SpecNode, edge_style, node_style
from edgekit.rules.finding import Finding

MAX_PATTERNS: Final = 5
"""Path patterns listed in a behavior group box."""


def index_for(estate: Estate, findings: Sequence[Finding] | FindingIndex | None) -> FindingIndex:
    """A finding index from findings, an index, or (None) by running the catalogue."""
    if isinstance(findings, FindingIndex):
        return findings
    return FindingIndex.build(estate, run_checks(estate) if findings is None else findings)


def hostname_of(estate: Estate, entrypoint: str, node: str) -> str:
    """The public hostname to title a picture with (the entrypoint itself when it is one)."""
    if entrypoint != node:
        return entrypoint.lower().rstrip(".")
    hosts = _HOSTS.get(estate)
    if hosts is None:
        hosts = {}
        for e in estate.entries():
            hosts.setdefault(e.node, e.hostname)
        _HOSTS[estate] = hosts
    return hosts.get(node) or str(estate.graph.nodes[node].get("label") or node)


_HOSTS: weakref.WeakKeyDictionary[Estate, dict[str, str]] = weakref.WeakKeyDictionary()
"""Entry node → its first hostname, per estate (the entries table is O(graph) to build)."""


def box_node(
    graph: nx.DiGraph,
    box: str,
    members: Sequence[str],
    index: FindingIndex,
    *,
    removed: bool = False,
) -> SpecNode:
    """The drawn box for ``box`` standing for graph nodes ``members`` (the first one leads);
    its hover name and findings (:mod:`edgekit.render.svgtitles`) are set here too."""
    counts = index.counts(members)
    severity = worst(counts)
    head = graph.nodes[members[0]]
    if box.startswith("behaviors:"):
        patterns = [str(graph.nodes[m].get("label")) for m in members if m in graph]
        patterns = [p for p in patterns if p] or ["(none)"]
        label = patterns[0] if len(patterns) == 1 else f"{len(patterns)} behaviors"
        shown = patterns if len(patterns) > 1 else []
        if len(shown) > MAX_PATTERNS:
            shown = [*shown[: MAX_PATTERNS - 1], f"+{len(shown) - MAX_PATTERNS + 1} more"]
        kind, caption, lines = "behaviors", "cache behavior" + ("s" if shown else ""), shown
        name = resource_label(head, members[0]) if len(members) == 1 else ""
    elif box.startswith("targets:"):
        tg = graph.nodes[box.removeprefix("targets:")]
        types = sorted({str(graph.nodes[m].get("target_type")) for m in members if m in graph})
        kind, label = "targets", f"{len(members)} targets"
        caption, lines = f"{'/'.join(types)} targets of {describe.label(tg)}", []
        name = ""
    else:
        kind, label = str(head["kind"]), describe.label(head)
        caption, lines = describe.caption(head), list(describe.lines(head))
        name = resource_label(head, members[0])
    unresolved = any(
        graph.nodes[m].get("unresolved") or graph.nodes[m].get("cname_loop")
        for m in members
        if m in graph
    )
    account, region = account_region(head)
    icon = describe.ICON_BY_KIND[kind] if kind in ("behaviors", "targets") else describe.icon(head)
    findings_line = counts_text(counts)
    return SpecNode(
        id=box,
        label=label,
        caption=caption,
        kind=kind,
        icon=icon,
        cluster=cluster_id(account, region),
        severity=severity,
        findings=counts,
        unresolved=unresolved,
        style=node_style(severity, unresolved=unresolved, removed=removed),
        members=tuple(sorted(members)),
        lines=tuple(lines) + ((findings_line,) if findings_line else ()),
        removed=removed,
        name=name,
        failing=index.listed(members),
    )


def footer(estate: Estate) -> Footer:
    """The coverage footer of an estate."""
    return Footer(**coverage(estate))


def host_node(host: str) -> SpecNode:
    return SpecNode(
        id="host:" + host,
        label=host,
        caption="public hostname",
        kind="hostname",
        icon=describe.ICON_BY_KIND["hostname"],
        cluster=None,
        severity=None,
        findings={},
        unresolved=False,
        style=node_style(None),
    )


def edge(
    boxes: dict[str, SpecNode],
    src: str,
    dst: str,
    kind: str,
    via: tuple[str, ...],
    index: FindingIndex,
) -> SpecEdge:
    counts = index.counts(via)
    severity = worst(counts)
    unresolved = boxes[dst].unresolved if dst in boxes else False
    return SpecEdge(
        src, dst, kind, severity, edge_style(kind, severity, unresolved=unresolved), via
    )


def truncate(
    boxes: dict[str, SpecNode],
    edges: list[SpecEdge],
    start: str,
    cap: int,
    notes: list[str],
    hint: str,
) -> tuple[list[SpecNode], list[SpecEdge]]:
    """Keep the ``cap - 1`` boxes nearest ``start`` and one "+N more" box, when over ``cap``."""
    if len(boxes) <= cap:
        return list(boxes.values()), edges
    adj: dict[str, list[str]] = {}
    for e in edges:
        adj.setdefault(e.src, []).append(e.dst)
        adj.setdefault(e.dst, []).append(e.src)
    order = _bfs(adj, start, sorted(boxes))
    keep = set(order[: cap - 1])
    dropped = len(boxes) - len(keep)
    more = SpecNode(
        id="more:",
        label=f"+{dropped} more",
        caption="not drawn: see the lineage table",
        kind="more",
        icon="none",
        cluster=None,
        severity=None,
        findings={},
        unresolved=False,
        style=node_style(None),
    )
    notes.append(f"{dropped} of {len(boxes)} boxes not drawn (cap {cap}); full detail: {hint}")
    kept_edges = [e for e in edges if e.src in keep and e.dst in keep]
    cut = sorted({e.src for e in edges if e.src in keep and e.dst not in keep})
    kept_edges += [SpecEdge(s, more.id, "more", None, edge_style("more", None)) for s in cut]
    return [*(boxes[k] for k in keep), more], kept_edges


def _bfs(adj: dict[str, list[str]], start: str, rest: Iterable[str]) -> list[str]:
    order = [start]
    seen = {start}
    queue = deque([start])
    while queue:
        for v in sorted(adj.get(queue.popleft(), ())):
            if v not in seen:
                seen.add(v)
                order.append(v)
                queue.append(v)
    return order + [x for x in rest if x not in seen]
