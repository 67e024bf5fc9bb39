"""Estates built through the sandbox for the IaC parity tests, beside their IaC twins.

* ``seed``: :func:`edgekit.sandbox.seed.seed` (the golden path) and its two-stack ``cdk.out``
  twin ``fixtures/parity/seed.out`` (edge stack in us-east-1, origin stack in eu-west-1,
  joined by ``Fn::ImportValue``).
* ``legacy``: :func:`seed_legacy` below (a misconfigured estate, one finding or more per check
  area) and its CloudFormation YAML twin ``fixtures/parity/legacy.yaml``.

Both are created with ordinary boto3 calls (:class:`~edgekit.sandbox.clients.SandboxClients`)
inside a bridged in-process ``moto.mock_aws()`` and collected with edgekit's collectors; the
twins are written by hand from the same description, never derived from the collected data.
Deploy-time ids (VPC, subnets, the CloudFront prefix list) are the only values passed to the
import, as ``--parameter``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from edgekit.aws.session import SessionSpec
from edgekit.collect.api import collect
from edgekit.collect.digests import DigestKey
from edgekit.sandbox.clients import SandboxClients
from edgekit.sandbox.seed import ORIGIN_VERIFY_SECRET, seed
from edgekit.snapshot import Snapshot
from tests.sandbox.sample_snapshot import in_process_sandbox

PARITY = Path(__file__).parent / "fixtures" / "parity"
SEED_TWIN = PARITY / "seed.out"
LEGACY_TWIN = PARITY / "legacy.yaml"
REGION = "us-east-1"
LEGACY_SECRET = "legacy-origin-verify-2b7e"


@dataclass(frozen=True)
class Estates:
    """The collected snapshot of both estates and the parameters of each twin."""

    live: Snapshot
    seed_parameters: dict[str, str]
    legacy_parameters: dict[str, str]


def build_and_collect() -> Estates:
    """Seed both estates into one fresh sandbox, collect it (us-east-1 and eu-west-1)."""
    with in_process_sandbox():
        info = seed()
        legacy = seed_legacy(SandboxClients(None))
        result = collect(
            SessionSpec(max_attempts=1),
            regions=["us-east-1", "eu-west-1"],
            progress=False,
            digest_key=DigestKey.from_environment(),  # the key the imports use (conftest)
        )
    assert result.failed_units == 0 and not result.snapshot.gaps
    origin = info.origin
    return Estates(
        result.snapshot,
        {
            "SiteOriginSecret": ORIGIN_VERIFY_SECRET,  # the twin's NoEcho parameter, never in it
            "VpcId": origin.vpc_id,
            "SubnetA": origin.subnet_ids[0],
            "SubnetB": origin.subnet_ids[1],
            "CloudFrontPrefixList": _prefix_list(result.snapshot),
        },
        legacy,
    )


def _prefix_list(live: Snapshot, region: str = "eu-west-1") -> str:
    """The CloudFront origin-facing prefix list of ``region`` (where the seed's ALB is)."""
    for p in live.iter_payloads("ec2"):
        if p["region"] != region:
            continue
        for item in p["data"].get("managed_prefix_lists") or []:
            if item.get("PrefixListName") == "com.amazonaws.global.cloudfront.origin-facing":
                return str(item["PrefixListId"])
    raise AssertionError("the sandbox has no CloudFront origin-facing prefix list")


def seed_legacy(clients: SandboxClients) -> dict[str, str]:
    """The misconfigured estate (see legacy.yaml); returns the twin's parameters."""
    ec2 = clients.client("ec2", REGION)
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=f"{REGION}{zone}")["Subnet"][
            "SubnetId"
        ]
        for cidr, zone in (("10.30.1.0/24", "a"), ("10.30.2.0/24", "b"))
    ]
    group = ec2.create_security_group(GroupName="legacy-web", Description="legacy web", VpcId=vpc)[
        "GroupId"
    ]
    ec2.authorize_security_group_ingress(
        GroupId=group,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": [{"CidrIp": cidr}]}
            for port in (80, 443)
            for cidr in ("0.0.0.0/0",)
        ],
    )
    acm = clients.client("acm", REGION)
    cert = acm.request_certificate(
        DomainName="legacy.example.net",
        ValidationMethod="DNS",
        Options={"CertificateTransparencyLoggingPreference": "DISABLED"},
    )["CertificateArn"]
    elbv2 = clients.client("elbv2", REGION)
    lb = elbv2.create_load_balancer(
        Name="legacy-alb", Subnets=subnets, SecurityGroups=[group], Scheme="internet-facing"
    )["LoadBalancers"][0]
    tg = elbv2.create_target_group(
        Name="legacy-web", Protocol="HTTP", Port=80, VpcId=vpc, TargetType="instance"
    )["TargetGroups"][0]["TargetGroupArn"]
    forward = [{"Type": "forward", "TargetGroupArn": tg}]
    elbv2.create_listener(
        LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=forward
    )
    elbv2.create_listener(
        LoadBalancerArn=lb["LoadBalancerArn"],
        Protocol="HTTPS",
        Port=443,
        SslPolicy="ELBSecurityPolicy-2016-08",
        Certificates=[{"CertificateArn": cert}],
        DefaultActions=forward,
    )
    _legacy_waf(clients)
    s3 = clients.client("s3", REGION)
    s3.create_bucket(Bucket="legacy-static")
    s3.put_public_access_block(
        Bucket="legacy-static",
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    s3.put_bucket_ownership_controls(
        Bucket="legacy-static",
        OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
    )
    cloudfront = clients.client("cloudfront", REGION)
    dist = cloudfront.create_distribution_with_tags(
        DistributionConfigWithTags={
            "DistributionConfig": _legacy_distribution(cert, lb["DNSName"]),
            "Tags": {"Items": [{"Key": "team", "Value": "legacy"}]},
        }
    )["Distribution"]
    _legacy_zone(clients.client("route53", REGION), dist["DomainName"])
    return {"LegacyVpcId": vpc, "LegacySubnetA": subnets[0], "LegacySubnetB": subnets[1]}


def _legacy_waf(clients: SandboxClients) -> None:
    visibility = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True}
    clients.client("wafv2", REGION).create_web_acl(
        Name="legacy-acl",
        Scope="CLOUDFRONT",
        DefaultAction={"Allow": {}},
        Rules=[
            {
                "Name": "common-count",
                "Priority": 0,
                "Statement": {
                    "ManagedRuleGroupStatement": {
                        "VendorName": "AWS",
                        "Name": "AWSManagedRulesCommonRuleSet",
                    }
                },
                "OverrideAction": {"Count": {}},
                "VisibilityConfig": {**visibility, "MetricName": "common-count"},
            }
        ],
        VisibilityConfig={**visibility, "MetricName": "legacy-acl"},
    )


