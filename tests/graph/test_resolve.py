"""The graph's names for endpoint forms (edgekit.graph.resolve.classify); the grammar itself is
tested in tests/test_endpoints.py."""

from __future__ import annotations

import pytest

from edgekit.graph import resolve as r


@pytest.mark.parametrize(
    ("domain", "rule", "region", "ident"),
    [
        ("bkt.s3.amazonaws.com", "s3-rest", None, "bkt"),
        ("bkt.s3-external-1.amazonaws.com", "s3-rest", "us-east-1", "bkt"),
        (
            "my.dotted.bucket.s3.cn-north-1.amazonaws.com.cn",
            "s3-rest",
            "cn-north-1",
            "my.dotted.bucket",
        ),
        ("BKT.S3.EU-WEST-1.AMAZONAWS.COM.", "s3-rest", "eu-west-1", "bkt"),
        # an S3 endpoint naming no bucket: the rule (hint), no bucket to identify
        ("ap-abc123-s3alias.s3.eu-west-1.amazonaws.com", "s3-rest", "eu-west-1", None),
        ("mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com", "s3-rest", None, None),
        ("Site.S3-Website-US-East-1.amazonaws.com.", "s3-website", "us-east-1", "site"),
        ("site.s3-website.eu-central-1.amazonaws.com", "s3-website", "eu-central-1", "site"),
        ("dualstack.web-alb-1234567890.us-east-1.elb.amazonaws.com.", "elb", "us-east-1", None),
        ("nlb-0123456789abcdef.elb.ap-south-1.amazonaws.com", "elb", "ap-south-1", None),
        ("d-abc123.execute-api.eu-west-1.amazonaws.com", "api-domain", "eu-west-1", "d-abc123"),
        (
            "abc123defg.execute-api.us-east-1.amazonaws.com",
            "execute-api",
            "us-east-1",
            "abc123defg",
        ),
        ("xyz789abc.lambda-url.eu-west-1.on.aws", "lambda-url", "eu-west-1", "xyz789abc"),
        ("d111abcdef8.cloudfront.net.", "cloudfront", None, None),
        ("a1234567890abcdef.dualstack.awsglobalaccelerator.com", "accelerator", None, None),
        ("203.0.113.1", "ip", None, "203.0.113.1"),
        ("2001:db8::1", "ip", None, "2001:db8::1"),
    ],
)
def test_classify(domain: str, rule: str, region: str | None, ident: str | None) -> None:
    assert r.classify(domain) == r.Match(rule, region, ident)


@pytest.mark.parametrize(
    "domain",
    [
        "example.org",
        "s3.amazonaws.com",
        "B.S3.EU-WEST-1.AMAZONAWS.COM.",  # no bucket name has one character
        "s3-website-us-east-1.amazonaws.com",  # the bare website endpoint names no bucket
        "example.execute-api.com",
        "xyz.lambda-url.on.aws",
        "www.cloudfront.net.example.com",
    ],
)
def test_classify_other_names(domain: str) -> None:
    assert r.classify(domain) is None


def test_ip_addresses() -> None:
    assert r.is_ip_address("203.0.113.10") and r.is_ip_address(" 2001:db8::1 ")
    assert not r.is_ip_address("example.com")


def test_normalize_decodes_route53_escapes() -> None:
    assert r.normalize("\\052.Example.COM.") == "*.example.com"
