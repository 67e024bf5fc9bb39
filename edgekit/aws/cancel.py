"""Stopping a collection part-way: a flag every client checks before each request it sends.

:class:`Cancellation` is set once (Ctrl-C in ``edgekit collect``); from then on every client it
was installed on refuses to send (first attempts and retries alike) by raising
:class:`CollectionInterruptedError`, so a running work unit stops at its next request instead of
calling AWS for minutes more. A request already on the wire is not torn down: it ends (or
times out) on its own. The flag lives in this process only: install it on in-process clients.
"""

from __future__ import annotations

import threading
from typing import Any

from botocore.exceptions import BotoCoreError

INTERRUPTED = "Interrupted"
"""The ``error_code`` of a unit stopped, or never run, because the collection was interrupted."""


class CollectionInterruptedError(BotoCoreError):
    """Raised instead of sending a request once the collection was cancelled."""

    fmt = "collection interrupted before {operation}"


class Cancellation:
    """A one-way cancellation flag, and the client hook that honours it."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._units = threading.Event()

    def cancel(self) -> None:
        """Stop: clients refuse every request from now on (idempotent, thread- and
        signal-handler-safe)."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def units_starting(self) -> None:
        """Record that work units are about to run (set-up is over)."""
        self._units.set()

    @property
    def units_started(self) -> bool:
        """True once work units run: from then on a cancellation has something to keep (before,
        an interrupt may simply abort the set-up)."""
        return self._units.is_set()

    def install(self, client: Any) -> None:
        """Make ``client`` raise :class:`CollectionInterruptedError` instead of sending, once
        cancelled (a :data:`~edgekit.aws.session.ClientHook`): checked before each call and
        before each attempt (a retry waiting for its turn is not sent either)."""
        events = client.meta.events
        events.register_first("before-call.*.*", self._before_call, unique_id="edgekit-cancel")
        events.register_first("before-send.*.*", self._before_send, unique_id="edgekit-cancel-send")

    def _before_call(self, model: Any, **_: Any) -> None:
        if self._event.is_set():
            name = f"{model.service_model.service_name}:{model.name}"
            raise CollectionInterruptedError(operation=name)

    def _before_send(self, event_name: str = "", **_: Any) -> None:
        if self._event.is_set():  # a retry: the event names the service by its hyphenated id
            service, _sep, operation = event_name.removeprefix("before-send.").partition(".")
            raise CollectionInterruptedError(operation=f"{service}:{operation}")
