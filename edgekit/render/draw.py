"""The one adapter to the ``diagrams`` package: draw a :class:`DiagramSpec` as PNG or SVG.

Choices made for readability (DESIGN.md §5):

* left to right (``rankdir=LR``), spline edges (``ortho`` on request), no edge labels;
* every box is an HTML-like label: the AWS icon from ``diagrams.aws.*`` at a fixed 36 pt on the
  left, the name in bold, a grey caption saying what it is, facts and finding counts below.
  (``diagrams``' own icon nodes are fixed-size with the label under the icon, so long hostnames
  spill into their neighbours; the HTML label grows with its text instead.)
* title, coverage footer, notes and legend in one block at the top left of the picture;
* deterministic: node ids ``n0…`` in sorted spec order, clusters and edges sorted;
* files are written by absolute path (``diagrams`` writes relative to the working directory
  otherwise) and ``show=False`` (no viewer is opened); the intermediate DOT file is removed;
* SVG output embeds its icons as ``data:`` URIs, so the file stands alone (notebooks, browsers);
  its hover titles are human texts (name, kind, findings: :mod:`edgekit.render.svgtitles`).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, Final

from edgekit.errors import EdgekitError
from edgekit.escape.htmltext import plain_label
from edgekit.render import graphviz_run, htmllabels, labels
from edgekit.render.spec import DiagramSpec, SpecCluster, SpecNode, Style
from edgekit.render.svgembed import embed_images
from edgekit.render.svgtitles import dot_ids, retitle

# Imported by name: the project's own top-level ``diagrams/`` output folder would otherwise be
# taken by mypy (and ruff's import sorting) for the package, and neither package has types.
_diagrams: Any = importlib.import_module("diagrams")
Cluster = _diagrams.Cluster
Diagram = _diagrams.Diagram
Edge = _diagrams.Edge

FORMATS: Final = ("png", "svg")
FONT: Final = "DejaVu Sans,Sans-Serif"
ICON_PT: Final = 36

ICONS: Final[dict[str, tuple[str, str]]] = {
    "alb": ("diagrams.aws.network", "ElbApplicationLoadBalancer"),
    "nlb": ("diagrams.aws.network", "ElbNetworkLoadBalancer"),
    "clb": ("diagrams.aws.network", "ElbClassicLoadBalancer"),
    "elb": ("diagrams.aws.network", "ElasticLoadBalancing"),
    "cloudfront": ("diagrams.aws.network", "CloudFront"),
    "route53": ("diagrams.aws.network", "Route53"),
    "global-accelerator": ("diagrams.aws.network", "GlobalAccelerator"),
    "apigateway": ("diagrams.aws.network", "APIGateway"),
    "apigateway-endpoint": ("diagrams.aws.network", "APIGatewayEndpoint"),
    "vpc": ("diagrams.aws.network", "Privatelink"),
    "waf": ("diagrams.aws.security", "WAF"),
    "acm": ("diagrams.aws.security", "CertificateManager"),
    "s3": ("diagrams.aws.storage", "SimpleStorageServiceS3Bucket"),
    "lambda": ("diagrams.aws.compute", "Lambda"),
    "ec2": ("diagrams.aws.compute", "EC2Instance"),
    "ec2-many": ("diagrams.aws.compute", "EC2Instances"),
    "ecs": ("diagrams.aws.compute", "ElasticContainerService"),
    "eip": ("diagrams.aws.compute", "EC2ElasticIpAddress"),
    "aws": ("diagrams.aws.general", "General"),
    "users": ("diagrams.aws.general", "Users"),
    "external": ("diagrams.aws.general", "InternetAlt1"),
    "none": ("diagrams.generic.blank", "Blank"),
}
"""Icon key (``SpecNode.icon``) → ``diagrams`` node class; ``none`` draws no icon."""

GRAPH_ATTR: Final = {
    "rankdir": "LR",
    "splines": "spline",
    "newrank": "true",
    "nodesep": "0.30",
    "ranksep": "0.80",
    "pad": "0.35",
    "fontname": FONT,
    "fontsize": "12",
    "labelloc": "t",
    "labeljust": "l",
}
NODE_ATTR: Final = {
    "shape": "box",
    "fixedsize": "false",
    "fontname": FONT,
    "fontsize": "12",
    "labelloc": "c",
    "margin": "0.10,0.06",
    "width": "0.3",
    "height": "0.3",
}
EDGE_ATTR: Final = {"arrowsize": "0.7", "fontname": FONT}


def icon_class(key: str) -> Any:
    """The ``diagrams`` node class of an icon key (KeyError for an unknown key)."""
    module, name = ICONS[key]
    return getattr(importlib.import_module(module), name)


@cache
def icon_file(key: str) -> str | None:
    """The PNG file of an icon key (None for ``none``).

    ``diagrams`` keeps each class's icon as ``_icon_dir`` / ``_icon`` under its resources
    folder; a test checks every key resolves to an existing file.
    """
    if key == "none":
        return None
    cls = icon_class(key)
    base = Path(_diagrams.__file__).resolve().parent.parent
    return str(base / cls._icon_dir / cls._icon)


def render(spec: DiagramSpec, out_dir: str | Path, fmt: str = "svg") -> Path:
    """Draw ``spec`` into ``out_dir/<spec.name>.<fmt>`` and return that path."""
    return render_formats(spec, out_dir, [fmt])[0]


def render_formats(spec: DiagramSpec, out_dir: str | Path, formats: Sequence[str]) -> list[Path]:
    """Draw ``spec`` into every format; the paths, in that order."""
    return render_many([spec], out_dir, formats)[0]


def render_many(
    specs: Sequence[DiagramSpec],
    out_dir: str | Path,
    formats: Sequence[str],
    *,
    workers: int | None = None,
) -> list[list[Path]]:
    """Draw every spec into every format: per spec, its paths in the order of ``formats``.

    The DOT sources are built in turn (Python), then Graphviz runs: one ``dot`` process per
    picture and format, at most ``workers`` at once (default ``os.cpu_count()``), the same
    command on the same DOT file as the ``graphviz`` package would run, so the files are the
    same byte for byte; then the SVGs get their titles and embedded icons, in turn. A picture
    whose ``dot`` fails does not stop the others: once they are all written,
    :class:`PictureError` names every picture that failed, each with Graphviz's message.
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise EdgekitError(f"unknown picture format {bad!r} (one of: {', '.join(FORMATS)})")
    names = [spec.name for spec in specs]
    if len(set(names)) < len(names):
        twice = sorted({n for n in names if names.count(n) > 1})
        raise EdgekitError(f"two pictures of one name in one folder: {', '.join(twice)}")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    sources: list[Path] = []
    try:
        sources.extend(_write_source(spec, out) for spec in specs)
        jobs = [(src, f) for src in sources for f in formats]
        failures = graphviz_run.run_all(
            [[*DOT, f"-T{f}", "-O", src.name] for src, f in jobs],
            out,
            workers or os.cpu_count() or 1,
        )
    finally:
        for src in sources:
            src.unlink(missing_ok=True)
    failed = {jobs[i][0].name: text for i, text in failures.items()}
    drawn: list[list[Path]] = []
    for spec in specs:
        paths = [out / f"{spec.name}.{f}" for f in formats]
        if spec.name not in failed:
            _finish(spec, paths)
        drawn.append(paths)
    if failed:
        raise PictureError(failed)
    return drawn


