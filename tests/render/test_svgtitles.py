"""Hovering a box shows what it is and its findings: SVG titles are human texts, not DOT ids."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from edgekit.graph.labels import resource_label
from edgekit.render import before_after_spec, entrypoint_spec, overview_spec, render_spec
from edgekit.render.beforeafter import after_graph
from edgekit.render.findings import MAX_LISTED
from edgekit.render.overview import MAX_LISTED_CARD
from edgekit.render.svgtitles import dot_ids, node_title, retitle
from edgekit.rules.finding import Severity, Status
from tests.render.helpers import ACCOUNT, WEB_ALB, finding, fixed_findings, rich
from tests.render.test_beforeafter import NLB, nlb_proposal

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
    hostile = dataclasses.replace(first, label='<script>alert(1)</script>"&', name="")
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


# -- what a box's hover text says, read from the drawn SVG as an XML reader reads it ------------
SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
DIST = "cloudfront:E1MAINDIST"


def _box_titles(path: Path) -> list[tuple[str, str | None]]:
    """Each box's ``<title>`` and its link's ``xlink:title``, parsed (the file must be XML)."""
    out = []
    for g in ET.parse(path).getroot().iter(f"{SVG}g"):
        if g.get("class") == "node":
            link = g.find(f".//{SVG}a")
            out.append(
                (g.findtext(f"{SVG}title") or "", None if link is None else link.get(XLINK_TITLE))
            )
    return out


def _box(path: Path, first_line: str) -> list[str]:
    """The lines of the box whose hover text starts with ``first_line`` (title = link title)."""
    [(title, link)] = [(t, x) for t, x in _box_titles(path) if t.split("\n")[0] == first_line]
    assert link == title
    return title.split("\n")


def test_box_titles_name_the_resource_as_the_report_does_and_list_its_findings(
    tmp_path: Path,
) -> None:
    spec = entrypoint_spec(rich(), fixed_findings(), "www.example.com")
    path = render_spec(spec, tmp_path, "svg")
    name = resource_label(rich().graph.nodes[DIST], DIST)  # the report's and scan's label
    assert name == "E1MAINDIST (www.example.com)"  # id and first alias
    assert _box(path, f"{name} — CloudFront distribution") == [
        f"{name} — CloudFront distribution",
        "findings: 1 high",
        "high · t.dist (t.dist)",
    ]
    alb = "lb:" + WEB_ALB
    assert _box(
        path, f"{resource_label(rich().graph.nodes[alb], alb)} — ALB · internet-facing"
    ) == [
        "alb web-alb — ALB · internet-facing",
        "findings: 1 info · 1 unknown",  # t.lb is unknown: counted, not listed
        "info · t.rule (t.rule)",
    ]
    assert _box(path, "E1MAINDIST behavior /legacy/* — cache behavior")[1:] == [
        "findings: 1 medium",
        "medium · t.behavior (t.behavior)",
    ]
    assert all(link == title for title, link in _box_titles(path))


def test_box_title_lists_at_most_the_cap_worst_first(tmp_path: Path) -> None:
    arn = f"arn:aws:cloudfront::{ACCOUNT}:distribution/E1MAINDIST"
    severities = list(Severity) * 3  # 15 checks, every severity three times
    many = [finding(arn, s, f"c.{i:02d}") for i, s in enumerate(severities)]
    many.append(finding("behavior:E1MAINDIST:/legacy/*", Severity.CRITICAL, "c.14"))  # not on it
    many.append(finding(arn, Severity.CRITICAL, "c.unknown", status=Status.UNKNOWN))
    spec = entrypoint_spec(rich(), many, "www.example.com")
    lines = _box(
        render_spec(spec, tmp_path, "svg"), "E1MAINDIST (www.example.com) — CloudFront distribution"
    )
    assert lines[1] == "findings: 3 critical · 3 high · 3 medium · 3 low · 3 info · 1 unknown"
    assert lines[2:] == [
        "critical · c.04 (c.04)",
        "critical · c.09 (c.09)",
        "critical · c.14 (c.14)",
        "high · c.03 (c.03)",
        "high · c.08 (c.08)",
        "high · c.13 (c.13)",
        "medium · c.02 (c.02)",
        "medium · c.07 (c.07)",
        f"… and {15 - MAX_LISTED} more",
    ]
    assert len(lines) == 2 + MAX_LISTED + 1


def test_hostile_names_stay_text_in_the_svg(tmp_path: Path) -> None:
    """A name and a finding title with markup, an ampersand, quotes, a line break and a control
    character: the SVG stays XML, the hover text reads each (a line break as a space, so no
    line is forged) and the link's title keeps the text's own lines (``&#10;``)."""
    arn = f"arn:aws:cloudfront::{ACCOUNT}:distribution/E1MAINDIST"
    bad = dataclasses.replace(
        finding(arn, Severity.HIGH, "t.bad"), title='<b>bold</b> & "x"\nlow · forged (t.forged)'
    )
    spec = entrypoint_spec(rich(), [bad], "www.example.com")
    dist = spec.node(DIST)
    evil = "E1MAINDIST (<script>alert(1)</script> & \"q\" 'a'\r\nfindings: none\x07)"
    hostile = dataclasses.replace(dist, name=evil, label=evil)
    spec = dataclasses.replace(spec, nodes=tuple(hostile if n is dist else n for n in spec.nodes))
    path = render_spec(spec, tmp_path, "svg")
    raw = path.read_text(encoding="utf-8")
    assert "<script>" not in raw and "<b>" not in raw and "\x07" not in raw
    assert "findings: 1 high&#10;high · &lt;b&gt;bold&lt;/b&gt; &amp; &quot;x&quot; low" in raw
    first = "E1MAINDIST (<script>alert(1)</script> & \"q\" 'a' findings: none)"
    assert _box(path, f"{first} — CloudFront distribution") == [
        f"{first} — CloudFront distribution",
        "findings: 1 high",
        'high · <b>bold</b> & "x" low · forged (t.forged) (t.bad)',
    ]


def test_overview_cards_list_fewer_findings(tmp_path: Path) -> None:
    [spec] = overview_spec(rich(), fixed_findings(), ACCOUNT)
    [card] = [n for n in spec.nodes if "www.example.com" in n.label.split(", ")]
    lines = _box(render_spec(spec, tmp_path, "svg"), node_title(card).split("\n")[0])
    assert lines[1:] == [
        "findings: 1 critical · 2 high · 2 medium · 2 low · 1 info · 1 unknown",
        "critical · t.acl (t.acl)",
        "high · t.cert (t.cert)",
        "high · t.dist (t.dist)",
        "medium · t.behavior (t.behavior)",
        "medium · t.listener (t.listener)",
        "… and 3 more",  # low t.origin, low t.record, info t.rule
    ]
    assert len(lines) == 2 + MAX_LISTED_CARD + 1


def test_before_after_boxes_have_the_same_titles(tmp_path: Path) -> None:
    proposal = nlb_proposal()
    found = [*fixed_findings(), finding(NLB, Severity.HIGH, "t.nlb")]
    spec = before_after_spec(rich(), proposal, after_graph(rich(), proposal), findings=found)
    path = render_spec(spec, tmp_path, "svg")
    nlb = "nlb static-nlb — NLB · internet-facing · removed"
    assert _box(path, nlb) == [nlb, "findings: 1 high", "high · t.nlb (t.nlb)"]
    head = "alb web-alb — ALB · internet-facing"
    both = sorted(t.split("\n") for t, x in _box_titles(path) if t.startswith(head + "\n"))
    assert both == [
        [head, "findings: 1 unknown"],  # before: t.lb is unknown, counted, not listed
        [head, "no failing findings"],  # after: findings not re-evaluated
    ]
