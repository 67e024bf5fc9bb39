"""The sample's traffic: 14 days of hourly CloudWatch metrics, published with PutMetricData.

Every value is a pure function of the hour (no randomness) over the 14 days that start at the
first hour boundary after the seed's "now" (:func:`window_end`: the sandbox's resources are all
created at seeding, so their traffic lies after it), so a collection whose window ends at that
end reads the same numbers on every run. The story (``docs/sample-estate.md``, "Traffic"):

* a daily rhythm (quietest 3 h, busiest 15 h into each day of the window) on every busy
  entrypoint; the golden paths are the busiest (``assets``, ``www``, ``shop``, ``api``,
  ``pay``) and healthy;
* ``edge-test`` and the ALB ``nw-reports`` serve nothing: no request datapoint at all (AWS
  publishes none for a period without requests), while ``nw-reports`` still reports
  ``ConsumedLCUs`` of 0 every hour (always reported) -- zeros, not absence;
* ALB ``nw-forms`` answers 4.5 % of its requests with a target 5xx (the Lambda behind it fails);
* ``media`` has additional metrics on and a 31 % cache hit rate (``www``, ``assets`` and
  ``shop`` have them too, with high rates);
* ``nw-pay-admin-monitor``'s Count-mode rate-limit rule matches 3.5 % of the ACL's requests
  (``waf.count_rule_would_block``); the Count-mode managed groups there and on
  ``nw-edge-legacy`` match well under 1 %.

AWS refuses ``AWS/`` namespaces from PutMetricData; the sandbox accepts them, which is what lets
the sample stand in for the services' own metrics.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from typing import Any

from edgekit.sandbox.sample.accounts import GA_REGION, US, Account
from edgekit.sandbox.sample.state import Estate

HOURS = 14 * 24
BATCH = 500
"""MetricData entries per PutMetricData call (AWS accepts up to 1,000)."""

DISTRIBUTION_REQUESTS: dict[str, float] = {
    "assets": 65000,
    "www": 42000,
    "shop": 24000,
    "api": 9000,
    "thumbs": 5200,
    "pay": 3600,
    "media": 2600,
    "partners": 1500,
    "orders": 1300,
    "recs": 950,
    "portal": 900,
    "downloads": 640,
    "docs": 420,
    "legacy": 310,
    "spring": 210,
    "summer": 190,
    "blog": 160,
    "forms": 130,
    "pay-admin": 400,
    # the house static sites and their near misses (houses.py)
    "help": 2200,
    "status": 1800,
    "careers": 700,
    "press": 350,
    "brand": 300,
    "investors": 260,
    "legal": 240,
    "jobs": 500,
    "events": 450,
    "gifts": 380,
    "wallet": 1100,
    "invoices": 600,
}
"""Peak-hour requests per distribution; the others (``edge-test``, the disabled
``campaign-2019``) serve nothing."""

CACHE_HIT_RATE: dict[str, float] = {"assets": 96.0, "www": 91.0, "shop": 72.0, "media": 31.0}
"""Distributions with additional metrics (a monitoring subscription) and their hit rate (%)."""

LB_REQUESTS: dict[str, float] = {
    "nw-shop": 26000,
    "nw-web-api": 4000,
    "nw-pay-app": 3600,
    "nw-wallet": 1100,
    "nw-invoices": 600,
    "nw-pay-orders": 1300,
    "nw-portal": 900,
    "nw-pay-core": 700,
    "nw-pay-admin": 400,
    "nw-legacy-elb": 310,
    "nw-forms": 130,
    "nw-legacy-redirect": 60,
    "nw-pay-partner-nlb": 700,
    "nw-reports": 0,
}
"""Peak-hour requests (flows for the NLB) per load balancer."""

TARGET_5XX: dict[str, float] = {"nw-forms": 0.045}
"""Share of requests answered with a target (origin) 5xx; 0.05 % elsewhere."""

API_REQUESTS: dict[str, float] = {
    "nw-catalog-api": 9000,
    "nw-partners-api": 1500,
    "nw-orders-api": 1300,
    "nw-loyalty-api": 500,
}
URL_REQUESTS: dict[str, float] = {"nw-thumbnails": 5200, "nw-recommendations": 950}
ACL_REQUESTS: dict[str, float] = {
    "nw-edge-standard": 121000,
    "nw-edge-legacy": 4700,
    "nw-pay-edge": 3600,
    "nw-portal-regional": 900,
    "nw-pay-admin-monitor": 400,
}
"""Peak-hour requests inspected per web ACL (``nw-web-staging`` protects nothing)."""
COUNT_SHARE: dict[tuple[str, str], float] = {("nw-pay-admin-monitor", "RateBased"): 0.035}
"""(web ACL, rule statement kind) → share of the ACL's requests a Count rule matches; 0.4 %
for other Count rules."""


def rhythm(hour: int) -> float:
    """Traffic factor of the window's ``hour`` (0.35 three hours into each day of the window,
    1.0 fifteen hours in), with a small deterministic wobble."""
    day = 0.35 + 0.65 * (1 + math.sin(2 * math.pi * ((hour % 24) - 9) / 24)) / 2
    wobble = 1 + 0.04 * (((hour * 7919) % 11) - 5) / 5
    return day * wobble


def hours(end: dt.datetime) -> list[tuple[int, dt.datetime]]:
    """(hour index in the window, timestamp inside that hour) for the 14 days before ``end``.

    Values follow the index, not the clock's hour of day, so the series are the same whenever
    the seed runs (the fixture stays byte-stable once timestamps are set aside)."""
    start = end - dt.timedelta(hours=HOURS)
    return [(h, start + dt.timedelta(hours=h, minutes=7)) for h in range(HOURS)]


def window_end(now: dt.datetime | None = None) -> dt.datetime:
    """End of the sample's metrics: 14 days after the first hour boundary after ``now``.

    The window lies after the seeding, not before it: every sample resource is created "now",
    and a resource younger than the window is (rightly) not judged on its traffic. Collect with
    ``--metrics-end`` set to this value (``SampleInfo.metrics_end``; ``edgekit demo`` does).
    """
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    start = now.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    return start + dt.timedelta(hours=HOURS)


def _dims(**dims: str) -> list[dict[str, str]]:
    return [{"Name": k, "Value": v} for k, v in dims.items()]


class Publisher:
    """Collects PutMetricData entries per (account, region, namespace) and sends them."""

    def __init__(self, end: dt.datetime) -> None:
        self.slots = hours(end)
        self.pending: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        self.accounts: dict[str, Account] = {}

    def _entries(self, account: Account, region: str, namespace: str) -> list[dict[str, Any]]:
        self.accounts[account.account_id] = account
        return self.pending.setdefault((account.account_id, region, namespace), [])

    def series(
        self,
        account: Account,
        region: str,
        namespace: str,
        name: str,
        dims: list[dict[str, str]],
        peak: float,
        *,
        share: float = 1.0,
        keep_zeros: bool = False,
    ) -> None:
        """A count following the rhythm: ``peak × share`` at the busiest hour."""
        entries = self._entries(account, region, namespace)
        for hour, at in self.slots:
            value = round(peak * share * rhythm(hour))
            if value or keep_zeros:
                entries.append(_entry(name, dims, at, Value=float(value)))

    def level(
        self,
        account: Account,
        region: str,
        namespace: str,
        name: str,
        dims: list[dict[str, str]],
        values: Sequence[float],
    ) -> None:
        """A gauge: the same ``values`` (one datapoint each) every hour."""
        entries = self._entries(account, region, namespace)
        for _, at in self.slots:
            entries.append(_entry(name, dims, at, Values=[float(v) for v in values]))

    def send(self) -> int:
        """PutMetricData everything pending; the number of calls made."""
        calls = 0
        for (account_id, region, namespace), entries in sorted(self.pending.items()):
            client = self.accounts[account_id].client("cloudwatch", region)
            for chunk in _chunks(entries, BATCH):
                client.put_metric_data(Namespace=namespace, MetricData=chunk)
                calls += 1
        self.pending.clear()
        return calls


def _entry(name: str, dims: list[dict[str, str]], at: dt.datetime, **value: Any) -> dict[str, Any]:
    return {"MetricName": name, "Dimensions": dims, "Timestamp": at, **value}


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for at in range(0, len(items), size):
        yield items[at : at + size]


def publish(estate: Estate, now: dt.datetime | None = None) -> dt.datetime:
    """Publish the sample's 14 days of metrics; returns the window end they lead up to."""
    end = window_end(now)
    pub = Publisher(end)
    _distributions(estate, pub)
    _load_balancers(estate, pub)
    _apis(estate, pub)
    _function_urls(estate, pub)
    _accelerator(estate, pub)
    _web_acls(estate, pub)
    pub.send()
    return end


