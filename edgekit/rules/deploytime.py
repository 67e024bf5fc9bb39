"""Values only known at deploy time (IaC snapshots): a verdict that depends on one is unknown.

An IaC import (docs/iac.md) lists, on each item, the members it could not resolve under
``_iac.unresolved``: ``{"member", "path", "values", "absent", "reason"}`` — the path from the
item, the values the API allows there and whether leaving the member out is possible too. The
snapshot itself holds a placeholder that matches nothing.

:func:`worlds` builds the alternative snapshots: world *i* gives every unresolved member its
*i*-th possible value (cycling through shorter lists), so ``max(len(values))`` worlds cover
every value of every member. :func:`merge` then keeps a (check, resource) verdict only when
every world agrees with it, and otherwise reports one *unknown* finding naming the values the
verdict depends on. Checks need no change: a check that does not read an unresolved value
gives the same verdict in every world. Members combine per world, not as a full product, so a
verdict that changes only for one combination of two unresolved values can go unnoticed; that
is a documented limit (docs/iac.md).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from edgekit.rules.finding import Finding, Status
from edgekit.snapshot import Snapshot

IAC_KEY = "_iac"
UNRESOLVED = "unresolved"
_ABSENT = object()
_KEEP = object()
MAX_NAMED = 5


@dataclass(frozen=True)
class World:
    """One alternative snapshot and the value it gave each unresolved member."""

    snapshot: Snapshot
    assignments: tuple[Assignment, ...]


@dataclass(frozen=True)
class Assignment:
    """The value one world gave one unresolved member."""

    label: str
    """``<logical id>.<member path>``."""
    value: Any
    """The value tried, or ``"(absent)"``."""
    ids: frozenset[str]
    """Ids and ARNs of the item holding the member (to relate it to findings)."""


def _holders(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict carrying an ``_iac`` side key with unresolved members."""
    if isinstance(value, dict):
        side = value.get(IAC_KEY)
        if isinstance(side, dict) and side.get(UNRESOLVED):
            yield value
        for key, v in value.items():
            if key != IAC_KEY:
                yield from _holders(v)
    elif isinstance(value, list):
        for v in value:
            yield from _holders(v)


def _choices(entry: dict[str, Any]) -> list[Any]:
    keep = [_KEEP] if entry.get("keep") else []
    return keep + list(entry.get("values") or []) + ([_ABSENT] if entry.get("absent") else [])


def has_unresolved(snapshot: Snapshot) -> bool:
    """True when some member of an IaC snapshot can take several values."""
    return snapshot.source.startswith("iac") and any(
        len(_choices(e)) > 1
        for p in snapshot.payloads
        for h in _holders(p.get("data"))
        for e in h[IAC_KEY][UNRESOLVED]
    )


def worlds(snapshot: Snapshot) -> list[World]:
    """The alternative snapshots (none when nothing is unresolved).

    Only payloads holding unresolved members are copied (through JSON, faster than
    ``deepcopy``); the others are shared with ``snapshot``.
    """
    plan: dict[int, list[tuple[str, list[Any], list[Any], frozenset[str]]]] = {}
    for n, p in enumerate(snapshot.payloads):
        for holder in _holders(p.get("data")):
            for entry in holder[IAC_KEY][UNRESOLVED]:
                choices = _choices(entry)
                if len(choices) > 1:
                    label = f"{holder[IAC_KEY].get('logical_id', '?')}.{entry['member']}"
                    item = (label, list(entry["path"]), choices, _ids(holder))
                    plan.setdefault(n, []).append(item)
    count = max((len(c) for steps in plan.values() for _l, _p, c, _i in steps), default=0)
    out: list[World] = []
    for i in range(count):
        payloads = list(snapshot.payloads)
        assigned: list[Assignment] = []
        for n, steps in plan.items():
            payloads[n] = json.loads(json.dumps(payloads[n]))
            holders = [
                (h, e) for h in _holders(payloads[n].get("data")) for e in h[IAC_KEY][UNRESOLVED]
            ]
            wanted = [(h, e) for h, e in holders if len(_choices(e)) > 1]
            for (holder, _entry), (label, path, choices, ids) in zip(wanted, steps, strict=True):
                value = choices[i % len(choices)]
                if value is not _KEEP:
                    _assign(holder, path, value)
                assigned.append(Assignment(label, _shown(value), ids))
        out.append(World(replace(snapshot, payloads=payloads), tuple(assigned)))
    return out


def _shown(value: Any) -> Any:
    if value is _ABSENT:
        return "(absent)"
    if value is _KEEP:
        return "(some value)"
    return value


def _ids(value: Any, depth: int = 0) -> frozenset[str]:
    """Id-like strings (``...Id``, ``...Arn``/``ARN``) of an item, three levels deep."""
    found: set[str] = set()
    if isinstance(value, list) and depth <= 3:
        for v in value:
            found |= _ids(v, depth)
    elif isinstance(value, dict) and depth <= 3:
        for key, v in value.items():
            if isinstance(v, str) and len(v) > 4 and key.endswith(("Id", "Arn", "ARN")):
                found.add(v.removeprefix("/hostedzone/"))
            elif key != IAC_KEY:
                found |= _ids(v, depth + 1)
    return frozenset(found)


