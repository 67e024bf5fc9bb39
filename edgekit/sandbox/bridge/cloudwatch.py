"""CloudWatch ``GetMetricData`` as AWS answers it (moto 5.2.5 raises on percentiles).

moto stores ``PutMetricData`` faithfully but its ``GetMetricData`` returns ``None`` for any
extended statistic (``p50``, ``p99`` ...: the response cannot be serialised and the whole call
fails), ignores the namespace when dimensions are given, never paginates, and rescans every
stored datapoint for every period of every query (minutes for 14 days of hourly metrics). The
bridged operation reads the same stored datapoints once, indexed by (namespace, metric,
dimensions), and answers like AWS: ``Sum``, ``Average``, ``Minimum``, ``Maximum``,
``SampleCount`` and ``pNN`` / ``pNN.N`` percentiles (nearest rank over the values stored in the
period; a value put with ``StatisticValues`` only feeds the plain statistics), only periods with
data, ``TimestampAscending`` or ``TimestampDescending``, at most 500 queries a call and
:data:`MAX_DATAPOINTS` datapoints a response (the rest behind ``NextToken``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from moto.cloudwatch.exceptions import ValidationError
from moto.cloudwatch.models import MetricAggregatedDatum, MetricDatum, MetricDatumBase
from moto.cloudwatch.responses import CloudWatchResponse
from moto.core.responses import ActionResult

MAX_QUERIES = 500
MAX_DATAPOINTS = 100_800
"""Datapoints one GetMetricData response carries at most (AWS's documented limit)."""

PLAIN = frozenset({"Sum", "Average", "Minimum", "Maximum", "SampleCount"})
PERCENTILE = re.compile(r"^p(\d{1,2}(?:\.\d+)?|100)$")

Key = tuple[str, str, tuple[tuple[str, str], ...]]


def _key(namespace: str, name: str, dims: Iterable[Any]) -> Key:
    pairs = []
    for d in dims:
        if isinstance(d, dict):
            pairs.append((str(d["Name"]), str(d["Value"])))
        else:  # moto's Dimension objects
            pairs.append((str(d.name), str(d.value)))
    return namespace, name, tuple(sorted(pairs))


def statistic(stat: str, data: Sequence[MetricDatumBase]) -> float | None:
    """One statistic over the datapoints of a period (None when there is nothing to compute)."""
    singles = [float(d.value) for d in data if isinstance(d, MetricDatum)]
    aggs = [d for d in data if isinstance(d, MetricAggregatedDatum)]
    count = len(singles) + sum(float(a.sample_count) for a in aggs)
    total = sum(singles) + sum(float(a.sum) for a in aggs)
    if stat == "Sum":
        return total
    if stat == "SampleCount":
        return count
    if stat == "Average":
        return total / count if count else None
    if stat == "Minimum":
        values = singles + [float(a.min) for a in aggs]
        return min(values) if values else None
    if stat == "Maximum":
        values = singles + [float(a.max) for a in aggs]
        return max(values) if values else None
    match = PERCENTILE.match(stat)
    if match and singles:
        ordered = sorted(singles)
        rank = max(1, math.ceil(float(match.group(1)) / 100 * len(ordered)))
        return ordered[rank - 1]
    return None


def _validate(queries: Sequence[dict[str, Any]]) -> None:
    if len(queries) > MAX_QUERIES:
        raise ValidationError(
            "The collection MetricDataQueries must not have a size greater than 500."
        )
    for query in queries:
        stat = (query.get("MetricStat") or {}).get("Stat", "")
        if "MetricStat" in query and stat not in PLAIN and not PERCENTILE.match(stat):
            raise ValidationError(f"The value {stat} for parameter Stat is not supported.")


class BridgedCloudWatchResponse(CloudWatchResponse):
    """moto's CloudWatch responses with an AWS-like ``GetMetricData``."""

    def get_metric_data(self) -> ActionResult:
        """GetMetricData for metric-stat queries (percentiles included), paginated."""
        params = self._get_params()
        queries = list(params.get("MetricDataQueries") or [])
        if any("MetricStat" not in q for q in queries):
            return super().get_metric_data()  # expressions: moto's own evaluation
        _validate(queries)
        start, end = _utc(params["StartTime"]), _utc(params["EndTime"])
        if start >= end:
            raise ValidationError("The parameter EndTime must be greater than StartTime.")
        index = self._index(start, end)
        descending = (params.get("ScanBy") or "TimestampDescending") == "TimestampDescending"
        results = [_result(q, index, start, end, descending) for q in queries]
        page, token = _page(results, str(params.get("NextToken") or ""))
        body: dict[str, Any] = {"MetricDataResults": page, "Messages": []}
        if token is not None:
            body["NextToken"] = token
        return ActionResult(body)

    def _index(self, start: dt.datetime, end: dt.datetime) -> dict[Key, list[MetricDatumBase]]:
        index: dict[Key, list[MetricDatumBase]] = defaultdict(list)
        for md in self.cloudwatch_backend.get_all_metrics():
            if start <= _utc(md.timestamp) < end:
                index[_key(md.namespace, md.name, md.dimensions)].append(md)
        return index


def _utc(value: Any) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    stamp: dt.datetime = value
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _result(
    query: dict[str, Any],
    index: dict[Key, list[MetricDatumBase]],
    start: dt.datetime,
    end: dt.datetime,
    descending: bool,
) -> dict[str, Any]:
    stat_q = query["MetricStat"]
    metric = stat_q["Metric"]
    period = int(stat_q["Period"])
    buckets: dict[int, list[MetricDatumBase]] = defaultdict(list)
    for md in index.get(
        _key(metric["Namespace"], metric["MetricName"], metric.get("Dimensions") or []), []
    ):
        buckets[int((_utc(md.timestamp) - start).total_seconds()) // period].append(md)
    points: list[tuple[dt.datetime, float]] = []
    for slot in sorted(buckets, reverse=descending):
        value = statistic(stat_q["Stat"], buckets[slot])
        if value is not None:
            points.append((start + dt.timedelta(seconds=slot * period), value))
    return {
        "id": query["Id"],
        "label": query.get("Label") or metric["MetricName"],
        "timestamps": [t for t, _ in points],
        "values": [v for _, v in points],
        "status_code": "Complete",
    }


def _page(results: list[dict[str, Any]], token: str) -> tuple[list[dict[str, Any]], str | None]:
    """The results from the ``token`` cursor (``<query>:<datapoint>``) up to the limit, and the
    next cursor (None on the last page). A query cut by the limit is ``PartialData``."""
    qi, _, pi = (token or "0:0").partition(":")
    first, at = int(qi), int(pi or 0)
    out: list[dict[str, Any]] = []
    budget = MAX_DATAPOINTS
    for i in range(first, len(results)):
        res = results[i]
        skip = at if i == first else 0
        if budget == 0:
            return out, f"{i}:{skip}"
        take = min(len(res["values"]) - skip, budget)
        part = {**res, "timestamps": res["timestamps"][skip : skip + take]}
        part["values"] = res["values"][skip : skip + take]
        budget -= take
        out.append(part)
        if skip + take < len(res["values"]):
            part["status_code"] = "PartialData"
            return out, f"{i}:{skip + take}"
    return out, None
