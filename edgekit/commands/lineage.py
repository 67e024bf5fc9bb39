"""``edgekit lineage``: the public entrypoints of a snapshot, the lineage of one of them
(``--entrypoint``), or what is in front of a backend (``--in-front-of``); each hop with its
findings and, where the snapshot has CloudWatch metrics, its requests per day and 5xx share."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import TYPE_CHECKING, Any

from edgekit.commands.hops import HopFacts, hop_facts, rate_text, requests_text
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
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--entrypoint",
        metavar="HOST|NAME",
        help="show the hops of this hostname, ARN, distribution id, load balancer name or node "
        "id, in any case when unambiguous (default: the entrypoints table)",
    )
    what.add_argument(
        "--in-front-of",
        metavar="NAME|ARN",
        help="reverse lineage: what is in front of this resource (a plain name such as a load "
        "balancer, target group, function or bucket name, an ARN, a node id)",
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
    if args.entrypoint is not None or args.in_front_of is not None:
        # an empty value is asked for, not absent: the resolver refuses it (exit 2)
        reverse = args.in_front_of is not None
        if reverse:
            lineage = estate.in_front_of(args.in_front_of)
        else:
            lineage = estate.lineage(args.entrypoint)
        facts = hop_facts(estate, lineage)
        if args.format == "table":
            _write_table(
                args.output, lambda con: _print_lineage(con, estate, lineage, facts, reverse)
            )
        elif args.format == "json":
            doc = {
                "schema": LINEAGE_SCHEMA,
                "snapshot": _meta(estate),
                "direction": "in-front-of" if reverse else "from-entrypoint",
                "entry": lineage.entry,
                "query": lineage.query,
                "unresolved": lineage.unresolved,
                "hops": facts.records(lineage),
                "model_errors": _model_errors(estate),
            }
            _write_text(args.output, _json(doc))
        else:
            _write_text(args.output, _csv(facts.frame(lineage)))
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


def _print_lineage(
    con: Any, estate: Estate, lineage: Lineage, facts: HopFacts, reverse: bool
) -> None:
    from rich.table import Table
    from rich.text import Text

    from edgekit.commands.tables import SEVERITY_STYLE

    meta = _meta(estate)
    what = "in front of" if reverse else "lineage of"
    title = f"{what} {lineage.query} — snapshot {meta.get('collected_at', '?')}"
    table = Table(title=cell(title))
    columns = ("hop", "kind", "via", "findings", "web ACLs", "TLS / certificate", "origin lock")
    for col in columns:
        table.add_column(col, overflow="fold")
    if facts.traffic:
        table.add_column("requests/day", justify="right")
        table.add_column("5xx", justify="right")
    table.add_column("account", overflow="fold")
    for hop in lineage:
        found = facts.findings.get(hop.node)
        if found is None or not found.text:
            found_cell = Text("")
        else:
            style = SEVERITY_STYLE[found.worst] if found.worst is not None else "magenta"
            found_cell = Text(found.text, style=style)
        traffic = facts.traffic.get(hop.node)
        label = cell("  " * hop.depth + hop.label, "red" if hop.unresolved else "")
        if hop.repeat:
            label.append(" (see above)", style="dim")
        if hop.unresolved:
            label.append(" (unresolved)", style="red")
        tls = ", ".join(x for x in (hop.tls_policy or "", *hop.certificates) if x)
        via = f"{hop.via} ({hop.detail})" if hop.via and hop.detail else hop.via or ""
        row = [
            label,
            cell(hop.kind),
            cell(via),
            found_cell,
            cell(", ".join(hop.web_acls)),
            cell(tls),
            cell(", ".join(hop.origin_lock)),
        ]
        if facts.traffic:
            row += [Text(requests_text(traffic)), Text(rate_text(traffic))]
        table.add_row(*row, cell(" ".join(x for x in (hop.account_id, hop.region) if x)))
    con.print(table)
    if facts.traffic:
        con.print(
            cell(
                "requests/day and 5xx share over the snapshot's CloudWatch window; "
                "— where not metered or not collected"
            )
        )
