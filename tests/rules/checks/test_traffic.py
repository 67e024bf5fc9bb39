"""traffic.idle_entrypoint, traffic.origin_errors_high, traffic.cache_hit_low,
waf.count_rule_would_block: fire, near-miss and unknown on hand-built cloudwatch payloads."""

from __future__ import annotations

from typing import Any

from edgekit.model import parse
from edgekit.rules.context import CheckContext
from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns

R = "us-east-1"
START, END = "2026-02-01T00:00:00+00:00", "2026-02-02T00:00:00+00:00"
HOURS = [f"2026-02-01T{h:02d}:00:00Z" for h in range(24)]
ALB = f.load_balancer("web")
ALB_ARN = ALB["LoadBalancerArn"]
DIST = f.distribution("E1", origins=[f.s3_origin()], default=f.behavior("s3-assets"))
DIST_ARN = DIST["ARN"]


def series(
    resource: str,
    metric: str,
    values: list[float],
    *,
    stat: str = "Sum",
    rtype: str = "alb",
    namespace: str = "AWS/ApplicationELB",
    rule: str | None = None,
    status: str = "Complete",
    created: str | None = None,
) -> dict[str, Any]:
    """One metric_data item (values at the first hours of the window)."""
    item: dict[str, Any] = {"resource": resource, "resource_type": rtype}
    if rule is not None:
        item["rule"] = rule
    if created is not None:
        item["created"] = created
    item["MetricDataQuery"] = {
        "Id": "q0",
        "MetricStat": {
            "Metric": {"Namespace": namespace, "MetricName": metric, "Dimensions": []},
            "Period": 3600,
            "Stat": stat,
        },
    }
    item["MetricDataResult"] = {
        "Id": "q0",
        "Label": metric,
        "Timestamps": HOURS[: len(values)],
        "Values": values,
        "StatusCode": status,
    }
    return item


def cloudwatch(
    items: list[dict[str, Any]] | None, *, region: str = R, **extra: Any
) -> dict[str, Any]:
    """A cloudwatch payload (``items`` None: GetMetricData was denied)."""
    data: dict[str, Any] = {
        "window": {"StartTime": START, "EndTime": END, "Period": 3600},
        "metrics_disabled": [],
        **extra,
    }
    if items is not None:
        data["metric_data"] = items
    return f.payload("cloudwatch", data, region=region)


def _lb_snap(*cw: dict[str, Any]) -> Snapshot:
    elb = f.payload(
        "elbv2",
        {
            "load_balancers": [f.lb_entry(ALB, listeners=[])],
            "target_groups": [],
            "ssl_policies": [],
        },
        region=R,
    )
    return f.snapshot(elb, *cw)


# ------------------------------------------------------------------ traffic.idle_entrypoint


def test_idle_entrypoint_fires_on_a_complete_result_without_datapoints() -> None:
    snap = _lb_snap(cloudwatch([series(ALB_ARN, "RequestCount", [])]))
    [found] = fails("traffic.idle_entrypoint", snap)
    assert found.resource.id == ALB_ARN
    assert found.evidence["requests"] == 0
    assert found.evidence["missing_periods_read_as_zero"] == 24


def test_idle_entrypoint_passes_with_one_request() -> None:
    snap = _lb_snap(cloudwatch([series(ALB_ARN, "RequestCount", [0.0, 1.0])]))
    assert run_check("traffic.idle_entrypoint", snap) == []


def test_idle_entrypoint_passes_for_an_internal_load_balancer() -> None:
    inner = f.load_balancer("inner", scheme="internal")
    elb = f.payload(
        "elbv2",
        {
            "load_balancers": [f.lb_entry(inner, listeners=[])],
            "target_groups": [],
            "ssl_policies": [],
        },
        region=R,
    )
    snap = f.snapshot(elb, cloudwatch([series(inner["LoadBalancerArn"], "RequestCount", [])]))
    assert run_check("traffic.idle_entrypoint", snap) == []


def test_idle_entrypoint_unknown_without_metrics_denied_partial_or_young() -> None:
    reasons = {
        "not collected": _lb_snap(),
        "denied": _lb_snap(cloudwatch(None)),
        "partial": _lb_snap(
            cloudwatch([series(ALB_ARN, "RequestCount", [], status="PartialData")])
        ),
        "young": _lb_snap(
            cloudwatch([series(ALB_ARN, "RequestCount", [], created="2026-02-01T12:00:00Z")])
        ),
    }
    messages = {k: unknowns("traffic.idle_entrypoint", s)[0].message for k, s in reasons.items()}
    assert "not collected" in messages["not collected"]
    assert "denied" in messages["denied"]
    assert "PartialData" in messages["partial"]
    assert "younger than the window" in messages["young"]
    for snap in reasons.values():
        assert fails("traffic.idle_entrypoint", snap) == []


# ------------------------------------------------------------------ traffic.origin_errors_high


def _errors(requests: list[float], errors: list[float]) -> Snapshot:
    return _lb_snap(
        cloudwatch(
            [
                series(ALB_ARN, "RequestCount", requests),
                series(ALB_ARN, "HTTPCode_Target_5XX_Count", errors),
            ]
        )
    )


def test_origin_errors_high_fires_above_one_percent() -> None:
    [found] = fails("traffic.origin_errors_high", _errors([1000.0, 1000.0], [30.0, 0.0]))
    assert found.evidence["share"] == 0.015
    assert found.evidence["metric"] == "HTTPCode_Target_5XX_Count"


def test_origin_errors_high_passes_at_one_percent_and_follows_the_setting() -> None:
    snap = _errors([1000.0, 1000.0], [20.0])
    assert run_check("traffic.origin_errors_high", snap) == []
    strict = CheckContext(parse(snap), settings={"traffic.origin_errors_high.threshold": 0.005})
    assert len(fails("traffic.origin_errors_high", strict)) == 1


def test_origin_errors_high_passes_without_requests() -> None:
    assert run_check("traffic.origin_errors_high", _errors([], [])) == []


def test_origin_errors_high_unknown_when_the_error_metric_is_missing() -> None:
    snap = _lb_snap(cloudwatch([series(ALB_ARN, "RequestCount", [5.0])]))
    [found] = unknowns("traffic.origin_errors_high", snap)
    assert "HTTPCode_Target_5XX_Count was not requested" in found.message


# ------------------------------------------------------------------ traffic.cache_hit_low


def cdn(
    rate: list[float] | None, subscribed: bool | None = True, dist: dict[str, Any] = DIST
) -> Snapshot:
    """One distribution (``dist``) with 400 requests and, unless None, these hourly
    CacheHitRate averages; its monitoring subscription on, off or unknown (None)."""
    arn = dist["ARN"]
    items = [
        series(arn, "Requests", [100.0, 300.0], rtype="distribution", namespace="AWS/CloudFront")
    ]
    if rate is not None:
        items.append(
            series(
                arn,
                "CacheHitRate",
                rate,
                stat="Average",
                rtype="distribution",
                namespace="AWS/CloudFront",
            )
        )
    sub: dict[str, Any] = {"DistributionId": dist["Id"]}
    if subscribed is not None:
        status = "Enabled" if subscribed else "Disabled"
        sub["MonitoringSubscription"] = {
            "RealtimeMetricsSubscriptionConfig": {"RealtimeMetricsSubscriptionStatus": status}
        }
    cw = cloudwatch(items, region="global", monitoring_subscriptions=[sub])
    payload = {"distributions": [f.distribution_entry(dist)], **f.managed_policies()}
    return f.snapshot(f.payload("cloudfront", payload), cw)


def test_cache_hit_low_fires_on_the_request_weighted_rate() -> None:
    # 90 % on 100 requests, 30 % on 300: weighted 45 % (the plain mean, 60 %, would pass)
    [found] = fails("traffic.cache_hit_low", cdn([90.0, 30.0]))
    assert found.evidence["cache_hit_rate_percent"] == 45.0


def test_cache_hit_low_passes_at_fifty_percent() -> None:
    assert run_check("traffic.cache_hit_low", cdn([50.0, 50.0])) == []


def test_cache_hit_low_passes_when_static_paths_are_not_cached() -> None:
    dist = f.distribution(
        "E1",
        origins=[f.s3_origin()],
        default=f.behavior("s3-assets", cache_policy=f.CACHING_DISABLED),
    )
    assert run_check("traffic.cache_hit_low", cdn([10.0], dist=dist)) == []


def test_cache_hit_low_unknown_without_additional_metrics() -> None:
    assert "off" in unknowns("traffic.cache_hit_low", cdn(None, subscribed=False))[0].message
    assert "not known" in unknowns("traffic.cache_hit_low", cdn(None, subscribed=None))[0].message


# ------------------------------------------------------------------ waf.count_rule_would_block

GEO = {"GeoMatchStatement": {"CountryCodes": ["KP"]}}


