"""``edgekit demo``: the whole pipeline on the bundled sample estate, offline.

Starts the sandbox seeded with the Northwind sample estate (three accounts, two regions),
collects it read-only the way ``edgekit collect --accounts ... --role-name EdgekitReadOnly``
does, writes the snapshot, scans (JSON / SARIF / CSV), plans (JSON / Markdown), draws every
diagram, runs the edge report notebook, and prints where each output is. Everything lands under
``DIR`` (default: the working directory)::

    DIR/snapshots/sample.json.gz
    DIR/reports/demo/      edge_report.html and .ipynb, findings.*, proposals.*, tables (CSV)
    DIR/diagrams/demo/     one SVG per entrypoint, account overviews, before/after, index.json

Idempotent: the ``demo`` folders are replaced on every run, so nothing accumulates.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from edgekit.commands.outputs import check_output_dir
from edgekit.escape.terminal import clean

RUN_NAME = "demo"
NOTEBOOK = "edge_report"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit demo``."""
    p.add_argument(
        "-o",
        "--output",
        default=".",
        metavar="DIR",
        help="folder for snapshots/, reports/ and diagrams/ (default: the working directory)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bars")


class _Steps:
    """Prints each step with its duration."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.times: list[tuple[str, float]] = []

    def run(self, title: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        print(f"edgekit demo: {title} …", file=sys.stderr, flush=True)
        t = time.monotonic()
        out = fn(*args, **kwargs)
        self.times.append((title, time.monotonic() - t))
        return out

    @property
    def total(self) -> float:
        return time.monotonic() - self.started


def run(args: argparse.Namespace) -> int:
    """Run the pipeline; print the outputs table; 1 when the report failed."""
    from edgekit.sandbox.requirements import require_sandbox

    require_sandbox("demo")
    from edgekit import snapshot as snap
    from edgekit.report import Report
    from edgekit.report.pictures import draw_all
    from edgekit.report.run import ReportFailedError, run_report

    check_output_dir(args.output)
    base = Path(args.output).resolve()
    reports = base / "reports" / RUN_NAME
    diagrams = base / "diagrams" / RUN_NAME
    snapshot_path = base / "snapshots" / "sample.json.gz"
    steps = _Steps()
    for folder in (reports, diagrams):  # idempotent: a run leaves exactly its own files
        shutil.rmtree(folder, ignore_errors=True)
    result = steps.run("sandbox + sample estate + collection", _collect, not args.quiet)
    steps.run("snapshot", snap.write, result.snapshot, snapshot_path)
    rep = Report.open(snapshot_path, reports, diagrams)
    outputs = steps.run("scan + plan", rep.outputs)
    pictures = steps.run("diagrams", draw_all, rep)
    conformance = steps.run("conformance to the house patterns", _conform, rep, reports)
    try:
        report = steps.run(
            "edge report (papermill)",
            run_report,
            NOTEBOOK,
            snapshot_path,
            {},
            base,
            progress=not args.quiet,
            run_name=RUN_NAME,
        )
    except ReportFailedError as err:
        print(clean(f"edgekit: report failed: {err}"), file=sys.stderr)
        return 1
    for note in rep.notes:  # run_report has printed its own notes
        print(clean(f"edgekit: {note}"), file=sys.stderr)
    _table(result, snapshot_path, outputs, pictures, report, rep, steps, conformance)
    return 0


def _conform(rep: Any, reports: Path) -> tuple[Path, str]:
    """The estate against the bundled example patterns: ``conformance.json`` and the summary."""
    from edgekit.commands.conform import summary_line
    from edgekit.conform import conform, load_patterns
    from edgekit.conform.result import document, to_json
    from edgekit.conform.schema import EXAMPLE_FILE

    found = conform(rep.estate, load_patterns(EXAMPLE_FILE))
    path = reports / "conformance.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_json(document(found, rep.snapshot.meta())), encoding="utf-8")
    return path, summary_line(found)


def _collect(progress: bool) -> Any:
    """Seed the sample estate into a fresh sandbox and collect it (fake credentials)."""
    from edgekit.aws.session import SessionSpec, TemporaryCredentials
    from edgekit.collect.api import collect
    from edgekit.collect.cloudwatch import MetricsWindow
    from edgekit.sandbox.server import start

    with start(port=0, seed="sample") as sandbox:
        info = sandbox.sample_info
        assert info is not None
        print(
            f"edgekit demo: same as: edgekit collect --endpoint-url {sandbox.url} --accounts "
            f"{','.join(info.accounts)} --role-name {info.role_name} --regions "
            f"{','.join(info.regions)} --metrics-end {info.metrics_end} "
            "-o snapshots/sample.json.gz",
            file=sys.stderr,
        )
        spec = SessionSpec(endpoint_url=sandbox.url, max_attempts=2).with_credentials(
            TemporaryCredentials("testing", "testing")
        )
        return collect(
            spec,
            accounts=list(info.accounts),
            role_name=info.role_name,
            regions=list(info.regions),
            progress=progress,
            source="sandbox",
            metrics_window=MetricsWindow(end=info.metrics_end or None),
        )


def _table(
    result: Any,
    snapshot_path: Path,
    outputs: dict[str, Path],
    pictures: list[Path],
    report: Any,
    rep: Any,
    steps: _Steps,
    conformance: tuple[Path, str],
) -> None:
    """The outputs, where they are, and the timings."""
    from rich.console import Console
    from rich.table import Table

    summary = rep.summary()
    table = Table(title=f"edgekit demo — done in {steps.total:.0f}s", title_justify="left")
    table.add_column("output")
    table.add_column("where", overflow="fold")
    table.add_row(
        "snapshot",
        f"{snapshot_path}  ({result.units} units, {len(result.snapshot.gaps)} gaps, "
        f"{result.total_calls} API calls)",
    )
    table.add_row("edge report (HTML)", str(report.html))
    table.add_row("executed notebook", str(report.notebook))
    table.add_row(
        "findings",
        f"{outputs['findings.json']} (+ .csv, .sarif)  — {summary['failing']} failing, "
        f"{summary['unknown']} unknown",
    )
    table.add_row(
        "proposals",
        f"{outputs['proposals.md']} (+ .json)  — {summary['proposals']}, "
        f"${summary['monthly_savings_usd']:,.2f}/month",
    )
    table.add_row("conformance", f"{conformance[0]} (house patterns: summary below)")
    svgs = [p for p in pictures if p.suffix == ".svg"]
    table.add_row("diagrams", f"{rep.diagrams_dir}/  ({len(svgs)} SVG, index.json)")
    table.add_row("tables (CSV)", f"{report.run_dir}/*.csv")
    console = Console(file=sys.stdout, width=max(100, Console().width))
    console.print(table)
    console.print(f"house patterns: {conformance[1]}", soft_wrap=True)
    console.print(
        "timings: " + ", ".join(f"{t} {s:.1f}s" for t, s in steps.times),
        style="dim",
    )
    console.print(f"open: file://{report.html}")
