"""History: the trend over several snapshots of the same estate.

Snapshots are ordered by collection time. Per snapshot: failing findings by severity, unknown
findings and entrypoints. Between consecutive snapshots: entrypoints added and removed and new /
fixed failing findings (:func:`edgekit.report.compare.compare`). Per failing finding that
disappeared and did not come back: when it was first seen, when it was fixed, and the days in
between (time to fix). A finding is identified by (check, account, region, resource).
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from edgekit.errors import InputError
from edgekit.rules.finding import Severity, Status

SNAPSHOT_SUFFIXES = (".json", ".json.gz")
SEVERITIES = [s.label for s in sorted(Severity, reverse=True)]


def snapshot_paths(args: Sequence[str | Path]) -> list[Path]:
    """Snapshot files from file and folder arguments (a folder: its *.json / *.json.gz)."""
    paths: list[Path] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            paths.extend(sorted(f for f in p.iterdir() if f.name.endswith(SNAPSHOT_SUFFIXES)))
        elif p.is_file():
            paths.append(p)
        else:
            raise InputError(f"{a}: no such snapshot file or folder")
    return paths


@dataclass(frozen=True)
class History:
    """The trend tables."""

    trend: pd.DataFrame
    """One row per snapshot: collected_at, snapshot, entrypoints, failing per severity, unknown."""
    changes: pd.DataFrame
    """One row per consecutive pair: entrypoints added/removed, new/fixed failing findings."""
    time_to_fix: pd.DataFrame
    """One row per fixed failing finding: check, resource, severity, first seen, fixed, days."""

    def to_json(self) -> dict[str, Any]:
        """JSON form (records)."""
        return {
            "schema": "edgekit.history/1",
            "trend": self.trend.to_dict("records"),
            "changes": self.changes.to_dict("records"),
            "time_to_fix": self.time_to_fix.to_dict("records"),
        }


def history(paths: Sequence[Path]) -> History:
    """The history of ``paths`` (at least two snapshots; order does not matter)."""
    from edgekit.report.compare import compare
    from edgekit.report.data import Report

    if len(paths) < 2:
        raise InputError(f"a history needs at least two snapshots, got {len(paths)}")
    with tempfile.TemporaryDirectory(prefix="edgekit-history-") as tmp:
        reports = [Report.open(p, Path(tmp) / str(i)) for i, p in enumerate(paths)]
        reports.sort(key=lambda r: (_time(r.snapshot.collected_at), str(r.snapshot_path)))
        trend = pd.DataFrame([_trend_row(r) for r in reports])
        changes = pd.DataFrame(
            [_change_row(compare(cur, prev)) for prev, cur in itertools.pairwise(reports)]
        )
        fixes = _time_to_fix(reports)
    return History(trend, changes, fixes)


def _time(value: str) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"snapshot collected_at {value!r} is not an ISO 8601 time") from None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _trend_row(rep: Any) -> dict[str, Any]:
    fails = [f for f in rep.findings if f.status is Status.FAIL]
    row: dict[str, Any] = {
        "collected_at": rep.snapshot.collected_at,
        "snapshot": rep.snapshot_path.name,
        "entrypoints": len(rep.estate.entrypoints()),
    }
    for sev in SEVERITIES:
        row[sev] = sum(1 for f in fails if f.severity.label == sev)
    row["failing"] = len(fails)
    row["unknown"] = len(rep.findings) - len(fails)
    return row


def _change_row(c: Any) -> dict[str, Any]:
    def fails(frame: pd.DataFrame) -> int:
        return int((frame["status"] == Status.FAIL.value).sum()) if len(frame) else 0

    return {
        "from": c.previous,
        "to": c.current,
        "entrypoints_added": ", ".join(sorted(c.added_entrypoints["hostname"])),
        "entrypoints_removed": ", ".join(sorted(c.removed_entrypoints["hostname"])),
        "new_failing": fails(c.new_findings),
        "fixed_failing": fails(c.fixed_findings),
    }


FIX_COLUMNS = ["check_id", "resource", "severity", "first_seen", "fixed_at", "days_to_fix"]


def _time_to_fix(reports: Sequence[Any]) -> pd.DataFrame:
    first_seen: dict[tuple[str, ...], str] = {}
    severity: dict[tuple[str, ...], str] = {}
    open_now: set[tuple[str, ...]] = set()
    fixed: dict[tuple[str, ...], str] = {}
    for rep in reports:
        keys: set[tuple[str, ...]] = set()
        for f in rep.findings:
            if f.status is not Status.FAIL:
                continue
            key: tuple[str, ...] = (
                f.check_id,
                f.resource.account_id,
                f.resource.region,
                f.resource.id,
            )
            keys.add(key)
            first_seen.setdefault(key, rep.snapshot.collected_at)
            severity[key] = f.severity.label
            fixed.pop(key, None)  # it came back: not fixed (first_seen keeps the first time)
        for gone in open_now - keys:
            fixed[gone] = rep.snapshot.collected_at
        open_now = keys
    rows = [
        {
            "check_id": k[0],
            "resource": k[3],
            "severity": severity[k],
            "first_seen": first_seen[k],
            "fixed_at": at,
            "days_to_fix": round((_time(at) - _time(first_seen[k])).total_seconds() / 86400, 1),
        }
        for k, at in sorted(fixed.items())
    ]
    return pd.DataFrame(rows, columns=FIX_COLUMNS)
