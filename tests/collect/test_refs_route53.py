"""Buckets behind Route 53 S3-website records are checked for existence (dangling records)."""

from __future__ import annotations

import boto3

from edgekit.aws.session import SessionSpec
from edgekit.collect import refs
from edgekit.collect.api import collect


def _zone(*rrsets: dict[str, object]) -> dict[str, object]:
    return {
        "hosted_zones": [
            {"HostedZone": {"Id": "/hostedzone/Z1"}, "ResourceRecordSets": list(rrsets)}
        ]
    }


def test_website_record_buckets() -> None:
    data = _zone(
        {
            "Name": "www.example.com.",
            "Type": "A",
            "AliasTarget": {
                "DNSName": "s3-website-eu-west-1.amazonaws.com.",
                "HostedZoneId": "Z",
                "EvaluateTargetHealth": False,
            },
        },
        {
            "Name": "old.example.com.",
            "Type": "CNAME",
            "ResourceRecords": [{"Value": "legacy-site.s3-website.eu-central-1.amazonaws.com"}],
        },
        {
            "Name": "\\052.example.com.",
            "Type": "A",
            "AliasTarget": {
                "DNSName": "s3-website-us-east-1.amazonaws.com.",
                "HostedZoneId": "Z",
                "EvaluateTargetHealth": False,
            },
        },
        {
            "Name": "api.example.com.",
            "Type": "CNAME",
            "ResourceRecords": [{"Value": "assets.s3.amazonaws.com"}],
        },
    )
    # a CNAME's Host header is the record name: S3 serves the bucket named like the record
    assert refs.website_record_buckets(data) == {
        "www.example.com",
        "legacy-site",
        "old.example.com",
    }


def test_dangling_website_record_bucket_is_probed(moto_aws: None) -> None:
    r53 = boto3.client("route53")
    zone = r53.create_hosted_zone(Name="example.com", CallerReference="z")["HostedZone"]["Id"]
    r53.change_resource_record_sets(
        HostedZoneId=zone,
        ChangeBatch={
            "Changes": [
                {
                    "Action": "CREATE",
                    "ResourceRecordSet": {
                        "Name": "gone.example.com",
                        "Type": "CNAME",
                        "TTL": 60,
                        "ResourceRecords": [
                            {"Value": "gone-bucket.s3-website-us-east-1.amazonaws.com"}
                        ],
                    },
                }
            ]
        },
    )
    result = collect(
        SessionSpec(), regions=["us-east-1"], collectors=["route53", "s3"], progress=False
    )
    data = result.snapshot.payload("123456789012", "global", "s3")
    assert data is not None
    records = {b["Name"]: b for b in data["buckets"]}
    assert records["gone-bucket"]["exists"] is False
