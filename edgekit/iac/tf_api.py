"""Terraform API Gateway types (``aws_api_gateway_*``, ``aws_apigatewayv2_*``) onto
:mod:`.cfn_api`.

Terraform splits some resources CloudFormation keeps whole: a REST API method's integration
(``aws_api_gateway_integration``) and a stage's method settings
(``aws_api_gateway_method_settings``) amend the item of their parent once it is attached.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from edgekit.iac import cfn_api
from edgekit.iac.estate import Estate, Resource
from edgekit.iac.tf_common import TfType, first_block, pick, put, tags, to_cfn
from edgekit.iac.translate import api, known

V1, V2 = cfn_api.V1, cfn_api.V2


def _after(estate: Estate, rounds: int, fix: Callable[[], None]) -> None:
    """Run ``fix`` after ``rounds`` rounds of fix-ups (children attach in rounds)."""
    if rounds <= 0:
        fix()
        return
    estate.later(lambda: _after(estate, rounds - 1, fix))


# -- REST APIs ----------------------------------------------------------------------------------
def _rest_api(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(values, "name", "description", "disable_execute_api_endpoint")
    endpoint = first_block(values, "endpoint_configuration")
    if endpoint:
        props["EndpointConfiguration"] = pick(endpoint, "types", "vpc_endpoint_ids")
    put(props, "Policy", values.get("policy"))
    put(props, "ApiKeySourceType", values.get("api_key_source"))
    props["Tags"] = tags(values)
    return props


def _resource(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "RestApiId": values.get("rest_api_id"),
        "ParentId": values.get("parent_id"),
        "PathPart": values.get("path_part"),
    }


def _method(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(
        values, "rest_api_id", "resource_id", "http_method", "api_key_required", "authorizer_id"
    )
    put(props, "AuthorizationType", values.get("authorization"))
    return props


def _integration(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    body = pick(values, "type", "uri", "connection_type", "connection_id")
    put(body, "IntegrationHttpMethod", values.get("integration_http_method"))
    put(body, "TimeoutInMillis", values.get("timeout_milliseconds"))
    return {
        "RestApiId": values.get("rest_api_id"),
        "ResourceId": values.get("resource_id"),
        "HttpMethod": values.get("http_method"),
        "Integration": body,
    }


def integration(res: Resource, estate: Estate) -> None:
    """aws_api_gateway_integration -> its method's ``methodIntegration``."""
    body = known(estate, res, V1, "Integration", {}) or {}
    converted = api(
        estate,
        res,
        V1,
        body,
        V1,
        "Integration",
        ".Integration",
        renames={"IntegrationHttpMethod": "httpMethod"},
    )
    rest_id = known(estate, res, V1, "RestApiId")
    parent, verb = known(estate, res, V1, "ResourceId"), known(estate, res, V1, "HttpMethod")

    def attach() -> None:
        item = cfn_api.api_item(estate, res, V1, rest_id)
        for node in item["Resources"] if item else []:
            method = node["resourceMethods"].get(verb) if node["id"] == parent else None
            if method is not None:
                method["methodIntegration"] = converted
                return
        estate.notes.append(f"{res.origin.logical_id}: method {parent} {verb} not in the set")

    _after(estate, 3, attach)


