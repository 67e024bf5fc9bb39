"""Record targets by name: CloudFront, ELB (ALB/Classic vs NLB), S3 website, API Gateway."""

from __future__ import annotations

import pytest

from edgekit.model.route53.types import AliasTarget, RecordSet
from edgekit.rules.analysis.dns_targets import Target, record_target


def cname(name: str, value: str) -> RecordSet:
    return RecordSet("1", "global", "Z1", name, name, "CNAME", values=(value,))


def alias(name: str, target: str) -> RecordSet:
    return RecordSet(
        "1", "global", "Z1", name, name, "A", alias_target=AliasTarget("Z9", target.lower(), False)
    )


@pytest.mark.parametrize(
    ("record", "target"),
    [
        (
            cname("w.example.com", "D1ABC.cloudfront.net."),
            Target("cloudfront", "d1abc.cloudfront.net"),
        ),
        (
            alias("a.example.com", "dualstack.web-1.us-east-1.elb.amazonaws.com"),
            Target("elb", "web-1.us-east-1.elb.amazonaws.com", "us-east-1"),
        ),
        (
            cname("n.example.com", "tcp-0a.elb.eu-west-1.amazonaws.com"),
            Target("elb", "tcp-0a.elb.eu-west-1.amazonaws.com", "eu-west-1", nlb=True),
        ),
        (
            alias("www.example.com", "s3-website.eu-central-1.amazonaws.com"),
            Target(
                "s3-website",
                "s3-website.eu-central-1.amazonaws.com",
                "eu-central-1",
                "www.example.com",
            ),
        ),
        (
            cname("www.example.com", "other.s3-website-us-east-1.amazonaws.com"),
            Target(
                "s3-website",
                "other.s3-website-us-east-1.amazonaws.com",
                "us-east-1",
                "www.example.com",
            ),
        ),
        (
            cname("*.example.com", "s3-website-us-east-1.amazonaws.com"),
            Target("s3-website", "s3-website-us-east-1.amazonaws.com", "us-east-1", None),
        ),
        (
            cname("api.example.com", "a1.execute-api.us-west-2.amazonaws.com"),
            Target("execute-api", "a1.execute-api.us-west-2.amazonaws.com", "us-west-2"),
        ),
        (
            alias("api.example.com", "d-abc123.execute-api.us-west-2.amazonaws.com"),
            Target("api-domain", "d-abc123.execute-api.us-west-2.amazonaws.com", "us-west-2"),
        ),
    ],
)
def test_record_target(record: RecordSet, target: Target) -> None:
    assert record_target(record) == target


def test_other_records_have_no_target() -> None:
    assert record_target(cname("d.example.com", "example.github.io")) is None
    assert record_target(cname("b.example.com", "b.s3.amazonaws.com")) is None
    plain = RecordSet("1", "global", "Z1", "x.example.com", "x", "A", values=("203.0.113.1",))
    assert record_target(plain) is None
