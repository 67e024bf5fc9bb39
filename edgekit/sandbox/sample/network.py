"""VPCs, security groups, target groups and load balancers of the sample estate.

Helpers only: which load balancers exist, and how each is (mis)configured, is decided in
:mod:`.web` and :mod:`.payments`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from edgekit.sandbox.sample.accounts import Account
from edgekit.sandbox.sample.state import Balancer, Estate

CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing"
TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06"
ANYWHERE = "0.0.0.0/0"
GOLDEN_ATTRIBUTES = {
    "routing.http.drop_invalid_header_fields.enabled": "true",
    "deletion_protection.enabled": "true",
    "access_logs.s3.enabled": "true",
    "routing.http.desync_mitigation_mode": "defensive",
    "idle_timeout.timeout_seconds": "60",
}
"""The attributes every well-built ALB of the estate sets (plus its access-log bucket)."""


@dataclass(frozen=True)
class Vpc:
    """A VPC with one subnet per availability zone (``a``, ``b``)."""

    vpc_id: str
    cidr: str
    subnets: tuple[str, ...]
    prefix_list: str
    """The CloudFront origin-facing managed prefix list id of the region."""


def vpc(estate: Estate, account: Account, region: str, second_octet: int) -> Vpc:
    """The account's VPC in ``region`` (created on first use)."""
    key = f"vpc/{account.account_id}/{region}"
    if key in estate.extra:
        found: Vpc = estate.extra[key]
        return found
    ec2 = account.client("ec2", region)
    cidr = f"10.{second_octet}.0.0/16"
    vpc_id = ec2.create_vpc(
        CidrBlock=cidr,
        TagSpecifications=[
            {"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": f"{account.name}-{region}"}]}
        ],
    )["Vpc"]["VpcId"]
    gateway = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=gateway, VpcId=vpc_id)
    subnets = tuple(
        ec2.create_subnet(
            VpcId=vpc_id, CidrBlock=f"10.{second_octet}.{i}.0/24", AvailabilityZone=f"{region}{z}"
        )["Subnet"]["SubnetId"]
        for i, z in ((1, "a"), (2, "b"))
    )
    lists = ec2.describe_managed_prefix_lists(
        Filters=[{"Name": "prefix-list-name", "Values": [CLOUDFRONT_PREFIX_LIST]}]
    )["PrefixLists"]
    found = Vpc(vpc_id, cidr, subnets, str(lists[0]["PrefixListId"]))
    estate.extra[key] = found
    return found


def security_group(
    account: Account, region: str, net: Vpc, name: str, ingress: list[tuple[int, str]]
) -> str:
    """A security group admitting TCP ``(port, source)``; source: CIDR or ``prefix-list``."""
    ec2 = account.client("ec2", region)
    group = ec2.create_security_group(GroupName=name, Description=name, VpcId=net.vpc_id)
    permissions: list[dict[str, Any]] = []
    for port, source in ingress:
        rule: dict[str, Any] = {"IpProtocol": "tcp", "FromPort": port, "ToPort": port}
        if source == "prefix-list":
            rule["PrefixListIds"] = [{"PrefixListId": net.prefix_list}]
        else:
            rule["IpRanges"] = [{"CidrIp": source}]
        permissions.append(rule)
    ec2.authorize_security_group_ingress(GroupId=group["GroupId"], IpPermissions=permissions)
    return str(group["GroupId"])


def target_group(
    account: Account,
    region: str,
    net: Vpc | None,
    name: str,
    *,
    kind: str = "ip",
    protocol: str = "HTTPS",
    port: int = 8443,
    health_protocol: str | None = None,
    targets: tuple[str, ...] = (),
) -> str:
    """A target group with ``targets`` registered (IPs, a Lambda ARN or an ALB ARN)."""
    elbv2 = account.client("elbv2", region)
    params: dict[str, Any] = {"Name": name, "TargetType": kind}
    if kind != "lambda" and net is not None:
        params.update(Protocol=protocol, Port=port, VpcId=net.vpc_id)
        params["HealthCheckProtocol"] = health_protocol or protocol
        if params["HealthCheckProtocol"] in ("HTTP", "HTTPS"):
            params["HealthCheckPath"] = "/healthz"
    arn = str(elbv2.create_target_group(**params)["TargetGroups"][0]["TargetGroupArn"])
    if targets:
        registered = [
            {"Id": t} if kind == "lambda" else {"Id": t, "Port": port if kind != "alb" else 443}
            for t in targets
        ]
        elbv2.register_targets(TargetGroupArn=arn, Targets=registered)
    return arn


