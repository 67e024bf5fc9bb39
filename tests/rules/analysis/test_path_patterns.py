"""CloudFront path-pattern matching and exact language inclusion
(edgekit.rules.analysis.path_patterns).

Property tests check the matcher against an independent reference (a memoised recursive glob
matcher), inclusion against sampled members of the covered language, every "not covered"
answer against its concrete counterexample, and everything against brute force on a small
alphabet.
"""

from __future__ import annotations

import itertools
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.rules.analysis import path_patterns
from edgekit.rules.analysis.path_patterns import (
    PatternTooComplexError,
    canonical,
    covers,
    find_common,
    find_uncovered,
    first_match,
    matches,
    overlaps,
)

# Small alphabet: two letters, the separator, and "c" that no generated pattern names (the
# "any other character" class).
PATTERN_CHARS = "ab/*?"
PATH_CHARS = "ab/c"
patterns = st.text(PATTERN_CHARS, max_size=6)
paths = st.text(PATH_CHARS, max_size=8).map(lambda s: "/" + s)


@cache
def ref_match(pattern: str, path: str) -> bool:
    """Reference glob semantics, written independently of the module (no regex, no NFA)."""
    if not pattern:
        return not path
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        return any(ref_match(rest, path[i:]) for i in range(len(path) + 1))
    if not path:
        return False
    return (head == "?" or head == path[0]) and ref_match(rest, path[1:])


def ref(pattern: str, path: str) -> bool:
    return ref_match(canonical(pattern), path)


def sample(pattern: str, data: st.DataObject) -> str:
    """A random member of the pattern's language."""
    out = []
    for c in canonical(pattern):
        if c == "*":
            out.append(data.draw(st.text(PATH_CHARS + "Z", max_size=4)))
        elif c == "?":
            out.append(data.draw(st.sampled_from(PATH_CHARS + "Z")))
        else:
            out.append(c)
    return "".join(out)


def all_paths(max_len: int) -> list[str]:
    return [
        "/" + "".join(t) for n in range(max_len) for t in itertools.product(PATH_CHARS, repeat=n)
    ]


SMALL_PATHS = all_paths(6)


