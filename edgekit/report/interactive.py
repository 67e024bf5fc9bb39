"""Sortable, searchable tables in notebooks and their HTML exports (itables, offline).

:func:`datatable_html` turns an already bounded, already escaped table (a pandas ``Styler``
built by :mod:`edgekit.report.display`) into an itables DataTable: search box, sortable
columns, paging, and a horizontal scroll bar inside the cell for wide tables. Nothing is loaded
from the network: :func:`library_html` embeds the DataTables bundle that ships inside the
itables package once per notebook (``show.interactive_tables()``), and each table waits for it.
Without JavaScript the table is shown as a plain, static table (itables' fallback).

The exported report keeps a strict Content-Security-Policy: every script a table or the
library emits is listed by its SHA-256 in the output's metadata (:data:`SCRIPT_HASHES`), and
:func:`edgekit.report.run.export_html` allows exactly those scripts (plus the ``blob:`` module
the library loads itself from), so a string that escaped escaping still could not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

SCRIPT_HASHES: Final = "edgekit_script_sha256"
"""Key of the ``text/html`` output metadata listing the scripts edgekit itself emitted."""
PAGE_LENGTH: Final = 25
"""Rows per page of an interactive table (the reader can pick 10, 25, 50 or 100)."""
LAYOUT: Final = {
    "topStart": "info",
    "topEnd": "search",
    "bottomStart": "pageLength",
    "bottomEnd": "paging",
}
"""The search box on every table, small ones too (itables hides it on one-page tables)."""
_SCRIPT: Final = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_ARGS: Final = re.compile(r"(let dt_args = )(\{.*?\});\n", re.DOTALL)
CSS: Final = (
    "<style>.edgekit-dt .dt-container{font-size:12px;max-width:100%}"
    ".edgekit-dt div.dt-scroll-body,.edgekit-dt div.dt-layout-table{overflow-x:auto}"
    ".edgekit-dt table.dataTable th,.edgekit-dt table.dataTable td{text-align:left}"
    ".edgekit-dt table.dataTable td.n{text-align:right}</style>"
)


def script_hashes(html: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) of every inline script in ``html``."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode() + "'"
        for m in _SCRIPT.finditer(html)
    ]


def _inert_args(html: str) -> str:
    """The table's JSON arguments with ``</`` and ``<!--`` written so that no text inside them
    can end or confuse the ``<script>`` element (cell texts are HTML-escaped already; this is
    the second line of defence)."""

    def fix(m: re.Match[str]) -> str:
        body = m.group(2).replace("</", "<\\/").replace("<!--", "<\\u0021--")
        return m.group(1) + body + ";\n"

    return _ARGS.sub(fix, html)


def datatable_html(styler: Styler) -> str:
    """An offline itables DataTable of ``styler`` (its cells escaped by the caller)."""
    from itables import to_html_datatable

    html = to_html_datatable(
        styler,
        connected=False,
        allow_html=True,  # a Styler is HTML; display.py escapes every cell and header
        showIndex=False,
        classes="display compact edgekit-table",
        style="table-layout:auto;width:auto;margin:0;caption-side:bottom",
        scrollX=True,
        autoWidth=False,
        order=[],
        pageLength=PAGE_LENGTH,
        lengthMenu=[10, 25, 50, 100],
        layout=LAYOUT,
        text_in_header_can_be_selected=False,  # a click anywhere on a header sorts
    )
    return f'<div class="edgekit-dt">{CSS}{_inert_args(html)}</div>'


def library_html() -> str:
    """The DataTables bundle shipped in the itables package, embedded (once per notebook)."""
    from itables import options
    from itables.javascript import generate_init_offline_itables_html

    return str(generate_init_offline_itables_html(options.dt_bundle))


class Library:
    """The DataTables library as a notebook output (display it once, before the first table)."""

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        return html_bundle(library_html(), "(itables, offline)")


def with_hashes(html: str) -> tuple[str, dict[str, Any]]:
    """``(html, metadata)`` for ``_repr_html_``: the metadata lists the scripts' hashes."""
    return html, {SCRIPT_HASHES: script_hashes(html)}


def html_bundle(html: str, text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``_repr_mimebundle_``'s answer for an edgekit HTML output: the page and its plain-text
    stand-in, with the page's script hashes in its metadata (:func:`with_hashes`)."""
    page, meta = with_hashes(html)
    return {"text/html": page, "text/plain": text}, {"text/html": meta}


def allowed_scripts(outputs: Iterable[dict[str, Any]]) -> list[str]:
    """The script hashes declared by edgekit's own outputs (deduplicated, in order)."""
    seen: dict[str, None] = {}
    for output in outputs:
        meta = output.get("metadata", {}).get("text/html", {})
        for value in meta.get(SCRIPT_HASHES, ()) if isinstance(meta, dict) else ():
            if isinstance(value, str) and re.fullmatch(r"'sha256-[A-Za-z0-9+/=]+'", value):
                seen[value] = None
    return list(seen)


def script_src(nb: Any) -> str:
    """The CSP ``script-src`` of an executed notebook's export: the hashes its edgekit outputs
    declared plus ``blob:`` (the library's module), or ``'none'`` when there are none."""
    outputs = (o for cell in nb.cells for o in cell.get("outputs", ()))
    hashes = allowed_scripts(outputs)
    return " ".join([*hashes, "blob:"]) if hashes else "'none'"
