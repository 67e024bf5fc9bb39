"""Parse an apigateway (v1) payload (docs/snapshot.md): REST APIs, domains, usage plans, links."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.apigateway.types import (
    BasePathMapping,
    DomainNameV1,
    MethodIntegration,
    MethodSetting,
    RestApi,
    RestApiMethod,
    RestApiResource,
    RestApiStage,
    UsagePlan,
    UsagePlanApiStage,
    VpcLink,
    apigateway_arn,
)
from edgekit.model.common import FrozenMap, normalize_dns_name, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items
from edgekit.model.s3.policy import parse_policy

KIND_KEYS: Mapping[str, str] = {
    "rest_apis": "rest_apis",
    "domain_names_v1": "domain_names",
    "usage_plans": "usage_plans",
    "vpc_links": "vpc_links",
}
"""Inventory kind → payload key."""


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one apigateway payload, by inventory kind."""
    return {
        "rest_apis": parse_items(unit, data, "rest_apis", _rest_api),
        "domain_names_v1": parse_items(unit, data, "domain_names", _domain_name),
        "usage_plans": parse_items(unit, data, "usage_plans", _usage_plan),
        "vpc_links": parse_items(unit, data, "vpc_links", _vpc_link),
    }


def string_map(f: Fields, key: str) -> FrozenMap[str, str]:
    """A ``{string: string}`` map (tags, variables); absent → empty."""
    m = f.opt_sub(key)
    if m is None:
        return FrozenMap()
    return FrozenMap({k: m.req_str(k) for k in m.raw})


def _setting(s: Fields) -> MethodSetting:
    return MethodSetting(
        caching_enabled=s.opt_bool("cachingEnabled"),
        cache_ttl_in_seconds=s.opt_int("cacheTtlInSeconds"),
        cache_data_encrypted=s.opt_bool("cacheDataEncrypted"),
        require_authorization_for_cache_control=s.opt_bool("requireAuthorizationForCacheControl"),
        metrics_enabled=s.opt_bool("metricsEnabled"),
        logging_level=s.enum("loggingLevel", enums.LOGGING_LEVEL),
        data_trace_enabled=s.opt_bool("dataTraceEnabled"),
        throttling_burst_limit=s.opt_int("throttlingBurstLimit"),
        throttling_rate_limit=number(s, "throttlingRateLimit"),
    )


def number(f: Fields, key: str) -> float | None:
    """An optional JSON number as a float."""
    value = f.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise f.invalid(key, f"must be a number, got {type(value).__name__}")
    return float(value)


def _stage(unit: UnitKey, api_id: str, s: Fields) -> RestApiStage:
    name = s.req_str("stageName")
    settings = s.opt_sub("methodSettings")
    logs = s.opt_sub("accessLogSettings")
    return RestApiStage(
        account_id=unit.account_id,
        region=unit.region,
        rest_api_id=api_id,
        name=name,
        arn=apigateway_arn(unit.region, f"/restapis/{api_id}/stages/{name}"),
        deployment_id=s.opt_str("deploymentId"),
        web_acl_arn=s.nonempty("webAclArn"),
        cache_cluster_enabled=s.bool_or("cacheClusterEnabled", False),
        cache_cluster_size=s.opt_str("cacheClusterSize"),
        method_settings=FrozenMap(
            {k: _setting(settings.sub(k)) for k in settings.raw} if settings else {}
        ),
        tracing_enabled=s.bool_or("tracingEnabled", False),
        access_log_destination_arn=logs.nonempty("destinationArn") if logs else None,
        client_certificate_id=s.opt_str("clientCertificateId"),
        tags=string_map(s, "tags"),
    )


def _integration(f: Fields) -> MethodIntegration | None:
    i = f.opt_sub("methodIntegration")
    if i is None:
        return None
    return MethodIntegration(
        type=i.enum("type", enums.INTEGRATION_TYPE),
        uri=i.opt_str("uri"),
        http_method=i.opt_str("httpMethod"),
        connection_type=i.enum("connectionType", enums.CONNECTION_TYPE),
        connection_id=i.opt_str("connectionId"),
        timeout_in_millis=i.opt_int("timeoutInMillis"),
    )


def _method(m: Fields, verb: str, path: str) -> RestApiMethod:
    return RestApiMethod(
        http_method=m.str_or("httpMethod", verb),
        path=path,
        authorization_type=m.enum("authorizationType", enums.AUTHORIZATION_TYPE),
        authorizer_id=m.opt_str("authorizerId"),
        api_key_required=m.bool_or("apiKeyRequired", False),
        integration=_integration(m),
    )


def _resource(r: Fields) -> RestApiResource:
    path = r.req_str("path")
    table = r.opt_sub("resourceMethods")
    methods = () if table is None else tuple(_method(table.sub(v), v, path) for v in table.raw)
    return RestApiResource(
        id=r.req_str("id"),
        path=path,
        parent_id=r.opt_str("parentId"),
        path_part=r.opt_str("pathPart"),
        methods=methods,
    )


