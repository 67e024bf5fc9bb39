"""CloudFront distributions: every parsed field, defaults, the summary fallback, errors."""

from __future__ import annotations

import datetime as dt

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    Distribution,
    Inventory,
    StandardLogging,
)
from edgekit.model.cloudfront.policies import (
    CACHING_DISABLED,
    CACHING_OPTIMIZED,
    ORP_ALL_VIEWER_EXCEPT_HOST,
    RHP_SECURITY_HEADERS,
)
from tests.model import estates
from tests.model import factories as f
from tests.model.factories import parse_strict


def _dist(inv: Inventory, dist_id: str) -> Distribution:
    d = inv.cloudfront.distribution(dist_id)
    assert isinstance(d, Distribution)
    return d


def _one(entry: dict[str, object], **data: object) -> Distribution:
    inv = parse_strict(f.snapshot(f.payload("cloudfront", {"distributions": [entry], **data})))
    return inv.distributions[0]


def test_distribution_top_level_fields(rich: Inventory) -> None:
    d = _dist(rich, "E1MAINDIST")
    assert (d.account_id, d.region) == (f.ACCOUNT, "global")
    assert d.arn == f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1MAINDIST"
    assert d.domain_name == "de1maindist.cloudfront.net"
    assert (d.status, d.enabled, d.staging, d.from_summary) == ("Deployed", True, False, False)
    assert d.aliases == ("www.example.com", "example.com")
    assert d.logging == StandardLogging(True, False, "logs-bucket.s3.amazonaws.com", "cf/")
    assert d.default_root_object == "index.html"
    assert (d.price_class, d.http_version, d.is_ipv6_enabled) == (
        "PriceClass_All",
        "http2and3",
        True,
    )
    assert d.web_acl_id is not None and d.web_acl_id.endswith(
        f"global/webacl/edge-acl/{estates.EDGE_ACL_ID}"
    )
    assert not d.web_acl_is_classic
    assert d.geo_restriction.restriction_type == "blacklist"
    assert d.geo_restriction.locations == ("KP", "IR")
    assert d.tags == {"env": "prod", "team": "web"}
    assert d.last_modified_time == dt.datetime(2026, 1, 15, 10, tzinfo=dt.UTC)
    assert d.raw["Distribution"]["Id"] == "E1MAINDIST"
    assert [
        (e.error_code, e.error_caching_min_ttl, e.response_page_path, e.response_code)
        for e in d.custom_error_responses
    ] == [
        (503, 300, "/503.html", "503"),
        (404, 10, None, None),
    ]


def test_viewer_certificate(rich: Inventory) -> None:
    main, legacy, vpc = (_dist(rich, i) for i in ("E1MAINDIST", "E2LEGACY", "E3VPCORIGIN"))
    vc = main.viewer_certificate
    assert vc.source == "acm" and not vc.cloudfront_default_certificate
    assert vc.acm_certificate_arn == f.cert_arn("11111111-aaaa-4aaa-8aaa-000000000001")
    assert (vc.ssl_support_method, vc.minimum_protocol_version) == ("sni-only", "TLSv1.2_2021")
    assert vpc.viewer_certificate.minimum_protocol_version == "TLSv1.2_2019"
    assert legacy.viewer_certificate.source == "cloudfront"
    assert legacy.viewer_certificate.cloudfront_default_certificate
    assert legacy.viewer_certificate.minimum_protocol_version == "TLSv1"


def test_source_decided_from_arn_not_certificate_source() -> None:
    cert = f.viewer_certificate("arn:aws:acm:us-east-1:111111111111:certificate/x")
    cert["CertificateSource"] = "cloudfront"  # what moto reports
    d = _one(f.distribution_entry(f.distribution(certificate=cert)))
    assert d.viewer_certificate.source == "acm"
    assert d.viewer_certificate.certificate_source == "cloudfront"


