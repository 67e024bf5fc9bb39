"""Diagrams inline in a notebook and its HTML export: the SVG itself, fitted, zoomable, no script.

:class:`Diagram` shows a picture file as inline SVG (not ``<img>``), so the boxes' ``<title>``
texts (name, kind, findings: :mod:`edgekit.render.svgtitles`) appear when the pointer rests on
a box. The picture is fitted to the output's width; three radio buttons zoom it to 100 %, 200 %
or 300 % and the frame scrolls (pans) inside the cell. It is plain HTML and CSS: nothing is
fetched and nothing runs, in JupyterLab as in the exported report. An SVG holding anything
active (a script, ``foreignObject``, an event attribute) is shown as an ``<img>`` instead,
where nothing can run either.
"""

from __future__ import annotations

import base64
import html
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

ZOOMS: Final = (1, 2, 3)
"""Zoom factors offered besides "fit" (1 = the picture's natural size)."""
_PROLOG: Final = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>[]*(\[[^]]*\])?>|<!--.*?-->", re.DOTALL)
_ACTIVE: Final = re.compile(r"<script|<foreignObject|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
_WIDTH: Final = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"')
PT_PX: Final = 4 / 3


def natural_width(svg: str) -> int | None:
    """The picture's width in CSS pixels (Graphviz writes points), None when unknown."""
    m = _WIDTH.search(svg)
    if m is None:
        return None
    value = float(m.group(1))
    return round(value * PT_PX if m.group(2) in (None, "pt") else value)


def zoomable_html(svg: str, name: str = "diagram", uid: str | None = None) -> str:
    """``svg`` inline in a frame that fits it to the width, with fit / 100 % / 200 % / 300 %."""
    uid = uid or uuid.uuid4().hex[:12]
    body = _PROLOG.sub("", svg).strip()
    label = html.escape(name)
    if _ACTIVE.search(body) or not body.startswith("<svg"):
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        return (
            f'<img src="data:image/svg+xml;base64,{data}" alt="{label}" '
            'style="max-width:100%;height:auto">'
        )
    width = natural_width(body) or 1200
    box = f"ek-{uid}"
    css = [
        f"#{box}{{margin:6px 0 10px 0}}",
        f"#{box} .ek-zoom{{font-size:12px;color:#5f6b7a;margin-bottom:4px}}",
        f"#{box} .ek-zoom label{{margin-right:10px;cursor:pointer}}",
        f"#{box} .ek-canvas{{overflow:auto;max-height:85vh;border:1px solid #e3e6ea;"
        "background:#fff}",
        f"#{box} .ek-canvas svg{{display:block;width:{width}px;max-width:100%;height:auto}}",
    ]
    radios = [
        f'<input type="radio" name="{box}" id="{box}-fit" checked>'
        f'<label for="{box}-fit">fit width</label>'
    ]
    for z in ZOOMS:
        radios.append(
            f'<input type="radio" name="{box}" id="{box}-{z}">'
            f'<label for="{box}-{z}">{100 * z}%</label>'
        )
        css.append(f"#{box}-{z}:checked ~ .ek-canvas svg{{width:{width * z}px;max-width:none}}")
    return (
        f'<div class="ek-diagram" id="{box}"><style>{"".join(css)}</style>'
        f'<span class="ek-zoom">{label} · zoom: </span>{"".join(radios)}'
        f'<div class="ek-canvas">{body}</div></div>'
    )


@dataclass(frozen=True)
class Diagram:
    """A picture file shown inline (see the module docstring); None shows a short note."""

    path: Path | None
    uid: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    def _repr_html_(self) -> str:
        if self.path is None:
            return "<p><em>(no picture)</em></p>"
        return zoomable_html(self.path.read_text(encoding="utf-8"), self.path.name, self.uid)


def diagram(path: str | os.PathLike[str] | None) -> Diagram:
    """Show an SVG picture inline, fitted and zoomable, with hover texts."""
    return Diagram(Path(path) if path is not None else None)
