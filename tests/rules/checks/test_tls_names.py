"""tls.alias_not_covered: distribution aliases and ALB host-header values vs certificate names."""

from __future__ import annotations

from typing import Any

from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import (
    acm,
    cloudfront,
    elbv2,
    entry,
    https_listener,
    lb,
    rule,
    snap,
    with_rules,
)

CERT = f.cert_arn("web")
SNI = f.cert_arn("sni")
WEB = f.certificate("web", "example.com", sans=["*.example.com"])
SNI_CERT = f.certificate("sni", "shop.example.org")
ALB = lb()


def dist(*aliases: str, cert: str | None = CERT) -> dict[str, Any]:
    vc = f.viewer_certificate(cert) if cert else f.viewer_certificate(None)
    return f.distribution(aliases=aliases, certificate=vc)


# -- distributions -----------------------------------------------------------------------------
def test_alias_not_covered_fires_on_two_label_and_apex_misses() -> None:
    s = snap(cloudfront(dist("www.example.com", "a.b.example.com", "example.net")), acm(WEB))
    [finding] = fails("tls.alias_not_covered", s)
    assert finding.resource.type == "AWS::CloudFront::Distribution"
    assert finding.evidence["uncovered"] == ["a.b.example.com", "example.net"]
    assert finding.evidence["certificate_names"] == ["*.example.com", "example.com"]


def test_alias_not_covered_fires_on_a_wildcard_alias_with_a_narrower_certificate() -> None:
    narrow = f.certificate("web", "www.example.com")
    [finding] = fails("tls.alias_not_covered", snap(cloudfront(dist("*.example.com")), acm(narrow)))
    assert finding.evidence["uncovered"] == ["*.example.com"]


def test_alias_not_covered_passes_covered_aliases_and_no_alias() -> None:
    s = snap(
        cloudfront(dist("example.com", "WWW.example.com", "*.example.com"), f.distribution("E2")),
        acm(WEB),
    )
    assert run_check("tls.alias_not_covered", s) == []


def test_alias_not_covered_unknown_for_iam_or_undescribed_certificates() -> None:
    iam = f.distribution(
        aliases=["www.example.com"],
        certificate={
            "CloudFrontDefaultCertificate": False,
            "IAMCertificateId": "ASCAEXAMPLE",
            "SSLSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1.2_2021",
            "CertificateSource": "iam",
        },
    )
    [finding] = unknowns("tls.alias_not_covered", snap(cloudfront(iam), acm(WEB)))
    assert finding.evidence["unverified"] == ["www.example.com"]
    truncated = f.certificate_summary_entry(f.certificate("web", "example.com"), truncated=True)
    assert unknowns(
        "tls.alias_not_covered", snap(cloudfront(dist("www.example.com")), acm(truncated))
    )
    assert unknowns("tls.alias_not_covered", snap(cloudfront(dist("www.example.com"))))


# -- ALB listeners -----------------------------------------------------------------------------
def listener_with_hosts(*hosts: str, certificates: Any = ()) -> dict[str, Any]:
    li = https_listener(ALB, certificate=CERT, certificates=certificates)
    return with_rules(
        li, *(rule(li, i + 1, [f.condition("host-header", [h])]) for i, h in enumerate(hosts))
    )


def test_alias_not_covered_fires_on_an_alb_host_no_certificate_covers() -> None:
    li = listener_with_hosts(
        "api.example.com", "shop.example.org", "x.y.example.com", "*.example.net"
    )
    [finding] = fails("tls.alias_not_covered", snap(elbv2(entry(ALB, [li])), acm(WEB, SNI_CERT)))
    assert finding.resource.type == "AWS::ElasticLoadBalancingV2::Listener"
    assert finding.evidence["uncovered"] == ["*.example.net", "shop.example.org", "x.y.example.com"]


def test_alias_not_covered_passes_hosts_covered_by_an_sni_certificate() -> None:
    certs = [f.listener_certificate(CERT, True), f.listener_certificate(SNI)]
    li = listener_with_hosts(
        "api.example.com", "shop.example.org", "*.example.com", "*", certificates=certs
    )
    assert (
        run_check("tls.alias_not_covered", snap(elbv2(entry(ALB, [li])), acm(WEB, SNI_CERT))) == []
    )


def test_alias_not_covered_passes_http_listeners_and_listeners_without_host_rules() -> None:
    li = https_listener(ALB, certificate=CERT)
    assert run_check("tls.alias_not_covered", snap(elbv2(entry(ALB, [li])), acm(WEB))) == []


def test_alias_not_covered_unknown_when_sni_certificates_or_rules_not_collected() -> None:
    li = listener_with_hosts("shop.example.org", certificates=OMIT)
    [finding] = unknowns("tls.alias_not_covered", snap(elbv2(entry(ALB, [li])), acm(WEB, SNI_CERT)))
    assert finding.evidence["unverified"] == ["shop.example.org"]
    no_rules = https_listener(ALB, certificate=CERT, rules=OMIT)
    assert unknowns("tls.alias_not_covered", snap(elbv2(entry(ALB, [no_rules])), acm(WEB)))
