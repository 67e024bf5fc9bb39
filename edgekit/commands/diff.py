"""``edgekit diff BASE NEW``: what changed between two snapshots (resources, paths, findings)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from edgekit.errors import InputError

if TYPE_CHECKING:
    from edgekit.report.diff import SnapshotDiff
    from edgekit.snapshot import Snapshot

FORMATS = ("table", "json", "md")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit diff``."""
    p.add_argument("base", help="the snapshot before (e.g. live, or the IaC of the main branch)")
    p.add_argument("new", help="the snapshot after (e.g. the IaC of the pull request)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument(
        "--fail-on-new",
        metavar="SEVERITY",
        help="exit 1 when a new failing finding at or above this severity appears",
    )
    p.add_argument("-o", "--output", help="write to this file instead of standard output")


def run(args: argparse.Namespace) -> int:
    """Diff; exit 1 on new failing findings at/above --fail-on-new, 3 when a check raised."""
    from edgekit import snapshot as snap
    from edgekit.graph.estate import Estate
    from edgekit.report.diff import diff
    from edgekit.rules import runner
    from edgekit.rules.catalogue import load
    from edgekit.rules.context import CheckContext
    from edgekit.rules.finding import Severity

    try:
        threshold = Severity.parse(args.fail_on_new) if args.fail_on_new else None
    except ValueError as err:
        raise InputError(f"--fail-on-new: {err}") from None
    base, new = _aligned(snap.load(args.base), snap.load(args.new))
    estates = [Estate.from_snapshot(s) for s in (base, new)]
    registry = load()
    results = [runner.run(registry, CheckContext.from_estate(e)) for e in estates]
    result = diff(estates[0], estates[1], results[0].findings, results[1].findings)
    _write(result, args.format, args.output)
    for r, which in zip(results, ("base", "new"), strict=True):
        for e in r.errors:
            print(
                f"edgekit: {which}: check {e.check_id} raised on {e.resource_id}: {e.error}",
                file=sys.stderr,
            )
    if any(r.errors for r in results):
        return 3
    if threshold is not None and result.new_failing(threshold):
        return 1
    return 0


def _aligned(base: Snapshot, new: Snapshot) -> tuple[Snapshot, Snapshot]:
    """A bare IaC snapshot compared with a live one is overlaid on it first (docs/iac.md):
    its synthetic ids would otherwise match nothing, and everything else would look removed."""
    from edgekit.iac.build import overlay_on

    if new.source == "iac" and not base.source.startswith("iac"):
        print("edgekit: note: NEW is an IaC import: compared as overlaid on BASE", file=sys.stderr)
        return base, overlay_on(base, new)
    if base.source == "iac" and not new.source.startswith("iac"):
        print("edgekit: note: BASE is an IaC import: compared as overlaid on NEW", file=sys.stderr)
        return overlay_on(new, base), new
    return base, new


def _write(result: SnapshotDiff, fmt: str, output: str | None) -> None:
    from edgekit.commands.drift_tables import emit
    from edgekit.report.diff_md import markdown

    emit(
        fmt,
        output,
        document=result.to_json,
        markdown=lambda: markdown(result),
        table=lambda out: _table(result, out),
    )


def _table(result: SnapshotDiff, output: str | None) -> None:
    from edgekit.commands.drift_tables import Section, print_sections

    finding_head = ["severity", "status", "check", "resource", "message"]
    sections: list[Section] = [
        (
            "edgekit diff",
            ["change", "count"],
            [(k.replace("_", " "), str(v)) for k, v in result.summary().items()],
        ),
        *(
            (
                f"{title} findings",
                finding_head,
                [
                    (f.severity.label, f.status.value, f.check_id, f.resource.id, f.message)
                    for f in found
                ],
            )
            for title, found in (("new", result.new_findings), ("fixed", result.fixed_findings))
        ),
        (
            "paths changed",
            ["hostname", "what", "before", "after"],
            [(p.hostname, p.field, p.before, p.after) for p in result.paths_changed],
        ),
        ("entrypoints added", ["hostname"], [(h,) for h in result.entrypoints_added]),
        ("entrypoints removed", ["hostname"], [(h,) for h in result.entrypoints_removed]),
        ("resources added", ["kind", "id"], [(r.kind, r.id) for r in result.added]),
        ("resources removed", ["kind", "id"], [(r.kind, r.id) for r in result.removed]),
        (
            "resources changed",
            ["kind", "id", "field", "before", "after"],
            [(r.kind, r.id, c.field, c.before, c.after) for r in result.changed for c in r.changes],
        ),
    ]
    print_sections(sections, output)
