"""Terminal tables of the ``diff`` and ``drift`` commands: titled sections of rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

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
