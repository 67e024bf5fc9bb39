"""Synthetic but stable identities (ids, ARNs, DNS names) of IaC resources.

Derived from (account, region, stack, logical id) or a Terraform address through
:func:`~edgekit.iac.estate.token`, in AWS's own formats, so references between resources of the
set resolve exactly as they would once deployed. Names a template sets are used as AWS would;
generated names follow CloudFormation's ``<stack>-<logicalid>-<suffix>`` pattern. An overlay on
a live snapshot replaces these tokens with the live counterparts' ids (:mod:`.overlay`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from edgekit.iac.estate import token
from edgekit.iac.intrinsics import Unknown

CLOUDFRONT_ZONE = "Z2FDTNDATAQYW2"
# Alias hosted zone ids of Application / Network Load Balancers, per region (AWS's table).
ALB_ZONES = {
    "us-east-1": "Z35SXDOTRQ7X7K",
    "us-east-2": "Z3AADJGX6KTTL2",
    "us-west-1": "Z368ELLRRE2KJ0",
    "us-west-2": "Z1H1FL5HABSF5",
    "eu-west-1": "Z32O12XQLNTSW2",
    "eu-west-2": "ZHURV8PSTC4K8",
    "eu-central-1": "Z215JYRZR1TBD5",
    "ap-southeast-1": "Z1LMS91P8CMLE5",
    "ap-northeast-1": "Z14GRHDCWA56QT",
}
# Hosted zone ids of API Gateway's regional endpoints, per region (AWS's table).
API_ZONES = {
    "us-east-1": "Z1UJRXOUMOOFQ8",
    "us-east-2": "ZOJJZC49E0EPZ",
    "us-west-2": "Z2OJLYMUO9EFXC",
    "eu-west-1": "ZLY8HYME6SFDD",
    "eu-central-1": "Z1U9ULNL0V5AJ3",
}
NLB_ZONES = {
    "us-east-1": "Z26RNL4JYFTOTI",
    "us-east-2": "ZLMOA37VPKANP",
    "us-west-2": "Z18D5FSROUN65G",
    "eu-west-1": "Z2IFOLAFXWLO4F",
    "eu-central-1": "Z3F0SRJ5LGBH90",
}


@dataclass(frozen=True)
class Place:
    """Where a resource is deployed and what names it."""

    account: str
    region: str
    partition: str
    stack: str
    logical_id: str

    def tok(self, length: int = 13) -> str:
        """This resource's token."""
        return token(self.account, self.region, self.stack, self.logical_id, length=length)

    def generated_name(self, limit: int = 32) -> str:
        """CloudFormation's generated physical name: ``<stack>-<logicalid>-<suffix>``."""
        suffix = self.tok(12).upper()
        base = f"{self.stack}-{self.logical_id}"[: max(1, limit - 13)]
        return f"{base}-{suffix}"


Prop = Callable[[str], Any]
Ident = Callable[[Place, Prop], dict[str, Any]]


def _name(value: Any, fallback: str) -> str:
    return value if isinstance(value, str) and value else fallback


def _uuid(p: Place) -> str:
    t = p.tok(32)
    return f"{t[:8]}-{t[8:12]}-{t[12:16]}-{t[16:20]}-{t[20:32]}"


def _distribution(p: Place, prop: Prop) -> dict[str, Any]:
    dist_id = "E" + p.tok(13).upper()
    arn = f"arn:{p.partition}:cloudfront::{p.account}:distribution/{dist_id}"
    domain = f"d{p.tok(13)}.cloudfront.net"
    return {"Ref": dist_id, "Id": dist_id, "DomainName": domain, "Arn": arn}


def _cf_resource(kind: str) -> Ident:
    def ident(p: Place, prop: Prop) -> dict[str, Any]:
        rid = _uuid(p) if kind != "function" else _name(prop("Name"), p.generated_name(64))
        out: dict[str, Any] = {"Ref": rid, "Id": rid}
        if kind == "function":
            arn = f"arn:{p.partition}:cloudfront::{p.account}:function/{rid}"
            out.update(FunctionARN=arn, FunctionMetadata={"FunctionARN": arn})
        return out

    return ident


