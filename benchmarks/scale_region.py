"""One region of the benchmark estate: network, ALBs, a Lambda URL, Classic ELB, ACM, WAF,
API Gateway. See :mod:`benchmarks.scale_estate`."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Callable
from typing import Any

Client = Callable[[str, str], Any]
CF_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return {}\n")
    return buf.getvalue()


def build(c: Client, region: str, account: str, role: str, made: Counter[str]) -> tuple[str, str]:
    """One region's resources; returns (first ALB DNS name, Lambda URL host)."""
    ec2 = c("ec2", region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"{region}{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in enumerate("ab")
    ]
    pl = ec2.describe_managed_prefix_lists(
        Filters=[{"Name": "prefix-list-name", "Values": [CF_PREFIX_LIST]}]
    )["PrefixLists"][0]["PrefixListId"]
    alb_sg = ec2.create_security_group(GroupName="alb", Description="alb", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=alb_sg,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "PrefixListIds": [{"PrefixListId": pl}],
            }
        ],
    )
    clb_sg = ec2.create_security_group(GroupName="clb", Description="clb", VpcId=vpc)["GroupId"]
    made.update(vpc=1, subnet=2, security_group=2)
    acm = c("acm", region)
    certs = [
        acm.request_certificate(DomainName=f"{n}.{account}.example.com")["CertificateArn"]
        for n in ("www", "api")
    ]
    made.update(certificate=2)
    elb = c("elbv2", region)
    dns = ""
    alb_arns = []
    for i in range(2):
        lb = elb.create_load_balancer(Name=f"alb{i}", Subnets=subnets, SecurityGroups=[alb_sg])[
            "LoadBalancers"
        ][0]
        alb_arns.append(lb["LoadBalancerArn"])
        dns = dns or lb["DNSName"]
        tg = elb.create_target_group(
            Name=f"tg{i}", Protocol="HTTP", Port=80, VpcId=vpc, TargetType="ip"
        )["TargetGroups"][0]["TargetGroupArn"]
        fwd = [{"Type": "forward", "TargetGroupArn": tg}]
        redirect = [
            {
                "Type": "redirect",
                "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"},
            }
        ]
        elb.create_listener(
            LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=redirect
        )
        https = elb.create_listener(
            LoadBalancerArn=lb["LoadBalancerArn"],
            Protocol="HTTPS",
            Port=443,
            Certificates=[{"CertificateArn": certs[0]}],
            SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06",
            DefaultActions=fwd,
        )["Listeners"][0]["ListenerArn"]
        header = {"HttpHeaderName": "X-Origin-Verify", "Values": ["bench-secret"]}
        elb.create_rule(
            ListenerArn=https,
            Priority=10,
            Conditions=[{"Field": "http-header", "HttpHeaderConfig": header}],
            Actions=fwd,
        )
        elb.create_rule(
            ListenerArn=https,
            Priority=20,
            Conditions=[{"Field": "path-pattern", "Values": ["/api/*"]}],
            Actions=fwd,
        )
        made.update(load_balancer=1, listener=2, rule=2, target_group=1)
    logs = [
        {"Key": "access_logs.s3.enabled", "Value": "true"},
        {"Key": "access_logs.s3.bucket", "Value": f"logs-{account}"},
    ]
    elb.modify_load_balancer_attributes(LoadBalancerArn=alb_arns[0], Attributes=logs)
    lam = c("lambda", region)
    fn = lam.create_function(
        FunctionName="api",
        Runtime="python3.12",
        Role=role,
        Handler="index.handler",
        Code={"ZipFile": _zip()},
    )["FunctionArn"]
    url = lam.create_function_url_config(FunctionName="api", AuthType="NONE")["FunctionUrl"]
    ltg = elb.create_target_group(Name="fn", TargetType="lambda")["TargetGroups"][0][
        "TargetGroupArn"
    ]
    elb.register_targets(TargetGroupArn=ltg, Targets=[{"Id": fn}])
    made.update(function=1, target_group=1)
    c("elb", region).create_load_balancer(
        LoadBalancerName="classic",
        Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80}],
        Subnets=subnets[:1],
        SecurityGroups=[clb_sg],
    )
    made.update(classic_load_balancer=1)
    waf = c("wafv2", region)
    vis = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "acl"}
    acl = waf.create_web_acl(
        Name="regional",
        Scope="REGIONAL",
        DefaultAction={"Allow": {}},
        VisibilityConfig=vis,
        Rules=[],
    )["Summary"]["ARN"]
    waf.associate_web_acl(WebACLArn=acl, ResourceArn=alb_arns[0])
    made.update(web_acl=1)
    _apis(c, region, made)
    return dns, url.split("//")[1].rstrip("/")


def _apis(c: Client, region: str, made: Counter[str]) -> None:
    gw = c("apigateway", region)
    api = gw.create_rest_api(name="rest", endpointConfiguration={"types": ["REGIONAL"]})["id"]
    root = gw.get_resources(restApiId=api)["items"][0]["id"]
    for part in ("items", "orders"):
        res = gw.create_resource(restApiId=api, parentId=root, pathPart=part)["id"]
        gw.put_method(restApiId=api, resourceId=res, httpMethod="GET", authorizationType="NONE")
        gw.put_integration(
            restApiId=api,
            resourceId=res,
            httpMethod="GET",
            type="HTTP_PROXY",
            integrationHttpMethod="GET",
            uri=f"https://backend.example.com/{part}",
        )
    gw.create_stage(
        restApiId=api, stageName="prod", deploymentId=gw.create_deployment(restApiId=api)["id"]
    )
    v2 = c("apigatewayv2", region)
    http = v2.create_api(Name="http", ProtocolType="HTTP")["ApiId"]
    integ = v2.create_integration(
        ApiId=http,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="ANY",
        IntegrationUri="https://backend.example.com",
        PayloadFormatVersion="1.0",
    )["IntegrationId"]
    v2.create_route(ApiId=http, RouteKey="ANY /{proxy+}", Target=f"integrations/{integ}")
    v2.create_stage(ApiId=http, StageName="$default")
    made.update(rest_api=1, api_resource=2, http_api=1)