def _acl(counted: list[float] | None, *, metrics: bool = True) -> Snapshot:
    acl = f.web_acl(
        "api-acl",
        rules=[
            f.rule("geo", 0, GEO, action="Count", metrics=metrics),
            f.rule("block", 1, GEO, action="Block"),
        ],
    )
    arn = acl["ARN"]
    items = [
        series(arn, "AllowedRequests", [900.0, 900.0], rtype="web_acl", namespace="AWS/WAFV2"),
        series(arn, "BlockedRequests", [100.0, 100.0], rtype="web_acl", namespace="AWS/WAFV2"),
        series(arn, "CaptchaRequests", [], rtype="web_acl", namespace="AWS/WAFV2"),
        series(arn, "ChallengeRequests", [], rtype="web_acl", namespace="AWS/WAFV2"),
    ]
    disabled = []
    if counted is not None:
        items.append(
            series(
                arn,
                "CountedRequests",
                counted,
                rtype="web_acl_rule",
                namespace="AWS/WAFV2",
                rule="geo",
            )
        )
    if not metrics:
        disabled.append(
            {"resource": arn, "resource_type": "web_acl_rule", "rule": "geo", "reason": "off"}
        )
    waf = f.payload(
        "wafv2",
        {
            "scope": "REGIONAL",
            "web_acls": [{"WebACL": acl, "LoggingConfiguration": None, "ResourceArns": []}],
        },
        region=R,
    )
    return f.snapshot(waf, cloudwatch(items, metrics_disabled=disabled))


def test_count_rule_would_block_fires_with_the_share() -> None:
    [found] = fails("waf.count_rule_would_block", _acl([15.0, 5.0]))
    assert found.evidence["inspected_requests"] == 2000.0
    assert found.evidence["rules"] == [{"rule": "geo", "counted": 20.0, "share": 0.01}]


def test_count_rule_would_block_passes_below_one_percent() -> None:
    assert run_check("waf.count_rule_would_block", _acl([10.0, 9.0])) == []


def test_count_rule_would_block_unknown_when_metrics_are_disabled_or_missing() -> None:
    [off] = unknowns("waf.count_rule_would_block", _acl(None, metrics=False))
    assert "disabled" in off.message
    [missing] = unknowns("waf.count_rule_would_block", _acl(None))
    assert "CountedRequests was not requested" in missing.message


# ------------------------------------------------------------------ unknown branches, one each


def test_origin_errors_high_unknown_when_requests_are_unknown() -> None:
    snap = _lb_snap(
        cloudwatch([series(ALB_ARN, "HTTPCode_Target_5XX_Count", [3.0], status="PartialData")])
    )
    [found] = unknowns("traffic.origin_errors_high", snap)
    assert found.message.startswith("requests unknown")


def test_cache_hit_low_unknown_when_metrics_were_denied() -> None:
    cdn = {"distributions": [f.distribution_entry(DIST)], **f.managed_policies()}
    snap = f.snapshot(f.payload("cloudfront", cdn), cloudwatch(None, region="global"))
    [found] = unknowns("traffic.cache_hit_low", snap)
    assert found.message.startswith("CacheHitRate unknown")


def test_cache_hit_low_unknown_when_the_rate_has_no_datapoint() -> None:
    [found] = unknowns("traffic.cache_hit_low", cdn([]))
    assert found.message == "CacheHitRate has no datapoint in the window"


def test_count_rule_would_block_unknown_when_the_acls_rules_were_not_collected() -> None:
    acl = f.web_acl("api-acl", rules=[f.rule("geo", 0, GEO, action="Count")])
    entry = f.web_acl_summary_entry(acl, logging=None)
    waf = f.payload("wafv2", {"scope": "REGIONAL", "web_acls": [entry]}, region=R)
    [found] = unknowns("waf.count_rule_would_block", f.snapshot(waf, cloudwatch([])))
    assert found.message == "the web ACL's rules were not collected"


def test_count_rule_would_block_unknown_when_the_acls_requests_are_unknown() -> None:
    snap = _acl([15.0, 5.0])
    for p in snap.payloads:
        if p["collector"] == "cloudwatch":
            p["data"]["metric_data"] = [
                i
                for i in p["data"]["metric_data"]
                if i["MetricDataResult"]["Label"] != "AllowedRequests"
            ]
    [found] = unknowns("waf.count_rule_would_block", snap)
    assert found.message.startswith("requests the ACL inspected unknown")
