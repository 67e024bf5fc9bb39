"""Terraform load balancer types: aws_lb, aws_lb_listener (+ _certificate), aws_lb_listener_rule,
aws_lb_target_group (+ _attachment), onto :mod:`.cfn_elb`."""

from __future__ import annotations

from typing import Any

from edgekit.iac import cfn_elb
from edgekit.iac.estate import Estate, Resource
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.tf_common import TfType, tags, to_cfn
from edgekit.iac.translate import api, known

# Terraform argument -> the load balancer attribute it sets (DescribeLoadBalancerAttributes).
_LB_ATTRIBUTES = {
    "enable_deletion_protection": "deletion_protection.enabled",
    "drop_invalid_header_fields": "routing.http.drop_invalid_header_fields.enabled",
    "idle_timeout": "idle_timeout.timeout_seconds",
    "desync_mitigation_mode": "routing.http.desync_mitigation_mode",
    "enable_cross_zone_load_balancing": "load_balancing.cross_zone.enabled",
    "enable_waf_fail_open": "waf.fail_open.enabled",
    "enable_http2": "routing.http2.enabled",
}
_ACCESS_LOGS = {"enabled": "enabled", "bucket": "bucket", "prefix": "prefix"}
_CONDITIONS = {
    "host_header": ("host-header", "HostHeaderConfig"),
    "path_pattern": ("path-pattern", "PathPatternConfig"),
    "http_header": ("http-header", "HttpHeaderConfig"),
    "http_request_method": ("http-request-method", "HttpRequestMethodConfig"),
    "query_string": ("query-string", "QueryStringConfig"),
    "source_ip": ("source-ip", "SourceIpConfig"),
}


