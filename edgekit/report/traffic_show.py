"""Showing how the entrypoints behave: the edge report's traffic section and one entrypoint's
traffic (``show.traffic(rep)`` / ``show.traffic(rep, entrypoint="www.example.com")``).

Tables come from :mod:`edgekit.report.traffic`, charts from :mod:`edgekit.report.traffic_plots`;
every full table is written as CSV into the run folder (``traffic_*.csv``). A value that is not
known reads **not collected**, never 0, and the ``why not`` column says why.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from edgekit.escape.mdtext import code as md_code
from edgekit.escape.mdtext import text as md
from edgekit.model.cloudwatch.reading import REQUESTS
from edgekit.render.common import slugify
from edgekit.report import traffic as tr
from edgekit.report.display import markdown, picture, table
from edgekit.report.traffic_plots import requests_bars, series_lines

if TYPE_CHECKING:
    from edgekit.report.data import Report

NOT_COLLECTED: Final = "not collected"
NOT_APPLICABLE: Final = "—"
LEGEND: Final = (
    f"**{NOT_COLLECTED}**: no value, for the reason in *why not* (never read as zero) · "
    f"**{NOT_APPLICABLE}**: the service publishes no such metric (or edgekit does not read it)"
)
COUNTS: Final = ("requests", "per day", "peak hour", *tr.WAF_COLUMNS.values())


def _display(*items: Any) -> None:
    from IPython.display import display

    for item in items:
        display(item)  # type: ignore[no-untyped-call]


def readable(frame: pd.DataFrame, numbers: Iterable[str] | None = None) -> pd.DataFrame:
    """A table for reading: counts with thousands separators, rates and times with two
    decimals, ``NaN`` as *not collected* where the row says why, else as —."""
    out = frame.copy()
    why = out["why not"] if "why not" in out.columns else pd.Series("", index=out.index)
    columns = list(numbers) if numbers is not None else _numeric(out)
    for column in columns:
        values = []
        for value, reason in zip(out[column], why, strict=True):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                values.append(NOT_COLLECTED if reason else NOT_APPLICABLE)
            elif column in COUNTS:
                values.append(f"{float(value):,.0f}")
            else:
                values.append(f"{float(value):,.2f}")
        out[column] = values
    return out


def _numeric(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]


def traffic(
    rep: Report, entrypoint: str | None = None, max_rows: int = 20, busiest: int = 5
) -> None:
    """The "How the entrypoints behave" section, or one entrypoint's traffic."""
    if entrypoint is not None:
        _one(rep, entrypoint, max_rows)
        return
    if not rep.estate.model.metric_windows:
        _display(
            markdown(
                f"*Traffic: **{NOT_COLLECTED}** — the snapshot holds no CloudWatch metrics "
                "(collected with `--no-metrics`, or imported from IaC). Collect again without "
                "`--no-metrics` to see requests, errors, latency, cache hits and WAF actions.*"
            )
        )
        return
    denied = [w for w in rep.estate.model.metric_windows if not w.collected]
    intro = f"Metrics window: {md(tr.window_text(rep))}."
    if denied:
        units = ", ".join(md(w.key) for w in denied)
        intro += (
            f" `GetMetricData` was denied in {units} (gaps): what lives there is "
            f"**{NOT_COLLECTED}**."
        )
    _display(markdown(intro + "\n\n" + LEGEND))
    _requests(rep, max_rows)
    _errors(rep, max_rows)
    _latency(rep, max_rows)
    _cache(rep, max_rows)
    _waf(rep, max_rows)
    _busiest(rep, busiest)


def _section(
    rep: Report, title: str, frame: pd.DataFrame, name: str, max_rows: int, note: str = ""
) -> None:
    rep.write_frame(frame, name)
    text = f"**{title}**" + (f" ({note})" if note else "")
    _display(markdown(text), table(readable(frame), max_rows, source=name))


