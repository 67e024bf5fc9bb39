"""CloudWatch metrics: one series per (resource, metric, statistic), and what they say.

Parsed from the ``cloudwatch`` payload (docs/snapshot.md). Reading rules:

* A ``Complete`` result is the whole window. AWS publishes no datapoint for a period without
  traffic for counts (``Sum``): a missing period of a complete ``Sum`` series is **zero**, and
  :meth:`MetricSeries.total` says so. Averages and percentiles of missing periods are unknown.
* A result that is not ``Complete`` (``PartialData``, ``Forbidden``, ``InternalError``) is not
  read as data.
* A unit whose ``metric_data`` is absent (``GetMetricData`` denied) or a snapshot without any
  cloudwatch payload: nothing is known (checks say unknown, with the reason).
* A resource created after the window start is younger than the window: its totals cover only
  part of it, and checks say so instead of judging.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True, slots=True)
class MetricWindow:
    """The window one cloudwatch unit read, and whether its metric data was collected."""

    account_id: str
    region: str
    start: dt.datetime
    end: dt.datetime
    period: int
    collected: bool
    """False when ``metric_data`` is absent (GetMetricData denied: a gap)."""

    @property
    def key(self) -> str:
        """``<account>/<region>``: one window per cloudwatch unit."""
        return f"{self.account_id}/{self.region}"

    @property
    def periods(self) -> int:
        """Number of periods in the window."""
        return max(1, int((self.end - self.start).total_seconds()) // self.period)


@dataclass(frozen=True, slots=True)
class MetricSeries:
    """One GetMetricData query and its result."""

    account_id: str
    region: str
    resource: str
    resource_type: str
    namespace: str
    metric_name: str
    dimensions: tuple[tuple[str, str], ...]
    stat: str
    period: int
    status: str
    timestamps: tuple[dt.datetime, ...]
    values: tuple[float, ...]
    rule: str | None = None
    created: dt.datetime | None = None

    @property
    def key(self) -> str:
        """``<resource>#<rule>:<metric>:<stat>`` (one query per key)."""
        rule = f"#{self.rule}" if self.rule else ""
        return f"{self.resource}{rule}:{self.metric_name}:{self.stat}"

    @property
    def complete(self) -> bool:
        """The result covers the whole window."""
        return self.status == "Complete"

    def total(self) -> float | None:
        """Sum over the window (missing periods are zero); None unless complete and a Sum."""
        if not self.complete or self.stat != "Sum":
            return None
        return float(sum(self.values))

    def mean(self) -> float | None:
        """Mean of the published datapoints (None without any, or when not complete)."""
        if not self.complete or not self.values:
            return None
        return float(sum(self.values)) / len(self.values)

    def weighted_mean(self, weights: MetricSeries) -> float | None:
        """Mean of this series weighted by ``weights`` at the same timestamps (e.g. a rate by
        requests); None without overlap."""
        if not self.complete or not weights.complete:
            return None
        w = dict(zip(weights.timestamps, weights.values, strict=False))
        num = sum(v * w.get(t, 0.0) for t, v in zip(self.timestamps, self.values, strict=False))
        den = sum(w.get(t, 0.0) for t in self.timestamps)
        return num / den if den else None


@dataclass(frozen=True, slots=True)
class MetricsDisabled:
    """A web ACL or rule whose ``CloudWatchMetricsEnabled`` is false: it publishes nothing."""

    account_id: str
    region: str
    resource: str
    resource_type: str
    reason: str
    rule: str | None = None

    @property
    def key(self) -> str:
        """``<resource>`` or ``<resource>#<rule>``."""
        return f"{self.resource}#{self.rule}" if self.rule else self.resource


@dataclass(frozen=True, slots=True)
class MonitoringSubscription:
    """A distribution's additional-metrics subscription: True / False, None = unknown."""

    account_id: str
    region: str
    distribution_id: str
    enabled: bool | None

    @property
    def key(self) -> str:
        """The distribution id."""
        return self.distribution_id


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
