"""Comparing two snapshots: new and fixed findings, added, removed and changed entrypoints.

Findings are matched as :mod:`edgekit.rules.delta` says (check, resource, status).
Entrypoints are identified by hostname.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from edgekit.rules.delta import Key
from edgekit.rules.delta import finding_key as _key
from edgekit.rules.finding import Status

if TYPE_CHECKING:
    from edgekit.report.data import Report


@dataclass(frozen=True)
class Comparison:
    """What changed between a previous snapshot and the current one."""

    previous: str
    """When the previous snapshot was collected."""
    current: str
    new_findings: pd.DataFrame
    fixed_findings: pd.DataFrame
    added_entrypoints: pd.DataFrame
    removed_entrypoints: pd.DataFrame
    changed_paths: pd.DataFrame
    """Hostnames in both whose path changed (:mod:`edgekit.report.changes`)."""
    warning: str | None = None
    """Set when the previous snapshot is not older than the current one."""

    def summary(self) -> pd.DataFrame:
        """One row per kind of change with its count."""
        rows = [
            ("new failing findings", _fails(self.new_findings)),
            ("fixed failing findings", _fails(self.fixed_findings)),
            ("new unknown findings", len(self.new_findings) - _fails(self.new_findings)),
            ("entrypoints added", len(self.added_entrypoints)),
            ("entrypoints removed", len(self.removed_entrypoints)),
            ("entrypoints whose path changed", self.changed_paths["hostname"].nunique()),
        ]
        return pd.DataFrame(rows, columns=["change", "count"])

    def to_json(self) -> dict[str, Any]:
        """JSON form (records), for the run folder."""
        return {
            "previous_collected_at": self.previous,
            "current_collected_at": self.current,
            "new_findings": self.new_findings.to_dict("records"),
            "fixed_findings": self.fixed_findings.to_dict("records"),
            "added_entrypoints": self.added_entrypoints.to_dict("records"),
            "removed_entrypoints": self.removed_entrypoints.to_dict("records"),
            "changed_paths": self.changed_paths.to_dict("records"),
            "warning": self.warning,
        }


def _fails(frame: pd.DataFrame) -> int:
    return int((frame["status"] == Status.FAIL.value).sum()) if len(frame) else 0


def compare(current: Report, previous: Report) -> Comparison:
    """The changes from ``previous`` to ``current`` (an older snapshot's report, e.g.
    :meth:`current.previous(path) <edgekit.report.data.Report.previous>`)."""
    from edgekit.report.changes import changed_paths, order_warning

    now = {_key(f) for f in current.findings}
    before = {_key(f) for f in previous.findings}
    new = current.findings_frame()
    new = new[[k not in before for k in _keys(current)]]
    fixed = previous.findings_frame()
    fixed = fixed[[k not in now for k in _keys(previous)]]
    hosts_now = current.estate.entrypoints()
    hosts_before = previous.estate.entrypoints()
    columns = ["hostname", "entry_kind", "account_id", "origin_chain"]
    added = hosts_now[~hosts_now["hostname"].isin(hosts_before["hostname"])][columns]
    removed = hosts_before[~hosts_before["hostname"].isin(hosts_now["hostname"])][columns]
    return Comparison(
        previous=previous.snapshot.collected_at,
        current=current.snapshot.collected_at,
        new_findings=new.reset_index(drop=True),
        fixed_findings=fixed.reset_index(drop=True),
        added_entrypoints=added.reset_index(drop=True),
        removed_entrypoints=removed.reset_index(drop=True),
        changed_paths=changed_paths(current.estate, previous.estate),
        warning=order_warning(previous.snapshot.collected_at, current.snapshot.collected_at),
    )


def _keys(rep: Report) -> list[Key]:
    return [_key(f) for f in rep.findings]
