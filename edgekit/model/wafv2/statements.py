"""WAFv2 rule statements as a typed tree, and rule actions.

Every AWS statement type is a frozen dataclass named as AWS names it (``RateBasedStatement``...).
Nested statements (And/Or/Not, ``ScopeDownStatement``) are children; :meth:`Statement.walk`
visits the whole tree, so "any rate-based statement, nested included" is one expression.
Statement types this edgekit does not know yet parse as :class:`UnknownStatement` (kept, frozen),
so a new AWS feature never breaks a scan. Equal statements compare equal (shadowing checks).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from edgekit.model.common import EMPTY_MAP, FrozenMap

S = TypeVar("S", bound="Statement")


@dataclass(frozen=True, slots=True)
class TextTransformation:
    """A text transformation applied before matching."""

    priority: int
    type: str


@dataclass(frozen=True, slots=True)
class FieldToMatch:
    """The request component a statement inspects (``UriPath``, ``SingleHeader``...)."""

    kind: str
    name: str | None = None
    """Header or query argument name for ``SingleHeader`` / ``SingleQueryArgument``."""
    options: FrozenMap[str, Any] = EMPTY_MAP
    """The component's other settings, frozen (match patterns, oversize handling...)."""


@dataclass(frozen=True, slots=True)
class ForwardedIPConfig:
    """ForwardedIPConfig / IPSetForwardedIPConfig: match the IP in a header, not the peer."""

    header_name: str
    fallback_behavior: str
    position: str | None = None
    """IP set references only: ``FIRST`` | ``LAST`` | ``ANY``."""


@dataclass(frozen=True, slots=True)
class RuleAction:
    """A rule or default action: ``Allow``, ``Block``, ``Count``, ``Captcha``, ``Challenge``."""

    kind: str
    settings: FrozenMap[str, Any] = EMPTY_MAP
    """Custom response / request handling, frozen."""

    @property
    def terminating(self) -> bool:
        """Allow and Block end evaluation (Captcha/Challenge only for invalid tokens)."""
        return self.kind in ("Allow", "Block")


@dataclass(frozen=True, slots=True)
class ActionOverride:
    """A RuleActionOverrides entry: rule ``name`` of a rule group now does ``action``."""

    name: str
    action: RuleAction


@dataclass(frozen=True, slots=True)
class Statement:
    """Base of every statement type."""

    @property
    def kind(self) -> str:
        """AWS's statement member name (``ByteMatchStatement``...)."""
        return type(self).__name__

    def children(self) -> tuple[Statement, ...]:
        """Directly nested statements."""
        return ()

    def walk(self) -> Iterator[Statement]:
        """This statement and every nested one, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()

    def find(self, kind: type[S]) -> tuple[S, ...]:
        """Every statement of type ``kind`` in this tree."""
        return tuple(s for s in self.walk() if isinstance(s, kind))


@dataclass(frozen=True, slots=True)
class ByteMatchStatement(Statement):
    """Match bytes in a request component."""

    search_string: bytes
    field_to_match: FieldToMatch
    positional_constraint: str
    text_transformations: tuple[TextTransformation, ...] = ()


@dataclass(frozen=True, slots=True)
class SqliMatchStatement(Statement):
    """SQL injection detection."""

    field_to_match: FieldToMatch
    text_transformations: tuple[TextTransformation, ...] = ()
    sensitivity_level: str = "LOW"


@dataclass(frozen=True, slots=True)
class XssMatchStatement(Statement):
    """Cross-site scripting detection."""

    field_to_match: FieldToMatch
    text_transformations: tuple[TextTransformation, ...] = ()


@dataclass(frozen=True, slots=True)
class SizeConstraintStatement(Statement):
    """Compare a component's size."""

    field_to_match: FieldToMatch
    comparison_operator: str
    size: int
    text_transformations: tuple[TextTransformation, ...] = ()


