"""Usage from CloudWatch metrics in a snapshot: what the planner prices usage parts with.

The ``cloudwatch`` collector's payload (docs/snapshot.md) keeps one GetMetricData result per
(resource, metric, statistic) over a window. :func:`from_snapshot` turns each **complete**
result into a monthly figure keyed by (namespace, metric, sorted dimensions):

* ``Sum`` series: the window's total (a period without a datapoint is zero: AWS publishes none
  without traffic) scaled to a month (× 30.4375 / window days);
* ``Average`` series (``ConsumedLCUs``): a rate, the mean over **all** periods of the window
  (a period without a datapoint counts as 0), which the planner multiplies by hours.

Extra keys make the planner's lookups match AWS's dimensions: API Gateway ``Count`` is also
summed over the stages (``ApiName`` or ``ApiId`` alone), and WAF web ACL series are also
reachable by the ACL's *name* with ``Region`` = the snapshot region (``global`` for CLOUDFRONT
scope), the form ``WebACL`` lookups of the planner use (AWS's own dimension value is the ACL's
``VisibilityConfig.MetricName``, and CLOUDFRONT-scope metrics carry no ``Region``).

An older aggregate form is still read: ``data["metrics"]`` items ``{"Namespace",
"MetricName", "Dimensions", "Statistic", "Value", "PeriodDays"}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.snapshot import Snapshot

DAYS_PER_MONTH = 30.4375

Key = tuple[str, str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class Usage:
    """Metric aggregates by (namespace, metric, sorted dimensions)."""

    values: Mapping[Key, tuple[str, float, float]] = field(default_factory=dict)
    """key → (statistic, value, period days)."""

    @property
    def empty(self) -> bool:
        """No metric at all (snapshots collected with --no-metrics)."""
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


def _legacy(payloads: Iterable[Mapping[str, Any]]) -> Iterable[Mapping[str, Any]]:
    for p in payloads:
        if p.get("collector") == "cloudwatch":
            yield from (p.get("data") or {}).get("metrics") or ()


def _time(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def _series(payload: Mapping[str, Any]) -> Iterable[tuple[Key, str, float, float, str]]:
    """(key, statistic, value, window days, resource) of each complete series of a payload."""
    data = payload.get("data") or {}
    window = data.get("window") or {}
    try:
        start, end = _time(window["StartTime"]), _time(window["EndTime"])
        period = int(window.get("Period") or 3600)
    except (KeyError, TypeError, ValueError):
        return
    days = (end - start).total_seconds() / 86400
    periods = max(1, int((end - start).total_seconds()) // period)
    for item in data.get("metric_data") or ():
        try:
            stat_q = item["MetricDataQuery"]["MetricStat"]
            metric = stat_q["Metric"]
            result = item["MetricDataResult"]
            if result.get("StatusCode") != "Complete":
                continue
            values = [float(v) for v in result.get("Values") or ()]
            dims = tuple(sorted((str(d["Name"]), str(d["Value"])) for d in metric["Dimensions"]))
            key = (str(metric["Namespace"]), str(metric["MetricName"]), dims)
            stat = str(stat_q["Stat"])
        except (KeyError, TypeError, ValueError):
            continue  # a malformed item is no metric: the usage part stays unknown
        if stat == "Sum":
            yield key, "Sum", sum(values), days, str(item.get("resource", ""))
        elif stat == "Average":
            yield key, "Average", sum(values) / periods, days, str(item.get("resource", ""))


def _aliases(key: Key, region: str, resource: str) -> Iterable[tuple[Key, bool]]:
    """Extra keys the planner looks the same series up by, and whether the series add up
    under it (API stages) or it names one series (see the module docstring)."""
    namespace, metric, dims = key
    named = dict(dims)
    if namespace == "AWS/ApiGateway" and "Stage" in named:
        yield (namespace, metric, tuple(d for d in dims if d[0] != "Stage")), True
    if namespace == "AWS/WAFV2" and "WebACL" in named and "/webacl/" in resource:
        acl_name = resource.split("/webacl/", 1)[1].split("/", 1)[0]
        alias = {**named, "WebACL": acl_name, "Region": region}
        yield (namespace, metric, tuple(sorted(alias.items()))), False


def from_snapshot(snapshot: Snapshot | None) -> Usage:
    """The usage figures a snapshot's CloudWatch metrics give (none without metrics)."""
    if snapshot is None:
        return Usage()
    values: dict[Key, tuple[str, float, float]] = {}
    for m in _legacy(snapshot.payloads):
        try:
            dims = tuple(sorted((str(d["Name"]), str(d["Value"])) for d in m["Dimensions"]))
            key = (str(m["Namespace"]), str(m["MetricName"]), dims)
            values[key] = (str(m["Statistic"]), float(m["Value"]), float(m["PeriodDays"]))
        except (KeyError, TypeError, ValueError):
            continue  # a malformed metric is no metric: the usage part stays unknown
    summed: dict[Key, tuple[str, float, float]] = {}
    for p in snapshot.payloads:
        if p.get("collector") != "cloudwatch":
            continue
        for key, stat, value, days, resource in _series(p):
            values.setdefault(key, (stat, value, days))
            for alias, adds_up in _aliases(key, str(p.get("region", "")), resource):
                if adds_up:
                    prev = summed.get(alias)
                    summed[alias] = (stat, value + (prev[1] if prev else 0.0), days)
                else:
                    values.setdefault(alias, (stat, value, days))
    for alias, agg in summed.items():
        values.setdefault(alias, agg)
    return Usage(values)


def elb_dimension(arn: str) -> str:
    """CloudWatch's ``LoadBalancer`` dimension of an ALB/NLB ARN (``app/name/id``)."""
    return arn.partition(":loadbalancer/")[2]
