"""ELBv2 listener and rule actions, and listener-rule conditions (every field type)."""

from __future__ import annotations

from dataclasses import dataclass

from edgekit.model import enums
from edgekit.model.reader import Fields


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


_CONFIG_KEYS = {
    "host-header": "HostHeaderConfig",
    "path-pattern": "PathPatternConfig",
    "http-header": "HttpHeaderConfig",
    "http-request-method": "HttpRequestMethodConfig",
    "source-ip": "SourceIpConfig",
    "query-string": "QueryStringConfig",
}


def parse_condition(c: Fields) -> RuleCondition:
    """One rule condition, new (``*Config``) or legacy (``Values``) form."""
    field_name = c.req_str("Field")
    cfg = c.opt_sub(_CONFIG_KEYS.get(field_name, ""))
    pairs: tuple[QueryStringPair, ...] = ()
    values: tuple[str, ...] = ()
    regex: tuple[str, ...] = c.strs("RegexValues")
    if field_name == "query-string":
        if cfg is not None:
            pairs = tuple(
                QueryStringPair(p.opt_str("Key"), p.req_str("Value")) for p in cfg.subs("Values")
            )
        else:
            pairs = tuple(QueryStringPair(None, v) for v in c.strs("Values"))
    else:
        if cfg is not None:
            values = cfg.strs("Values")
            regex = cfg.strs("RegexValues") or regex
        values = values or c.strs("Values")
    return RuleCondition(
        field=field_name,
        values=values,
        regex_values=regex,
        http_header_name=cfg.opt_str("HttpHeaderName")
        if field_name == "http-header" and cfg
        else None,
        query_strings=pairs,
        source_ip_address_type=cfg.opt_str("IpAddressType")
        if field_name == "source-ip" and cfg
        else None,
    )


def _forward(a: Fields) -> ForwardConfig | None:
    fc = a.opt_sub("ForwardConfig")
    if fc is not None:
        sticky = fc.opt_sub("TargetGroupStickinessConfig")
        groups = tuple(
            WeightedTargetGroup(t.req_str("TargetGroupArn"), t.opt_int("Weight"))
            for t in fc.subs("TargetGroups")
        )
        if groups or a.opt_str("TargetGroupArn") is None:
            return ForwardConfig(
                groups,
                stickiness_enabled=sticky is not None and sticky.bool_or("Enabled", False),
                stickiness_duration_seconds=sticky.opt_int("DurationSeconds") if sticky else None,
            )
    arn = a.opt_str("TargetGroupArn")
    return None if arn is None else ForwardConfig((WeightedTargetGroup(arn),))


def _authenticate(a: Fields) -> AuthenticateConfig | None:
    oidc, cognito = a.opt_sub("AuthenticateOidcConfig"), a.opt_sub("AuthenticateCognitoConfig")
    cfg = oidc or cognito
    if cfg is None:
        return None
    return AuthenticateConfig(
        on_unauthenticated_request=cfg.str_or("OnUnauthenticatedRequest", "authenticate"),
        issuer=oidc.req_str("Issuer") if oidc is not None else None,
        user_pool_arn=cognito.req_str("UserPoolArn") if cognito is not None else None,
        scope=cfg.opt_str("Scope"),
        session_timeout=cfg.opt_int("SessionTimeout"),
    )


def parse_action(a: Fields) -> Action:
    """One Action object."""
    kind = a.req_enum("Type", enums.ACTION_TYPE)
    redirect, fixed = a.opt_sub("RedirectConfig"), a.opt_sub("FixedResponseConfig")
    return Action(
        type=kind,
        order=a.opt_int("Order"),
        forward=_forward(a) if kind == "forward" else None,
        redirect=(
            None
            if redirect is None
            else RedirectConfig(
                status_code=redirect.req_enum("StatusCode", enums.REDIRECT_STATUS),
                protocol=redirect.enum("Protocol", enums.REDIRECT_PROTOCOL),
                port=redirect.opt_str("Port"),
                host=redirect.opt_str("Host"),
                path=redirect.opt_str("Path"),
                query=redirect.opt_str("Query"),
            )
        ),
        fixed_response=(
            None
            if fixed is None
            else FixedResponseConfig(
                status_code=fixed.req_str("StatusCode"),
                content_type=fixed.opt_str("ContentType"),
                message_body=fixed.opt_str("MessageBody"),
            )
        ),
        authenticate=_authenticate(a),
    )


def parse_actions(parent: Fields, key: str) -> tuple[Action, ...]:
    """An action list, in execution order (by ``Order``, then as listed)."""
    actions = [parse_action(a) for a in parent.subs(key)]
    return tuple(
        a
        for _, a in sorted(
            enumerate(actions), key=lambda p: (p[1].order if p[1].order is not None else 0, p[0])
        )
    )
