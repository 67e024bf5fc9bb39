"""Compare an entrypoint's facts with a house pattern: every requirement met, deviating, or
unknown (data not collected: never counted as a deviation).

A pattern's **score** on an entrypoint is the share of its evaluated requirements (the path and
every key the pattern sets that applies to the entrypoint) that are met; unknown requirements
are left out of the share and listed. The best-matching pattern has the highest score, then the
fewest deviations, the fewest unknowns, and comes first in the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from edgekit.conform.evaluators import EVALUATORS, route_where
from edgekit.conform.facts import UNKNOWN_HOP, EntryFacts
from edgekit.conform.items import Deviation, UnknownItem
from edgekit.conform.patterns import PathStep, Pattern

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """How one entrypoint fares against one pattern."""

    pattern: str
    met: int
    deviating: int
    unknown: int
    deviations: tuple[Deviation, ...]
    unknowns: tuple[UnknownItem, ...]

    @property
    def score(self) -> float | None:
        """Met requirements / evaluated requirements (None: nothing could be evaluated)."""
        evaluated = self.met + self.deviating
        return round(self.met / evaluated, 3) if evaluated else None

    @property
    def status(self) -> str:
        """``conforms`` | ``unknown`` (no deviation, something not known) | ``deviates``."""
        if self.deviations:
            return "deviates"
        return "unknown" if self.unknowns else "conforms"

    def rank(self) -> tuple[float, int, int]:
        """Sort key, best first."""
        return (-(self.score or 0.0), len(self.deviations), len(self.unknowns))


@dataclass
class _Tally:
    deviations: list[Deviation] = field(default_factory=list)
    unknowns: list[UnknownItem] = field(default_factory=list)
    met: int = 0
    deviating: int = 0
    unknown: int = 0

    def key(self, items: Sequence[Deviation | UnknownItem]) -> None:
        """Record one requirement's outcome (no items: met)."""
        devs = _unique([i for i in items if isinstance(i, Deviation)])
        unks = _unique([i for i in items if isinstance(i, UnknownItem)])
        self.deviations += devs
        self.unknowns += unks
        if devs:
            self.deviating += 1
        elif unks:
            self.unknown += 1
        else:
            self.met += 1


def _unique(items: list[T]) -> list[T]:
    return list(dict.fromkeys(items))


@dataclass(frozen=True, slots=True)
class PathDifference:
    """How a route's hop kinds differ from a pattern's path (:func:`route_path`)."""

    unknown: bool
    """They would match but for a hop of unknown kind."""
    texts: tuple[str, ...] = ()
    """Else: the differences in words."""


PathMemo = dict[tuple[tuple[str, ...], tuple[PathStep, ...]], PathDifference | None]
"""How a route's hop kinds differ from a pattern's path (:func:`route_path`), by both: shared
by the matches of many entrypoints (:func:`best_match`'s ``memo``)."""


def match(facts: EntryFacts, pattern: Pattern, memo: PathMemo | None = None) -> PatternMatch:
    """Evaluate every requirement of ``pattern`` on ``facts`` (``memo``: see :data:`PathMemo`)."""
    tally = _Tally()
    tally.key(list(_path(facts, pattern.path, {} if memo is None else memo)))
    for (section, key), expected in pattern.settings.items():
        evaluator = EVALUATORS[(section, key)]
        items = evaluator(facts, expected)
        if items is not None:
            tally.key(items)
    return PatternMatch(
        pattern=pattern.name,
        met=tally.met,
        deviating=tally.deviating,
        unknown=tally.unknown,
        deviations=tuple(tally.deviations),
        unknowns=tuple(tally.unknowns),
    )


def best_match(
    facts: EntryFacts, patterns: Sequence[Pattern], memo: PathMemo | None = None
) -> PatternMatch:
    """The best-matching pattern's :class:`PatternMatch` (ties: the first in the file);
    ``memo``: see :data:`PathMemo`."""
    results = [match(facts, p, memo) for p in patterns]
    return min(enumerate(results), key=lambda r: (*r[1].rank(), r[0]))[1]