DOT: Final = ("dot", "-Kdot")
"""Graphviz's command as the ``graphviz`` package runs it (``-T<format> -O <DOT file>``
follow; run in the pictures' folder)."""


class PictureError(EdgekitError):
    """Graphviz failed on one or more pictures (the others were drawn)."""

    def __init__(self, failed: dict[str, str]) -> None:
        self.failed = dict(failed)
        """Picture name → Graphviz's message."""
        lines = [f"picture {name!r}: {text}" for name, text in sorted(failed.items())]
        super().__init__("Graphviz failed on " + "; ".join(lines))


def _write_source(spec: DiagramSpec, out: Path) -> Path:
    """Build the spec's picture with ``diagrams`` and write its DOT source to ``out/<name>``
    (what ``diagrams`` writes before it runs Graphviz)."""
    with _Source(**_diagram_args(spec, out / spec.name, ["svg"])) as diagram:
        _draw_body(spec, diagram)
    return Path(diagram.dot.filepath)


def _diagram_args(spec: DiagramSpec, stem: Path, formats: Sequence[str]) -> dict[str, Any]:
    """The arguments of the ``diagrams.Diagram`` drawing ``spec`` to ``stem.<format>``."""
    rankdir = str(spec.layout.get("rankdir", "LR"))
    graph_attr = {
        **GRAPH_ATTR,
        "label": htmllabels.title_block(spec),
        "rankdir": rankdir,
        "splines": str(spec.layout.get("splines", GRAPH_ATTR["splines"])),
    }
    return {
        "name": spec.title,
        "filename": str(stem),
        "outformat": list(formats),
        "show": False,
        "direction": rankdir,
        "graph_attr": graph_attr,
        "node_attr": dict(NODE_ATTR),
        "edge_attr": dict(EDGE_ATTR),
    }


