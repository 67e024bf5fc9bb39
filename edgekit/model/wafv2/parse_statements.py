"""Parse WAFv2 statements (recursively) and rule actions into :mod:`wafv2_statements` types."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable

from edgekit.model import enums
from edgekit.model.common import EMPTY_MAP, FrozenMap, freeze
from edgekit.model.reader import Fields
from edgekit.model.wafv2.statements import (
    ActionOverride,
    AndStatement,
    AsnMatchStatement,
    ByteMatchStatement,
    FieldToMatch,
    ForwardedIPConfig,
    GeoMatchStatement,
    IPSetReferenceStatement,
    LabelMatchStatement,
    ManagedRuleGroupStatement,
    NotStatement,
    OrStatement,
    RateBasedStatement,
    RegexMatchStatement,
    RegexPatternSetReferenceStatement,
    RuleAction,
    RuleGroupReferenceStatement,
    SizeConstraintStatement,
    SqliMatchStatement,
    Statement,
    TextTransformation,
    UnknownStatement,
    XssMatchStatement,
)


def parse_action(f: Fields) -> RuleAction:
    """A RuleAction / DefaultAction object (exactly one member set)."""
    for kind, body in f.raw.items():
        if body is not None:
            return RuleAction(kind, freeze(body) if body else EMPTY_MAP)
    raise f.error("Allow|Block|Count|Captcha|Challenge", "missing field")


def _transforms(f: Fields) -> tuple[TextTransformation, ...]:
    return tuple(
        TextTransformation(t.req_int("Priority"), t.req_enum("Type", enums.TEXT_TRANSFORMATION))
        for t in f.subs("TextTransformations")
    )


def _field(f: Fields) -> FieldToMatch:
    ftm = f.sub("FieldToMatch")
    for kind, body in ftm.raw.items():
        if body is None:
            continue
        opts = freeze(body) if isinstance(body, dict) else EMPTY_MAP
        name = opts.get("Name") if isinstance(opts, FrozenMap) else None
        return FieldToMatch(kind, name if isinstance(name, str) else None, opts)
    raise ftm.error("UriPath|SingleHeader|...", "missing field")


def _fwd(f: Fields, key: str) -> ForwardedIPConfig | None:
    c = f.opt_sub(key)
    if c is None:
        return None
    return ForwardedIPConfig(
        c.req_str("HeaderName"), c.req_str("FallbackBehavior"), c.opt_str("Position")
    )


def _overrides(f: Fields) -> tuple[ActionOverride, ...]:
    return tuple(
        ActionOverride(o.req_str("Name"), parse_action(o.sub("ActionToUse")))
        for o in f.subs("RuleActionOverrides")
    )


def _excluded(f: Fields) -> tuple[str, ...]:
    return tuple(e.req_str("Name") for e in f.subs("ExcludedRules"))


def _scope_down(f: Fields) -> Statement | None:
    s = f.opt_sub("ScopeDownStatement")
    return None if s is None else parse_statement(s)


def _search_string(f: Fields) -> bytes:
    value = f.req_str("SearchString")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise f.invalid("SearchString", "is not base64") from None


def parse_statement(f: Fields) -> Statement:
    """A Statement object: exactly one statement member is set."""
    for kind, body in f.raw.items():
        if body is None:
            continue
        s = f.sub(kind)
        parser = _PARSERS.get(kind)
        if parser is None:
            return UnknownStatement(kind, freeze(body) if isinstance(body, dict) else EMPTY_MAP)
        return parser(s)
    raise f.error("<statement type>", "missing field")


_PARSERS: dict[str, Callable[[Fields], Statement]] = {
    "ByteMatchStatement": lambda s: ByteMatchStatement(
        _search_string(s),
        _field(s),
        s.req_enum("PositionalConstraint", enums.POSITIONAL_CONSTRAINT),
        _transforms(s),
    ),
    "SqliMatchStatement": lambda s: SqliMatchStatement(
        _field(s), _transforms(s), s.enum_or("SensitivityLevel", enums.SENSITIVITY_LEVEL, "LOW")
    ),
    "XssMatchStatement": lambda s: XssMatchStatement(_field(s), _transforms(s)),
    "SizeConstraintStatement": lambda s: SizeConstraintStatement(
        _field(s),
        s.req_enum("ComparisonOperator", enums.COMPARISON_OPERATOR),
        s.req_int("Size"),
        _transforms(s),
    ),
    "GeoMatchStatement": lambda s: GeoMatchStatement(
        s.strs("CountryCodes"), _fwd(s, "ForwardedIPConfig")
    ),
    "IPSetReferenceStatement": lambda s: IPSetReferenceStatement(
        s.req_str("ARN"), _fwd(s, "IPSetForwardedIPConfig")
    ),
    "RegexPatternSetReferenceStatement": lambda s: RegexPatternSetReferenceStatement(
        s.req_str("ARN"), _field(s), _transforms(s)
    ),
    "RegexMatchStatement": lambda s: RegexMatchStatement(
        s.req_str("RegexString"), _field(s), _transforms(s)
    ),
    "LabelMatchStatement": lambda s: LabelMatchStatement(s.req_str("Scope"), s.req_str("Key")),
    "AsnMatchStatement": lambda s: AsnMatchStatement(
        s.ints("AsnList"), _fwd(s, "ForwardedIPConfig")
    ),
    "RateBasedStatement": lambda s: RateBasedStatement(
        limit=s.req_int("Limit"),
        aggregate_key_type=s.req_enum("AggregateKeyType", enums.AGGREGATE_KEY_TYPE),
        evaluation_window_sec=s.int_or("EvaluationWindowSec", 300),
        scope_down_statement=_scope_down(s),
        forwarded_ip_config=_fwd(s, "ForwardedIPConfig"),
        custom_keys=tuple(freeze(k.raw) for k in s.subs("CustomKeys")),
    ),
    "ManagedRuleGroupStatement": lambda s: ManagedRuleGroupStatement(
        vendor_name=s.req_str("VendorName"),
        name=s.req_str("Name"),
        version=s.nonempty("Version"),
        excluded_rules=_excluded(s),
        rule_action_overrides=_overrides(s),
        scope_down_statement=_scope_down(s),
        managed_rule_group_configs=tuple(freeze(c.raw) for c in s.subs("ManagedRuleGroupConfigs")),
    ),
    "RuleGroupReferenceStatement": lambda s: RuleGroupReferenceStatement(
        s.req_str("ARN"), _excluded(s), _overrides(s)
    ),
    "AndStatement": lambda s: AndStatement(
        tuple(parse_statement(c) for c in s.req_subs("Statements"))
    ),
    "OrStatement": lambda s: OrStatement(
        tuple(parse_statement(c) for c in s.req_subs("Statements"))
    ),
    "NotStatement": lambda s: NotStatement(parse_statement(s.sub("Statement"))),
}
