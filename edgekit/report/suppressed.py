"""Suppressions in reports: accepted findings left out of every table, kept in their own list.

A report opened with a suppression file (``edgekit report ... --suppress FILE``, or the
notebook parameter ``suppress_file``; the format is :mod:`edgekit.rules.suppress`, the same as
``edgekit scan --suppress``) shows only the findings no active suppression matches: the
headline counts, the findings and inventory tables, the top risks, the posture matrices and the
diagram colours all read :attr:`Report.findings <edgekit.report.data.Report.findings>`, which
holds the kept ones. The suppressed findings are listed in a section of their own with the
reason and expiry of the entry that matched them; expired entries and entries that matched
nothing are named there too.

Expiry is counted from the day the report runs
(:func:`~edgekit.report.data.judged_on`) (as ``edgekit scan`` does), not from the
snapshot's collection date: a suppression is a decision that lapses in real time.
"""

from __future__ import annotations

from typing import Any, Final

import pandas as pd

from edgekit.report.data import Report, judged_on
from edgekit.rules.suppress import Suppression

COLUMNS: Final = ["check", "severity", "status", "resource", "reason", "until", "account"]


def unmatched(rep: Report) -> list[Suppression]:
    """Active entries that matched no finding (a typo in a check id or a resource glob)."""
    used = {id(s) for _, s in rep.applied.suppressed}
    expired = {id(s) for s in rep.applied.expired}
    return [s for s in rep.suppressions if id(s) not in used and id(s) not in expired]


def suppressed_frame(rep: Report) -> pd.DataFrame:
    """One row per suppressed finding with the reason and expiry of the entry that matched."""
    rows: list[dict[str, Any]] = [
        {
            "check": f.check_id,
            "severity": f.severity.label,
            "status": f.status.value,
            "resource": rep.resource_name(f.resource.id),
            "reason": s.reason,
            "until": s.until.isoformat() if s.until else "no expiry",
            "account": f.resource.account_id,
        }
        for f, s in rep.applied.suppressed
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def entries_frame(entries: list[Suppression]) -> pd.DataFrame:
    """Suppression entries as rows (check, resource, reason, until)."""
    rows = [
        (s.check, s.resource, s.reason, s.until.isoformat() if s.until else "no expiry")
        for s in entries
    ]
    return pd.DataFrame(rows, columns=["check", "resource", "reason", "until"])


def show_suppressed(rep: Report, max_rows: int = 30) -> None:
    """The report section: suppressed findings, then expired and unmatched entries."""
    from IPython.display import display

    from edgekit.escape.mdtext import code, text
    from edgekit.report.display import markdown, table

    if rep.suppressions_file is None:
        display(  # type: ignore[no-untyped-call]
            markdown("*No suppression file given (parameter `suppress_file`).*")
        )
        return
    frame = suppressed_frame(rep)
    rep.write_frame(frame, "suppressed.csv")
    display(  # type: ignore[no-untyped-call]
        markdown(
            f"{len(frame)} finding(s) suppressed by {code(rep.suppressions_file.name)} "
            f"({len(rep.suppressions)} entries, judged on {text(judged_on().isoformat())}); they "
            "are left out of every other section and of the diagram colours."
        ),
        table(frame, max_rows, source="suppressed.csv"),
    )
    for title, entries in (
        ("Expired entries (no longer applied)", rep.applied.expired),
        ("Entries that matched no finding", unmatched(rep)),
    ):
        if entries:
            display(  # type: ignore[no-untyped-call]
                markdown(f"**{title}**"), table(entries_frame(entries), max_rows)
            )
