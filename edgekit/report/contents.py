"""The table of contents of an exported report: links to its section headings.

Read from the exported HTML itself (the ``id`` nbconvert gave each heading), so every link
points at an anchor that exists; placed right after the page's title (its first ``<h1>``), or
at the top of the page when there is none. Plain links: no script.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Final

LEVELS: Final = (2, 3)
"""Heading levels listed (``##`` sections and ``###`` sub-sections)."""
_HEADING: Final = re.compile(r'<h([1-6])\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_ANCHOR: Final = re.compile(r'<a class="anchor-link".*?</a>', re.DOTALL)
_TAG: Final = re.compile(r"<[^>]+>")
CSS: Final = (
    "<style>nav.edgekit-contents{font-size:13px;margin:8px 0 16px 0;padding:6px 14px;"
    "border-left:3px solid #c9ced6;background:#f7f8fa}"
    "nav.edgekit-contents ul{margin:2px 0;padding-left:18px}"
    "nav.edgekit-contents li.l3{margin-left:16px;font-size:12px}</style>"
)


@dataclass(frozen=True)
class Heading:
    """One section heading of the page."""

    level: int
    anchor: str
    """The ``id`` attribute as written in the page (already HTML-escaped)."""
    text: str
    """The heading's text (plain, unescaped)."""


def headings(page: str) -> list[Heading]:
    """Every heading with an ``id``, in page order."""
    out = []
    for m in _HEADING.finditer(page):
        text = html.unescape(_TAG.sub("", _ANCHOR.sub("", m.group(3)))).strip()
        out.append(Heading(int(m.group(1)), m.group(2), text))
    return out


def nav(found: list[Heading]) -> str:
    """The ``<nav>`` of the headings at :data:`LEVELS` (empty when there are none)."""
    items = [
        f'<li class="l{h.level}"><a href="#{h.anchor}">{html.escape(h.text)}</a></li>'
        for h in found
        if h.level in LEVELS
    ]
    if not items:
        return ""
    return (
        f'{CSS}<nav class="edgekit-contents" id="contents"><strong>Contents</strong>'
        f"<ul>{''.join(items)}</ul></nav>"
    )


def add_contents(page: str) -> str:
    """``page`` with its table of contents after the first ``<h1>`` (or after ``<body>``)."""
    block = nav(headings(page))
    if not block:
        return page
    title = re.search(r"</h1>", page)
    if title is not None:
        return page[: title.end()] + block + page[title.end() :]
    body = re.search(r"<body\b[^>]*>", page)
    at = body.end() if body is not None else 0
    return page[:at] + block + page[at:]
