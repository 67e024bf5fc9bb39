"""``edgekit scan``: run the check catalogue over a snapshot."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from edgekit.commands.inputs import add_limit_arguments, load_snapshot
from edgekit.commands.outputs import check_output_file, write_output
from edgekit.errors import InputError, did_you_mean
from edgekit.escape.terminal import clean
from edgekit.rules.finding import Finding, Severity, Status

FORMATS = ("table", "json", "csv", "sarif", "ocsf", "asff")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit scan``."""
    p.add_argument("snapshot", help="snapshot file (.json or .json.gz)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument(
        "--min-severity", default="info", help="hide findings below this severity (default info)"
    )
    p.add_argument(
        "--fail-on",
        help="exit 1 when a failing finding at or above this severity remains (default: never)",
    )
    p.add_argument(
        "--checks",
        help="comma-separated check ids or globs, any case (default: all; an empty item or one "
        "matching no check is an error)",
    )
    p.add_argument("--suppress", help="TOML suppression file")
    p.add_argument(
        "--entrypoint",
        action="append",
        metavar="HOST",
        help="only findings on the paths of this hostname (repeatable; globs such as "
        "'*.example.com'); a value matching no hostname is an error with the closest names",
    )
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    add_limit_arguments(p)


def _severity(value: str, flag: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as err:
        raise InputError(f"{flag}: {err}") from None


def run(args: argparse.Namespace) -> int:
    """Scan; exit 1 on findings at/above --fail-on, 3 when a check raised or an item of the
    snapshot could not be read (the rest is still scanned)."""
    from edgekit.model import parse
    from edgekit.rules import formats, runner, suppress
    from edgekit.rules.catalogue import load
    from edgekit.rules.context import CheckContext
    from edgekit.rules.entrypoints import on_hosts

    check_output_file(args.output)
    min_sev = _severity(args.min_severity, "--min-severity")
    fail_on = _severity(args.fail_on, "--fail-on") if args.fail_on else None
    snapshot = load_snapshot(args)
    try:
        registry = load().select(None if args.checks is None else args.checks.split(","))
    except ValueError as err:
        raise InputError(str(err)) from None
    sups = suppress.load(args.suppress) if args.suppress else []
    ctx = CheckContext(parse(snapshot), snapshot=snapshot)
    hosts = ctx.estate.entrypoint_index.select(args.entrypoint) if args.entrypoint else None
    result = runner.run(registry, ctx)
    applied = suppress.apply(result.findings, sups, dt.datetime.now(dt.UTC).date())
    shown = [f for f in applied.kept if f.severity >= min_sev]
    if hosts is not None:
        shown = on_hosts(shown, hosts)

    if args.format == "json":
        doc = formats.findings_document(result, applied, snapshot.meta(), shown)
        if hosts is not None:
            doc["entrypoint_filter"] = {
                "patterns": list(args.entrypoint),
                "hostnames": sorted(hosts),
            }
        text = formats.to_json(doc)
    elif args.format == "csv":
        text = formats.to_csv(shown)
    elif args.format == "sarif":
        from edgekit.iac.locations import locations

        uri = Path(args.snapshot).name
        sources = locations(snapshot) if snapshot.source.startswith("iac") else None
        sarif = formats.to_sarif(shown, registry, uri, sources)
        text = json.dumps(sarif, indent=2, sort_keys=True) + "\n"
    elif args.format in ("ocsf", "asff"):
        from edgekit.commands.exports import export_text

        text = export_text(args.format, shown, snapshot.meta())
    else:
        text = ""
    if args.format == "table":
        from edgekit.commands.tables import print_findings
        from edgekit.graph.labels import resource_label

        estate = ctx.estate
        print_findings(
            shown,
            result,
            applied,
            snapshot.meta(),
            output=args.output,
            label=lambda rid: resource_label(estate.resource_attrs(rid), rid),
            hosts_first=hosts or (),
        )
    elif args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(text)

    for failure in result.errors:
        print(
            clean(
                f"edgekit: check {failure.check_id} raised on {failure.resource_id}: "
                f"{failure.error}"
            ),
            file=sys.stderr,
        )
    for s in applied.expired:
        print(
            clean(
                f"edgekit: suppression expired on {s.until}: {s.check} {s.resource} ({s.reason})"
            ),
            file=sys.stderr,
        )
    for s in applied.unused:
        hint = "" if registry.matches(s.check) else did_you_mean(s.check, registry.ids())
        print(
            clean(
                f"edgekit: suppression matched no finding: {s.check} {s.resource} "
                f"({s.reason}){hint}"
            ),
            file=sys.stderr,
        )
    for issue in result.model_errors:
        print(clean(f"edgekit: {issue.line()}"), file=sys.stderr)
    if result.partial:
        return 3
    if fail_on is not None and _any_failing(applied.kept, fail_on):
        return 1
    return 0


def _any_failing(findings: list[Finding], threshold: Severity) -> bool:
    return any(f.status is Status.FAIL and f.severity >= threshold for f in findings)
