"""Enum values in the spellings real AWS returns parse to the canonical ones (model/enums.py).

One test per field family, each with a payload in the spelling AWS is known to send (ACM's
``RSA-2048``, ListDistributions' ``HTTP2and3``, a Classic ELB's ``http``, ...), plus the checks
that used to miss or false-alarm on them.
"""

from __future__ import annotations

import pytest

from edgekit.model import NOT_COLLECTED, parse
from edgekit.model.enums import KEY_ALGORITHM, Vocabulary, spelling_key
from tests.model import factories as f
from tests.rules.checks.helpers import fails


def test_spelling_key_ignores_case_and_separators() -> None:
    assert spelling_key("RSA-2048") == spelling_key("rsa_2048") == "rsa2048"
    assert spelling_key("TLSv1.2_2021") == "tlsv122021"


def test_unknown_member_is_kept_as_sent() -> None:
    assert KEY_ALGORITHM.canonical("ML-DSA-65") == "ML-DSA-65"
    assert "ML-DSA-65" not in KEY_ALGORITHM


def test_vocabulary_refuses_two_members_with_one_spelling() -> None:
    with pytest.raises(ValueError, match="spell the same key"):
        Vocabulary("bad", ("RSA_2048", "rsa-2048"))


@pytest.mark.parametrize(
    ("sent", "canonical", "bits"),
    [
        ("RSA-2048", "RSA_2048", 2048),
        ("RSA-1024", "RSA_1024", 1024),
        ("RSA_4096", "RSA_4096", 4096),
        ("EC-prime256v1", "EC_prime256v1", None),
        ("EC-secp384r1", "EC_secp384r1", None),
        ("EC_secp521r1", "EC_secp521r1", None),
    ],
)
def test_acm_key_algorithm_spellings(sent: str, canonical: str, bits: int | None) -> None:
    cert = f.certificate("c1", "www.example.com", key=sent)
    inv = parse(f.snapshot(f.payload("acm", {"certificates": [f.certificate_entry(cert)]})))
    (parsed,) = inv.certificates
    assert parsed.key_algorithm == canonical
    assert parsed.key_bits == bits


def test_tls_weak_key_fires_on_the_hyphenated_real_spelling() -> None:
    weak = f.certificate("c1", "old.example.com", key="RSA-1024")
    strong = f.certificate("c2", "new.example.com", key="RSA-2048")
    snap = f.snapshot(
        f.payload(
            "acm",
            {"certificates": [f.certificate_entry(weak), f.certificate_entry(strong)]},
            region="us-east-1",
        )
    )
    found = fails("tls.weak_key", snap)
    assert [x.evidence["key_algorithm"] for x in found] == ["RSA_1024"]


def test_acm_status_type_and_ct_case_variants() -> None:
    cert = f.certificate(
        "c1", "www.example.com", status="issued", kind="Amazon_Issued", ct="disabled"
    )
    inv = parse(f.snapshot(f.payload("acm", {"certificates": [f.certificate_entry(cert)]})))
    (parsed,) = inv.certificates
    assert (parsed.status, parsed.type) == ("ISSUED", "AMAZON_ISSUED")
    assert parsed.certificate_transparency_logging == "DISABLED"


def test_summary_http_version_upper_case_is_not_a_missing_http3() -> None:
    dist = f.distribution("E1SUMMARY", http_version="http2and3")
    entry = f.summary_entry(dist)
    entry["DistributionSummary"]["HttpVersion"] = "HTTP2and3"  # ListDistributions' spelling
    snap = f.snapshot(f.payload("cloudfront", {"distributions": [entry]}))
    (parsed,) = parse(snap).distributions
    assert parsed.http_version == "http2and3"
    assert fails("cloudfront.no_http3", snap) == []


def test_summary_http2_upper_case_still_fires_no_http3() -> None:
    entry = f.summary_entry(f.distribution("E1SUMMARY", http_version="http2"))
    entry["DistributionSummary"]["HttpVersion"] = "HTTP2"
    snap = f.snapshot(f.payload("cloudfront", {"distributions": [entry]}))
    assert [x.evidence["http_version"] for x in fails("cloudfront.no_http3", snap)] == ["http2"]


def test_cloudfront_policy_enums_case_variants() -> None:
    origin = f.custom_origin("api", "api.example.com")
    cfg = origin["CustomOriginConfig"]
    cfg["OriginProtocolPolicy"] = "HTTPS-ONLY"
    cfg["OriginSslProtocols"] = {"Quantity": 2, "Items": ["tlsv1.1", "TLSv1.2"]}
    default = f.behavior("api")
    default["ViewerProtocolPolicy"] = "Redirect-To-HTTPS"
    dist = f.distribution("E1CASE", origins=[origin], default=default, price_class="priceclass_all")
    snap = f.snapshot(f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}))
    (parsed,) = parse(snap).distributions
    assert parsed.default_cache_behavior.viewer_protocol_policy == "redirect-to-https"
    custom = parsed.origins[0].custom_origin_config
    assert custom is not None
    assert custom.origin_protocol_policy == "https-only"
    assert custom.origin_ssl_protocols == ("TLSv1.1", "TLSv1.2")
    assert parsed.price_class == "PriceClass_All"
    assert [x.evidence for x in fails("cloudfront.origin_tls_outdated", snap)] != []


