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

Two cheap candidate paths are tried before the search (most non-inclusions end there) and
results are memoised per (patterns, pattern), since estates repeat the same patterns. The subset
construction is exponential only in contrived patterns with long runs of ``?``; a work budget
turns such an input into :class:`PatternTooComplexError` instead of a hang.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

STAR: Final = "*"
ANY: Final = "?"
_OTHER: Final = ""
"""The abstract symbol for "a character no pattern of the comparison names" (never a literal)."""
BUDGET = 200_000
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

    def literals(self) -> set[str]:
        return {c for c in self.tokens if c not in (STAR, ANY)}


class _Nfa:
    """Several patterns as one NFA over a fixed abstract alphabet, transitions memoised.

    Global states number every pattern position; :meth:`move` gives the (closed) set of states
    after one character of class ``symbol`` (an index into the alphabet).
    """

    def __init__(self, globs: Sequence[_Glob], alphabet: Sequence[str]) -> None:
        self.alphabet = alphabet
        self.tokens: list[str] = []
        """Token at each global state (``""`` for a pattern's final state)."""
        self.closure: list[frozenset[int]] = []
        start: set[int] = set()
        final: set[int] = set()
        for g in globs:
            base = len(self.tokens)
            self.tokens.extend(g.tokens)
            self.tokens.append("")
            start.add(base)
            final.add(base + g.final)
        n = len(self.tokens)
        self.closure = [
            frozenset((i, i + 1)) if self.tokens[i] == STAR and i + 1 < n else frozenset((i,))
            for i in range(n)
        ]
        self.start = frozenset().union(*(self.closure[i] for i in start))
        self.final = frozenset(final)
        self._moves: dict[tuple[int, int], frozenset[int]] = {}

    def move(self, state: int, symbol: int) -> frozenset[int]:
        key = (state, symbol)
        found = self._moves.get(key)
        if found is None:
            tok = self.tokens[state]
            if tok == STAR:
                found = self.closure[state]
            elif tok == ANY or (tok and tok == self.alphabet[symbol]):
                found = self.closure[state + 1]
            else:
                found = frozenset()
            self._moves[key] = found
        return found

    def step(self, states: frozenset[int], symbol: int) -> frozenset[int]:
        rows = [self.move(s, symbol) for s in states]
        return frozenset().union(*rows) if rows else frozenset()


_CANDIDATES: Final = "x0~-_.zZ9" + "".join(chr(n) for n in range(0x100, 0x200))
"""Characters for the "other" class: the first one no pattern of the comparison names (the
literal set of two patterns is far smaller than this list)."""


def _concrete(symbol: str, literals: set[str]) -> str:
    """A real character for an abstract symbol (the "other" class gets an unused character)."""
    if symbol != _OTHER:
        return symbol
    return next(c for c in _CANDIDATES if c not in literals)


def _completion(glob: _Glob, state: int, literals: set[str]) -> str:
    """The shortest suffix taking ``glob`` from ``state`` to acceptance."""
    rest = glob.tokens[state:]
    return "".join(
        "" if c == STAR else _concrete(_OTHER, literals) if c == ANY else c for c in rest
    )


def _quick_witness(generals: Sequence[str], specific: str, other: str) -> str | None:
    """Cheap candidates first: ``specific`` with its ``*`` empty or one unnamed character and
    its ``?`` an unnamed character. Most non-inclusions are caught here."""
    tokens = canonical(specific)
    for star in ("", other):
        path = "".join(star if c == STAR else other if c == ANY else c for c in tokens)
        if not any(matches(g, path) for g in generals):
            return path
    return None


@lru_cache(maxsize=8192)
def _uncovered(generals: tuple[str, ...], specific: str) -> str | None:
    q = _Glob(canonical(specific))
    globs = [_Glob(canonical(g)) for g in generals]
    literals = q.literals().union(*(g.literals() for g in globs))
    alphabet = [*sorted(literals), _OTHER]
    chars = [_concrete(a, literals) for a in alphabet]
    quick = _quick_witness(generals, specific, chars[-1])
    if quick is not None:
        return quick
    p = _Nfa(globs, alphabet)
    qn = _Nfa([q], alphabet)
    q_final = q.final

    def counterexample(s: int, sp: frozenset[int], word: str) -> str | None:
        if not sp:  # nothing of `generals` is left alive: any completion is uncovered
            return word + _completion(q, s, literals)
        if s == q_final and not sp & p.final:
            return word
        return None

    # Antichain: per state of `specific`, the minimal covering subsets explored so far.
    seen: dict[int, list[frozenset[int]]] = {}
    queue: deque[tuple[int, frozenset[int], str]] = deque()

    def push(s: int, sp: frozenset[int], word: str) -> None:
        known = seen.setdefault(s, [])
        if any(old <= sp for old in known):
            return
        known[:] = [old for old in known if not sp <= old]
        known.append(sp)
        queue.append((s, sp, word))

    for s in qn.start:
        found = counterexample(s, p.start, "")
        if found is not None:
            return found
        push(s, p.start, "")
    explored = 0
    while queue:
        s, sp, word = queue.popleft()
        explored += 1
        if explored > BUDGET:
            raise PatternTooComplexError(f"inclusion of {specific!r} in {list(generals)!r}")
        for a, char in enumerate(chars):
            nsp = p.step(sp, a)
            for ns in qn.move(s, a):
                found = counterexample(ns, nsp, word + char)
                if found is not None:
                    return found
                push(ns, nsp, word + char)
    return None


def find_uncovered(generals: Sequence[str], specific: str) -> str | None:
    """A path that ``specific`` matches and none of ``generals`` does; None when the patterns
    of ``generals`` together cover ``specific`` (its language is a subset of their union).

    Raises :class:`PatternTooComplexError` when the search exceeds :data:`BUDGET`.
    """
    return _uncovered(tuple(generals), specific)


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
    chars = [_concrete(x, literals) for x in alphabet]
    na, nb = _Nfa([ga], alphabet), _Nfa([gb], alphabet)
    start = [(i, j) for i in na.start for j in nb.start]
    seen = set(start)
    queue = deque((i, j, "") for i, j in start)
    while queue:
        i, j, word = queue.popleft()
        if i == ga.final and j == gb.final:
            return word
        for x, char in enumerate(chars):
            for ni in na.move(i, x):
                for nj in nb.move(j, x):
                    if (ni, nj) not in seen:
                        seen.add((ni, nj))
                        queue.append((ni, nj, word + char))
    return None


def overlaps(a: str, b: str) -> bool:
    """Whether some path matches both patterns (their languages intersect)."""
    return find_common(a, b) is not None