def _requests(rep: Report, max_rows: int) -> None:
    frame = tr.requests(rep)
    run = rep.run_dir
    if frame["per day"].fillna(0).gt(0).any():
        _display(picture(requests_bars(frame, run / "traffic_requests.png")))
    rep.write_frame(frame, "traffic_requests.csv")
    shown = frame.drop(columns=["service", "arn", "account"])
    _display(
        markdown("**Requests per entrypoint**, busiest first (the whole window):"),
        table(readable(shown), max_rows, source="traffic_requests.csv"),
    )


def _errors(rep: Report, max_rows: int) -> None:
    _section(
        rep,
        "Errors at the edge and from the origin",
        tr.error_rates(rep),
        "traffic_errors.csv",
        max_rows,
        "worst 5xx share first; % of the requests; edge: what the entrypoint answered, its own "
        "errors and those its origins passed on; origin: 5xx of the targets, backends, "
        "integrations or functions behind it",
    )


def _latency(rep: Report, max_rows: int) -> None:
    _section(
        rep,
        "Latency per load balancer",
        tr.latency(rep),
        "traffic_latency.csv",
        max_rows,
        "target response time; p50 / p99 are request-weighted means of the hourly "
        "percentiles, the worst hour beside them",
    )


def _cache(rep: Report, max_rows: int) -> None:
    _section(
        rep,
        "Cache hit rate per distribution",
        tr.cache_hits(rep),
        "traffic_cache.csv",
        max_rows,
        "CloudFront additional metrics, request-weighted",
    )


def _waf(rep: Report, max_rows: int) -> None:
    _section(rep, "WAF actions per web ACL", tr.waf_acls(rep), "traffic_waf.csv", max_rows)
    _section(
        rep,
        "WAF matches per rule",
        tr.waf_rules(rep),
        "traffic_waf_rules.csv",
        max_rows,
        "share of the ACL's allowed + blocked requests; action metrics of rule groups that "
        "stayed at zero left out",
    )


def _busiest(rep: Report, n: int) -> None:
    frame = tr.busiest(rep, n)
    if frame.empty:
        _display(markdown(f"*Hourly requests: {NOT_COLLECTED} (no entrypoint served any).*"))
        return
    path = series_lines(frame, rep.run_dir / "traffic_busiest.png", f"The {n} busiest, hourly")
    _display(markdown("**Hourly requests of the busiest entrypoints**"), picture(path))


def _one(rep: Report, entrypoint: str, max_rows: int) -> None:
    """One entrypoint: its metered hops' totals, errors, and their hourly requests."""
    _display(*entrypoint_items(rep, entrypoint, max_rows))


def entrypoint_items(rep: Report, entrypoint: str, max_rows: int = 20) -> list[Any]:
    """What ``traffic(rep, entrypoint=...)`` shows, as display objects (the explore notebook's
    view composes them): its metered hops' totals, errors, and their hourly requests."""
    hops = rep.estate.traffic_resources(entrypoint)
    if not hops:
        return [markdown(f"*{md(entrypoint)}: no metered resource on its paths.*")]
    if not rep.estate.model.metric_windows:
        return [markdown(f"*Traffic of {md(entrypoint)}: **{NOT_COLLECTED}** (no metrics).*")]
    arns = {m.arn for m in hops}
    requests = tr.requests(rep)
    mine = requests[requests["arn"].isin(arns)].drop(columns=["service", "arn", "account"])
    errors = tr.error_rates(rep)
    labels = set(mine["entrypoint"])
    items = [
        markdown(
            f"**{md(entrypoint)}** — requests at each metered hop ({md(tr.window_text(rep))}):"
        ),
        table(readable(mine), max_rows),
        table(readable(errors[errors["entrypoint"].isin(labels)]), max_rows, "errors"),
    ]
    columns = {}
    for m in hops:
        frame = rep.estate.metrics(m.arn)
        metric = REQUESTS[m.type][1]
        if metric in frame.columns:
            columns[tr.label(m)] = frame[metric]
    if columns:
        name = f"traffic_{slugify(entrypoint)}.png"
        path = series_lines(pd.DataFrame(columns), rep.run_dir / name, "Hourly requests per hop")
        items.append(picture(path))
    else:
        items.append(markdown(f"*Hourly requests: {NOT_COLLECTED} for {md_code(entrypoint)}.*"))
    return items
