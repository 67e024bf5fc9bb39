"""Conformance of an estate: per entrypoint the best pattern, its score and deviations; or, when
derived, the families. The ``edgekit.conformance/1`` JSON document and its CSV rows.

The JSON is byte-stable: keys sorted, entrypoints by hostname, no wall-clock time (the snapshot's
own ``collected_at`` only).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from edgekit.conform.batch import best_matches
from edgekit.conform.derive import FACT_LABELS, Dialects, Family, derive
from edgekit.conform.facts import EntryFacts, collect_facts
from edgekit.conform.fixes import fix_for
from edgekit.conform.items import Deviation, UnknownItem
from edgekit.conform.match import PatternMatch
from edgekit.conform.patterns import Pattern
from edgekit.escape.csvcell import cell
from edgekit.graph import Estate

SCHEMA = "edgekit.conformance/1"
UNKNOWN_NOTE = (
    "unknown: the data needed was not collected; an unknown requirement is not a deviation and "
    "is left out of the score"
)


@dataclass(frozen=True, slots=True)
class EntryConformance:
    """One entrypoint against its best-matching pattern (or its family when derived)."""

    facts: EntryFacts
    match: PatternMatch | None
    family: str | None = None

    @property
    def status(self) -> str:
        """``conforms`` | ``unknown`` | ``deviates``; derived: ``family`` | ``one-off``."""
        if self.match is not None:
            return self.match.status
        return "one-off" if (self.family or "").startswith("one-off") else "family"


@dataclass(frozen=True, slots=True)
class Conformance:
    """The answer of ``edgekit conform``."""

    mode: str
    """``patterns`` or ``derive``."""
    patterns: tuple[Pattern, ...]
    entries: tuple[EntryConformance, ...]
    dialects: Dialects | None = None

    def by_hostname(self) -> dict[str, EntryConformance]:
        """Entries keyed by hostname."""
        return {e.facts.hostname: e for e in self.entries}

    def summary(self) -> dict[str, Any]:
        """Counts: by status, near misses (one deviation), per pattern, per account."""
        statuses = Counter(e.status for e in self.entries)
        out: dict[str, Any] = {"entrypoints": len(self.entries), "by_status": dict(statuses)}
        if self.mode == "patterns":
            out["near_misses"] = sum(
                1 for e in self.entries if e.match is not None and len(e.match.deviations) == 1
            )
            by_pattern: dict[str, Counter[str]] = {p.name: Counter() for p in self.patterns}
            by_account: dict[str, Counter[str]] = {}
            for e in self.entries:
                if e.match is not None:
                    by_pattern[e.match.pattern][e.status] += 1
                by_account.setdefault(e.facts.account_id or "-", Counter())[e.status] += 1
            out["by_pattern"] = {k: dict(v) for k, v in by_pattern.items()}
            out["by_account"] = {k: dict(v) for k, v in sorted(by_account.items())}
            out["common_deviations"] = [
                {"key": k, "message": m, "entrypoints": n} for (k, m), n in common_deviations(self)
            ]
        elif self.dialects is not None:
            out["families"] = {f.id: f.size for f in self.dialects.families}
            out["one_offs"] = len(self.dialects.one_offs)
            out["text"] = self.dialects.summary()
        return out


def conform(
    estate: Estate, patterns: Sequence[Pattern], facts: Sequence[EntryFacts] | None = None
) -> Conformance:
    """Every service entrypoint against its best-matching pattern. ``facts``: the estate's
    :func:`~edgekit.conform.facts.collect_facts`, when the caller already read them."""
    facts = collect_facts(estate) if facts is None else facts
    found = best_matches(facts, patterns)
    entries = tuple(EntryConformance(f, m) for f, m in zip(facts, found, strict=True))
    return Conformance("patterns", tuple(patterns), entries)


def dialects(
    estate: Estate, min_size: int = 2, facts: Sequence[EntryFacts] | None = None
) -> Conformance:
    """The estate's families of configuration (no patterns file). ``facts``: as for
    :func:`conform`."""
    facts = collect_facts(estate) if facts is None else facts
    found = derive(facts, min_size)
    family_of = {m.hostname: f.id for f in (*found.families, *found.one_offs) for m in f.members}
    entries = tuple(EntryConformance(f, None, family_of[f.hostname]) for f in facts)
    return Conformance("derive", (), entries, found)


def common_deviations(result: Conformance, limit: int = 10) -> list[tuple[tuple[str, str], int]]:
    """The most common deviations as ``((key, message), entrypoints)``, most first (messages
    name values, never the behavior, origin or load balancer: those are in ``where``)."""
    counts: Counter[tuple[str, str]] = Counter()
    for e in result.entries:
        if e.match is None:
            continue
        counts.update({(d.key, d.message) for d in e.match.deviations})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


# -- JSON ----------------------------------------------------------------------------------------
def _deviation(d: Deviation, facts: EntryFacts) -> dict[str, Any]:
    step = fix_for(d, facts)
    fix = None
    if step is not None:
        fix = {
            k: v
            for k, v in step.to_json(1).items()
            if k in ("detail", "cdk", "terraform", "inputs")
        }
    return {
        "key": d.key,
        "where": d.where,
        "message": d.message,
        "expected": list(d.expected),
        "actual": d.actual,
        "fix": fix,
    }


def _unknown(u: UnknownItem) -> dict[str, Any]:
    return {"key": u.key, "where": u.where, "reason": u.reason}


def _entry(e: EntryConformance) -> dict[str, Any]:
    f = e.facts
    out: dict[str, Any] = {
        "hostname": f.hostname,
        "entry_kind": f.entry_kind,
        "node": f.node,
        "account_id": f.account_id,
        "region": f.region,
        "path": list(f.path),
        "routes": [
            {"behavior": r.behavior, "path": list(r.kinds), "origin": r.origin} for r in f.routes
        ],
        "status": e.status,
    }
    if e.match is not None:
        m = e.match
        out.update(
            pattern=m.pattern,
            score=m.score,
            requirements={"met": m.met, "deviating": m.deviating, "unknown": m.unknown},
            deviations=[_deviation(d, f) for d in m.deviations],
            unknowns=[_unknown(u) for u in m.unknowns],
        )
    else:
        out["family"] = e.family
    return out


def _family(f: Family) -> dict[str, Any]:
    return {
        "id": f.id,
        "size": f.size,
        "entrypoints": list(f.hostnames),
        "fingerprint": dict(f.fingerprint),
        "compared_with": f.compared_with,
        "distinct": [
            {"fact": k, "label": FACT_LABELS[k], "value": a, "other": b} for k, a, b in f.distinct
        ],
    }


def document(result: Conformance, snapshot_meta: Mapping[str, Any]) -> dict[str, Any]:
    """The ``edgekit.conformance/1`` document."""
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "snapshot": dict(snapshot_meta),
        "mode": result.mode,
        "note": UNKNOWN_NOTE,
        "summary": result.summary(),
        "entrypoints": [_entry(e) for e in sorted(result.entries, key=lambda e: e.facts.hostname)],
    }
    if result.mode == "patterns":
        doc["patterns"] = [
            {"name": p.name, "description": p.description, "path": [str(s) for s in p.path]}
            for p in result.patterns
        ]
    if result.dialects is not None:
        doc["families"] = [_family(f) for f in result.dialects.families]
        doc["one_offs"] = [_family(f) for f in result.dialects.one_offs]
    return doc


def to_json(doc: Mapping[str, Any]) -> str:
    """Byte-stable JSON text (sorted keys, two-space indent, trailing newline)."""
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# -- CSV -----------------------------------------------------------------------------------------
CSV_COLUMNS = (
    "hostname",
    "account_id",
    "region",
    "path",
    "pattern",
    "family",
    "score",
    "status",
    "kind",
    "key",
    "where",
    "detail",
)


def to_csv(result: Conformance) -> str:
    """One row per deviation and per unknown (one ``match`` row for an entrypoint with
    neither); derived: one row per entrypoint. Every cell is formula-escaped."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in sorted(result.entries, key=lambda e: e.facts.hostname):
        f = e.facts
        base = [f.hostname, f.account_id or "", f.region or "", " > ".join(f.path)]
        m = e.match
        if m is None:
            writer.writerow([cell(v) for v in [*base, "", e.family, "", e.status, "", "", "", ""]])
            continue
        head = [*base, m.pattern, "", "" if m.score is None else m.score, m.status]
        rows: list[list[object]] = [["deviation", d.key, d.where, d.message] for d in m.deviations]
        rows += [["unknown", u.key, u.where, u.reason] for u in m.unknowns]
        for row in rows or [["match", "", "", ""]]:
            writer.writerow([cell(v) for v in [*head, *row]])
    return buffer.getvalue()
