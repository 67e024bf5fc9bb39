"""Running work units on an executor, with progress, and stopping part-way.

A :class:`~edgekit.aws.cancel.Cancellation` stops a run (:func:`execute`): no unit is started
any more, units running on threads of this process stop at their next request, each running
unit gets a short grace period, and every unit that did not complete comes back as an
``Interrupted`` error (recorded in the snapshot's ``errors``).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from dataclasses import replace

from edgekit.aws.cancel import INTERRUPTED, Cancellation
from edgekit.collect.runner import UnitResult, WorkUnit, error_record, run_unit

GRACE_SECONDS = 5.0
"""How long an interrupted run waits for its running units before leaving them behind."""
POLL_SECONDS = 0.2


def execute(
    units: Sequence[WorkUnit],
    executor: Executor | None = None,
    *,
    workers: int = 8,
    progress: bool = True,
    cancel: Cancellation | None = None,
    grace: float = GRACE_SECONDS,
) -> list[UnitResult]:
    """Run units on ``executor`` (a new thread pool of ``workers`` when None), with progress.

    Once ``cancel`` is set (or Ctrl-C raises KeyboardInterrupt here) no further unit starts;
    units running on threads of this process stop at their next request; each unit is waited
    for at most ``grace`` seconds more. Units that did not complete come back as ``Interrupted``
    errors. A KeyboardInterrupt is re-raised after that wind-down.
    """
    from tqdm.auto import tqdm

    own = executor is None
    pool: Executor = executor or ThreadPoolExecutor(max_workers=max(1, workers))
    cancel = cancel or Cancellation()
    results: list[UnitResult] = []
    interrupted_by_keyboard = False
    try:
        if cancel.cancelled:
            return [not_run(u) for u in units]
        in_process = isinstance(pool, ThreadPoolExecutor)
        futures: dict[Future[UnitResult], WorkUnit] = {
            pool.submit(
                run_unit, replace(u, hooks=(*u.hooks, cancel.install)) if in_process else u
            ): u
            for u in units
        }
        pending = set(futures)
        with tqdm(total=len(futures), desc="collect", unit="unit", disable=not progress) as bar:
            try:
                while pending and not cancel.cancelled:
                    done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                    for fut in done:
                        res = fut.result()
                        results.append(res)
                        bar.set_postfix_str(f"{res.collector} {res.account_id} {res.region}", False)
                        bar.update(1)
            except KeyboardInterrupt:
                cancel.cancel()
                interrupted_by_keyboard = True
            results.extend(_wind_down(pending, futures, grace))
    finally:
        if own:
            pool.shutdown(wait=not cancel.cancelled, cancel_futures=True)
    if interrupted_by_keyboard:
        raise KeyboardInterrupt
    return results


def _wind_down(
    pending: set[Future[UnitResult]], futures: dict[Future[UnitResult], WorkUnit], grace: float
) -> list[UnitResult]:
    """After a cancellation: drop the units not started, give the running ones ``grace``
    seconds, and report every unit that did not complete as interrupted."""
    if not pending:
        return []
    never = [f for f in pending if f.cancel()]
    done, lingering = wait(pending - set(never), timeout=grace)
    out = [not_run(futures[f]) for f in never]
    out += [f.result() for f in done]
    out += [
        _interrupted(futures[f], "", "still running when the collection stopped; not waited for")
        for f in lingering
    ]
    return out


def not_run(unit: WorkUnit) -> UnitResult:
    """The result of a unit an interrupted run never started."""
    return _interrupted(unit, "", "not run: the collection was interrupted")


def _interrupted(unit: WorkUnit, operation: str, message: str) -> UnitResult:
    return UnitResult(
        collector=unit.collector,
        account_id=unit.account.account_id,
        region=unit.region,
        data=None,
        error=error_record(unit, operation, INTERRUPTED, message),
    )
