"""The sandbox server: a moto server on 127.0.0.1 with the fidelity bridge installed.

Typical use (``edgekit sandbox`` does exactly this)::

    from edgekit.sandbox.server import start

    with start(port=0, seed="sample") as sandbox:
        print(sandbox.url)          # http://127.0.0.1:PORT
        print(sandbox.sample_info)  # what the sample estate contains (ids by name)
        sandbox.wait()              # serve until interrupted

Seeds: ``"sample"`` -- the multi-account Northwind estate (:mod:`edgekit.sandbox.sample`,
``docs/sample-estate.md``); ``"small"`` -- one distribution with an S3 and an ALB origin in
moto's default account (:mod:`edgekit.sandbox.seed`); ``"none"`` -- empty.

Any boto3 client or AWS CLI pointed at ``sandbox.url`` (with any fake credentials) talks to it.
The server runs in a daemon thread of the calling process. Its resources are moto's in-process
state: starting and stopping a sandbox resets that state, so run one sandbox per process and no
``moto.mock_aws()`` beside it.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Literal

from edgekit.sandbox.errors import SandboxError

if TYPE_CHECKING:
    from werkzeug.serving import BaseWSGIServer

    from edgekit.sandbox.sample import SampleInfo
    from edgekit.sandbox.seed import SeedInfo

SeedName = Literal["sample", "small", "none"]
SEEDS: tuple[SeedName, ...] = ("sample", "small", "none")
HOST = "127.0.0.1"


class Sandbox:
    """A running sandbox endpoint; stop it with :meth:`stop` or by leaving a ``with`` block."""

    def __init__(
        self, port: int = 0, seed: SeedName = "sample", *, log_requests: bool = False
    ) -> None:
        """Prepare (not start) a sandbox; :func:`start` is the usual entry point."""
        if seed not in SEEDS:
            expected = ", ".join(repr(name) for name in SEEDS)
            raise SandboxError(f"unknown seed {seed!r}: expected one of {expected}")
        if not 0 <= port <= 65535:
            raise SandboxError(f"invalid port {port}: expected 0 (any free port) to 65535")
        self._requested_port = port
        self._seed_name: SeedName = seed
        self._log_requests = log_requests
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._installed_bridge = False
        self._stopped = threading.Event()
        self.port = 0
        self.seed_info: SeedInfo | None = None
        """What the ``small`` seed created."""
        self.sample_info: SampleInfo | None = None
        """What the ``sample`` seed created."""

    @property
    def url(self) -> str:
        """The endpoint URL, ``http://127.0.0.1:PORT``."""
        if not self.port:
            raise SandboxError("the sandbox is not running")
        return f"http://{HOST}:{self.port}"

    def start(self) -> Sandbox:
        """Claim 127.0.0.1:port, install the bridge, seed; serve the port only once seeded.

        The port is bound (and listening) first, so a client that connects during seeding
        waits in the connection queue instead of being refused; it is answered only after the
        seed is complete -- a client never sees a half-seeded estate. Seeding itself goes
        through a private server on another loopback port, closed before the public one serves.
        """
        if self._server is not None:
            raise SandboxError("the sandbox is already running")
        listener = _listen(self._requested_port)  # first: before moto's slow imports
        try:
            server = _serve_on(listener, log_requests=self._log_requests)
        finally:
            listener.close()  # the server holds its own duplicate of the socket
        from edgekit.sandbox import bridge

        self._installed_bridge = not bridge.installed()
        bridge.install()
        _reset_moto()
        self._server = server
        self.port = int(server.server_address[1])
        self._stopped.clear()
        try:
            self._seed()
        except BaseException:
            self.stop()
            raise
        self._thread = threading.Thread(
            target=server.serve_forever, name=f"edgekit-sandbox-{self.port}", daemon=True
        )
        self._thread.start()
        return self

    def _seed(self) -> None:
        """Create the seed estate through a private loopback server (stopped afterwards)."""
        if self._seed_name == "none":
            return
        with _private_server(log_requests=self._log_requests) as url:
            if self._seed_name == "sample":
                from edgekit.sandbox.sample import seed_sample

                self.sample_info = seed_sample(url)
            else:
                from edgekit.sandbox.seed import seed

                self.seed_info = seed(url)

    def stop(self) -> None:
        """Stop serving (idempotent): the port is released and the resources are discarded.

        The bridge is uninstalled again if this sandbox installed it.
        """
        server, self._server = self._server, None
        thread, self._thread = self._thread, None
        if server is not None:
            if thread is not None:  # shutdown() waits for serve_forever, which may not run yet
                server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join()
        if server is not None:
            _reset_moto()
        if self._installed_bridge:
            from edgekit.sandbox import bridge

            bridge.uninstall()
            self._installed_bridge = False
        self.port = 0
        self._stopped.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until :meth:`stop` is called (or ``timeout`` seconds pass); True if stopped."""
        return self._stopped.wait(timeout)

    @property
    def running(self) -> bool:
        """True between :meth:`start` and :meth:`stop`."""
        return self._server is not None

    def __enter__(self) -> Sandbox:
        if self._server is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def _listen(port: int) -> socket.socket:
    """A socket bound to 127.0.0.1:port and listening (connections queue until served).

    Bound here, not by werkzeug, so a busy port raises
    :class:`~edgekit.sandbox.errors.SandboxError` (werkzeug would print and exit) and nothing
    but the loopback interface is ever bound; and bound before moto is imported, so the port
    is claimed within moments of ``edgekit sandbox`` starting.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, port))
        listener.listen(128)
    except OSError as exc:
        listener.close()
        raise SandboxError(f"cannot listen on {HOST}:{port}: {exc}") from exc
    return listener