@dataclass(frozen=True, slots=True)
class GeoMatchStatement(Statement):
    """Match the client's country (from the peer IP, or a forwarded-IP header)."""

    country_codes: tuple[str, ...]
    forwarded_ip_config: ForwardedIPConfig | None = None


@dataclass(frozen=True, slots=True)
class IPSetReferenceStatement(Statement):
    """Match an IP set (from the peer IP, or a forwarded-IP header)."""

    arn: str
    forwarded_ip_config: ForwardedIPConfig | None = None


@dataclass(frozen=True, slots=True)
class RegexPatternSetReferenceStatement(Statement):
    """Match a regex pattern set."""

    arn: str
    field_to_match: FieldToMatch
    text_transformations: tuple[TextTransformation, ...] = ()


@dataclass(frozen=True, slots=True)
class RegexMatchStatement(Statement):
    """Match one regular expression."""

    regex_string: str
    field_to_match: FieldToMatch
    text_transformations: tuple[TextTransformation, ...] = ()


@dataclass(frozen=True, slots=True)
class LabelMatchStatement(Statement):
    """Match a label added by an earlier rule."""

    scope: str
    key: str


@dataclass(frozen=True, slots=True)
class AsnMatchStatement(Statement):
    """Match the client's autonomous system number."""

    asn_list: tuple[int, ...]
    forwarded_ip_config: ForwardedIPConfig | None = None


@dataclass(frozen=True, slots=True)
class RateBasedStatement(Statement):
    """Rate limit per aggregation key (IP, forwarded IP, custom keys or constant)."""

    limit: int
    aggregate_key_type: str
    evaluation_window_sec: int = 300
    scope_down_statement: Statement | None = None
    forwarded_ip_config: ForwardedIPConfig | None = None
    custom_keys: tuple[FrozenMap[str, Any], ...] = ()

    def children(self) -> tuple[Statement, ...]:
        """The scope-down statement, if any."""
        return () if self.scope_down_statement is None else (self.scope_down_statement,)


@dataclass(frozen=True, slots=True)
class ManagedRuleGroupStatement(Statement):
    """A vendor-managed rule group (``AWS`` / ``AWSManagedRulesCommonRuleSet``...)."""

    vendor_name: str
    name: str
    version: str | None = None
    excluded_rules: tuple[str, ...] = ()
    """Legacy: these rules are set to Count."""
    rule_action_overrides: tuple[ActionOverride, ...] = ()
    scope_down_statement: Statement | None = None
    managed_rule_group_configs: tuple[FrozenMap[str, Any], ...] = ()

    def children(self) -> tuple[Statement, ...]:
        """The scope-down statement, if any."""
        return () if self.scope_down_statement is None else (self.scope_down_statement,)


@dataclass(frozen=True, slots=True)
class RuleGroupReferenceStatement(Statement):
    """A reference to an own rule group (by ARN)."""

    arn: str
    excluded_rules: tuple[str, ...] = ()
    rule_action_overrides: tuple[ActionOverride, ...] = ()


@dataclass(frozen=True, slots=True)
class AndStatement(Statement):
    """All of ``statements``."""

    statements: tuple[Statement, ...]

    def children(self) -> tuple[Statement, ...]:
        """The combined statements."""
        return self.statements


@dataclass(frozen=True, slots=True)
class OrStatement(Statement):
    """Any of ``statements``."""

    statements: tuple[Statement, ...]

    def children(self) -> tuple[Statement, ...]:
        """The combined statements."""
        return self.statements


@dataclass(frozen=True, slots=True)
class NotStatement(Statement):
    """The negation of ``statement``."""

    statement: Statement

    def children(self) -> tuple[Statement, ...]:
        """The negated statement."""
        return (self.statement,)


@dataclass(frozen=True, slots=True)
class UnknownStatement(Statement):
    """A statement type this edgekit does not model yet; ``body`` is its frozen JSON."""

    type_name: str
    body: FrozenMap[str, Any] = EMPTY_MAP

    @property
    def kind(self) -> str:
        """The AWS member name it was found under."""
        return self.type_name