def load_balancer(
    estate: Estate,
    account: Account,
    region: str,
    net: Vpc,
    name: str,
    *,
    kind: str = "application",
    internal: bool = False,
    groups: tuple[str, ...] = (),
    zones: int = 2,
    attributes: dict[str, str] | None = None,
) -> Balancer:
    """An ALB or NLB (recorded in the estate); ``attributes`` are applied as given."""
    elbv2 = account.client("elbv2", region)
    params: dict[str, Any] = {
        "Name": name,
        "Subnets": list(net.subnets[:zones]),
        "Scheme": "internal" if internal else "internet-facing",
        "Type": kind,
        "Tags": [{"Key": "Name", "Value": name}],
    }
    if groups:
        params["SecurityGroups"] = list(groups)
    created = elbv2.create_load_balancer(**params)["LoadBalancers"][0]
    arn = str(created["LoadBalancerArn"])
    if attributes:
        elbv2.modify_load_balancer_attributes(
            LoadBalancerArn=arn, Attributes=[{"Key": k, "Value": v} for k, v in attributes.items()]
        )
    balancer = Balancer(
        name=name,
        account_id=account.account_id,
        region=region,
        arn=arn,
        dns_name=str(created["DNSName"]),
        zone_id=str(created["CanonicalHostedZoneId"]),
        kind=kind,
    )
    estate.balancers[name] = balancer
    return balancer


def golden_attributes(log_bucket: str, prefix: str) -> dict[str, str]:
    """:data:`GOLDEN_ATTRIBUTES` with access logs to ``log_bucket``/``prefix``."""
    return {
        **GOLDEN_ATTRIBUTES,
        "access_logs.s3.bucket": log_bucket,
        "access_logs.s3.prefix": prefix,
    }


def listener(
    account: Account,
    balancer: Balancer,
    port: int,
    protocol: str,
    default: dict[str, Any],
    *,
    certificate: str | None = None,
    policy: str = TLS_POLICY,
) -> str:
    """A listener (recorded on the balancer); TLS ones get ``certificate`` and ``policy``."""
    params: dict[str, Any] = {
        "LoadBalancerArn": balancer.arn,
        "Protocol": protocol,
        "Port": port,
        "DefaultActions": [default],
    }
    if protocol in ("HTTPS", "TLS"):
        params.update(SslPolicy=policy, Certificates=[{"CertificateArn": certificate}])
    elbv2 = account.client("elbv2", balancer.region)
    arn = str(elbv2.create_listener(**params)["Listeners"][0]["ListenerArn"])
    balancer.listeners[port] = arn
    return arn


def rule(
    account: Account,
    balancer: Balancer,
    port: int,
    priority: int,
    conditions: list[dict[str, Any]],
    action: dict[str, Any],
) -> None:
    """A listener rule on the balancer's listener at ``port``."""
    account.client("elbv2", balancer.region).create_rule(
        ListenerArn=balancer.listeners[port],
        Priority=priority,
        Conditions=conditions,
        Actions=[action],
    )


def forward(target_group_arn: str) -> dict[str, Any]:
    """A forward action."""
    return {"Type": "forward", "TargetGroupArn": target_group_arn}


def redirect(host: str = "#{host}", path: str = "/#{path}") -> dict[str, Any]:
    """A permanent redirect to HTTPS (optionally to another host)."""
    return {
        "Type": "redirect",
        "RedirectConfig": {
            "Protocol": "HTTPS",
            "Port": "443",
            "Host": host,
            "Path": path,
            "StatusCode": "HTTP_301",
        },
    }


def fixed(status: str, body: str) -> dict[str, Any]:
    """A fixed response."""
    return {
        "Type": "fixed-response",
        "FixedResponseConfig": {
            "StatusCode": status,
            "ContentType": "text/plain",
            "MessageBody": body,
        },
    }


def header_is(name: str, value: str) -> dict[str, Any]:
    """An ``http-header`` condition."""
    return {"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": name, "Values": [value]}}


def host_is(*hosts: str) -> dict[str, Any]:
    """A ``host-header`` condition."""
    return {"Field": "host-header", "HostHeaderConfig": {"Values": list(hosts)}}


def path_is(*paths: str) -> dict[str, Any]:
    """A ``path-pattern`` condition."""
    return {"Field": "path-pattern", "PathPatternConfig": {"Values": list(paths)}}
