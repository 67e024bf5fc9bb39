"""Report section: a compliance framework's requirements with their status over the scan.

Per requirement: the checks that evidence it, the status (fail, unknown, pass, not evaluated --
see :mod:`edgekit.rules.compliance`) and the failing resources. The full table goes to
``compliance-<framework>.csv`` in the run folder; the notebook shows a bounded excerpt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from edgekit.rules.compliance import framework, requirement_statuses

if TYPE_CHECKING:
    from edgekit.report.data import Report

COLUMNS = ["requirement", "status", "checks", "failing", "failing_resources", "unknown", "text"]
SHOWN_RESOURCES = 5
"""Failing resources named per row (the CSV names them all)."""


def compliance_frame(rep: Report, name: str = "pci-dss-4.0", *, full: bool = False) -> pd.DataFrame:
    """One row per requirement of framework ``name``, in requirement order.

    ``full`` lists every failing resource; otherwise the first few and a count of the rest.
    """
    fw = framework(name, rep.registry)
    rows: list[dict[str, Any]] = []
    for s in requirement_statuses(fw, rep.findings, rep.scan.evaluated):
        failing = list(s.failing_resources)
        if not full and len(failing) > SHOWN_RESOURCES:
            failing = [*failing[:SHOWN_RESOURCES], f"… {len(failing) - SHOWN_RESOURCES} more"]
        rows.append(
            {
                "requirement": s.requirement,
                "status": s.status,
                "checks": ", ".join(s.checks),
                "failing": len(s.failing_resources),
                "failing_resources": "\n".join(failing),
                "unknown": len(s.unknown_resources),
                "text": s.text,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def show_compliance(rep: Report, name: str = "pci-dss-4.0", max_rows: int = 40) -> None:
    """Display the section (bounded table; every row and resource in the CSV)."""
    from IPython.display import display

    from edgekit.report.display import markdown, table

    source = f"compliance-{name}.csv"
    rep.write_frame(compliance_frame(rep, name, full=True), source)
    frame = compliance_frame(rep, name)
    counts = frame["status"].value_counts()
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("fail", "unknown", "pass"))
    note = (
        f"{len(frame)} requirements: {summary}, "
        f"{counts.get('not evaluated', 0)} not evaluated. Evidence for an assessor, not a "
        "certification: pass covers only what the snapshot holds."
    )
    display(markdown(note))  # type: ignore[no-untyped-call]
    display(table(frame, max_rows, source=source))  # type: ignore[no-untyped-call]
