"""``edgekit plan``: simplification proposals for a snapshot (table, JSON or Markdown)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edgekit.commands.tables import console

FORMATS = ("table", "json", "md")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit plan``."""
    p.add_argument("snapshot", help="snapshot file (.json or .json.gz)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")


def run(args: argparse.Namespace) -> int:
    """Plan; exit 0 (3 when a check or a pattern builder raised)."""
    from edgekit.graph import Estate
    from edgekit.plan import formats, plan

    estate = Estate.load(args.snapshot)
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
            Path(args.output).parent.mkdir(parents=True, exist_ok=True)
            Path(args.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    for e in result.errors:
        print(f"edgekit: {e.check_id} on {e.resource_id}: {e.error}", file=sys.stderr)
    return 3 if result.errors else 0


def _table(result: object, meta: dict[str, object], output: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    from edgekit.plan import formats
    from edgekit.plan.planner import Plan
    from edgekit.plan.prices import savings_text

    assert isinstance(result, Plan)
    fh = Path(output).open("w", encoding="utf-8") if output else None  # noqa: SIM115
    try:
        con = Console(file=fh, width=160) if fh else console()
        table = Table(title=f"proposals — snapshot {meta.get('collected_at', '?')}")
        for col in ("id", "check", "entrypoint", "hops saved", "removed", "savings", "title"):
            table.add_column(col, overflow="fold")
        for p in result.proposals:
            table.add_row(
                p.id,
                p.check_id.removeprefix("redundancy."),
                result.labels.get(p.entrypoint, p.entrypoint),
                str(p.hops_saved),
                str(len(p.removed)),
                savings_text(p.monthly_savings_usd, p.usage_unknown),
                p.title,
            )
        con.print(table)
        s = formats.summary(result)
        con.print(
            f"{s['proposals']} proposals, {s['hops_saved']} hops saved, "
            f"{formats.total_text(result)}; {s['undecided']} undecided (data not collected)"
        )
    finally:
        if fh:
            fh.close()
