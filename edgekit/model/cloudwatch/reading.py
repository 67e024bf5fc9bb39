"""Reading traffic off the metric series: which resources are metered, and their totals.

:func:`metered` lists the resources whose traffic edgekit reads (distributions, ALBs/NLBs,
Classic ELBs, REST and HTTP API stages, Lambda function URLs, accelerators), each with its
request metric and, where the service publishes one, its origin/target 5xx metric.
:class:`Traffic` answers totals over the window with the reason when it cannot (metrics not
collected, denied, not requested, incomplete, resource younger than the window).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from edgekit.model.cloudwatch.types import MetricSeries, MetricWindow
from edgekit.model.common import NOT_COLLECTED
from edgekit.model.inventory import Inventory

REQUESTS: dict[str, tuple[str, str]] = {
    "distribution": ("AWS/CloudFront", "Requests"),
    "alb": ("AWS/ApplicationELB", "RequestCount"),
    "nlb": ("AWS/NetworkELB", "NewFlowCount"),
    "clb": ("AWS/ELB", "RequestCount"),
    "rest_stage": ("AWS/ApiGateway", "Count"),
    "http_stage": ("AWS/ApiGateway", "Count"),
    "function_url": ("AWS/Lambda", "UrlRequestCount"),
    "accelerator": ("AWS/GlobalAccelerator", "NewFlowCount"),
}
"""Resource type → (namespace, the metric that counts its requests or new flows)."""

ORIGIN_5XX: dict[str, str] = {
    "alb": "HTTPCode_Target_5XX_Count",
    "clb": "HTTPCode_Backend_5XX",
    "rest_stage": "5XXError",
    "http_stage": "5xx",
    "function_url": "Url5xxCount",
}
"""Resource type → the metric counting 5xx answers of what is behind it (targets, backends,
integrations, the function). CloudFront's 5xxErrorRate mixes edge and origin errors: not used."""


@dataclass(frozen=True, slots=True)
class Metered:
    """A resource whose traffic is read from CloudWatch."""

    arn: str
    type: str
    """A key of :data:`REQUESTS`."""
    name: str
    account_id: str
    region: str
    """The resource's region (``global`` for distributions and accelerators)."""
    public: bool
    """An internet entrypoint (enabled distribution, internet-facing LB, public stage, URL)."""
    ref: str = ""
    """The id findings name (default: ``arn``; an HTTP API stage names its API, which the
    graph knows)."""

    @property
    def resource_id(self) -> str:
        """What a finding about it names."""
        return self.ref or self.arn


def metered(inv: Inventory) -> list[Metered]:
    """Every metered resource of the inventory, in a stable order."""
    return sorted(_metered(inv), key=lambda m: (m.type, m.arn))


def _metered(inv: Inventory) -> Iterator[Metered]:
    for d in inv.distributions:
        yield Metered(d.arn, "distribution", d.id, d.account_id, "global", bool(d.enabled))
    for lb in inv.load_balancers:
        if lb.type in ("application", "network"):
            kind = "alb" if lb.type == "application" else "nlb"
            yield Metered(lb.arn, kind, lb.name, lb.account_id, lb.region, lb.internet_facing)
    for c in inv.classic_load_balancers:
        yield Metered(c.arn, "clb", c.name, c.account_id, c.region, c.internet_facing)
    for api in inv.rest_apis:
        if api.stages is NOT_COLLECTED:
            continue
        for s in api.stages:
            public = "PRIVATE" not in api.endpoint_types
            name = f"{api.name}/{s.name}"
            yield Metered(s.arn, "rest_stage", name, api.account_id, api.region, public)
    for api2 in inv.apis:
        if api2.stages is NOT_COLLECTED or api2.protocol_type != "HTTP":
            continue
        for st in api2.stages:
            arn = api2.stage_arn(st.name)
            name = f"{api2.name}/{st.name}"
            yield Metered(arn, "http_stage", name, api2.account_id, api2.region, True, api2.arn)
    for url in inv.function_urls:
        if url.config is NOT_COLLECTED or url.config is None:
            continue
        parts = url.function_arn.split(":")
        name = parts[6] if len(parts) > 6 else url.function_arn
        yield Metered(url.function_arn, "function_url", name, url.account_id, url.region, True)
    for acc in inv.accelerators:
        yield Metered(acc.arn, "accelerator", acc.name, acc.account_id, "global", acc.enabled)


@dataclass(frozen=True, slots=True)
class Reading:
    """A total over the window, or why there is none."""

    value: float | None
    reason: str = ""
    series: MetricSeries | None = None
    window: MetricWindow | None = None

    def evidence(self) -> dict[str, object]:
        """The reading for a finding's evidence (window, metric, how absence was read)."""
        out: dict[str, object] = {}
        if self.series is not None:
            s = self.series
            out["metric"] = f"{s.namespace} {s.metric_name} ({s.stat})"
            out["datapoints"] = len(s.values)
        if self.window is not None:
            w = self.window
            out["window"] = {
                "start": w.start.isoformat(),
                "end": w.end.isoformat(),
                "period_seconds": w.period,
            }
            if self.series is not None and len(self.series.values) < w.periods:
                out["missing_periods_read_as_zero"] = w.periods - len(self.series.values)
        return out


class Traffic:
    """Series indexed by resource; totals with reasons. Build once per scan."""

    def __init__(self, inv: Inventory) -> None:
        self.windows = {(w.account_id, w.region): w for w in inv.metric_windows}
        self.series: dict[tuple[str, str, str, str | None], MetricSeries] = {}
        for s in inv.metrics:
            self.series.setdefault((s.resource, s.metric_name, s.stat, s.rule), s)
        self.disabled = {(d.resource, d.rule) for d in inv.metrics_disabled}
        self.subscriptions = {s.distribution_id: s.enabled for s in inv.monitoring_subscriptions}

    def find(
        self, resource: str, metric: str, stat: str, rule: str | None = None
    ) -> MetricSeries | None:
        """The series of ``resource``'s ``metric`` / ``stat`` (None: not requested)."""
        return self.series.get((resource, metric, stat, rule))

    def total(
        self, m: Metered | tuple[str, str, str], metric: str, rule: str | None = None
    ) -> Reading:
        """The window's Sum of ``metric`` for a resource (``Metered`` or (arn, account,
        metrics region)); a reading without value says why."""
        arn, account, region = (m.arn, m.account_id, m.region) if isinstance(m, Metered) else m
        window = self.windows.get((account, region))
        if window is None:
            return Reading(None, "CloudWatch metrics were not collected (--no-metrics?)")
        if not window.collected:
            return Reading(None, "GetMetricData was denied (see the snapshot's gaps)", None, window)
        if (arn, rule) in self.disabled:
            return Reading(None, "CloudWatch metrics are disabled (CloudWatchMetricsEnabled false)")
        s = self.find(arn, metric, "Sum", rule)
        if s is None:
            return Reading(None, f"{metric} was not requested for it", None, window)
        if not s.complete:
            return Reading(None, f"CloudWatch answered {s.status} for {metric}", s, window)
        if s.created is not None and s.created > window.start:
            return Reading(
                None,
                f"created {s.created.isoformat()}, after the window start "
                f"{window.start.isoformat()}: younger than the window",
                s,
                window,
            )
        return Reading(s.total(), "", s, window)

    def requests(self, m: Metered) -> Reading:
        """Requests (new flows for NLBs and accelerators) over the window."""
        return self.total(m, REQUESTS[m.type][1])
