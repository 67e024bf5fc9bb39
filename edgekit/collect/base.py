"""The collector contract: what a collector declares and the context a work unit runs in.

A collector is a plain function ``collect(ctx) -> dict`` declared with a :class:`CollectorSpec`
(id, boto3 service, scope, the IAM actions it uses). It returns raw API payloads only. Two
conventions every collector follows, because the checks depend on them:

* a key that is **absent** means "not collected" (denied, or not asked): checks say *unknown*;
* a key present with ``None`` / ``[]`` means "collected, and there is none".

Known denials (AccessDenied and friends) never raise out of :meth:`UnitContext.call`: they are
recorded as gaps and :data:`Outcome.DENIED` is returned. Any other error propagates and fails the
unit; the runner records it and continues with the other units.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from botocore.exceptions import ClientError

from edgekit.aws.calls import CallRecorder
from edgekit.aws.session import ClientHook, SessionSpec
from edgekit.errors import ReadOnlyError
from edgekit.snapshot import Gap

Scope = Literal["global", "regional"]
InputSelector = Callable[[Sequence[dict[str, Any]], str, str], Any]
"""``(payload records so far, account_id, region) -> unit input or None (skip the unit)``."""

DENIAL_CODES: frozenset[str] = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "AccessDeniedFault",
        "AuthFailure",
        "AuthorizationError",
        "Forbidden",
        "ForbiddenException",
        "InvalidClientTokenId",
        "OptInRequired",
        "SubscriptionRequiredException",
        "UnauthorizedAccess",
        "UnauthorizedException",
        "UnauthorizedOperation",
        "UnrecognizedClientException",
        "WAFAccessDeniedException",
    }
)
"""Error codes that mean "you may not read this": recorded as gaps, never as failures."""


class Outcome(enum.Enum):
    """Non-data results of :meth:`UnitContext.call`."""

    DENIED = "denied"
    """The caller may not read it; a gap was recorded."""
    NOT_FOUND = "not_found"
    """The resource does not exist (one of the ``not_found`` codes was returned)."""


@dataclass(frozen=True)
class CollectorSpec:
    """A collector's declaration.

    ``actions`` are the IAM actions the collector may call (``service:Action``); ``edgekit
    iam-policy`` prints their union and a test proves every call made is among them.
    ``extra_global`` asks a regional collector to also run in the partition's global API region
    (ACM: CloudFront certificates live in us-east-1) even when that region was not requested.
    ``also_regional`` asks a global collector to also run per region (WAFv2 has both scopes).

    ``depends_on`` names collectors whose payloads this one needs (it runs in a later phase);
    ``select_inputs(payloads, account_id, region)`` then extracts, from every payload record
    collected so far (all accounts), the small picklable input one unit needs (e.g. the bucket
    names CloudFront origins reference). It returns None when the unit has nothing to do, and
    the unit is skipped.
    """

    id: str
    service: str
    scope: Scope
    actions: tuple[str, ...]
    collect: Callable[[UnitContext], dict[str, Any]]
    description: str = ""
    also_regional: bool = False
    extra_global_region: bool = False
    depends_on: tuple[str, ...] = ()
    select_inputs: InputSelector | None = None


@dataclass
class UnitContext:
    """Everything one work unit (account × region × collector) needs, and what it records."""

    collector: str
    account_id: str
    region: str
    """Recorded region: a region name, or ``"global"`` for global services."""
    api_region: str
    """Region the API calls go to (us-east-1 for global services in the aws partition)."""
    partition: str
    session_spec: SessionSpec
    """Credentials and the read-only guard's allow-list; whoever builds the unit guards it
    (the runner: :func:`edgekit.collect.registry.guarded`, every declared action). A spec
    without an allow-list makes :meth:`client` refuse."""
    hooks: tuple[ClientHook, ...] = ()
    inputs: Any = None
    """What ``select_inputs`` chose for this unit (None for collectors without dependencies)."""
    recorder: CallRecorder = field(default_factory=CallRecorder)
    gaps: list[Gap] = field(default_factory=list)
    _clients: dict[tuple[str, str], Any] = field(default_factory=dict)
    _session: Any = None

    @property
    def is_global(self) -> bool:
        """True when this unit collects the global (CloudFront-scope) part of a service."""
        return self.region == "global"

    def client(self, service: str, region: str | None = None) -> Any:
        """A guarded, counted client; one boto3 session per unit, clients reused.

        The guard allows exactly the actions on the session spec's allow-list (every action
        the collectors declare, when the runner built the unit); a spec without one is refused
        here, before any client exists (:class:`~edgekit.errors.ReadOnlyError`).
        """
        reg = region or self.api_region
        key = (service, reg)
        if key not in self._clients:
            spec = self.session_spec
            if not spec.allowed_actions:
                raise ReadOnlyError(
                    f"{self.collector}: the unit's session spec has no allow-list "
                    "(build units with edgekit.collect.registry.guarded)"
                )
            if self._session is None:
                self._session = spec.session(self.api_region)
            self._clients[key] = spec.client(
                service, reg, session=self._session, recorder=self.recorder, hooks=self.hooks
            )
        return self._clients[key]

    def gap(self, operation: str, error_code: str, message: str) -> None:
        """Record that ``operation`` could not be read."""
        self.gaps.append(
            Gap(self.account_id, self.region, self.collector, operation, error_code, message)
        )

    def call(
        self,
        client: Any,
        operation: str,
        *,
        not_found: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> dict[str, Any] | Outcome:
        """Call ``client.<operation>(**kwargs)`` (snake_case name).

        Returns the response, :data:`Outcome.DENIED` after recording a gap, or
        :data:`Outcome.NOT_FOUND` when the error code is one of ``not_found``. Other errors raise.
        """
        try:
            response: dict[str, Any] = getattr(client, operation)(**kwargs)
        except ClientError as err:
            return self._outcome(err, client, operation, not_found)
        response.pop("ResponseMetadata", None)
        return response

    def _outcome(
        self, err: ClientError, client: Any, operation: str, not_found: tuple[str, ...]
    ) -> Outcome:
        """NOT_FOUND for a ``not_found`` code, DENIED (gap recorded) for a denial; else raise."""
        error = err.response.get("Error", {})
        code = str(error.get("Code", ""))
        if code in not_found:
            return Outcome.NOT_FOUND
        if code in DENIAL_CODES:
            op_name = client.meta.method_to_api_mapping.get(operation, operation)
            self.gap(op_name, code, str(error.get("Message", "")))
            return Outcome.DENIED
        raise err

    def pages(
        self,
        client: Any,
        operation: str,
        *,
        input_token: str,
        output_token: str,
        not_found: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> Iterator[dict[str, Any]] | Outcome:
        """Manually paginate an operation that has no botocore paginator.

        ``output_token`` is a dotted path into the response (``"CachePolicyList.NextMarker"``).
        Returns DENIED/NOT_FOUND like :meth:`call` when the *first* page fails that way.
        """
        first = self.call(client, operation, not_found=not_found, **kwargs)
        if isinstance(first, Outcome):
            return first
        return self._more_pages(client, operation, first, input_token, output_token, kwargs)

    def _more_pages(
        self,
        client: Any,
        operation: str,
        page: dict[str, Any],
        input_token: str,
        output_token: str,
        kwargs: dict[str, Any],
    ) -> Iterator[dict[str, Any]]:
        seen: set[str] = set()
        while True:
            yield page
            token = dig(page, output_token)
            if not token or token in seen:
                return
            seen.add(token)
            nxt = self.call(client, operation, **{**kwargs, input_token: token})
            if isinstance(nxt, Outcome):
                return
            page = nxt

    def paginate(
        self,
        client: Any,
        operation: str,
        result_key: str,
        *,
        not_found: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> list[Any] | Outcome:
        """Collect every item of ``result_key`` using botocore's paginator.

        Returns :data:`Outcome.DENIED` (gap recorded) when a page is denied, and
        :data:`Outcome.NOT_FOUND` when a page fails with one of the ``not_found`` codes (the
        parent resource vanished during collection).
        """
        items: list[Any] = []
        try:
            for page in client.get_paginator(operation).paginate(**kwargs):
                items.extend(dig(page, result_key) or [])
        except ClientError as err:
            return self._outcome(err, client, operation, not_found)
        return items


def dig(data: Any, path: str) -> Any:
    """Follow a dotted path through nested dicts; ``None`` when any step is missing."""
    cur = data
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur
