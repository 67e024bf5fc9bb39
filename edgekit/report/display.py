"""Showing report data in a notebook: readable, bounded tables, Markdown, pictures by file.

Cell outputs stay small: :func:`table` shows at most ``max_rows`` rows (and says where the
full table is), long texts are cut, pictures are read from the files the run wrote. Nothing
here computes data; :mod:`edgekit.report.data` does.
"""

from __future__ import annotations

import html
import numbers
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pandas as pd

MAX_ROWS: Final = 25
MAX_CHARS: Final = 120
SEVERITY_COLOURS: Final = {
    "critical": "#f8c9c9",
    "high": "#fde2cf",
    "medium": "#fff1c7",
    "low": "#e5f0fb",
    "info": "#eeeeee",
    "unknown": "#ece6f5",
}
MARK_COLOURS: Final = {"✓": "#dff3e3", "✗": "#f8d7d3", "?": "#ece6f5"}
NOWRAP: Final = 28
"""Cells up to this many characters never wrap (ids, severities, account numbers)."""
IDS: Final = frozenset({"check", "id", "account", "region", "severity", "worst"})
"""Columns whose values never wrap (a check id cut in two reads as two words)."""
_T = "table.edgekit-table.edgekit-table"  # the class twice: outranks JupyterLab's table CSS
CSS: Final = (
    f"<style>{_T}{{border-collapse:collapse;font-size:12px;margin:4px 0 2px 0}}"
    f"{_T} th{{background:#f2f4f7;text-align:left;padding:4px 8px;"
    "border-bottom:1px solid #c9ced6;white-space:nowrap;vertical-align:bottom}"
    f"{_T} td{{text-align:left;padding:3px 8px;border-bottom:1px solid #eceef1;"
    "vertical-align:top;max-width:34em;overflow-wrap:anywhere}"
    f"{_T} td.n{{text-align:right;white-space:nowrap}}"
    f"{_T} td.s{{white-space:nowrap}}"
    f"{_T} td.m{{text-align:center;white-space:nowrap}}"
    f"{_T} td.w{{min-width:18em}}"
    "p.edgekit-note{color:#5f6b7a;font-size:12px;margin:0 0 12px 0}</style>"
)


@dataclass(frozen=True)
class Table:
    """A bounded view of a DataFrame: renders as HTML, keeps the frame for further use."""

    frame: pd.DataFrame
    max_rows: int = MAX_ROWS
    caption: str = ""
    source: str | None = None
    """Where the full table is (a file name next to the report)."""
    max_chars: int = MAX_CHARS
    """Longer cell texts are cut (with …)."""

    def _repr_html_(self) -> str:
        return to_html(self.frame, self.max_rows, self.caption, self.source, self.max_chars)

    def __len__(self) -> int:
        return len(self.frame)


def _text(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def _cell(value: Any, column: str, max_chars: int = MAX_CHARS) -> str:
    text = _text(value)
    if len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    kind = "s" if len(text) <= NOWRAP or column in IDS else ("w" if len(text) > 2 * NOWRAP else "")
    if text and not isinstance(value, bool) and isinstance(value, numbers.Number):
        kind = "n"
    style = ""
    lowered = text.lower()
    if column in {"severity", "worst"} and lowered in SEVERITY_COLOURS:
        style = f' style="background:{SEVERITY_COLOURS[lowered]}"'
    elif text[:1] in MARK_COLOURS and (len(text) == 1 or text[1] == " "):
        style = f' style="background:{MARK_COLOURS[text[:1]]}"'
        kind = "m" if len(text) == 1 else "s"
    elif text == "—":
        kind = "m"
    cls = f' class="{kind}"' if kind else ""
    return f"<td{cls}{style}>{html.escape(text)}</td>"


def to_html(
    frame: pd.DataFrame,
    max_rows: int = MAX_ROWS,
    caption: str = "",
    source: str | None = None,
    max_chars: int = MAX_CHARS,
) -> str:
    """A compact HTML table of the first ``max_rows`` rows, with a note on the rest."""
    shown = frame.head(max_rows)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    body = "".join(
        "<tr>"
        + "".join(_cell(v, str(c), max_chars) for c, v in zip(shown.columns, row, strict=True))
        + "</tr>"
        for row in shown.itertuples(index=False, name=None)
    )
    notes = []
    if caption:
        notes.append(html.escape(caption))
    if len(frame) > len(shown):
        notes.append(f"showing {len(shown)} of {len(frame)} rows")
    if source:
        notes.append(f'all rows: <a href="{html.escape(source)}">{html.escape(source)}</a>')
    if not len(frame):
        notes.append("none")
    note = f'<p class="edgekit-note">{" · ".join(notes)}</p>' if notes else ""
    table = (
        f'<table class="edgekit-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
    return CSS + (table if len(frame) else "") + note


def table(
    frame: pd.DataFrame, max_rows: int = MAX_ROWS, caption: str = "", source: str | None = None
) -> Table:
    """Show a DataFrame as a bounded, readable table (the notebook's last expression)."""
    return Table(frame, max_rows, caption, source)


def markdown(text: str) -> Any:
    """Markdown output (IPython's ``Markdown``)."""
    from IPython.display import Markdown

    return Markdown(text)  # type: ignore[no-untyped-call]


def facts(rows: Mapping[str, Any]) -> Table:
    """A two-column "name: value" table."""
    frame = pd.DataFrame([(k, str(v)) for k, v in rows.items()], columns=["", "value"])
    return Table(frame, max_rows=len(frame) or 1, max_chars=2000)


def picture(path: str | os.PathLike[str] | None, *, caption: str = "") -> Any:
    """Show an SVG or PNG file embedded in the output (None: a short note instead).

    The picture travels with the notebook and its HTML export (:mod:`edgekit.report.embed`:
    a ``data:`` URI, zoomable by a click, nothing fetched); ``caption`` is shown under it.
    """
    from IPython.display import HTML, Markdown

    from edgekit.report.embed import figure

    if path is None:
        return Markdown("*(no picture)*")  # type: ignore[no-untyped-call]
    return HTML(figure(Path(path), caption))  # type: ignore[no-untyped-call]
