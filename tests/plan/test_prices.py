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
    assert hour.usd == 16.43 and hour.basis == "730 h × $0.0225/ALB-hour (us-east-1) = $16.43"
    unknown = prices.usage("LCU", "alb_lcu_hour", None, "LCU-hours")
    assert unknown.usd is None and unknown.basis.startswith("usage unknown, list price")
    added = prices.fixed("GA (added)", "ga_hour", -1, region="global")
    assert added.usd == -18.25 and added.basis.endswith("= -$18.25") and added.effect == -1
    assert prices.total([hour, unknown, added]) == -1.82
    text = prices.basis([hour])
    assert "as of 2026-11-28" in text


def test_regional_prices_name_their_region() -> None:
    table = prices.load()
    eu = prices.fixed("ALB", "alb_hour", region="eu-west-1")
    assert eu.usd == round(0.0252 * 730, 2) and "(eu-west-1, unconfirmed)" in eu.basis
    assert table.price("alb_hour", "us-east-1").confirmed
    waf = table.price("waf_acl_month", "ap-southeast-2")
    assert waf.usd == 5.0 and waf.region == "all regions"
    unknown_region = table.price("alb_hour", "xx-nowhere-1")
    assert not unknown_region.confirmed and "not in the table" in unknown_region.region
    assert table.geography("ap-northeast-1")[0] == "japan"
    assert table.geography("ap-south-1")[0] == "india"
    assert table.geography("eu-central-1")[0] == "europe"


COMMERCIAL = [
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "il-central-1",
    "me-south-1",
    "me-central-1",
    "mx-central-1",
    "sa-east-1",
]


def test_every_commercial_region_prices_every_regional_item() -> None:
    table = prices.load()
    regional = [k for k, p in table.items.items() if p.scope == "regional"]
    for region in COMMERCIAL:
        for key in regional:
            quote = table.price(key, region)
            assert quote.region == region and quote.usd > 0, (region, key)


def test_unknown_usage_is_never_zero_in_text() -> None:
    assert prices.savings_text(16.43, ()) == "$16.43/month"
    assert prices.savings_text(16.43, (("LCU", 1),)) == "≥ $16.43/month + usage (unknown)"
    assert prices.savings_text(16.43, (("GA DT", -1),)) == "≤ $16.43/month − usage (unknown)"
    assert "$0.00" not in prices.savings_text(0.0, (("requests", 1),))


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
