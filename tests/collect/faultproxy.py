"""A fault-injecting loopback reverse proxy, for tests: put it in front of the sandbox server.

Clients use ``proxy.url`` as their endpoint; every request is forwarded unchanged to the
upstream sandbox and the answer relayed, except that

* for a **seeded fraction** of the requests the sandbox answered with a 2xx, the proxy returns
  status 200 with a broken body instead: empty, garbled (seeded random bytes) or truncated (a
  proper prefix) -- a well-formed HTTP message (correct ``Content-Length``) whose body is not
  what the operation promises;
* ``select`` narrows which requests may be corrupted (e.g. one service in one region);
* ``delay`` seconds are waited before forwarding each request, or each one ``slow`` selects (a
  slow endpoint; requests still waiting when the proxy closes are dropped).

Decisions are keyed by the request's content and how often that same request was seen, not by
arrival order, so a run with the same seed corrupts the same requests whatever the thread
interleaving. The proxy is bounded: at most ``max_faults`` responses are corrupted, and after
``max_requests`` requests (or ``lifetime`` seconds) it answers 503 to everything, so a runaway
retry loop ends; the test's own timeouts bound the rest.

Only 2xx answers are corrupted (their status stays 200): turning an error status (a 404
``NoSuchBucket``) into a 200 with an empty body is indistinguishable, for any client, from a
real empty 200 of an operation that has no body (``HeadBucket``); the fault model is a broken
body of a successful answer, the one botocore silently reads as "none".
"""

from __future__ import annotations

import hashlib
import http.client
import random
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

MODES = ("empty", "garbled", "truncated")
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "content-length",
    }
)
_SCOPE = re.compile(r"Credential=([^/,]+)/\d{8}/([^/]+)/([^/]+)/aws4_request")


@dataclass(frozen=True)
class Request:
    """What the proxy knows of a request when deciding whether to corrupt its answer."""

    method: str
    path: str
    body: bytes
    access_key: str
    region: str
    service: str
    """The SigV4 signing name (``elasticloadbalancing``, ``cloudfront``, ``s3`` ...)."""

    def key(self) -> bytes:
        """The request's identity, independent of the signature's clock."""
        parts = (self.method, self.path, self.access_key, self.region, self.service)
        return "\n".join(parts).encode() + b"\n" + self.body


@dataclass
class Faults:
    """What to inject. The defaults forward everything untouched."""

    fraction: float = 0.0
    modes: tuple[str, ...] = MODES
    seed: int = 0
    select: Callable[[Request], bool] | None = None
    max_faults: int = 10_000
    max_requests: int = 20_000
    lifetime: float = 600.0
    delay: float = 0.0
    slow: Callable[[Request], bool] | None = None
    """Which requests are delayed (None: all)."""


@dataclass
class Record:
    """One corrupted answer."""

    service: str
    region: str
    method: str
    path: str
    mode: str


@dataclass
class Log:
    """What the proxy did (thread-safe through ``lock``)."""

    requests: int = 0
    faults: list[Record] = field(default_factory=list)
    refused: int = 0
    arrivals: list[float] = field(default_factory=list)
    """``time.monotonic()`` of every request's arrival."""
    seen: Counter[bytes] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Server(ThreadingHTTPServer):
    """Daemon handler threads; a client that hung up (an interrupted collect) is no error."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FaultProxy:
    """A threaded reverse proxy on 127.0.0.1 in front of ``upstream`` (``http://127.0.0.1:P``)."""

    def __init__(self, upstream: str, faults: Faults | None = None) -> None:
        parts = urlsplit(upstream)
        if parts.hostname not in ("127.0.0.1", "localhost") or parts.port is None:
            raise ValueError(f"upstream must be a loopback http://HOST:PORT, not {upstream!r}")
        self.upstream = (parts.hostname, parts.port)
        self.faults = faults or Faults()
        self.log = Log()
        self._started = time.monotonic()
        self._closing = threading.Event()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The endpoint URL clients use instead of the upstream's."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FaultProxy:
        self._started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._closing.set()  # delayed requests are dropped, not forwarded late
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def requests_since(self, moment: float) -> int:
        """How many requests arrived at or after ``time.monotonic()`` value ``moment``."""
        with self.log.lock:
            return sum(1 for t in self.log.arrivals if t >= moment)

    def _decide(self, request: Request) -> tuple[str, random.Random] | None:
        """The corruption mode for this request and a generator for its damage, or None
        (forward the answer untouched)."""
        f = self.faults
        with self.log.lock:
            nth = self.log.seen[request.key()]
            self.log.seen[request.key()] += 1
            if len(self.log.faults) >= f.max_faults:
                return None
        if f.fraction <= 0 or (f.select is not None and not f.select(request)):
            return None
        digest = hashlib.sha256(f"{f.seed}:{nth}:".encode() + request.key()).digest()
        rng = random.Random(digest)
        if rng.random() >= f.fraction:
            return None
        return rng.choice(f.modes), rng

    @staticmethod
    def _corrupt(body: bytes, mode: str, rng: random.Random) -> bytes:
        if mode == "empty" or not body:
            return b""
        if mode == "truncated":
            return body[: rng.randrange(1, len(body))] if len(body) > 1 else b""
        return rng.randbytes(rng.randrange(1, max(2, len(body))))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the proxy's log is :attr:`FaultProxy.log`."""

            def _relay(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with proxy.log.lock:
                    proxy.log.requests += 1
                    proxy.log.arrivals.append(time.monotonic())
                    count = proxy.log.requests
                f = proxy.faults
                if count > f.max_requests or time.monotonic() - proxy._started > f.lifetime:
                    with proxy.log.lock:
                        proxy.log.refused += 1
                    self._answer(503, [("Content-Type", "text/plain")], b"fault proxy: bound")
                    return
                scope = _SCOPE.search(self.headers.get("Authorization", ""))
                access_key, region, service = scope.groups() if scope else ("", "", "")
                request = Request(self.command, self.path, body, access_key, region, service)
                slow = f.delay > 0 and (f.slow is None or f.slow(request))
                if slow and proxy._closing.wait(f.delay):
                    self.close_connection = True
                    return
                status, headers, answer = self._forward(body)
                if 200 <= status < 300 and self.command != "HEAD":
                    decided = proxy._decide(request)
                    if decided is not None:
                        mode, rng = decided
                        answer = proxy._corrupt(answer, mode, rng)
                        status = 200
                        with proxy.log.lock:
                            proxy.log.faults.append(
                                Record(service, region, self.command, self.path, mode)
                            )
                self._answer(status, headers, answer)

            def _forward(self, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
                conn = http.client.HTTPConnection(*proxy.upstream, timeout=120)
                try:
                    headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                    conn.request(self.command, self.path, body=body or None, headers=headers)
                    got = conn.getresponse()
                    answer = got.read()
                    kept = [(k, v) for k, v in got.getheaders() if k.lower() not in HOP_BY_HOP]
                    return got.status, kept, answer
                finally:
                    conn.close()

            def _answer(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
                self.send_response_only(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

        for verb in ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"):
            setattr(Handler, f"do_{verb}", Handler._relay)  # http.server dispatches on do_VERB
        return Handler
