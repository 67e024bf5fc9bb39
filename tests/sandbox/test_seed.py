"""The seed estate: refused outside the sandbox, and complete inside it.

Every read below goes through a shape-validated client, so the estate also proves that the
sandbox answers like AWS for a realistic configuration.
"""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from moto import mock_aws

from edgekit.endpoints import is_loopback_url
from edgekit.sandbox.clients import SandboxClients
from edgekit.sandbox.errors import SandboxError
from edgekit.sandbox.seed import SeedInfo, seed
from tests.sandbox.conftest import ClientFactory


@pytest.mark.parametrize(
    "url",
    [
        "https://cloudfront.amazonaws.com",
        "http://10.1.2.3:5000",
        "http://127.0.0.1.example.com:5000",
        "ftp://127.0.0.1:21",
        "127.0.0.1:5000",
    ],
)
def test_seed_refuses_anything_but_a_loopback_endpoint(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_session(*_: Any, **__: Any) -> None:
        raise AssertionError("a boto3 session was created")

    monkeypatch.setattr(boto3.session, "Session", no_session)
    with pytest.raises(SandboxError, match="only a loopback sandbox endpoint"):
        seed(url)


def test_seed_without_endpoint_requires_an_active_mock() -> None:
    with pytest.raises(SandboxError, match="no moto mock_aws"):
        seed()


def test_loopback_urls() -> None:
    assert is_loopback_url("http://127.0.0.1:5000") and is_loopback_url("http://localhost:1")
    assert not is_loopback_url("http://localhost.evil.test:1")


def test_clients_refuse_requests_once_the_mock_is_gone() -> None:
    with mock_aws():
        s3 = SandboxClients(None).client("s3", "us-east-1")
        s3.list_buckets()
    with pytest.raises(SandboxError, match="outside the sandbox"):
        s3.list_buckets()


@pytest.fixture
def estate(sandbox_aws: None) -> SeedInfo:
    """The seed estate in the bridged in-process mock."""
    return seed()


def test_edge_of_the_seed_estate(estate: SeedInfo, client: ClientFactory) -> None:
    cf = client("cloudfront")
    distribution = cf.get_distribution(Id=estate.distribution_id)["Distribution"]
    config = distribution["DistributionConfig"]
    assert config["Aliases"]["Items"] == [estate.alias]
    assert config["ViewerCertificate"]["Certificate"] == estate.certificate_arn
    assert config["ViewerCertificate"]["CertificateSource"] == "acm"
    assert config["WebACLId"] == estate.web_acl_arn
    site, api = config["Origins"]["Items"]
    assert site["OriginAccessControlId"] == estate.origin_access_control_id
    assert site["S3OriginConfig"]["OriginAccessIdentity"] == ""
    assert api["CustomOriginConfig"]["OriginProtocolPolicy"] == "https-only"
    assert api["CustomHeaders"]["Items"] == [
        {"HeaderName": estate.origin_verify_header, "HeaderValue": estate.origin_verify_secret}
    ]
    default = config["DefaultCacheBehavior"]
    assert default["TargetOriginId"] == site["Id"]
    assert default["CachePolicyId"] == "658327ea-f89d-4fab-a63d-7e88639e58f6"
    assert default["ResponseHeadersPolicyId"] == "67f7725c-6f97-4210-82d7-5512b31e9d03"
    assert default["FunctionAssociations"]["Items"][0]["FunctionARN"] == estate.function_arn
    ordered = config["CacheBehaviors"]["Items"]
    assert [(b["PathPattern"], b["TargetOriginId"]) for b in ordered] == [("/api/*", api["Id"])]
    live = cf.list_functions(Stage="LIVE")["FunctionList"]["Items"]
    assert [f["FunctionMetadata"]["FunctionARN"] for f in live] == [estate.function_arn]

    acl = client("wafv2").get_web_acl(
        Name="www-edge", Scope="CLOUDFRONT", Id=estate.web_acl_arn.split("/")[-1]
    )["WebACL"]
    assert acl["ARN"] == estate.web_acl_arn
    statements = [rule["Statement"] for rule in acl["Rules"]]
    assert statements[0]["ManagedRuleGroupStatement"]["Name"] == "AWSManagedRulesCommonRuleSet"
    assert statements[1]["RateBasedStatement"] == {"Limit": 2000, "AggregateKeyType": "IP"}

    policy = json.loads(client("s3").get_bucket_policy(Bucket=estate.bucket_name)["Policy"])
    condition = policy["Statement"][0]["Condition"]["StringEquals"]
    assert condition["AWS:SourceArn"] == estate.distribution_arn
    certificate = client("acm").describe_certificate(CertificateArn=estate.certificate_arn)
    assert certificate["Certificate"]["Status"] == "ISSUED"

    records = client("route53").list_resource_record_sets(HostedZoneId=estate.hosted_zone_id)
    aliases = {
        (r["Name"], r["Type"]): r["AliasTarget"]
        for r in records["ResourceRecordSets"]
        if "AliasTarget" in r
    }
    for record_type in ("A", "AAAA"):
        target = aliases[(f"{estate.alias}.", record_type)]
        assert target["HostedZoneId"] == "Z2FDTNDATAQYW2"
        assert target["DNSName"].rstrip(".") == estate.distribution_domain_name
    assert aliases[("origin.example.com.", "A")]["DNSName"].rstrip(".") == estate.origin.dns_name


def test_origin_of_the_seed_estate(estate: SeedInfo, client: ClientFactory) -> None:
    origin = estate.origin
    elbv2 = client("elbv2", origin.region)
    balancer = elbv2.describe_load_balancers(LoadBalancerArns=[origin.load_balancer_arn])
    alb = balancer["LoadBalancers"][0]
    assert (alb["Scheme"], alb["Type"]) == ("internet-facing", "application")
    assert len({zone["ZoneName"] for zone in alb["AvailabilityZones"]}) == 2
    listeners = {
        listener["Port"]: listener
        for listener in elbv2.describe_listeners(LoadBalancerArn=origin.load_balancer_arn)[
            "Listeners"
        ]
    }
    redirect = listeners[80]["DefaultActions"][0]
    assert redirect["Type"] == "redirect" and redirect["RedirectConfig"]["Protocol"] == "HTTPS"
    assert listeners[443]["Protocol"] == "HTTPS"
    assert listeners[443]["Certificates"][0]["CertificateArn"] == origin.certificate_arn
    rules = elbv2.describe_rules(ListenerArn=origin.https_listener_arn)["Rules"]
    default = next(r for r in rules if r["IsDefault"])
    assert default["Actions"][0]["FixedResponseConfig"]["StatusCode"] == "403"
    guarded = next(r for r in rules if r["RuleArn"] == origin.origin_verify_rule_arn)
    assert guarded["Conditions"] == [
        {
            "Field": "http-header",
            "HttpHeaderConfig": {
                "HttpHeaderName": estate.origin_verify_header,
                "Values": [estate.origin_verify_secret],
            },
        }
    ]
    assert guarded["Actions"] == [{"Type": "forward", "TargetGroupArn": origin.target_group_arn}]
    health = elbv2.describe_target_health(TargetGroupArn=origin.target_group_arn)
    assert len(health["TargetHealthDescriptions"]) == 2

    ec2 = client("ec2", origin.region)
    group = ec2.describe_security_groups(GroupIds=[origin.security_group_id])["SecurityGroups"][0]
    https = next(p for p in group["IpPermissions"] if p["FromPort"] == 443)
    assert https["PrefixListIds"] and not https.get("IpRanges")
    subnets = ec2.describe_subnets(SubnetIds=list(origin.subnet_ids))["Subnets"]
    assert {s["VpcId"] for s in subnets} == {origin.vpc_id}
