"""CloudWatch: metric series, disabled metrics, monitoring subscriptions and the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from edgekit.model.cloudwatch.types import (
    MetricsDisabled,
    MetricSeries,
    MetricWindow,
    MonitoringSubscription,
)
from edgekit.model.reader import UnitKey

KIND_KEYS: Mapping[str, str] = {
    "metrics": "metric_data",
    "metrics_disabled": "metrics_disabled",
    "monitoring_subscriptions": "monitoring_subscriptions",
    "metric_windows": "window",
}
"""Inventory kind → payload key."""


def _time(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        t = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def _series(unit: UnitKey, item: Mapping[str, Any]) -> MetricSeries:
    query = item["MetricDataQuery"]
    stat = query["MetricStat"]
    metric = stat["Metric"]
    result = item.get("MetricDataResult") or {}
    stamps = tuple(t for t in (_time(s) for s in result.get("Timestamps") or []) if t)
    return MetricSeries(
        account_id=unit.account_id,
        region=unit.region,
        resource=str(item["resource"]),
        resource_type=str(item.get("resource_type", "")),
        namespace=str(metric["Namespace"]),
        metric_name=str(metric["MetricName"]),
        dimensions=tuple((str(d["Name"]), str(d["Value"])) for d in metric.get("Dimensions") or []),
        stat=str(stat["Stat"]),
        period=int(stat["Period"]),
        status=str(result.get("StatusCode", "")),
        timestamps=stamps,
        values=tuple(float(v) for v in result.get("Values") or []),
        rule=item.get("rule"),
        created=_time(item.get("created")),
    )


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Series, disabled metrics, subscriptions and the window of one cloudwatch payload."""
    from edgekit.errors import ModelError

    out: dict[str, list[Any]] = {k: [] for k in KIND_KEYS}
    try:
        window = data.get("window")
        if isinstance(window, Mapping):
            start, end = _time(window.get("StartTime")), _time(window.get("EndTime"))
            if start and end:
                out["metric_windows"].append(
                    MetricWindow(
                        unit.account_id,
                        unit.region,
                        start,
                        end,
                        int(window.get("Period") or 3600),
                        "metric_data" in data,
                    )
                )
        out["metrics"] = [_series(unit, m) for m in data.get("metric_data") or []]
        for d in data.get("metrics_disabled") or []:
            out["metrics_disabled"].append(
                MetricsDisabled(
                    unit.account_id,
                    unit.region,
                    str(d["resource"]),
                    str(d.get("resource_type", "")),
                    str(d.get("reason", "")),
                    d.get("rule"),
                )
            )
        for s in data.get("monitoring_subscriptions") or []:
            enabled: bool | None = None
            if "MonitoringSubscription" in s:
                config = (s["MonitoringSubscription"] or {}).get(
                    "RealtimeMetricsSubscriptionConfig"
                ) or {}
                enabled = config.get("RealtimeMetricsSubscriptionStatus") == "Enabled"
            out["monitoring_subscriptions"].append(
                MonitoringSubscription(
                    unit.account_id, unit.region, str(s["DistributionId"]), enabled
                )
            )
    except (KeyError, TypeError, ValueError) as err:
        raise ModelError(f"{unit.label}: malformed metric item ({err})") from None
    return out
