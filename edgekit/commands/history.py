"""``edgekit history``: the trend over several snapshots (files or folders of them)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit history``."""
    p.add_argument("snapshots", nargs="+", help="snapshot files, or folders of *.json[.gz]")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")


def run(args: argparse.Namespace) -> int:
    """Print the trend (csv: the per-snapshot trend table only)."""
    from edgekit.report.history import history, snapshot_paths

    hist = history(snapshot_paths(args.snapshots))
    if args.format == "table":
        from rich.table import Table

        from edgekit.commands.tables import console

        out = console()
        for title, frame in (
            ("findings by severity", hist.trend),
            ("changes", hist.changes),
            ("time to fix", hist.time_to_fix),
        ):
            table = Table(title=title)
            for col in frame.columns:
                table.add_column(str(col))
            for row in frame.itertuples(index=False):
                table.add_row(*(str(v) for v in row))
            out.print(table)
        return 0
    if args.format == "json":
        text = json.dumps(hist.to_json(), indent=2, sort_keys=True, default=str) + "\n"
    else:
        text = hist.trend.to_csv(index=False)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
