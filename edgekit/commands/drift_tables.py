"""Output of the ``diff`` and ``drift`` commands: terminal tables (titled sections of rows),
JSON or Markdown, to standard output or a file."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

Section = tuple[str, Sequence[str], Sequence[Sequence[str]]]
"""(title, column names, rows)."""


def print_sections(sections: Sequence[Section], output: str | None) -> None:
    """Each non-empty section as a rich table (to ``output`` as plain text if given).

    Values are shown literally: rich markup escaped, control characters (a terminal escape
    sequence in an AWS name) written as ``\\x..``.
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from edgekit.commands.tables import console

    fh = Path(output).open("w", encoding="utf-8") if output else None  # noqa: SIM115
    try:
        con = Console(file=fh, width=160) if fh else console()
        for title, head, rows in sections:
            if not rows:
                continue
            table = Table(title=title)
            for h in head:
                table.add_column(h, overflow="fold")
            for row in rows:
                table.add_row(*(escape(printable(v)) for v in row))
            con.print(table)
    finally:
        if fh:
            fh.close()


def printable(value: object) -> str:
    """Control characters shown as ``\\x..``, never sent to the terminal."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in str(value))


def emit(
    fmt: str,
    output: str | None,
    *,
    document: Callable[[], Mapping[str, Any]],
    markdown: Callable[[], str],
    table: Callable[[str | None], None],
) -> None:
    """Write the report as ``fmt`` (table, json, md) to ``output`` or standard output."""
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
    if fmt == "table":
        table(output)
        return
    if fmt == "json":
        text = json.dumps(document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    else:
        text = markdown()
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
