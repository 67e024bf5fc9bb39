"""Terraform API Gateway (``aws_api_gateway_*``, ``aws_apigatewayv2_*``), Lambda function URL,
Classic ELB (``aws_elb`` + its policy resources) and Global Accelerator types, onto
:mod:`.cfn_api` and :mod:`.cfn_edge`.

Terraform splits some resources CloudFormation keeps whole: a REST API method's integration
(``aws_api_gateway_integration``), a stage's method settings
(``aws_api_gateway_method_settings``) and a Classic ELB's policies
(``aws_load_balancer_policy`` / ``_listener_policy``). Those amend the item of their parent
once it is attached.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from edgekit.iac import cfn_api, cfn_edge
from edgekit.iac.estate import Estate, Resource
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.tf_common import TfType, pascal, tags, to_cfn
from edgekit.iac.translate import api, known

V1, V2 = cfn_api.V1, cfn_api.V2


def _first(values: dict[str, Any], block: str) -> dict[str, Any]:
    found = values.get(block)
    first = found[0] if isinstance(found, list) and found else None
    return first if isinstance(first, dict) else {}


def _set(props: dict[str, Any], name: str, value: Any) -> None:
    if value is not None and value != "" and value != []:
        props[name] = value


def _pick(values: dict[str, Any], *names: str) -> dict[str, Any]:
    """``values[name]`` under CloudFormation's spelling, for the names that are set."""
    out: dict[str, Any] = {}
    for name in names:
        _set(out, pascal(name), values.get(name))
    return out


def _after(estate: Estate, rounds: int, fix: Callable[[], None]) -> None:
    """Run ``fix`` after ``rounds`` rounds of fix-ups (children attach in rounds)."""
    if rounds <= 0:
        fix()
        return
    estate.later(lambda: _after(estate, rounds - 1, fix))


