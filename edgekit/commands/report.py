"""``edgekit report``: run a report notebook on a snapshot with papermill.

``NOTEBOOK`` is a path or a bundled name (``edge_report``, ``explore``, ``migration_review``).
``-p NAME VALUE`` values are converted to the type the notebook's ``parameters`` cell declares;
unknown, missing or ill-typed parameters, and values naming nothing in the snapshot (an
entrypoint, account or proposal id), are refused before anything runs (exit 2). Outputs go
to ``DIR/reports/<run-id>/`` (the executed notebook and its HTML export without code cells)
and ``DIR/diagrams/<run-id>/``; ``DIR`` defaults to the working directory. A failing cell
exits 1, naming the cell; the executed notebook is kept for inspection.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from edgekit.commands.inputs import add_limit_arguments, limits
from edgekit.commands.outputs import check_output_dir
from edgekit.errors import InputError
from edgekit.escape.terminal import clean

BUNDLED_HELP = {
    "edge_report": (
        "previous_snapshot, suppress_file, min_severity, top_n, max_rows, max_diagrams, "
        "max_overviews, patterns_file, history_dir"
    ),
    "conformance": "patterns_file, max_rows",
    "explore": "hostname, area, min_severity, account",
    "migration_review": "target (required: a proposal id or an entrypoint hostname)",
}
"""The bundled notebooks and their parameters besides ``snapshot`` (a test keeps it current)."""
SUPPRESS_PARAMETER = "suppress_file"
"""The notebook parameter ``--suppress FILE`` sets."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit report``."""
    p.description = (
        "Execute a report notebook with papermill; write the executed notebook and an HTML "
        "export without code to DIR/reports/<run-id>/. Exit 2 on bad parameters (before "
        "anything runs), 1 when a cell fails, 3 when items of the snapshot were unreadable (left "
        "out, named on stderr; the rest is reported)."
    )
    p.epilog = "bundled notebooks (parameters): " + "; ".join(
        f"{name} ({params})" for name, params in BUNDLED_HELP.items()
    )
    p.add_argument("notebook", help="notebook file, or a bundled name: edge_report, explore, ...")
    p.add_argument("snapshot", help="snapshot file (.json or .json.gz)")
    p.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="a parameter of the notebook (repeatable); 'none' for an optional one",
    )
    p.add_argument(
        "-o", "--output", default=".", metavar="DIR", help="folder for reports/ and diagrams/"
    )
    p.add_argument(
        "--suppress",
        metavar="FILE",
        help="TOML suppression file (as for edgekit scan): the notebook's suppress_file parameter",
    )
    p.add_argument("--no-html", action="store_true", help="skip the HTML export")
    p.add_argument(
        "--timestamp",
        action="store_true",
        help="add the run time to the run id (keeps every run of an unchanged snapshot)",
    )
    p.add_argument("--kernel", help="Jupyter kernel (default: edgekit, else python3)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_limit_arguments(p)


def run(args: argparse.Namespace) -> int:
    """Validate, execute, export; print the written paths."""
    from edgekit.report import params as prm
    from edgekit.report.run import ReportFailedError, declared_parameters, run_report

    check_output_dir(args.output)
    spec = declared_parameters(args.notebook)
    given: dict[str, object] = {}
    for name, value in args.parameter:
        if name in given:
            raise InputError(f"-p {name}: given twice")
        if name not in spec:
            known = ", ".join(spec) or "none"
            raise prm.ParameterError(
                f"-p {name}: the notebook declares no such parameter{prm.name_hint(name, spec)} "
                f"({known})"
            )
        given[name] = spec[name].parse(value)
    if args.suppress is not None:
        if SUPPRESS_PARAMETER not in spec:
            raise prm.ParameterError(
                f"--suppress: the notebook declares no {SUPPRESS_PARAMETER!r} parameter"
            )
        if SUPPRESS_PARAMETER in given:
            raise InputError(f"--suppress and -p {SUPPRESS_PARAMETER}: give one of them")
        given[SUPPRESS_PARAMETER] = args.suppress
    when = dt.datetime.now(dt.UTC) if args.timestamp else None
    try:
        result = run_report(
            args.notebook,
            args.snapshot,
            given,
            args.output,
            html=not args.no_html,
            timestamp=when,
            kernel=args.kernel,
            progress=not args.quiet,
            limits=limits(args),
        )
    except ReportFailedError as err:
        print(clean(f"edgekit: report failed: {err}"), file=sys.stderr)
        return 1
    print(result.notebook)
    if result.html is not None:
        print(result.html)
    if result.diagrams_dir.is_dir():
        print(result.diagrams_dir)
    print(f"edgekit: report {result.run_id} in {result.seconds:.1f}s", file=sys.stderr)
    for line in result.model_errors:
        print(clean(f"edgekit: {line}"), file=sys.stderr)
    return 3 if result.model_errors else 0