def _distributions(estate: Estate, pub: Publisher) -> None:
    for name, dist in sorted(estate.distributions.items()):
        peak = DISTRIBUTION_REQUESTS.get(name, 0.0) if dist.enabled else 0.0
        account = estate.account(dist.account_id)
        dims = _dims(DistributionId=dist.id, Region="Global")
        ns = "AWS/CloudFront"
        pub.series(account, US, ns, "Requests", dims, peak)
        pub.series(account, US, ns, "BytesDownloaded", dims, peak * 28000)
        if not peak:
            continue
        origin_5xx = 100 * TARGET_5XX.get(f"nw-{name}", 0.0005)
        pub.level(account, US, ns, "4xxErrorRate", dims, [1.2])
        pub.level(account, US, ns, "5xxErrorRate", dims, [origin_5xx + 0.02])
        pub.level(account, US, ns, "TotalErrorRate", dims, [1.22 + origin_5xx])
        if name in CACHE_HIT_RATE:
            account.client("cloudfront", US).create_monitoring_subscription(
                DistributionId=dist.id,
                MonitoringSubscription={
                    "RealtimeMetricsSubscriptionConfig": {
                        "RealtimeMetricsSubscriptionStatus": "Enabled"
                    }
                },
            )
            pub.level(account, US, ns, "CacheHitRate", dims, [CACHE_HIT_RATE[name]])
            pub.level(account, US, ns, "OriginLatency", dims, [35.0, 42.0, 60.0, 180.0])


def _load_balancers(estate: Estate, pub: Publisher) -> None:
    for name, lb in sorted(estate.balancers.items()):
        if name not in LB_REQUESTS:
            continue
        account, peak = estate.account(lb.account_id), LB_REQUESTS[name]
        if lb.kind == "classic":
            dims = _dims(LoadBalancerName=name)
            pub.series(account, lb.region, "AWS/ELB", "RequestCount", dims, peak)
            pub.series(account, lb.region, "AWS/ELB", "HTTPCode_Backend_5XX", dims, peak * 0.002)
            pub.series(account, lb.region, "AWS/ELB", "EstimatedProcessedBytes", dims, peak * 9000)
            pub.level(account, lb.region, "AWS/ELB", "Latency", dims, [0.08, 0.12, 0.3])
            continue
        dims = _dims(LoadBalancer=lb.arn.partition(":loadbalancer/")[2])
        lcu = [round(peak / 20000 + 0.05, 3) if peak else 0.0]
        if lb.kind == "network":
            ns = "AWS/NetworkELB"
            pub.series(account, lb.region, ns, "NewFlowCount", dims, peak)
            pub.series(account, lb.region, ns, "ProcessedBytes", dims, peak * 15000)
            pub.level(account, lb.region, ns, "ActiveFlowCount", dims, [peak / 10])
            pub.level(account, lb.region, ns, "ConsumedLCUs", dims, lcu)
            continue
        ns = "AWS/ApplicationELB"
        target_5xx = TARGET_5XX.get(name, 0.0005)
        pub.series(account, lb.region, ns, "RequestCount", dims, peak)
        pub.series(
            account, lb.region, ns, "HTTPCode_Target_5XX_Count", dims, peak, share=target_5xx
        )
        pub.series(account, lb.region, ns, "HTTPCode_ELB_5XX_Count", dims, peak, share=0.0002)
        pub.series(account, lb.region, ns, "ProcessedBytes", dims, peak * 12000)
        pub.series(account, lb.region, ns, "ActiveConnectionCount", dims, peak * 0.6)
        pub.level(account, lb.region, ns, "ConsumedLCUs", dims, lcu)  # always reported
        if peak:
            times = [0.012, 0.018, 0.025, 0.031, 0.04, 0.055, 0.08, 0.12, 0.25, 0.9]
            pub.level(account, lb.region, ns, "TargetResponseTime", dims, times)