# -- path ----------------------------------------------------------------------------------------
def _align(
    kinds: Sequence[str], steps: Sequence[PathStep]
) -> list[tuple[str | None, PathStep | None]]:
    """Longest alignment of hops to steps (a hop matches a step listing its kind)."""
    n, m = len(kinds), len(steps)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            hit = kinds[i] in steps[j].kinds
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + 1 if hit else 0)
    out: list[tuple[str | None, PathStep | None]] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and kinds[i] in steps[j].kinds and best[i][j] == best[i + 1][j + 1] + 1:
            out.append((kinds[i], steps[j]))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            out.append((kinds[i], None))
            i += 1
        else:
            out.append((None, steps[j]))
            j += 1
    return out


def path_differences(kinds: Sequence[str], steps: Sequence[PathStep]) -> list[str]:
    """What differs between a route's hops and a pattern's path, in words."""
    pairs = _align(kinds, steps)
    out: list[str] = []
    k = 0
    while k < len(pairs):
        hop, step = pairs[k]
        nxt = pairs[k + 1] if k + 1 < len(pairs) else (None, None)
        if hop is not None and step is None and nxt[0] is None and nxt[1] is not None:
            out.append(f"{hop} where the pattern has {nxt[1]}")
            k += 2
            continue
        if hop is None and step is not None and nxt[0] is not None and nxt[1] is None:
            out.append(f"{nxt[0]} where the pattern has {step}")
            k += 2
            continue
        if hop is not None and step is None:
            ahead = next((h for h, s in pairs[k + 1 :] if h is not None), None)
            out.append(f"extra hop: {hop}" + (f" in front of {ahead}" if ahead else ""))
        elif step is not None and hop is None:
            out.append(f"missing hop: {step}")
        k += 1
    return out


def route_path(kinds: tuple[str, ...], steps: Sequence[PathStep]) -> PathDifference | None:
    """How hop ``kinds`` differ from ``steps`` (None: they match)."""
    if len(kinds) == len(steps) and all(k in s.kinds for k, s in zip(kinds, steps, strict=True)):
        return None
    if (
        UNKNOWN_HOP in kinds
        and len(kinds) == len(steps)
        and all(k == UNKNOWN_HOP or k in s.kinds for k, s in zip(kinds, steps, strict=True))
    ):
        return PathDifference(unknown=True)
    texts = path_differences(kinds, steps)
    if len(texts) > 2 or not any(h and st for h, st in _align(kinds, steps)):
        expected = " > ".join(str(s) for s in steps)
        texts = [f"path {' > '.join(kinds) or '(none)'} is not {expected}"]
    return PathDifference(unknown=False, texts=tuple(texts))


def _path(
    facts: EntryFacts, steps: tuple[PathStep, ...], memo: PathMemo
) -> Iterator[Deviation | UnknownItem]:
    """Routes whose hops differ from ``steps``; alike differences of several behaviors are one
    deviation naming them all."""
    expected = tuple(str(s) for s in steps)
    found: dict[tuple[str, str], list[str]] = {}
    for route in facts.routes:
        where = route_where(route)
        kinds = route.kinds
        key = (kinds, steps)
        if key in memo:
            diff = memo[key]
        else:
            diff = memo[key] = route_path(kinds, steps)
        if diff is None:
            continue
        if diff.unknown:
            yield UnknownItem("path", where, "a hop's kind is not in the snapshot")
            continue
        for text in diff.texts:
            found.setdefault((text, " > ".join(kinds)), []).append(where)
    for (text, actual), wheres in found.items():
        yield Deviation("path", _join_wheres(wheres), text, expected, actual)


def _join_wheres(wheres: list[str]) -> str:
    if len(wheres) == 1:
        return wheres[0]
    names = [
        w.removeprefix("behavior ").removeprefix("default behavior") or "default" for w in wheres
    ]
    return "behaviors " + ", ".join(names)


__all__ = [
    "EVALUATORS",
    "Deviation",
    "PathDifference",
    "PathMemo",
    "PatternMatch",
    "UnknownItem",
    "best_match",
    "match",
    "path_differences",
    "route_path",
]
