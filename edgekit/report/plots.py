"""Charts for the report: findings by severity, and by area or account stacked by severity.

Charts are drawn with matplotlib's object API (no pyplot state, no inline-backend double
display), written as PNG into the run folder, and shown from that file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pandas as pd
from matplotlib.figure import Figure

COLOURS: Final = {
    "critical": "#b71c1c",
    "high": "#e65100",
    "medium": "#f9a825",
    "low": "#1e88e5",
    "info": "#9e9e9e",
    "unknown": "#7e57c2",
}
DPI: Final = 110


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), dpi=DPI, layout="constrained")


def severity_bars(counts: pd.DataFrame, path: Path, title: str = "Findings by severity") -> Path:
    """Bar chart of ``counts`` (columns ``severity``, ``findings``); returns the PNG path."""
    fig = _figure(6.0, 2.6)
    ax = fig.add_subplot()
    labels = list(counts["severity"])
    values = [int(v) for v in counts["findings"]]
    bars = ax.bar(labels, values, color=[COLOURS.get(s, "#607d8b") for s in labels])
    ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_ylabel("findings", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(y=0.15)
    return _save(fig, path)


def stacked_bars(table: pd.DataFrame, by: str, path: Path, title: str, max_bars: int = 15) -> Path:
    """Horizontal bars per ``by`` value, stacked by severity (a :func:`findings_by` table)."""
    shown = table.head(max_bars).iloc[::-1]
    levels = [c for c in COLOURS if c in shown.columns and shown[c].sum() > 0]
    fig = _figure(7.5, 0.9 + 0.32 * max(len(shown), 1))
    ax = fig.add_subplot()
    left = [0] * len(shown)
    names = [str(v) for v in shown[by]]
    for level in levels:
        values = [int(v) for v in shown[level]]
        ax.barh(names, values, left=left, color=COLOURS[level], label=level, height=0.65)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_title(title, fontsize=10, loc="left")
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    if levels:
        fig.legend(fontsize=7, frameon=False, ncols=len(levels), loc="outside upper right")
    ax.set_xlabel("findings (unknown = data not collected)", fontsize=8)
    return _save(fig, path)


def _save(fig: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png")
    return path
