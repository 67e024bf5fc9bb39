"""Hovering a box shows what it is and its findings: SVG titles are human texts, not DOT ids."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from edgekit.render import entrypoint_spec, render_spec
from edgekit.render.svgtitles import dot_ids, node_title, retitle
from tests.render.helpers import fixed_findings, rich

DOT_ID = re.compile(r"n\d+(->n\d+)?|cluster_\w+")


def _titles(svg: str) -> list[str]:
    import html

    return [html.unescape(t) for t in re.findall(r"<title>([^<]*)</title>", svg)]


def test_rendered_svg_titles_name_each_box_and_its_findings(tmp_path: Path) -> None:
    spec = entrypoint_spec(rich(), fixed_findings(), "www.example.com")
    svg = render_spec(spec, tmp_path, "svg").read_text(encoding="utf-8")
    titles = _titles(svg)
    assert titles and not [t for t in titles if DOT_ID.fullmatch(t)]
    for node in spec.nodes:
        assert node_title(node) in titles
    flagged = [n for n in spec.nodes if any(n.findings.values())]
    assert flagged and all("findings: " in node_title(n) for n in flagged)
    links = re.findall(r'xlink:title="([^"]*)"', svg)
    assert links and not [t for t in links if DOT_ID.fullmatch(t)]


def test_titles_are_escaped_and_edges_read_from_to() -> None:
    spec = entrypoint_spec(rich(), fixed_findings(), "www.example.com")
    first = sorted(spec.nodes, key=lambda n: n.id)[0]
    hostile = dataclasses.replace(first, label='<script>alert(1)</script>"&')
    spec = dataclasses.replace(spec, nodes=(hostile, *[n for n in spec.nodes if n is not first]))
    ids = dot_ids(spec)
    edge = next(e for e in spec.edges if hostile.id in (e.src, e.dst))
    svg = (
        f'<svg><g><title>{ids[hostile.id]}</title><a xlink:title="{ids[hostile.id]}"></a></g>'
        f"<g><title>{ids[edge.src]}&#45;&gt;{ids[edge.dst]}</title></g></svg>"
    )
    out = retitle(svg, spec)
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;" in out
    titles = _titles(out)
    assert titles[0] == node_title(hostile)
    assert " → " in titles[1] and edge.kind in titles[1]
