"""The edge report's trend section: findings by severity and entrypoints over time.

Given a folder of earlier snapshots of the same estate (``-p history_dir DIR``), the section
computes their history with :func:`edgekit.report.history.history` (the report's snapshot
included, once), draws one chart (failing findings per severity and the entrypoint count, per
collection time) into ``trend.png``, writes the per-snapshot table to ``trend.csv`` and shows
both, with the changes between consecutive snapshots.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from edgekit.report.display import markdown, picture, table
from edgekit.report.history import SEVERITIES, History, history, snapshot_paths
from edgekit.report.plots import COLOURS, DPI

if TYPE_CHECKING:
    from edgekit.report.data import Report

CHART: Final = "trend.png"
TABLE: Final = "trend.csv"


def trend_paths(history_dir: str | Path, current: Path) -> list[Path]:
    """The snapshots of ``history_dir`` plus the report's own ``current`` one (once)."""
    paths = snapshot_paths([history_dir])
    if current.resolve() not in {p.resolve() for p in paths}:
        paths.append(current)
    return paths


def trend_chart(trend: pd.DataFrame, path: Path) -> Path:
    """Two panels over collection time: failing findings per severity, and entrypoints."""
    when = list(pd.to_datetime(trend["collected_at"], utc=True))
    fig = Figure(figsize=(7.5, 4.2), dpi=DPI, layout="constrained")
    findings, entrypoints = fig.subplots(2, 1, sharex=True, height_ratios=(2, 1))
    for sev in SEVERITIES:
        values = [int(v) for v in trend[sev]]
        if any(values):
            findings.plot(when, values, marker="o", color=COLOURS[sev], label=sev, linewidth=1.5)
    findings.set_title("Failing findings by severity", fontsize=10, loc="left")
    findings.set_ylabel("findings", fontsize=8)
    if findings.get_legend_handles_labels()[0]:
        findings.legend(fontsize=7, frameon=False, ncols=len(SEVERITIES), loc="upper left")
    entrypoints.plot(when, [int(v) for v in trend["entrypoints"]], marker="o", color="#37474f")
    entrypoints.set_title("Public entrypoints", fontsize=10, loc="left")
    entrypoints.set_ylabel("entrypoints", fontsize=8)
    for ax in (findings, entrypoints):
        ax.tick_params(labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.margins(y=0.2)
    fig.autofmt_xdate()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png")
    return path


def show_trend(rep: Report, history_dir: str | None, max_rows: int = 30) -> History | None:
    """The trend section of the edge report (a note when no or too few snapshots)."""
    if not history_dir:
        _display(markdown("*No history folder given (parameter `history_dir`).*"))
        return None
    paths = trend_paths(history_dir, rep.snapshot_path)
    if len(paths) < 2:
        _display(
            markdown(
                "*The history folder holds no other snapshot of this estate: a trend needs "
                "two collections at least.*"
            )
        )
        return None
    hist = history(paths)
    rep.write_frame(hist.trend, TABLE)
    _display(picture(trend_chart(hist.trend, rep.run_dir / CHART)))
    _display(table(_newest_first(hist.trend), max_rows, source=TABLE))
    if len(hist.changes):
        changes = _newest_first(hist.changes)
        _display(table(changes, max_rows, caption="changes between consecutive snapshots"))
    return hist


def _newest_first(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[::-1].reset_index(drop=True)


def _display(*items: Any) -> None:
    from IPython.display import display

    for item in items:
        display(item)  # type: ignore[no-untyped-call]
