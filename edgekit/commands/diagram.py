"""``edgekit diagram``: architecture pictures of a snapshot (PNG and/or SVG).

Without ``--entrypoint`` it draws every entrypoint (up to ``--max-pictures``) and the
per-account overviews; ``--overview`` alone draws only the overviews; ``--after`` adds the
before/after picture of each simplification proposal. Pictures go to ``diagrams/<run-id>/``
(``<collected_at>-<content hash>``, deterministic) or ``-o DIR``; the written paths are printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edgekit.commands.inputs import add_limit_arguments, load_snapshot
from edgekit.commands.outputs import check_output_dir
from edgekit.errors import InputError
from edgekit.escape.terminal import clean

FORMATS = ("png", "svg")


def _formats(value: str) -> list[str]:
    chosen = [f.strip().lower() for f in value.split(",") if f.strip()]
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {','.join(bad) or value!r} (png, svg or png,svg)"
        )
    return list(dict.fromkeys(chosen))


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"not a count: {value!r}")
    return n


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit diagram``."""
    p.add_argument("snapshot", help="snapshot file (.json or .json.gz)")
    p.add_argument("--entrypoint", metavar="HOST|ID", help="draw this entrypoint only")
    p.add_argument("--overview", action="store_true", help="draw the per-account overviews")
    p.add_argument(
        "--after", action="store_true", help="add before/after pictures of the proposals"
    )
    p.add_argument(
        "--format", type=_formats, default=["png"], help="png, svg or png,svg (default png)"
    )
    p.add_argument("-o", "--output", metavar="DIR", help="folder (default diagrams/<run-id>/)")
    p.add_argument(
        "--max-pictures",
        type=_positive,
        default=None,
        metavar="N",
        help="entrypoint pictures drawn without --entrypoint (default 100)",
    )
    p.add_argument(
        "--colour-by",
        choices=("findings", "conformance"),
        default="findings",
        help="box colours: worst failing finding (default) or conformance to the house patterns",
    )
    p.add_argument(
        "--patterns",
        metavar="FILE",
        help="house patterns for --colour-by conformance (default: the bundled example)",
    )
    add_limit_arguments(p)


def run(args: argparse.Namespace) -> int:
    """Build the specs, draw them, print the written paths."""
    from edgekit.graph import Estate
    from edgekit.render import batch
    from edgekit.render.common import run_id
    from edgekit.render.findings import FindingIndex, run_checks

    check_output_dir(args.output)
    patterns = None
    if args.colour_by == "conformance":
        from edgekit.conform import load_patterns
        from edgekit.conform.schema import EXAMPLE_FILE

        patterns = load_patterns(args.patterns or EXAMPLE_FILE)
    elif args.patterns:
        raise InputError("--patterns needs --colour-by conformance")
    snapshot = load_snapshot(args)
    estate = Estate.from_snapshot(snapshot)
    if args.entrypoint is not None:
        estate.entry_node(args.entrypoint)  # unknown entrypoint: one-line error, exit 2
    index = FindingIndex.build(estate, run_checks(estate))
    selection = batch.select(
        estate,
        index,
        entrypoint=args.entrypoint,
        overview=args.overview,
        after=args.after,
        max_pictures=(
            batch.MAX_ENTRYPOINT_PICTURES if args.max_pictures is None else args.max_pictures
        ),
    )
    specs = list(selection.specs)
    if patterns is not None:
        from edgekit.conform import conform
        from edgekit.render.conformance import colour_by_conformance

        specs = colour_by_conformance(specs, conform(estate, patterns))
    out_dir = Path(args.output) if args.output else Path("diagrams") / run_id(snapshot)
    paths = batch.write(specs, out_dir, args.format)
    for path in paths:
        print(path)
    for note in selection.notes:
        print(clean(f"edgekit: {note}"), file=sys.stderr)
    issues = estate.model.coverage.model_errors
    for issue in issues:  # items left out: the pictures show the rest (a partial result)
        print(clean(f"edgekit: {issue.line()}"), file=sys.stderr)
    return 3 if issues else 0
