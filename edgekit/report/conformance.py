"""The conformance section of the reports: plain functions of a :class:`Report` (issue 17).

Tables: conformance by pattern and by account, the most common deviations, every entrypoint's
deviations, and the one-offs (entrypoints whose configuration no other service shares, from
:func:`edgekit.conform.dialects`). :func:`section` displays them in a notebook (CSV files in the
run folder, bounded excerpts); the table functions return DataFrames for JupyterLab.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from edgekit.conform import Conformance, EntryFacts, collect_facts, conform, dialects, load_patterns
from edgekit.conform.derive import FACT_LABELS
from edgekit.conform.result import common_deviations
from edgekit.conform.schema import EXAMPLE_FILE
from edgekit.escape.mdtext import text as md

if TYPE_CHECKING:
    from edgekit.report.data import Report

STATUSES = ("conforms", "unknown", "deviates")


def patterns_file(path: str | os.PathLike[str] | None) -> Path:
    """The patterns file to use: ``path``, or the bundled example when none is given."""
    return Path(path) if path else EXAMPLE_FILE


def result(
    rep: Report,
    patterns: str | os.PathLike[str] | None = None,
    facts: Sequence[EntryFacts] | None = None,
) -> Conformance:
    """The estate's conformance to ``patterns`` (the bundled example when None); ``facts``:
    the estate's entrypoint facts when already read (:func:`edgekit.conform.collect_facts`)."""
    return conform(rep.estate, load_patterns(patterns_file(patterns)), facts)


def _counts(rows: dict[str, dict[str, int]], first: str) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            {
                first: key,
                **{s: counts.get(s, 0) for s in STATUSES},
                "entrypoints": sum(counts.values()),
            }
            for key, counts in rows.items()
        ],
        columns=[first, *STATUSES, "entrypoints"],
    )
    share = frame["conforms"] / frame["entrypoints"].where(frame["entrypoints"] > 0)
    frame["conforming share"] = [f"{s:.0%}" if pd.notna(s) else "-" for s in share]
    return frame


def by_pattern(found: Conformance) -> pd.DataFrame:
    """Entrypoints per best-matching pattern and status."""
    return _counts(found.summary()["by_pattern"], "pattern")


def by_account(found: Conformance) -> pd.DataFrame:
    """Entrypoints per account and status."""
    return _counts(found.summary()["by_account"], "account")


def top_deviations(found: Conformance, n: int = 10) -> pd.DataFrame:
    """The most common deviations (how many entrypoints show each)."""
    return pd.DataFrame(
        [{"key": k, "deviation": m, "entrypoints": c} for (k, m), c in common_deviations(found, n)],
        columns=["key", "deviation", "entrypoints"],
    )


def entrypoints(found: Conformance) -> pd.DataFrame:
    """One row per entrypoint: pattern, score, status, deviations and unknowns as text."""
    rows: list[dict[str, Any]] = []
    for e in sorted(found.entries, key=lambda e: e.facts.hostname):
        m = e.match
        if m is None:
            continue
        rows.append(
            {
                "entrypoint": e.facts.hostname,
                "account": e.facts.account_id or "",
                "pattern": m.pattern,
                "score": "-" if m.score is None else f"{m.score:.0%}",
                "status": m.status,
                "deviations": "; ".join(f"{d.where}: {d.message}" for d in m.deviations),
                "unknown": "; ".join(f"{u.key} ({u.reason})" for u in m.unknowns),
            }
        )
    columns = ["entrypoint", "account", "pattern", "score", "status", "deviations", "unknown"]
    return pd.DataFrame(rows, columns=columns)


def one_offs(rep: Report, facts: Sequence[EntryFacts] | None = None) -> pd.DataFrame:
    """Entrypoints whose configuration no other service shares, and how each differs from the
    nearest family (``facts``: as for :func:`result`)."""
    found = dialects(rep.estate, facts=facts).dialects
    assert found is not None
    rows = [
        {
            "entrypoints": ", ".join(f.hostnames),
            "nearest family": f.compared_with or "-",
            "differs in": "; ".join(
                f"{FACT_LABELS[k]}: {a} (family: {b})" for k, a, b in f.distinct
            ),
        }
        for f in found.one_offs
    ]
    return pd.DataFrame(rows, columns=["entrypoints", "nearest family", "differs in"])


def section(
    rep: Report, patterns: str | os.PathLike[str] | None = None, max_rows: int = 15
) -> None:
    """Display the conformance section (full tables as CSV in the run folder)."""
    from IPython.display import display

    from edgekit.report.display import markdown, table

    facts = collect_facts(rep.estate)  # read once, for the patterns and the one-offs
    found = result(rep, patterns, facts)
    s = found.summary()
    by = s["by_status"]
    text = (
        f"**{by.get('conforms', 0)} of {s['entrypoints']} entrypoints conform** to a house "
        f"pattern ({md(patterns_file(patterns).name)}); {s['near_misses']} are near misses (one "
        f"deviation); {by.get('unknown', 0)} conform where known. *Unknown* means the data was "
        "not collected: it is never counted as a deviation."
    )
    frames = {
        "conformance_by_pattern.csv": by_pattern(found),
        "conformance_by_account.csv": by_account(found),
        "common_deviations.csv": top_deviations(found),
        "conformance.csv": entrypoints(found),
        "one_offs.csv": one_offs(rep, facts),
    }
    for name, frame in frames.items():
        rep.write_frame(frame, name)
    items: list[Any] = [
        markdown(text),
        table(frames["conformance_by_pattern.csv"], caption="by pattern"),
        table(frames["conformance_by_account.csv"], caption="by account"),
        table(frames["common_deviations.csv"], max_rows, "most common deviations",
              "common_deviations.csv"),
        table(frames["one_offs.csv"], max_rows, "one-offs", "one_offs.csv"),
    ]  # fmt: skip
    for item in items:
        display(item)  # type: ignore[no-untyped-call]


def families(rep: Report) -> pd.DataFrame:
    """The families of configuration (``--derive``), written to ``families.csv``."""
    found = dialects(rep.estate).dialects
    assert found is not None
    rows = [
        {
            "family": f.id,
            "entrypoints": f.size,
            "hostnames": ", ".join(f.hostnames),
            "differs from": f.compared_with or "-",
            "distinct": "; ".join(f"{FACT_LABELS[k]}: {a} ({b})" for k, a, b in f.distinct),
        }
        for f in found.families
    ]
    frame = pd.DataFrame(
        rows, columns=["family", "entrypoints", "hostnames", "differs from", "distinct"]
    )
    rep.write_frame(frame, "families.csv")
    return frame
