"""Text for pictures: wrapping at natural breaks, shortening long ids, safe DOT names."""

from __future__ import annotations

import re
from typing import Final

from edgekit.render.findings import counts_text

_BREAKS: Final = re.compile(r"(?<=[./:\-_ ])")
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_]")
_DIGITS: Final = re.compile(r"(\d+)")


def shorten(text: str, width: int) -> str:
    """``text`` cut in the middle with ``…`` when longer than ``width`` (ids keep both ends)."""
    if len(text) <= width:
        return text
    head = (width - 1) * 2 // 3
    tail = width - 1 - head
    return text[:head] + "…" + text[-tail:]


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Lines of at most ``width`` characters, broken after ``.``, ``/``, ``:``, ``-``, ``_`` or
    a space; at most ``max_lines`` (the last one shortened in the middle)."""
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for piece in _BREAKS.split(text):
        if current and len(current) + len(piece) > width:
            lines.append(current)
            current = ""
        current += piece
    if current:
        lines.append(current)
    out: list[str] = []
    for line in lines:
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    if len(out) > max_lines:
        rest = "".join(out[max_lines - 1 :])
        out = [*out[: max_lines - 1], shorten(rest, width)]
    return [line.strip() or line for line in out]


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key reading digit runs as numbers: ``site2`` before ``site10``."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in _DIGITS.split(text) if p)


def wrap_items(text: str, width: int, sep: str = " · ") -> list[str]:
    """Lines of whole ``sep``-separated items (``1 high · 3 info`` never splits ``3 info``)."""
    lines: list[str] = []
    for item in text.split(sep):
        if lines and len(lines[-1]) + len(sep) + len(item) <= width:
            lines[-1] += sep + item
        else:
            lines.append(item)
    return lines


def findings_line(counts: dict[str, int]) -> str:
    """The findings line a box shows (empty when there are none)."""
    return counts_text(counts)


def safe_id(text: str) -> str:
    """A DOT-safe identifier for ``text`` (letters, digits, underscore)."""
    return _UNSAFE.sub("_", text)
