"""Factories and fixture snapshots conform to botocore's output shapes; fixtures are current."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from edgekit.model import parse
from edgekit.snapshot import load
from tests.model import estates
from tests.model import factories as f
from tests.model.shapes import errors, item_errors, payload_errors

ALB = f.load_balancer("x")
LISTENER = f.listener(
    ALB, 443, "HTTPS", [f.forward(f.tg_arn("t"))], ssl_policy=f.TLS13, certificate="arn:c"
)
ACL_ARN = f.waf_arn("webacl", "a", "1")

# (factory output, service, shape) — every factory, with its richest options
CASES: list[tuple[str, Callable[[], Any], str, str]] = [
    (
        "distribution",
        lambda: estates.rich().payloads[0]["data"]["distributions"][0]["Distribution"],
        "cloudfront",
        "Distribution",
    ),
    (
        "legacy distribution",
        lambda: estates.rich().payloads[0]["data"]["distributions"][1]["Distribution"],
        "cloudfront",
        "Distribution",
    ),
    (
        "summary",
        lambda: f.summary_entry(f.distribution(behaviors=[f.behavior("s3-assets", "/a")]))[
            "DistributionSummary"
        ],
        "cloudfront",
        "DistributionSummary",
    ),
    ("vpc origin ref", lambda: f.vpc_origin_ref("o", "vo_1"), "cloudfront", "Origin"),
    (
        "custom origin",
        lambda: f.custom_origin(
            "o", "x.example.com", shield_region="eu-west-1", headers={"X": f.digest("s")}
        ),
        "cloudfront",
        "Origin",
    ),
    (
        "legacy behavior",
        lambda: f.behavior(
            "o",
            "/p",
            legacy=f.forwarded_values(cookies="whitelist", cookie_names=["a"]),
            trusted_signers=["self"],
        ),
        "cloudfront",
        "CacheBehavior",
    ),
    (
        "cache policy",
        lambda: f.cache_policy("p", "n", headers=("whitelist", ["Authorization"])),
        "cloudfront",
        "CachePolicySummary",
    ),
    (
        "origin request policy",
        lambda: f.origin_request_policy("p", "n", headers=("allExcept", ["host"])),
        "cloudfront",
        "OriginRequestPolicySummary",
    ),
    (
        "response headers policy",
        lambda: f.response_headers_policy(
            "p", "n", cors=True, custom={"A": "b"}, remove=["Server"]
        ),
        "cloudfront",
        "ResponseHeadersPolicySummary",
    ),
    ("oac", f.oac, "cloudfront", "OriginAccessControlSummary"),
    ("oai", f.oai, "cloudfront", "CloudFrontOriginAccessIdentitySummary"),
    ("vpc origin", lambda: f.vpc_origin("vo_1", f.lb_arn("i")), "cloudfront", "VpcOriginSummary"),
    ("function", lambda: f.function("fn"), "cloudfront", "FunctionSummary"),
    ("realtime log config", lambda: f.realtime_log_config("rt"), "cloudfront", "RealtimeLogConfig"),
    ("delivery source", lambda: f.delivery_source("s", "arn:d"), "logs", "DeliverySource"),
    ("delivery", lambda: f.delivery("d", "s"), "logs", "Delivery"),
    (
        "web acl",
        lambda: f.web_acl(
            rules=[
                f.rule(
                    "r",
                    0,
                    f.and_(
                        f.not_(f.ip_set_ref("arn:i", f.forwarded(position="ANY"))),
                        f.label_match("l"),
                        f.regex_match("x"),
                        f.geo_match(["FR"], f.forwarded()),
                    ),
                ),
                f.rule(
                    "g",
                    1,
                    f.managed_group(
                        "M",
                        version="v1",
                        excluded=["a"],
                        overrides={"b": "Count"},
                        scope_down=f.xss(),
                    ),
                    override="Count",
                    labels=["x:y"],
                ),
                f.rule("rg", 2, f.group_ref("arn:g", {"r": "Allow"}), override="None"),
                f.rule(
                    "rate",
                    3,
                    f.rate_based(
                        100, key="FORWARDED_IP", fwd=f.forwarded(), scope_down=f.size_constraint()
                    ),
                ),
            ],
            fms_pre=[f.fms_group("p", 0, f.managed_group("M"))],
            fms_post=[f.fms_group("q", 9, f.group_ref("arn:g"), override="Count")],
        ),
        "wafv2",
        "WebACL",
    ),
    (
        "logging configuration",
        lambda: f.logging_configuration(ACL_ARN),
        "wafv2",
        "LoggingConfiguration",
    ),
    (
        "web acl summary",
        lambda: f.web_acl_summary_entry(f.web_acl())["WebACLSummary"],
        "wafv2",
        "WebACLSummary",
    ),
    ("ip set", lambda: f.ip_set("i", ["10.0.0.0/8"], version="IPV4"), "wafv2", "IPSet"),
    ("regex set", lambda: f.regex_pattern_set("r", ["a"]), "wafv2", "RegexPatternSet"),
    ("rule group", lambda: f.rule_group("g", [f.rule("r", 0, f.sqli())]), "wafv2", "RuleGroup"),
    ("alb", lambda: ALB, "elbv2", "LoadBalancer"),
    ("nlb", lambda: f.load_balancer("n", "network", security_groups=()), "elbv2", "LoadBalancer"),
    ("listener", lambda: LISTENER, "elbv2", "Listener"),
    (
        "rule",
        lambda: f.listener_rule(
            LISTENER,
            5,
            [
                f.condition("http-header", ["v"], HttpHeaderName="X-A"),
                f.condition("query-string", [("k", "v"), (None, "w")]),
                f.condition("source-ip", ["10.0.0.0/8"]),
                f.condition("host-header", ["a.example.com"]),
                f.condition("path-pattern", ["/a"]),
                f.condition("http-request-method", ["GET"]),
            ],
            [
                f.authenticate_oidc(),
                f.authenticate_cognito(),
                {**f.forward(("arn:a", 1), ("arn:b", 2)), "Order": 3},
                f.redirect_https(),
                f.fixed_response(),
            ],
        ),
        "elbv2",
        "Rule",
    ),
    ("default rule", lambda: f.default_rule(LISTENER), "elbv2", "Rule"),
    ("listener certificate", lambda: f.listener_certificate("arn:c", True), "elbv2", "Certificate"),
    ("target group", lambda: f.target_group("t"), "elbv2", "TargetGroup"),
    (
        "lambda target group",
        lambda: f.target_group("l", protocol=None, target_type="lambda"),
        "elbv2",
        "TargetGroup",
    ),
    (
        "target health",
        lambda: f.target_health("i-1", state="unhealthy"),
        "elbv2",
        "TargetHealthDescription",
    ),
    ("ssl policy", lambda: f.ssl_policy(f.TLS13, ["TLSv1.3"]), "elbv2", "SslPolicy"),
    ("hosted zone", lambda: f.hosted_zone("Z1", "example.com"), "route53", "HostedZone"),
    (
        "record",
        lambda: f.record("a.", "A", ["192.0.2.1"], SetIdentifier="s", Weight=1),
        "route53",
        "ResourceRecordSet",
    ),
    (
        "alias record",
        lambda: f.alias_record("a.", "d.cloudfront.net.", "Z2FDTNDATAQYW2"),
        "route53",
        "ResourceRecordSet",
    ),
    (
        "query logging config",
        lambda: f.query_logging_config("q", "Z1"),
        "route53",
        "QueryLoggingConfig",
    ),
    (
        "certificate",
        lambda: f.certificate("c", "example.com", sans=["*.example.com"], in_use_by=["arn:x"]),
        "acm",
        "CertificateDetail",
    ),
    (
        "imported certificate",
        lambda: f.certificate("c", "example.com", kind="IMPORTED", renewal=None),
        "acm",
        "CertificateDetail",
    ),
    (
        "certificate summary",
        lambda: f.certificate_summary_entry(f.certificate("c", "e.com"))["CertificateSummary"],
        "acm",
        "CertificateSummary",
    ),
]


@pytest.mark.parametrize(("name", "build", "service", "shape"), CASES, ids=[c[0] for c in CASES])
def test_factory_output_matches_botocore(
    name: str, build: Callable[[], Any], service: str, shape: str
) -> None:
    assert errors(build(), service, shape) == []


def test_validator_catches_mistakes() -> None:
    d = f.distribution()
    d["DistributionConfig"]["Bogus"] = 1
    del d["DistributionConfig"]["Origins"]
    d["DistributionConfig"]["PriceClass"] = "PriceClass_9"
    d["DistributionConfig"]["Enabled"] = "yes"
    d["LastModifiedTime"] = "yesterday"
    found = errors(d, "cloudfront", "Distribution")
    assert len(found) == 5
    assert item_errors(
        {"Tags": []}, ("one_of", {"Distribution": None, "DistributionSummary": None}), "$"
    )
    assert payload_errors("elbv2", {"oops": []}) == ["elbv2: unknown payload key 'oops'"]


@pytest.mark.parametrize("name", sorted(estates.ESTATES))
def test_fixture_files_are_valid_current_and_parse(name: str) -> None:
    path = estates.FIXTURES / f"{name}.json"
    assert path.read_text(encoding="utf-8") == estates.render(name), (
        f"{path} is stale: run `python -m tests.model.estates`"
    )
    snap = load(path)
    problems = [e for p in snap.payloads for e in payload_errors(p["collector"], p["data"])]
    assert problems == []
    inv = parse(snap)
    assert sum(inv.counts().values()) > 0
