"""The cloudwatch collector: which metrics (AWS's dimension names), batching, pages, denials."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import pytest

from edgekit.collect import cloudwatch
from edgekit.collect import cloudwatch_queries as cq
from edgekit.collect.runner import UnitResult, WorkUnit, run_unit
from tests.collect import shapes
from tests.collect.builders import ACCESS, ACCOUNT, assert_calls_declared, fail
from tests.collect.stubs import Stubs

R = "eu-west-1"
END = "2026-03-01T00:00:00+00:00"
WINDOW = cloudwatch.MetricsWindow(days=1, period=3600, end=END)
ALB = f"arn:aws:elasticloadbalancing:{R}:{ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188"
NLB = f"arn:aws:elasticloadbalancing:{R}:{ACCOUNT}:loadbalancer/net/tcp/0123456789abcdef"


def vis(name: str, enabled: bool = True) -> dict[str, Any]:
    return {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": enabled, "MetricName": name}


def rec(collector: str, region: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"account_id": ACCOUNT, "region": region, "collector": collector, "data": data}


GROUP_ARN = f"arn:aws:wafv2:{R}:{ACCOUNT}:regional/rulegroup/own/1111"
WAF_REGIONAL = {
    "scope": "REGIONAL",
    "web_acls": [
        {
            "WebACL": {
                "ARN": f"arn:aws:wafv2:{R}:{ACCOUNT}:regional/webacl/api-acl/2222",
                "Name": "api acl",
                "VisibilityConfig": vis("apiAclMetric"),
                "Rules": [
                    {"Name": "geo", "Action": {"Count": {}}, "VisibilityConfig": vis("geoM")},
                    {"Name": "quiet", "Action": {"Block": {}}, "VisibilityConfig": vis("q", False)},
                    {
                        "Name": "own-group",
                        "OverrideAction": {"None": {}},
                        "Statement": {"RuleGroupReferenceStatement": {"ARN": GROUP_ARN}},
                        "VisibilityConfig": vis("ownGroupRef"),
                    },
                ],
            }
        }
    ],
    "rule_groups": [
        {
            "ARN": GROUP_ARN,
            "VisibilityConfig": vis("ownGroupMetric"),
            "Rules": [
                {"Name": "probe", "Action": {"Count": {}}, "VisibilityConfig": vis("probeM")},
                {"Name": "deny", "Action": {"Block": {}}, "VisibilityConfig": vis("denyM")},
            ],
        }
    ],
}
WAF_CLOUDFRONT = {
    "scope": "CLOUDFRONT",
    "web_acls": [
        {
            "WebACL": {
                "ARN": f"arn:aws:wafv2:us-east-1:{ACCOUNT}:global/webacl/edge/3333",
                "VisibilityConfig": vis("edgeAcl"),
                "Rules": [],
            }
        }
    ],
}
PRIOR = [
    rec(
        "elbv2",
        R,
        {
            "load_balancers": [
                {"LoadBalancer": {"LoadBalancerArn": ALB, "Type": "application"}},
                {"LoadBalancer": {"LoadBalancerArn": NLB, "Type": "network"}},
            ]
        },
    ),
    rec("elb", R, {"load_balancers": [{"LoadBalancerDescription": {"LoadBalancerName": "old"}}]}),
    rec(
        "apigateway",
        R,
        {
            "rest_apis": [
                {"RestApi": {"id": "a1", "name": "orders"}, "Stages": [{"stageName": "v1"}]}
            ]
        },
    ),
    rec(
        "apigatewayv2",
        R,
        {
            "apis": [
                {
                    "Api": {"ApiId": "h1", "ProtocolType": "HTTP"},
                    "Stages": [{"StageName": "$default"}],
                },
                {
                    "Api": {"ApiId": "w1", "ProtocolType": "WEBSOCKET"},
                    "Stages": [{"StageName": "p"}],
                },
            ]
        },
    ),
    rec(
        "lambda",
        R,
        {
            "function_urls": [
                {
                    "FunctionArn": f"arn:aws:lambda:{R}:{ACCOUNT}:function:thumbs",
                    "FunctionUrlConfig": {
                        "FunctionArn": f"arn:aws:lambda:{R}:{ACCOUNT}:function:thumbs",
                        "CreationTime": "2026-01-01T00:00:00Z",
                    },
                },
                {
                    "FunctionArn": f"arn:aws:lambda:{R}:{ACCOUNT}:function:nourl",
                    "FunctionUrlConfig": None,
                },
            ]
        },
    ),
    rec("wafv2", R, WAF_REGIONAL),
    rec("wafv2", "global", WAF_CLOUDFRONT),
    rec(
        "cloudfront",
        "global",
        {
            "distributions": [
                {"Distribution": {"Id": "E1", "ARN": "arn:aws:cloudfront::1:distribution/E1"}}
            ]
        },
    ),
    rec(
        "globalaccelerator",
        "global",
        {
            "accelerators": [
                {
                    "Accelerator": {
                        "AcceleratorArn": "arn:aws:globalaccelerator::1:accelerator/abcd-ef"
                    }
                }
            ]
        },
    ),
]


def _keys(requests: list[cq.Request]) -> set[tuple[str, str, tuple[tuple[str, str], ...]]]:
    return {
        (r["Namespace"], r["MetricName"], tuple((d["Name"], d["Value"]) for d in r["Dimensions"]))
        for r in requests
    }


def test_regional_requests_use_aws_dimension_names() -> None:
    inputs = cloudwatch.select_inputs(PRIOR, ACCOUNT, R)
    keys = _keys(inputs["requests"])
    assert (
        "AWS/ApplicationELB",
        "ConsumedLCUs",
        (("LoadBalancer", "app/web/50dc6c495c0c9188"),),
    ) in keys
    assert (
        "AWS/NetworkELB",
        "NewFlowCount",
        (("LoadBalancer", "net/tcp/0123456789abcdef"),),
    ) in keys
    assert ("AWS/ELB", "HTTPCode_Backend_5XX", (("LoadBalancerName", "old"),)) in keys
    assert ("AWS/ApiGateway", "5XXError", (("ApiName", "orders"), ("Stage", "v1"))) in keys
    # HTTP APIs publish 4xx/5xx (lower case); WebSocket APIs are not asked for these metrics
    assert ("AWS/ApiGateway", "5xx", (("ApiId", "h1"), ("Stage", "$default"))) in keys
    assert not any(("ApiId", "w1") in k[2] for k in keys)
    assert ("AWS/Lambda", "Url5xxCount", (("FunctionName", "thumbs"),)) in keys
    assert not any(("FunctionName", "nourl") in k[2] for k in keys)
    stats = {(r["MetricName"], r["Stat"]) for r in inputs["requests"]}
    assert {("TargetResponseTime", "p50"), ("TargetResponseTime", "p99")} <= stats


def test_waf_dimensions_are_metric_names_with_region_for_regional_scope() -> None:
    keys = _keys(cloudwatch.select_inputs(PRIOR, ACCOUNT, R)["requests"])
    acl = (("WebACL", "apiAclMetric"), ("Rule", "ALL"), ("Region", R))
    assert {("AWS/WAFV2", m, acl) for m in cq.WAF_METRICS} <= keys
    # a Count rule: only the metric its action produces
    geo = (("WebACL", "apiAclMetric"), ("Rule", "geoM"), ("Region", R))
    assert ("AWS/WAFV2", "CountedRequests", geo) in keys
    assert ("AWS/WAFV2", "BlockedRequests", geo) not in keys
    # a rule group reference without override: every action metric
    ref = (("WebACL", "apiAclMetric"), ("Rule", "ownGroupRef"), ("Region", R))
    assert {("AWS/WAFV2", m, ref) for m in cq.WAF_METRICS} <= keys
    # Count rules inside the own rule group: Rule + RuleGroup + Region, no WebACL
    inner = (("Rule", "probeM"), ("RuleGroup", "ownGroupMetric"), ("Region", R))
    assert ("AWS/WAFV2", "CountedRequests", inner) in keys
    assert not any(("Rule", "denyM") in k[2] for k in keys)


def test_disabled_metrics_are_listed_not_requested() -> None:
    inputs = cloudwatch.select_inputs(PRIOR, ACCOUNT, R)
    assert inputs["disabled"] == [
        {
            "resource": WAF_REGIONAL["web_acls"][0]["WebACL"]["ARN"],
            "resource_type": "web_acl_rule",
            "rule": "quiet",
            "reason": "CloudWatchMetricsEnabled false",
        }
    ]
    assert not any(("Rule", "q") in k[2] for k in _keys(inputs["requests"]))


def test_global_requests_cloudfront_and_cloudfront_scope_waf_without_region() -> None:
    inputs = cloudwatch.select_inputs(PRIOR, ACCOUNT, "global")
    keys = _keys(inputs["requests"])
    assert ("AWS/CloudFront", "Requests", (("DistributionId", "E1"), ("Region", "Global"))) in keys
    assert ("AWS/WAFV2", "AllowedRequests", (("WebACL", "edgeAcl"), ("Rule", "ALL"))) in keys
    assert _keys(inputs["accelerators"]) >= {
        ("AWS/GlobalAccelerator", "ProcessedBytesOut", (("Accelerator", "abcd-ef"),))
    }
    # additional metrics are asked only once the subscription is known to be enabled
    assert not any(k[1] == "CacheHitRate" for k in keys)


def test_nothing_to_read_skips_the_unit() -> None:
    assert cloudwatch.select_inputs(PRIOR, ACCOUNT, "us-west-2") is None
    assert cloudwatch.select_inputs([], ACCOUNT, "global") is None


def test_window_ends_on_a_period_boundary_and_validates() -> None:
    start, end = cloudwatch.MetricsWindow(14, 3600, "2026-03-01T10:37:12+00:00").bounds()
    assert end == dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC)
    assert end - start == dt.timedelta(days=14)
    with pytest.raises(ValueError, match="multiple of 60"):
        cloudwatch.MetricsWindow(period=90).validate()
    with pytest.raises(ValueError, match="between 1 and 455"):
        cloudwatch.MetricsWindow(days=0).validate()


def _requests(n: int) -> list[cq.Request]:
    return [
        {
            "resource": f"r{i:04d}",
            "resource_type": "alb",
            "Namespace": "Test/Edge",
            "MetricName": "RequestCount",
            "Dimensions": [{"Name": "LoadBalancer", "Value": f"app/lb{i}/x"}],
            "Stat": "Sum",
        }
        for i in range(n)
    ]


def _unit(inputs: dict[str, Any], region: str = R, *hooks: Any) -> UnitResult:
    api = "us-east-1" if region == "global" else region
    return run_unit(WorkUnit("cloudwatch", ACCESS, region, api, tuple(hooks), inputs))


def _inputs(requests: list[cq.Request], **extra: Any) -> dict[str, Any]:
    return {"requests": requests, "disabled": [], "window": WINDOW, **extra}


def test_more_than_500_queries_are_split_and_every_result_lands_on_its_query(
    moto_aws: None,
) -> None:
    requests = _requests(1101)
    cw = boto3.client("cloudwatch", region_name=R)
    at = dt.datetime(2026, 2, 28, 20, tzinfo=dt.UTC)
    for i in (0, 499, 500, 1000, 1100):
        cw.put_metric_data(
            Namespace="Test/Edge",
            MetricData=[
                {
                    "MetricName": "RequestCount",
                    "Dimensions": requests[i]["Dimensions"],
                    "Timestamp": at,
                    "Value": float(i + 1),
                }
            ],
        )
    res = _unit(_inputs(requests))
    assert res.error is None, res.error
    assert res.calls == {("cloudwatch", "GetMetricData"): 3}
    items = res.data["metric_data"]
    assert len(items) == 1101
    by_resource = {m["resource"]: m for m in items}
    for i in (0, 499, 500, 1000, 1100):
        result = by_resource[f"r{i:04d}"]["MetricDataResult"]
        assert result["Values"] == [float(i + 1)], i
        assert result["Timestamps"] == ["2026-02-28T20:00:00Z"] or result["Timestamps"][
            0
        ].startswith("2026-02-28T20:00:00")
    assert by_resource["r0001"]["MetricDataResult"]["Values"] == []
    assert by_resource["r0001"]["MetricDataResult"]["StatusCode"] == "Complete"
    assert res.data["window"] == {
        "StartTime": "2026-02-28T00:00:00+00:00",
        "EndTime": END,
        "Period": 3600,
    }
    assert_calls_declared(res)
    for m in items[:3]:
        shapes.assert_conforms(
            m["MetricDataResult"], "cloudwatch", "GetMetricData", "MetricDataResults[]"
        )


def test_pages_are_merged_per_query() -> None:
    t = [dt.datetime(2026, 2, 28, h, tzinfo=dt.UTC) for h in range(3)]
    stubs = (
        Stubs("cloudwatch")
        .ok(
            "get_metric_data",
            {
                "MetricDataResults": [
                    {
                        "Id": "q0",
                        "Label": "a",
                        "Timestamps": t[:2],
                        "Values": [1.0, 2.0],
                        "StatusCode": "PartialData",
                    },
                    {
                        "Id": "q1",
                        "Label": "b",
                        "Timestamps": [],
                        "Values": [],
                        "StatusCode": "Complete",
                    },
                ],
                "NextToken": "page2",
            },
        )
        .ok(
            "get_metric_data",
            {
                "MetricDataResults": [
                    {
                        "Id": "q0",
                        "Label": "a",
                        "Timestamps": t[2:],
                        "Values": [3.0],
                        "StatusCode": "Complete",
                    }
                ]
            },
        )
    )
    res = _unit(_inputs(_requests(2)), R, stubs)
    stubs.assert_done()
    first = res.data["metric_data"][0]["MetricDataResult"]
    assert first["Values"] == [1.0, 2.0, 3.0] and first["StatusCode"] == "Complete"
    assert len(first["Timestamps"]) == 3


def test_denied_get_metric_data_is_a_gap_and_no_metric_data(moto_aws: None) -> None:
    res = _unit(_inputs(_requests(3)), R, fail("GetMetricData", "AccessDenied"))
    assert "metric_data" not in res.data
    assert [(g["operation"], g["error_code"]) for g in res.gaps] == [
        ("GetMetricData", "AccessDenied")
    ]
    assert res.error is None


DIST = {"Id": "E1", "ARN": "arn:aws:cloudfront::123456789012:distribution/E1"}
DIST2 = {"Id": "E2", "ARN": "arn:aws:cloudfront::123456789012:distribution/E2"}


def test_additional_cloudfront_metrics_follow_the_monitoring_subscription() -> None:
    cf = (
        Stubs("cloudfront")
        .ok(
            "get_monitoring_subscription",
            {
                "MonitoringSubscription": {
                    "RealtimeMetricsSubscriptionConfig": {
                        "RealtimeMetricsSubscriptionStatus": "Enabled"
                    }
                }
            },
            {"DistributionId": "E1"},
        )
        .error(
            "get_monitoring_subscription", "NoSuchMonitoringSubscription", {"DistributionId": "E2"}
        )
    )
    cw = Stubs("cloudwatch").ok("get_metric_data", {"MetricDataResults": []})
    requests = [r for d in (DIST, DIST2) for r in cq.cloudfront(d, additional=False)]
    res = _unit(_inputs(requests, distributions=[DIST, DIST2]), "global", cf, cw)
    cf.assert_done()
    assert res.data["monitoring_subscriptions"] == [
        {
            "DistributionId": "E1",
            "MonitoringSubscription": {
                "RealtimeMetricsSubscriptionConfig": {
                    "RealtimeMetricsSubscriptionStatus": "Enabled"
                }
            },
        },
        {"DistributionId": "E2", "MonitoringSubscription": None},
    ]
    asked = {
        (m["resource"], m["MetricDataQuery"]["MetricStat"]["Metric"]["MetricName"])
        for m in res.data["metric_data"]
    }
    assert (DIST["ARN"], "CacheHitRate") in asked
    assert (DIST2["ARN"], "CacheHitRate") not in asked
    # no datapoint returned for a query: marked, never read as complete zeros
    assert {m["MetricDataResult"]["StatusCode"] for m in res.data["metric_data"]} == {
        "InternalError"
    }


def test_denied_monitoring_subscription_leaves_it_unknown() -> None:
    cf = Stubs("cloudfront").error("get_monitoring_subscription", "AccessDenied")
    cw = Stubs("cloudwatch").ok("get_metric_data", {"MetricDataResults": []})
    res = _unit(_inputs(cq.cloudfront(DIST, False), distributions=[DIST]), "global", cf, cw)
    assert res.data["monitoring_subscriptions"] == [{"DistributionId": "E1"}]
    assert [g["operation"] for g in res.gaps] == ["GetMonitoringSubscription"]


def test_accelerator_metrics_are_read_in_us_west_2() -> None:
    cw = Stubs("cloudwatch").ok("get_metric_data", {"MetricDataResults": []})
    acc = cq.accelerators(PRIOR, ACCOUNT)
    res = _unit(_inputs([], distributions=[], accelerators=acc), "global", cw)
    assert cw.regions == ["us-west-2"]
    assert len(res.data["metric_data"]) == 3


def test_estimate_counts_every_query_and_the_possible_additional_ones() -> None:
    inputs = cloudwatch.select_inputs(PRIOR, ACCOUNT, "global")
    n = cloudwatch.estimate([inputs])
    assert n == len(inputs["requests"]) + 3 + len(cq.CLOUDFRONT_ADDITIONAL)
    assert "$0.01 per 1,000" in cloudwatch.estimate_line(n)


def test_cli_prints_the_estimate_and_no_metrics_skips_the_collector(
    sandbox_aws: None, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from edgekit.cli import main
    from edgekit.sandbox.seed import seed
    from edgekit.snapshot import load

    seed()
    base = ["collect", "--regions", "eu-west-1", "--collectors", "elbv2,cloudwatch"]
    out = tmp_path / "m.json"
    assert main([*base, "--metrics-days", "2", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "metric queries (GetMetricData is billed per metric requested" in err
    [cw] = [p for p in load(out).payloads if p["collector"] == "cloudwatch"]
    assert cw["data"]["metric_data"] and cw["data"]["window"]["Period"] == 3600
    bare = tmp_path / "n.json"
    assert main([*base, "--no-metrics", "--quiet", "-o", str(bare)]) == 0
    assert {p["collector"] for p in json.loads(bare.read_text())["payloads"]} == {"elbv2"}


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--metrics-period", "90"), ("--metrics-days", "0"), ("--metrics-end", "yesterday")],
)
def test_cli_refuses_a_bad_window_before_writing(tmp_path: Any, flag: str, value: str) -> None:
    from edgekit.cli import main

    out = tmp_path / "x.json"
    assert main(["collect", flag, value, "-o", str(out)]) == 2
    assert not out.exists()
