"""The result files of a report run, written by ``edgekit report`` while its kernel starts.

A report notebook's first cell opens a :class:`~edgekit.report.data.Report` and reads the scan
(``findings.json`` …, :mod:`edgekit.report.cache`). ``edgekit report`` has already read and
parsed the snapshot before any kernel exists (to fail early on a bad one): with
:func:`results_ahead` it also builds the graph, scans, plans and writes the result files, in a
thread, while papermill starts the kernel and the kernel imports its libraries and reads the
snapshot for its own tables — two processes, two cores. The kernel's report waits on the run
folder's lock (:func:`edgekit.report.cache.locked`) and then reads the files instead of
computing them again.

The lock is taken before the kernel starts, so the kernel can never start computing too; it
is released by the thread when the files are written or when it failed. A failure is never
silent: the kernel then computes the files itself (the same code, the same error if the error
is in the data), and the failure is a note of the run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from edgekit.graph import Estate
from edgekit.model import Inventory
from edgekit.report import cache
from edgekit.report.data import Report
from edgekit.snapshot import Snapshot

if TYPE_CHECKING:
    from filelock import BaseFileLock

READS_RESULTS = "reads_results"
"""Key of a notebook's ``edgekit`` metadata: true when its report reads the result files (the
edge report, explore, migration review; not the conformance notebook), so that
``edgekit report`` writes them ahead of the kernel."""


@dataclass(frozen=True)
class Inputs:
    """What the kernel's report will be opened with (the notebook's ``Report.open`` call)."""

    snapshot: Snapshot
    model: Inventory
    snapshot_path: Path
    run_dir: Path
    diagrams_dir: Path
    suppress_file: Path | None = None


@dataclass
class Ahead:
    """The outcome of writing the result files ahead: seconds taken, or the failure."""

    seconds: float | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    """What the run should report (a failure)."""


@contextmanager
def results_ahead(inputs: Inputs) -> Iterator[Ahead]:
    """Write the result files of ``inputs.run_dir`` in a thread while the body runs (the
    kernel); the thread is joined before this returns, so the files are complete (or the
    failure recorded) when the body is done — also when it raised an error, but not on
    Ctrl-C (``KeyboardInterrupt``), which leaves at once."""
    outcome = Ahead()
    lock = cache.folder_lock(inputs.run_dir)
    lock.acquire()  # before the kernel exists: its report waits for these files
    worker = threading.Thread(
        target=_write, args=(inputs, lock, outcome), name="edgekit-results-ahead", daemon=True
    )
    try:
        worker.start()
    except BaseException:
        lock.release()
        raise
    try:
        yield outcome
    except Exception:
        worker.join()  # a failed notebook: the files are still complete when this returns
        raise
    except BaseException:
        # Ctrl-C: leave at once. The thread dies with the process; the manifest is written
        # last, so a folder it left half-written is never taken as valid, and the OS
        # releases the lock.
        raise
    worker.join()


def _write(inputs: Inputs, lock: BaseFileLock, outcome: Ahead) -> None:
    """The thread: estate, scan, plan, files; the lock released whatever happens."""
    began = time.monotonic()
    try:
        estate = Estate(inputs.model, inputs.snapshot)
        rep = Report.from_estate(
            estate, inputs.snapshot_path, inputs.run_dir, inputs.diagrams_dir, inputs.suppress_file
        )
        rep.write_results()  # its notes (the planner's) are the kernel's to show
        outcome.seconds = time.monotonic() - began
    except Exception as err:  # noqa: BLE001 - thread boundary: a note, and the kernel computes
        outcome.error = f"{type(err).__name__}: {err}"
        outcome.notes.append(
            f"the result files could not be written ahead of the kernel ({outcome.error}); "
            "the notebook computed them"
        )
    finally:
        lock.release()
