"""API Gateway v1 collector (regional): REST APIs, stages, resources, custom domains, usage plans.

Payload ``data`` (absent key = not collected; values are raw API data, keyed by their shape
names because API Gateway's own output members are all called ``items``/``item``):

* ``rest_apis``: ``[{"RestApi": GetRestApis item (endpointConfiguration.types EDGE / REGIONAL /
  PRIVATE, disableExecuteApiEndpoint, policy, apiKeySource, tags), "Stages": [GetStages item]
  (webAclArn, cacheClusterEnabled, methodSettings, tracing, tags), "Resources": [GetResources
  item with embed=methods] (each ``resourceMethods`` method with authorizationType,
  apiKeyRequired and ``methodIntegration``: type HTTP_PROXY / AWS_PROXY ..., connectionType
  VPC_LINK, connectionId, uri)}]``
* ``domain_names``: ``[{"DomainName": GetDomainNames item (endpointConfiguration,
  securityPolicy, distributionDomainName, regionalDomainName), "BasePathMappings":
  [GetBasePathMappings item]}]``
* ``usage_plans``: GetUsagePlans items (with ``apiStages``), read once
* ``vpc_links``: GetVpcLinks items (with ``targetArns``: the NLBs they reach)

Calls: 1 per 500 APIs, 2 per API (stages, resources with methods: 1 page per 500 resources),
1 per 500 domains + 1 per domain, 1 usage-plan listing, 1 VPC-link listing.
Custom domain names and their mappings are also visible to the apigatewayv2 API; this
collector keeps the v1 view (edge domains' ``distributionDomainName``, REST base paths).
"""

from __future__ import annotations

from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = ("apigateway:GET",)

PAGE = {"PageSize": 500}
"""The largest page API Gateway list calls allow."""

GONE = ("NotFoundException",)


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the REST APIs and custom domains of one region."""
    api = ctx.client("apigateway")
    data: dict[str, Any] = {}
    apis = ctx.paginate(api, "get_rest_apis", "items", PaginationConfig=PAGE)
    if not isinstance(apis, Outcome):
        data["rest_apis"] = [e for a in apis if (e := _rest_api(ctx, api, a)) is not None]
    domains = ctx.paginate(api, "get_domain_names", "items", PaginationConfig=PAGE)
    if not isinstance(domains, Outcome):
        data["domain_names"] = [e for d in domains if (e := _domain(ctx, api, d)) is not None]
    for key, operation in (("usage_plans", "get_usage_plans"), ("vpc_links", "get_vpc_links")):
        got = ctx.paginate(api, operation, "items", PaginationConfig=PAGE)
        if not isinstance(got, Outcome):
            data[key] = got
    return data


def _rest_api(ctx: UnitContext, api: Any, rest_api: dict[str, Any]) -> dict[str, Any] | None:
    api_id = rest_api["id"]
    entry: dict[str, Any] = {"RestApi": rest_api}
    stages = ctx.call(api, "get_stages", not_found=GONE, restApiId=api_id)
    if stages is Outcome.NOT_FOUND:
        return None
    if not isinstance(stages, Outcome):
        entry["Stages"] = stages.get("item") or []
    resources = ctx.paginate(
        api,
        "get_resources",
        "items",
        not_found=GONE,
        restApiId=api_id,
        embed=["methods"],
        PaginationConfig=PAGE,
    )
    if resources is Outcome.NOT_FOUND:
        return None
    if not isinstance(resources, Outcome):
        entry["Resources"] = resources
    return entry


def _domain(ctx: UnitContext, api: Any, domain: dict[str, Any]) -> dict[str, Any] | None:
    entry: dict[str, Any] = {"DomainName": domain}
    ids = {"domainNameId": domain["domainNameId"]} if domain.get("domainNameId") else {}
    mappings = ctx.paginate(
        api,
        "get_base_path_mappings",
        "items",
        not_found=GONE,
        domainName=domain["domainName"],
        PaginationConfig=PAGE,
        **ids,
    )
    if mappings is Outcome.NOT_FOUND:
        return None
    if not isinstance(mappings, Outcome):
        entry["BasePathMappings"] = mappings
    return entry


SPEC = CollectorSpec(
    id="apigateway",
    service="apigateway",
    scope="regional",
    actions=ACTIONS,
    collect=collect,
    description="API Gateway REST APIs, stages, methods/integrations, custom domains, usage plans",
)
