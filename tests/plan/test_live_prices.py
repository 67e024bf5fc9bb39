"""``edgekit collect --prices``: the pricing collector (botocore Stubber, every response
validated against botocore's GetProducts output shape — moto does not serve the Price List API),
and the planner using the prices of the day."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from edgekit.aws.session import SessionSpec
from edgekit.collect import pricing
from edgekit.collect.base import UnitContext
from edgekit.collect.registry import declared_actions, select
from edgekit.graph import Estate
from edgekit.plan import live_prices, plan
from tests.model import factories as f
from tests.plan.patterns import PATTERNS


def product(region: str, usd: str, *, begin: str = "0") -> str:
    """One PriceList item as the API returns it: JSON text."""
    return json.dumps(
        {
            "product": {
                "productFamily": "Load Balancer-Application",
                "attributes": {"regionCode": region, "usagetype": "LoadBalancerUsage"},
            },
            "serviceCode": "AWSELB",
            "terms": {
                "OnDemand": {
                    "SKU.TERM": {
                        "priceDimensions": {
                            "SKU.TERM.DIM": {
                                "unit": "Hrs",
                                "beginRange": begin,
                                "endRange": "Inf",
                                "pricePerUnit": {"USD": usd},
                            }
                        }
                    }
                }
            },
            "publicationDate": "2026-12-01T00:00:00Z",
        }
    )


def _ctx() -> tuple[UnitContext, Stubber]:
    client = boto3.client(
        "pricing", region_name="us-east-1", aws_access_key_id="t", aws_secret_access_key="t"
    )
    ctx = UnitContext("pricing", f.ACCOUNT, "global", "us-east-1", "aws", SessionSpec())
    ctx._clients[("pricing", "us-east-1")] = client
    return ctx, Stubber(client)


def _stub_all(stub: Stubber, items: dict[str, list[str]]) -> None:
    for key, (service, filters) in pricing.QUERIES.items():
        expected = {
            "ServiceCode": service,
            "Filters": filters,
            "FormatVersion": "aws_v1",
            "MaxResults": 100,
        }
        stub.add_response(
            "get_products",
            {"FormatVersion": "aws_v1", "PriceList": items.get(key, [])},
            expected,
        )


def test_the_collector_reads_every_item_and_keeps_the_products() -> None:
    ctx, stub = _ctx()
    _stub_all(stub, {"alb_hour": [product("eu-west-1", "0.0252"), product("us-east-1", "0.0225")]})
    with stub:
        data = pricing.collect(ctx)
    stub.assert_no_pending_responses()
    assert [q["key"] for q in data["queries"]] == list(pricing.QUERIES)
    [alb] = [q for q in data["queries"] if q["key"] == "alb_hour"]
    assert alb["PriceList"][0]["product"]["attributes"]["regionCode"] == "eu-west-1"


def test_a_malformed_price_item_fails_the_unit() -> None:
    ctx, stub = _ctx()
    _stub_all(stub, {"alb_hour": ["not json"]})
    with stub, pytest.raises(ValueError):
        pricing.collect(ctx)


def test_prices_is_opt_in_and_declared_for_the_policy() -> None:
    assert "pricing" not in [c.id for c in select(None)]
    assert [c.id for c in select(["pricing"])] == ["pricing"]
    assert "pricing:GetProducts" in declared_actions()


def _with_prices(items: list[str]) -> Any:
    snap = PATTERNS["alb_single_lambda"]()
    query = {
        "key": "alb_hour",
        "ServiceCode": "AWSELB",
        "Filters": [],
        "PriceList": [json.loads(i) for i in items],
    }
    snap.payloads.append(f.payload("pricing", {"queries": [query]}, region="global"))
    return snap


def test_the_plan_uses_the_prices_of_the_day() -> None:
    snap = _with_prices([product("us-east-1", "0.03")])
    table = live_prices.table(snap)
    assert table.live_date == "2026-12-01"
    quote = table.price("alb_hour", "us-east-1")
    assert quote.usd == 0.03 and quote.source == "AWS Price List API" and quote.confirmed
    [p] = [x for x in plan(Estate.from_snapshot(snap)).proposals if "alb_single" in x.check_id]
    assert "730 h × $0.03/ALB-hour (us-east-1)" in p.savings_basis
    assert "AWS Price List API prices of 2026-12-01" in p.savings_basis


def test_ambiguous_or_tiered_figures_are_not_guessed() -> None:
    two = _with_prices([product("us-east-1", "0.03"), product("us-east-1", "0.04")])
    assert ("alb_hour", "us-east-1") not in live_prices.read(two)[0]
    tier = _with_prices([product("us-east-1", "0.03", begin="1000")])
    assert live_prices.read(tier)[0] == {}
    assert live_prices.table(PATTERNS["alb_single_lambda"]()).live_date == ""
