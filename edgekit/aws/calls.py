"""Counting the API calls a collection makes (for benchmarks and the IAM-policy test)."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any


class CallRecorder:
    """Thread-safe tally of operations invoked, keyed by (botocore service, operation).

    Register it on a client with :meth:`attach`; it counts once per operation call (not per
    retry attempt), which is what "API calls per resource" means.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[tuple[str, str]] = Counter()

    def record(self, service: str, operation: str, n: int = 1) -> None:
        """Add ``n`` calls of ``service:operation``."""
        with self._lock:
            self._counts[(service, operation)] += n

    def _on_before_call(self, model: Any, **_: Any) -> None:
        self.record(model.service_model.service_name, model.name)

    def attach(self, client: Any) -> None:
        """Count every operation ``client`` invokes from now on."""
        client.meta.events.register("before-call.*.*", self._on_before_call)

    def merge(self, counts: dict[tuple[str, str], int]) -> None:
        """Add counts gathered elsewhere (e.g. by a work unit on another worker)."""
        with self._lock:
            self._counts.update(counts)

    def counts(self) -> dict[tuple[str, str], int]:
        """Return a copy of the tally."""
        with self._lock:
            return dict(self._counts)

    @property
    def total(self) -> int:
        """Total number of calls recorded."""
        with self._lock:
            return sum(self._counts.values())