def _wafv2(kind: str) -> Ident:
    def ident(p: Place, prop: Prop) -> dict[str, Any]:
        name = _name(prop("Name"), f"{p.logical_id}-{p.tok(12)}")
        scope = prop("Scope")
        rid = _uuid(p)
        if isinstance(scope, Unknown):
            arn: Any = scope
        else:
            region = "us-east-1" if scope == "CLOUDFRONT" else p.region
            where = "global" if scope == "CLOUDFRONT" else "regional"
            arn = f"arn:{p.partition}:wafv2:{region}:{p.account}:{where}/{kind}/{name}/{rid}"
        return {"Ref": f"{name}|{rid}|{scope}", "Id": rid, "Arn": arn, "Name": name}

    return ident


def _elb_arn(p: Place, resource: str) -> str:
    return f"arn:{p.partition}:elasticloadbalancing:{p.region}:{p.account}:{resource}"


def _load_balancer(p: Place, prop: Prop) -> dict[str, Any]:
    lb_type = prop("Type")
    lb_type = "application" if lb_type is None else lb_type
    kind = {"application": "app", "network": "net", "gateway": "gwy"}.get(str(lb_type), "app")
    name = _name(prop("Name"), p.generated_name(32))
    arn = _elb_arn(p, f"loadbalancer/{kind}/{name}/{p.tok(16)}")
    internal = prop("Scheme") == "internal"
    dns = (
        f"{'internal-' if internal else ''}{name}-{int(p.tok(8), 16)}.{p.region}.elb.amazonaws.com"
    )
    zones = NLB_ZONES if kind == "net" else ALB_ZONES
    zone = zones.get(p.region, Unknown(f"alias zone of {kind} load balancers in {p.region}"))
    return {
        "Ref": arn,
        "LoadBalancerArn": arn,
        "DNSName": dns,
        "CanonicalHostedZoneID": zone,
        "LoadBalancerName": name,
        "LoadBalancerFullName": f"{kind}/{name}/{p.tok(16)}",
    }


def _elbv2_child(kind: str) -> Ident:
    def ident(p: Place, prop: Prop) -> dict[str, Any]:
        if kind == "targetgroup":
            name = _name(prop("Name"), p.generated_name(32))
            arn = _elb_arn(p, f"targetgroup/{name}/{p.tok(16)}")
            return {"Ref": arn, "TargetGroupArn": arn, "TargetGroupName": name}
        arn = _elb_arn(p, f"{kind}/app/{p.logical_id}/{p.tok(16)}/{p.tok(16)}")
        return {"Ref": arn, "ListenerArn": arn, "RuleArn": arn}

    return ident


def _classic_lb(p: Place, prop: Prop) -> dict[str, Any]:
    name = _name(prop("LoadBalancerName"), p.generated_name(32))
    internal = prop("Scheme") == "internal"
    dns = (
        f"{'internal-' if internal else ''}{name}-{int(p.tok(8), 16)}.{p.region}.elb.amazonaws.com"
    )
    zone = ALB_ZONES.get(p.region, Unknown(f"alias zone of Classic Load Balancers in {p.region}"))
    return {
        "Ref": name,
        "DNSName": dns,
        "CanonicalHostedZoneName": dns,
        "CanonicalHostedZoneNameID": zone,
        "SourceSecurityGroup.GroupName": "default_elb_" + p.tok(8),
        "SourceSecurityGroup.OwnerAlias": p.account,
    }


def _hosted_zone(p: Place, prop: Prop) -> dict[str, Any]:
    zone_id = "Z" + p.tok(20).upper()
    return {"Ref": zone_id, "Id": zone_id, "NameServers": Unknown("name servers")}


def _certificate(p: Place, prop: Prop) -> dict[str, Any]:
    arn = f"arn:{p.partition}:acm:{p.region}:{p.account}:certificate/{_uuid(p)}"
    return {"Ref": arn}


