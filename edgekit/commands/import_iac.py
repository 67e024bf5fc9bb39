"""``edgekit import-iac``: CloudFormation / CDK templates -> a snapshot (``source: "iac"``)."""

from __future__ import annotations

import argparse
import sys

from edgekit.errors import InputError


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit import-iac``."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="templates, cdk.out folders")
    p.add_argument("--base", help="live snapshot to overlay the IaC on")
    p.add_argument(
        "--parameter",
        action="append",
        default=[],
        metavar="K=V",
        help="CloudFormation parameter value (repeatable; overrides the template's default)",
    )
    p.add_argument("--account", help="account id of stacks whose environment is not fixed")
    p.add_argument("--region", default="us-east-1", help="region of such stacks (us-east-1)")
    p.add_argument("-o", "--output", required=True, help="snapshot file to write (.json[.gz])")


def parameters(values: list[str]) -> dict[str, str]:
    """``--parameter K=V`` values as a mapping (a malformed one is an input error)."""
    out: dict[str, str] = {}
    for v in values:
        key, sep, value = v.partition("=")
        if not sep or not key:
            raise InputError(f"--parameter {v!r}: expected K=V")
        out[key] = value
    return out


def run(args: argparse.Namespace) -> int:
    """Import; exit 0, or 3 when some values stayed unresolved (written as gaps)."""
    from edgekit import snapshot as snap
    from edgekit.iac.build import import_iac

    if args.account is not None and not (args.account.isdigit() and len(args.account) == 12):
        raise InputError(f"--account {args.account!r}: expected a 12-digit account id")
    base = snap.load(args.base) if args.base else None
    snapshot, notes = import_iac(
        args.paths,
        parameters=parameters(args.parameter),
        base=base,
        account=args.account,
        region=args.region,
    )
    snap.write(snapshot, args.output)
    for note in notes:
        print(f"edgekit: note: {note}", file=sys.stderr)
    unresolved = [g for g in snapshot.gaps if g.get("error_code") == "IacUnresolved"]
    for g in unresolved:
        print(f"edgekit: unresolved: {g['message']}", file=sys.stderr)
    items = sum(
        len(v) for p in snapshot.payloads for v in p["data"].values() if isinstance(v, list)
    )
    print(
        f"edgekit: wrote {args.output} ({items} items, {len(unresolved)} unresolved values)",
        file=sys.stderr,
    )
    return 0
