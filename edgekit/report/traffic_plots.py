"""Charts of the traffic section: requests per entrypoint (ranked bars) and hourly requests of
the busiest entrypoints (lines), in the style of :mod:`edgekit.report.plots` (matplotlib's
object API, PNG files in the run folder)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from edgekit.report.plots import DPI

BAR: Final = "#1e6fb8"
LINES: Final = ("#1e6fb8", "#e65100", "#2e7d32", "#7b3fa0", "#b59a00", "#5f6b7a", "#c62828")


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), dpi=DPI, layout="constrained")


def plain(text: object) -> str:
    """A label drawn as it reads: ``$`` escaped, so matplotlib never parses a name from AWS
    (``$default`` stages, hostile names) as mathtext."""
    return str(text).replace("$", r"\$")


def _count(value: float, _pos: object = None) -> str:
    """1234 → 1.2k, 3400000 → 3.4M."""
    for size, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{unit}"
    return f"{value:.3g}"


def requests_bars(frame: pd.DataFrame, path: Path, max_bars: int = 20) -> Path:
    """Horizontal bars of requests per day per entrypoint, busiest on top, log scale.

    ``frame``: :func:`edgekit.report.traffic.requests` (rows without a known, non-zero value
    are not drawn: the table lists them)."""
    shown = frame[frame["per day"].notna() & (frame["per day"] > 0)].head(max_bars).iloc[::-1]
    fig = _figure(7.5, 0.9 + 0.3 * max(len(shown), 1))
    ax = fig.add_subplot()
    names = [plain(v) for v in shown["entrypoint"]]
    values = [float(v) for v in shown["per day"]]
    bars = ax.barh(names, values, color=BAR, height=0.65)
    ax.bar_label(bars, labels=[_count(v) for v in values], padding=2, fontsize=7)
    if values:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(_count))
    ax.set_title("Requests per day by entrypoint (log scale)", fontsize=10, loc="left")
    ax.set_xlabel("requests (new flows for NLBs, accelerators) per day", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(x=0.12)
    return _save(fig, path)


def series_lines(frame: pd.DataFrame, path: Path, title: str, ylabel: str = "requests") -> Path:
    """One line per column of a time-indexed frame (e.g. :func:`traffic.busiest`)."""
    fig = _figure(7.5, 3.0)
    ax = fig.add_subplot()
    for i, column in enumerate(frame.columns):
        colour = LINES[i % len(LINES)]
        ax.plot(frame.index, frame[column], label=plain(column), color=colour, linewidth=1.1)
    ax.set_title(plain(title), fontsize=10, loc="left")
    ax.set_ylabel(ylabel, fontsize=8)
    ax.yaxis.set_major_formatter(FuncFormatter(_count))
    ax.tick_params(labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(bottom=0)
    if len(frame.columns):
        ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.autofmt_xdate()
    return _save(fig, path)


def _save(fig: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png")
    return path