def _legacy_distribution(cert: str, lb_dns: str) -> dict[str, object]:
    legacy_values = {
        "QueryString": True,
        "Cookies": {"Forward": "all"},
        "Headers": {"Quantity": 1, "Items": ["*"]},
        "QueryStringCacheKeys": {"Quantity": 0},
    }
    methods = {
        "Quantity": 2,
        "Items": ["GET", "HEAD"],
        "CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]},
    }
    return {
        "CallerReference": "legacy-example-net",
        "Aliases": {"Quantity": 1, "Items": ["legacy.example.net"]},
        "DefaultRootObject": "",
        "Origins": {
            "Quantity": 2,
            "Items": [
                {
                    "Id": "web",
                    "DomainName": lb_dns,
                    "CustomHeaders": {
                        "Quantity": 1,
                        "Items": [{"HeaderName": "X-Origin-Verify", "HeaderValue": LEGACY_SECRET}],
                    },
                    "CustomOriginConfig": {
                        "HTTPPort": 80,
                        "HTTPSPort": 443,
                        "OriginProtocolPolicy": "http-only",
                        "OriginSslProtocols": {"Quantity": 2, "Items": ["TLSv1", "TLSv1.2"]},
                        "OriginReadTimeout": 30,
                        "OriginKeepaliveTimeout": 5,
                    },
                },
                {
                    "Id": "static",
                    "DomainName": "legacy-static.s3.us-east-1.amazonaws.com",
                    "S3OriginConfig": {"OriginAccessIdentity": ""},
                },
            ],
        },
        "DefaultCacheBehavior": {
            "TargetOriginId": "web",
            "ViewerProtocolPolicy": "allow-all",
            "AllowedMethods": methods,
            "Compress": False,
            "ForwardedValues": legacy_values,
            "MinTTL": 0,
            "DefaultTTL": 86400,
            "MaxTTL": 31536000,
        },
        "CacheBehaviors": {
            "Quantity": 1,
            "Items": [
                {
                    "PathPattern": "/static/*",
                    "TargetOriginId": "static",
                    "ViewerProtocolPolicy": "redirect-to-https",
                    "AllowedMethods": methods,
                    "Compress": True,
                    "ForwardedValues": {
                        "QueryString": False,
                        "Cookies": {"Forward": "none"},
                        "Headers": {"Quantity": 0},
                        "QueryStringCacheKeys": {"Quantity": 0},
                    },
                    "MinTTL": 0,
                    "DefaultTTL": 86400,
                    "MaxTTL": 31536000,
                }
            ],
        },
        "Comment": "legacy site",
        "PriceClass": "PriceClass_All",
        "Enabled": True,
        "ViewerCertificate": {
            "ACMCertificateArn": cert,
            "SSLSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1",
        },
        "Restrictions": {"GeoRestriction": {"RestrictionType": "none", "Quantity": 0}},
        "WebACLId": "",
        "HttpVersion": "http2",
        "IsIPV6Enabled": False,
    }


def _legacy_zone(route53: object, distribution_domain: str) -> None:
    zone = route53.create_hosted_zone(  # type: ignore[attr-defined]
        Name="example.net", CallerReference="legacy-example-net"
    )["HostedZone"]["Id"]
    route53.change_resource_record_sets(  # type: ignore[attr-defined]
        HostedZoneId=zone,
        ChangeBatch={
            "Changes": [
                {
                    "Action": "UPSERT",
                    "ResourceRecordSet": {
                        "Name": "legacy.example.net",
                        "Type": "CNAME",
                        "TTL": 300,
                        "ResourceRecords": [{"Value": distribution_domain}],
                    },
                },
                {
                    "Action": "UPSERT",
                    "ResourceRecordSet": {
                        "Name": "old.example.net",
                        "Type": "A",
                        "AliasTarget": {
                            "HostedZoneId": "Z2FDTNDATAQYW2",
                            "DNSName": distribution_domain,
                            "EvaluateTargetHealth": False,
                        },
                    },
                },
            ]
        },
    )