def test_elbv2_type_scheme_protocol_case_variants() -> None:
    lb = f.load_balancer("web")
    lb["Type"], lb["Scheme"] = "Application", "Internet-Facing"
    li = f.listener(lb, 80, "http", [f.fixed_response()])
    tg = f.target_group("tg", protocol="http", target_type="IP")
    snap = f.snapshot(
        f.payload(
            "elbv2",
            {
                "load_balancers": [f.lb_entry(lb, listeners=[f.listener_entry(li)])],
                "target_groups": [f.tg_entry(tg)],
            },
            region=f.REGION,
        )
    )
    inv = parse(snap)
    (parsed,) = inv.load_balancers
    assert (parsed.type, parsed.scheme) == ("application", "internet-facing")
    assert inv.listeners[0].protocol == "HTTP"
    assert (inv.target_groups[0].protocol, inv.target_groups[0].target_type) == ("HTTP", "ip")


def test_classic_elb_keeps_no_creation_case() -> None:
    clb = f.classic_lb("legacy", [f.classic_listener("http", 80, instance_protocol="http")])
    snap = f.snapshot(f.payload("elb", {"load_balancers": [f.classic_entry(clb)]}, region=f.REGION))
    (parsed,) = parse(snap).classic_load_balancers
    assert parsed.listeners[0].protocol == "HTTP"
    assert parsed.listeners[0].instance_protocol == "HTTP"
    assert len(fails("lb.classic_http_listener", snap)) == 1


@pytest.mark.parametrize(("sent", "canonical"), [("6", "tcp"), ("TCP", "tcp"), ("all", "-1")])
def test_security_group_protocol_numbers(sent: str, canonical: str) -> None:
    perm = f.permission(443, cidrs=("0.0.0.0/0",))
    perm["IpProtocol"] = sent
    sg = f.security_group("sg-1", [perm])
    inv = parse(f.snapshot(f.payload("ec2", {"security_groups": [sg]}, region=f.REGION)))
    assert inv.security_groups[0].ingress[0].ip_protocol == canonical


def test_api_gateway_enum_case_variants() -> None:
    api = f.rest_api("a1", types=("regional",))
    stage = f.rest_stage("prod", settings={"*/*": {"loggingLevel": "info"}})
    snap = f.snapshot(
        f.payload(
            "apigateway",
            {"rest_apis": [f.rest_api_entry(api, stages=[stage])]},
            region=f.REGION,
        )
    )
    (parsed,) = parse(snap).rest_apis
    assert parsed.endpoint_types == ("REGIONAL",)
    assert parsed.stages is not NOT_COLLECTED
    assert parsed.stages[0].method_settings["*/*"].logging_level == "INFO"


def test_cloudfront_policy_and_oac_enum_variants() -> None:
    policy = f.cache_policy("p1", "keyed", kind="Custom", cookies=("AllExcept", ["session"]))
    access = f.oac()
    access["SigningBehavior"], access["OriginAccessControlOriginType"] = "Never", "S3"
    data = {"cache_policies": [policy], "origin_access_controls": [access]}
    inv = parse(f.snapshot(f.payload("cloudfront", data)))
    (parsed,) = inv.cache_policies
    assert (parsed.type, parsed.cookies.behavior) == ("custom", "allExcept")
    (oac,) = inv.origin_access_controls
    assert (oac.signing_behavior, oac.origin_type) == ("never", "s3")


def test_wafv2_statement_enum_variants() -> None:
    statement = {
        "ByteMatchStatement": {
            "SearchString": "L2FkbWlu",
            "FieldToMatch": {"UriPath": {}},
            "PositionalConstraint": "starts_with",
            "TextTransformations": [{"Priority": 0, "Type": "lowercase"}],
        }
    }
    acl = f.web_acl("edge", "x1", rules=[f.rule("admin", 1, statement, action="Block")])
    inv = parse(
        f.snapshot(
            f.payload(
                "wafv2", {"scope": "REGIONAL", "web_acls": [f.web_acl_entry(acl)]}, region=f.REGION
            )
        )
    )
    match = inv.web_acls[0].rules[0].statement
    assert match.positional_constraint == "STARTS_WITH"  # type: ignore[attr-defined]
    assert match.text_transformations[0].type == "LOWERCASE"  # type: ignore[attr-defined]


def test_lambda_url_auth_type_and_s3_ownership_variants() -> None:
    arn = f.function_arn("fn")
    entry = f.function_url_entry(arn, f.url_config(arn, "u1", auth="none"))
    inv = parse(f.snapshot(f.payload("lambda", {"function_urls": [entry]}, region=f.REGION)))
    config = inv.function_urls[0].config
    assert config is not None and config is not NOT_COLLECTED
    assert config.auth_type == "NONE"
    record = f.bucket_record("b1", ownership=f.ownership("bucketownerenforced"))
    inv = parse(f.snapshot(f.payload("s3", {"buckets": [record]})))
    assert inv.bucket_records[0].object_ownership == "BucketOwnerEnforced"


def test_route53_and_waf_classic_variants() -> None:
    zone = f.hosted_zone("Z1", "example.com")
    records = [f.record("www.example.com", "cname", ["d1.cloudfront.net"])]
    inv = parse(f.snapshot(f.payload("route53", {"hosted_zones": [f.zone_entry(zone, records)]})))
    assert inv.record_sets[0].type == "CNAME"
    acl = f.classic_acl("a1", default="allow")
    inv = parse(f.snapshot(f.payload("waf", {"web_acls": [f.classic_acl_entry(acl)]})))
    assert inv.classic_web_acls[0].default_action == "ALLOW"