def test_origins(rich: Inventory) -> None:
    d = _dist(rich, "E1MAINDIST")
    s3, alb, legacy = d.origins
    assert (s3.kind, s3.origin_access_control_id, s3.origin_access_identity_id) == (
        "s3",
        "E2OACEXAMPLE",
        None,
    )
    assert s3.s3_bucket_name == "assets-bucket" and s3.is_s3_rest and not s3.is_s3_website
    assert s3.s3_origin_config is not None and s3.s3_origin_config.origin_read_timeout == 30
    assert (legacy.origin_access_control_id, legacy.origin_access_identity_id) == (
        None,
        "E3OAIEXAMPLE",
    )
    assert alb.kind == "custom" and alb.s3_bucket_name is None and not alb.is_s3_rest
    cfg = alb.custom_origin_config
    assert cfg is not None
    assert (cfg.http_port, cfg.https_port, cfg.origin_protocol_policy) == (80, 443, "https-only")
    assert (cfg.origin_ssl_protocols, cfg.origin_read_timeout, cfg.origin_keepalive_timeout) == (
        ("TLSv1.2",),
        30,
        60,
    )
    assert cfg.ip_address_type == "ipv4"
    assert alb.header("x-origin-verify") == estates.SECRET and alb.header("nope") is None
    assert alb.custom_headers[0].value.startswith("sha256:")
    assert (alb.connection_attempts, alb.connection_timeout) == (3, 10)
    assert alb.origin_shield is not None and not alb.origin_shield.enabled
    website = _dist(rich, "E2LEGACY").origins[0]
    assert website.kind == "custom" and website.is_s3_website and not website.is_s3_rest
    assert website.s3_bucket_name == "old-site"
    assert website.custom_origin_config is not None
    assert website.custom_origin_config.origin_ssl_protocols == ("TLSv1", "TLSv1.1", "TLSv1.2")
    vpc = _dist(rich, "E3VPCORIGIN").origins[0]
    assert vpc.kind == "vpc" and vpc.vpc_origin_config is not None
    assert (vpc.vpc_origin_config.vpc_origin_id, vpc.vpc_origin_config.owner_account_id) == (
        "vo_0123456789abcdef",
        f.ACCOUNT,
    )


@pytest.mark.parametrize(
    ("domain", "bucket", "website", "rest"),
    [
        ("bkt.s3.amazonaws.com", "bkt", False, True),
        ("my.dotted.bucket.s3.eu-west-1.amazonaws.com", "my.dotted.bucket", False, True),
        ("bkt.s3-us-west-2.amazonaws.com", "bkt", False, True),
        ("bkt.s3.dualstack.us-east-1.amazonaws.com", "bkt", False, True),
        ("bkt.s3-website-us-east-1.amazonaws.com", "bkt", True, False),
        ("bkt.s3-website.eu-central-1.amazonaws.com", "bkt", True, False),
        # S3 REST endpoints that name no general-purpose bucket
        ("ap-abc123-s3alias.s3.eu-west-1.amazonaws.com", None, False, True),
        ("olap-abc123--ol-s3.s3.eu-west-1.amazonaws.com", None, False, True),
        ("mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com", None, False, True),
        # not S3 endpoints at all
        ("b.s3.amazonaws.com", None, False, False),  # no bucket name has one character
        ("bkt.s3.us-east-1.amazonaws.com.cn", None, False, False),  # partition mismatch
        ("api.example.com", None, False, False),
    ],
)
def test_s3_domain_recognition(domain: str, bucket: str | None, website: bool, rest: bool) -> None:
    d = _one(f.distribution_entry(f.distribution(origins=[f.custom_origin("o", domain)])))
    assert d.origins[0].s3_bucket_name == bucket
    assert d.origins[0].is_s3_website is website
    assert d.origins[0].is_s3_rest is rest


def test_origin_shield_and_groups(rich: Inventory) -> None:
    d = _one(
        f.distribution_entry(
            f.distribution(
                origins=[f.custom_origin("o", "x.example.com", shield_region="eu-west-1")]
            )
        )
    )
    assert d.origins[0].origin_shield is not None
    assert (d.origins[0].origin_shield.enabled, d.origins[0].origin_shield.region) == (
        True,
        "eu-west-1",
    )
    main = _dist(rich, "E1MAINDIST")
    (group,) = main.origin_groups
    assert (group.id, group.member_origin_ids, group.selection_criteria) == (
        "failover",
        ("alb-web", "s3-assets"),
        "default",
    )
    assert group.failover_status_codes == (500, 502, 503, 504)
    assert [o.id for o in main.origins_for("failover")] == ["alb-web", "s3-assets"]
    assert [o.id for o in main.origins_for("s3-legacy")] == ["s3-legacy"]
    assert main.origin("nope") is None and main.origin_group("nope") is None
    assert [b.path_pattern for b in main.behaviors_to("s3-assets")] == ["/static/*", "/api*"]


