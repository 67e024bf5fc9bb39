"""The usage hook: CloudWatch metrics in a snapshot, when a collector provides them.

edgekit does not collect CloudWatch yet, so today every usage part is "list price, usage
unknown". The hook is fixed now so a ``cloudwatch`` collector can fill it without planner
changes: a payload ``{"collector": "cloudwatch", "account_id", "region", "data": {"metrics":
[...]}}`` whose items are GetMetricStatistics-shaped aggregates over a window::

    {"Namespace": "AWS/ApplicationELB", "MetricName": "ConsumedLCUs",
     "Dimensions": [{"Name": "LoadBalancer", "Value": "app/web/50dc6c495c0c9188"}],
     "Statistic": "Average", "Value": 2.5, "PeriodDays": 30}

``Sum`` statistics are scaled to a month (× 30.4375 / PeriodDays); ``Average`` is kept as a
rate (the caller multiplies by hours). The model layer does not parse this payload yet (a
``metrics`` kind in :class:`~edgekit.model.Inventory` is the intended home); the planner reads
it from the snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.snapshot import Snapshot

DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True)
class Usage:
    """Metric aggregates by (namespace, metric, sorted dimensions)."""

    values: Mapping[tuple[str, str, tuple[tuple[str, str], ...]], tuple[str, float, float]] = field(
        default_factory=dict
    )
    """key → (statistic, value, period days)."""

    @property
    def empty(self) -> bool:
        """No metric at all (today's snapshots)."""
        return not self.values

    def monthly(self, namespace: str, metric: str, **dims: str) -> float | None:
        """The metric for these dimensions, per month (Sum scaled, Average as is), or None."""
        key = (namespace, metric, tuple(sorted(dims.items())))
        found = self.values.get(key)
        if found is None:
            return None
        statistic, value, days = found
        if statistic == "Sum":
            return value * DAYS_PER_MONTH / days if days > 0 else None
        return value


def _items(payloads: Iterable[Mapping[str, Any]]) -> Iterable[Mapping[str, Any]]:
    for p in payloads:
        if p.get("collector") == "cloudwatch":
            yield from (p.get("data") or {}).get("metrics") or ()


def from_snapshot(snapshot: Snapshot | None) -> Usage:
    """The metrics a snapshot carries (none today)."""
    if snapshot is None:
        return Usage()
    values: dict[tuple[str, str, tuple[tuple[str, str], ...]], tuple[str, float, float]] = {}
    for m in _items(snapshot.payloads):
        try:
            dims = tuple(sorted((str(d["Name"]), str(d["Value"])) for d in m["Dimensions"]))
            key = (str(m["Namespace"]), str(m["MetricName"]), dims)
            values[key] = (str(m["Statistic"]), float(m["Value"]), float(m["PeriodDays"]))
        except (KeyError, TypeError, ValueError):
            continue  # a malformed metric is no metric: the usage part stays unknown
    return Usage(values)


def elb_dimension(arn: str) -> str:
    """CloudWatch's ``LoadBalancer`` dimension of an ALB/NLB ARN (``app/name/id``)."""
    return arn.partition(":loadbalancer/")[2]
