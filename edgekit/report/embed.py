"""Pictures inside the report itself, so a mailed HTML report keeps them.

A picture becomes an ``<img>`` whose source is a ``data:`` URI of the file's bytes (an SVG as
percent-encoded text, a PNG as base64): the page loads nothing, and an SVG shown through
``<img>`` runs no script whatever its text holds. Each picture is zoomable without any script:
it is the label of a hidden checkbox, and a click toggles between "fitted to the page width" and
"natural size, scrollable" (CSS ``:checked``).

A picture larger than :data:`MAX_EMBED_BYTES` is not embedded: a note names its file instead
(the report stays bounded on estates whose overviews run to megabytes).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import urllib.parse
from functools import lru_cache
from pathlib import Path
from typing import Final

MAX_EMBED_BYTES: Final = 4_000_000
"""Largest picture file embedded (bytes); bigger ones are named, not embedded."""
MEDIA: Final = {".svg": "image/svg+xml", ".png": "image/png"}
_SPECIAL: Final = "%#\"&'<>"
"""ASCII characters percent-encoded in an SVG data URI (``%`` first): those a URI or an HTML
attribute would read otherwise; control characters are too (:data:`_CONTROL`)."""
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]+")
_COMMENT: Final = re.compile(r"<!--.*?-->", re.DOTALL)
_GAPS: Final = re.compile(r">\s+<")
CSS: Final = (
    "<style>"
    "div.edgekit-figure{margin:4px 0 10px 0}"
    "div.edgekit-figure input.edgekit-zoom{display:none}"
    "div.edgekit-figure label{display:block;cursor:zoom-in}"
    "div.edgekit-figure img{max-width:100%;height:auto;border:1px solid #e3e6ea;"
    "background:#fff}"
    "div.edgekit-figure input.edgekit-zoom:checked+label{overflow:auto;max-height:90vh;"
    "cursor:zoom-out}"
    "div.edgekit-figure input.edgekit-zoom:checked+label img{max-width:none}"
    "div.edgekit-figure p.edgekit-note{color:#5f6b7a;font-size:12px;margin:2px 0 0 0}"
    "</style>"
)


def data_uri(path: Path) -> str:
    """A ``data:`` URI of an SVG or PNG file (SVG comments and whitespace between tags
    dropped)."""
    media = MEDIA.get(path.suffix.lower())
    if media is None:
        raise ValueError(f"{path.name}: only SVG and PNG pictures are embedded")
    if media == "image/svg+xml":
        svg = _GAPS.sub("><", _COMMENT.sub("", path.read_text(encoding="utf-8")))
        return f"data:{media};charset=utf-8,{percent_encoded(svg)}"
    return f"data:{media};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def percent_encoded(text: str) -> str:
    """``text`` for an SVG data URI: the :data:`_SPECIAL` and control characters and every
    non-ASCII character percent-encoded (UTF-8), the rest as is.

    One ``str.replace`` per special character (each a fast scan of the text; a ``str.translate``
    to multi-character strings took about 30 ms a megabyte), and a cached encoding of each run of
    non-ASCII characters (a picture repeats a handful: "·", "—").
    """
    for char in _SPECIAL:  # "%" first: the escapes written after it are not escaped again
        text = text.replace(char, f"%{ord(char):02X}")
    text = _CONTROL.sub(lambda m: f"%{ord(m.group()):02X}", text)
    return _NON_ASCII.sub(lambda m: _quoted(m.group()), text)


@lru_cache(maxsize=1024)
def _quoted(run: str) -> str:
    return urllib.parse.quote(run)


def figure(path: Path, caption: str = "") -> str:
    """The HTML of one embedded, zoomable picture (or a note when it is too large)."""
    size = path.stat().st_size
    note = f'<p class="edgekit-note">{html.escape(caption)}</p>' if caption else ""
    if size > MAX_EMBED_BYTES:
        return (
            f'{CSS}<div class="edgekit-figure"><p class="edgekit-note">{html.escape(path.name)}: '
            f"{size / 1e6:.1f} MB, too large to embed (limit {MAX_EMBED_BYTES / 1e6:.0f} MB); "
            f"open the file from the diagrams folder</p>{note}</div>"
        )
    uri = data_uri(path)
    key = hashlib.sha256(f"{path.name}\0{uri}".encode()).hexdigest()[:12]
    alt = html.escape(caption or path.stem)
    return (
        f'{CSS}<div class="edgekit-figure"><input type="checkbox" class="edgekit-zoom" '
        f'id="zoom-{key}"><label for="zoom-{key}" title="click to zoom in or out">'
        f'<img src="{html.escape(uri)}" alt="{alt}"></label>{note}</div>'
    )