def test_behaviors_order_and_fields(rich: Inventory) -> None:
    d = _dist(rich, "E1MAINDIST")
    assert [b.path_pattern for b in d.behaviors] == [
        "/static/*",
        "/api*",
        "/api/v2/*",
        "/legacy/*",
        "*",
    ]
    assert [b.is_default for b in d.behaviors] == [False, False, False, False, True]
    default = d.default_cache_behavior
    assert (default.target_origin_id, default.viewer_protocol_policy) == (
        "alb-web",
        "redirect-to-https",
    )
    assert default.allowed_methods == ("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE")
    assert default.cached_methods == ("HEAD", "GET")
    assert (
        default.cache_policy_id,
        default.origin_request_policy_id,
        default.response_headers_policy_id,
    ) == (
        CACHING_DISABLED,
        ORP_ALL_VIEWER_EXCEPT_HOST,
        RHP_SECURITY_HEADERS,
    )
    assert default.function_associations[0].event_type == "viewer-request"
    assert default.function_associations[0].function_arn.endswith(":function/rewrite")
    assert default.realtime_log_config_arn is not None
    assert (default.forwarded_values, default.min_ttl, default.field_level_encryption_id) == (
        None,
        None,
        None,
    )
    assert not default.uses_legacy_cache_settings and default.compress
    static, api, v2, legacy = d.cache_behaviors
    assert static.cache_policy_id == CACHING_OPTIMIZED
    assert api.viewer_protocol_policy == "https-only"
    lam = api.lambda_function_associations[0]
    assert (lam.event_type, lam.include_body) == ("viewer-request", False)
    assert lam.lambda_function_arn.endswith(":function:auth:3")
    assert v2.viewer_protocol_policy == "allow-all" and v2.uses_legacy_cache_settings
    assert v2.forwarded_values is not None
    assert (
        v2.forwarded_values.headers,
        v2.forwarded_values.cookies_forward,
        v2.forwarded_values.query_string,
    ) == (("*",), "all", True)
    assert (v2.min_ttl, v2.default_ttl, v2.max_ttl) == (0, 0, 0)
    assert v2.field_level_encryption_id == "FLE123"
    assert (
        v2.uses_trusted_signers
        and v2.trusted_signers is not None
        and v2.trusted_signers.items == ("self",)
    )
    assert legacy.trusted_key_groups is not None and legacy.trusted_key_groups.items == ("KG123",)
    assert not legacy.uses_trusted_signers and not legacy.compress


def test_legacy_forwarded_values_whitelist() -> None:
    fv = f.forwarded_values(
        cookies="whitelist", cookie_names=["session"], headers=["Host"], qs_keys=["v"]
    )
    d = _one(f.distribution_entry(f.distribution(default=f.behavior("s3-assets", legacy=fv))))
    got = d.default_cache_behavior.forwarded_values
    assert got is not None
    assert (got.cookies_forward, got.cookie_names, got.headers, got.query_string_cache_keys) == (
        "whitelist",
        ("session",),
        ("Host",),
        ("v",),
    )


def test_aws_defaults_for_omitted_optional_fields() -> None:
    dist = f.distribution()
    cfg = dist["DistributionConfig"]
    for key in (
        "Logging",
        "PriceClass",
        "HttpVersion",
        "IsIPV6Enabled",
        "ViewerCertificate",
        "Restrictions",
        "OriginGroups",
        "CacheBehaviors",
        "CustomErrorResponses",
        "Aliases",
        "DefaultRootObject",
    ):
        del cfg[key]
    b = cfg["DefaultCacheBehavior"]
    for key in (
        "AllowedMethods",
        "Compress",
        "TrustedSigners",
        "TrustedKeyGroups",
        "LambdaFunctionAssociations",
        "FunctionAssociations",
    ):
        del b[key]
    origin = cfg["Origins"]["Items"][0]
    for key in (
        "ConnectionAttempts",
        "ConnectionTimeout",
        "OriginShield",
        "CustomHeaders",
        "OriginAccessControlId",
        "OriginPath",
    ):
        del origin[key]
    d = _one(f.distribution_entry(dist))
    assert d.logging == StandardLogging(False) and d.default_root_object == ""
    assert (d.price_class, d.http_version, d.is_ipv6_enabled) == ("PriceClass_All", "http2", False)
    assert (
        d.viewer_certificate.source == "cloudfront" and d.geo_restriction.restriction_type == "none"
    )
    assert d.aliases == () and d.origin_groups == () and d.cache_behaviors == ()
    default = d.default_cache_behavior
    assert (default.allowed_methods, default.cached_methods, default.compress) == (
        ("GET", "HEAD"),
        ("GET", "HEAD"),
        False,
    )
    assert default.trusted_signers is None and default.function_associations == ()
    o = d.origins[0]
    assert (o.connection_attempts, o.connection_timeout, o.origin_shield, o.custom_headers) == (
        3,
        10,
        None,
        (),
    )
    assert o.origin_access_control_id is None and o.origin_path == ""


