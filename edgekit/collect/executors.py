"""Where work units run: a thread pool (default) or a Dask distributed cluster.

Work units (:class:`edgekit.collect.runner.WorkUnit`) are small picklable values and
:func:`edgekit.collect.runner.run_unit` is a plain module-level function, so any
``concurrent.futures.Executor`` runs them. This module builds the two edgekit supports:

* ``make_executor(None | "threads", workers)``: a ``ThreadPoolExecutor`` of ``workers`` threads;
* ``make_executor("dask://HOST:PORT", workers)`` (loopback HOST only: plain TCP) or
  ``make_executor("tls://HOST:PORT", workers)`` (any scheduler, over TLS; work units carry
  assumed-role credentials, which must never cross a network in clear): a
  :class:`DaskExecutor` connected to that scheduler
  (``distributed.Client(...).get_executor()``); ``workers`` is ignored, the cluster's worker
  threads decide the concurrency;

and :func:`as_executor` turns a ``distributed.Client`` handed over from Python (e.g. a notebook's
``Client(LocalCluster())``) into an executor. ``distributed`` is an optional extra
(``pip install edgekit[dask]``) imported only when asked for.

Workers rebuild everything a unit needs from the unit itself (credentials travel inside its
``SessionSpec``; hooks are pickled with cloudpickle); every worker must have edgekit installed.
Results are identical whichever executor runs them: the runner assembles them in a fixed order.
"""

from __future__ import annotations

import importlib
import ipaddress
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from edgekit.errors import InputError

P = ParamSpec("P")
T = TypeVar("T")

DASK_SCHEME = "dask://"
"""Plain TCP: allowed for a loopback scheduler only (units carry assumed-role credentials)."""
TLS_SCHEME = "tls://"
"""A remote scheduler, over TLS (certificates from Dask's ``distributed.comm.tls`` config)."""
THREADS = frozenset({"threads", "thread", "threads://"})


def make_executor(spec: str | None, workers: int) -> Executor:
    """An executor for ``--executor SPEC``; the caller shuts it down (use it as a context manager).

    Raises :class:`~edgekit.errors.InputError` for an unknown spec, a malformed address or a
    missing ``distributed`` package.
    """
    if spec is None or spec.strip().lower() in THREADS:
        return ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="edgekit-collect")
    text = spec.strip()
    scheme = next((s for s in (DASK_SCHEME, TLS_SCHEME) if text.lower().startswith(s)), None)
    if scheme is None:
        raise InputError(
            f"--executor: {spec!r} is neither 'threads', dask://HOST:PORT nor tls://HOST:PORT"
        )
    host, _, port = text[len(scheme) :].rpartition(":")
    if not host or not port.isdigit():
        raise InputError(f"--executor: {spec!r} is not {scheme}HOST:PORT")
    if scheme == DASK_SCHEME and not _is_loopback(host):
        raise InputError(
            f"--executor: {spec!r} would send assumed-role credentials over plain TCP; use "
            "tls://HOST:PORT (Dask TLS configured) for a remote scheduler"
        )
    distributed = _distributed()
    address = f"{'tcp' if scheme == DASK_SCHEME else 'tls'}://{host}:{port}"
    try:
        client = distributed.Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise InputError(
            f"--executor: cannot reach the Dask scheduler at {address}: {err}"
        ) from None
    return DaskExecutor(client, owns_client=True)


def as_executor(value: Any) -> Executor | None:
    """``value`` as an executor: None and executors pass through, a ``distributed.Client`` is
    wrapped (and left open on shutdown: its owner closes it)."""
    if value is None or isinstance(value, Executor):
        return value
    if _is_dask_client(value):
        return DaskExecutor(value, owns_client=False)
    raise TypeError(
        f"executor must be a concurrent.futures.Executor or a distributed.Client, not {value!r}"
    )


class DaskExecutor(Executor):
    """Runs work units on a Dask cluster through the client's ``concurrent.futures`` view.

    Tasks are submitted with ``pure=False`` (AWS reads are not pure: never reuse an earlier
    result for equal arguments). :meth:`shutdown` waits for (or cancels) the submitted tasks and
    closes the client when this executor created it.
    """

    def __init__(self, client: Any, *, owns_client: bool) -> None:
        self.client = client
        self._owns_client = owns_client
        self._inner: Executor = client.get_executor(pure=False)

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        """Submit ``fn(*args, **kwargs)`` to the cluster; a ``concurrent.futures.Future``."""
        return self._inner.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop accepting work; close the client if this executor opened it."""
        self._inner.shutdown(wait=wait and not cancel_futures)
        if self._owns_client:
            self.client.close()


def _is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _distributed() -> Any:
    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise InputError(
            "--executor dask://... needs the optional Dask extra: pip install 'edgekit[dask]'"
        ) from None


def _is_dask_client(value: Any) -> bool:
    cls = type(value)
    return cls.__name__ == "Client" and cls.__module__.startswith("distributed")