# -- REST APIs ----------------------------------------------------------------------------------
def _rest_api(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = _pick(values, "name", "description", "disable_execute_api_endpoint")
    endpoint = _first(values, "endpoint_configuration")
    if endpoint:
        props["EndpointConfiguration"] = _pick(endpoint, "types", "vpc_endpoint_ids")
    _set(props, "Policy", values.get("policy"))
    _set(props, "ApiKeySourceType", values.get("api_key_source"))
    props["Tags"] = tags(values)
    return props


def _resource(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "RestApiId": values.get("rest_api_id"),
        "ParentId": values.get("parent_id"),
        "PathPart": values.get("path_part"),
    }


def _method(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = _pick(
        values, "rest_api_id", "resource_id", "http_method", "api_key_required", "authorizer_id"
    )
    _set(props, "AuthorizationType", values.get("authorization"))
    return props


def _integration(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    body = _pick(values, "type", "uri", "connection_type", "connection_id")
    _set(body, "IntegrationHttpMethod", values.get("integration_http_method"))
    _set(body, "TimeoutInMillis", values.get("timeout_milliseconds"))
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
    return _pick(values, "rest_api_id", "stage_name")


def _stage(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = _pick(
        values,
        "rest_api_id",
        "stage_name",
        "deployment_id",
        "cache_cluster_enabled",
        "cache_cluster_size",
        "client_certificate_id",
        "variables",
    )
    _set(props, "TracingEnabled", values.get("xray_tracing_enabled"))
    logs = _first(values, "access_log_settings")
    if logs:
        props["AccessLogSetting"] = _pick(logs, "destination_arn", "format")
    props["Tags"] = tags(values)
    return props


def _method_settings(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "RestApiId": values.get("rest_api_id"),
        "StageName": values.get("stage_name"),
        "MethodPath": values.get("method_path"),
        "Settings": _first(values, "settings"),
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
    props = _pick(
        values, "domain_name", "certificate_arn", "regional_certificate_arn", "security_policy"
    )
    endpoint = _first(values, "endpoint_configuration")
    if endpoint:
        props["EndpointConfiguration"] = _pick(endpoint, "types")
    props["Tags"] = tags(values)
    return props


def _base_path(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = {
        "DomainName": values.get("domain_name"),
        "RestApiId": values.get("api_id"),
        "Stage": values.get("stage_name"),
    }
    _set(props, "BasePath", values.get("base_path"))
    return props


# -- HTTP and WebSocket APIs --------------------------------------------------------------------
def _http_api(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = _pick(
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
    props = _pick(values, "api_id", "auto_deploy", "deployment_id")
    props["StageName"] = values.get("name")
    logs = _first(values, "access_log_settings")
    if logs:
        props["AccessLogSettings"] = _pick(logs, "destination_arn", "format")
    defaults = _first(values, "default_route_settings")
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
    props = _pick(
        values,
        "api_id",
        "integration_type",
        "integration_uri",
        "integration_method",
        "connection_type",
        "connection_id",
        "payload_format_version",
    )
    _set(props, "TimeoutInMillis", values.get("timeout_milliseconds"))
    return props


def _route(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return _pick(
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
        config = _pick(c, "certificate_arn", "endpoint_type", "security_policy")
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
    return _pick(values, "api_id", "domain_name", "stage", "api_mapping_key")


# -- Lambda function URL, Classic ELB, Global Accelerator --------------------------------------
def _function_url(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    arn = values.get("function_arn")
    props = {"TargetFunctionArn": arn if isinstance(arn, str) else values.get("function_name")}
    _set(props, "Qualifier", values.get("qualifier"))
    _set(props, "AuthType", values.get("authorization_type"))
    _set(props, "InvokeMode", values.get("invoke_mode"))
    cors = _first(values, "cors")
    if cors:
        props["Cors"] = to_cfn(cors)
    return props


def _upper(value: Any) -> Any:
    return value.upper() if isinstance(value, str) else value


def _elb(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    internal = values.get("internal")
    props: dict[str, Any] = {
        "LoadBalancerName": values.get("name"),
        "Scheme": internal
        if isinstance(internal, Unknown)
        else ("internal" if internal else "internet-facing"),
        "CrossZone": values.get("cross_zone_load_balancing", True),
        "ConnectionDrainingPolicy": {
            "Enabled": values.get("connection_draining", False),
            "Timeout": values.get("connection_draining_timeout", 300),
        },
        "ConnectionSettings": {"IdleTimeout": values.get("idle_timeout", 60)},
        "Listeners": [
            {
                "LoadBalancerPort": li.get("lb_port"),
                "InstancePort": li.get("instance_port"),
                "Protocol": _upper(li.get("lb_protocol")),
                "InstanceProtocol": _upper(li.get("instance_protocol")),
                **(
                    {"SSLCertificateId": li["ssl_certificate_id"]}
                    if li.get("ssl_certificate_id")
                    else {}
                ),
            }
            for li in values.get("listener") or []
            if isinstance(li, dict)
        ],
        "Tags": tags(values),
    }
    for arg in ("subnets", "security_groups", "instances"):
        _set(props, pascal(arg), values.get(arg))
    if not values.get("subnets"):
        _set(props, "AvailabilityZones", values.get("availability_zones"))
    logs = _first(values, "access_logs")
    if logs:
        props["AccessLoggingPolicy"] = {
            "Enabled": logs.get("enabled", True),
            "S3BucketName": logs.get("bucket"),
            "S3BucketPrefix": logs.get("bucket_prefix"),
            "EmitInterval": logs.get("interval", 60),
        }
    check = _first(values, "health_check")
    if check:
        props["HealthCheck"] = {
            "Target": check.get("target"),
            "Interval": check.get("interval"),
            "Timeout": check.get("timeout"),
            "HealthyThreshold": check.get("healthy_threshold"),
            "UnhealthyThreshold": check.get("unhealthy_threshold"),
        }
    return props


def _elb_policy(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "LoadBalancerName": values.get("load_balancer_name"),
        "PolicyName": values.get("policy_name"),
        "PolicyTypeName": values.get("policy_type_name"),
        "Attributes": [
            {"AttributeName": a.get("name"), "AttributeValue": a.get("value")}
            for a in values.get("policy_attribute") or []
            if isinstance(a, dict)
        ],
    }


def _clb_items(res: Resource, estate: Estate, name: Any) -> dict[str, Any] | None:
    for item in estate.items(res.account, res.region, cfn_edge.CLB, "load_balancers"):
        if item["LoadBalancerDescription"].get("LoadBalancerName") == name:
            found: dict[str, Any] = item
            return found
    estate.notes.append(f"{res.origin.logical_id}: load balancer {name} not in the IaC set")
    return None


def elb_policy(res: Resource, estate: Estate) -> None:
    """aws_load_balancer_policy -> a policy of its Classic Load Balancer."""
    body = {k: v for k, v in res.props.items() if k not in ("LoadBalancerName", "Attributes")}
    body["PolicyAttributeDescriptions"] = res.props.get("Attributes") or []
    policy = api(estate, res, cfn_edge.CLB, body, cfn_edge.CLB, "PolicyDescription", "")
    name = known(estate, res, cfn_edge.CLB, "LoadBalancerName")

    def attach() -> None:
        item = _clb_items(res, estate, name)
        if item is not None:
            item["PolicyDescriptions"].append(policy)
            others = item["LoadBalancerDescription"]["Policies"].setdefault("OtherPolicies", [])
            others.append(policy.get("PolicyName"))

    estate.later(attach)


def _listener_policy(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "LoadBalancerName": values.get("load_balancer_name"),
        "LoadBalancerPort": values.get("load_balancer_port"),
        "PolicyNames": values.get("policy_names") or [],
    }


def listener_policy(res: Resource, estate: Estate) -> None:
    """aws_load_balancer_listener_policy -> the policy names of one listener."""
    name = known(estate, res, cfn_edge.CLB, "LoadBalancerName")
    port, names = res.props.get("LoadBalancerPort"), res.props.get("PolicyNames")

    def attach() -> None:
        item = _clb_items(res, estate, name)
        for li in item["LoadBalancerDescription"]["ListenerDescriptions"] if item else []:
            if str(li["Listener"].get("LoadBalancerPort")) == str(port):
                li["PolicyNames"] = sorted(n for n in names or [] if isinstance(n, str))

    estate.later(attach)


def _accelerator(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = _pick(values, "name", "ip_address_type", "enabled", "ip_addresses")
    props["Tags"] = tags(values)
    return props


def _ga_listener(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = _pick(values, "accelerator_arn", "protocol", "client_affinity")
    props["PortRanges"] = [_pick(p, "from_port", "to_port") for p in values.get("port_range") or []]
    return props


def _endpoint_group(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = _pick(
        values,
        "listener_arn",
        "endpoint_group_region",
        "traffic_dial_percentage",
        "health_check_port",
        "health_check_protocol",
        "health_check_path",
        "health_check_interval_seconds",
        "threshold_count",
    )
    props["EndpointConfigurations"] = [
        {
            "EndpointId": e.get("endpoint_id"),
            "Weight": e.get("weight"),
            "ClientIPPreservationEnabled": e.get("client_ip_preservation_enabled"),
        }
        for e in values.get("endpoint_configuration") or []
        if isinstance(e, dict)
    ]
    props["PortOverrides"] = [
        _pick(o, "listener_port", "endpoint_port") for o in values.get("port_override") or []
    ]
    return props


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
    "aws_lambda_function_url": TfType(
        "AWS::Lambda::Url",
        cfn_edge.function_url,
        _function_url,
        {"Ref": "url_id", "FunctionUrl": "function_url"},
    ),
    "aws_elb": TfType(
        "AWS::ElasticLoadBalancing::LoadBalancer",
        cfn_edge.classic_load_balancer,
        _elb,
        {
            "Ref": "name|id",
            "DNSName": "dns_name",
            "CanonicalHostedZoneNameID": "zone_id",
        },
        {"LoadBalancerName": "name"},
    ),
    "aws_load_balancer_policy": TfType("", elb_policy, _elb_policy),
    "aws_load_balancer_listener_policy": TfType("", listener_policy, _listener_policy),
    "aws_globalaccelerator_accelerator": TfType(
        "AWS::GlobalAccelerator::Accelerator",
        cfn_edge.accelerator,
        _accelerator,
        {
            "Ref": "id|arn",
            "AcceleratorArn": "id|arn",
            "DnsName": "dns_name",
            "DualStackDnsName": "dual_stack_dns_name",
        },
    ),
    "aws_globalaccelerator_listener": TfType(
        "AWS::GlobalAccelerator::Listener",
        cfn_edge.ga_listener,
        _ga_listener,
        {"Ref": "id|arn", "ListenerArn": "id|arn"},
        {"AcceleratorArn": "accelerator_arn"},
    ),
    "aws_globalaccelerator_endpoint_group": TfType(
        "AWS::GlobalAccelerator::EndpointGroup",
        cfn_edge.endpoint_group,
        _endpoint_group,
        {"Ref": "id|arn", "EndpointGroupArn": "id|arn"},
        {"ListenerArn": "listener_arn"},
    ),
}
"""Terraform type -> how it becomes a CloudFormation resource (or amends one)."""
