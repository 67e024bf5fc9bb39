"""The seed estate: one public entrypoint, built with ordinary boto3 calls against the sandbox.

``www.example.com`` (Route 53 alias) -> CloudFront distribution (ACM certificate, WAFv2 web ACL
with AWSManagedRulesCommonRuleSet and a rate-based rule, CloudFront Function on viewer
requests) with two paths:

* default behavior -> S3 bucket through an origin access control (CachingOptimized,
  SecurityHeadersPolicy);
* ``/api/*`` -> ``origin.example.com`` (alias of an internet-facing ALB in eu-west-1) over
  HTTPS only, sending ``X-Origin-Verify: <secret>``; the ALB's HTTPS listener forwards to the
  target group only when that header carries the secret and answers 403 otherwise; its HTTP
  listener redirects to HTTPS.

All resources live in the moto default account 123456789012. :func:`seed` refuses to run
unless it targets a loopback sandbox endpoint or an active ``moto.mock_aws()``.
Larger estates (e.g. a multi-account sample estate) belong in their own modules beside this one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from edgekit.sandbox.clients import SandboxClients
from edgekit.sandbox.seed_edge import create_distribution, create_web_acl, publish_function
from edgekit.sandbox.seed_origin import AlbOrigin, create_alb_origin

ACCOUNT_ID = "123456789012"
EDGE_REGION = "us-east-1"
ALB_REGION = "eu-west-1"
ZONE = "example.com"
ALIAS = "www.example.com"
ORIGIN_HOST = "origin.example.com"
ORIGIN_VERIFY_HEADER = "X-Origin-Verify"
ORIGIN_VERIFY_SECRET = "sandbox-origin-verify-7f3a9c"
BUCKET = "www-example-com-site"
CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2"
"""The hosted zone id of every CloudFront alias target."""


@dataclass(frozen=True)
class SeedInfo:
    """What :func:`seed` created (ids and ARNs), for tests and demos."""

    account_id: str
    alias: str
    certificate_arn: str
    bucket_name: str
    origin_access_control_id: str
    function_arn: str
    web_acl_arn: str
    distribution_id: str
    distribution_arn: str
    distribution_domain_name: str
    hosted_zone_id: str
    origin: AlbOrigin
    origin_verify_header: str
    origin_verify_secret: str


def seed(endpoint_url: str | None = None) -> SeedInfo:
    """Create the seed estate in the sandbox and describe it.

    ``endpoint_url`` is a loopback sandbox URL (``http://127.0.0.1:PORT``); ``None`` means the
    in-process ``moto.mock_aws()`` that must be active. Anything else raises
    :class:`~edgekit.sandbox.errors.SandboxError` before any request is made.
    """
    clients = SandboxClients(endpoint_url)
    acm = clients.client("acm", EDGE_REGION)
    certificate_arn = acm.request_certificate(
        DomainName=ALIAS,
        ValidationMethod="DNS",
        SubjectAlternativeNames=[ALIAS],
        IdempotencyToken="edgekitseedwww",
    )["CertificateArn"]

    s3 = clients.client("s3", EDGE_REGION)
    s3.create_bucket(Bucket=BUCKET)
    s3.put_public_access_block(
        Bucket=BUCKET,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    # what AWS gives every bucket created since April 2023 (moto leaves ACLs enabled)
    s3.put_bucket_ownership_controls(
        Bucket=BUCKET,
        OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
    )
    cloudfront = clients.client("cloudfront", EDGE_REGION)
    oac_id = cloudfront.create_origin_access_control(
        OriginAccessControlConfig={
            "Name": f"{BUCKET}-oac",
            "Description": "CloudFront access to the site bucket",
            "SigningProtocol": "sigv4",
            "SigningBehavior": "always",
            "OriginAccessControlOriginType": "s3",
        }
    )["OriginAccessControl"]["Id"]

    origin = create_alb_origin(
        clients,
        ALB_REGION,
        host=ORIGIN_HOST,
        header=ORIGIN_VERIFY_HEADER,
        secret=ORIGIN_VERIFY_SECRET,
    )
    function_arn = publish_function(cloudfront, "www-index-rewrite")
    web_acl_arn = create_web_acl(clients.client("wafv2", EDGE_REGION), "www-edge")
    distribution = create_distribution(
        cloudfront,
        alias=ALIAS,
        certificate_arn=certificate_arn,
        bucket_domain=f"{BUCKET}.s3.{EDGE_REGION}.amazonaws.com",
        oac_id=oac_id,
        origin_host=ORIGIN_HOST,
        origin_header=(ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_SECRET),
        function_arn=function_arn,
        web_acl_arn=web_acl_arn,
    )
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(_bucket_policy(distribution["ARN"])))

    certificates = [
        clients.client("acm", region).describe_certificate(CertificateArn=arn)["Certificate"]
        for region, arn in ((EDGE_REGION, certificate_arn), (ALB_REGION, origin.certificate_arn))
    ]
    zone_id = _create_zone(
        clients.client("route53", EDGE_REGION),
        certificates,
        distribution_domain=distribution["DomainName"],
        origin=origin,
    )
    return SeedInfo(
        account_id=ACCOUNT_ID,
        alias=ALIAS,
        certificate_arn=certificate_arn,
        bucket_name=BUCKET,
        origin_access_control_id=oac_id,
        function_arn=function_arn,
        web_acl_arn=web_acl_arn,
        distribution_id=distribution["Id"],
        distribution_arn=distribution["ARN"],
        distribution_domain_name=distribution["DomainName"],
        hosted_zone_id=zone_id,
        origin=origin,
        origin_verify_header=ORIGIN_VERIFY_HEADER,
        origin_verify_secret=ORIGIN_VERIFY_SECRET,
    )


def _bucket_policy(distribution_arn: str) -> dict[str, Any]:
    """The OAC bucket policy: only this distribution may read objects."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "AllowCloudFrontServicePrincipalReadOnly",
                "Effect": "Allow",
                "Principal": {"Service": "cloudfront.amazonaws.com"},
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{BUCKET}/*",
                "Condition": {"StringEquals": {"AWS:SourceArn": distribution_arn}},
            }
        ],
    }


def _create_zone(
    route53: Any,
    certificates: list[dict[str, Any]],
    *,
    distribution_domain: str,
    origin: AlbOrigin,
) -> str:
    """Public zone with the www alias (A + AAAA), the origin alias and ACM validation records."""
    zone_id = str(
        route53.create_hosted_zone(Name=ZONE, CallerReference="edgekit-seed-example-com")[
            "HostedZone"
        ]["Id"]
    ).split("/")[-1]
    changes: list[dict[str, Any]] = []
    for record_type in ("A", "AAAA"):
        changes.append(_alias(ALIAS, record_type, distribution_domain, CLOUDFRONT_ZONE_ID, False))
    changes.append(_alias(ORIGIN_HOST, "A", origin.dns_name, origin.canonical_zone_id, True))
    options = [o for c in certificates for o in c.get("DomainValidationOptions") or []]
    seen: set[str] = set()
    for option in options:
        record = option.get("ResourceRecord")
        if record and record["Name"] not in seen:
            seen.add(record["Name"])
            changes.append(
                {
                    "Action": "UPSERT",
                    "ResourceRecordSet": {
                        "Name": record["Name"],
                        "Type": record["Type"],
                        "TTL": 300,
                        "ResourceRecords": [{"Value": record["Value"]}],
                    },
                }
            )
    route53.change_resource_record_sets(
        HostedZoneId=zone_id, ChangeBatch={"Comment": "edgekit seed", "Changes": changes}
    )
    return zone_id


def _alias(name: str, record_type: str, target: str, zone: str, health: bool) -> dict[str, Any]:
    return {
        "Action": "UPSERT",
        "ResourceRecordSet": {
            "Name": name,
            "Type": record_type,
            "AliasTarget": {
                "HostedZoneId": zone,
                "DNSName": target,
                "EvaluateTargetHealth": health,
            },
        },
    }