# -- CloudFront facts --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*", "/", True),
        ("*", "/any/thing.jpg", True),
        ("images/*", "/images/a.jpg", True),  # leading / optional in the pattern
        ("/images/*", "/images/a.jpg", True),
        ("/images/*", "images/a.jpg", True),  # and in the path given here
        ("*.jpg", "/a/b/c.jpg", True),  # * crosses /
        ("*.jpg", "/a/b/c.JPG", False),  # case-sensitive
        ("/a?c", "/abc", True),
        ("/a?c", "/ac", False),  # ? is exactly one character
        ("/a?c", "/abbc", False),
        ("/api*", "/api", True),  # * may be empty
        ("/api*", "/apiv2/x", True),
        ("/api/*", "/api", False),
        ("/a.b", "/aXb", False),  # . is literal
        ("/a+b(c)", "/a+b(c)", True),
    ],
)
def test_matches_cloudfront_semantics(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


def test_first_match_wins_in_order() -> None:
    order = ["/api/v2/*", "/api*", "*.jpg"]
    assert first_match(order, "/api/v2/x.jpg") == 0
    assert first_match(order, "/api/v1/x.jpg") == 1
    assert first_match(order, "/img/x.jpg") == 2
    assert first_match(order, "/index.html") is None


@pytest.mark.parametrize(
    ("general", "specific", "expected"),
    [
        ("/api*", "/api/v2/*", True),
        ("/api/v2/*", "/api*", False),
        ("*", "/anything/*.png", True),
        ("/a/*.jpg", "/a/x.jpg", True),
        ("/a/*.jpg", "/a/*/*.jpg", True),
        ("/a/*.jpg", "/a/*.jpeg", False),
        ("images/*", "/images/*", True),
        ("/*", "*", True),  # every path starts with /
        ("*", "/*", True),
        ("/a*b", "/a?b", True),
        ("/a?b", "/a*b", False),
        ("/?*", "/??*", True),
        ("/??*", "/?*", False),
        ("*a*", "*a*a*", True),
        ("*a*a*", "*a*", False),
        ("*.JPG", "*.jpg", False),
        ("/x", "/x", True),
        ("/x", "/y", False),
    ],
)
def test_covers_examples(general: str, specific: str, expected: bool) -> None:
    assert covers(general, specific) is expected


def test_union_coverage() -> None:
    assert covers(["/a?", "/a??*"], "/a?*")
    assert not covers(["/a?", "/a???*"], "/a?*")  # /abc escapes
    assert find_uncovered(["/a?", "/a???*"], "/a?*") is not None
    assert not covers([], "/a")


def test_overlaps_examples() -> None:
    assert overlaps("*.jpg", "/img/*")
    assert not overlaps("/a/*", "/b/*")
    assert not overlaps("*.jpg", "*.png")
    assert overlaps("/a?", "/?b")


def test_long_question_mark_runs_stay_fast() -> None:
    hard = "*a" + "?" * 18  # its DFA has 2**18 states; the antichain keeps the search small
    assert covers([hard, "/zz"], hard)
    assert not covers(["*a" + "?" * 40, "*b" + "?" * 40], "*" + "?" * 41)


def test_budget_exceeded_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(path_patterns, "BUDGET", 2)
    with pytest.raises(PatternTooComplexError):
        covers(["*budget??", "/zz"], "*budget??")  # unique to this test: not memoised


# -- properties --------------------------------------------------------------------------------
@given(patterns, paths)
@settings(deadline=None)
def test_matches_agrees_with_reference(pattern: str, path: str) -> None:
    assert matches(pattern, path) is ref(pattern, path)


@st.composite
def refinements(draw: st.DrawFn) -> tuple[str, str]:
    """A pattern and a narrower one: each ``*`` replaced by any pattern text, each ``?`` kept
    or made a literal (on the canonical form, since a leading ``/`` is optional). The narrower
    language is a subset by construction."""
    general = draw(patterns)
    parts = []
    for c in canonical(general):
        if c == "*":
            parts.append(draw(st.text(PATTERN_CHARS, max_size=3)))
        elif c == "?":
            parts.append(draw(st.sampled_from("?ab/")))
        else:
            parts.append(c)
    return general, "".join(parts)


@given(refinements(), st.data())
@settings(max_examples=300, deadline=None)
def test_refinements_are_covered(pair: tuple[str, str], data: st.DataObject) -> None:
    general, specific = pair
    assert covers(general, specific), pair
    for _ in range(5):
        path = sample(specific, data)
        assert ref(general, path), (general, specific, path)


@given(patterns, patterns, st.data())
@settings(max_examples=300, deadline=None)
def test_covered_languages_sampled(general: str, specific: str, data: st.DataObject) -> None:
    if not covers(general, specific):
        return
    for _ in range(5):
        path = sample(specific, data)
        assert ref(specific, path)
        assert ref(general, path), (general, specific, path)


@given(st.lists(patterns, max_size=3), patterns)
@settings(max_examples=400, deadline=None)
def test_uncovered_witness_is_a_real_counterexample(generals: list[str], specific: str) -> None:
    witness = find_uncovered(generals, specific)
    if witness is None:
        return
    assert ref(specific, witness)
    assert not any(ref(g, witness) for g in generals)


@given(st.lists(patterns, min_size=1, max_size=3), patterns)
@settings(max_examples=300, deadline=None)
def test_covers_agrees_with_brute_force(generals: list[str], specific: str) -> None:
    brute = next(
        (p for p in SMALL_PATHS if ref(specific, p) and not any(ref(g, p) for g in generals)),
        None,
    )
    verdict = covers(generals, specific)
    if brute is not None:
        assert not verdict, (generals, specific, brute)
    if verdict:  # no counterexample anywhere, so none among the short paths either
        assert brute is None


@given(patterns, patterns, st.data())
@settings(max_examples=300, deadline=None)
def test_overlaps_agrees_with_witness_sampling_and_brute_force(
    a: str, b: str, data: st.DataObject
) -> None:
    common = find_common(a, b)
    if common is not None:
        assert ref(a, common) and ref(b, common)
        assert overlaps(a, b)
        return
    assert not overlaps(a, b)
    assert not any(ref(a, p) and ref(b, p) for p in SMALL_PATHS)
    for _ in range(5):
        assert not ref(b, sample(a, data))


@given(patterns, patterns)
@settings(deadline=None)
def test_covers_is_reflexive_and_star_covers_all(a: str, b: str) -> None:
    assert covers(a, a)
    assert covers("*", a)
    if covers(a, b) and covers(b, a):
        for p in SMALL_PATHS[:200]:
            assert ref(a, p) is ref(b, p)


@given(patterns, patterns, patterns)
@settings(max_examples=200, deadline=None)
def test_covers_is_transitive(a: str, b: str, c: str) -> None:
    if covers(a, b) and covers(b, c):
        assert covers(a, c)
