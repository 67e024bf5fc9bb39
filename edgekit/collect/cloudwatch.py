"""CloudWatch collector (global + per region): how the collected entrypoints behave.

Runs after the collectors whose resources it reads and asks ``GetMetricData`` for their
metrics (:mod:`edgekit.collect.cloudwatch_queries` lists which, with AWS's dimension names):
one statistic and one period per query (default 1 hour over the last 14 days, the window ending
on a period boundary), at most :data:`MAX_QUERIES` queries a call, every ``NextToken`` page
merged per query. The global unit reads CloudFront and CLOUDFRONT-scope WAF metrics (in the
partition's global region, us-east-1) and Global Accelerator's (us-west-2), and first reads
``GetMonitoringSubscription`` per distribution: only distributions with additional metrics
enabled are asked for ``CacheHitRate`` / ``OriginLatency``. Regional units read load balancers,
API stages, function URLs and REGIONAL web ACLs.

Payload ``data`` (absent key = not collected):

* ``window``: ``{"StartTime", "EndTime", "Period"}`` (ISO 8601 UTC, seconds).
* ``metric_data``: ``[{"resource", "resource_type", "created"?, "rule"?, "MetricDataQuery":
  {Id, MetricStat: {Metric: {Namespace, MetricName, Dimensions}, Period, Stat}},
  "MetricDataResult": {Id, Label, Timestamps, Values, StatusCode}}]``, sorted by resource then
  query. AWS publishes no datapoint for a period without traffic for most counts: a ``Complete``
  result with missing periods means zero (the model reads it so). Absent when any
  ``GetMetricData`` call was denied (a gap: checks say unknown); never partial.
* ``metrics_disabled``: ``[{"resource", "resource_type", "rule"?, "reason"}]`` web ACLs and rules
  with ``CloudWatchMetricsEnabled: false`` (nothing to read: checks say so).
* ``monitoring_subscriptions`` (global): ``[{"DistributionId", "MonitoringSubscription":
  GetMonitoringSubscription.MonitoringSubscription or null (none)}]``; the key is left out of an
  entry whose read was denied.

Calls: ``ceil(queries / 500)`` GetMetricData calls (more when a response is paginated: one call
returns at most 100,800 datapoints) + 1 GetMonitoringSubscription per distribution.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from edgekit.collect import cloudwatch_queries as cq
from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = ("cloudwatch:GetMetricData", "cloudfront:GetMonitoringSubscription")

MAX_QUERIES = 500
"""GetMetricData accepts at most 500 MetricDataQuery structures a call."""

PRICE_PER_1000_METRICS_USD = 0.01
"""GetMetricData list price per 1,000 metrics requested (us-east-1, 2025)."""

GA_REGION: dict[str, str] = {"aws": "us-west-2"}
"""Partition → the region where Global Accelerator publishes its metrics."""

NO_SUBSCRIPTION = ("NoSuchMonitoringSubscription",)
DIST_GONE = ("NoSuchDistribution",)


@dataclass(frozen=True)
class MetricsWindow:
    """The metrics window: ``days`` back from ``end`` (default: now), one ``period`` a point."""

    days: int = 14
    period: int = 3600
    end: str | None = None
    """ISO 8601 end of the window (tests and the sample estate); None = now."""

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """``(start, end)``, the end rounded down to a period boundary."""
        end = dt.datetime.fromisoformat(self.end) if self.end else dt.datetime.now(dt.UTC)
        if end.tzinfo is None:
            end = end.replace(tzinfo=dt.UTC)
        stamp = int(end.timestamp()) // self.period * self.period
        stop = dt.datetime.fromtimestamp(stamp, dt.UTC)
        return stop - dt.timedelta(days=self.days), stop

    def validate(self) -> None:
        """Raise ValueError for a window CloudWatch cannot serve."""
        if self.days < 1 or self.days > 455:
            raise ValueError("--metrics-days must be between 1 and 455 (CloudWatch retention)")
        if self.period < 60 or self.period % 60:
            raise ValueError("--metrics-period must be a multiple of 60 seconds")
        if self.end:
            try:
                dt.datetime.fromisoformat(self.end)
            except ValueError:
                raise ValueError(f"--metrics-end: {self.end!r} is not an ISO 8601 time") from None


def select_inputs(prior: Sequence[dict[str, Any]], account_id: str, region: str) -> Any:
    """The metric requests of one account/region (global: CloudFront, CLOUDFRONT WAF, GA)."""
    disabled: list[dict[str, str]]
    waf, disabled = cq.web_acls(prior, account_id, region)
    if region == "global":
        dists = cq.distributions(prior, account_id)
        requests = [r for d in dists for r in cq.cloudfront(d, additional=False)]
        chosen: dict[str, Any] = {
            "distributions": dists,
            "accelerators": cq.accelerators(prior, account_id),
        }
    else:
        requests = cq.load_balancers(prior, account_id, region)
        requests += cq.api_stages(prior, account_id, region)
        requests += cq.function_urls(prior, account_id, region)
        chosen = {}
    chosen.update(requests=requests + waf, disabled=disabled, window=MetricsWindow())
    if not any((chosen["requests"], chosen.get("accelerators"), disabled)):
        return None
    return chosen


def with_window(inputs: Any, window: MetricsWindow) -> Any:
    """Unit inputs with another metrics window (``--metrics-days`` / ``--metrics-period``)."""
    return {**inputs, "window": window} if isinstance(inputs, dict) else inputs


def estimate(inputs: Sequence[Any]) -> int:
    """Upper estimate of the metric queries the units with these inputs will request."""
    total = 0
    for unit in inputs:
        if isinstance(unit, dict):
            total += len(unit.get("requests") or ()) + len(unit.get("accelerators") or ())
            total += len(cq.CLOUDFRONT_ADDITIONAL) * len(unit.get("distributions") or ())
    return total


def estimate_line(queries: int) -> str:
    """One line for the terminal: how many metrics, and their list price."""
    usd = queries / 1000 * PRICE_PER_1000_METRICS_USD
    return (
        f"cloudwatch: about {queries:,} metric queries (GetMetricData is billed per metric "
        f"requested, ${PRICE_PER_1000_METRICS_USD:.2f} per 1,000: about ${usd:.2f}); "
        "--no-metrics skips them"
    )


def print_metric_estimate(units: Sequence[Any]) -> None:
    """Print the estimate for the cloudwatch units of a phase (nothing for other phases)."""
    mine = [u.inputs for u in units if u.collector == "cloudwatch"]
    if mine:
        print(estimate_line(estimate(mine)), file=sys.stderr)


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Read the metric requests of ``ctx.inputs`` over the window."""
    inputs: dict[str, Any] = ctx.inputs or {}
    window: MetricsWindow = inputs.get("window") or MetricsWindow()
    start, end = window.bounds()
    data: dict[str, Any] = {
        "window": {"StartTime": _iso(start), "EndTime": _iso(end), "Period": window.period},
        "metrics_disabled": list(inputs.get("disabled") or []),
    }
    here: list[cq.Request] = list(inputs.get("requests") or [])
    if ctx.is_global:
        subs = _subscriptions(ctx, inputs.get("distributions") or [])
        data["monitoring_subscriptions"] = subs
        enabled = {s["DistributionId"] for s in subs if _additional(s)}
        for dist in inputs.get("distributions") or []:
            if dist["Id"] in enabled:
                here += cq.cloudfront(dist, additional=True)[len(cq.CLOUDFRONT) :]
    batches = [(ctx.api_region, here)]
    ga_region = GA_REGION.get(ctx.partition)
    if ga_region:
        batches.append((ga_region, list(inputs.get("accelerators") or [])))
    found: list[dict[str, Any]] = []
    for region, requests in batches:
        if not requests:
            continue
        client = ctx.client("cloudwatch", region)
        got = metric_data(ctx, client, requests, start, end, window.period)
        if got is None:
            return data  # denied: metric_data stays absent (a gap was recorded)
        found += got
    data["metric_data"] = sorted(found, key=lambda m: (m["resource"], m["MetricDataQuery"]["Id"]))
    return data


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="seconds")


