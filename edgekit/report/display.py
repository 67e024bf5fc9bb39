"""Showing report data in a notebook: readable, bounded tables, Markdown, pictures by file.

Cell outputs stay small: :func:`table` shows at most ``max_rows`` rows (and says where the
full table is), long texts are cut, pictures are read from the files the run wrote. Tables are
sortable and searchable (itables, offline: :mod:`edgekit.report.interactive`) in JupyterLab and
in the exported HTML; the row bound (:data:`MAX_ROWS` by default) is what keeps the HTML of a
large estate small. Nothing here computes data; :mod:`edgekit.report.data` does.
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

from edgekit.report.interactive import datatable_html, html_bundle

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
        return interactive_html(
            self.frame, self.max_rows, self.caption, self.source, self.max_chars
        )

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        text = f"<{len(self.frame)} rows × {len(self.frame.columns)} columns>"
        return html_bundle(self._repr_html_(), text)

    def __len__(self) -> int:
        return len(self.frame)


def _text(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def _cell(value: Any, column: str, max_chars: int = MAX_CHARS) -> str:
    text, kind, style = _cell_parts(value, column, max_chars)
    cls = f' class="{kind}"' if kind else ""
    attr = f' style="{style}"' if style else ""
    return f"<td{cls}{attr}>{html.escape(text)}</td>"


def _cell_parts(value: Any, column: str, max_chars: int = MAX_CHARS) -> tuple[str, str, str]:
    """A cell's text (cut to ``max_chars``), its CSS class and its inline style."""
    text = _text(value)
    if len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    kind = "s" if len(text) <= NOWRAP or column in IDS else ("w" if len(text) > 2 * NOWRAP else "")
    if text and not isinstance(value, bool) and isinstance(value, numbers.Number):
        kind = "n"
    style = ""
    lowered = text.lower()
    if column in {"severity", "worst"} and lowered in SEVERITY_COLOURS:
        style = f"background:{SEVERITY_COLOURS[lowered]}"
    elif text[:1] in MARK_COLOURS and (len(text) == 1 or text[1] == " "):
        style = f"background:{MARK_COLOURS[text[:1]]}"
        kind = "m" if len(text) == 1 else "s"
    elif text == "—":
        kind = "m"
    return text, kind, style


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
    note = _notes(frame, len(shown), caption, source)
    table = (
        f'<table class="edgekit-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
    return CSS + (table if len(frame) else "") + note


def _notes(frame: pd.DataFrame, shown: int, caption: str, source: str | None) -> str:
    notes = []
    if caption:
        notes.append(html.escape(caption))
    if len(frame) > shown:
        notes.append(f"showing {shown} of {len(frame)} rows")
    if source:
        notes.append(f'all rows: <a href="{html.escape(source)}">{html.escape(source)}</a>')
    if not len(frame):
        notes.append("none")
    return f'<p class="edgekit-note">{" · ".join(notes)}</p>' if notes else ""


def styled(frame: pd.DataFrame, max_rows: int = MAX_ROWS, max_chars: int = MAX_CHARS) -> Any:
    """The first ``max_rows`` rows as a pandas ``Styler``: texts cut and HTML-escaped, headers
    escaped, severity and ✓/✗ cells coloured, numbers right-aligned (the classes of
    :func:`to_html`)."""
    shown = frame.head(max_rows)
    columns = [str(c) for c in shown.columns]
    parts = [
        [_cell_parts(v, c, max_chars) for c, v in zip(columns, row, strict=True)]
        for row in shown.itertuples(index=False, name=None)
    ]
    index = pd.RangeIndex(len(parts))
    texts = pd.DataFrame([[p[0] for p in r] for r in parts], index=index, columns=columns)
    kinds = pd.DataFrame([[p[1] for p in r] for r in parts], index=index, columns=columns)
    styles = pd.DataFrame([[p[2] for p in r] for r in parts], index=index, columns=columns)
    if texts.columns.has_duplicates:  # a Styler needs unique labels: number the repeats
        texts.columns = kinds.columns = styles.columns = _unique(columns)
    return (
        texts.style.hide(axis="index")
        .format(escape="html", na_rep="")
        .format_index(escape="html", axis=1)
        .set_td_classes(kinds)
        .apply(lambda _: styles, axis=None)
        .set_table_attributes('class="edgekit-table"')
    )


def _unique(columns: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for c in columns:
        seen[c] = seen.get(c, 0) + 1
        out.append(c if seen[c] == 1 else f"{c} ({seen[c]})")
    return out


def interactive_html(
    frame: pd.DataFrame,
    max_rows: int = MAX_ROWS,
    caption: str = "",
    source: str | None = None,
    max_chars: int = MAX_CHARS,
) -> str:
    """A sortable, searchable table of the first ``max_rows`` rows (itables, offline), with the
    same note as :func:`to_html`; an empty frame shows the note only."""
    shown = min(len(frame), max_rows)
    body = datatable_html(styled(frame, max_rows, max_chars)) if len(frame) else ""
    return CSS + body + _notes(frame, shown, caption, source)


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
