"""The dated price table and savings lines."""

from __future__ import annotations

from edgekit.plan import prices
from edgekit.plan.usage import Usage, from_snapshot
from tests.model import factories as f


def test_table_is_dated_and_sourced() -> None:
    table = prices.load()
    assert table.source_date == "2026-11-28" and table.region == "us-east-1"
    wanted = {
        "alb_hour",
        "alb_lcu_hour",
        "nlb_hour",
        "nlb_nlcu_hour",
        "classic_hour",
        "classic_gb",
        "ga_hour",
        "ga_dt_premium_gb",
        "waf_acl_month",
        "waf_rule_month",
        "waf_million_requests",
        "cloudfront_dedicated_ip_month",
        "apigw_rest_million",
        "apigw_http_million",
        "origin_shield_10k",
    }
    assert wanted <= set(table.items)
    assert all(p.source and p.per and p.usd > 0 for p in table.items.values())
    assert table["alb_hour"].usd == 0.0225 and table["cloudfront_dedicated_ip_month"].usd == 600
    assert not table["origin_shield_10k"].confirmed


def test_lines_fixed_usage_and_basis() -> None:
    hour = prices.fixed("ALB", "alb_hour")
    assert hour.usd == 16.43 and hour.basis == "730 h × $0.0225/ALB-hour = $16.43"
    unknown = prices.usage("LCU", "alb_lcu_hour", None, "LCU-hours")
    assert unknown.usd is None and unknown.basis.startswith("list price, usage unknown")
    added = prices.fixed("GA (added)", "ga_hour", -1)
    assert added.usd == -18.25 and added.basis.endswith("= -$18.25")
    assert prices.total([hour, unknown, added]) == -1.82
    text = prices.basis([hour], "eu-west-1")
    assert "as of 2026-11-28" in text and "eu-west-1, where prices differ" in text


def test_usage_hook_reads_cloudwatch_payloads_only() -> None:
    assert from_snapshot(None).empty
    metric = {
        "Namespace": "AWS/ApiGateway",
        "MetricName": "Count",
        "Dimensions": [{"Name": "ApiName", "Value": "orders"}],
        "Statistic": "Sum",
        "Value": 1_000_000.0,
        "PeriodDays": 30.4375,
    }
    broken = {"Namespace": "AWS/ApiGateway"}
    snap = f.snapshot(f.payload("cloudwatch", {"metrics": [metric, broken]}, region="us-east-1"))
    usage = from_snapshot(snap)
    assert usage.monthly("AWS/ApiGateway", "Count", ApiName="orders") == 1_000_000.0
    assert usage.monthly("AWS/ApiGateway", "Count", ApiName="other") is None
    assert Usage().empty
