"""WAFv2 rule shadowing: does an earlier terminating rule match every request a later one does?

Sound, deliberately incomplete: :func:`covers` answers True only when it can prove that every
request matching statement ``later`` also matches ``earlier``; False means "not proven" (never
"proven not"); None means a proof depends on an IP set that was not collected.

What counts as a superset (``earlier`` ⊇ ``later``):

* **Match-all** — ``earlier`` matches every request (:func:`matches_all`):
  ByteMatch on ``UriPath`` STARTS_WITH or CONTAINS ``/`` whose text transformations cannot remove
  the path's leading slash (:data:`SLASH_SAFE`); SizeConstraint ``GE 0`` on ``UriPath``,
  ``Method`` or ``Body`` (not with OversizeHandling NO_MATCH); RegexMatch with a pattern matching
  every string (``.*``, ``^.*$`` ...) on ``UriPath`` or ``Method``; an Or with a match-all member;
  an And of match-all members. Out of scope (never match-all): Not of anything, geo/ASN lists,
  IP sets (an IP set is one address family; a /0 needs two sets), label matches.
* **Identical statement** — equal statement trees, unless they contain a LabelMatchStatement
  (a rule between the two may add the label, so the later one can match more).
* **IP set superset** — two IPSetReferenceStatements with the same forwarded-IP configuration
  (header compared case-insensitively; both absent = the peer address), both sets resolved by
  ARN, same IP version, and every CIDR of the later set inside the (collapsed) earlier set.
* **URI prefix** — ByteMatch on ``UriPath`` with identical text transformations: earlier
  STARTS_WITH ``p``, later STARTS_WITH or EXACTLY ``q`` where ``q`` starts with ``p``.
* **Structure** — a later And is covered when one of its members is; a later Or when all its
  members are; an earlier Or when one member covers; an earlier And when every member covers; a
  later rate-based or managed-group statement when its scope-down statement is covered (they
  only act on requests matching the scope-down).

Rules are evaluated by Priority; only plain rules whose action is Allow or Block shadow (Captcha
and Challenge let requests with a valid token continue; group rules are not analysed as the
earlier rule). The later rule can be anything, including a Count rule or a rule group.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from edgekit.model import NOT_COLLECTED, Rule
from edgekit.model.wafv2.statements import (
    AndStatement,
    ByteMatchStatement,
    ForwardedIPConfig,
    IPSetReferenceStatement,
    LabelMatchStatement,
    ManagedRuleGroupStatement,
    OrStatement,
    RateBasedStatement,
    RegexMatchStatement,
    SizeConstraintStatement,
    Statement,
)
from edgekit.rules.analysis.waf_semantics import Tri, WafLookups, terminating

SLASH_SAFE: frozenset[str] = frozenset(
    {
        "NONE",
        "LOWERCASE",
        "URL_DECODE",
        "URL_DECODE_UNI",
        "HTML_ENTITY_DECODE",
        "NORMALIZE_PATH",
        "NORMALIZE_PATH_WIN",
        "COMPRESS_WHITE_SPACE",
        "REMOVE_NULLS",
        "REPLACE_NULLS",
    }
)
"""Text transformations that keep the leading ``/`` of a URI path."""

UNIVERSAL_REGEXES: frozenset[str] = frozenset({".*", "^.*", ".*$", "^.*$", "^", "$", "(.*)"})
"""Regular expressions that match every string (the empty one included)."""

_ALWAYS_PRESENT = frozenset({"UriPath", "Method"})

Reason = str
"""Which superset case decided: match-all, identical statement, IP set superset, URI prefix."""


def matches_all(statement: Statement) -> bool:
    """The statement matches every request (the conservative cases of the module docstring)."""
    s = statement
    if isinstance(s, ByteMatchStatement):
        return (
            s.field_to_match.kind == "UriPath"
            and s.positional_constraint in ("STARTS_WITH", "CONTAINS")
            and s.search_string == b"/"
            and all(t.type in SLASH_SAFE for t in s.text_transformations)
        )
    if isinstance(s, SizeConstraintStatement):
        field = s.field_to_match
        sized = field.kind in _ALWAYS_PRESENT or (
            field.kind == "Body" and field.options.get("OversizeHandling") != "NO_MATCH"
        )
        return sized and s.comparison_operator == "GE" and s.size == 0
    if isinstance(s, RegexMatchStatement):
        return s.field_to_match.kind in _ALWAYS_PRESENT and s.regex_string in UNIVERSAL_REGEXES
    if isinstance(s, OrStatement):
        return any(matches_all(c) for c in s.statements)
    if isinstance(s, AndStatement):
        return all(matches_all(c) for c in s.statements)
    return False


def _same_forwarding(a: ForwardedIPConfig | None, b: ForwardedIPConfig | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.header_name.lower(), a.fallback_behavior, a.position) == (
        b.header_name.lower(),
        b.fallback_behavior,
        b.position,
    )


def _networks(addresses: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    nets: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
    for a in addresses:
        try:
            nets.append(ipaddress.ip_network(a.strip(), strict=False))
        except ValueError:
            continue
    return nets


def cidrs_cover(outer: Iterable[str], inner: Iterable[str]) -> bool:
    """Every CIDR of ``inner`` (non-empty, all valid) lies inside the union of ``outer``."""
    inner_list = list(inner)
    nets = _networks(inner_list)
    if not nets or len(nets) != len(inner_list):
        return False
    union = _networks(outer)
    v4 = list(
        ipaddress.collapse_addresses(n for n in union if isinstance(n, ipaddress.IPv4Network))
    )
    v6 = list(
        ipaddress.collapse_addresses(n for n in union if isinstance(n, ipaddress.IPv6Network))
    )
    for n in nets:
        if isinstance(n, ipaddress.IPv4Network):
            if not any(n.subnet_of(o) for o in v4):
                return False
        elif not any(n.subnet_of(o) for o in v6):
            return False
    return True


def ip_set_covers(earlier: str, later: str, lookups: WafLookups) -> Tri:
    """Every CIDR of IP set ``later`` lies inside IP set ``earlier`` (by ARN)."""
    a, b = lookups.ip_set(earlier), lookups.ip_set(later)
    if a is NOT_COLLECTED or b is NOT_COLLECTED or a is None or b is None:
        return None
    if a.ip_address_version != b.ip_address_version:
        return False
    return cidrs_cover(a.addresses, b.addresses)


def _uri_prefix(earlier: ByteMatchStatement, later: ByteMatchStatement) -> bool:
    return (
        earlier.field_to_match.kind == "UriPath"
        and later.field_to_match == earlier.field_to_match
        and later.text_transformations == earlier.text_transformations
        and earlier.positional_constraint == "STARTS_WITH"
        and later.positional_constraint in ("STARTS_WITH", "EXACTLY")
        and later.search_string.startswith(earlier.search_string)
    )


def _has_label(statement: Statement) -> bool:
    return any(isinstance(s, LabelMatchStatement) for s in statement.walk())


@dataclass(frozen=True)
class Coverage:
    """A :func:`covers` answer and the case that decided it."""

    value: Tri
    reason: Reason = ""


_NO = Coverage(False)


def _best(options: Iterable[Coverage]) -> Coverage:
    undecided: Coverage | None = None
    for o in options:
        if o.value is True:
            return o
        if o.value is None and undecided is None:
            undecided = o
    return undecided or _NO


def _all(parts: list[Coverage]) -> Coverage:
    if any(p.value is False for p in parts):
        return _NO
    if any(p.value is None for p in parts):
        return Coverage(None, "IP set not collected")
    reasons = sorted({p.reason for p in parts})
    return Coverage(True, reasons[0] if len(reasons) == 1 else " + ".join(reasons))


def covers(earlier: Statement, later: Statement, lookups: WafLookups) -> Coverage:
    """Does every request matching ``later`` also match ``earlier``? (module docstring)."""
    if matches_all(earlier):
        return Coverage(True, "match-all")
    if earlier == later and not _has_label(earlier):
        return Coverage(True, "identical statement")
    options: list[Coverage] = []
    if isinstance(later, AndStatement):
        options.extend(covers(earlier, c, lookups) for c in later.statements)
    if isinstance(later, OrStatement):
        options.append(_all([covers(earlier, c, lookups) for c in later.statements]))
    scope_down = getattr(later, "scope_down_statement", None)
    if isinstance(later, RateBasedStatement | ManagedRuleGroupStatement) and scope_down:
        options.append(covers(earlier, scope_down, lookups))
    if isinstance(earlier, OrStatement):
        options.extend(covers(c, later, lookups) for c in earlier.statements)
    if isinstance(earlier, AndStatement):
        options.append(_all([covers(c, later, lookups) for c in earlier.statements]))
    if (
        isinstance(earlier, IPSetReferenceStatement)
        and isinstance(later, IPSetReferenceStatement)
        and _same_forwarding(earlier.forwarded_ip_config, later.forwarded_ip_config)
    ):
        found = ip_set_covers(earlier.arn, later.arn, lookups)
        options.append(Coverage(found, "IP set superset" if found else "IP set not collected"))
    if (
        isinstance(earlier, ByteMatchStatement)
        and isinstance(later, ByteMatchStatement)
        and _uri_prefix(earlier, later)
    ):
        options.append(Coverage(True, "URI prefix"))
    return _best(options)


@dataclass(frozen=True)
class Shadow:
    """``shadowed`` can never act: ``by`` (earlier, terminating) matches all it matches."""

    by: Rule
    shadowed: Rule
    reason: Reason

    def evidence(self) -> dict[str, object]:
        """The two rules' names and priorities, the earlier action and the superset case."""
        return {
            "shadowing_rule": self.by.name,
            "shadowing_priority": self.by.priority,
            "shadowing_action": self.by.action.kind if self.by.action else None,
            "shadowed_rule": self.shadowed.name,
            "shadowed_priority": self.shadowed.priority,
            "reason": self.reason,
        }


def shadows(rules: Iterable[Rule], lookups: WafLookups) -> tuple[list[Shadow], list[Shadow]]:
    """``(proven, undecided)`` shadowed rules, each with the first earlier rule that shadows it.

    A rule is listed once: proven if any earlier terminating rule covers it, else undecided if
    a cover depends on an IP set that was not collected.
    """
    ordered = sorted(rules, key=lambda r: r.priority)
    proven: list[Shadow] = []
    undecided: list[Shadow] = []
    for j, later in enumerate(ordered):
        maybe: Shadow | None = None
        for earlier in ordered[:j]:
            if earlier.action is None or not terminating(earlier.action):
                continue
            found = covers(earlier.statement, later.statement, lookups)
            if found.value is True:
                proven.append(Shadow(earlier, later, found.reason))
                break
            if found.value is None and maybe is None:
                maybe = Shadow(earlier, later, found.reason)
        else:
            if maybe is not None:
                undecided.append(maybe)
    return proven, undecided
