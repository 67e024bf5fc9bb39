"""Findings as AWS Security Finding Format documents for ``securityhub:BatchImportFindings``.

edgekit never calls Security Hub (it stays read-only); this writes the ``Findings`` list a user
imports with ``aws securityhub batch-import-findings``. Each finding is reported under the
default product of its own account (``product/<account>/default``): Security Hub accepts such a
finding only from that account, in the product ARN's region. Global resources (CloudFront, Route
53, CLOUDFRONT-scope WAF) belong to the partition's global API region, where Security Hub
evaluates them too.

Identity is stable (:func:`~edgekit.rules.findingid.finding_uid`) and ``UpdatedAt`` is the
snapshot's collection time, so importing a later scan updates the same findings. A **fail** is
``Compliance.Status`` FAILED; an **unknown** (data not collected) is NOT_AVAILABLE.

AWS-derived strings are values only, capped at the lengths Security Hub documents (Title 256,
Description 1024, recommendation text 512, product field values 2048), never keys.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from edgekit import __version__
from edgekit.rules.finding import Finding, Severity, Status
from edgekit.rules.findingid import finding_uid, parse_time

SCHEMA_VERSION = "2018-10-08"

LIMITS: Mapping[str, int] = {
    "Title": 256,
    "Description": 1024,
    "Recommendation": 512,
    "ProductFieldValue": 2048,
    "RelatedRequirements": 32,
}
"""Documented Security Hub limits (botocore's model does not carry them)."""

LABEL: Mapping[Severity, str] = {
    Severity.INFO: "INFORMATIONAL",
    Severity.LOW: "LOW",
    Severity.MEDIUM: "MEDIUM",
    Severity.HIGH: "HIGH",
    Severity.CRITICAL: "CRITICAL",
}

FINDING_TYPE = "Software and Configuration Checks/AWS Security Best Practices"

RESOURCE_TYPES: Mapping[str, str] = {
    "AWS::CloudFront::Distribution": "AwsCloudFrontDistribution",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "AwsElbv2LoadBalancer",
    "AWS::ElasticLoadBalancing::LoadBalancer": "AwsElbLoadBalancer",
    "AWS::WAFv2::WebACL": "AwsWafv2WebAcl",
    "AWS::WAF::WebACL": "AwsWafWebAcl",
    "AWS::WAFRegional::WebACL": "AwsWafRegionalWebAcl",
    "AWS::CertificateManager::Certificate": "AwsCertificateManagerCertificate",
    "AWS::ApiGateway::Stage": "AwsApiGatewayStage",
    "AWS::ApiGatewayV2::Stage": "AwsApiGatewayV2Stage",
    "AWS::S3::Bucket": "AwsS3Bucket",
    "AWS::Lambda::Function": "AwsLambdaFunction",
    "AWS::Route53::HostedZone": "AwsRoute53HostedZone",
}
"""CloudFormation resource types with an ASFF resource type; everything else is ``Other``."""


def _cap(text: str, limit: int) -> str:
    text = text if text.strip() else "(none)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def asff_finding(
    f: Finding,
    collected_at: str,
    partition: str,
    global_region: str,
    requirements: Sequence[str] = (),
) -> dict[str, Any]:
    """The ASFF document of one finding."""
    stamp = parse_time(collected_at).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    region = global_region if f.resource.region in ("global", "") else f.resource.region
    account = f.resource.account_id
    evidence = json.dumps(dict(f.evidence), sort_keys=True, separators=(",", ":"))
    if len(evidence) > LIMITS["ProductFieldValue"]:
        evidence = "(too long for Security Hub: see the edgekit findings JSON)"
    compliance: dict[str, Any] = {
        "Status": "FAILED" if f.status is Status.FAIL else "NOT_AVAILABLE",
    }
    if requirements:
        compliance["RelatedRequirements"] = list(requirements)[: LIMITS["RelatedRequirements"]]
    if f.status is Status.UNKNOWN:
        compliance["StatusReasons"] = [
            {
                "ReasonCode": "EDGEKIT_DATA_NOT_COLLECTED",
                "Description": _cap(f.message, LIMITS["Description"]),
            }
        ]
    return {
        "SchemaVersion": SCHEMA_VERSION,
        "Id": finding_uid(f),
        "ProductArn": f"arn:{partition}:securityhub:{region}:{account}:product/{account}/default",
        "ProductName": "edgekit",
        "CompanyName": "edgekit",
        "GeneratorId": f"edgekit/{f.check_id}",
        "AwsAccountId": account,
        "Region": region,
        "Types": [FINDING_TYPE],
        "CreatedAt": stamp,
        "UpdatedAt": stamp,
        "Severity": {"Label": LABEL[f.severity], "Original": f.severity.label},
        "Title": _cap(f.title, LIMITS["Title"]),
        "Description": _cap(f.message, LIMITS["Description"]),
        "Remediation": {"Recommendation": {"Text": _cap(f.remediation, LIMITS["Recommendation"])}},
        "Resources": [
            {
                "Type": RESOURCE_TYPES.get(f.resource.type, "Other"),
                "Id": f.resource.id,
                "Partition": partition,
                "Region": region,
                "Details": {"Other": {"edgekit/resource_type": _cap(f.resource.type, 1024)}},
            }
        ],
        "Compliance": compliance,
        "RecordState": "ACTIVE",
        "ProductFields": {
            "edgekit/check_id": f.check_id,
            "edgekit/status": f.status.value,
            "edgekit/version": __version__,
            "edgekit/evidence": evidence,
        },
    }


def to_asff(
    findings: Sequence[Finding],
    snapshot_meta: Mapping[str, Any],
    global_region: str,
    requirements: Mapping[str, Sequence[str]] | None = None,
) -> list[dict[str, Any]]:
    """The ``Findings`` list of ``BatchImportFindings`` (at most 100 per call: split it)."""
    collected_at = str(snapshot_meta.get("collected_at") or "")
    partition = str(snapshot_meta.get("partition") or "aws")
    reqs = requirements or {}
    return [
        asff_finding(f, collected_at, partition, global_region, reqs.get(f.check_id, ()))
        for f in findings
    ]