class _Source(Diagram):  # type: ignore[misc,valid-type]
    """A ``diagrams.Diagram`` that, on leaving its block, writes its DOT source (as
    ``graphviz`` saves it before rendering) instead of running Graphviz and removing it."""

    def __exit__(self, *exc: object) -> None:
        try:
            if exc[0] is None:
                self.dot.save()
        finally:
            _diagrams.setdiagram(None)


def _finish(spec: DiagramSpec, paths: Sequence[Path]) -> None:
    """The SVG files' hover titles and embedded icons (:mod:`edgekit.render.svgtitles`)."""
    for path in paths:
        if path.suffix == ".svg":
            svg = retitle(path.read_text(encoding="utf-8"), spec)
            path.write_text(embed_images(svg), encoding="utf-8")


def _draw_body(spec: DiagramSpec, diagram: Any) -> None:
    ids = dot_ids(spec)
    by_cluster: dict[str | None, list[SpecNode]] = {}
    for n in sorted(spec.nodes, key=lambda n: n.id):
        by_cluster.setdefault(n.cluster, []).append(n)
    children: dict[str | None, list[SpecCluster]] = {}
    for c in spec.clusters:  # spec order (deterministic): before above after
        children.setdefault(c.parent, []).append(c)
    drawn: dict[str, Any] = {}

    # left to right, Graphviz lays out top to bottom and turns the picture: unconnected groups
    # defined first end up lowest. "stacked" specs (before above after) are defined reversed.
    stacked = bool(spec.layout.get("stacked")) and spec.layout.get("rankdir", "LR") == "LR"

    def place(cluster_id: str | None) -> None:
        for n in by_cluster.get(cluster_id, ()):
            drawn[n.id] = _node(n, ids[n.id])
        groups = children.get(cluster_id, [])
        for child in reversed(groups) if stacked and cluster_id is None else groups:
            with _cluster(child):
                place(child.id)

    place(None)
    for group in spec.layout.get("same_rank", ()):
        members = " ".join(f'"{ids[x]}"' for x in group if x in ids)
        diagram.dot.body.append(f"\t{{rank=same; {members}}}\n")  # line hops up across sides
    for e in sorted(spec.edges, key=lambda e: (e.src, e.dst, e.kind)):
        if e.src not in drawn or e.dst not in drawn:
            continue
        attrs = _edge_attrs(e.kind, e.style)
        drawn[e.src] >> Edge(**attrs) >> drawn[e.dst]


@contextmanager
def _cluster(c: SpecCluster) -> Iterator[None]:
    attrs = {
        "account": {
            "bgcolor": "#f4f6f8",
            "pencolor": "#9aa5b1",
            "fontsize": "14",
            "style": "rounded",
        },
        "region": {
            "bgcolor": "#ffffff",
            "pencolor": "#c3cbd3",
            "fontsize": "12",
            "style": "rounded",
        },
        "external": {
            "bgcolor": "#f7f7f7",
            "pencolor": "#9aa5b1",
            "fontsize": "12",
            "style": "dashed",
        },
        "side": {"bgcolor": "#ffffff", "pencolor": "#5f6b7a", "fontsize": "16", "style": "rounded"},
    }.get(c.kind, {})
    graph_attr = {"fontname": FONT, "fontcolor": "#3e4c59", **attrs}
    with Cluster(plain_label(c.label), graph_attr=graph_attr) as cl:
        # diagrams names a cluster after its label; equal labels ("us-east-1" in two accounts)
        # would merge into one subgraph, so name it after the unique spec id instead.
        cl.dot.name = "cluster_" + labels.safe_id(c.id)
        yield


def _node(n: SpecNode, node_id: str) -> Any:
    cls = icon_class(n.icon)
    style = ["rounded", "filled"] + ([n.style.line] if n.style.line != "solid" else [])
    return cls(
        htmllabels.node_label(n, icon_file(n.icon), ICON_PT),
        nodeid=node_id,
        image="",
        shape="box",
        style=",".join(style),
        fillcolor=n.style.fill,
        color=n.style.border,
        penwidth=str(n.style.penwidth),
        fontcolor=n.style.font,
        width="0.3",
        height="0.3",
        fixedsize="false",
        labelloc="c",
        tooltip=node_id,  # svgtitles.retitle writes the human text (name, kind, findings)
    )


def _edge_attrs(kind: str, style: Style) -> dict[str, str]:
    if kind == "layout":
        return {"style": "invis"}
    attrs = {
        "color": style.border,
        "style": style.line if style.line != "solid" else "",
        "penwidth": str(style.penwidth),
    }
    if kind == "protects":
        attrs.update(arrowhead="odot", minlen="0")
    elif kind == "serves-certificate":
        attrs.update(arrowhead="none", minlen="0")
    return attrs