def _bucket(p: Place, prop: Prop) -> dict[str, Any]:
    name = _name(prop("BucketName"), p.generated_name(63).lower())
    region = p.region
    return {
        "Ref": name,
        "Arn": f"arn:{p.partition}:s3:::{name}",
        "DomainName": f"{name}.s3.amazonaws.com",
        "RegionalDomainName": f"{name}.s3.{region}.amazonaws.com",
        "DualStackDomainName": f"{name}.s3.dualstack.{region}.amazonaws.com",
        "WebsiteURL": f"http://{name}.s3-website-{region}.amazonaws.com",
    }


def _security_group(p: Place, prop: Prop) -> dict[str, Any]:
    gid = "sg-" + p.tok(17)
    return {"Ref": gid, "GroupId": gid, "VpcId": prop("VpcId")}


def _api_id(p: Place) -> str:
    """An API Gateway id: ten lower-case letters and digits."""
    return p.tok(10)


def _rest_api(p: Place, prop: Prop) -> dict[str, Any]:
    api_id = _api_id(p)
    return {"Ref": api_id, "RestApiId": api_id, "RootResourceId": token(api_id, "/", length=10)}


def _named(prop_name: str) -> Ident:
    """Resources whose Ref is a property they are given (a stage name, a domain name)."""

    def ident(p: Place, prop: Prop) -> dict[str, Any]:
        value = prop(prop_name)
        return {"Ref": value if isinstance(value, str | Unknown) else Unknown(prop_name)}

    return ident


def _api_domain(version: int) -> Ident:
    def ident(p: Place, prop: Prop) -> dict[str, Any]:
        name = prop("DomainName")
        regional = f"d-{p.tok(10)}.execute-api.{p.region}.amazonaws.com"
        zone = API_ZONES.get(p.region, Unknown(f"API Gateway's regional zone in {p.region}"))
        out: dict[str, Any] = {
            "Ref": name if isinstance(name, str | Unknown) else Unknown("DomainName"),
            "RegionalDomainName": regional,
            "RegionalHostedZoneId": zone,
        }
        if version == 1:
            out["DistributionDomainName"] = f"d{p.tok(13)}.cloudfront.net"
            out["DistributionHostedZoneId"] = CLOUDFRONT_ZONE
        return out

    return ident


def _http_api(p: Place, prop: Prop) -> dict[str, Any]:
    api_id = _api_id(p)
    scheme = "wss" if prop("ProtocolType") == "WEBSOCKET" else "https"
    endpoint = f"{scheme}://{api_id}.execute-api.{p.region}.amazonaws.com"
    return {"Ref": api_id, "ApiId": api_id, "ApiEndpoint": endpoint}


def _function(p: Place, prop: Prop) -> dict[str, Any]:
    name = _name(prop("FunctionName"), p.generated_name(64))
    arn = f"arn:{p.partition}:lambda:{p.region}:{p.account}:function:{name}"
    return {"Ref": name, "Arn": arn}


def _function_url(p: Place, prop: Prop) -> dict[str, Any]:
    url_id = p.tok(32)
    return {"Ref": url_id, "FunctionUrl": f"https://{url_id}.lambda-url.{p.region}.on.aws/"}


def _log_group(p: Place, prop: Prop) -> dict[str, Any]:
    name = _name(prop("LogGroupName"), p.generated_name(64))
    return {"Ref": name, "Arn": f"arn:{p.partition}:logs:{p.region}:{p.account}:log-group:{name}:*"}


def _accelerator(p: Place, prop: Prop) -> dict[str, Any]:
    arn = f"arn:{p.partition}:globalaccelerator::{p.account}:accelerator/{_uuid(p)}"
    return {
        "Ref": arn,
        "AcceleratorArn": arn,
        "DnsName": f"a{p.tok(16)}.awsglobalaccelerator.com",
        "DualStackDnsName": f"a{p.tok(16)}.dualstack.awsglobalaccelerator.com",
        "Ipv4Addresses": Unknown("the accelerator's static IP addresses"),
    }


