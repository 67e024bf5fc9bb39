"""The result files of a report run, written by ``edgekit report`` while its kernel starts.

A report notebook's first cell opens a :class:`~edgekit.report.data.Report` and reads the scan
(``findings.json`` …, :mod:`edgekit.report.cache`). ``edgekit report`` has already read and
parsed the snapshot before any kernel exists (to fail early on a bad one): with
:func:`results_ahead` it also builds the graph, scans, plans and writes the result files, in a
forked child process, while papermill starts the kernel and the kernel imports its libraries
and reads the snapshot for its own tables. The kernel's report waits on the run folder's lock
(:func:`edgekit.report.cache.locked`) and then reads the files instead of computing them again.

Why a process and not a thread: the parent's main thread is papermill's client, which answers
every message of the kernel (its start-up handshake, each cell's request and outputs). A thread
scanning in the same interpreter holds the GIL for most of its two seconds, and the client
waits for it at each message: the kernel sat idle until the scan ended (measured: its first
cell started 2.0 s after its launch instead of 0.7 s). A forked child shares the parsed
snapshot without copying or pickling it, runs on the other core, and leaves the client free.
Where ``fork`` does not exist (Windows) nothing is written ahead: the kernel computes the files
itself, as it would for a notebook run by papermill directly.

The child takes the lock before the parent starts the kernel (it says so through a pipe), so
the kernel can never start computing too; the lock is released when the files are written,
when the child failed, or by the operating system when the child died. A failure is never
silent: the kernel then computes the files itself (the same code, the same error if the error
is in the data), and the failure is a note of the run.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Final

from edgekit.graph import Estate
from edgekit.model import Inventory
from edgekit.report import cache
from edgekit.report.data import Report
from edgekit.snapshot import Snapshot

READS_RESULTS: Final = "reads_results"
"""Key of a notebook's ``edgekit`` metadata: true when its report reads the result files (the
edge report, explore, migration review; not the conformance notebook), so that
``edgekit report`` writes them ahead of the kernel."""
WORKER_NAME: Final = "edgekit-results-ahead"
LOCK_WAIT_SECONDS: Final = 30.0
"""How long the parent waits for the child to say it holds the lock (it takes it at once; the
bound only covers a child that hangs before that)."""


@dataclass(frozen=True)
class Inputs:
    """What the kernel's report will be opened with (the notebook's ``Report.open`` call)."""

    snapshot: Snapshot
    model: Inventory
    snapshot_path: Path
    run_dir: Path
    diagrams_dir: Path
    suppress_file: Path | None = None
    estate: Estate | None = None
    """The estate of ``snapshot``, when ``edgekit report`` built it already (to check a
    parameter naming an entrypoint): the child shares it instead of building it again."""


@dataclass
class Ahead:
    """The outcome of writing the result files ahead: seconds taken, or the failure."""

    seconds: float | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    """What the run should report (a failure)."""

    def failed(self, error: str) -> None:
        """Record a failure and the note the run shows for it."""
        self.error = error
        self.notes.append(
            f"the result files could not be written ahead of the kernel ({error}); "
            "the notebook computed them"
        )


def can_write_ahead() -> bool:
    """Whether this platform can fork the writer (everywhere but Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def results_ahead(inputs: Inputs) -> Iterator[Ahead]:
    """Write the result files of ``inputs.run_dir`` in a child process while the body runs
    (the kernel); the child holds the run folder's lock before the body starts. The child is
    waited for before this returns, so the files are complete (or the failure recorded) when
    the body is done — also when it raised an error, but not on Ctrl-C
    (``KeyboardInterrupt``), which stops the child and leaves at once."""
    outcome = Ahead()
    if not can_write_ahead():
        yield outcome
        return
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_child, args=(inputs, sender), name=WORKER_NAME, daemon=True)
    worker.start()
    sender.close()  # the child holds the only sending end: its death is the pipe's end
    try:
        writing = _until_locked(receiver, outcome)
    except BaseException:
        worker.terminate()
        raise
    if not writing:
        worker.terminate()  # it said "busy" and left, or hangs before taking the lock
        worker.join()
        receiver.close()
        yield outcome
        return
    try:
        yield outcome
    except Exception:
        _finish(worker, receiver, outcome)  # a failed notebook: the files are still complete
        raise
    except BaseException:
        # Ctrl-C: stop the child (the manifest is written last, so a folder it left
        # half-written is never taken as valid; the OS releases its lock) and leave.
        worker.terminate()
        raise
    _finish(worker, receiver, outcome)


def _until_locked(receiver: Connection, outcome: Ahead) -> bool:
    """Wait for the child's first word; True when it holds the lock and is writing. Another
    process holding it (``busy``) is a note: the kernel waits for that one and reads its
    files. A child that died or hangs before taking it is a failure."""
    if not receiver.poll(LOCK_WAIT_SECONDS):
        outcome.failed(
            f"the writer did not take the run folder's lock in {LOCK_WAIT_SECONDS:.0f} s"
        )
        return False
    try:
        word, _ = receiver.recv()
    except EOFError:
        outcome.failed("the writer process ended before it took the run folder's lock")
        return False
    if word == "busy":
        outcome.notes.append(
            "another process was writing this run folder's result files; the notebook waited "
            "for them"
        )
        return False
    return True


def _finish(worker: BaseProcess, receiver: Connection, outcome: Ahead) -> None:
    """Wait for the child and record what it said: the seconds, or its failure."""
    try:
        word, value = receiver.recv()
    except EOFError:  # it died without a word (killed, or os._exit)
        word, value = "failed", None
    worker.join()
    receiver.close()
    if word == "written":
        outcome.seconds = float(value)
    else:
        outcome.failed(
            str(value)
            if value is not None
            else f"the writer process ended with exit code {worker.exitcode}"
        )


def _child(inputs: Inputs, sender: Connection) -> None:
    """The child: take the lock, build the estate, scan, plan, write; the lock released
    whatever happens. Its words to the parent: ``locked`` or ``busy``, then ``written``
    (with the seconds) or ``failed`` (with the error)."""
    from filelock import Timeout

    gc.freeze()  # the parent's heap is shared copy-on-write: the collector never walks it here
    began = time.monotonic()
    lock = cache.folder_lock(inputs.run_dir)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        sender.send(("busy", None))
        return
    try:
        sender.send(("locked", None))
        estate = inputs.estate or Estate(inputs.model, inputs.snapshot)
        rep = Report.from_estate(
            estate, inputs.snapshot_path, inputs.run_dir, inputs.diagrams_dir, inputs.suppress_file
        )
        rep.write_results()  # its notes (the planner's) are the kernel's to show
        sender.send(("written", time.monotonic() - began))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group: the parent reports it
        return
    except Exception as err:  # noqa: BLE001 - process boundary: a note, and the kernel computes
        sender.send(("failed", f"{type(err).__name__}: {err}"))
    finally:
        lock.release()
        sender.close()
