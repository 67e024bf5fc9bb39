"""ALB listener-rule matching: when does one rule match every request another one matches?

ALB evaluates a listener's rules in priority order and the first rule whose conditions all
match handles the request (every rule ends in a terminal action). A condition matches when
**any** of its values matches; a rule's conditions are ANDed. So rule A (earlier) shadows
rule B when every condition of A *covers* some condition of B — anything B matches, A
matched first.

Per field (AWS "Condition types for listener rules"):

* ``host-header``: ``*`` (0+ characters) and ``?`` (exactly one) wildcards, case-insensitive.
* ``path-pattern``: same wildcards, **case-sensitive**, compared with the path only.
* ``http-header``: header name case-insensitive (no wildcards), values as host-header.
* ``http-request-method``: exact, case-sensitive, no wildcards.
* ``query-string``: ``key=value`` pairs (key optional: then the value may be any parameter's),
  wildcards in both, case-insensitive.
* ``source-ip``: CIDRs; covered by containment (same IP version).

Everything here is *sound but incomplete*: :func:`rule_covers` answers True only when it is
certain. Regex conditions (``RegexValues``), unknown fields and empty conditions never cover
and are never covered.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from functools import lru_cache

from edgekit.model.elbv2.actions import QueryStringPair, RuleCondition

WILDCARDS = frozenset("*?")


@lru_cache(maxsize=4096)
def _regex(pattern: str, case_sensitive: bool) -> re.Pattern[str]:
    parts = [".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern]
    flags = re.DOTALL if case_sensitive else re.DOTALL | re.IGNORECASE
    return re.compile("".join(parts), flags)


def glob_match(pattern: str, text: str, *, case_sensitive: bool) -> bool:
    """Does ``text`` match ALB wildcard ``pattern`` (``*`` any run, ``?`` one character)?"""
    return _regex(pattern, case_sensitive).fullmatch(text) is not None


def glob_covers(a: str, b: str, *, case_sensitive: bool) -> bool:
    """True when every string matching pattern ``b`` also matches pattern ``a``.

    Sound, not complete: ``a`` is matched against ``b``'s *pattern text*, where a ``*`` of
    ``a`` may absorb any run of ``b``'s tokens (wildcards included), a ``?`` of ``a`` one
    literal or ``?`` of ``b``, and a literal only the same literal. (``/api*`` covers
    ``/api/v2/*``; ``*`` covers everything; ``?`` never covers ``*``.)
    """
    if not case_sensitive:
        a, b = a.lower(), b.lower()
    if a == b or a == "*":
        return True
    if not WILDCARDS.intersection(a):
        return False
    return _covers(a, b)


def _covers(a: str, b: str) -> bool:
    n, m = len(a), len(b)
    # reach[j]: a[:i] can consume exactly b[:j]
    reach = [False] * (m + 1)
    reach[0] = True
    for i in range(n):
        c = a[i]
        nxt = [False] * (m + 1)
        if c == "*":
            seen = False
            for j in range(m + 1):
                seen = seen or reach[j]
                nxt[j] = seen
        else:
            for j in range(m):
                if not reach[j]:
                    continue
                t = b[j]
                if (c == "?" and t != "*") or (c not in WILDCARDS and t == c):
                    nxt[j + 1] = True
        reach = nxt
        if not any(reach):
            return False
    return reach[m]


def _values_cover(a: Sequence[str], b: Sequence[str], *, case_sensitive: bool) -> bool:
    return (
        bool(a)
        and bool(b)
        and all(any(glob_covers(va, vb, case_sensitive=case_sensitive) for va in a) for vb in b)
    )


def _pair_covers(a: QueryStringPair, b: QueryStringPair) -> bool:
    if a.key is not None and (b.key is None or not glob_covers(a.key, b.key, case_sensitive=False)):
        return False
    return glob_covers(a.value, b.value, case_sensitive=False)


def _network(value: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        return None


def _cidrs_cover(a: Sequence[str], b: Sequence[str]) -> bool:
    nets_a = [_network(v) for v in a]
    nets_b = [_network(v) for v in b]
    if not nets_a or not nets_b or None in nets_a or None in nets_b:
        return False
    return all(
        any(
            na is not None and nb is not None and na.version == nb.version and nb.subnet_of(na)  # type: ignore[arg-type]
            for na in nets_a
        )
        for nb in nets_b
    )


def condition_covers(a: RuleCondition, b: RuleCondition) -> bool:
    """True when every request satisfying condition ``b`` satisfies condition ``a``."""
    if a.field != b.field or a.regex_values or b.regex_values:
        return False
    field = a.field
    if field == "host-header":
        return _values_cover(a.values, b.values, case_sensitive=False)
    if field == "path-pattern":
        return _values_cover(a.values, b.values, case_sensitive=True)
    if field == "http-header":
        name_a, name_b = a.http_header_name, b.http_header_name
        if not name_a or not name_b or name_a.lower() != name_b.lower():
            return False
        return _values_cover(a.values, b.values, case_sensitive=False)
    if field == "http-request-method":
        return bool(a.values) and bool(b.values) and set(b.values) <= set(a.values)
    if field == "query-string":
        pa, pb = a.query_strings, b.query_strings
        return bool(pa) and bool(pb) and all(any(_pair_covers(x, y) for x in pa) for y in pb)
    if field == "source-ip":
        return _cidrs_cover(a.values, b.values)
    return False


def rule_covers(a: Sequence[RuleCondition], b: Sequence[RuleCondition]) -> bool:
    """True when a rule with conditions ``a`` matches every request one with ``b`` matches.

    Each condition of ``a`` must cover some condition of ``b`` (``b``'s conditions are ANDed,
    so a request matching ``b`` satisfies that condition and hence ``a``'s). An empty ``a``
    (only the default rule has none) is not treated as match-all here.
    """
    return bool(a) and bool(b) and all(any(condition_covers(ca, cb) for cb in b) for ca in a)