def _additional(sub: dict[str, Any]) -> bool:
    config = (sub.get("MonitoringSubscription") or {}).get("RealtimeMetricsSubscriptionConfig")
    return str((config or {}).get("RealtimeMetricsSubscriptionStatus")) == "Enabled"


def _subscriptions(ctx: UnitContext, dists: Sequence[dict[str, str]]) -> list[dict[str, Any]]:
    cloudfront = ctx.client("cloudfront")
    out: list[dict[str, Any]] = []
    for dist in dists:
        entry: dict[str, Any] = {"DistributionId": dist["Id"]}
        got = ctx.call(
            cloudfront,
            "get_monitoring_subscription",
            not_found=NO_SUBSCRIPTION + DIST_GONE,
            DistributionId=dist["Id"],
        )
        if got is Outcome.NOT_FOUND:
            entry["MonitoringSubscription"] = None
        elif not isinstance(got, Outcome):
            entry["MonitoringSubscription"] = got.get("MonitoringSubscription")
        out.append(entry)
    return out


def query(index: int, request: cq.Request, period: int) -> dict[str, Any]:
    """The MetricDataQuery of one request (``Id`` ``q<index>``)."""
    metric = {
        "Namespace": request["Namespace"],
        "MetricName": request["MetricName"],
        "Dimensions": request["Dimensions"],
    }
    stat = {"Metric": metric, "Period": period, "Stat": request["Stat"]}
    return {"Id": f"q{index}", "MetricStat": stat, "ReturnData": True}