def _deployment(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return pick(values, "rest_api_id", "stage_name")


def _stage(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(
        values,
        "rest_api_id",
        "stage_name",
        "deployment_id",
        "cache_cluster_enabled",
        "cache_cluster_size",
        "client_certificate_id",
        "variables",
    )
    put(props, "TracingEnabled", values.get("xray_tracing_enabled"))
    logs = first_block(values, "access_log_settings")
    if logs:
        props["AccessLogSetting"] = pick(logs, "destination_arn", "format")
    props["Tags"] = tags(values)
    return props


def _method_settings(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "RestApiId": values.get("rest_api_id"),
        "StageName": values.get("stage_name"),
        "MethodPath": values.get("method_path"),
        "Settings": first_block(values, "settings"),
    }


def method_settings(res: Resource, estate: Estate) -> None:
    """aws_api_gateway_method_settings -> an entry of its stage's ``methodSettings`` (the
    provider's ``-1`` throttling means "not set")."""
    raw = {k: v for k, v in (res.props.get("Settings") or {}).items() if v != -1 and v is not None}
    setting = api(estate, res, V1, raw, V1, "MethodSetting", ".Settings")
    rest_id = known(estate, res, V1, "RestApiId")
    stage_name, path = known(estate, res, V1, "StageName"), known(estate, res, V1, "MethodPath")

    def attach() -> None:
        item = cfn_api.api_item(estate, res, V1, rest_id)
        for st in item["Stages"] if item else []:
            if st.get("stageName") == stage_name and isinstance(path, str):
                st.setdefault("methodSettings", {})[path] = setting
                return
        estate.notes.append(f"{res.origin.logical_id}: stage {stage_name} not in the IaC set")

    _after(estate, 2, attach)


def _domain(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(
        values, "domain_name", "certificate_arn", "regional_certificate_arn", "security_policy"
    )
    endpoint = first_block(values, "endpoint_configuration")
    if endpoint:
        props["EndpointConfiguration"] = pick(endpoint, "types")
    props["Tags"] = tags(values)
    return props


def _base_path(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = {
        "DomainName": values.get("domain_name"),
        "RestApiId": values.get("api_id"),
        "Stage": values.get("stage_name"),
    }
    put(props, "BasePath", values.get("base_path"))
    return props


# -- HTTP and WebSocket APIs --------------------------------------------------------------------
def _http_api(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(
        values,
        "name",
        "protocol_type",
        "disable_execute_api_endpoint",
        "route_selection_expression",
        "target",
        "route_key",
    )
    raw = values.get("tags")
    props["Tags"] = dict(raw) if isinstance(raw, dict) else {}
    return props


def _v2_stage(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(values, "api_id", "auto_deploy", "deployment_id")
    props["StageName"] = values.get("name")
    logs = first_block(values, "access_log_settings")
    if logs:
        props["AccessLogSettings"] = pick(logs, "destination_arn", "format")
    defaults = first_block(values, "default_route_settings")
    if defaults:  # the provider's "" is "not set"
        props["DefaultRouteSettings"] = to_cfn({k: v for k, v in defaults.items() if v != ""})
    routes = {
        str(r.get("route_key")): to_cfn(
            {k: v for k, v in r.items() if k != "route_key" and v != ""}
        )
        for r in values.get("route_settings") or []
        if isinstance(r, dict)
    }
    if routes:
        props["RouteSettings"] = routes
    raw = values.get("tags")
    props["Tags"] = dict(raw) if isinstance(raw, dict) else {}
    return props


def _v2_integration(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(
        values,
        "api_id",
        "integration_type",
        "integration_uri",
        "integration_method",
        "connection_type",
        "connection_id",
        "payload_format_version",
    )
    put(props, "TimeoutInMillis", values.get("timeout_milliseconds"))
    return props


def _route(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return pick(
        values,
        "api_id",
        "route_key",
        "target",
        "authorization_type",
        "api_key_required",
        "authorizer_id",
    )


def _v2_domain(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    configs = []
    for c in values.get("domain_name_configuration") or []:
        if not isinstance(c, dict):
            continue
        config = pick(c, "certificate_arn", "endpoint_type", "security_policy")
        for arg, name in (
            ("target_domain_name", "ApiGatewayDomainName"),
            ("hosted_zone_id", "HostedZoneId"),
        ):
            if isinstance(c.get(arg), str) and c[arg]:  # known (a state): the real value
                config[name] = c[arg]
        configs.append(config)
    raw = values.get("tags")
    return {
        "DomainName": values.get("domain_name"),
        "DomainNameConfigurations": configs,
        "Tags": dict(raw) if isinstance(raw, dict) else {},
    }


def _api_mapping(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return pick(values, "api_id", "domain_name", "stage", "api_mapping_key")


_ID = {"Ref": "id"}
TYPES: dict[str, TfType] = {
    "aws_api_gateway_rest_api": TfType(
        "AWS::ApiGateway::RestApi",
        cfn_api.rest_api,
        _rest_api,
        {"Ref": "id", "RestApiId": "id", "RootResourceId": "root_resource_id"},
    ),
    "aws_api_gateway_resource": TfType(
        "AWS::ApiGateway::Resource", cfn_api.resource, _resource, _ID
    ),
    "aws_api_gateway_method": TfType("AWS::ApiGateway::Method", cfn_api.method, _method, _ID),
    "aws_api_gateway_integration": TfType("", integration, _integration),
    "aws_api_gateway_deployment": TfType(
        "AWS::ApiGateway::Deployment", cfn_api.deployment, _deployment, _ID
    ),
    "aws_api_gateway_stage": TfType(
        "AWS::ApiGateway::Stage",
        cfn_api.stage,
        _stage,
        {"Ref": "stage_name"},
        {"StageName": "stage_name"},
    ),
    "aws_api_gateway_method_settings": TfType("", method_settings, _method_settings),
    "aws_api_gateway_domain_name": TfType(
        "AWS::ApiGateway::DomainName",
        cfn_api.domain_name,
        _domain,
        {
            "Ref": "domain_name|id",
            "DistributionDomainName": "cloudfront_domain_name",
            "DistributionHostedZoneId": "cloudfront_zone_id",
            "RegionalDomainName": "regional_domain_name",
            "RegionalHostedZoneId": "regional_zone_id",
        },
    ),
    "aws_api_gateway_base_path_mapping": TfType(
        "AWS::ApiGateway::BasePathMapping", cfn_api.base_path_mapping, _base_path
    ),
    "aws_apigatewayv2_api": TfType(
        "AWS::ApiGatewayV2::Api",
        cfn_api.http_api,
        _http_api,
        {"Ref": "id", "ApiId": "id", "ApiEndpoint": "api_endpoint"},
    ),
    "aws_apigatewayv2_stage": TfType(
        "AWS::ApiGatewayV2::Stage",
        cfn_api.TRANSLATORS["AWS::ApiGatewayV2::Stage"],
        _v2_stage,
        {"Ref": "name"},
        {"StageName": "name"},
    ),
    "aws_apigatewayv2_integration": TfType(
        "AWS::ApiGatewayV2::Integration",
        cfn_api.TRANSLATORS["AWS::ApiGatewayV2::Integration"],
        _v2_integration,
        _ID,
    ),
    "aws_apigatewayv2_route": TfType(
        "AWS::ApiGatewayV2::Route", cfn_api.TRANSLATORS["AWS::ApiGatewayV2::Route"], _route, _ID
    ),
    "aws_apigatewayv2_domain_name": TfType(
        "AWS::ApiGatewayV2::DomainName",
        cfn_api.domain_name_v2,
        _v2_domain,
        # the target domain and zone live in a block: synthetic ones under these names
        {
            "Ref": "domain_name|id",
            "RegionalDomainName": "regional_domain_name",
            "RegionalHostedZoneId": "regional_zone_id",
        },
    ),
    "aws_apigatewayv2_api_mapping": TfType(
        "AWS::ApiGatewayV2::ApiMapping", cfn_api.api_mapping, _api_mapping, _ID
    ),
}
"""Terraform type -> how it becomes a CloudFormation resource (or amends one)."""
