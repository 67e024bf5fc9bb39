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
from dataclasses import dataclass


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
