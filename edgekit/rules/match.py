"""CloudFront path patterns: matching a request path, and exact language inclusion.

CloudFront's semantics (CloudFront Developer Guide, "Path pattern" of the cache behavior
settings; API reference, ``CacheBehavior.PathPattern``):

* ``*`` matches zero or more characters, ``/`` included; ``?`` matches exactly one character;
  every other character is literal (there are no character classes or escapes).
* Matching is case-sensitive (``*.jpg`` does not apply to ``LOGO.JPG``).
* A leading ``/`` is optional: CloudFront behaves the same for ``images/*.jpg`` and
  ``/images/*.jpg``. Here a pattern is made canonical by prefixing ``/`` when it has none, and
  request paths always start with ``/``.
* The request path is compared with the ordered behaviors' patterns in order; the first match
  wins; the default behavior (``*``) is evaluated last.

**Inclusion** ``covers(general, specific)`` decides exactly whether every path ``specific``
matches is also matched by ``general`` (its language is a superset) — so an ordered behavior
after ``general`` with pattern ``specific`` can never be reached. Patterns are finite automata
over an unbounded alphabet, but they only ever compare a character for equality with their own
literals, so the alphabet is abstracted, exactly, to the literals of both patterns plus one
symbol standing for "any other character". The check is the classic subset construction on the
covering side, run against the covered pattern's automaton, with antichain pruning (a pair whose
covering subset contains an already explored one's cannot lead to a new counterexample). It
stops at the first counterexample, which :func:`find_uncovered` returns as a concrete path.

The subset construction is exponential only in contrived patterns with long runs of ``?``;
a work budget turns such an input into :class:`PatternTooComplexError` instead of a hang.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

STAR: Final = "*"
ANY: Final = "?"
_OTHER: Final = ""
"""The abstract symbol for "a character no pattern of the comparison names" (never a literal)."""
BUDGET: Final = 200_000
"""Maximum (state, subset) pairs explored by one inclusion test."""


class PatternTooComplexError(ValueError):
    """An inclusion test exceeded :data:`BUDGET` (contrived patterns with long ``?`` runs)."""


def canonical(pattern: str) -> str:
    """The pattern with a leading ``/`` (CloudFront treats both forms alike), runs of ``*``
    collapsed to one (same language)."""
    if not pattern.startswith("/"):
        pattern = "/" + pattern
    return re.sub(r"\*{2,}", STAR, pattern)


@lru_cache(maxsize=4096)
def _regex(pattern: str) -> re.Pattern[str]:
    parts = (".*" if c == STAR else "." if c == ANY else re.escape(c) for c in canonical(pattern))
    return re.compile("".join(parts), re.DOTALL)


def matches(pattern: str, path: str) -> bool:
    """Whether CloudFront applies a behavior with ``pattern`` to a request for ``path``."""
    if not path.startswith("/"):
        path = "/" + path
    return _regex(pattern).fullmatch(path) is not None


def first_match(patterns: Sequence[str], path: str) -> int | None:
    """Index of the pattern that wins for ``path`` (first match in order), or None."""
    return next((i for i, p in enumerate(patterns) if matches(p, path)), None)


@dataclass(frozen=True)
class _Glob:
    """A pattern as an NFA: state ``i`` = the first ``i`` tokens are matched."""

    tokens: str

    @property
    def final(self) -> int:
        return len(self.tokens)

    def close(self, states: Iterable[int]) -> frozenset[int]:
        """Add the states reachable by letting a ``*`` match nothing (stars are collapsed, so
        one step suffices)."""
        out = set(states)
        out.update(i + 1 for i in list(out) if i < self.final and self.tokens[i] == STAR)
        return frozenset(out)

    def step(self, states: Iterable[int], symbol: str) -> frozenset[int]:
        """States after consuming one character of class ``symbol``."""
        nxt: set[int] = set()
        for i in states:
            if i >= self.final:
                continue
            tok = self.tokens[i]
            if tok == STAR:
                nxt.add(i)
            elif tok in (ANY, symbol):
                nxt.add(i + 1)
        return self.close(nxt)

    def literals(self) -> set[str]:
        return {c for c in self.tokens if c not in (STAR, ANY)}


class _Union:
    """Several patterns as one NFA over states ``(pattern index, position)``."""

    def __init__(self, globs: Sequence[_Glob]) -> None:
        self.globs = globs

    def start(self) -> frozenset[tuple[int, int]]:
        return frozenset((k, i) for k, g in enumerate(self.globs) for i in g.close({0}))

    def step(self, states: frozenset[tuple[int, int]], symbol: str) -> frozenset[tuple[int, int]]:
        out: set[tuple[int, int]] = set()
        for k, g in enumerate(self.globs):
            mine = [i for kk, i in states if kk == k]
            if mine:
                out.update((k, i) for i in g.step(mine, symbol))
        return frozenset(out)

    def accepts(self, states: frozenset[tuple[int, int]]) -> bool:
        return any(i == self.globs[k].final for k, i in states)


def _concrete(symbol: str, literals: set[str]) -> str:
    """A real character for an abstract symbol (the "other" class gets an unused character)."""
    if symbol != _OTHER:
        return symbol
    for c in "x0~-_.zZ9" + "".join(chr(n) for n in range(0x100, 0x200)):
        if c not in literals:
            return c
    raise AssertionError("unreachable: literals cannot exhaust the candidates")


def _completion(glob: _Glob, state: int, literals: set[str]) -> str:
    """The shortest suffix taking ``glob`` from ``state`` to acceptance."""
    rest = glob.tokens[state:]
    return "".join(
        "" if c == STAR else _concrete(_OTHER, literals) if c == ANY else c for c in rest
    )


def find_uncovered(generals: Sequence[str], specific: str) -> str | None:
    """A path that ``specific`` matches and none of ``generals`` does; None when the patterns
    of ``generals`` together cover ``specific`` (its language is a subset of their union).

    Raises :class:`PatternTooComplexError` when the search exceeds :data:`BUDGET`.
    """
    q = _Glob(canonical(specific))
    union = _Union([_Glob(canonical(g)) for g in generals])
    literals = q.literals().union(*(g.literals() for g in union.globs))
    alphabet = [*sorted(literals), _OTHER]
    start_p = union.start()
    # Antichain: per state of `specific`, the minimal covering subsets explored so far.
    seen: dict[int, list[frozenset[tuple[int, int]]]] = {}
    queue: deque[tuple[int, frozenset[tuple[int, int]], str]] = deque()

    def push(s: int, sp: frozenset[tuple[int, int]], word: str) -> bool:
        known = seen.setdefault(s, [])
        if any(old <= sp for old in known):
            return False
        known[:] = [old for old in known if not sp <= old]
        known.append(sp)
        queue.append((s, sp, word))
        return True

    for s in q.close({0}):
        push(s, start_p, "")
    explored = 0
    while queue:
        s, sp, word = queue.popleft()
        if not sp:  # nothing of `generals` is left alive: any completion is uncovered
            return word + _completion(q, s, literals)
        if s == q.final and not union.accepts(sp):
            return word
        explored += 1
        if explored > BUDGET:
            raise PatternTooComplexError(f"inclusion of {specific!r} in {list(generals)!r}")
        for sym in alphabet:
            nsp = union.step(sp, sym)
            char = _concrete(sym, literals)
            for ns in q.step({s}, sym):
                push(ns, nsp, word + char)
    return None


def covers(general: str | Sequence[str], specific: str) -> bool:
    """Whether every path ``specific`` matches is matched by ``general`` (a pattern, or several
    patterns taken together). Exact; see the module docstring."""
    generals = [general] if isinstance(general, str) else list(general)
    if isinstance(general, str) and canonical(general) == canonical(specific):
        return True
    return find_uncovered(generals, specific) is None


def find_common(a: str, b: str) -> str | None:
    """A path both patterns match, or None when their languages are disjoint."""
    ga, gb = _Glob(canonical(a)), _Glob(canonical(b))
    literals = ga.literals() | gb.literals()
    alphabet = [*sorted(literals), _OTHER]
    start = [(i, j) for i in ga.close({0}) for j in gb.close({0})]
    seen = set(start)
    queue = deque((i, j, "") for i, j in start)
    while queue:
        i, j, word = queue.popleft()
        if i == ga.final and j == gb.final:
            return word
        for sym in alphabet:
            char = _concrete(sym, literals)
            for ni in ga.step({i}, sym):
                for nj in gb.step({j}, sym):
                    if (ni, nj) not in seen:
                        seen.add((ni, nj))
                        queue.append((ni, nj, word + char))
    return None


def overlaps(a: str, b: str) -> bool:
    """Whether some path matches both patterns (their languages intersect)."""
    return find_common(a, b) is not None
