"""Human hover texts in the SVG pictures: each box's ``<title>`` names what it is and its findings.

Graphviz titles a node with its DOT id (``n3``), an edge with ``n3->n5`` and a cluster with
``cluster_…``; browsers show that ``<title>`` (and the ``xlink:title`` of the box's link) when the
pointer rests on a box. :func:`retitle` replaces them with the texts of :func:`titles`: a box's
name (as the report names the resource) and what it is, its failing findings counted by severity,
then listed worst first (:func:`node_title`)::

    E1MAINDIST (www.example.com) — CloudFront distribution
    findings: 1 high · 1 unknown
    high · Enabled distribution without a web ACL (cloudfront.no_waf)

an edge's with ``from → to`` and a cluster's with its label. Every text is XML-escaped here
(:func:`edgekit.escape.htmltext.xml_text`), newlines in attributes as ``&#10;``; a name's own
line breaks are read as spaces, so a name never starts a line of its own.
"""

from __future__ import annotations

import html
import re
from typing import Final

from edgekit.escape.htmltext import xml_text
from edgekit.render.labels import findings_line, safe_id
from edgekit.render.spec import DiagramSpec, SpecNode

_TITLE: Final = re.compile(r"<title>([^<]*)</title>")
_XLINK: Final = re.compile(r'xlink:title="(n\d+)"')


def dot_ids(spec: DiagramSpec) -> dict[str, str]:
    """Spec node id → DOT node id (``n0…`` in sorted spec order; :mod:`edgekit.render.draw`)."""
    return {n.id: f"n{i}" for i, n in enumerate(sorted(spec.nodes, key=lambda n: n.id))}


def node_title(node: SpecNode) -> str:
    """What hovering a box says, one fact a line: its name and what it is; its failing findings
    by severity (``unknown``: not collected, counted apart); the failing findings, worst first
    and capped (:attr:`SpecNode.failing`); whether it is unresolved."""
    head = one_line(node.name or node.label)
    if node.caption:
        head += " — " + one_line(node.caption)
    counts = {k: v for k, v in node.findings.items() if v}
    lines = [head, f"findings: {findings_line(counts)}" if counts else "no failing findings"]
    lines += [one_line(line) for line in node.failing]
    if node.unresolved:
        lines.append("unresolved (not in the snapshot)")
    return "\n".join(lines)


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks included) read as one space."""
    return " ".join(text.split())


def titles(spec: DiagramSpec) -> dict[str, str]:
    """DOT title (node, edge or cluster name as Graphviz writes it, unescaped) → hover text."""
    ids = dot_ids(spec)
    nodes = {ids[n.id]: n for n in spec.nodes}
    out = {dot: node_title(n) for dot, n in nodes.items()}
    for e in spec.edges:
        if e.src in ids and e.dst in ids:
            src, dst = nodes[ids[e.src]], nodes[ids[e.dst]]
            out[f"{ids[e.src]}->{ids[e.dst]}"] = one_line(f"{src.label} → {dst.label} ({e.kind})")
    for c in spec.clusters:
        out["cluster_" + safe_id(c.id)] = one_line(c.label)
    return out


def retitle(svg: str, spec: DiagramSpec) -> str:
    """``svg`` (Graphviz output of ``spec``) with human ``<title>`` and ``xlink:title`` texts."""
    known = titles(spec)

    def title(m: re.Match[str]) -> str:
        text = known.get(html.unescape(m.group(1)))
        return m.group(0) if text is None else f"<title>{xml_text(text)}</title>"

    def xlink(m: re.Match[str]) -> str:
        text = known.get(m.group(1))
        return m.group(0) if text is None else f'xlink:title="{attribute(text)}"'

    return _XLINK.sub(xlink, _TITLE.sub(title, svg))


def attribute(text: str) -> str:
    """``text`` for a double-quoted XML attribute: escaped, line breaks kept as ``&#10;`` (an
    XML reader turns a literal one into a space)."""
    return xml_text(text).replace("\n", "&#10;")
