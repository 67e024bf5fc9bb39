"""The diagram spec: a plain, drawable description of one picture (no Graphviz, no ``diagrams``).

A :class:`DiagramSpec` lists nodes, edges and clusters with their styles already decided, a
title, notes, a legend and a footer (snapshot time and coverage). Builders in
:mod:`edgekit.render.entrypoint`, :mod:`edgekit.render.overview` and
:mod:`edgekit.render.beforeafter` produce specs; :mod:`edgekit.render.draw` (the only module that
imports ``diagrams``) draws them. Specs serialise to byte-stable JSON (``edgekit.diagram/1``):
nodes, edges and clusters sorted, no wall-clock times.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Final

from edgekit.rules.finding import Severity

SCHEMA: Final = "edgekit.diagram/1"
NODE_CAP: Final = 60
"""Most nodes one picture may hold; larger pictures are collapsed, truncated or split."""


@dataclass(frozen=True, slots=True)
class Style:
    """How a node or edge looks. Colours are ``#rrggbb``; ``line`` is solid, dashed or dotted."""

    fill: str
    border: str
    penwidth: float
    line: str = "solid"
    font: str = "#1f2933"


# -- the palette: worst failing finding → colours (colour-blind safe order, plus the text) --------
SEVERITY_STYLES: Final[dict[str, Style]] = {
    "critical": Style(fill="#f4c7c3", border="#8e0000", penwidth=3.5),
    "high": Style(fill="#fbe0dc", border="#d32f2f", penwidth=3.0),
    "medium": Style(fill="#ffe9c7", border="#ef6c00", penwidth=2.5),
    "low": Style(fill="#fff8c4", border="#b59a00", penwidth=2.0),
    "info": Style(fill="#e3f0fb", border="#1e6fb8", penwidth=1.5),
    "none": Style(fill="#ffffff", border="#5f6b7a", penwidth=1.2),
}
UNRESOLVED_FILL: Final = "#eceff1"
UNRESOLVED_FONT: Final = "#5f6b7a"
REMOVED_BORDER: Final = "#8e0000"

EDGE_COLOURS: Final[dict[str, str]] = {
    "traffic": "#5f6b7a",
    "protects": "#7b3fa0",
    "certificate": "#8a939e",
    "unresolved": "#9aa5b1",
    "removed": "#c62828",
    "added": "#2e7d32",
}


def node_style(severity: str | None, *, unresolved: bool = False, removed: bool = False) -> Style:
    """The style of a node: colours by worst failing severity; unresolved nodes grey and dashed."""
    base = SEVERITY_STYLES[severity or "none"]
    if unresolved:
        border = base.border if severity else "#8a939e"
        return Style(UNRESOLVED_FILL, border, max(base.penwidth, 1.5), "dashed", UNRESOLVED_FONT)
    if removed:
        return Style(base.fill, REMOVED_BORDER, max(base.penwidth, 2.5), "dashed", base.font)
    return base


def edge_style(kind: str, severity: str | None, *, unresolved: bool = False) -> Style:
    """The style of an edge: traffic grey (coloured by the findings it stands for), ACLs purple."""
    if kind == "protects":
        return Style("", EDGE_COLOURS["protects"], 1.5, "dashed")
    if kind == "serves-certificate":
        return Style("", EDGE_COLOURS["certificate"], 1.0, "dotted")
    if kind == "removed":
        return Style("", EDGE_COLOURS["removed"], 2.5, "dashed")
    if kind == "added":
        return Style("", EDGE_COLOURS["added"], 2.5, "solid")
    if severity:
        sev = SEVERITY_STYLES[severity]
        return Style("", sev.border, max(sev.penwidth - 0.5, 1.5), "solid")
    if unresolved:
        return Style("", EDGE_COLOURS["unresolved"], 1.2, "dashed")
    return Style("", EDGE_COLOURS["traffic"], 1.2, "solid")


@dataclass(frozen=True, slots=True)
class SpecNode:
    """One box in the picture."""

    id: str
    """Unique in the spec: a graph node id, or a synthetic id (``behaviors:…``, ``targets:…``,
    ``host:…``, ``entry:…``) for nodes that group or stand for graph nodes."""
    label: str
    """Main text (a name or hostname)."""
    caption: str
    """Second line: what the thing is (``CloudFront distribution``), short facts."""
    kind: str
    """A graph :class:`~edgekit.graph.NodeKind` value, or ``behaviors``, ``targets``,
    ``hostname``, ``entrypoint``."""
    icon: str
    """Icon key (see :data:`edgekit.render.draw.ICONS`)."""
    cluster: str | None
    severity: str | None
    """Worst failing finding on what this node stands for (None: none)."""
    findings: dict[str, int]
    """Failing findings by severity label, plus ``unknown`` (status unknown)."""
    unresolved: bool
    style: Style
    members: tuple[str, ...] = ()
    """Graph node ids this node stands for (behaviors of a group, collapsed targets ...)."""
    lines: tuple[str, ...] = ()
    """Extra text lines (path patterns of a behavior group, counts of an overview card)."""
    removed: bool = False
    """Before/after: this hop disappears in the proposed path."""
    name: str = ""
    """How hovering names the box: the resource as the report and ``edgekit scan`` name it
    (:func:`edgekit.graph.labels.resource_label`: a distribution's id and first alias, a load
    balancer's name); empty: :attr:`label` (boxes standing for several resources)."""
    failing: tuple[str, ...] = ()
    """Hover lines of the failing findings, worst first, capped
    (:func:`edgekit.render.findings.listed`)."""


