"""``edgekit lineage``: the public entrypoints of a snapshot, or the lineage of one of them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from edgekit.commands.tables import console

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


def run(args: argparse.Namespace) -> int:
    """Print the entrypoints table or one lineage; exit 2 on a bad snapshot or entrypoint."""
    from edgekit.graph import Estate

    estate = Estate.load(args.snapshot)
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
            _write_text(args.output, lineage.to_frame().to_csv(index=False))
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
        _write_text(args.output, frame.to_csv(index=False))


def _model_errors(estate: Estate) -> list[dict[str, str]]:
    return [e.to_json() for e in estate.model.coverage.model_errors]


def _meta(estate: Estate) -> dict[str, Any]:
    return estate.snapshot.meta() if estate.snapshot is not None else {}


def _json(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _write_text(output: str | None, text: str) -> None:
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _write_table(output: str | None, draw: Any) -> None:
    from rich.console import Console

    fh: IO[str] | None = None
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        fh = Path(output).open("w", encoding="utf-8")  # noqa: SIM115
    try:
        draw(Console(file=fh, width=200) if fh else console())
    finally:
        if fh:
            fh.close()


def _print_entrypoints(con: Any, estate: Estate, frame: pd.DataFrame) -> None:
    from rich.markup import escape as e
    from rich.table import Table

    meta = _meta(estate)
    table = Table(title=f"public entrypoints — snapshot {meta.get('collected_at', '?')}")
    for col in ("hostname", "entry", "account", "web ACLs", "TLS", "origin chain", "backends"):
        table.add_column(col, overflow="fold")
    table.add_column("hops", justify="right")
    for row in frame.itertuples(index=False):
        host = e(str(row.hostname))
        table.add_row(
            f"[red]{host}[/] (unresolved)" if row.unresolved else host,
            str(row.entry_kind),
            str(row.account_id or ""),
            e(str(row.web_acls)) or "[yellow]none[/]",
            e(str(row.tls_policy)),
            e(str(row.origin_chain)),
            e(str(row.backend_kinds)),
            str(row.hops),
        )
    con.print(table)
    unresolved = int(frame["unresolved"].sum()) if len(frame) else 0
    con.print(f"{len(frame)} entrypoints, {unresolved} with an unresolved path")


def _print_lineage(con: Any, estate: Estate, lineage: Lineage) -> None:
    from rich.markup import escape as e
    from rich.table import Table

    meta = _meta(estate)
    table = Table(title=f"lineage of {e(lineage.query)} — snapshot {meta.get('collected_at', '?')}")
    for col in ("hop", "kind", "via", "web ACLs", "TLS / certificate", "origin lock", "account"):
        table.add_column(col, overflow="fold")
    for hop in lineage:
        label = "  " * hop.depth + e(hop.label)
        if hop.repeat:
            label += " [dim](see above)[/]"
        if hop.unresolved:
            label = f"[red]{label} (unresolved)[/]"
        tls = ", ".join(x for x in (hop.tls_policy or "", *hop.certificates) if x)
        via = f"{hop.via} ({hop.detail})" if hop.via and hop.detail else hop.via or ""
        table.add_row(
            label,
            hop.kind,
            e(via),
            e(", ".join(hop.web_acls)),
            e(tls),
            e(", ".join(hop.origin_lock)),
            " ".join(x for x in (hop.account_id, hop.region) if x),
        )
    con.print(table)
