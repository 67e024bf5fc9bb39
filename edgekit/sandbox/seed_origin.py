"""The seed estate's origin: a VPC with an internet-facing, CloudFront-locked ALB."""

from __future__ import annotations

from dataclasses import dataclass

from edgekit.sandbox.clients import SandboxClients

TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06"
CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing"


@dataclass(frozen=True)
class AlbOrigin:
    """What :func:`create_alb_origin` created."""

    region: str
    certificate_arn: str
    vpc_id: str
    subnet_ids: tuple[str, ...]
    security_group_id: str
    load_balancer_arn: str
    dns_name: str
    canonical_zone_id: str
    target_group_arn: str
    http_listener_arn: str
    https_listener_arn: str
    origin_verify_rule_arn: str


def create_alb_origin(
    clients: SandboxClients, region: str, *, host: str, header: str, secret: str
) -> AlbOrigin:
    """VPC, two subnets, security group, ALB, target group, listeners and the header rule.

    HTTP:80 redirects to HTTPS; HTTPS:443 answers 403 unless ``header`` equals ``secret``, in
    which case it forwards to the target group. The security group admits HTTPS only from the
    CloudFront origin-facing prefix list.
    """
    ec2 = clients.client("ec2", region)
    vpc_id = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    gateway = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=gateway, VpcId=vpc_id)
    subnet_ids = tuple(
        ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=f"{region}{zone}")[
            "Subnet"
        ]["SubnetId"]
        for cidr, zone in (("10.20.1.0/24", "a"), ("10.20.2.0/24", "b"))
    )
    group_id = ec2.create_security_group(
        GroupName="edge-alb", Description="ALB behind CloudFront", VpcId=vpc_id
    )["GroupId"]
    prefix_lists = ec2.describe_managed_prefix_lists(
        Filters=[{"Name": "prefix-list-name", "Values": [CLOUDFRONT_PREFIX_LIST]}]
    )["PrefixLists"]
    https_from: dict[str, object] = (
        {"PrefixListIds": [{"PrefixListId": prefix_lists[0]["PrefixListId"]}]}
        if prefix_lists
        else {"IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
    )
    ec2.authorize_security_group_ingress(
        GroupId=group_id,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, **https_from},
            {
                "IpProtocol": "tcp",
                "FromPort": 80,
                "ToPort": 80,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            },
        ],
    )

    certificate_arn = clients.client("acm", region).request_certificate(
        DomainName=host, ValidationMethod="DNS", IdempotencyToken="edgekitseedorigin"
    )["CertificateArn"]

    elbv2 = clients.client("elbv2", region)
    balancer = elbv2.create_load_balancer(
        Name="edge-alb",
        Subnets=list(subnet_ids),
        SecurityGroups=[group_id],
        Scheme="internet-facing",
        Type="application",
        IpAddressType="ipv4",
    )["LoadBalancers"][0]
    target_group_arn = elbv2.create_target_group(
        Name="edge-app",
        Protocol="HTTP",
        Port=8080,
        VpcId=vpc_id,
        TargetType="ip",
        HealthCheckPath="/healthz",
    )["TargetGroups"][0]["TargetGroupArn"]
    elbv2.register_targets(
        TargetGroupArn=target_group_arn,
        Targets=[{"Id": "10.20.1.10", "Port": 8080}, {"Id": "10.20.2.10", "Port": 8080}],
    )
    lb_arn = balancer["LoadBalancerArn"]
    http_listener = elbv2.create_listener(
        LoadBalancerArn=lb_arn,
        Protocol="HTTP",
        Port=80,
        DefaultActions=[
            {
                "Type": "redirect",
                "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"},
            }
        ],
    )["Listeners"][0]["ListenerArn"]
    https_listener = elbv2.create_listener(
        LoadBalancerArn=lb_arn,
        Protocol="HTTPS",
        Port=443,
        SslPolicy=TLS_POLICY,
        Certificates=[{"CertificateArn": certificate_arn}],
        DefaultActions=[
            {
                "Type": "fixed-response",
                "FixedResponseConfig": {
                    "StatusCode": "403",
                    "ContentType": "text/plain",
                    "MessageBody": "Forbidden",
                },
            }
        ],
    )["Listeners"][0]["ListenerArn"]
    rule_arn = elbv2.create_rule(
        ListenerArn=https_listener,
        Priority=10,
        Conditions=[
            {
                "Field": "http-header",
                "HttpHeaderConfig": {"HttpHeaderName": header, "Values": [secret]},
            }
        ],
        Actions=[{"Type": "forward", "TargetGroupArn": target_group_arn}],
    )["Rules"][0]["RuleArn"]
    return AlbOrigin(
        region=region,
        certificate_arn=certificate_arn,
        vpc_id=vpc_id,
        subnet_ids=subnet_ids,
        security_group_id=group_id,
        load_balancer_arn=lb_arn,
        dns_name=balancer["DNSName"],
        canonical_zone_id=balancer["CanonicalHostedZoneId"],
        target_group_arn=target_group_arn,
        http_listener_arn=http_listener,
        https_listener_arn=https_listener,
        origin_verify_rule_arn=rule_arn,
    )
