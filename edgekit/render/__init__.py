"""Diagrams: a plain, testable spec per picture, drawn by one adapter over ``diagrams``.

* :func:`entrypoint_spec` — one public hostname: hostname → distribution (behaviors grouped by
  origin) → origins → load balancers → target groups → backends, web ACLs and certificates
  attached, clusters per account and region;
* :func:`overview_spec` / :func:`overview_specs` — one card per entrypoint of an account, split
  into parts past the node cap;
* :func:`before_after_spec` — a proposal's current and proposed paths side by side;
* :func:`render_entrypoint` — draw one entrypoint to SVG/PNG and return the file (notebooks show
  the SVG inline: ``IPython.display.SVG(filename=path)``).

Findings colour nodes and edges by the worst failing severity on them. Only
:mod:`edgekit.render.draw` imports ``diagrams`` (and only when drawing), so importing this
package stays light.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from edgekit.graph import Estate
from edgekit.render.beforeafter import before_after_spec
from edgekit.render.common import run_id, slugify
from edgekit.render.entrypoint import entrypoint_spec
from edgekit.render.findings import FindingIndex
from edgekit.render.overview import overview_spec, overview_specs
from edgekit.render.spec import NODE_CAP, SCHEMA, DiagramSpec
from edgekit.rules.finding import Finding

__all__ = [
    "NODE_CAP",
    "SCHEMA",
    "DiagramSpec",
    "FindingIndex",
    "before_after_spec",
    "entrypoint_spec",
    "overview_spec",
    "overview_specs",
    "render_entrypoint",
    "render_spec",
    "run_id",
    "slugify",
]


def render_spec(spec: DiagramSpec, out_dir: str | os.PathLike[str], fmt: str = "svg") -> Path:
    """Draw a spec into ``out_dir/<spec.name>.<fmt>`` (``png`` or ``svg``); returns the path."""
    from edgekit.render.draw import render

    return render(spec, Path(out_dir), fmt)


def render_entrypoint(
    estate: Estate,
    entrypoint: str,
    *,
    findings: Sequence[Finding] | FindingIndex | None = None,
    fmt: str = "svg",
    out_dir: str | os.PathLike[str],
) -> Path:
    """Draw one entrypoint (hostname or node id) and return the picture's path.

    ``findings`` colour the picture; None runs the check catalogue first.
    """
    return render_spec(entrypoint_spec(estate, findings, entrypoint), out_dir, fmt)
