"""A hostile estate: a planted secret in every secret-bearing field edgekit collects.

Seeded through the ordinary AWS API (any client factory pointed at the sandbox), so a test can
collect it and grep the snapshot for every planted value and its base64 form
(``tests/collect/test_hostile_secrets.py``). The fields are those of
:data:`edgekit.collect.secrets.SECRET_FIELDS`.

With a second client factory (``cdn``) the estate is split the common way: the CloudFront
distribution lives in a CDN account and sends the origin-verify header to an ALB in the
workload account, which requires that same value -- so collecting the workload account alone
sees the ALB's copy of the secret with no distribution beside it.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ClientFactory = Callable[[str, str], Any]
"""``(service, region) -> boto3 client`` acting in the sandbox."""

REGION = "us-east-1"


def planted(name: str) -> str:
    """The planted secret value of field ``name`` (distinct, easy to grep)."""
    return f"PLANTED-{name}-7f3c9e"


@dataclass
class HostileEstate:
    """What was seeded: the planted values by field, and a few ids."""

    secrets: dict[str, str] = field(default_factory=dict)
    distribution_id: str = ""
    load_balancer_arn: str = ""


def seed_hostile(client: ClientFactory, cdn: ClientFactory | None = None) -> HostileEstate:
    """Seed the hostile estate (us-east-1) and return what was planted.

    ``client`` acts in the (workload) account; ``cdn``, when given, in the account that gets the
    CloudFront distribution, whose origin header then carries exactly the value the ALB rule
    requires (``secrets["origin-header"]``; no separate ``alb-header`` value is planted).
    """
    out = HostileEstate()
    for name in (
        "origin-header",
        "alb-header",
        "alb-header-glob",
        "oidc-secret",
        "waf-header",
        "referer",
        "stage-variable",
        "integration-header",
        "http-stage-variable",
        "http-integration-header",
        "edge-env",
    ):
        out.secrets[name] = planted(name)
    if cdn is not None:
        del out.secrets["alb-header"]
    alb_dns = _alb(client, out)
    bucket = _bucket(client, out)
    edge_arn = _edge_function(cdn or client, out)
    _distribution(cdn or client, out, alb_dns, bucket, edge_arn)
    _web_acl(client, out)
    _rest_api(client, out)
    _http_api(client, out)
    return out


def _alb(client: ClientFactory, out: HostileEstate) -> str:
    ec2 = client("ec2", REGION)
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.9.{i}.0/24", AvailabilityZone=f"{REGION}{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in ((1, "a"), (2, "b"))
    ]
    elb = client("elbv2", REGION)
    lb = elb.create_load_balancer(Name="hostile", Subnets=subnets)["LoadBalancers"][0]
    out.load_balancer_arn = lb["LoadBalancerArn"]
    tg = elb.create_target_group(Name="hostile", Protocol="HTTP", Port=80, VpcId=vpc)
    tg_arn = tg["TargetGroups"][0]["TargetGroupArn"]
    oidc = {
        "Type": "authenticate-oidc",
        "Order": 1,
        "AuthenticateOidcConfig": {
            "Issuer": "https://idp.example.com",
            "AuthorizationEndpoint": "https://idp.example.com/auth",
            "TokenEndpoint": "https://idp.example.com/token",
            "UserInfoEndpoint": "https://idp.example.com/userinfo",
            "ClientId": "client",
            "ClientSecret": out.secrets["oidc-secret"],
        },
    }
    forward = {"Type": "forward", "Order": 2, "TargetGroupArn": tg_arn}
    listener = elb.create_listener(
        LoadBalancerArn=lb["LoadBalancerArn"],
        Protocol="HTTP",
        Port=80,
        DefaultActions=[oidc, forward],
    )["Listeners"][0]
    required = out.secrets.get("alb-header", out.secrets["origin-header"])
    values = [required, out.secrets["alb-header-glob"] + "*"]
    elb.create_rule(
        ListenerArn=listener["ListenerArn"],
        Priority=1,
        Conditions=[
            {
                "Field": "http-header",
                "HttpHeaderConfig": {"HttpHeaderName": "X-Origin-Verify", "Values": values},
            }
        ],
        Actions=[oidc, forward],
    )
    return str(lb["DNSName"])


def _bucket(client: ClientFactory, out: HostileEstate) -> str:
    s3 = client("s3", REGION)
    name = "hostile-site-bucket"
    s3.create_bucket(Bucket=name)
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{name}/*",
                "Condition": {"StringLike": {"aws:Referer": [out.secrets["referer"]]}},
            }
        ],
    }
    s3.put_bucket_policy(Bucket=name, Policy=json.dumps(policy))
    return name


def _edge_function(client: ClientFactory, out: HostileEstate) -> str:
    iam = client("iam", REGION)
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "lambda.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    role = iam.create_role(RoleName="hostile-edge", AssumeRolePolicyDocument=json.dumps(trust))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("index.py", "def handler(event, context):\n    return event\n")
    lam = client("lambda", REGION)
    fn = lam.create_function(
        FunctionName="hostile-edge",
        Runtime="python3.12",
        Role=role["Role"]["Arn"],
        Handler="index.handler",
        Code={"ZipFile": buf.getvalue()},
        Environment={"Variables": {"TOKEN": out.secrets["edge-env"]}},
        Publish=True,
    )
    return f"{fn['FunctionArn']}:{fn['Version']}"


def _distribution(
    client: ClientFactory, out: HostileEstate, alb_dns: str, bucket: str, edge_arn: str
) -> None:
    header = {"HeaderName": "X-Origin-Verify", "HeaderValue": out.secrets["origin-header"]}
    origins = [
        {
            "Id": "alb",
            "DomainName": alb_dns,
            "CustomHeaders": {"Quantity": 1, "Items": [header]},
            "CustomOriginConfig": {
                "HTTPPort": 80,
                "HTTPSPort": 443,
                "OriginProtocolPolicy": "https-only",
            },
        },
        {
            "Id": "site",
            "DomainName": f"{bucket}.s3-website-{REGION}.amazonaws.com",
            "CustomOriginConfig": {
                "HTTPPort": 80,
                "HTTPSPort": 443,
                "OriginProtocolPolicy": "http-only",
            },
        },
    ]
    behavior = {
        "TargetOriginId": "alb",
        "ViewerProtocolPolicy": "redirect-to-https",
        "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
        "LambdaFunctionAssociations": {
            "Quantity": 1,
            "Items": [{"LambdaFunctionARN": edge_arn, "EventType": "origin-request"}],
        },
    }
    config = {
        "CallerReference": "hostile",
        "Comment": "hostile",
        "Enabled": True,
        "Origins": {"Quantity": len(origins), "Items": origins},
        "DefaultCacheBehavior": behavior,
    }
    cf = client("cloudfront", REGION)
    out.distribution_id = cf.create_distribution(DistributionConfig=config)["Distribution"]["Id"]


def _web_acl(client: ClientFactory, out: HostileEstate) -> None:
    waf = client("wafv2", REGION)
    statement = {
        "ByteMatchStatement": {
            "SearchString": out.secrets["waf-header"].encode(),
            "FieldToMatch": {"SingleHeader": {"Name": "x-origin-verify"}},
            "TextTransformations": [{"Priority": 0, "Type": "NONE"}],
            "PositionalConstraint": "EXACTLY",
        }
    }
    visibility = {
        "SampledRequestsEnabled": False,
        "CloudWatchMetricsEnabled": False,
        "MetricName": "hostile",
    }
    waf.create_web_acl(
        Name="hostile",
        Scope="REGIONAL",
        DefaultAction={"Block": {}},
        Rules=[
            {
                "Name": "origin-verify",
                "Priority": 0,
                "Statement": statement,
                "Action": {"Allow": {}},
                "VisibilityConfig": visibility,
            }
        ],
        VisibilityConfig=visibility,
    )


def _rest_api(client: ClientFactory, out: HostileEstate) -> None:
    api = client("apigateway", REGION)
    rest = api.create_rest_api(name="hostile")
    root = api.get_resources(restApiId=rest["id"])["items"][0]["id"]
    api.put_method(
        restApiId=rest["id"], resourceId=root, httpMethod="GET", authorizationType="NONE"
    )
    api.put_integration(
        restApiId=rest["id"],
        resourceId=root,
        httpMethod="GET",
        type="HTTP_PROXY",
        integrationHttpMethod="GET",
        uri="https://backend.example.com/",
        requestParameters={
            "integration.request.header.x-api-key": f"'{out.secrets['integration-header']}'"
        },
    )
    deployment = api.create_deployment(restApiId=rest["id"])
    api.create_stage(
        restApiId=rest["id"],
        stageName="prod",
        deploymentId=deployment["id"],
        variables={"token": out.secrets["stage-variable"]},
    )


def _http_api(client: ClientFactory, out: HostileEstate) -> None:
    v2 = client("apigatewayv2", REGION)
    api = v2.create_api(Name="hostile", ProtocolType="HTTP")
    v2.create_integration(
        ApiId=api["ApiId"],
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="GET",
        IntegrationUri="https://backend.example.com/",
        PayloadFormatVersion="1.0",
        RequestParameters={"append:header.x-api-key": out.secrets["http-integration-header"]},
    )
    v2.create_stage(
        ApiId=api["ApiId"],
        StageName="prod",
        StageVariables={"token": out.secrets["http-stage-variable"]},
    )
