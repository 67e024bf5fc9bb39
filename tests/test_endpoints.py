"""edgekit.endpoints: the one grammar for AWS endpoint host names (examples, counter-examples
and hypothesis round trips: build a host from its parts, parse it back)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edgekit import endpoints as e
from edgekit.endpoints import (
    ApiDomainTarget,
    ElbEndpoint,
    ExecuteApi,
    LambdaUrl,
    S3Endpoint,
)

# -- S3 REST ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "bucket", "region"),
    [
        ("bkt.s3.amazonaws.com", "bkt", None),
        ("bkt.s3.us-west-2.amazonaws.com", "bkt", "us-west-2"),
        ("bkt.s3-us-west-2.amazonaws.com", "bkt", "us-west-2"),
        ("bkt.s3.dualstack.eu-west-1.amazonaws.com", "bkt", "eu-west-1"),
        ("bkt.s3-external-1.amazonaws.com", "bkt", "us-east-1"),
        ("bkt.s3.us-gov-west-1.amazonaws.com", "bkt", "us-gov-west-1"),
        ("bkt.s3-us-gov-west-1.amazonaws.com", "bkt", "us-gov-west-1"),
        ("bkt.s3.cn-north-1.amazonaws.com.cn", "bkt", "cn-north-1"),
        ("bkt.s3.dualstack.cn-northwest-1.amazonaws.com.cn", "bkt", "cn-northwest-1"),
        ("my.dotted.bucket.s3.eu-west-1.amazonaws.com", "my.dotted.bucket", "eu-west-1"),
        ("www.example.com.s3.amazonaws.com", "www.example.com", None),
        ("logs-2024.s3.ap-southeast-2.amazonaws.com", "logs-2024", "ap-southeast-2"),
        ("BKT.S3.EU-WEST-1.AMAZONAWS.COM.", "bkt", "eu-west-1"),
        ("  bkt.s3.amazonaws.com.  ", "bkt", None),
    ],
)
def test_s3_rest_every_regional_form(host: str, bucket: str, region: str | None) -> None:
    found = e.s3_endpoint(host)
    assert found == S3Endpoint(bucket, region)
    assert found.bucket == bucket and not found.website


@pytest.mark.parametrize(
    ("host", "bucket", "region"),
    [
        ("site.s3-website-us-east-1.amazonaws.com", "site", "us-east-1"),
        ("site.s3-website.eu-central-1.amazonaws.com", "site", "eu-central-1"),
        ("site.s3-website-ap-northeast-1.amazonaws.com", "site", "ap-northeast-1"),
        ("site.s3-website.cn-north-1.amazonaws.com.cn", "site", "cn-north-1"),
        ("www.example.com.s3-website-us-west-2.amazonaws.com", "www.example.com", "us-west-2"),
        ("Site.S3-Website-US-East-1.amazonaws.com.", "site", "us-east-1"),
    ],
)
def test_s3_website_every_regional_form(host: str, bucket: str, region: str) -> None:
    assert e.s3_endpoint(host) == S3Endpoint(bucket, region, website=True)


@pytest.mark.parametrize(
    ("host", "name", "region", "kind"),
    [
        (
            "assets-ap-abcdefghijklmnopqrstuvwxyz1234-s3alias.s3.us-east-1.amazonaws.com",
            "assets-ap-abcdefghijklmnopqrstuvwxyz1234-s3alias",
            "us-east-1",
            "access-point-alias",
        ),
        (
            "assets-olap-abcdefghijklmnopqrstuvwxyz12--ol-s3.s3.us-east-1.amazonaws.com",
            "assets-olap-abcdefghijklmnopqrstuvwxyz12--ol-s3",
            "us-east-1",
            "object-lambda-alias",
        ),
        (
            "bucket--usw2-az1--x-s3.s3.us-west-2.amazonaws.com",
            "bucket--usw2-az1--x-s3",
            "us-west-2",
            "directory-bucket",
        ),
        (
            "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com",
            "mfzwi23gnjvgw.mrap",
            None,
            "multi-region-access-point",
        ),
    ],
)
def test_s3_endpoints_that_name_no_bucket(
    host: str, name: str, region: str | None, kind: e.S3Name
) -> None:
    found = e.s3_endpoint(host)
    assert found == S3Endpoint(name, region, kind=kind)
    assert found.bucket is None and not found.website


@pytest.mark.parametrize(
    "host",
    [
        "s3.amazonaws.com",  # the service endpoint: no name
        "s3.us-east-1.amazonaws.com",
        "bkt.s3.example.com",
        "example.com",
        "bkt.s3.dualstack.amazonaws.com",  # dual-stack endpoints are regional
        "bkt.s3.dualstack-us-east-1.amazonaws.com",
        "bkt.s3-dualstack.us-east-1.amazonaws.com",
        "bkt.s3-external-1.amazonaws.com.cn",
        "bkt.s3.us-east-1.amazonaws.com.cn",  # partition and region disagree
        "bkt.s3.cn-north-1.amazonaws.com",
        "bkt.s3.amazonaws.com.cn",
        "bkt.s3-accesspoint.us-east-1.amazonaws.com",
        "ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com",
        "bkt.s3-fips.us-east-1.amazonaws.com",
        "bkt.s3.global.amazonaws.com",
        "mrap.accesspoint.s3-global.amazonaws.com",
        # names no bucket can have
        "b.s3.amazonaws.com",
        "bk.s3.amazonaws.com",
        f"{'a' * 64}.s3.amazonaws.com",
        "a..b.s3.amazonaws.com",
        "-bkt.s3.amazonaws.com",
        "bkt-.s3.amazonaws.com",
        "bkt_1.s3.amazonaws.com",
        "192.168.10.1.s3.amazonaws.com",
        "alias.mrap.s3.us-east-1.amazonaws.com",
        "tbl--table-s3.s3.us-east-1.amazonaws.com",
        # website endpoints: a region is required, and only buckets have websites
        "bkt.s3-website.amazonaws.com",
        "bkt.s3-website.us-east-1.amazonaws.com.cn",
        "ap-abc-s3alias.s3-website-us-east-1.amazonaws.com",
        "s3-website-us-east-1.amazonaws.com",  # the bare endpoint names no bucket
    ],
)
def test_not_s3_endpoints(host: str) -> None:
    assert e.s3_endpoint(host) is None


def test_s3_bucket_property_and_defaults() -> None:
    assert S3Endpoint("bkt", None).bucket == "bkt"
    assert S3Endpoint("x-s3alias", "us-east-1", kind="access-point-alias").bucket is None


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("www.example.com", True),
        ("abc", True),
        ("WWW.Example.COM.", True),
        (f"{'a' * 63}", True),
        (f"{'a' * 64}", False),
        ("ab", False),
        ("*.example.com", False),
        ("_dmarc.example.com", False),
        ("a..b", False),
        ("10.0.0.1", False),
        ("x-s3alias", False),
        ("x--ol-s3", False),
        ("x--x-s3", False),
        ("x.mrap", False),
        ("x--table-s3", False),
    ],
)
def test_is_bucket_name(name: str, ok: bool) -> None:
    assert e.is_bucket_name(name) is ok


@pytest.mark.parametrize(
    ("host", "region"),
    [
        ("s3-website-us-east-1.amazonaws.com", "us-east-1"),
        ("s3-website.eu-central-1.amazonaws.com.", "eu-central-1"),
        ("S3-WEBSITE-AP-SOUTHEAST-2.AMAZONAWS.COM", "ap-southeast-2"),
        ("s3-website.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"),
        ("s3-website.amazonaws.com", None),
        ("s3-website-us-east-1.amazonaws.com.cn", None),
        ("bkt.s3-website-us-east-1.amazonaws.com", None),
        ("s3.us-east-1.amazonaws.com", None),
    ],
)
def test_s3_website_endpoint_region(host: str, region: str | None) -> None:
    assert e.s3_website_endpoint_region(host) == region


# -- Lambda, API Gateway ---------------------------------------------------------------------------


def test_lambda_urls() -> None:
    assert e.lambda_url("xyz789abc.lambda-url.eu-west-1.on.aws") == LambdaUrl(
        "xyz789abc", "eu-west-1"
    )
    assert e.lambda_url("XYZ.Lambda-URL.US-EAST-1.ON.AWS.") == LambdaUrl("xyz", "us-east-1")
    for host in (
        "xyz.lambda-url.on.aws",
        "xyz.lambda-url.eu-west-1.amazonaws.com",
        "x-y.lambda-url.eu-west-1.on.aws",
        "a.xyz.lambda-url.eu-west-1.on.aws",
    ):
        assert e.lambda_url(host) is None, host
    assert e.lambda_url_host("abc", "eu-west-1") == "abc.lambda-url.eu-west-1.on.aws"


def test_execute_api_and_custom_domain_targets() -> None:
    assert e.execute_api("abc123defg.execute-api.us-east-1.amazonaws.com") == ExecuteApi(
        "abc123defg", "us-east-1"
    )
    assert e.execute_api("abc123defg.execute-api.cn-north-1.amazonaws.com.cn") == ExecuteApi(
        "abc123defg", "cn-north-1"
    )
    assert e.api_domain_target("d-abc123.execute-api.eu-west-1.amazonaws.com") == (
        ApiDomainTarget("d-abc123", "eu-west-1")
    )
    # each reads only its own form
    assert e.execute_api("d-abc123.execute-api.us-east-1.amazonaws.com") is None
    assert e.api_domain_target("abc123defg.execute-api.us-east-1.amazonaws.com") is None
    for host in (
        "example.execute-api.com",
        "abc.execute-api.amazonaws.com",
        "abc.execute-api.us-east-1.amazonaws.com.cn",
        "abc.execute-api.cn-north-1.amazonaws.com",
        "abc-vpce-0123.execute-api.us-east-1.vpce.amazonaws.com",
    ):
        assert e.execute_api(host) is None, host
        assert e.api_domain_target(host) is None, host
    assert e.execute_api_host("abc", "us-east-1") == "abc.execute-api.us-east-1.amazonaws.com"
    assert e.execute_api_host("abc", "cn-north-1") == "abc.execute-api.cn-north-1.amazonaws.com.cn"


# -- ELB, CloudFront, Global Accelerator -----------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "dns_name", "region", "nlb"),
    [
        (
            "web-alb-1234567890.us-east-1.elb.amazonaws.com",
            "web-alb-1234567890.us-east-1.elb.amazonaws.com",
            "us-east-1",
            False,
        ),
        (
            "dualstack.web-alb-1234567890.us-east-1.elb.amazonaws.com.",
            "web-alb-1234567890.us-east-1.elb.amazonaws.com",
            "us-east-1",
            False,
        ),
        (
            "DUALSTACK.Web-ALB-1234567890.US-EAST-1.ELB.AMAZONAWS.COM",
            "web-alb-1234567890.us-east-1.elb.amazonaws.com",
            "us-east-1",
            False,
        ),
        (
            "internal-app-1.eu-west-1.elb.amazonaws.com",
            "internal-app-1.eu-west-1.elb.amazonaws.com",
            "eu-west-1",
            False,
        ),
        (
            "nlb-0123456789abcdef.elb.ap-south-1.amazonaws.com",
            "nlb-0123456789abcdef.elb.ap-south-1.amazonaws.com",
            "ap-south-1",
            True,
        ),
        (
            "classic-1.cn-north-1.elb.amazonaws.com.cn",
            "classic-1.cn-north-1.elb.amazonaws.com.cn",
            "cn-north-1",
            False,
        ),
        (
            "nlb-1.elb.cn-northwest-1.amazonaws.com.cn",
            "nlb-1.elb.cn-northwest-1.amazonaws.com.cn",
            "cn-northwest-1",
            True,
        ),
        # a name label shaped like a region is never read as one
        (
            "nw-old-api-1.eu-west-1.elb.amazonaws.com",
            "nw-old-api-1.eu-west-1.elb.amazonaws.com",
            "eu-west-1",
            False,
        ),
        (
            "nw-old-api-1.elb.us-east-1.amazonaws.com",
            "nw-old-api-1.elb.us-east-1.amazonaws.com",
            "us-east-1",
            True,
        ),
    ],
)
def test_elb_names(host: str, dns_name: str, region: str, nlb: bool) -> None:
    assert e.elb_endpoint(host) == ElbEndpoint(dns_name, region, nlb)
    assert e.elb_region(host) == region


@pytest.mark.parametrize(
    "host",
    [
        "example.com",
        "my-us-east-1.example.com",
        "x.elb.us-east-1.example.com",
        "a.b.us-east-1.elb.amazonaws.com",  # the name is one label
        "web.elb.amazonaws.com",
        "-web.us-east-1.elb.amazonaws.com",
        "web-1.cn-north-1.elb.amazonaws.com",  # partition and region disagree
        "web-1.us-east-1.elb.amazonaws.com.cn",
        "web-1.us-east-1.elb.amazonaws.com.example.com",
    ],
)
def test_not_elb_names(host: str) -> None:
    assert e.elb_endpoint(host) is None
    assert e.elb_region(host) is None


def test_cloudfront_and_accelerator_names() -> None:
    assert e.is_cloudfront_domain("d111abcdef8.cloudfront.net.")
    assert e.is_cloudfront_domain("D111ABCDEF8.CLOUDFRONT.NET")
    assert not e.is_cloudfront_domain("www.cloudfront.net.example.com")
    assert not e.is_cloudfront_domain("a.b.cloudfront.net")
    assert not e.is_cloudfront_domain("cloudfront.net")
    assert e.is_accelerator_domain("a1234567890abcdef.awsglobalaccelerator.com")
    assert e.is_accelerator_domain("a1234567890abcdef.dualstack.awsglobalaccelerator.com")
    assert not e.is_accelerator_domain("awsglobalaccelerator.com")
    assert not e.is_accelerator_domain("a.awsglobalaccelerator.com.example.com")


def test_helpers() -> None:
    assert e.normalize_host("  WWW.Example.COM. ") == "www.example.com"
    assert e.url_host("https://ABC.lambda-url.eu-west-1.on.aws/path?q=1") == (
        "abc.lambda-url.eu-west-1.on.aws"
    )
    assert e.url_host("abc.example.com.") == "abc.example.com"
    assert e.url_host("") == ""
    assert e.dns_suffix("cn-north-1") == "amazonaws.com.cn"
    assert e.dns_suffix("us-gov-west-1") == e.dns_suffix(None) == "amazonaws.com"


# -- round trips -----------------------------------------------------------------------------------

REGIONS = st.one_of(
    st.sampled_from(
        [
            "us-east-1",
            "us-west-2",
            "eu-central-1",
            "ap-southeast-4",
            "il-central-1",
            "us-gov-west-1",
            "cn-north-1",
            "cn-northwest-1",
        ]
    ),
    st.from_regex(r"[a-z]{2}(-[a-z]{1,9}){1,2}-[1-9]", fullmatch=True),
)
LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
RESERVED = ("-s3alias", "--ol-s3", "--x-s3", ".mrap", "--table-s3")
BUCKETS = (
    st.lists(LABEL, min_size=1, max_size=5)
    .map(".".join)
    .filter(lambda b: 3 <= len(b) <= 63)
    .filter(lambda b: not re.fullmatch(r"\d+\.\d+\.\d+\.\d+", b))
    .filter(lambda b: not b.endswith(RESERVED))
)
S3_FORMS = ("global", "dot", "dash", "dualstack", "external", "website-dash", "website-dot")


def _suffix(region: str | None) -> str:
    return ".amazonaws.com.cn" if region and region.startswith("cn-") else ".amazonaws.com"


def _s3_host(bucket: str, region: str, form: str) -> tuple[str, S3Endpoint]:
    """A host of ``form`` and what it must parse to (AWS's forms, written out independently)."""
    if form == "global":
        return f"{bucket}.s3.amazonaws.com", S3Endpoint(bucket, None)
    if form == "external":
        return f"{bucket}.s3-external-1.amazonaws.com", S3Endpoint(bucket, "us-east-1")
    host = {
        "dot": f"{bucket}.s3.{region}",
        "dash": f"{bucket}.s3-{region}",
        "dualstack": f"{bucket}.s3.dualstack.{region}",
        "website-dash": f"{bucket}.s3-website-{region}",
        "website-dot": f"{bucket}.s3-website.{region}",
    }[form]
    return host + _suffix(region), S3Endpoint(bucket, region, website=form.startswith("website"))


def _noisy(host: str, upper: bool, dot: bool) -> str:
    """The host as payloads may carry it: any case, a trailing dot."""
    return (host.upper() if upper else host) + ("." if dot else "")


PARSERS: dict[str, Callable[[str], object]] = {
    "s3": e.s3_endpoint,
    "s3-website-endpoint": e.s3_website_endpoint_region,
    "lambda-url": e.lambda_url,
    "execute-api": e.execute_api,
    "api-domain": e.api_domain_target,
    "elb": e.elb_endpoint,
    "cloudfront": lambda h: e.is_cloudfront_domain(h) or None,
    "accelerator": lambda h: e.is_accelerator_domain(h) or None,
}


def _readers(host: str) -> set[str]:
    return {name for name, parse in PARSERS.items() if parse(host) is not None}


@given(BUCKETS, REGIONS, st.sampled_from(S3_FORMS), st.booleans(), st.booleans())
def test_s3_round_trip(bucket: str, region: str, form: str, upper: bool, dot: bool) -> None:
    host, expected = _s3_host(bucket, region, form)
    assert e.s3_endpoint(_noisy(host, upper, dot)) == expected
    assert _readers(host) == {"s3"}
    assert e.is_bucket_name(bucket)


@given(BUCKETS, REGIONS, st.sampled_from(S3_FORMS), st.sampled_from(RESERVED[:3]))
def test_s3_reserved_names_are_no_buckets(bucket: str, region: str, form: str, end: str) -> None:
    name = bucket[: 63 - len(end)].rstrip(".-") + end
    host, _ = _s3_host(name, region, form)
    found = e.s3_endpoint(host)
    if form.startswith("website"):
        assert found is None
    else:
        assert found is not None and found.bucket is None and found.name == name
    assert not e.is_bucket_name(name)


@given(BUCKETS, REGIONS, st.sampled_from(["dot", "dualstack", "website-dot"]))
def test_s3_partition_must_agree(bucket: str, region: str, form: str) -> None:
    host, _ = _s3_host(bucket, region, form)
    wrong = host.removesuffix(".cn") if host.endswith(".cn") else host + ".cn"
    assert e.s3_endpoint(wrong) is None


@given(REGIONS, st.booleans(), st.booleans(), st.booleans())
def test_s3_website_endpoint_round_trip(region: str, dash: bool, upper: bool, dot: bool) -> None:
    host = f"s3-website{'-' if dash else '.'}{region}{_suffix(region)}"
    assert e.s3_website_endpoint_region(_noisy(host, upper, dot)) == region
    assert _readers(host) == {"s3-website-endpoint"}


ELB_NAMES = st.from_regex(
    r"(internal-)?[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?-[0-9a-f]{8,16}", fullmatch=True
)


@given(ELB_NAMES, REGIONS, st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_elb_round_trip(
    name: str, region: str, nlb: bool, dualstack: bool, upper: bool, dot: bool
) -> None:
    middle = f"elb.{region}" if nlb else f"{region}.elb"
    dns_name = f"{name}.{middle}{_suffix(region)}"
    host = ("dualstack." if dualstack else "") + dns_name
    assert e.elb_endpoint(_noisy(host, upper, dot)) == ElbEndpoint(dns_name, region, nlb)
    assert e.elb_region(host) == region
    assert _readers(host) == {"elb"}


IDS = st.from_regex(r"[a-z0-9]{1,32}", fullmatch=True)


@given(IDS, REGIONS, st.booleans(), st.booleans())
def test_lambda_url_round_trip(url_id: str, region: str, upper: bool, dot: bool) -> None:
    host = e.lambda_url_host(url_id, region)
    assert host == f"{url_id}.lambda-url.{region}.on.aws"
    assert e.lambda_url(_noisy(host, upper, dot)) == LambdaUrl(url_id, region)
    assert _readers(host) == {"lambda-url"}


@given(IDS, REGIONS, st.booleans(), st.booleans())
def test_execute_api_round_trip(api_id: str, region: str, upper: bool, dot: bool) -> None:
    host = e.execute_api_host(api_id, region)
    assert host == f"{api_id}.execute-api.{region}{_suffix(region)}"
    assert e.execute_api(_noisy(host, upper, dot)) == ExecuteApi(api_id, region)
    assert _readers(host) == {"execute-api"}
    target = f"d-{api_id}.execute-api.{region}{_suffix(region)}"
    assert e.api_domain_target(_noisy(target, upper, dot)) == ApiDomainTarget(f"d-{api_id}", region)
    assert _readers(target) == {"api-domain"}


@given(IDS)
def test_cloudfront_and_accelerator_round_trip(ident: str) -> None:
    assert _readers(f"{ident}.cloudfront.net") == {"cloudfront"}
    assert _readers(f"{ident}.awsglobalaccelerator.com") == {"accelerator"}
    assert _readers(f"{ident}.dualstack.awsglobalaccelerator.com") == {"accelerator"}


@given(st.text(max_size=80))
def test_arbitrary_text_never_raises(text: str) -> None:
    for parse in PARSERS.values():
        parse(text)
    e.is_bucket_name(text)
