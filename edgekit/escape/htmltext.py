"""Text for HTML and XML (Graphviz HTML-like labels, SVG): element content and attributes."""

from __future__ import annotations

import html
import re
from typing import Final

_XML_INVALID: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 forbids (and C1 controls): Graphviz rejects a label containing them."""
_BIDI: Final = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Bidirectional marks and overrides: they would reorder the text around a name."""


def text(value: object) -> str:
    """``value`` escaped for HTML text or a double- or single-quoted attribute."""
    return html.escape(str(value), quote=True)


def xml_text(value: object) -> str:
    """``value`` escaped for XML (a Graphviz HTML-like label): characters XML forbids and bidi
    overrides removed, the rest escaped like :func:`text`."""
    return text(_BIDI.sub("", _XML_INVALID.sub("", str(value))))


def plain_label(value: object) -> str:
    """``value`` for a plain (non-HTML) Graphviz label: controls removed, and never read as an
    HTML-like label (Graphviz takes a label of the form ``<...>`` as markup)."""
    cleaned = _BIDI.sub("", _XML_INVALID.sub("", str(value)))
    return f" {cleaned}" if cleaned.startswith("<") and cleaned.endswith(">") else cleaned
