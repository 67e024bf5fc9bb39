"""Matching many entrypoints: each distinct configuration against the patterns once.

A match reads an entrypoint's routes, its distribution's facts and its load balancers' facts;
the names in them (hostname, node ids, account, region, the distribution id, load balancer
names) only ever reach the *text* of a deviation or an unknown, never decide one. So the
entrypoints of an estate that differ only in those names (the alias, the record and the
generated name of one distribution; sites stamped from one template) get the same
:class:`~edgekit.conform.match.PatternMatch` up to the names.

:func:`best_matches` replaces every name by a placeholder (the same name, the same
placeholder), matches each distinct placeholder configuration once, and writes the names back
into the items. What it returns is exactly :func:`~edgekit.conform.match.best_match` of each
entrypoint (tests compare them); where the names could make that uncertain (a name holding the
placeholder mark, two items that become one once named) it matches that entrypoint directly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from edgekit.conform.facts import CloudFrontFacts, EntryFacts, LoadBalancerFacts
from edgekit.conform.items import Deviation, UnknownItem
from edgekit.conform.match import PathMemo, PatternMatch, best_match
from edgekit.conform.patterns import Pattern

MARK = "\x00"
"""Delimits a placeholder (``\\x00<n>\\x00``); no AWS name or hostname contains it."""
_PLACEHOLDER = re.compile(f"{MARK}([0-9]+){MARK}")


class _UnsafeNameError(Exception):
    """A name holds the placeholder mark: match that entrypoint directly."""


class _Names:
    """The placeholders of one entrypoint's names (injective: one name, one placeholder)."""

    def __init__(self) -> None:
        self.placeholders: dict[str, str] = {}
        self.names: list[str] = []

    def __call__(self, name: str) -> str:
        found = self.placeholders.get(name)
        if found is None:
            if MARK in name:
                raise _UnsafeNameError(name)
            found = self.placeholders[name] = f"{MARK}{len(self.names)}{MARK}"
            self.names.append(name)
        return found

    def optional(self, name: str | None) -> str | None:
        return None if name is None else self(name)

    def text(self, text: str) -> str:
        """``text`` with its placeholders named."""
        if MARK not in text:
            return text
        return _PLACEHOLDER.sub(lambda m: self.names[int(m.group(1))], text)


def configuration(facts: EntryFacts) -> tuple[EntryFacts, _Names] | None:
    """``facts`` with every name a placeholder, and the names (None: a name holds the mark)."""
    names = _Names()
    try:
        cf = facts.cloudfront
        return replace(
            facts,
            hostname=names(facts.hostname),
            node=names(facts.node),
            account_id=names.optional(facts.account_id),
            region=names.optional(facts.region),
            service=names(facts.service),
            cloudfront=None if cf is None else _cloudfront(cf, names),
            load_balancers=tuple(_load_balancer(lb, names) for lb in facts.load_balancers),
        ), names
    except _UnsafeNameError:
        return None


def _cloudfront(cf: CloudFrontFacts, names: _Names) -> CloudFrontFacts:
    return replace(cf, id=names(cf.id))


def _load_balancer(lb: LoadBalancerFacts, names: _Names) -> LoadBalancerFacts:
    return replace(lb, name=names(lb.name))


@dataclass(frozen=True, slots=True)
class _Shared:
    """A configuration's best match, and which of its items hold a placeholder."""

    match: PatternMatch
    deviations: tuple[int, ...]
    unknowns: tuple[int, ...]

    @classmethod
    def of(cls, found: PatternMatch) -> _Shared:
        return cls(
            found,
            tuple(i for i, d in enumerate(found.deviations) if _marked(d)),
            tuple(i for i, u in enumerate(found.unknowns) if _marked(u)),
        )

    def named(self, names: _Names) -> PatternMatch | None:
        """The match with the names written back (None: two items would become one)."""
        found = self.match
        if not self.deviations and not self.unknowns:
            return found
        deviations = list(found.deviations)
        for i in self.deviations:
            d = deviations[i]
            deviations[i] = Deviation(names.text(d.key), names.text(d.where),
                                      names.text(d.message),
                                      tuple(names.text(e) for e in d.expected),
                                      names.text(d.actual))  # fmt: skip
        unknowns = list(found.unknowns)
        for i in self.unknowns:
            u = unknowns[i]
            unknowns[i] = UnknownItem(names.text(u.key), names.text(u.where), names.text(u.reason))
        if len(set(deviations)) != len(deviations) or len(set(unknowns)) != len(unknowns):
            return None
        return replace(found, deviations=tuple(deviations), unknowns=tuple(unknowns))


def _marked(item: Deviation | UnknownItem) -> bool:
    if isinstance(item, Deviation):
        texts = (item.key, item.where, item.message, item.actual, *item.expected)
    else:
        texts = (item.key, item.where, item.reason)
    return any(MARK in t for t in texts)


def best_matches(facts: Sequence[EntryFacts], patterns: Sequence[Pattern]) -> list[PatternMatch]:
    """:func:`~edgekit.conform.match.best_match` of every entrypoint, in order; each distinct
    configuration (the facts up to their names) is matched against the patterns once."""
    done: dict[EntryFacts, _Shared] = {}
    paths: PathMemo = {}
    out: list[PatternMatch] = []
    for f in facts:
        found = configuration(f)
        if found is None:
            out.append(best_match(f, patterns, paths))
            continue
        config, names = found
        shared = done.get(config)
        if shared is None:
            shared = done[config] = _Shared.of(best_match(config, patterns, paths))
        named = shared.named(names)
        out.append(best_match(f, patterns, paths) if named is None else named)
    return out
