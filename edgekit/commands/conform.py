"""``edgekit conform``: how each entrypoint compares with the house patterns, or (``--derive``)
the families of configuration the estate already has."""

from __future__ import annotations

import argparse
import io
import sys
from typing import TYPE_CHECKING

from edgekit.commands.inputs import add_limit_arguments, load_estate
from edgekit.commands.outputs import check_output_file, write_output
from edgekit.commands.tables import cell, console
from edgekit.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from edgekit.conform import Conformance

FORMATS = ("table", "json", "csv")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit conform``."""
    p.add_argument("snapshot", help="snapshot file (.json or .json.gz)")
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--patterns", metavar="FILE", help="house patterns (TOML)")
    mode.add_argument(
        "--derive", action="store_true", help="no patterns: show the families of configuration"
    )
    p.add_argument(
        "--emit-patterns",
        metavar="OUT",
        help="with --derive: write the most common families as a starting patterns file",
    )
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    add_limit_arguments(p)


def run(args: argparse.Namespace) -> int:
    """Conform; exit 0 (2 on a bad snapshot or patterns file, 3 when items were unreadable)."""
    from edgekit import conform as cf

    if args.emit_patterns and not args.derive:
        raise InputError("--emit-patterns needs --derive")
    check_output_file(args.output)
    check_output_file(args.emit_patterns)
    patterns = cf.load_patterns(args.patterns) if args.patterns else ()
    estate = load_estate(args)
    assert estate.snapshot is not None
    result = cf.conform(estate, patterns) if patterns else cf.dialects(estate)
    if args.format == "table":
        buffer = io.StringIO()
        if args.output:
            from rich.console import Console

            con = Console(file=buffer, width=160)
        else:
            con = console()
        print_table(con, result)
        if args.output:
            write_output(args.output, buffer.getvalue())
    else:
        from edgekit.conform.result import document, to_csv, to_json

        text = (
            to_json(document(result, estate.snapshot.meta()))
            if args.format == "json"
            else to_csv(result)
        )
        if args.output:
            write_output(args.output, text)
        else:
            sys.stdout.write(text)
    if args.emit_patterns and result.dialects is not None:
        write_output(args.emit_patterns, cf.emit_patterns(result.dialects))
    issues = estate.model.coverage.model_errors
    for issue in issues:
        print(f"edgekit: {issue.line()}", file=sys.stderr)
    return 3 if issues else 0


def print_table(con: Console, result: Conformance) -> None:
    """The conformance as terminal tables (AWS strings escaped)."""
    from rich.table import Table

    if result.mode == "patterns":
        table = Table(title="conformance to the house patterns")
        for col in ("entrypoint", "pattern", "score", "status", "deviations / unknown"):
            table.add_column(col, overflow="fold")
        for e in sorted(result.entries, key=lambda e: e.facts.hostname):
            m = e.match
            assert m is not None
            lines = [f"- {d.where}: {d.message}" for d in m.deviations]
            lines += [f"? {u.where}: {u.key} unknown ({u.reason})" for u in m.unknowns]
            score = "-" if m.score is None else f"{m.score:.0%}"
            table.add_row(
                cell(e.facts.hostname), cell(m.pattern), score, m.status, cell("\n".join(lines))
            )
        con.print(table)
        con.print(cell(summary_line(result)))
        con.print(cell("(? = unknown: not collected; never counted as a deviation)"))
        return
    assert result.dialects is not None
    table = Table(title="families of configuration (--derive)")
    for col in ("family", "entrypoints", "what distinguishes it"):
        table.add_column(col, overflow="fold")
    for f in (*result.dialects.families, *result.dialects.one_offs):
        other = f" (vs {f.compared_with})" if f.compared_with else ""
        distinct = [f"{k}: {a} (vs {b})" for k, a, b in f.distinct] or ["-"]
        table.add_row(cell(f.id + other), cell("\n".join(f.hostnames)), cell("\n".join(distinct)))
    con.print(table)
    con.print(cell(result.dialects.summary()))


def summary_line(result: Conformance) -> str:
    """``12 of 30 entrypoints conform, 3 near misses, 15 deviate, 0 unknown``."""
    s = result.summary()
    if result.mode != "patterns":
        return str(s.get("text", ""))
    by = s["by_status"]
    return (
        f"{by.get('conforms', 0)} of {s['entrypoints']} entrypoints conform, "
        f"{by.get('unknown', 0)} conform where known (some data not collected), "
        f"{by.get('deviates', 0)} deviate ({s['near_misses']} near misses: one deviation)"
    )
