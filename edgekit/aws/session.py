"""The session factory: standard credential chain, endpoint override, retries, guard.

Everything that talks to AWS gets its clients from :class:`SessionSpec.client`, which attaches
the read-only guard and the edgekit user agent. A :class:`SessionSpec` is a small picklable
value (profile name, endpoint URL, optional temporary credentials), so work units can rebuild
their own boto3 session on any worker: one boto3 session per unit, as boto3 sessions are not
thread-safe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import boto3
import botocore.config
import botocore.loaders
import botocore.session

from edgekit import __version__
from edgekit.aws import conform, guard
from edgekit.aws.calls import CallRecorder

USER_AGENT_EXTRA = f"edgekit/{__version__}"

ClientHook = Callable[[Any], None]
"""A function called with every new client (e.g. to register a botocore event handler)."""


@cache
def shared_loader() -> botocore.loaders.Loader:
    """One botocore data loader per process, shared by every session.

    A new boto3 session otherwise re-reads and re-parses botocore's JSON service models; with
    one session per work unit that parsing dominated collection time (3-4x slower, see
    benchmarks/RESULTS.md). The loader only caches immutable model data, so sharing it is safe.
    """
    return botocore.loaders.create_loader()


@dataclass(frozen=True)
class TemporaryCredentials:
    """Credentials obtained from ``sts:AssumeRole``; kept in memory only, never written."""

    access_key_id: str
    secret_access_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class SessionSpec:
    """How to build a boto3 session and its clients.

    ``profile`` selects a named profile of the standard credential chain; ``credentials``
    (from AssumeRole) override it; ``endpoint_url`` points every client at one endpoint (the
    sandbox). ``max_attempts`` (total, first try included) feeds the adaptive retry mode.
    ``allowed_actions`` is the read-only guard's allow-list (IAM actions): empty refuses every
    call; the collect layer fills it with the collectors' declared actions.
    """

    profile: str | None = None
    endpoint_url: str | None = None
    credentials: TemporaryCredentials | None = None
    max_attempts: int = 10
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    allowed_actions: frozenset[str] = frozenset()

    def with_credentials(self, credentials: TemporaryCredentials) -> SessionSpec:
        """Return a copy that uses ``credentials`` instead of the profile chain."""
        return replace(self, profile=None, credentials=credentials)

    def allowing(self, actions: Iterable[str]) -> SessionSpec:
        """Return a copy whose clients may call exactly ``actions`` (IAM action names)."""
        return replace(self, allowed_actions=frozenset(actions))

    def session(self, region: str | None = None) -> boto3.session.Session:
        """Create a new boto3 session (one per work unit), sharing the model loader."""
        core = botocore.session.Session()
        core.register_component("data_loader", shared_loader())
        if self.credentials is not None:
            return boto3.session.Session(
                aws_access_key_id=self.credentials.access_key_id,
                aws_secret_access_key=self.credentials.secret_access_key,
                aws_session_token=self.credentials.session_token,
                region_name=region,
                botocore_session=core,
            )
        return boto3.session.Session(
            profile_name=self.profile, region_name=region, botocore_session=core
        )

    def client_config(self) -> botocore.config.Config:
        """The botocore client configuration edgekit uses everywhere."""
        return botocore.config.Config(
            user_agent_extra=USER_AGENT_EXTRA,
            retries={"mode": "adaptive", "total_max_attempts": self.max_attempts},
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
        )

    def client(
        self,
        service: str,
        region: str,
        *,
        session: boto3.session.Session | None = None,
        recorder: CallRecorder | None = None,
        hooks: Iterable[ClientHook] = (),
    ) -> Any:
        """Create a guarded client for ``service`` in ``region``.

        The read-only guard (allowing only ``allowed_actions``) is always installed first, then
        the response conformance checks (:mod:`edgekit.aws.conform`);
        ``recorder`` counts calls; ``hooks``
        receive the client for further instrumentation.
        """
        sess = session or self.session(region)
        client = sess.client(
            service,  # type: ignore[call-overload]
            region_name=region,
            endpoint_url=self.endpoint_url,
            config=self.client_config(),
        )
        guard.install(client, self.allowed_actions)
        conform.install(client, self.max_attempts)
        if recorder is not None:
            recorder.attach(client)
        for hook in hooks:
            hook(client)
        return client