def _serve_on(listener: socket.socket, *, log_requests: bool) -> BaseWSGIServer:
    """moto's WSGI app on ``listener`` (as moto's ThreadedMotoServer); not serving yet."""
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import make_server

    class Handler(MotoRequestHandler):
        """moto's request handler, with werkzeug's access log only when asked for."""

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            if log_requests:
                super().log_request(code, size)

    try:
        return make_server(
            HOST,
            listener.getsockname()[1],
            DomainDispatcherApplication(create_backend_app),
            threaded=True,
            request_handler=Handler,
            fd=listener.fileno(),
        )
    except OSError as exc:
        raise SandboxError(f"cannot serve on {HOST}:{listener.getsockname()[1]}: {exc}") from exc


@contextmanager
def _private_server(*, log_requests: bool) -> Iterator[str]:
    """A second server of the same (in-process) moto state on a free loopback port, for
    seeding; yields its URL and stops it on exit."""
    listener = _listen(0)
    try:
        server = _serve_on(listener, log_requests=log_requests)
    finally:
        listener.close()
    thread = threading.Thread(target=server.serve_forever, name="edgekit-sandbox-seed")
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _reset_moto() -> None:
    """Discard every resource of moto's in-process backends (a fresh, empty account)."""
    from moto.core.base_backend import BackendDict

    BackendDict.reset()


def start(port: int = 0, seed: SeedName = "sample", *, log_requests: bool = False) -> Sandbox:
    """Start a sandbox endpoint on ``127.0.0.1:port`` (0 = any free port) and return it,
    seeded: it returns (and the port answers) only once the seed is complete.

    ``seed="sample"`` creates the Northwind sample estate
    (:func:`edgekit.sandbox.sample.seed_sample`, described by ``Sandbox.sample_info``);
    ``"small"`` the one-distribution seed (:func:`edgekit.sandbox.seed.seed`, in
    ``Sandbox.seed_info``); ``"none"`` leaves the accounts empty. The bridge
    (:func:`edgekit.sandbox.bridge.install`) is installed first. Raises
    :class:`~edgekit.sandbox.errors.SandboxError` if the port cannot be bound.
    ``log_requests`` prints one line per request on stderr (werkzeug's access log).
    """
    return Sandbox(port=port, seed=seed, log_requests=log_requests).start()