def metric_data(
    ctx: UnitContext,
    client: Any,
    requests: Sequence[cq.Request],
    start: dt.datetime,
    end: dt.datetime,
    period: int,
) -> list[dict[str, Any]] | None:
    """Every request's query and merged result; None when a call was denied."""
    queries = [query(i, r, period) for i, r in enumerate(requests)]
    results: dict[str, dict[str, Any]] = {}
    for at in range(0, len(queries), MAX_QUERIES):
        batch = queries[at : at + MAX_QUERIES]
        pages = ctx.pages(
            client,
            "get_metric_data",
            input_token="NextToken",
            output_token="NextToken",
            MetricDataQueries=batch,
            StartTime=start,
            EndTime=end,
            ScanBy="TimestampAscending",
        )
        if isinstance(pages, Outcome):
            return None
        for page in pages:
            for res in page.get("MetricDataResults") or []:
                _merge(results, res)
    out: list[dict[str, Any]] = []
    for req, q in zip(requests, queries, strict=True):
        item = {k: v for k, v in req.items() if k[0].islower()}
        item["MetricDataQuery"] = q
        item["MetricDataResult"] = results.get(q["Id"]) or {
            "Id": q["Id"],
            "Timestamps": [],
            "Values": [],
            "StatusCode": "InternalError",
        }
        out.append(item)
    return out


def _merge(results: dict[str, dict[str, Any]], res: dict[str, Any]) -> None:
    """Add one page's result for a query to what earlier pages returned for it."""
    qid = str(res.get("Id"))
    prev = results.get(qid)
    if prev is None:
        results[qid] = {
            "Id": qid,
            "Label": res.get("Label", ""),
            "Timestamps": list(res.get("Timestamps") or []),
            "Values": list(res.get("Values") or []),
            "StatusCode": res.get("StatusCode", "Complete"),
        }
        return
    prev["Timestamps"] += list(res.get("Timestamps") or [])
    prev["Values"] += list(res.get("Values") or [])
    prev["StatusCode"] = res.get("StatusCode", prev["StatusCode"])


def queries_per_call(queries: int) -> int:
    """GetMetricData calls needed for ``queries`` (before pagination)."""
    return math.ceil(queries / MAX_QUERIES)


def configure(units: Sequence[Any], window: MetricsWindow) -> list[Any]:
    """Work units with the cloudwatch units' window replaced (other units unchanged)."""
    return [
        replace(u, inputs=with_window(u.inputs, window)) if u.collector == "cloudwatch" else u
        for u in units
    ]


SPEC = CollectorSpec(
    id="cloudwatch",
    service="cloudwatch",
    scope="global",
    also_regional=True,
    actions=ACTIONS,
    collect=collect,
    description="CloudWatch metrics of the collected entrypoints (GetMetricData, batched)",
    depends_on=(
        "cloudfront",
        "wafv2",
        "elbv2",
        "elb",
        "apigateway",
        "apigatewayv2",
        "lambda",
        "globalaccelerator",
    ),
    select_inputs=select_inputs,
)
