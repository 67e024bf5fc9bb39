"""API Gateway v2 collector (regional): HTTP and WebSocket APIs, custom domains, VPC links.

Payload ``data`` (absent key = not collected; items are raw API data):

* ``apis``: ``[{"Api": GetApis item (ProtocolType, ApiEndpoint, DisableExecuteApiEndpoint,
  Tags), "Stages": [GetStages item], "Integrations": [GetIntegrations item] (IntegrationType,
  ConnectionType INTERNET / VPC_LINK, ConnectionId = VPC link id, IntegrationUri),
  "Routes": [GetRoutes item] (RouteKey, AuthorizationType, ApiKeyRequired, Target)}]``
* ``domain_names``: ``[{"DomainName": GetDomainNames item (DomainNameConfigurations with
  EndpointType, SecurityPolicy, ApiGatewayDomainName), "ApiMappings": [GetApiMappings item]}]``
  (API mappings cover HTTP and REST APIs alike)
* ``vpc_links``: GetVpcLinks items (v2 VPC links: subnets and security groups)

Calls: 1 per 500 APIs, 3 per API (stages, integrations, routes), 1 per 500 domains + 1 per
domain, 1 VPC-link listing.
"""

from __future__ import annotations

from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = ("apigateway:GET",)

PAGE = {"PageSize": 500}
MAX = "500"
"""apigatewayv2 takes MaxResults as a string."""

GONE = ("NotFoundException",)

_PER_API = (
    ("Stages", "get_stages"),
    ("Integrations", "get_integrations"),
    ("Routes", "get_routes"),
)


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the HTTP/WebSocket APIs, custom domains and VPC links of one region."""
    api = ctx.client("apigatewayv2")
    data: dict[str, Any] = {}
    apis = ctx.paginate(api, "get_apis", "Items", PaginationConfig=PAGE)
    if not isinstance(apis, Outcome):
        data["apis"] = [e for a in apis if (e := _api(ctx, api, a)) is not None]
    domains = ctx.paginate(api, "get_domain_names", "Items", PaginationConfig=PAGE)
    if not isinstance(domains, Outcome):
        data["domain_names"] = [e for d in domains if (e := _domain(ctx, api, d)) is not None]
    links = _all(ctx, api, "get_vpc_links")
    if links is not None:
        data["vpc_links"] = links
    return data


def _api(ctx: UnitContext, client: Any, api: dict[str, Any]) -> dict[str, Any] | None:
    entry: dict[str, Any] = {"Api": api}
    for key, operation in _PER_API:
        got = ctx.paginate(
            client, operation, "Items", not_found=GONE, ApiId=api["ApiId"], PaginationConfig=PAGE
        )
        if got is Outcome.NOT_FOUND:
            return None
        if not isinstance(got, Outcome):
            entry[key] = got
    return entry


def _domain(ctx: UnitContext, client: Any, domain: dict[str, Any]) -> dict[str, Any] | None:
    entry: dict[str, Any] = {"DomainName": domain}
    mappings = ctx.pages(
        client,
        "get_api_mappings",
        input_token="NextToken",
        output_token="NextToken",
        not_found=GONE,
        DomainName=domain["DomainName"],
        MaxResults=MAX,
    )
    if mappings is Outcome.NOT_FOUND:
        return None
    if not isinstance(mappings, Outcome):
        entry["ApiMappings"] = [m for page in mappings for m in page.get("Items") or []]
    return entry


def _all(ctx: UnitContext, client: Any, operation: str) -> list[Any] | None:
    """Every ``Items`` entry of a NextToken-paginated call without a botocore paginator."""
    pages = ctx.pages(
        client, operation, input_token="NextToken", output_token="NextToken", MaxResults=MAX
    )
    if isinstance(pages, Outcome):
        return None
    return [item for page in pages for item in page.get("Items") or []]


SPEC = CollectorSpec(
    id="apigatewayv2",
    service="apigatewayv2",
    scope="regional",
    actions=ACTIONS,
    collect=collect,
    description="API Gateway HTTP/WebSocket APIs, integrations, routes, custom domains, VPC links",
)
