"""One scoped pause of CPython's cyclic garbage collector, safe across threads. Stdlib only.

Parsing a snapshot and building the graph allocate millions of small, acyclic objects; the
collector's passes over the growing heap make them superlinear (parse: 1.7 s instead of 1.0 s at
50k resources). CPython has one collector per process, so a pause is process-wide by nature:
:func:`gc_paused` makes it as narrow as it can be — only while at least one pausing block runs,
counted under a lock so that concurrent blocks (Dask worker threads, a notebook kernel's threads)
nest correctly, and the collector is re-enabled exactly when the last block ends (even on an
exception), and only if it was enabled when the first one began. The rest of the process runs
with its own setting untouched.
"""

from __future__ import annotations

import gc
import threading
from types import TracebackType

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": False}


class gc_paused:  # noqa: N801 - used as a function: ``with gc_paused():``
    """Pause the cyclic collector for the duration of the block (see the module docstring).

    A class rather than ``contextlib.contextmanager`` on purpose: leaving a generator-based
    block allocates (its ``StopIteration``) right after the collector is re-enabled, and that
    first allocation starts a generation-0 pass over everything the block built while it is
    still referenced (about 90 ms after parsing 50k resources). Here nothing is allocated after
    ``gc.enable()``, so that pass comes with the caller's next allocation, as it did when
    ``model.parse`` switched the collector itself (benchmarks/RESULTS.md, issue 14).
    """

    __slots__ = ()

    def __enter__(self) -> None:
        with _lock:
            if _state["depth"] == 0:
                _state["was_enabled"] = gc.isenabled()
                gc.disable()
            _state["depth"] += 1

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                gc.enable()
