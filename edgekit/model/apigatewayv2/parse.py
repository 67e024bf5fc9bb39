"""Parse an apigatewayv2 payload (docs/snapshot.md): HTTP/WebSocket APIs, domains, VPC links."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.apigateway.parse import number, string_map
from edgekit.model.apigateway.types import apigateway_arn
from edgekit.model.apigatewayv2.types import (
    Api,
    ApiIntegration,
    ApiMapping,
    ApiRoute,
    ApiStage,
    DomainNameConfiguration,
    DomainNameV2,
    VpcLinkV2,
)
from edgekit.model.common import normalize_dns_name, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items

KIND_KEYS: Mapping[str, str] = {
    "apis": "apis",
    "domain_names_v2": "domain_names",
    "vpc_links_v2": "vpc_links",
}
"""Inventory kind → payload key."""


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one apigatewayv2 payload, by inventory kind."""
    return {
        "apis": parse_items(unit, data, "apis", _api),
        "domain_names_v2": parse_items(unit, data, "domain_names", _domain_name),
        "vpc_links_v2": parse_items(unit, data, "vpc_links", _vpc_link),
    }


def _stage(s: Fields) -> ApiStage:
    defaults = s.opt_sub("DefaultRouteSettings")
    logs = s.opt_sub("AccessLogSettings")
    return ApiStage(
        name=s.req_str("StageName"),
        auto_deploy=s.bool_or("AutoDeploy", False),
        deployment_id=s.opt_str("DeploymentId"),
        throttling_burst_limit=defaults.opt_int("ThrottlingBurstLimit") if defaults else None,
        throttling_rate_limit=number(defaults, "ThrottlingRateLimit") if defaults else None,
        access_log_destination_arn=logs.nonempty("DestinationArn") if logs else None,
        api_gateway_managed=s.bool_or("ApiGatewayManaged", False),
        logging_level=defaults.enum("LoggingLevel", enums.LOGGING_LEVEL) if defaults else None,
        route_logging_levels=_route_logging_levels(s),
    )


def _route_logging_levels(s: Fields) -> tuple[str, ...]:
    routes = s.opt_sub("RouteSettings")
    if routes is None:
        return ()
    levels = (routes.sub(key).enum("LoggingLevel", enums.LOGGING_LEVEL) for key in routes.raw)
    return tuple(sorted(level for level in levels if level is not None))


def _integration(i: Fields) -> ApiIntegration:
    return ApiIntegration(
        id=i.req_str("IntegrationId"),
        type=i.enum("IntegrationType", enums.INTEGRATION_TYPE),
        uri=i.opt_str("IntegrationUri"),
        method=i.opt_str("IntegrationMethod"),
        connection_type=i.enum("ConnectionType", enums.CONNECTION_TYPE),
        connection_id=i.opt_str("ConnectionId"),
        subtype=i.opt_str("IntegrationSubtype"),
        payload_format_version=i.opt_str("PayloadFormatVersion"),
        timeout_in_millis=i.opt_int("TimeoutInMillis"),
    )


def _route(r: Fields) -> ApiRoute:
    return ApiRoute(
        id=r.req_str("RouteId"),
        route_key=r.req_str("RouteKey"),
        authorization_type=r.enum("AuthorizationType", enums.AUTHORIZATION_TYPE),
        authorizer_id=r.opt_str("AuthorizerId"),
        api_key_required=r.bool_or("ApiKeyRequired", False),
        target=r.opt_str("Target"),
    )


def _api(unit: UnitKey, item: object, index: int) -> Api:
    entry = unit.named_item(item, f"apis[{index}]", "API", "ApiId", "Api")
    a = entry.sub("Api")
    api_id = a.req_str("ApiId")
    return Api(
        account_id=unit.account_id,
        region=unit.region,
        id=api_id,
        arn=apigateway_arn(unit.region, f"/apis/{api_id}"),
        name=a.req_str("Name"),
        protocol_type=a.req_enum("ProtocolType", enums.PROTOCOL_TYPE),
        stages=entry.collected_subs("Stages", _stage),
        integrations=entry.collected_subs("Integrations", _integration),
        routes=entry.collected_subs("Routes", _route),
        api_endpoint=a.opt_str("ApiEndpoint"),
        disable_execute_api_endpoint=a.bool_or("DisableExecuteApiEndpoint", False),
        api_gateway_managed=a.bool_or("ApiGatewayManaged", False),
        tags=string_map(a, "Tags"),
        created_date=a.opt_datetime("CreatedDate"),
        raw=readonly(entry.raw),
    )


def _configuration(c: Fields) -> DomainNameConfiguration:
    target = c.nonempty("ApiGatewayDomainName")
    return DomainNameConfiguration(
        endpoint_type=c.enum("EndpointType", enums.ENDPOINT_TYPE),
        security_policy=c.enum("SecurityPolicy", enums.SECURITY_POLICY),
        api_gateway_domain_name=normalize_dns_name(target) if target else None,
        hosted_zone_id=c.opt_str("HostedZoneId"),
        certificate_arn=c.opt_str("CertificateArn"),
        status=c.opt_str("DomainNameStatus"),
    )


def _api_mapping(m: Fields) -> ApiMapping:
    return ApiMapping(
        api_id=m.req_str("ApiId"),
        stage=m.req_str("Stage"),
        key=m.str_or("ApiMappingKey", ""),
        id=m.opt_str("ApiMappingId"),
    )


def _domain_name(unit: UnitKey, item: object, index: int) -> DomainNameV2:
    entry = unit.named_item(
        item, f"domain_names[{index}]", "domain name", "DomainName", "DomainName"
    )
    d = entry.sub("DomainName")
    name = normalize_dns_name(d.req_str("DomainName"))
    return DomainNameV2(
        account_id=unit.account_id,
        region=unit.region,
        name=name,
        arn=d.opt_str("DomainNameArn") or apigateway_arn(unit.region, f"/domainnames/{name}"),
        api_mappings=entry.collected_subs("ApiMappings", _api_mapping),
        configurations=tuple(_configuration(c) for c in d.subs("DomainNameConfigurations")),
        raw=readonly(entry.raw),
    )


def _vpc_link(unit: UnitKey, item: object, index: int) -> VpcLinkV2:
    f = unit.named_item(item, f"vpc_links[{index}]", "VPC link", "VpcLinkId")
    link_id = f.req_str("VpcLinkId")
    return VpcLinkV2(
        account_id=unit.account_id,
        region=unit.region,
        id=link_id,
        arn=apigateway_arn(unit.region, f"/vpclinks/{link_id}"),
        name=f.req_str("Name"),
        subnet_ids=f.strs("SubnetIds"),
        security_group_ids=f.strs("SecurityGroupIds"),
        status=f.opt_str("VpcLinkStatus"),
    )
