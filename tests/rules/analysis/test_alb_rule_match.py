"""ALB rule matching: wildcard inclusion (property-tested) and per-field condition coverage."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.model.elbv2.actions import QueryStringPair, RuleCondition
from edgekit.rules.analysis.alb_rule_match import (
    condition_covers,
    glob_covers,
    glob_match,
    rule_covers,
)

ALPHABET = "ab/."
patterns = st.text(alphabet=ALPHABET + "*?", max_size=8)
texts = st.text(alphabet=ALPHABET + "AB", max_size=10)


def instance(pattern: str, rng: random.Random) -> str:
    """A random string matching ``pattern``."""
    out = []
    for c in pattern:
        if c == "*":
            out.append("".join(rng.choice(ALPHABET + "AB") for _ in range(rng.randint(0, 3))))
        elif c == "?":
            out.append(rng.choice(ALPHABET + "AB"))
        else:
            out.append(c)
    return "".join(out)


def oracle(pattern: str, text: str, *, case_sensitive: bool) -> bool:
    """ALB wildcard matching, independently of edgekit: ``*`` any run, ``?`` one character."""
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    flags = re.DOTALL | (0 if case_sensitive else re.IGNORECASE)
    return re.fullmatch(regex, text, flags) is not None


@settings(max_examples=400, deadline=None)
@given(patterns, texts, st.booleans())
def test_match_agrees_with_an_independent_oracle(p: str, s: str, case_sensitive: bool) -> None:
    assert glob_match(p, s, case_sensitive=case_sensitive) is oracle(
        p, s, case_sensitive=case_sensitive
    )


@settings(max_examples=400, deadline=None)
@given(patterns, patterns, st.integers(0, 2**32), st.booleans())
def test_covers_is_sound(a: str, b: str, seed: int, case_sensitive: bool) -> None:
    """If a covers b, every string b matches, a matches too (judged by the oracle)."""
    if not glob_covers(a, b, case_sensitive=case_sensitive):
        return
    rng = random.Random(seed)
    for _ in range(20):
        s = instance(b, rng)
        assert oracle(b, s, case_sensitive=case_sensitive)
        assert oracle(a, s, case_sensitive=case_sensitive), (a, b, s)


@given(patterns)
def test_covers_is_reflexive_and_star_covers_all(p: str) -> None:
    assert glob_covers(p, p, case_sensitive=True)
    assert glob_covers("*", p, case_sensitive=True)


@given(patterns, patterns, patterns)
def test_covers_is_transitive(a: str, b: str, c: str) -> None:
    if glob_covers(a, b, case_sensitive=True) and glob_covers(b, c, case_sensitive=True):
        assert glob_covers(a, c, case_sensitive=True)


@given(st.text(alphabet=ALPHABET, max_size=8), texts)
def test_literal_pattern_matches_only_itself(lit: str, s: str) -> None:
    assert glob_match(lit, s, case_sensitive=True) is (lit == s)
    assert glob_match(lit, s.upper(), case_sensitive=False) is (lit.upper() == s.upper())


@given(texts, st.text(alphabet=ALPHABET, max_size=8))
def test_a_literal_is_covered_exactly_when_it_matches(a_text: str, lit: str) -> None:
    """For a literal b, coverage is decidable and equals matching."""
    a = a_text.replace("A", "*").replace("B", "?")
    assert glob_covers(a, lit, case_sensitive=True) is oracle(a, lit, case_sensitive=True)


@pytest.mark.parametrize(
    ("a", "b", "cs", "expected"),
    [
        ("/api*", "/api/v2/*", True, True),
        ("/api/*", "/api*", True, False),
        ("/img/*.png", "/img/a/*.png", True, True),
        ("/a?c", "/abc", True, True),
        ("/a?c", "/a*c", True, False),
        ("/API*", "/api/x", True, False),
        ("/API*", "/api/x", False, True),
        ("*.example.com", "api.example.com", False, True),
        ("*.example.com", "example.com", False, False),
        ("*", "", True, True),
        ("", "*", True, False),
        ("/a*b", "/a*cb", True, True),
        ("*a*", "?a?", True, True),
    ],
)
def test_glob_covers_examples(a: str, b: str, cs: bool, expected: bool) -> None:
    assert glob_covers(a, b, case_sensitive=cs) is expected


def cond(field: str, *values: str, **kw: object) -> RuleCondition:
    return RuleCondition(field=field, values=tuple(values), **kw)  # type: ignore[arg-type]


def test_host_header_case_insensitive_any_value() -> None:
    a = cond("host-header", "*.EXAMPLE.com", "example.org")
    assert condition_covers(a, cond("host-header", "www.example.com"))
    assert condition_covers(a, cond("host-header", "example.org", "api.example.com"))
    assert not condition_covers(a, cond("host-header", "example.org", "example.net"))


def test_path_pattern_is_case_sensitive() -> None:
    assert condition_covers(cond("path-pattern", "/api/*"), cond("path-pattern", "/api/v1/*"))
    assert not condition_covers(cond("path-pattern", "/api/*"), cond("path-pattern", "/API/v1"))


def test_fields_must_match() -> None:
    assert not condition_covers(cond("path-pattern", "*"), cond("host-header", "a.example.com"))


def test_http_header_names_case_insensitive_values_too() -> None:
    a = cond("http-header", "Mobile*", http_header_name="User-Agent")
    assert condition_covers(a, cond("http-header", "mobile-safari", http_header_name="user-agent"))
    assert not condition_covers(a, cond("http-header", "mobile", http_header_name="X-Agent"))
    assert not condition_covers(cond("http-header", "x"), cond("http-header", "x"))


def test_methods_are_exact() -> None:
    a = cond("http-request-method", "GET", "HEAD")
    assert condition_covers(a, cond("http-request-method", "GET"))
    assert not condition_covers(a, cond("http-request-method", "GET", "POST"))
    assert not condition_covers(a, cond("http-request-method", "get"))


def test_query_string_pairs() -> None:
    def qs(*pairs: tuple[str | None, str]) -> RuleCondition:
        return RuleCondition(
            "query-string", query_strings=tuple(QueryStringPair(*p) for p in pairs)
        )

    assert condition_covers(qs((None, "v*")), qs(("k", "val")))
    assert condition_covers(qs(("K", "*")), qs(("k", "x"), ("k", "y")))
    assert not condition_covers(qs(("k", "*")), qs((None, "x")))
    assert not condition_covers(qs(("k", "x")), qs(("k", "x"), ("j", "x")))
    assert not condition_covers(qs(), qs(("k", "x")))


def test_source_ip_containment() -> None:
    a = cond("source-ip", "10.0.0.0/8", "2001:db8::/32")
    assert condition_covers(a, cond("source-ip", "10.1.0.0/16", "2001:db8:1::/48"))
    assert not condition_covers(a, cond("source-ip", "192.168.0.0/16"))
    assert not condition_covers(cond("source-ip", "::/0"), cond("source-ip", "10.0.0.0/8"))
    assert not condition_covers(cond("source-ip", "bogus"), cond("source-ip", "10.0.0.0/8"))


def test_regex_and_unknown_fields_never_cover() -> None:
    rx = RuleCondition("path-pattern", regex_values=("^/api/.*",))
    assert not condition_covers(rx, cond("path-pattern", "/api/x"))
    assert not condition_covers(cond("path-pattern", "*"), rx)
    assert not condition_covers(cond("future-field", "x"), cond("future-field", "x"))


def test_rule_covers_needs_every_condition_of_the_earlier_rule() -> None:
    path = cond("path-pattern", "/api/*")
    host = cond("host-header", "api.example.com")
    assert rule_covers([path], [host, cond("path-pattern", "/api/v1")])
    assert not rule_covers([path, host], [cond("path-pattern", "/api/v1")])
    assert rule_covers([path, host], [host, cond("path-pattern", "/api/v1")])
    assert not rule_covers([], [path])
    assert not rule_covers([path], [])