def _assign(holder: dict[str, Any], path: list[Any], value: Any) -> None:
    target: Any = holder
    for key in path[:-1]:
        target = target[key]
    last = path[-1]
    if value is _ABSENT:
        if isinstance(target, dict):
            target.pop(last, None)
    else:
        target[last] = copy.deepcopy(value)
    if last == "Items" and isinstance(target, dict) and "Quantity" in target:
        items = target.get("Items")
        target["Quantity"] = len(items) if isinstance(items, list) else 0


Pair = tuple[str, str]


def _by_pair(findings: Sequence[Finding]) -> dict[Pair, list[Finding]]:
    out: dict[Pair, list[Finding]] = {}
    for f in findings:
        out.setdefault((f.check_id, f.resource.id), []).append(f)
    return out


def _signature(findings: Sequence[Finding]) -> tuple[str, ...]:
    return tuple(sorted(f.status.value for f in findings))


def merge(
    base: Sequence[Finding], alternatives: Sequence[tuple[World, Sequence[Finding]]]
) -> list[Finding]:
    """``base``'s findings where every world agrees; one unknown finding where they differ.

    Where the worlds agree with each other but not with ``base`` (whose placeholders match no
    real value), the first world's findings stand: they hold whatever the deployed value is.
    """
    if not alternatives:
        return list(base)
    mine = _by_pair(base)
    theirs = [(w, _by_pair(fs)) for w, fs in alternatives]
    pairs = set(mine).union(*(set(t) for _, t in theirs))
    all_worlds = [w for w, _ in theirs]
    owners = _owners(all_worlds)
    out: list[Finding] = []
    for pair in sorted(pairs):
        sigs = [_signature(t.get(pair, [])) for _, t in theirs]
        if len(set(sigs)) == 1:
            first = theirs[0][1].get(pair, [])
            out.extend(mine.get(pair, []) if _signature(mine.get(pair, [])) == sigs[0] else first)
            continue
        failing = [w for w, t in theirs if any(f.status is Status.FAIL for f in t.get(pair, []))]
        candidates = [mine.get(pair, []), *(t.get(pair, []) for _, t in theirs)]
        template = next(f for fs in candidates for f in fs)
        out.append(_unknown(template, all_worlds, sigs, failing, owners))
    out.sort(key=Finding.sort_key)
    return out


def _owners(worlds_: Sequence[World]) -> dict[str, set[str]]:
    """Id or ARN -> the members of the item it belongs to."""
    out: dict[str, set[str]] = {}
    for a in worlds_[0].assignments if worlds_ else ():
        for ident in a.ids:
            out.setdefault(ident, set()).add(a.label)
    return out


def _deciding(
    template: Finding,
    worlds_: list[World],
    sigs: list[tuple[str, ...]],
    owners: Mapping[str, set[str]],
) -> set[str]:
    """Members whose value alone decides the verdict across the worlds.

    Members cycle through their values with different periods, so a member the verdict does
    not depend on takes one value in worlds with different verdicts; members with equal
    periods cannot be told apart and are named together. The finding's own item's members
    are tried first (one whose every value occurs once decides only trivially), then all.
    """
    rid = template.resource.id
    own: set[str] = set()
    for token in {rid, *re.split(r"[:/]", rid)}:
        own |= owners.get(token, set())
    for candidates in (own, None):
        outcomes: dict[str, dict[str, set[tuple[str, ...]]]] = {}
        for w, sig in zip(worlds_, sigs, strict=True):
            for a in w.assignments:
                if candidates is None or a.label in candidates:
                    outcomes.setdefault(a.label, {}).setdefault(repr(a.value), set()).add(sig)
        deciding = {m for m, by in outcomes.items() if all(len(v) == 1 for v in by.values())}
        telling = {m for m in deciding if len(outcomes[m]) < len(worlds_)}
        if telling or deciding:
            return telling or deciding
    return own or {a.label for w in worlds_ for a in w.assignments}


def _unknown(
    template: Finding,
    worlds_: list[World],
    sigs: list[tuple[str, ...]],
    failing: list[World],
    owners: Mapping[str, set[str]],
) -> Finding:
    named = _deciding(template, worlds_, sigs, owners)
    members = sorted(named)
    fails_when: list[dict[str, Any]] = []
    for w in failing:
        case = {a.label: a.value for a in w.assignments if a.label in named}
        if case not in fails_when:
            fails_when.append(case)
    cases = "; ".join(
        ", ".join(f"{k} = {v}" for k, v in sorted(c.items())) for c in fails_when[:MAX_NAMED]
    )
    message = f"depends on values only known at deploy time: fails when {cases}"
    if not failing:
        shown = members[:MAX_NAMED] + (["..."] if len(members) > MAX_NAMED else [])
        message = f"depends on values only known at deploy time ({', '.join(shown)})"
    evidence = {"deploy_time_values": members, "fails_when": fails_when}
    return replace(template, status=Status.UNKNOWN, message=message, evidence=evidence)