def test_empty_strings_mean_none(rich: Inventory) -> None:
    legacy = _dist(rich, "E2LEGACY")
    assert legacy.web_acl_id is None and legacy.default_root_object == ""
    assert legacy.default_cache_behavior.field_level_encryption_id is None
    assert (legacy.enabled, legacy.is_ipv6_enabled, legacy.http_version) == (
        False,
        False,
        "http1.1",
    )


def test_tags_unknown_versus_none(rich: Inventory) -> None:
    assert _dist(rich, "E2LEGACY").tags == {}
    d = _one(f.distribution_entry(f.distribution()))
    assert d.tags is NOT_COLLECTED
    with pytest.raises(TypeError, match="no truth value"):
        bool(d.tags)


def test_summary_fallback(partial: Inventory) -> None:
    d = _dist(partial, "E9SUMMARY")
    assert d.from_summary
    assert d.logging is NOT_COLLECTED and d.default_root_object is NOT_COLLECTED
    assert d.tags is NOT_COLLECTED
    assert d.aliases == ("shop.example.org",) and d.enabled
    assert d.origins[0].custom_origin_config is not None
    assert d.web_acl_id is not None and "summary-acl" in d.web_acl_id
    assert d.default_cache_behavior.cache_policy_id == CACHING_OPTIMIZED
    assert d.viewer_certificate.source == "cloudfront" and d.price_class == "PriceClass_100"


def test_summary_equals_full_where_both_know() -> None:
    dist = f.distribution(
        aliases=["a.example.com"],
        behaviors=[f.behavior("s3-assets", "/x/*")],
        groups=[f.origin_group("g", ["s3-assets"])],
        error_responses=[f.error_response(500)],
    )
    full = _one(f.distribution_entry(dist, []))
    summary = _one(f.summary_entry(dist, []))
    for name in (
        "origins",
        "origin_groups",
        "default_cache_behavior",
        "cache_behaviors",
        "custom_error_responses",
        "viewer_certificate",
        "geo_restriction",
        "aliases",
        "web_acl_id",
        "price_class",
        "http_version",
        "is_ipv6_enabled",
        "tags",
        "domain_name",
        "arn",
    ):
        assert getattr(full, name) == getattr(summary, name), name


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["DistributionConfig"].pop("Origins"),
            "distribution E1EXAMPLE: missing field 'DistributionConfig.Origins'",
        ),
        (
            lambda d: d.pop("DistributionConfig"),
            "distribution E1EXAMPLE: missing field 'DistributionConfig'",
        ),
        (
            lambda d: d["DistributionConfig"]["DefaultCacheBehavior"].pop("ViewerProtocolPolicy"),
            "missing field 'DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy'",
        ),
        (
            lambda d: d["DistributionConfig"]["Origins"]["Items"][0].pop("S3OriginConfig"),
            "missing field 'DistributionConfig.Origins.Items[0].S3OriginConfig|CustomOriginConfig|"
            "VpcOriginConfig'",
        ),
        (
            lambda d: d["DistributionConfig"].update(Enabled="yes"),
            "field 'DistributionConfig.Enabled' must be a boolean, got str",
        ),
        (
            lambda d: d.update(LastModifiedTime="yesterday"),
            "field 'LastModifiedTime' is not an ISO 8601 timestamp",
        ),
        (
            lambda d: d["DistributionConfig"]["CacheBehaviors"].update(
                Items=[{"TargetOriginId": "x"}]
            ),
            "missing field 'DistributionConfig.CacheBehaviors.Items[0].PathPattern'",
        ),
    ],
)
def test_model_errors_name_unit_resource_and_field(mutate: object, message: str) -> None:
    dist = f.distribution()
    mutate(dist)  # type: ignore[operator]
    with pytest.raises(ModelError) as err:
        _one(f.distribution_entry(dist))
    assert str(err.value).startswith("cloudfront payload (111111111111/global): ")
    assert message in str(err.value)


def test_model_error_without_id_names_the_item() -> None:
    dist = f.distribution()
    del dist["Id"]
    with pytest.raises(ModelError, match=r"distributions\[0\]: missing field 'Id'"):
        _one(f.distribution_entry(dist))
    with pytest.raises(ModelError, match=r"distributions\[0\]: missing field 'Distribution'"):
        _one({"Tags": []})
    with pytest.raises(ModelError, match=r"field 'distributions' must be a list"):
        parse_strict(f.snapshot(f.payload("cloudfront", {"distributions": {"oops": 1}})))
