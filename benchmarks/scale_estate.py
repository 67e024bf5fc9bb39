"""A generated multi-account estate on a moto server, for the collection-scale benchmark.

Every account gets, per region: a VPC, two security groups, two ALBs (HTTP redirect + HTTPS
listener with two rules, one target group each), a Lambda function with a URL behind a
``lambda`` target group, a Classic ELB, two ACM certificates, a regional WAFv2 web ACL
associated with an ALB, a REST API (two resources, a stage) and an HTTP API (integration, route,
stage); and once: a Route 53 zone with records pointing at the edge, S3 buckets (an origin and a
log bucket), and — when CloudFront is served — two distributions (ALB + S3 + Lambda URL
origins, standard logging; an S3 website origin) plus a CLOUDFRONT-scope web ACL.

Resources are created with plain boto3 (this is test setup: edgekit itself only reads). Each
account is reached with credentials from ``sts:AssumeRole`` into it, which moto maps to that
account. :func:`build` returns how many resources of each kind it created.
"""

from __future__ import annotations

import json
from collections import Counter

import boto3

from benchmarks import scale_region

ROLE = "EdgekitReadOnly"
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"

Client = scale_region.Client


def account_clients(endpoint: str, account: str) -> Client:
    """A factory of clients acting in ``account`` (AssumeRole through the moto server)."""
    sts = boto3.client(
        "sts",
        region_name="us-east-1",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{ROLE}", RoleSessionName="seed")[
        "Credentials"
    ]
    session = boto3.session.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )
    return lambda service, region: session.client(
        service, region_name=region, endpoint_url=endpoint
    )


def build(
    endpoint: str, accounts: list[str], regions: list[str], *, cloudfront: bool
) -> Counter[str]:
    """Create the estate; returns resource counts by kind."""
    made: Counter[str] = Counter()
    for account in accounts:
        c = account_clients(endpoint, account)
        role = _role(c)
        albs: dict[str, str] = {}
        urls: dict[str, str] = {}
        for region in regions:
            albs[region], urls[region] = scale_region.build(c, region, account, role, made)
        _global(c, account, regions, albs, urls, made, cloudfront=cloudfront)
    return made


def _role(c: Client) -> str:
    doc = json.dumps({"Version": "2012-10-17", "Statement": []})
    return str(
        c("iam", "us-east-1").create_role(RoleName="fn", AssumeRolePolicyDocument=doc)["Role"][
            "Arn"
        ]
    )


def _global(
    c: Client,
    account: str,
    regions: list[str],
    albs: dict[str, str],
    urls: dict[str, str],
    made: Counter[str],
    *,
    cloudfront: bool,
) -> None:
    s3 = c("s3", "us-east-1")
    site, logs = f"site-{account}", f"logs-{account}"
    for bucket in (site, logs):
        s3.create_bucket(Bucket=bucket)
    made.update(bucket=2)
    r53 = c("route53", "us-east-1")
    zone = r53.create_hosted_zone(Name=f"{account}.example.com", CallerReference=account)[
        "HostedZone"
    ]["Id"]
    changes = [
        {
            "Action": "CREATE",
            "ResourceRecordSet": {
                "Name": f"{r}.{account}.example.com",
                "Type": "CNAME",
                "TTL": 300,
                "ResourceRecords": [{"Value": albs[r]}],
            },
        }
        for r in regions
    ]
    r53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": changes})
    made.update(hosted_zone=1, record=len(changes))
    if not cloudfront:
        return
    cf = c("cloudfront", "us-east-1")
    first = regions[0]
    origins = [
        {
            "Id": "alb",
            "DomainName": albs[first],
            "CustomOriginConfig": {
                "HTTPPort": 80,
                "HTTPSPort": 443,
                "OriginProtocolPolicy": "https-only",
            },
            "CustomHeaders": {
                "Quantity": 1,
                "Items": [{"HeaderName": "X-Origin-Verify", "HeaderValue": "bench-secret"}],
            },
        },
        {
            "Id": "s3",
            "DomainName": f"{site}.s3.amazonaws.com",
            "S3OriginConfig": {"OriginAccessIdentity": ""},
        },
        {
            "Id": "fn",
            "DomainName": urls[first],
            "CustomOriginConfig": {
                "HTTPPort": 80,
                "HTTPSPort": 443,
                "OriginProtocolPolicy": "https-only",
            },
        },
        {
            "Id": "gone",
            "DomainName": f"gone-{account}.s3.amazonaws.com",
            "S3OriginConfig": {"OriginAccessIdentity": ""},
        },
    ]
    for i, items in enumerate(
        (
            origins,
            [
                {
                    "Id": "web",
                    "DomainName": f"{site}.s3-website-us-east-1.amazonaws.com",
                    "CustomOriginConfig": {
                        "HTTPPort": 80,
                        "HTTPSPort": 443,
                        "OriginProtocolPolicy": "http-only",
                    },
                }
            ],
        )
    ):
        cf.create_distribution(
            DistributionConfig={
                "CallerReference": f"{account}-{i}",
                "Comment": "",
                "Enabled": True,
                "Origins": {"Quantity": len(items), "Items": items},
                "DefaultCacheBehavior": {
                    "TargetOriginId": items[0]["Id"],
                    "ViewerProtocolPolicy": "redirect-to-https",
                    "CachePolicyId": CACHING_OPTIMIZED,
                },
                "Logging": {
                    "Enabled": True,
                    "IncludeCookies": False,
                    "Bucket": f"{logs}.s3.amazonaws.com",
                    "Prefix": "cf/",
                },
            }
        )
    vis = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "edge"}
    c("wafv2", "us-east-1").create_web_acl(
        Name="edge", Scope="CLOUDFRONT", DefaultAction={"Allow": {}}, VisibilityConfig=vis, Rules=[]
    )
    made.update(distribution=2, web_acl=1)
