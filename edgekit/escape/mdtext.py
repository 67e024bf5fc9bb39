"""Text for Markdown (CommonMark / GitHub / Jupyter): untrusted values shown literally.

Markdown passes raw HTML through and turns ``[x](javascript:...)`` into a link, so a value from
AWS is never pasted into a Markdown template as it is: :func:`text` makes it inline text that
renders as exactly its characters (HTML-significant characters as entities, Markdown
punctuation backslash-escaped, line breaks as spaces); :func:`cell` does the same for a table
cell; :func:`code` makes an inline code span that cannot be closed early. :func:`fmt` fills a
trusted template with escaped values.
"""

from __future__ import annotations

import re
from typing import Final

_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCTUATION: Final = re.compile(r"([\\`*_\[\]|~$])")
"""Characters that start emphasis, links and images (``[``; without it ``(`` and ``!`` are
plain), code, table cells, strikethrough or maths anywhere in a line (``$`` for the
MathJax-style renderers of notebooks and GitHub)."""
_LINE_START: Final = re.compile(r"^(\s*)([-+=>#:])")
"""Characters that start a block (list, heading, heading underline, quote) at a line start."""
_ORDERED: Final = re.compile(r"^(\s*\d+)([.)])")
"""``1.`` or ``1)`` at a line start: an ordered list (the dot is escaped, not the digit)."""
_BREAKS: Final = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")


def _entities(value: str) -> str:
    return "".join(_ENTITIES.get(ch, ch) for ch in value)


def text(value: object) -> str:
    """``value`` as Markdown inline text that renders literally, on one line."""
    one_line = _BREAKS.sub(" ", str(value))
    escaped = _PUNCTUATION.sub(r"\\\1", _entities(one_line))
    escaped = _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)
    return _ORDERED.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)


def cell(value: object) -> str:
    """``value`` for a Markdown table cell (``|`` and line breaks cannot split the row)."""
    return text(value)


def code(value: object) -> str:
    """``value`` as an inline code span (literal in every renderer; never closed early).

    Not for table cells: renderers disagree on a ``|`` inside code there (GitHub splits the
    cell unless it is ``\\|``, others show the backslash); use :func:`cell`."""
    one_line = _BREAKS.sub(" ", str(value))
    longest = max((len(run) for run in re.findall(r"`+", one_line)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if one_line.startswith("`") or one_line.endswith("`") or not one_line else ""
    return f"{fence}{pad}{one_line}{pad}{fence}"


def fmt(template: str, *values: object) -> str:
    """``template.format(*values)`` with every value passed through :func:`text`."""
    return template.format(*(text(v) for v in values))
