"""ELBv2 listener and rule actions, and listener-rule conditions (every field type)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WeightedTargetGroup:
    """A target group of a forward action, with its weight."""

    arn: str
    weight: int | None = None


@dataclass(frozen=True, slots=True)
class ForwardConfig:
    """Forward to one or more weighted target groups."""

    target_groups: tuple[WeightedTargetGroup, ...]
    stickiness_enabled: bool = False
    stickiness_duration_seconds: int | None = None


@dataclass(frozen=True, slots=True)
class RedirectConfig:
    """A redirect; unset parts keep the request's (``#{protocol}`` etc.)."""

    status_code: str
    protocol: str | None = None
    port: str | None = None
    host: str | None = None
    path: str | None = None
    query: str | None = None


@dataclass(frozen=True, slots=True)
class FixedResponseConfig:
    """A fixed response."""

    status_code: str
    content_type: str | None = None
    message_body: str | None = None


@dataclass(frozen=True, slots=True)
class AuthenticateConfig:
    """authenticate-oidc / authenticate-cognito settings (no client secret is kept)."""

    on_unauthenticated_request: str = "authenticate"
    issuer: str | None = None
    """OIDC issuer."""
    user_pool_arn: str | None = None
    """Cognito user pool."""
    scope: str | None = None
    session_timeout: int | None = None


@dataclass(frozen=True, slots=True)
class Action:
    """A listener or rule action: forward, redirect, fixed-response, authenticate-*, ..."""

    type: str
    order: int | None = None
    forward: ForwardConfig | None = None
    redirect: RedirectConfig | None = None
    fixed_response: FixedResponseConfig | None = None
    authenticate: AuthenticateConfig | None = None

    @property
    def target_group_arns(self) -> tuple[str, ...]:
        """Target groups a forward action sends to (empty for other types)."""
        return () if self.forward is None else tuple(t.arn for t in self.forward.target_groups)


def final_action(actions: tuple[Action, ...]) -> Action | None:
    """The terminal action of an action list (after any authenticate-* steps)."""
    return actions[-1] if actions else None


@dataclass(frozen=True, slots=True)
class QueryStringPair:
    """A query-string condition value: ``key`` may be None (match the value anywhere)."""

    key: str | None
    value: str


@dataclass(frozen=True, slots=True)
class RuleCondition:
    """A rule condition. ``values`` are the field's values whatever form AWS used.

    Fields: ``host-header``, ``path-pattern``, ``http-header`` (with ``http_header_name``),
    ``http-request-method``, ``source-ip``, ``query-string`` (values in ``query_strings``).
    ``http-header`` values are keyed digests (``hmac-sha256:``; ``hmac-sha256:glob:`` for
    patterns) at collection, or ``sha256:`` digests in older snapshots.
    """

    field: str
    values: tuple[str, ...] = ()
    regex_values: tuple[str, ...] = ()
    http_header_name: str | None = None
    query_strings: tuple[QueryStringPair, ...] = ()
    source_ip_address_type: str | None = None
