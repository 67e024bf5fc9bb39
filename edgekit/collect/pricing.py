"""Price List collector (``edgekit collect --prices``): the list prices of the day for the items
the planner prices, read-only (``pricing:GetProducts``, us-east-1 endpoint).

Opt-in: it runs only with ``--prices`` (or ``--collectors pricing``); never in a default run.
Prices do not depend on the account: each account unit reads the same figures (known
limitation: with ``--org`` the calls multiply by the number of accounts).

Payload ``data`` (absent key = not collected)::

    {"queries": [{"key": "alb_hour", "ServiceCode": "AWSELB", "Filters": [...],
                  "PriceList": [<GetProducts PriceList items, parsed from their JSON text>]}]}

``key`` names the item of the planner's price table (``edgekit/plan/prices.json``) the query is
for; :mod:`edgekit.plan.live_prices` reads the figures (first tier, on-demand, per region). A
PriceList item that is not JSON text or an object is a malformed response: the unit fails
(never read as "no price"). Calls: one per page (100 products) per item, about 30.
"""

from __future__ import annotations

import json
from typing import Any, Final

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = ("pricing:GetProducts",)
API_REGION: Final = "us-east-1"
"""The Price List API's endpoint region (also serves every other region's prices)."""


def _f(field: str, value: str, kind: str = "TERM_MATCH") -> dict[str, str]:
    return {"Type": kind, "Field": field, "Value": value}


def _lb(family: str, usage: str) -> tuple[str, list[dict[str, str]]]:
    return "AWSELB", [_f("productFamily", family), _f("usagetype", usage, "CONTAINS")]


QUERIES: Final[dict[str, tuple[str, list[dict[str, str]]]]] = {
    "alb_hour": _lb("Load Balancer-Application", "LoadBalancerUsage"),
    "alb_lcu_hour": _lb("Load Balancer-Application", "LCUUsage"),
    "nlb_hour": _lb("Load Balancer-Network", "LoadBalancerUsage"),
    "nlb_nlcu_hour": _lb("Load Balancer-Network", "LCUUsage"),
    "gwlb_hour": _lb("Load Balancer-Gateway", "LoadBalancerUsage"),
    "gwlb_gwlcu_hour": _lb("Load Balancer-Gateway", "LCUUsage"),
    "classic_hour": _lb("Load Balancer", "LoadBalancerUsage"),
    "classic_gb": _lb("Load Balancer", "DataProcessing-Bytes"),
    "apigw_rest_million": (
        "AmazonApiGateway",
        [_f("productFamily", "API Calls"), _f("usagetype", "ApiGatewayRequest", "CONTAINS")],
    ),
    "apigw_http_million": (
        "AmazonApiGateway",
        [_f("productFamily", "API Calls"), _f("usagetype", "ApiGatewayHttpRequest", "CONTAINS")],
    ),
    "lambda_million_requests": ("AWSLambda", [_f("group", "AWS-Lambda-Requests")]),
    "public_ipv4_hour": ("AmazonVPC", [_f("usagetype", "PublicIPv4:InUseAddress", "CONTAINS")]),
}
"""Price-table item → (ServiceCode, GetProducts filters)."""


def _item(raw: Any) -> dict[str, Any]:
    """A PriceList item (JSON text, or an object already decoded); anything else is malformed."""
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str):
        parsed = json.loads(raw)
        if isinstance(parsed, dict):
            return parsed
    raise ValueError(
        f"pricing:GetProducts returned a PriceList item that is not an object: {raw!r:.80}"
    )


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Read the price of every planner item (a denied query: a gap, the others still read)."""
    client = ctx.client("pricing", API_REGION)
    queries = []
    for key, (service, filters) in QUERIES.items():
        found = ctx.paginate(
            client,
            "get_products",
            "PriceList",
            ServiceCode=service,
            Filters=filters,
            FormatVersion="aws_v1",
            PaginationConfig={"PageSize": 100},
        )
        if isinstance(found, Outcome):
            continue
        items = [_item(raw) for raw in found]
        queries.append({"key": key, "ServiceCode": service, "Filters": filters, "PriceList": items})
    return {"queries": queries}


SPEC = CollectorSpec(
    id="pricing",
    service="pricing",
    scope="global",
    actions=ACTIONS,
    collect=collect,
    description="list prices of the day for the planner's items (opt-in: --prices)",
)
