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
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": False}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector for the duration of the block (see the module docstring)."""
    with _lock:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                gc.enable()
