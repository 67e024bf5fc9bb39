"""The one entry point for collection from Python: :func:`collect`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from edgekit.aws.calls import CallRecorder
from edgekit.aws.cancel import Cancellation, CollectionInterruptedError
from edgekit.aws.session import ClientHook, SessionSpec
from edgekit.collect import cloudwatch
from edgekit.collect.execution import execute, not_run
from edgekit.collect.executors import as_executor
from edgekit.collect.registry import guarded, select
from edgekit.collect.runner import (
    CollectionResult,
    UnitResult,
    WorkUnit,
    assemble,
    payload_records,
    phases,
    plan_units,
)
from edgekit.collect.secrets import DigestKey
from edgekit.collect.targets import AccountAccess, enabled_regions, resolve_accounts
from edgekit.errors import InputError
from edgekit.snapshot import Target


def collect(
    session_spec: SessionSpec | None = None,
    *,
    regions: Sequence[str] | None = None,
    accounts: Sequence[str] = (),
    organization_accounts: Sequence[str] | None = None,
    role_name: str | None = None,
    collectors: Sequence[str] | None = None,
    executor: Executor | Any | None = None,
    workers: int = 8,
    progress: bool = True,
    hooks: tuple[ClientHook, ...] = (),
    source: str = "aws",
    digest_key: DigestKey | None = None,
    metrics_window: cloudwatch.MetricsWindow | None = None,
    before_phase: Callable[[Sequence[WorkUnit]], None] | None = None,
    cancel: Cancellation | None = None,
) -> CollectionResult:
    """Collect a snapshot, read-only.

    ``regions`` None means every region enabled for each account. ``accounts`` (or
    ``organization_accounts``) are reached with ``role_name``; a denied AssumeRole becomes a gap
    for that account. ``executor`` runs the work units: any ``concurrent.futures.Executor`` or a
    ``distributed.Client`` (see :mod:`edgekit.collect.executors`); a new thread pool of
    ``workers`` per phase when None. An executor passed in is not shut down here.
    ``digest_key`` keys the digests that replace secrets (:mod:`edgekit.collect.secrets`): one
    random key for the whole run when None.
    ``metrics_window`` sets the cloudwatch collector's window; ``before_phase`` sees each
    phase's units before they run (the CLI prints the metric-query estimate from it).

    ``cancel`` stops the run part-way (see :func:`edgekit.collect.execution.execute`): the result
    is then marked ``interrupted`` and every unit that did not complete, later phases
    included, is an ``Interrupted`` error of its snapshot. Cancelled while the accounts are
    still being reached (AssumeRole), it raises
    :class:`~edgekit.aws.cancel.CollectionInterruptedError`.
    """
    key = digest_key or DigestKey.random()
    cancel = cancel or Cancellation()
    pool = as_executor(executor)
    spec = guarded(session_spec or SessionSpec())
    recorder = CallRecorder()
    resolution = resolve_accounts(
        spec,
        accounts=accounts,
        role_name=role_name,
        recorder=recorder,
        organization_accounts=organization_accounts,
        cancel=cancel,
    )
    region_cache: dict[str, list[str]] = {}

    def regions_for(acc: AccountAccess) -> list[str]:
        if regions is not None:
            return list(regions)
        if acc.account_id not in region_cache:
            region_cache[acc.account_id] = enabled_regions(acc, recorder)
        return region_cache[acc.account_id]

    results: list[UnitResult] = []
    cancel.units_starting()
    for phase in phases(select(collectors)):
        prior = payload_records(results)
        if cancel.cancelled:  # list what this phase would have run, as not run
            units = plan_units(resolution.accounts, regions_for, phase, hooks, select=False)
            results.extend(not_run(u) for u in units)
            continue
        units = plan_units(resolution.accounts, regions_for, phase, hooks, prior, key)
        if metrics_window is not None:
            units = cloudwatch.configure(units, metrics_window)
        if before_phase is not None:
            before_phase(units)
        results.extend(execute(units, pool, workers=workers, progress=progress, cancel=cancel))
    targets = [Target(a.account_id, r) for a in resolution.accounts for r in regions_for(a)]
    targets += [Target(g.account_id, r) for g in resolution.gaps for r in (regions or [])]
    partition = resolution.accounts[0].partition if resolution.accounts else "aws"
    return assemble(
        results,
        targets=targets,
        partition=partition,
        extra_gaps=[g.to_json() for g in resolution.gaps],
        source=source,
        recorder=recorder,
        interrupted=cancel.cancelled,
    )


@contextmanager
def setup_errors_as_input_errors() -> Iterator[None]:
    """Turn botocore errors that escape collection set-up (ProfileNotFound, NoCredentialsError,
    an unreadable STS answer ...) into one-line :class:`~edgekit.errors.InputError` (exit 2).
    Errors inside work units never get here: they are recorded per unit. An interruption
    (:class:`~edgekit.aws.cancel.CollectionInterruptedError`) is not an input error: it passes."""
    try:
        yield
    except CollectionInterruptedError:
        raise
    except (BotoCoreError, ClientError) as err:
        raise InputError(f"collect: {err}") from None