def _rest_api(unit: UnitKey, item: object, index: int) -> RestApi:
    entry = unit.named_item(item, f"rest_apis[{index}]", "REST API", "id", "RestApi")
    a = entry.sub("RestApi")
    api_id = a.req_str("id")
    endpoint = a.opt_sub("endpointConfiguration")
    policy_text = a.nonempty("policy")
    return RestApi(
        account_id=unit.account_id,
        region=unit.region,
        id=api_id,
        arn=apigateway_arn(unit.region, f"/restapis/{api_id}"),
        name=a.str_or("name", ""),
        stages=entry.collected_subs("Stages", lambda s: _stage(unit, api_id, s)),
        resources=entry.collected_subs("Resources", _resource),
        endpoint_types=endpoint.enums("types", enums.ENDPOINT_TYPE) if endpoint else (),
        vpc_endpoint_ids=endpoint.strs("vpcEndpointIds") if endpoint else (),
        disable_execute_api_endpoint=a.bool_or("disableExecuteApiEndpoint", False),
        policy=(
            parse_policy(policy_text, unit.label, f"REST API {api_id}", "RestApi.policy")
            if policy_text
            else None
        ),
        policy_text=policy_text,
        api_key_source=a.opt_str("apiKeySource"),
        tags=string_map(a, "tags"),
        created_date=a.opt_datetime("createdDate"),
        raw=readonly(entry.raw),
    )


def _dns(f: Fields, key: str) -> str | None:
    value = f.nonempty(key)
    return normalize_dns_name(value) if value else None


def _base_path_mapping(m: Fields) -> BasePathMapping:
    return BasePathMapping(
        base_path=m.str_or("basePath", "(none)"),
        rest_api_id=m.req_str("restApiId"),
        stage=m.opt_str("stage"),
    )


def _domain_name(unit: UnitKey, item: object, index: int) -> DomainNameV1:
    entry = unit.named_item(
        item, f"domain_names[{index}]", "domain name", "domainName", "DomainName"
    )
    d = entry.sub("DomainName")
    name = normalize_dns_name(d.req_str("domainName"))
    endpoint = d.opt_sub("endpointConfiguration")
    return DomainNameV1(
        account_id=unit.account_id,
        region=unit.region,
        name=name,
        arn=d.opt_str("domainNameArn") or apigateway_arn(unit.region, f"/domainnames/{name}"),
        base_path_mappings=entry.collected_subs("BasePathMappings", _base_path_mapping),
        endpoint_types=endpoint.enums("types", enums.ENDPOINT_TYPE) if endpoint else (),
        security_policy=d.enum("securityPolicy", enums.SECURITY_POLICY),
        distribution_domain_name=_dns(d, "distributionDomainName"),
        distribution_hosted_zone_id=d.opt_str("distributionHostedZoneId"),
        regional_domain_name=_dns(d, "regionalDomainName"),
        regional_hosted_zone_id=d.opt_str("regionalHostedZoneId"),
        certificate_arn=d.opt_str("certificateArn"),
        regional_certificate_arn=d.opt_str("regionalCertificateArn"),
        status=d.opt_str("domainNameStatus"),
        domain_name_id=d.opt_str("domainNameId"),
        raw=readonly(entry.raw),
    )


def _usage_plan(unit: UnitKey, item: object, index: int) -> UsagePlan:
    f = unit.named_item(item, f"usage_plans[{index}]", "usage plan", "id")
    plan_id = f.req_str("id")
    throttle = f.opt_sub("throttle")
    quota = f.opt_sub("quota")
    return UsagePlan(
        account_id=unit.account_id,
        region=unit.region,
        id=plan_id,
        arn=apigateway_arn(unit.region, f"/usageplans/{plan_id}"),
        name=f.opt_str("name"),
        api_stages=tuple(
            UsagePlanApiStage(s.req_str("apiId"), s.req_str("stage")) for s in f.subs("apiStages")
        ),
        throttle_burst_limit=throttle.opt_int("burstLimit") if throttle else None,
        throttle_rate_limit=number(throttle, "rateLimit") if throttle else None,
        quota_limit=quota.opt_int("limit") if quota else None,
        quota_period=quota.opt_str("period") if quota else None,
    )


def _vpc_link(unit: UnitKey, item: object, index: int) -> VpcLink:
    f = unit.named_item(item, f"vpc_links[{index}]", "VPC link", "id")
    link_id = f.req_str("id")
    return VpcLink(
        account_id=unit.account_id,
        region=unit.region,
        id=link_id,
        arn=apigateway_arn(unit.region, f"/vpclinks/{link_id}"),
        name=f.opt_str("name"),
        target_arns=f.strs("targetArns"),
        status=f.opt_str("status"),
    )