def _ga_child(parent: str, kind: str, key: str) -> Ident:
    def ident(p: Place, prop: Prop) -> dict[str, Any]:
        base = prop(parent)
        if not isinstance(base, str):
            base = f"arn:{p.partition}:globalaccelerator::{p.account}:accelerator/{_uuid(p)}"
        arn = f"{base}/{kind}/{p.tok(8 if kind == 'listener' else 12)}"
        return {"Ref": arn, key: arn}

    return ident


def _simple(prefix: str) -> Ident:
    def ident(p: Place, prop: Prop) -> dict[str, Any]:
        rid = f"{prefix}{p.tok(10)}"
        return {"Ref": rid, "Id": rid}

    return ident


IDENTITIES: dict[str, Ident] = {
    "AWS::CloudFront::Distribution": _distribution,
    "AWS::CloudFront::CachePolicy": _cf_resource("cache"),
    "AWS::CloudFront::OriginRequestPolicy": _cf_resource("origin-request"),
    "AWS::CloudFront::ResponseHeadersPolicy": _cf_resource("response-headers"),
    "AWS::CloudFront::OriginAccessControl": _cf_resource("oac"),
    "AWS::CloudFront::Function": _cf_resource("function"),
    "AWS::WAFv2::WebACL": _wafv2("webacl"),
    "AWS::WAFv2::IPSet": _wafv2("ipset"),
    "AWS::WAFv2::RuleGroup": _wafv2("rulegroup"),
    "AWS::WAFv2::RegexPatternSet": _wafv2("regexpatternset"),
    "AWS::ElasticLoadBalancingV2::LoadBalancer": _load_balancer,
    "AWS::ElasticLoadBalancingV2::TargetGroup": _elbv2_child("targetgroup"),
    "AWS::ElasticLoadBalancingV2::Listener": _elbv2_child("listener"),
    "AWS::ElasticLoadBalancingV2::ListenerRule": _elbv2_child("listener-rule"),
    "AWS::ElasticLoadBalancing::LoadBalancer": _classic_lb,
    "AWS::Route53::HostedZone": _hosted_zone,
    "AWS::CertificateManager::Certificate": _certificate,
    "AWS::S3::Bucket": _bucket,
    "AWS::EC2::SecurityGroup": _security_group,
    "AWS::ApiGateway::RestApi": _rest_api,
    "AWS::ApiGateway::Resource": _simple(""),
    "AWS::ApiGateway::Stage": _named("StageName"),
    "AWS::ApiGateway::Deployment": _simple(""),
    "AWS::ApiGateway::UsagePlan": _simple(""),
    "AWS::ApiGateway::VpcLink": _simple(""),
    "AWS::ApiGatewayV2::Integration": _simple(""),
    "AWS::ApiGatewayV2::Route": _simple(""),
    "AWS::ApiGatewayV2::ApiMapping": _simple(""),
    "AWS::ApiGatewayV2::VpcLink": _simple(""),
    "AWS::ApiGateway::DomainName": _api_domain(1),
    "AWS::ApiGatewayV2::Api": _http_api,
    "AWS::ApiGatewayV2::Stage": _named("StageName"),
    "AWS::ApiGatewayV2::DomainName": _api_domain(2),
    "AWS::Lambda::Function": _function,
    "AWS::Lambda::Url": _function_url,
    "AWS::Logs::LogGroup": _log_group,
    "AWS::GlobalAccelerator::Accelerator": _accelerator,
    "AWS::GlobalAccelerator::Listener": _ga_child("AcceleratorArn", "listener", "ListenerArn"),
    "AWS::GlobalAccelerator::EndpointGroup": _ga_child(
        "ListenerArn", "endpoint-group", "EndpointGroupArn"
    ),
}


def identity(rtype: str, place: Place, prop: Prop) -> dict[str, Any]:
    """``Ref`` and attributes of a resource; types without a table entry get an opaque id."""
    ident = IDENTITIES.get(rtype, _simple(place.logical_id.lower()[:8] + "-"))
    return ident(place, prop)
