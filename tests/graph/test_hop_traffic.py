"""Per-hop requests/day and 5xx share from the snapshot's CloudWatch metrics."""

from __future__ import annotations

from pathlib import Path

from edgekit.graph import Estate
from edgekit.graph.hop_traffic import DAY_SECONDS, hop_traffic
from edgekit.model.cloudfront.types import Distribution

SNAPSHOTS = Path(__file__).parents[1] / "fixtures" / "snapshots"


def test_distribution_rate_is_request_weighted_and_per_day() -> None:
    estate = Estate.load(SNAPSHOTS / "sample.json.gz")
    figures = hop_traffic(estate.model, estate.graph)
    pay = estate.model.cloudfront.distribution_for_alias("pay.nwpay.example")
    assert isinstance(pay, Distribution), pay  # looked up by alias: ids shift as the sample grows
    node = estate.entry_node(pay.id)
    arn = estate.graph.nodes[node]["arn"]
    series = {(s.metric_name, s.stat): s for s in estate.model.metrics if s.resource == arn}
    requests = series[("Requests", "Sum")]
    rate = series[("5xxErrorRate", "Average")]
    window = next(w for w in estate.model.metric_windows if w.region == "us-east-1")
    days = (window.end - window.start).total_seconds() / DAY_SECONDS
    weights = dict(zip(requests.timestamps, requests.values, strict=True))
    expected_rate = sum(
        v * weights.get(t, 0.0) for t, v in zip(rate.timestamps, rate.values, strict=True)
    ) / (100 * sum(weights.get(t, 0.0) for t in rate.timestamps))
    got = figures[node]
    assert got.requests_per_day is not None and got.error_rate is not None
    assert abs(got.requests_per_day - sum(requests.values) / days) < 1e-6
    assert abs(got.error_rate - expected_rate) < 1e-12
    assert got.metric == "AWS/CloudFront Requests" and got.note == ""


def test_unmetered_nodes_have_no_figures_and_missing_is_not_zero() -> None:
    estate = Estate.load(SNAPSHOTS / "rich.json")
    figures = hop_traffic(estate.model, estate.graph)
    assert all(estate.graph.nodes[n]["kind"] != "behavior" for n in figures)
    nlb = figures[estate.entry_node("static-nlb")]
    assert nlb.requests_per_day is None and nlb.error_rate is None
    assert nlb.note == "NewFlowCount was not requested for it"


def test_no_metrics_collected_says_nothing() -> None:
    estate = Estate.load(SNAPSHOTS / "multi_account.json")
    assert not estate.model.metric_windows
    assert hop_traffic(estate.model, estate.graph) == {}
