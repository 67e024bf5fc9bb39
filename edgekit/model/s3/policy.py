"""Resource policies (S3 bucket policies, API Gateway resource policies) parsed from JSON.

The document keeps IAM's own vocabulary: statements with Effect, Principal / NotPrincipal,
Action / NotAction, Resource / NotResource and Condition. Single values and lists both become
tuples; condition values become strings (``true`` / ``false`` for booleans, like IAM compares
them). Keys keep their case; :meth:`PolicyStatement.condition_values` matches them
case-insensitively, as IAM does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Final

from edgekit.model.reader import FieldError, Fields

PUBLIC: Final = "*"


@dataclass(frozen=True, slots=True)
class Principal:
    """A statement's Principal (or NotPrincipal). ``"*"`` sets :attr:`wildcard`."""

    wildcard: bool = False
    aws: tuple[str, ...] = ()
    service: tuple[str, ...] = ()
    federated: tuple[str, ...] = ()
    canonical_user: tuple[str, ...] = ()

    @property
    def is_public(self) -> bool:
        """Anyone: ``"*"`` or ``{"AWS": "*"}``."""
        return self.wildcard or PUBLIC in self.aws


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition: operator (``StringEquals``, ``ArnLike`` ...), key and values."""

    operator: str
    key: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PolicyStatement:
    """One policy statement."""

    effect: str
    """``Allow`` | ``Deny``."""
    sid: str | None = None
    principal: Principal | None = None
    not_principal: Principal | None = None
    actions: tuple[str, ...] = ()
    not_actions: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    not_resources: tuple[str, ...] = ()
    conditions: tuple[Condition, ...] = ()

    @property
    def allows(self) -> bool:
        """Effect is Allow."""
        return self.effect.lower() == "allow"

    @property
    def public_principal(self) -> bool:
        """The Principal is anyone (``*``)."""
        return self.principal is not None and self.principal.is_public

    def has_service_principal(self, service: str) -> bool:
        """The Principal names service ``service`` (e.g. ``cloudfront.amazonaws.com``)."""
        return self.principal is not None and service.lower() in (
            s.lower() for s in self.principal.service
        )

    def condition_values(self, key: str) -> tuple[str, ...]:
        """Values of condition key ``key`` (case-insensitive) under any operator."""
        lowered = key.lower()
        return tuple(v for c in self.conditions if c.key.lower() == lowered for v in c.values)


@dataclass(frozen=True, slots=True)
class PolicyDocument:
    """A resource policy document."""

    statements: tuple[PolicyStatement, ...]
    version: str | None = None
    id: str | None = None

    @property
    def allow_statements(self) -> tuple[PolicyStatement, ...]:
        """Statements with Effect Allow."""
        return tuple(s for s in self.statements if s.allows)


def load_json_policy(text: str) -> Any:
    """The JSON of a policy string; also reads API Gateway's backslash-escaped form.

    API Gateway returns ``policy`` with its quotes escaped (``{\\"Version\\":...}``): such a
    string is read as the body of a JSON string literal first. Raises ValueError.
    """
    try:
        return json.loads(text)
    except ValueError:
        if '\\"' not in text:
            raise
    unescaped = json.loads(f'"{text}"')
    return json.loads(unescaped)


def parse_policy(text: str, unit_label: str, resource: str, key: str) -> PolicyDocument:
    """Parse policy JSON ``text`` read from field ``key``; ModelError names resource and field."""
    prefix = f"{unit_label}: {resource}"
    try:
        doc = load_json_policy(text)
    except ValueError as err:
        raise FieldError(
            f"{prefix}: field '{key}' is not a JSON policy document ({err})", resource, key
        ) from None
    if not isinstance(doc, dict):
        raise FieldError(f"{prefix}: field '{key}' must be a JSON object", resource, key)
    f = Fields(doc, prefix, f"{key}.", resource)
    raw_statements = f.req("Statement")
    if isinstance(raw_statements, dict):
        f = Fields({"Statement": [raw_statements]}, prefix, f"{key}.", resource)
    return PolicyDocument(
        statements=tuple(_statement(s) for s in f.req_subs("Statement")),
        version=f.opt_str("Version"),
        id=f.opt_str("Id"),
    )


def _values(f: Fields, key: str) -> tuple[str, ...]:
    value = f.get(key)
    if isinstance(value, str):
        return (value,)
    return f.strs(key)


def _principal(f: Fields, key: str) -> Principal | None:
    value = f.get(key)
    if value is None:
        return None
    if value == PUBLIC:
        return Principal(wildcard=True)
    p = f.sub(key)
    return Principal(
        aws=_values(p, "AWS"),
        service=_values(p, "Service"),
        federated=_values(p, "Federated"),
        canonical_user=_values(p, "CanonicalUser"),
    )


def _scalar(f: Fields, key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    raise f.invalid(key, f"must be a string, number or boolean, got {type(value).__name__}")


def _conditions(f: Fields) -> tuple[Condition, ...]:
    block = f.opt_sub("Condition")
    if block is None:
        return ()
    out: list[Condition] = []
    for operator in block.raw:
        keys = block.sub(operator)
        for key, value in keys.raw.items():
            items = value if isinstance(value, list) else [value]
            out.append(Condition(operator, key, tuple(_scalar(keys, key, v) for v in items)))
    return tuple(out)


def _statement(s: Fields) -> PolicyStatement:
    return PolicyStatement(
        effect=s.req_str("Effect"),
        sid=s.opt_str("Sid"),
        principal=_principal(s, "Principal"),
        not_principal=_principal(s, "NotPrincipal"),
        actions=_values(s, "Action"),
        not_actions=_values(s, "NotAction"),
        resources=_values(s, "Resource"),
        not_resources=_values(s, "NotResource"),
        conditions=_conditions(s),
    )
