"""``edgekit drift LIVE IAC...``: live resources that differ from the IaC that claims them, and
live edge resources no IaC defines ("click-ops")."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from edgekit.errors import InputError

if TYPE_CHECKING:
    from edgekit.iac.drift import Drift
    from edgekit.snapshot import Snapshot

FORMATS = ("table", "json", "md")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit drift``."""
    p.add_argument("live", help="live snapshot (edgekit collect)")
    p.add_argument(
        "iac",
        nargs="+",
        metavar="IAC",
        help="an edgekit import-iac snapshot, or the templates / cdk.out / terraform show -json",
    )
    p.add_argument("--parameter", action="append", default=[], metavar="K=V")
    p.add_argument("--account", help="account id of stacks whose environment is not fixed")
    p.add_argument("--region", default="us-east-1", help="region of such stacks (us-east-1)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument(
        "--fail-on-drift",
        action="store_true",
        help="exit 1 when a resource changed, is missing, or no IaC defines it",
    )
    p.add_argument("-o", "--output", help="write to this file instead of standard output")


def run(args: argparse.Namespace) -> int:
    """Compare; exit 1 with --fail-on-drift when anything drifted."""
    from edgekit import snapshot as snap
    from edgekit.iac.drift import drift

    live = snap.load(args.live)
    report = drift(live, _iac(args, live))
    _write(report, args.format, args.output)
    return 1 if args.fail_on_drift and report.drifted else 0


def _iac(args: argparse.Namespace, live: Snapshot) -> Snapshot:
    """The IaC side: a snapshot as given, or the inputs imported (in the live account when
    the live snapshot has only one and --account is not given)."""
    from edgekit import snapshot as snap
    from edgekit.commands.import_iac import parameters
    from edgekit.iac.build import import_iac

    if len(args.iac) == 1 and _is_snapshot(Path(args.iac[0])):
        iac = snap.load(args.iac[0])
        if not iac.source.startswith("iac"):
            raise InputError(f"{args.iac[0]}: not an IaC snapshot (source {iac.source!r})")
        return iac
    accounts = live.accounts()
    account = args.account or (accounts[0] if len(accounts) == 1 else None)
    imported, _notes = import_iac(
        args.iac, parameters=parameters(args.parameter), account=account, region=args.region
    )
    return imported


def _is_snapshot(path: Path) -> bool:
    """An edgekit snapshot (``.json[.gz]`` with its schema), not a template or a plan."""
    if path.name.endswith(".json.gz"):
        return True
    if not path.is_file() or path.suffix != ".json":
        return False
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(doc, dict) and str(doc.get("schema", "")).startswith("edgekit.snapshot/")


def _write(report: Drift, fmt: str, output: str | None) -> None:
    from edgekit.commands.drift_tables import emit

    emit(
        fmt,
        output,
        document=report.to_json,
        markdown=lambda: markdown(report),
        table=lambda out: _table(report, out),
    )


def _rows(report: Drift) -> dict[str, tuple[list[str], list[tuple[str, ...]]]]:
    return {
        "changed": (
            ["resource", "defined at", "field", "IaC", "live"],
            [
                (r.id, f"{r.file}: {r.logical_id}", f.path, f.iac, f.live)
                for r in report.changed
                for f in r.fields
            ],
        ),
        "missing (defined, not live)": (
            ["kind", "resource", "defined at"],
            [(r.kind, r.id, f"{r.file}: {r.logical_id}") for r in report.missing],
        ),
        "unmanaged (live, no IaC defines it)": (
            ["kind", "resource", "account", "region"],
            [(u.kind, u.id, u.account_id, u.region) for u in report.unmanaged],
        ),
        "managed by a stack not given": (
            ["kind", "resource", "stack"],
            [(u.kind, u.id, u.stack) for u in report.other_stacks],
        ),
    }


def _table(report: Drift, output: str | None) -> None:
    from edgekit.commands.drift_tables import Section, print_sections

    summary = report.to_json()["summary"]
    sections: list[Section] = [
        (
            "edgekit drift",
            ["", "count"],
            [(k.replace("_", " "), str(v)) for k, v in summary.items()],
        )
    ]
    sections += [(title, head, rows) for title, (head, rows) in _rows(report).items()]
    print_sections(sections, output)


def markdown(report: Drift) -> str:
    """The drift report as Markdown (every AWS / template string escaped)."""
    from edgekit.report.diff_md import table

    summary = report.to_json()["summary"]
    out = ["## edgekit drift", "", "| | count |", "|---|---|"]
    out += [f"| {k.replace('_', ' ')} | {v} |" for k, v in summary.items()]
    out.append("")
    for title, (head, rows) in _rows(report).items():
        if rows:
            out += [
                f"### {title[:1].upper()}{title[1:]} ({len(rows)})",
                "",
                *table(head, rows, len(rows)),
            ]
    if not report.drifted:
        out.append("In sync: every resource the IaC defines matches it live.")
    return "\n".join(out).rstrip("\n") + "\n"
