"""plan.usage reads the cloudwatch collector's payload: monthly figures the planner prices."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.plan.usage import from_snapshot
from tests.model import factories as f

WINDOW = {
    "StartTime": "2026-02-01T00:00:00+00:00",
    "EndTime": "2026-02-03T00:00:00+00:00",
    "Period": 3600,
}
ACL = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge-acl/a1"


def item(
    resource: str,
    ns: str,
    metric: str,
    dims: dict[str, str],
    values: list[float],
    *,
    stat: str = "Sum",
    status: str = "Complete",
) -> dict[str, Any]:
    return {
        "resource": resource,
        "resource_type": "x",
        "MetricDataQuery": {
            "Id": "q0",
            "MetricStat": {
                "Metric": {
                    "Namespace": ns,
                    "MetricName": metric,
                    "Dimensions": [{"Name": k, "Value": v} for k, v in dims.items()],
                },
                "Period": 3600,
                "Stat": stat,
            },
        },
        "MetricDataResult": {
            "Id": "q0",
            "Label": metric,
            "Timestamps": [],
            "Values": values,
            "StatusCode": status,
        },
    }


def _usage(*items: dict[str, Any], region: str = "us-east-1") -> Any:
    data = {"window": WINDOW, "metrics_disabled": [], "metric_data": list(items)}
    return from_snapshot(f.snapshot(f.payload("cloudwatch", data, region=region)))


def test_sums_scale_to_a_month_and_missing_periods_are_zero() -> None:
    usage = _usage(
        item(
            "d",
            "AWS/CloudFront",
            "Requests",
            {"DistributionId": "E1", "Region": "Global"},
            [1000.0, 1000.0],
        )
    )
    # 2,000 requests in 2 days → 30.4375 days
    assert (
        usage.monthly("AWS/CloudFront", "Requests", DistributionId="E1", Region="Global")
        == 2000 * 30.4375 / 2
    )


def test_averages_are_rates_over_every_period() -> None:
    usage = _usage(
        item(
            "lb",
            "AWS/ApplicationELB",
            "ConsumedLCUs",
            {"LoadBalancer": "app/a/1"},
            [4.8] * 24,
            stat="Average",
        )
    )
    # 24 of 48 hours at 4.8 LCU, the other 24 without a datapoint (0): 2.4 LCU on average
    assert usage.monthly(
        "AWS/ApplicationELB", "ConsumedLCUs", LoadBalancer="app/a/1"
    ) == pytest.approx(2.4)


def test_api_stages_add_up_and_waf_acls_answer_by_name() -> None:
    usage = _usage(
        item("s1", "AWS/ApiGateway", "Count", {"ApiName": "orders", "Stage": "v1"}, [10.0]),
        item("s2", "AWS/ApiGateway", "Count", {"ApiName": "orders", "Stage": "v2"}, [30.0]),
        item(
            ACL, "AWS/WAFV2", "AllowedRequests", {"WebACL": "edgeAclMetric", "Rule": "ALL"}, [50.0]
        ),
        region="global",
    )
    assert usage.monthly("AWS/ApiGateway", "Count", ApiName="orders") == 40 * 30.4375 / 2
    assert (
        usage.monthly("AWS/ApiGateway", "Count", ApiName="orders", Stage="v1") == 10 * 30.4375 / 2
    )
    by_name = usage.monthly(
        "AWS/WAFV2", "AllowedRequests", WebACL="edge-acl", Rule="ALL", Region="global"
    )
    assert by_name == 50 * 30.4375 / 2


def test_incomplete_or_malformed_results_stay_unknown() -> None:
    usage = _usage(
        item(
            "d",
            "AWS/CloudFront",
            "Requests",
            {"DistributionId": "E1", "Region": "Global"},
            [5.0],
            status="PartialData",
        ),
        {"resource": "broken"},
    )
    assert usage.monthly("AWS/CloudFront", "Requests", DistributionId="E1", Region="Global") is None
    assert usage.empty
