"""``edgekit collect`` and ``edgekit iam-policy``."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from edgekit.endpoints import is_loopback_url
from edgekit.errors import InputError

if TYPE_CHECKING:
    from edgekit.aws.cancel import Cancellation
    from edgekit.collect.runner import CollectionResult

INTERRUPTED_EXIT = 130
"""Exit code after Ctrl-C (128 + SIGINT), with or without ``--keep-partial``."""


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
        help="where work units run: 'threads' (default), dask://127.0.0.1:PORT (a local Dask "
        "scheduler) or tls://HOST:PORT (a remote one over TLS: units carry credentials); "
        "needs edgekit[dask]",
    )
    p.add_argument(
        "--collectors", help="comma-separated collector ids to run (default: all); see --list"
    )
    p.add_argument(
        "--no-metrics",
        action="store_true",
        help="skip CloudWatch metrics (the cloudwatch collector)",
    )
    p.add_argument(
        "--metrics-days", type=int, default=14, help="days of metrics to read (default 14)"
    )
    p.add_argument(
        "--metrics-period",
        type=int,
        default=3600,
        help="seconds per metric datapoint (default 3600, a multiple of 60)",
    )
    p.add_argument(
        "--metrics-end",
        help="end of the metrics window, ISO 8601 (default: now; the sandbox's sample estate "
        "prints its own)",
    )
    p.add_argument(
        "--prices",
        action="store_true",
        help="also read the day's list prices (pricing:GetProducts, us-east-1) for edgekit plan",
    )
    p.add_argument("--strict", action="store_true", help="exit 3 when any read was denied (gaps)")
    p.add_argument(
        "--keep-partial",
        action="store_true",
        help="on Ctrl-C, still write what was collected (units not run are listed as "
        "'Interrupted' errors); default: write nothing and leave -o as it was",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar, no summary table")
    p.add_argument(
        "-o", "--output", required=True, help="snapshot file to write (.json or .json.gz)"
    )


def run(args: argparse.Namespace) -> int:
    """Collect, write the snapshot atomically, print a summary; return the exit code."""
    from edgekit.collect.api import setup_errors_as_input_errors

    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    check_output_path(args.output)
    with setup_errors_as_input_errors():
        return _collect(args)


def check_output_path(value: str) -> None:
    """Refuse, before collecting anything, an output path the snapshot cannot be written to."""
    if not value or not value.strip():
        raise InputError("-o/--output: empty path")
    path = Path(value)
    if path.is_dir():
        raise InputError(f"-o/--output: {value} is a directory; give a snapshot file name")
    if path.exists() and not os.access(path, os.W_OK):
        raise InputError(f"-o/--output: {value} is not writable")
    parent = path.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"-o/--output: cannot create files in {parent}")


def _collect(args: argparse.Namespace) -> int:
    from edgekit import snapshot as snap
    from edgekit.aws.cancel import Cancellation, CollectionInterruptedError
    from edgekit.aws.session import SessionSpec, TemporaryCredentials
    from edgekit.collect.api import collect
    from edgekit.collect.cloudwatch import MetricsWindow, print_metric_estimate
    from edgekit.collect.executors import make_executor
    from edgekit.collect.registry import collector_ids
    from edgekit.collect.secrets import DigestKey
    from edgekit.collect.targets import organization_account_ids, parse_regions

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
    digest_key = DigestKey.from_environment()
    window = MetricsWindow(args.metrics_days, args.metrics_period, args.metrics_end)
    try:
        window.validate()
    except ValueError as err:
        raise InputError(str(err)) from None
    if args.no_metrics:
        collectors = [c for c in collectors or collector_ids() if c != "cloudwatch"]
    if args.prices:
        collectors = [*(collectors or collector_ids()), "pricing"]
    cancel = Cancellation()
    pool = make_executor(args.executor, args.workers)
    try:
        with sigint_cancels(cancel):
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
                digest_key=digest_key,
                metrics_window=window,
                before_phase=None if args.quiet else print_metric_estimate,
                cancel=cancel,
            )
    except CollectionInterruptedError:
        print(
            f"edgekit collect: interrupted before any unit ran; nothing written, "
            f"{args.output} left as it was",
            file=sys.stderr,
        )
        return INTERRUPTED_EXIT
    except ValueError as err:
        raise InputError(str(err)) from None
    finally:
        pool.shutdown(wait=not cancel.cancelled, cancel_futures=cancel.cancelled)
    if result.interrupted:
        return _interrupted(result, args)
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


def _interrupted(result: CollectionResult, args: argparse.Namespace) -> int:
    """After Ctrl-C: write the partial snapshot only with ``--keep-partial``; exit 130 at once
    (threads still waiting on a request are not waited for)."""
    from edgekit import snapshot as snap

    stopped = result.interrupted_units
    if args.keep_partial:
        path = snap.write(result.snapshot, args.output)
        print(
            f"edgekit collect: interrupted; wrote the PARTIAL snapshot {path}: "
            f"{result.units - stopped} of {result.units} units done, {stopped} interrupted "
            f"(listed as 'Interrupted' errors), {result.failed_units} failed",
            file=sys.stderr,
        )
    else:
        print(
            f"edgekit collect: interrupted ({stopped} of {result.units} units not done); "
            f"nothing written, {args.output} left as it was (--keep-partial writes what was "
            "collected)",
            file=sys.stderr,
        )
    if any(
        t.is_alive() and not t.daemon
        for t in threading.enumerate()
        if t is not threading.main_thread()
    ):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(INTERRUPTED_EXIT)
    return INTERRUPTED_EXIT


@contextmanager
def sigint_cancels(cancel: Cancellation) -> Iterator[None]:
    """While collecting: the first Ctrl-C (SIGINT) cancels the run gracefully, a second one
    exits at once (130). Before any work unit runs (credentials, AssumeRole) there is nothing to
    keep: Ctrl-C then interrupts at once (KeyboardInterrupt). Outside the main thread (no signal
    handlers there) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        if not cancel.units_started:
            raise KeyboardInterrupt
        if cancel.cancelled:
            os.write(2, b"\nedgekit collect: interrupted again: exiting now\n")
            os._exit(INTERRUPTED_EXIT)
        cancel.cancel()
        os.write(
            2,
            b"\nedgekit collect: interrupted: starting no more units, stopping the running "
            b"ones (Ctrl-C again to exit at once)\n",
        )

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


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
