"""``edgekit lineage``: the public entrypoints of a snapshot, or the lineage of one of them."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import TYPE_CHECKING, Any

from edgekit.commands.inputs import add_limit_arguments, load_estate
from edgekit.commands.outputs import check_output_file, write_output
from edgekit.commands.tables import cell, console

if TYPE_CHECKING:
    import pandas as pd

    from edgekit.graph import Estate, Lineage

FORMATS = ("table", "json", "csv")
ENTRYPOINTS_SCHEMA = "edgekit.entrypoints/1"
LINEAGE_SCHEMA = "edgekit.lineage/1"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit lineage``."""
    p.add_argument("snapshot", help="snapshot file (.json or .json.gz)")
    p.add_argument(
        "--entrypoint",
        metavar="HOST|NODE",
        help="show the hops of this hostname or node id (default: the entrypoints table)",
    )
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    add_limit_arguments(p)


def run(args: argparse.Namespace) -> int:
    """Print the entrypoints table or one lineage; exit 2 on a bad snapshot or entrypoint."""
    check_output_file(args.output)
    estate = load_estate(args)
    _write(args, estate)
    issues = estate.model.coverage.model_errors
    for issue in issues:
        print(f"edgekit: {issue.line()}", file=sys.stderr)
    return 3 if issues else 0


def _write(args: argparse.Namespace, estate: Estate) -> None:
    if args.entrypoint:
        lineage = estate.lineage(args.entrypoint)
        if args.format == "table":
            _write_table(args.output, lambda con: _print_lineage(con, estate, lineage))
        elif args.format == "json":
            doc = {
                "schema": LINEAGE_SCHEMA,
                "snapshot": _meta(estate),
                "entry": lineage.entry,
                "query": lineage.query,
                "unresolved": lineage.unresolved,
                "hops": lineage.to_records(),
                "model_errors": _model_errors(estate),
            }
            _write_text(args.output, _json(doc))
        else:
            _write_text(args.output, _csv(lineage.to_frame()))
        return
    frame = estate.entrypoints()
    if args.format == "table":
        _write_table(args.output, lambda con: _print_entrypoints(con, estate, frame))
    elif args.format == "json":
        records = json.loads(frame.to_json(orient="records"))
        doc = {
            "schema": ENTRYPOINTS_SCHEMA,
            "snapshot": _meta(estate),
            "entrypoints": records,
            "model_errors": _model_errors(estate),
        }
        _write_text(args.output, _json(doc))
    else:
        _write_text(args.output, _csv(frame))


def _model_errors(estate: Estate) -> list[dict[str, str]]:
    return [e.to_json() for e in estate.model.coverage.model_errors]


def _csv(frame: pd.DataFrame) -> str:
    """CSV text; cells a spreadsheet would run as a formula are quoted."""
    from edgekit.escape.csvcell import cell

    return frame.map(cell).to_csv(index=False)


def _meta(estate: Estate) -> dict[str, Any]:
    return estate.snapshot.meta() if estate.snapshot is not None else {}


def _json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _write_text(output: str | None, text: str) -> None:
    if output:
        write_output(output, text)
    else:
        sys.stdout.write(text)


def _write_table(output: str | None, draw: Any) -> None:
    from rich.console import Console

    if not output:
        draw(console())
        return
    buffer = io.StringIO()
    draw(Console(file=buffer, width=200))
    write_output(output, buffer.getvalue())


def _print_entrypoints(con: Any, estate: Estate, frame: pd.DataFrame) -> None:
    from rich.table import Table
    from rich.text import Text

    meta = _meta(estate)
    table = Table(title=cell(f"public entrypoints — snapshot {meta.get('collected_at', '?')}"))
    for col in ("hostname", "entry", "account", "web ACLs", "TLS", "origin chain", "backends"):
        table.add_column(col, overflow="fold")
    table.add_column("hops", justify="right")
    for row in frame.itertuples(index=False):
        host = cell(row.hostname, "red" if row.unresolved else "")
        if row.unresolved:
            host.append(" (unresolved)")
        acls = str(row.web_acls)
        table.add_row(
            host,
            cell(row.entry_kind),
            cell(row.account_id or ""),
            cell(acls) if acls else Text("none", style="yellow"),
            cell(row.tls_policy),
            cell(row.origin_chain),
            cell(row.backend_kinds),
            str(row.hops),
        )
    con.print(table)
    unresolved = int(frame["unresolved"].sum()) if len(frame) else 0
    con.print(cell(f"{len(frame)} entrypoints, {unresolved} with an unresolved path"))


def _print_lineage(con: Any, estate: Estate, lineage: Lineage) -> None:
    from rich.table import Table

    meta = _meta(estate)
    title = f"lineage of {lineage.query} — snapshot {meta.get('collected_at', '?')}"
    table = Table(title=cell(title))
    for col in ("hop", "kind", "via", "web ACLs", "TLS / certificate", "origin lock", "account"):
        table.add_column(col, overflow="fold")
    for hop in lineage:
        label = cell("  " * hop.depth + hop.label, "red" if hop.unresolved else "")
        if hop.repeat:
            label.append(" (see above)", style="dim")
        if hop.unresolved:
            label.append(" (unresolved)", style="red")
        tls = ", ".join(x for x in (hop.tls_policy or "", *hop.certificates) if x)
        via = f"{hop.via} ({hop.detail})" if hop.via and hop.detail else hop.via or ""
        table.add_row(
            label,
            cell(hop.kind),
            cell(via),
            cell(", ".join(hop.web_acls)),
            cell(tls),
            cell(", ".join(hop.origin_lock)),
            cell(" ".join(x for x in (hop.account_id, hop.region) if x)),
        )
    con.print(table)
