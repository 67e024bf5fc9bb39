"""ACM ``InUseBy`` follows the resources using a certificate; web ACL capacity sums the rules."""

from __future__ import annotations

from typing import Any

from tests.sandbox.configs import minimal_config
from tests.sandbox.conftest import ClientFactory

VISIBILITY = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "m"}


def _certificate(client: ClientFactory, region: str, name: str) -> str:
    acm = client("acm", region)
    return str(acm.request_certificate(DomainName=name, ValidationMethod="DNS")["CertificateArn"])


def _in_use_by(client: ClientFactory, region: str, arn: str) -> list[str]:
    described = client("acm", region).describe_certificate(CertificateArn=arn)
    return list(described["Certificate"]["InUseBy"])


def test_in_use_by_lists_distributions_load_balancers_and_api_domains(
    client: ClientFactory,
) -> None:
    edge = _certificate(client, "us-east-1", "www.example.com")
    regional = _certificate(client, "eu-west-1", "api.example.com")
    unused = _certificate(client, "eu-west-1", "old.example.com")
    config = minimal_config("in-use")
    config["Aliases"] = {"Quantity": 1, "Items": ["www.example.com"]}
    config["ViewerCertificate"] = {"ACMCertificateArn": edge, "SSLSupportMethod": "sni-only"}
    distribution = client("cloudfront").create_distribution(DistributionConfig=config)
    ec2 = client("ec2", "eu-west-1")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"eu-west-1{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in ((1, "a"), (2, "b"))
    ]
    elbv2 = client("elbv2", "eu-west-1")
    balancer = elbv2.create_load_balancer(Name="api", Subnets=subnets)["LoadBalancers"][0]
    elbv2.create_listener(
        LoadBalancerArn=balancer["LoadBalancerArn"],
        Protocol="HTTPS",
        Port=443,
        Certificates=[{"CertificateArn": regional}],
        DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}],
    )
    client("apigateway", "eu-west-1").create_domain_name(
        domainName="api.example.com",
        regionalCertificateArn=regional,
        endpointConfiguration={"types": ["REGIONAL"]},
    )
    assert _in_use_by(client, "us-east-1", edge) == [distribution["Distribution"]["ARN"]]
    assert _in_use_by(client, "eu-west-1", regional) == sorted(
        [balancer["LoadBalancerArn"], "arn:aws:apigateway:eu-west-1::/domainnames/api.example.com"]
    )
    assert _in_use_by(client, "eu-west-1", unused) == []
    listed = client("acm", "eu-west-1").list_certificates()["CertificateSummaryList"]
    assert {c["CertificateArn"]: c["InUse"] for c in listed} == {regional: True, unused: False}


def _rule(name: str, priority: int, statement: dict[str, Any]) -> dict[str, Any]:
    return {
        "Name": name,
        "Priority": priority,
        "Statement": statement,
        "OverrideAction" if "ManagedRuleGroupStatement" in statement else "Action": (
            {"None": {}} if "ManagedRuleGroupStatement" in statement else {"Block": {}}
        ),
        "VisibilityConfig": {**VISIBILITY, "MetricName": name},
    }


def test_web_acl_capacity_is_the_sum_of_the_rules(client: ClientFactory) -> None:
    waf = client("wafv2", "eu-west-1")
    ip_set = waf.create_ip_set(
        Name="office", Scope="REGIONAL", IPAddressVersion="IPV4", Addresses=["192.0.2.0/24"]
    )["Summary"]["ARN"]
    rules = [
        _rule(
            "common",
            0,
            {
                "ManagedRuleGroupStatement": {
                    "VendorName": "AWS",
                    "Name": "AWSManagedRulesCommonRuleSet",
                }
            },
        ),
        _rule(
            "sqli",
            1,
            {
                "ManagedRuleGroupStatement": {
                    "VendorName": "AWS",
                    "Name": "AWSManagedRulesSQLiRuleSet",
                }
            },
        ),
        _rule(
            "rate",
            2,
            {
                "RateBasedStatement": {
                    "Limit": 1000,
                    "AggregateKeyType": "IP",
                    "ScopeDownStatement": {
                        "NotStatement": {"Statement": {"IPSetReferenceStatement": {"ARN": ip_set}}}
                    },
                }
            },
        ),
        _rule(
            "admin",
            3,
            {
                "ByteMatchStatement": {
                    "SearchString": "/admin",
                    "FieldToMatch": {"UriPath": {}},
                    "TextTransformations": [{"Priority": 0, "Type": "LOWERCASE"}],
                    "PositionalConstraint": "STARTS_WITH",
                }
            },
        ),
    ]
    summary = waf.create_web_acl(
        Name="capacity",
        Scope="REGIONAL",
        DefaultAction={"Allow": {}},
        Rules=rules,
        VisibilityConfig=VISIBILITY,
    )["Summary"]
    acl = waf.get_web_acl(Name="capacity", Scope="REGIONAL", Id=summary["Id"])["WebACL"]
    assert acl["Capacity"] == 700 + 200 + (2 + 1) + (2 + 10)
    empty = waf.create_web_acl(
        Name="empty", Scope="REGIONAL", DefaultAction={"Allow": {}}, VisibilityConfig=VISIBILITY
    )["Summary"]
    assert (
        waf.get_web_acl(Name="empty", Scope="REGIONAL", Id=empty["Id"])["WebACL"]["Capacity"] == 0
    )