@dataclass(frozen=True, slots=True)
class SpecEdge:
    """One arrow (no label: details belong in tables)."""

    src: str
    dst: str
    kind: str
    """Graph edge kind of the last hop it stands for, or ``protects``, ``serves-certificate``,
    ``removed``, ``added``, ``layout`` (invisible, arranges cards in rows)."""
    severity: str | None
    style: Style
    via: tuple[str, ...] = ()
    """Graph nodes hidden on this edge (listeners, rules, targets); their findings colour it."""


@dataclass(frozen=True, slots=True)
class SpecCluster:
    """A box around nodes: an account, a region inside it, or the unresolved / legend area."""

    id: str
    label: str
    parent: str | None
    kind: str
    """``account``, ``region``, ``external`` or ``side`` (before / after halves)."""


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One line of the legend: a swatch and its meaning."""

    key: str
    label: str
    style: Style
    shape: str
    """``node`` (a filled box) or ``edge`` (a line)."""


@dataclass(frozen=True, slots=True)
class Footer:
    """What the picture is drawn from: snapshot time and coverage."""

    collected_at: str
    source: str
    accounts: tuple[str, ...]
    regions: tuple[str, ...]
    gaps: int
    errors: int
    gap_summary: str
    """Gaps by collector (``wafv2 ×2, s3 ×1``), empty when there are none."""

    @property
    def text(self) -> str:
        """One line for the picture."""
        accounts = ", ".join(self.accounts) if len(self.accounts) <= 3 else f"{len(self.accounts)}"
        regions = ", ".join(self.regions) if len(self.regions) <= 4 else f"{len(self.regions)}"
        parts = [
            f"Snapshot {self.collected_at} ({self.source})",
            f"accounts: {accounts or 'none'}",
            f"regions: {regions or 'none'}",
        ]
        if self.gaps or self.errors:
            gaps = f"coverage gaps: {self.gaps}"
            if self.gap_summary:
                gaps += f" ({self.gap_summary})"
            if self.errors:
                gaps += f", failed units: {self.errors}"
            parts.append(gaps + " — unknowns may hide findings")
        else:
            parts.append("coverage: complete (no gaps)")
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class DiagramSpec:
    """One picture."""

    kind: str
    """``entrypoint``, ``overview`` or ``before-after``."""
    name: str
    """File stem (slug of the hostname, account or proposal); unique within a run."""
    title: str
    subject: str
    """What is drawn: the hostname, the account id, or the proposal id."""
    nodes: tuple[SpecNode, ...]
    edges: tuple[SpecEdge, ...]
    clusters: tuple[SpecCluster, ...]
    legend: tuple[LegendEntry, ...]
    footer: Footer
    notes: tuple[str, ...] = ()
    """Said on the picture: splits, truncation, collapsed detail, findings not drawn."""
    part: int = 1
    parts: int = 1
    layout: dict[str, Any] = field(default_factory=dict)
    """Hints for the drawer: ``rankdir``; ``grid_columns`` of overview cards; ``stacked``: the
    top-level clusters read top to bottom in spec order (before above after); ``same_rank``:
    groups of node ids drawn in the same column (a hop above itself)."""

    def node(self, node_id: str) -> SpecNode:
        """The node with this id (KeyError when absent)."""
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict (``schema`` first; nodes, edges and clusters sorted)."""
        doc = asdict(self)
        doc["nodes"] = sorted(doc["nodes"], key=lambda n: n["id"])
        doc["edges"] = sorted(doc["edges"], key=lambda e: (e["src"], e["dst"], e["kind"]))
        doc["clusters"] = sorted(doc["clusters"], key=lambda c: c["id"])
        doc["footer"]["text"] = self.footer.text
        return {"schema": SCHEMA, **doc}

    def dumps(self) -> str:
        """Byte-stable JSON text (sorted keys, 1-space indent, trailing newline)."""
        return json.dumps(self.to_json(), sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def severity_legend() -> tuple[LegendEntry, ...]:
    """Legend entries of the node colours (worst failing finding) and of unresolved nodes."""
    entries = [
        LegendEntry(s.label, s.label, SEVERITY_STYLES[s.label], "node")
        for s in sorted(Severity, reverse=True)
    ]
    entries.append(LegendEntry("none", "no failing finding", SEVERITY_STYLES["none"], "node"))
    entries.append(
        LegendEntry(
            "unresolved", "unresolved (not in snapshot)", node_style(None, unresolved=True), "node"
        )
    )
    return tuple(entries)


EDGE_LEGEND: Final[dict[str, str]] = {
    "traffic": "request flow",
    "protects": "web ACL protects",
    "serves-certificate": "serves certificate",
    "removed": "removed by the proposal",
    "added": "new in the proposal",
}


def edge_legend(kinds: set[str]) -> tuple[LegendEntry, ...]:
    """Legend entries for the edge kinds present (traffic edges share one entry)."""
    out = []
    present = {k if k in EDGE_LEGEND else "traffic" for k in kinds if k != "layout"}
    for key, label in EDGE_LEGEND.items():
        if key in present:
            out.append(LegendEntry(key, label, edge_style(key, None), "edge"))
    return tuple(out)