def _lb(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    internal = values.get("internal")
    attributes = [
        {"Key": key, "Value": values[arg]}
        for arg, key in _LB_ATTRIBUTES.items()
        if values.get(arg) is not None
    ]
    logs = values.get("access_logs")
    for block in logs[:1] if isinstance(logs, list) else []:
        attributes += [
            {"Key": f"access_logs.s3.{key}", "Value": block[arg]}
            for arg, key in _ACCESS_LOGS.items()
            if isinstance(block, dict) and block.get(arg) is not None
        ]
    mappings = values.get("subnet_mapping") or []
    props: dict[str, Any] = {
        "Name": values.get("name"),
        "Type": values.get("load_balancer_type") or "application",
        "Scheme": internal
        if isinstance(internal, Unknown)
        else ("internal" if internal else "internet-facing"),
        "IpAddressType": values.get("ip_address_type") or "ipv4",
        "LoadBalancerAttributes": attributes,
        "Tags": tags(values),
    }
    if values.get("subnets"):
        props["Subnets"] = values["subnets"]
    elif mappings:
        props["SubnetMappings"] = [{"SubnetId": m.get("subnet_id")} for m in mappings]
    if values.get("security_groups") is not None:
        props["SecurityGroups"] = values["security_groups"]
    return props


def action(a: Any) -> Any:
    """A listener (default) action block in CloudFormation's form."""
    if not isinstance(a, dict):
        return a
    out: dict[str, Any] = {"Type": a.get("type")}
    if a.get("order") is not None:
        out["Order"] = a["order"]
    if a.get("target_group_arn"):
        out["TargetGroupArn"] = a["target_group_arn"]
    for block, name in (
        ("redirect", "RedirectConfig"),
        ("fixed_response", "FixedResponseConfig"),
        ("authenticate_oidc", "AuthenticateOidcConfig"),
        ("authenticate_cognito", "AuthenticateCognitoConfig"),
    ):
        if a.get(block):
            out[name] = to_cfn(a[block][0])
    forward = (a.get("forward") or [None])[0]
    if isinstance(forward, dict):
        groups = [
            {"TargetGroupArn": g.get("arn"), "Weight": g.get("weight", 1)}
            for g in forward.get("target_group") or []
            if isinstance(g, dict)
        ]
        out["ForwardConfig"] = {"TargetGroups": groups}
    return out


def _listener(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {
        "LoadBalancerArn": values.get("load_balancer_arn"),
        "Port": values.get("port"),
        "Protocol": values.get("protocol"),
        "DefaultActions": [action(a) for a in values.get("default_action") or []],
    }
    if values.get("ssl_policy"):
        props["SslPolicy"] = values["ssl_policy"]
    if values.get("certificate_arn"):
        props["Certificates"] = [{"CertificateArn": values["certificate_arn"]}]
    if values.get("alpn_policy"):
        props["AlpnPolicy"] = [values["alpn_policy"]]
    return props


def _listener_certificate(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "ListenerArn": values.get("listener_arn"),
        "Certificates": [{"CertificateArn": values.get("certificate_arn")}],
    }


def condition(c: Any) -> Any:
    """A listener rule condition block in CloudFormation's form."""
    if not isinstance(c, dict):
        return c
    for block, (field, name) in _CONDITIONS.items():
        if not c.get(block):
            continue
        config = c[block]
        if block == "query_string":  # a set of {key, value} blocks
            body: Any = {"Values": [to_cfn(kv) for kv in config]}
        else:
            body = to_cfn(config[0])
        out = {"Field": field, name: body}
        if block in ("host_header", "path_pattern") and isinstance(body, dict):
            out["Values"] = body.get("Values", [])
        return out
    return {}


def _rule(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "ListenerArn": values.get("listener_arn"),
        "Priority": values.get("priority"),
        "Actions": [action(a) for a in values.get("action") or []],
        "Conditions": [condition(c) for c in values.get("condition") or []],
    }


def _target_group(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {
        "Name": values.get("name"),
        "TargetType": values.get("target_type") or "instance",
        "Tags": tags(values),
    }
    for arg in ("port", "protocol", "protocol_version", "vpc_id"):
        if values.get(arg) not in (None, ""):
            props[arg.title().replace("_", "")] = values[arg]
    check = (values.get("health_check") or [None])[0]
    if isinstance(check, dict):
        for arg, name in (
            ("enabled", "HealthCheckEnabled"),
            ("path", "HealthCheckPath"),
            ("port", "HealthCheckPort"),
            ("protocol", "HealthCheckProtocol"),
            ("interval", "HealthCheckIntervalSeconds"),
            ("timeout", "HealthCheckTimeoutSeconds"),
            ("healthy_threshold", "HealthyThresholdCount"),
            ("unhealthy_threshold", "UnhealthyThresholdCount"),
        ):
            if check.get(arg) not in (None, ""):
                props[name] = check[arg]
        if check.get("matcher"):
            props["Matcher"] = {"HttpCode": check["matcher"]}
    return props


def _attachment(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {
        "TargetGroupArn": values.get("target_group_arn"),
        "Target": {"Id": values.get("target_id"), "Port": values.get("port")},
    }


def attach_target(res: Resource, estate: Estate) -> None:
    """aws_lb_target_group_attachment -> a registered target of its target group."""
    arn = known(estate, res, cfn_elb.E, "TargetGroupArn")
    target = api(
        estate, res, cfn_elb.E, res.props.get("Target"), cfn_elb.E, "TargetDescription", ""
    )

    def attach() -> None:
        for item in estate.items(res.account, res.region, cfn_elb.E, "target_groups"):
            if item["TargetGroup"]["TargetGroupArn"] == arn:
                item["TargetHealthDescriptions"].append({"Target": target})
                return
        estate.notes.append(f"{res.origin.logical_id}: target group {arn} not in the IaC set")

    estate.later(attach)


_ARN = {"Ref": "arn|id"}
TYPES: dict[str, TfType] = {
    "aws_lb": TfType(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        cfn_elb.load_balancer,
        _lb,
        {
            "Ref": "arn|id",
            "LoadBalancerArn": "arn",
            "DNSName": "dns_name",
            "CanonicalHostedZoneID": "zone_id",
            "LoadBalancerName": "name",
            "LoadBalancerFullName": "arn_suffix",
        },
        {"Type": "load_balancer_type"},
    ),
    "aws_lb_listener": TfType(
        "AWS::ElasticLoadBalancingV2::Listener",
        cfn_elb.listener,
        _listener,
        {**_ARN, "ListenerArn": "arn"},
    ),
    "aws_lb_listener_certificate": TfType(
        "AWS::ElasticLoadBalancingV2::ListenerCertificate",
        cfn_elb.TRANSLATORS["AWS::ElasticLoadBalancingV2::ListenerCertificate"],
        _listener_certificate,
    ),
    "aws_lb_listener_rule": TfType(
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        cfn_elb.listener_rule,
        _rule,
        {**_ARN, "RuleArn": "arn"},
    ),
    "aws_lb_target_group": TfType(
        "AWS::ElasticLoadBalancingV2::TargetGroup",
        cfn_elb.target_group,
        _target_group,
        {**_ARN, "TargetGroupArn": "arn", "TargetGroupName": "name"},
    ),
    "aws_lb_target_group_attachment": TfType("", attach_target, _attachment),
}