def _apis(estate: Estate, pub: Publisher) -> None:
    for account in estate.accounts.all:
        for region in (US, "eu-west-1"):
            v1 = account.client("apigateway", region)
            for api in v1.get_rest_apis().get("items", []):
                peak = API_REQUESTS.get(str(api["name"]), 0.0)
                for stage in v1.get_stages(restApiId=api["id"]).get("item", []):
                    dims = _dims(ApiName=str(api["name"]), Stage=str(stage["stageName"]))
                    _api_series(pub, account, region, dims, peak, ("4XXError", "5XXError"))
            v2 = account.client("apigatewayv2", region)
            for api in v2.get_apis().get("Items", []):
                if api.get("ProtocolType") != "HTTP":
                    continue
                peak = API_REQUESTS.get(str(api["Name"]), 0.0)
                for stage in v2.get_stages(ApiId=api["ApiId"]).get("Items", []):
                    dims = _dims(ApiId=str(api["ApiId"]), Stage=str(stage["StageName"]))
                    _api_series(pub, account, region, dims, peak, ("4xx", "5xx"))


def _api_series(
    pub: Publisher,
    account: Account,
    region: str,
    dims: list[dict[str, str]],
    peak: float,
    errors: tuple[str, str],
) -> None:
    ns = "AWS/ApiGateway"
    pub.series(account, region, ns, "Count", dims, peak)
    pub.series(account, region, ns, errors[0], dims, peak, share=0.015)
    pub.series(account, region, ns, errors[1], dims, peak, share=0.001)
    if peak:
        pub.level(account, region, ns, "Latency", dims, [45.0, 60.0, 80.0])


def _function_urls(estate: Estate, pub: Publisher) -> None:
    for name, arn in sorted(estate.functions.items()):
        if name not in estate.function_urls:
            continue
        parts = arn.split(":")
        account, region = estate.account(parts[4]), parts[3]
        dims = _dims(FunctionName=name)
        peak = URL_REQUESTS.get(name, 0.0)
        pub.series(account, region, "AWS/Lambda", "UrlRequestCount", dims, peak)
        pub.series(account, region, "AWS/Lambda", "Url4xxCount", dims, peak, share=0.01)
        pub.series(account, region, "AWS/Lambda", "Url5xxCount", dims, peak, share=0.001)
        if peak:
            pub.level(account, region, "AWS/Lambda", "UrlRequestLatency", dims, [20.0, 35.0])


def _accelerator(estate: Estate, pub: Publisher) -> None:
    for account in estate.accounts.all:
        ga = account.client("globalaccelerator", GA_REGION)
        for acc in ga.list_accelerators().get("Accelerators", []):
            dims = _dims(Accelerator=str(acc["AcceleratorArn"]).rpartition("/")[2])
            ns = "AWS/GlobalAccelerator"
            pub.series(account, GA_REGION, ns, "NewFlowCount", dims, 2000)
            pub.series(account, GA_REGION, ns, "ProcessedBytesIn", dims, 2000 * 3000)
            pub.series(account, GA_REGION, ns, "ProcessedBytesOut", dims, 2000 * 30000)


def _web_acls(estate: Estate, pub: Publisher) -> None:
    for name, arn in sorted(estate.web_acls.items()):
        peak = ACL_REQUESTS.get(name, 0.0)
        parts = arn.split(":")
        account, region = estate.account(parts[4]), parts[3]
        regional = ":regional/" in arn
        scope = "REGIONAL" if regional else "CLOUDFRONT"
        acl_id = arn.rsplit("/", 1)[1]
        wafv2 = account.client("wafv2", region)
        acl = wafv2.get_web_acl(Name=name, Scope=scope, Id=acl_id)["WebACL"]
        where = {"Region": region} if regional else {}
        metric = str(acl["VisibilityConfig"]["MetricName"])
        ns = "AWS/WAFV2"
        every = _dims(WebACL=metric, Rule="ALL", **where)
        pub.series(account, region, ns, "AllowedRequests", every, peak, share=0.975)
        pub.series(account, region, ns, "BlockedRequests", every, peak, share=0.025)
        for rule in acl.get("Rules") or []:
            vis = rule.get("VisibilityConfig") or {}
            if not vis.get("CloudWatchMetricsEnabled"):
                continue
            dims = _dims(WebACL=metric, Rule=str(vis["MetricName"]), **where)
            if "Count" in (rule.get("Action") or {}) or "Count" in (
                rule.get("OverrideAction") or {}
            ):
                kind = next(iter(rule.get("Statement") or {"": None})).removesuffix("Statement")
                share = COUNT_SHARE.get((name, kind), 0.004)
                pub.series(account, region, ns, "CountedRequests", dims, peak, share=share)
            else:
                pub.series(account, region, ns, "BlockedRequests", dims, peak, share=0.004)
        pub.send()  # one ACL at a time keeps requests small
