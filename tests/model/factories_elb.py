"""ELBv2 payload factories: DescribeLoadBalancers / Listeners / Rules / TargetGroups items."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tests.model.factories_cf import ACCOUNT, OMIT, TS

REGION = "us-east-1"
ALB_ZONE = "Z35SXDOTRQ7X7K"
NLB_ZONE = "Z26RNL4JYFTOTI"


def lb_arn(
    name: str, kind: str = "application", region: str = REGION, account: str = ACCOUNT
) -> str:
    """A load balancer ARN."""
    short = {"application": "app", "network": "net", "gateway": "gwy"}[kind]
    prefix = f"arn:aws:elasticloadbalancing:{region}:{account}"
    return f"{prefix}:loadbalancer/{short}/{name}/50dc6c495c0c9188"


def load_balancer(
    name: str,
    kind: str = "application",
    *,
    scheme: str = "internet-facing",
    region: str = REGION,
    account: str = ACCOUNT,
    zones: Sequence[str] = ("a", "b"),
    security_groups: Sequence[str] = ("sg-0123456789abcdef0",),
    arn: str | None = None,
) -> dict[str, Any]:
    """A DescribeLoadBalancers item (``arn`` lets a test fake moto's ``app/`` NLB ARNs)."""
    internal = "internal-" if scheme == "internal" else ""
    dns = (
        f"{internal}{name}-1234567890.{region}.elb.amazonaws.com"
        if kind == "application"
        else f"{name}-0123456789abcdef.elb.{region}.amazonaws.com"
    )
    lb: dict[str, Any] = {
        "LoadBalancerArn": arn or lb_arn(name, kind, region, account),
        "DNSName": dns,
        "CanonicalHostedZoneId": ALB_ZONE if kind == "application" else NLB_ZONE,
        "CreatedTime": TS,
        "LoadBalancerName": name,
        "Scheme": scheme,
        "VpcId": "vpc-0abc",
        "State": {"Code": "active"},
        "Type": kind,
        "AvailabilityZones": [
            {
                "ZoneName": f"{region}{z}",
                "SubnetId": f"subnet-{z}",
                "LoadBalancerAddresses": (
                    [{"IpAddress": f"203.0.113.{i + 10}", "AllocationId": f"eipalloc-{z}"}]
                    if kind == "network"
                    else []
                ),
            }
            for i, z in enumerate(zones)
        ],
        "IpAddressType": "ipv4",
    }
    if kind != "gateway" and security_groups:
        lb["SecurityGroups"] = list(security_groups)
    return lb


ALB_DEFAULT_ATTRIBUTES: Mapping[str, str] = {
    "access_logs.s3.enabled": "true",
    "access_logs.s3.bucket": "alb-logs",
    "access_logs.s3.prefix": "",
    "deletion_protection.enabled": "true",
    "idle_timeout.timeout_seconds": "60",
    "routing.http.desync_mitigation_mode": "defensive",
    "routing.http.drop_invalid_header_fields.enabled": "true",
    "routing.http2.enabled": "true",
    "waf.fail_open.enabled": "false",
    "load_balancing.cross_zone.enabled": "true",
}
NLB_DEFAULT_ATTRIBUTES: Mapping[str, str] = {
    "access_logs.s3.enabled": "false",
    "deletion_protection.enabled": "false",
    "load_balancing.cross_zone.enabled": "false",
}


def attributes(base: Mapping[str, str], **changes: str) -> list[dict[str, str]]:
    """An attribute list; ``changes`` keys use ``__`` for ``.`` (``waf__fail_open__enabled``)."""
    values = dict(base)
    values.update({k.replace("__", "."): v for k, v in changes.items()})
    return [{"Key": k, "Value": v} for k, v in values.items()]


def lb_entry(
    lb: dict[str, Any], *, attrs: Any = OMIT, tag_list: Any = OMIT, listeners: Any = OMIT
) -> dict[str, Any]:
    """A ``load_balancers`` item; OMIT = that part not collected."""
    entry: dict[str, Any] = {"LoadBalancer": lb}
    for key, value in (("Attributes", attrs), ("Tags", tag_list), ("Listeners", listeners)):
        if value is not OMIT:
            entry[key] = value
    return entry


def forward(*targets: str | tuple[str, int]) -> dict[str, Any]:
    """A forward action (one target group: also ``TargetGroupArn``, as AWS returns it)."""
    groups = [t if isinstance(t, tuple) else (t, 1) for t in targets]
    action: dict[str, Any] = {"Type": "forward"}
    if len(groups) == 1:
        action["TargetGroupArn"] = groups[0][0]
    action["ForwardConfig"] = {
        "TargetGroups": [{"TargetGroupArn": arn, "Weight": w} for arn, w in groups],
        "TargetGroupStickinessConfig": {"Enabled": False},
    }
    return action


def redirect_https() -> dict[str, Any]:
    """The classic HTTP → HTTPS redirect."""
    return {
        "Type": "redirect",
        "RedirectConfig": {
            "Protocol": "HTTPS",
            "Port": "443",
            "Host": "#{host}",
            "Path": "/#{path}",
            "Query": "#{query}",
            "StatusCode": "HTTP_301",
        },
    }


def fixed_response(code: str = "403", body: str = "Forbidden") -> dict[str, Any]:
    """A fixed-response action."""
    return {
        "Type": "fixed-response",
        "FixedResponseConfig": {
            "MessageBody": body,
            "StatusCode": code,
            "ContentType": "text/plain",
        },
    }


def authenticate_oidc(order: int = 1) -> dict[str, Any]:
    """An authenticate-oidc action (no client secret: AWS never returns it)."""
    return {
        "Type": "authenticate-oidc",
        "Order": order,
        "AuthenticateOidcConfig": {
            "Issuer": "https://idp.example.com",
            "AuthorizationEndpoint": "https://idp.example.com/authorize",
            "TokenEndpoint": "https://idp.example.com/token",
            "UserInfoEndpoint": "https://idp.example.com/userinfo",
            "ClientId": "client-1",
            "SessionCookieName": "AWSELBAuthSessionCookie",
            "Scope": "openid",
            "SessionTimeout": 604800,
            "OnUnauthenticatedRequest": "authenticate",
        },
    }


def authenticate_cognito(order: int = 1, account: str = ACCOUNT) -> dict[str, Any]:
    """An authenticate-cognito action."""
    return {
        "Type": "authenticate-cognito",
        "Order": order,
        "AuthenticateCognitoConfig": {
            "UserPoolArn": f"arn:aws:cognito-idp:{REGION}:{account}:userpool/{REGION}_abc",
            "UserPoolClientId": "client-2",
            "UserPoolDomain": "auth-example",
            "OnUnauthenticatedRequest": "deny",
        },
    }


def listener_arn(lb: dict[str, Any], port: int) -> str:
    """A listener ARN under ``lb``."""
    return lb["LoadBalancerArn"].replace(":loadbalancer/", ":listener/") + f"/l{port:05d}"


def listener(
    lb: dict[str, Any],
    port: int,
    protocol: str,
    default_actions: Sequence[dict[str, Any]],
    *,
    ssl_policy: str | None = None,
    certificate: str | None = None,
) -> dict[str, Any]:
    """A DescribeListeners item."""
    li: dict[str, Any] = {
        "ListenerArn": listener_arn(lb, port),
        "LoadBalancerArn": lb["LoadBalancerArn"],
        "Port": port,
        "Protocol": protocol,
        "DefaultActions": list(default_actions),
    }
    if certificate:
        li["Certificates"] = [{"CertificateArn": certificate}]
    if ssl_policy:
        li["SslPolicy"] = ssl_policy
    return li


def listener_entry(
    li: dict[str, Any], *, rules: Any = OMIT, certificates: Any = OMIT
) -> dict[str, Any]:
    """A ``Listeners`` item; OMIT = that read was denied."""
    entry: dict[str, Any] = {"Listener": li}
    if rules is not OMIT:
        entry["Rules"] = rules
    if certificates is not OMIT:
        entry["Certificates"] = certificates
    return entry


def listener_certificate(arn: str, default: bool = False) -> dict[str, Any]:
    """A DescribeListenerCertificates item."""
    return {"CertificateArn": arn, "IsDefault": default}


def condition(field: str, values: Sequence[str] = (), **config: Any) -> dict[str, Any]:
    """A rule condition in the current form (``*Config``), ``values`` in its Values."""
    key = {
        "host-header": "HostHeaderConfig",
        "path-pattern": "PathPatternConfig",
        "http-request-method": "HttpRequestMethodConfig",
        "source-ip": "SourceIpConfig",
        "http-header": "HttpHeaderConfig",
        "query-string": "QueryStringConfig",
    }[field]
    body = dict(config)
    if field == "query-string":
        body["Values"] = [
            {"Key": k, "Value": v} if k is not None else {"Value": v} for k, v in values
        ]
    else:
        body["Values"] = list(values)
    return {"Field": field, key: body}


def listener_rule(
    li: dict[str, Any],
    priority: int | str,
    conditions: Sequence[dict[str, Any]],
    actions: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    """A DescribeRules item (``priority`` "default" for the default rule)."""
    suffix = "default" if priority == "default" else f"r{priority}"
    return {
        "RuleArn": li["ListenerArn"].replace(":listener/", ":listener-rule/") + f"/{suffix}",
        "Priority": str(priority),
        "Conditions": list(conditions),
        "Actions": list(actions),
        "IsDefault": priority == "default",
    }


def default_rule(li: dict[str, Any]) -> dict[str, Any]:
    """The default rule DescribeRules returns (mirrors the default actions)."""
    return listener_rule(li, "default", [], li["DefaultActions"])


def tg_arn(name: str, region: str = REGION, account: str = ACCOUNT) -> str:
    """A target group ARN."""
    return f"arn:aws:elasticloadbalancing:{region}:{account}:targetgroup/{name}/73e2d6bc24d8a067"


def target_group(
    name: str,
    *,
    protocol: str | None = "HTTP",
    port: int | None = 80,
    target_type: str = "instance",
    lb_arns: Sequence[str] = (),
    region: str = REGION,
    account: str = ACCOUNT,
    health_enabled: bool = True,
    health_protocol: str | None = None,
) -> dict[str, Any]:
    """A DescribeTargetGroups item (lambda groups have no protocol/port)."""
    tg: dict[str, Any] = {"TargetGroupArn": tg_arn(name, region, account), "TargetGroupName": name}
    if protocol:
        tg["Protocol"] = protocol
        tg["Port"] = port
        tg["VpcId"] = "vpc-0abc"
        tg["HealthCheckProtocol"] = health_protocol or protocol
        tg["HealthCheckPort"] = "traffic-port"
    tg.update(
        {
            "HealthCheckEnabled": health_enabled,
            "HealthCheckIntervalSeconds": 30,
            "HealthCheckTimeoutSeconds": 5,
            "HealthyThresholdCount": 5,
            "UnhealthyThresholdCount": 2,
            "LoadBalancerArns": list(lb_arns),
            "TargetType": target_type,
        }
    )
    if protocol in ("HTTP", "HTTPS"):
        tg["HealthCheckPath"] = "/health"
        tg["Matcher"] = {"HttpCode": "200"}
        tg["ProtocolVersion"] = "HTTP1"
        tg["IpAddressType"] = "ipv4"
    return tg


def target_health(target_id: str, port: int | None = 80, state: str = "healthy") -> dict[str, Any]:
    """A TargetHealthDescription."""
    target: dict[str, Any] = {"Id": target_id}
    if port is not None:
        target["Port"] = port
    health: dict[str, Any] = {"State": state}
    if state == "unhealthy":
        health["Reason"] = "Target.FailedHealthChecks"
        health["Description"] = "Health checks failed"
    return {"Target": target, "HealthCheckPort": str(port or ""), "TargetHealth": health}


def tg_entry(tg: dict[str, Any], *, attrs: Any = OMIT, health: Any = OMIT) -> dict[str, Any]:
    """A ``target_groups`` item; OMIT = that read was denied."""
    entry: dict[str, Any] = {"TargetGroup": tg}
    if attrs is not OMIT:
        entry["Attributes"] = attrs
    if health is not OMIT:
        entry["TargetHealthDescriptions"] = health
    return entry


def ssl_policy(name: str, protocols: Sequence[str]) -> dict[str, Any]:
    """A DescribeSSLPolicies item."""
    return {
        "SslProtocols": list(protocols),
        "Ciphers": [
            {"Name": "ECDHE-ECDSA-AES128-GCM-SHA256", "Priority": 1},
            {"Name": "ECDHE-RSA-AES128-GCM-SHA256", "Priority": 2},
        ],
        "Name": name,
        "SupportedLoadBalancerTypes": ["application", "network"],
    }


TLS13 = "ELBSecurityPolicy-TLS13-1-2-2021-06"
LEGACY_TLS = "ELBSecurityPolicy-2016-08"
