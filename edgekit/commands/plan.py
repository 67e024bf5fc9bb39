"""``edgekit plan``: simplification proposals for a snapshot (table, JSON or Markdown)."""

from __future__ import annotations

import argparse
import io
import sys

from edgekit.commands.inputs import add_limit_arguments, load_estate
from edgekit.commands.outputs import check_output_file, write_output
from edgekit.commands.tables import cell, console
from edgekit.escape.terminal import clean

FORMATS = ("table", "json", "md")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit plan``."""
    p.add_argument("snapshot", help="snapshot file (.json or .json.gz)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    add_limit_arguments(p)


def run(args: argparse.Namespace) -> int:
    """Plan; exit 0 (3 when a check or a pattern builder raised, or an item was unreadable)."""
    from edgekit.plan import formats, plan

    check_output_file(args.output)
    estate = load_estate(args)
    assert estate.snapshot is not None
    meta = estate.snapshot.meta()
    result = plan(estate)
    if args.format == "table":
        _table(result, meta, args.output)
    else:
        text = (
            formats.to_json(formats.document(result, meta))
            if args.format == "json"
            else formats.markdown(result, meta)
        )
        if args.output:
            write_output(args.output, text)
        else:
            sys.stdout.write(text)
    for e in result.errors:
        print(clean(f"edgekit: {e.check_id} on {e.resource_id}: {e.error}"), file=sys.stderr)
    issues = estate.model.coverage.model_errors
    for issue in issues:
        print(clean(f"edgekit: {issue.line()}"), file=sys.stderr)
    return 3 if result.errors or issues else 0


def _table(result: object, meta: dict[str, object], output: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    from edgekit.plan import formats
    from edgekit.plan.planner import Plan
    from edgekit.plan.prices import savings_text

    assert isinstance(result, Plan)
    buffer = io.StringIO()
    con = Console(file=buffer, width=160) if output else console()
    table = Table(title=cell(f"proposals — snapshot {meta.get('collected_at', '?')}"))
    for col in ("id", "check", "entrypoint", "hops saved", "removed", "savings", "title"):
        table.add_column(col, overflow="fold")
    for p in result.proposals:
        table.add_row(
            cell(p.id),
            cell(p.check_id.removeprefix("redundancy.")),
            cell(result.labels.get(p.entrypoint, p.entrypoint)),
            str(p.hops_saved),
            str(len(p.removed)),
            savings_text(p.monthly_savings_usd, p.usage_unknown),
            cell(p.title),
        )
    con.print(table)
    s = formats.summary(result)
    con.print(
        cell(
            f"{s['proposals']} proposals, {s['hops_saved']} hops saved, "
            f"{formats.total_text(result)}; {s['undecided']} undecided (data not collected)"
        )
    )
    if output:
        write_output(output, buffer.getvalue())
