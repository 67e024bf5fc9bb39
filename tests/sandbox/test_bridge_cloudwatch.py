"""CloudWatch GetMetricData (percentiles, namespaces, pages) and CloudFront monitoring
subscriptions through the bridge, with shape-validated clients."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from botocore.exceptions import ClientError

from edgekit.sandbox.bridge import cloudwatch as bridge_cw
from tests.sandbox.configs import minimal_config
from tests.sandbox.conftest import ClientFactory

T0 = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
DIMS = [{"Name": "LoadBalancer", "Value": "app/web/50dc6c495c0c9188"}]


def _query(qid: str, name: str, stat: str, namespace: str = "AWS/ApplicationELB") -> Any:
    metric = {"Namespace": namespace, "MetricName": name, "Dimensions": DIMS}
    return {"Id": qid, "MetricStat": {"Metric": metric, "Period": 3600, "Stat": stat}}


def _put(
    cw: Any, name: str, hour: int, values: list[float], namespace: str = "AWS/ApplicationELB"
) -> None:
    cw.put_metric_data(
        Namespace=namespace,
        MetricData=[
            {
                "MetricName": name,
                "Dimensions": DIMS,
                "Timestamp": T0 + dt.timedelta(hours=hour, minutes=5),
                "Values": values,
            }
        ],
    )


def test_percentiles_and_plain_statistics_per_period(client: ClientFactory) -> None:
    cw = client("cloudwatch", "eu-west-1")
    _put(cw, "TargetResponseTime", 0, [0.1, 0.2, 0.3, 0.4, 2.0])
    _put(cw, "TargetResponseTime", 2, [0.5])
    _put(cw, "TargetResponseTime", 0, [9.0], namespace="Other/Space")  # same dimensions
    got = cw.get_metric_data(
        MetricDataQueries=[
            _query("p50", "TargetResponseTime", "p50"),
            _query("p99", "TargetResponseTime", "p99"),
            _query("avg", "TargetResponseTime", "Average"),
            _query("n", "TargetResponseTime", "SampleCount"),
        ],
        StartTime=T0,
        EndTime=T0 + dt.timedelta(hours=3),
        ScanBy="TimestampAscending",
    )["MetricDataResults"]
    by_id = {r["Id"]: r for r in got}
    assert by_id["p50"]["Values"] == [0.3, 0.5]
    assert by_id["p99"]["Values"] == [2.0, 0.5]
    assert by_id["avg"]["Values"] == [pytest.approx(0.6), 0.5]
    assert by_id["n"]["Values"] == [5.0, 1.0]
    # only periods with data; period starts as timestamps
    assert [t.hour for t in by_id["p50"]["Timestamps"]] == [0, 2]
    assert {r["StatusCode"] for r in got} == {"Complete"}


def test_more_than_500_queries_is_refused(client: ClientFactory) -> None:
    cw = client("cloudwatch", "eu-west-1")
    with pytest.raises(ClientError) as caught:
        cw.get_metric_data(
            MetricDataQueries=[_query(f"q{i}", "RequestCount", "Sum") for i in range(501)],
            StartTime=T0,
            EndTime=T0 + dt.timedelta(hours=1),
        )
    assert "500" in str(caught.value)


def test_large_answers_are_paged_with_next_token(
    client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bridge_cw, "MAX_DATAPOINTS", 3)
    cw = client("cloudwatch", "eu-west-1")
    for hour in range(4):
        _put(cw, "RequestCount", hour, [float(hour)])
    queries = [_query("a", "RequestCount", "Sum"), _query("b", "RequestCount", "Maximum")]
    pages: list[Any] = []
    token: str | None = None
    while True:
        kwargs = {"NextToken": token} if token else {}
        page = cw.get_metric_data(
            MetricDataQueries=queries,
            StartTime=T0,
            EndTime=T0 + dt.timedelta(hours=4),
            ScanBy="TimestampAscending",
            **kwargs,
        )
        pages.append(page["MetricDataResults"])
        token = page.get("NextToken")
        if not token:
            break
    assert len(pages) == 3
    merged: dict[str, list[float]] = {}
    for page in pages:
        for res in page:
            merged.setdefault(res["Id"], []).extend(res["Values"])
    assert merged == {"a": [0.0, 1.0, 2.0, 3.0], "b": [0.0, 1.0, 2.0, 3.0]}
    assert pages[0][0]["StatusCode"] == "PartialData"


def test_monitoring_subscription_lifecycle(cf: Any) -> None:
    dist = cf.create_distribution(DistributionConfig=minimal_config("mon"))["Distribution"]["Id"]
    with pytest.raises(ClientError) as caught:
        cf.get_monitoring_subscription(DistributionId=dist)
    assert caught.value.response["Error"]["Code"] == "NoSuchMonitoringSubscription"
    sub = {"RealtimeMetricsSubscriptionConfig": {"RealtimeMetricsSubscriptionStatus": "Enabled"}}
    cf.create_monitoring_subscription(DistributionId=dist, MonitoringSubscription=sub)
    assert cf.get_monitoring_subscription(DistributionId=dist)["MonitoringSubscription"] == sub
    cf.delete_monitoring_subscription(DistributionId=dist)
    with pytest.raises(ClientError) as caught:
        cf.get_monitoring_subscription(DistributionId="EDOESNOTEXIST")
    assert caught.value.response["Error"]["Code"] == "NoSuchDistribution"
