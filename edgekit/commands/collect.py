"""``edgekit collect`` and ``edgekit iam-policy``."""

from __future__ import annotations

import argparse
import json
import sys

from edgekit.endpoints import is_loopback_url
from edgekit.errors import InputError


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit collect``."""
    p.add_argument("--profile", help="named AWS profile (default: the standard credential chain)")
    p.add_argument(
        "--regions", help="comma-separated regions, or 'all' (default: every enabled region)"
    )
    who = p.add_mutually_exclusive_group()
    who.add_argument("--accounts", help="comma-separated account ids (needs --role-name)")
    who.add_argument("--org", action="store_true", help="every active account of the organisation")
    p.add_argument("--role-name", help="role to assume in each account (read-only)")
    p.add_argument("--endpoint-url", help="send every call to this endpoint (the sandbox)")
    p.add_argument("--workers", type=int, default=8, help="concurrent work units (default 8)")
    p.add_argument(
        "--executor",
        help="where work units run: 'threads' (default) or dask://HOST:PORT (a Dask scheduler; "
        "needs edgekit[dask])",
    )
    p.add_argument(
        "--collectors", help="comma-separated collector ids to run (default: all); see --list"
    )
    p.add_argument(
        "--prices",
        action="store_true",
        help="also read the day's list prices (pricing:GetProducts, us-east-1) for edgekit plan",
    )
    p.add_argument("--strict", action="store_true", help="exit 3 when any read was denied (gaps)")
    p.add_argument("--quiet", action="store_true", help="no progress bar, no summary table")
    p.add_argument(
        "-o", "--output", required=True, help="snapshot file to write (.json or .json.gz)"
    )


def run(args: argparse.Namespace) -> int:
    """Collect, write the snapshot atomically, print a summary; return the exit code."""
    from edgekit import snapshot as snap
    from edgekit.aws.session import SessionSpec, TemporaryCredentials
    from edgekit.collect.api import collect
    from edgekit.collect.executors import make_executor
    from edgekit.collect.targets import organization_account_ids, parse_regions

    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    spec = SessionSpec(profile=args.profile, endpoint_url=args.endpoint_url)
    sandbox = bool(args.endpoint_url and is_loopback_url(args.endpoint_url))
    if sandbox and not _has_credentials(spec):
        # The sandbox accepts any credentials; spare users a fake profile.
        spec = spec.with_credentials(TemporaryCredentials("testing", "testing"))
    regions = parse_regions(args.regions)
    accounts = [a.strip() for a in (args.accounts or "").split(",") if a.strip()]
    for a in accounts:
        if not (a.isdigit() and len(a) == 12):
            raise InputError(f"--accounts: {a!r} is not a 12-digit account id")
    org_accounts = organization_account_ids(spec) if args.org else None
    collectors = [c.strip() for c in args.collectors.split(",")] if args.collectors else None
    if args.prices:
        from edgekit.collect.registry import ALL

        collectors = [*(collectors or [c.id for c in ALL]), "pricing"]
    try:
        with make_executor(args.executor, args.workers) as pool:
            result = collect(
                spec,
                regions=regions,
                accounts=accounts,
                organization_accounts=org_accounts,
                role_name=args.role_name,
                collectors=collectors,
                executor=pool,
                workers=args.workers,
                progress=not args.quiet,
                source="sandbox" if sandbox else "aws",
            )
    except ValueError as err:
        raise InputError(str(err)) from None
    path = snap.write(result.snapshot, args.output)
    if not args.quiet:
        from edgekit.commands.summary import print_collection_summary

        print_collection_summary(result)
    failed = result.failed_units
    gaps = len(result.snapshot.gaps)
    print(
        f"wrote {path}: {result.units} units, {failed} failed, {gaps} gaps, "
        f"{result.total_calls} API calls",
        file=sys.stderr,
    )
    if failed or (args.strict and gaps):
        return 3
    return 0


def _has_credentials(spec: object) -> bool:
    from edgekit.aws.session import SessionSpec

    assert isinstance(spec, SessionSpec)
    return spec.session().get_credentials() is not None


def run_iam_policy(args: argparse.Namespace) -> int:
    """Print the least-privilege read-only IAM policy the collectors declare."""
    from edgekit.aws.iam import policy_document
    from edgekit.collect.registry import declared_actions

    print(json.dumps(policy_document(declared_actions()), indent=2))
    return 0
