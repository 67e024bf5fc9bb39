"""Human hover texts in the SVG pictures: each box's ``<title>`` names what it is and its findings.

Graphviz titles a node with its DOT id (``n3``), an edge with ``n3->n5`` and a cluster with
``cluster_…``; browsers show that ``<title>`` (and the ``xlink:title`` of the box's link) when the
pointer rests on a box. :func:`retitle` replaces them with the box's name, what it is and its
failing findings (``shop.example.com — CloudFront distribution — findings: 1 high, 2 medium``),
an edge's with ``from → to`` and a cluster's with its label. The texts are XML-escaped here.
"""

from __future__ import annotations

import html
import re
from typing import Final

from edgekit.render.labels import findings_line, safe_id
from edgekit.render.spec import DiagramSpec, SpecNode

_TITLE: Final = re.compile(r"<title>([^<]*)</title>")
_XLINK: Final = re.compile(r'xlink:title="(n\d+)"')


def dot_ids(spec: DiagramSpec) -> dict[str, str]:
    """Spec node id → DOT node id (``n0…`` in sorted spec order; :mod:`edgekit.render.draw`)."""
    return {n.id: f"n{i}" for i, n in enumerate(sorted(spec.nodes, key=lambda n: n.id))}


def node_title(node: SpecNode) -> str:
    """What hovering a box says: its name, what it is, its failing findings."""
    parts = [node.label]
    if node.caption:
        parts.append(node.caption)
    counts = {k: v for k, v in node.findings.items() if v}
    parts.append(f"findings: {findings_line(counts)}" if counts else "no failing findings")
    if node.unresolved:
        parts.append("unresolved (not in the snapshot)")
    return " — ".join(parts)


def titles(spec: DiagramSpec) -> dict[str, str]:
    """DOT title (node, edge or cluster name as Graphviz writes it, unescaped) → hover text."""
    ids = dot_ids(spec)
    nodes = {ids[n.id]: n for n in spec.nodes}
    out = {dot: node_title(n) for dot, n in nodes.items()}
    for e in spec.edges:
        if e.src in ids and e.dst in ids:
            src, dst = nodes[ids[e.src]], nodes[ids[e.dst]]
            out[f"{ids[e.src]}->{ids[e.dst]}"] = f"{src.label} → {dst.label} ({e.kind})"
    for c in spec.clusters:
        out["cluster_" + safe_id(c.id)] = c.label
    return out


def retitle(svg: str, spec: DiagramSpec) -> str:
    """``svg`` (Graphviz output of ``spec``) with human ``<title>`` and ``xlink:title`` texts."""
    known = titles(spec)

    def title(m: re.Match[str]) -> str:
        text = known.get(html.unescape(m.group(1)))
        return m.group(0) if text is None else f"<title>{html.escape(text)}</title>"

    def xlink(m: re.Match[str]) -> str:
        text = known.get(m.group(1))
        return m.group(0) if text is None else f'xlink:title="{html.escape(text)}"'

    return _XLINK.sub(xlink, _TITLE.sub(title, svg))
