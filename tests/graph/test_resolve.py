"""The pure domain-pattern rules of edgekit.graph.resolve."""

from __future__ import annotations

import pytest

from edgekit.graph import resolve as r


@pytest.mark.parametrize(
    ("domain", "bucket", "region"),
    [
        ("b.s3.amazonaws.com", "b", None),
        ("b.s3.us-west-2.amazonaws.com", "b", "us-west-2"),
        ("b.s3-us-west-2.amazonaws.com", "b", "us-west-2"),
        ("b.s3.dualstack.eu-west-1.amazonaws.com", "b", "eu-west-1"),
        ("b.s3-external-1.amazonaws.com", "b", "us-east-1"),
        ("b.s3.cn-north-1.amazonaws.com.cn", "b", "cn-north-1"),
        ("my.dotted.bucket.s3.eu-west-1.amazonaws.com", "my.dotted.bucket", "eu-west-1"),
        ("B.S3.EU-WEST-1.AMAZONAWS.COM.", "b", "eu-west-1"),
        ("logs-2024.s3.ap-southeast-2.amazonaws.com", "logs-2024", "ap-southeast-2"),
    ],
)
def test_s3_rest_every_regional_form(domain: str, bucket: str, region: str | None) -> None:
    assert r.parse_s3(domain) == r.S3Endpoint(bucket, region, False)
    match = r.classify(domain)
    assert match is not None and (match.rule, match.ident) == ("s3-rest", bucket)


@pytest.mark.parametrize(
    ("domain", "bucket", "region"),
    [
        ("site.s3-website-us-east-1.amazonaws.com", "site", "us-east-1"),
        ("site.s3-website.eu-central-1.amazonaws.com", "site", "eu-central-1"),
        ("site.s3-website-ap-northeast-1.amazonaws.com", "site", "ap-northeast-1"),
        ("site.s3-website.cn-north-1.amazonaws.com.cn", "site", "cn-north-1"),
        ("www.example.com.s3-website-us-west-2.amazonaws.com", "www.example.com", "us-west-2"),
        ("Site.S3-Website-US-East-1.amazonaws.com.", "site", "us-east-1"),
    ],
)
def test_s3_website_every_regional_form(domain: str, bucket: str, region: str) -> None:
    assert r.parse_s3(domain) == r.S3Endpoint(bucket, region, True)
    match = r.classify(domain)
    assert match is not None and (match.rule, match.ident, match.region) == (
        "s3-website",
        bucket,
        region,
    )


@pytest.mark.parametrize(
    "domain",
    ["s3.amazonaws.com", "b.s3.example.com", "example.com", "b.s3-website.amazonaws.com"],
)
def test_not_s3(domain: str) -> None:
    assert r.parse_s3(domain) is None


@pytest.mark.parametrize(
    ("domain", "name", "region"),
    [
        (
            "web-alb-1234567890.us-east-1.elb.amazonaws.com",
            "web-alb-1234567890.us-east-1.elb.amazonaws.com",
            "us-east-1",
        ),
        (
            "dualstack.web-alb-1234567890.us-east-1.elb.amazonaws.com.",
            "web-alb-1234567890.us-east-1.elb.amazonaws.com",
            "us-east-1",
        ),
        (
            "DUALSTACK.Web-ALB-1234567890.US-EAST-1.ELB.AMAZONAWS.COM",
            "web-alb-1234567890.us-east-1.elb.amazonaws.com",
            "us-east-1",
        ),
        (
            "internal-app-1.eu-west-1.elb.amazonaws.com",
            "internal-app-1.eu-west-1.elb.amazonaws.com",
            "eu-west-1",
        ),
        (
            "nlb-0123456789abcdef.elb.ap-south-1.amazonaws.com",
            "nlb-0123456789abcdef.elb.ap-south-1.amazonaws.com",
            "ap-south-1",
        ),
        (
            "classic-1.cn-north-1.elb.amazonaws.com.cn",
            "classic-1.cn-north-1.elb.amazonaws.com.cn",
            "cn-north-1",
        ),
    ],
)
def test_elb_names(domain: str, name: str, region: str) -> None:
    assert r.parse_elb(domain) == (name, region)
    assert r.strip_dualstack(domain) == name
    match = r.classify(domain)
    assert match is not None and match.rule == "elb"


def test_execute_api_and_custom_domain_targets() -> None:
    assert r.parse_execute_api("abc123defg.execute-api.us-east-1.amazonaws.com") == (
        "abc123defg",
        "us-east-1",
    )
    assert r.parse_execute_api("d-abc123.execute-api.us-east-1.amazonaws.com") is None
    assert r.parse_api_domain_target("d-abc123.execute-api.eu-west-1.amazonaws.com") == (
        "d-abc123",
        "eu-west-1",
    )
    match = r.classify("d-abc123.execute-api.eu-west-1.amazonaws.com")
    assert match is not None and match.rule == "api-domain"
    assert r.classify("example.execute-api.com") is None


def test_lambda_url_cloudfront_accelerator_ip() -> None:
    assert r.parse_lambda_url("xyz789abc.lambda-url.eu-west-1.on.aws") == ("xyz789abc", "eu-west-1")
    assert r.parse_lambda_url("xyz.lambda-url.on.aws") is None
    assert r.is_cloudfront_domain("d111abcdef8.cloudfront.net.")
    assert not r.is_cloudfront_domain("www.cloudfront.net.example.com")
    assert r.is_accelerator_domain("a1234567890abcdef.awsglobalaccelerator.com")
    assert r.is_accelerator_domain("a1234567890abcdef.dualstack.awsglobalaccelerator.com")
    assert r.is_ip_address("203.0.113.10") and r.is_ip_address("2001:db8::1")
    assert not r.is_ip_address("example.com")
    assert [
        m.rule if m else None
        for m in map(
            r.classify,
            ["203.0.113.1", "d1.cloudfront.net", "a1.awsglobalaccelerator.com", "example.org"],
        )
    ] == ["ip", "cloudfront", "accelerator", None]


def test_normalize_decodes_route53_escapes() -> None:
    assert r.normalize("\\052.Example.COM.") == "*.example.com"
