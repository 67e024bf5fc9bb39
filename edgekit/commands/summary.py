"""Terminal summaries (rich tables) for collection results."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from edgekit.commands.tables import cell
from edgekit.commands.tables import console as tables_console

if TYPE_CHECKING:
    from edgekit.collect.runner import CollectionResult


def print_collection_summary(result: CollectionResult, console: Console | None = None) -> None:
    """Items collected per collector and data key, then gaps and failed units."""
    con = console or tables_console(stderr=True)
    counts: Counter[tuple[str, str]] = Counter()
    for p in result.snapshot.payloads:
        for key, value in p["data"].items():
            if isinstance(value, list):
                counts[(p["collector"], key)] += len(value)
    table = Table(title="collected", show_lines=False)
    table.add_column("collector")
    table.add_column("resource")
    table.add_column("items", justify="right")
    for (collector, key), n in sorted(counts.items()):
        table.add_row(cell(collector), cell(key), str(n))
    con.print(table)
    if result.snapshot.gaps:
        gaps = Table(title="gaps (denied reads: dependent checks report unknown)")
        for col in ("account", "region", "collector", "operation", "error"):
            gaps.add_column(col)
        for g in result.snapshot.gaps:
            gaps.add_row(
                *(cell(g[k]) for k in ("account_id", "region", "collector", "operation")),
                cell(g["error_code"]),
            )
        con.print(gaps)
    if result.snapshot.errors:
        errs = Table(title="failed units", style="red")
        for col in ("account", "region", "collector", "operation", "error"):
            errs.add_column(col, no_wrap=True)
        errs.add_column("message", overflow="ellipsis", no_wrap=True, max_width=60)
        for e in result.snapshot.errors:
            errs.add_row(
                *(cell(e[k]) for k in ("account_id", "region", "collector", "operation")),
                cell(e["error_code"]),
                cell(_first_line(e["message"])),
            )
        con.print(errs)


def _first_line(message: str) -> str:
    """The first meaningful part of an error message (HTML bodies cut off)."""
    text = message.split("<!", 1)[0].strip().splitlines()
    return text[0] if text else message[:80]
