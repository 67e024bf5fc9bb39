"""Make Graphviz SVG stand alone: icons referenced by file path become ``data:`` URIs.

Graphviz writes ``<image xlink:href="/path/to/icon.png" …>``; a browser showing the SVG from a
notebook or another machine cannot load that path. Each distinct icon is embedded once per
file as a small PNG (downscaled with Pillow when it is available; the original bytes otherwise).
"""

from __future__ import annotations

import base64
import io
import re
from functools import cache
from pathlib import Path
from typing import Final

EMBED_PX: Final = 96
"""Icon size embedded in SVG (pixels): sharp at the 36 pt drawn size on high-DPI screens."""
_HREF: Final = re.compile(r'(<image\b[^>]*?xlink:href=")([^"]+)(")')


@cache
def data_uri(path: str) -> str:
    """A ``data:image/png;base64,…`` URI of the icon at ``path`` (downscaled when possible)."""
    raw = Path(path).read_bytes()
    try:
        from PIL import Image
    except ImportError:  # Pillow is optional: embed the original file
        return "data:image/png;base64," + base64.b64encode(raw).decode("ascii")
    with Image.open(io.BytesIO(raw)) as img:
        img.thumbnail((EMBED_PX, EMBED_PX))
        buf = io.BytesIO()
        img.save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def embed_images(svg: str) -> str:
    """``svg`` with every local ``<image>`` reference replaced by its data URI."""

    def replace(m: re.Match[str]) -> str:
        href = m.group(2)
        if href.startswith("data:") or not Path(href).is_file():
            return m.group(0)
        return m.group(1) + data_uri(href) + m.group(3)

    return _HREF.sub(replace, svg)
