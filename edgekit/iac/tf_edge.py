"""Terraform Lambda function URL, Classic ELB (``aws_elb`` with ``aws_load_balancer_policy`` /
``_listener_policy``, which amend their load balancer) and Global Accelerator types, onto
:mod:`.cfn_edge`."""

from __future__ import annotations

from typing import Any

from edgekit.iac import cfn_edge
from edgekit.iac.estate import Estate, Resource
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.tf_common import TfType, first_block, pascal, pick, put, tags, to_cfn
from edgekit.iac.translate import api, known


def _function_url(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    arn = values.get("function_arn")
    props = {"TargetFunctionArn": arn if isinstance(arn, str) else values.get("function_name")}
    put(props, "Qualifier", values.get("qualifier"))
    put(props, "AuthType", values.get("authorization_type"))
    put(props, "InvokeMode", values.get("invoke_mode"))
    cors = first_block(values, "cors")
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
        put(props, pascal(arg), values.get(arg))
    if not values.get("subnets"):
        put(props, "AvailabilityZones", values.get("availability_zones"))
    logs = first_block(values, "access_logs")
    if logs:
        props["AccessLoggingPolicy"] = {
            "Enabled": logs.get("enabled", True),
            "S3BucketName": logs.get("bucket"),
            "S3BucketPrefix": logs.get("bucket_prefix"),
            "EmitInterval": logs.get("interval", 60),
        }
    check = first_block(values, "health_check")
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
    props = pick(values, "name", "ip_address_type", "enabled", "ip_addresses")
    props["Tags"] = tags(values)
    return props


def _ga_listener(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(values, "accelerator_arn", "protocol", "client_affinity")
    props["PortRanges"] = [pick(p, "from_port", "to_port") for p in values.get("port_range") or []]
    return props


def _endpoint_group(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props = pick(
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
        pick(o, "listener_port", "endpoint_port") for o in values.get("port_override") or []
    ]
    return props


TYPES: dict[str, TfType] = {
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
