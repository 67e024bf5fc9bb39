"""Resource-policy semantics the origin checks need (S3 bucket and API Gateway policies).

* **Operators**: a condition operator is read as IAM does — an optional ``ForAnyValue:`` /
  ``ForAllValues:`` set prefix, the base operator, an optional ``IfExists`` suffix.
  ``ForAllValues`` and ``IfExists`` match when the key is absent, so they never *restrict*.
* **Scoped to distributions** (:func:`unscoped_cloudfront_statements`): an Allow statement for
  the ``cloudfront.amazonaws.com`` service principal is scoped when it has a positive
  ``AWS:SourceArn`` condition (``StringEquals``/``StringLike``/``ArnEquals``/``ArnLike``,
  ``IfExists`` accepted: CloudFront always sends the key) whose every value is one
  distribution's ARN without wildcards. ``distribution/*``, ``AWS:SourceAccount`` alone or a
  negated operator do not scope it. An unscoped Allow is neutralised by a Deny for the same
  principal (or ``*``) and actions whose only condition is a negated ``AWS:SourceArn``
  (``StringNotEquals``/``ArnNotEquals``/``ArnNotLike``/``StringNotLike``) naming specific
  distributions.
* **Public** (:func:`public_statements`, after S3's "meaning of public"): an Allow whose
  Principal is ``*`` / ``{"AWS": "*"}`` (or that uses NotPrincipal) without a *restricting*
  condition: a positive operator on one of the source/principal identity keys below with
  fixed values (no wildcard; ``aws:SourceIp`` not ``/0``).
"""

from __future__ import annotations

import fnmatch
import ipaddress
import re
from dataclasses import dataclass
from typing import Final

from edgekit.model import Condition, PolicyDocument, PolicyStatement

CLOUDFRONT: Final = "cloudfront.amazonaws.com"
SOURCE_ARN: Final = "aws:sourcearn"
POSITIVE: Final = frozenset(
    {"stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"}
)
NEGATED: Final = frozenset({"stringnotequals", "stringnotlike", "arnnotequals", "arnnotlike"})
RESTRICTING_KEYS: Final = frozenset(
    {
        "aws:sourcearn",
        "aws:sourceaccount",
        "aws:sourceowner",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:sourceip",
        "aws:sourceorgid",
        "aws:sourceorgpaths",
        "aws:principalaccount",
        "aws:principalarn",
        "aws:principalorgid",
        "aws:principalorgpaths",
        "aws:userid",
        "s3:dataaccesspointarn",
        "s3:dataaccesspointaccount",
    }
)
DISTRIBUTION_ARN: Final = re.compile(r"^arn:aws[a-z-]*:cloudfront::\d{12}:distribution/[A-Z0-9]+$")
WILDCARDS: Final = frozenset("*?")


@dataclass(frozen=True)
class Operator:
    """A condition operator, split: ``base`` lower-cased, set prefix, ``IfExists``."""

    base: str
    set_prefix: str | None
    if_exists: bool

    @classmethod
    def parse(cls, operator: str) -> Operator:
        """Split ``ForAnyValue:StringLikeIfExists`` and the like."""
        prefix, _, base = operator.rpartition(":")
        if_exists = base.lower().endswith("ifexists")
        if if_exists:
            base = base[: -len("ifexists")]
        return cls(base.lower(), prefix.lower() or None, if_exists)

    @property
    def matches_absent_key(self) -> bool:
        """True when the condition holds for a request without the key."""
        return self.if_exists or self.set_prefix == "forallvalues"


def label(statement: PolicyStatement, index: int) -> str:
    """How evidence names a statement: its Sid, else its position."""
    return statement.sid or f"#{index}"


def _values_name_distributions(c: Condition) -> bool:
    return bool(c.values) and all(
        not WILDCARDS.intersection(v) and DISTRIBUTION_ARN.match(v) for v in c.values
    )


def scoped_to_distributions(statement: PolicyStatement) -> bool:
    """Some positive ``AWS:SourceArn`` condition names only specific distributions."""
    for c in statement.conditions:
        op = Operator.parse(c.operator)
        if (
            c.key.lower() != SOURCE_ARN
            or op.base not in POSITIVE
            or op.set_prefix == "forallvalues"
        ):
            continue
        if _values_name_distributions(c):
            return True
    return False


def _cloudfront_principal(statement: PolicyStatement) -> bool:
    return statement.has_service_principal(CLOUDFRONT)


def _actions_cover(deny: PolicyStatement, allow: PolicyStatement) -> bool:
    patterns = [a.lower() for a in deny.actions]
    return bool(allow.actions) and all(
        any(fnmatch.fnmatchcase(a.lower(), p) for p in patterns) for a in allow.actions
    )


def _scoping_deny(deny: PolicyStatement, allow: PolicyStatement) -> bool:
    """A Deny that refuses every distribution but named ones the actions of ``allow``."""
    if deny.allows or deny.not_principal is not None or deny.not_actions:
        return False
    if not (deny.public_principal or _cloudfront_principal(deny)):
        return False
    if len(deny.conditions) != 1 or not _actions_cover(deny, allow):
        return False
    c = deny.conditions[0]
    op = Operator.parse(c.operator)
    return (
        c.key.lower() == SOURCE_ARN
        and op.base in NEGATED
        and op.set_prefix is None
        and not op.if_exists
        and _values_name_distributions(c)
    )


def unscoped_cloudfront_statements(policy: PolicyDocument) -> list[str]:
    """Labels of Allow statements granting ``cloudfront.amazonaws.com`` access that any
    distribution (of any account) can use."""
    denies = [s for s in policy.statements if not s.allows]
    out: list[str] = []
    for i, st in enumerate(policy.statements):
        if not st.allows or not _cloudfront_principal(st):
            continue
        if scoped_to_distributions(st) or any(_scoping_deny(d, st) for d in denies):
            continue
        out.append(label(st, i))
    return out


def _restricting(c: Condition) -> bool:
    op = Operator.parse(c.operator)
    key = c.key.lower()
    if key not in RESTRICTING_KEYS or op.base not in POSITIVE or op.matches_absent_key:
        return False
    if not c.values or any(WILDCARDS.intersection(v) for v in c.values):
        return False
    if key == "aws:sourceip":
        return op.base == "ipaddress" and all(_narrow(v) for v in c.values)
    return op.base != "ipaddress"


def _narrow(cidr: str) -> bool:
    try:
        return ipaddress.ip_network(cidr.strip(), strict=False).prefixlen > 0
    except ValueError:
        return False


def public_statements(policy: PolicyDocument) -> list[str]:
    """Labels of Allow statements open to anyone (no restricting condition)."""
    out: list[str] = []
    for i, st in enumerate(policy.statements):
        if not st.allows:
            continue
        anyone = st.public_principal or st.not_principal is not None
        if anyone and not any(_restricting(c) for c in st.conditions):
            out.append(label(st, i))
    return out


def unconditional_public_allows(policy: PolicyDocument) -> list[str]:
    """Labels of Allow statements open to anyone with no condition at all."""
    return [
        label(st, i)
        for i, st in enumerate(policy.statements)
        if st.allows and (st.public_principal or st.not_principal is not None) and not st.conditions
    ]
