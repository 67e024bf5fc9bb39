"""tls.cert_expired, cert_expiring, cert_renewal_at_risk, weak_key, ct_logging_disabled,
cert_unused — judged as of the snapshot (collected 2026-02-01T12:00Z)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import (
    acm,
    cloudfront,
    elbv2,
    entry,
    https_listener,
    lb,
    snap,
)

ALB = lb()
LB_ARN = ALB["LoadBalancerArn"]
CERT = f.cert_arn("web")


def cert(**kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("in_use_by", [LB_ARN])
    return f.certificate("web", "example.com", sans=["*.example.com"], **kwargs)


def summary(c: dict[str, Any], **drop: bool) -> dict[str, Any]:
    """The ListCertificates fallback item, without the keys named in ``drop``."""
    item = f.certificate_summary_entry(c)
    for key in drop:
        item["CertificateSummary"].pop(key)
    return item


# -- cert_expired ------------------------------------------------------------------------------
def test_cert_expired_fires_when_in_use_past_not_after() -> None:
    [finding] = fails("tls.cert_expired", snap(acm(cert(not_after="2026-02-01T00:00:00Z"))))
    assert finding.message == "certificate for example.com expired and is in use"
    assert finding.evidence["in_use_by"] == [LB_ARN]
    assert finding.resource.id == CERT


def test_cert_expired_fires_for_a_listener_reference_without_in_use_by() -> None:
    li = https_listener(ALB, certificate=CERT, certificates=[f.listener_certificate(CERT, True)])
    c = cert(not_after="2025-12-01T00:00:00Z", in_use_by=[])
    [finding] = fails("tls.cert_expired", snap(acm(c), elbv2(entry(ALB, [li]))))
    assert finding.evidence["in_use_by"] == [LB_ARN]


def test_cert_expired_passes_unused_or_still_valid() -> None:
    assert (
        run_check(
            "tls.cert_expired", snap(acm(cert(not_after="2026-01-01T00:00:00Z", in_use_by=[])))
        )
        == []
    )
    assert run_check("tls.cert_expired", snap(acm(cert(not_after="2026-02-01T13:00:00Z")))) == []


def test_cert_expired_unknown_when_use_is_unknown() -> None:
    item = summary(cert(not_after="2026-01-01T00:00:00Z"), InUse=True)
    [finding] = unknowns("tls.cert_expired", snap(acm(item)))
    assert "whether it is in use is unknown" in finding.message


# -- cert_expiring -----------------------------------------------------------------------------
def test_cert_expiring_fires_on_imported_certificates() -> None:
    c = cert(kind="IMPORTED", not_after="2026-02-20T00:00:00Z")
    [finding] = fails("tls.cert_expiring", snap(acm(c)))
    assert finding.evidence["days_left"] == 18
    assert finding.evidence["renewal"] == "imported: ACM cannot renew it"


@pytest.mark.parametrize("status", ["PENDING_VALIDATION", "FAILED", "PENDING_AUTO_RENEWAL"])
def test_cert_expiring_fires_when_renewal_is_not_succeeding(status: str) -> None:
    c = cert(not_after="2026-02-10T00:00:00Z", renewal=status)
    [finding] = fails("tls.cert_expiring", snap(acm(c)))
    assert finding.evidence["renewal"] == f"renewal {status}"


def test_cert_expiring_fires_without_any_renewal() -> None:
    [finding] = fails(
        "tls.cert_expiring", snap(acm(cert(not_after="2026-02-10T00:00:00Z", renewal=None)))
    )
    assert finding.evidence["renewal"].startswith("no managed renewal under way")


def test_cert_expiring_passes_successful_renewal_far_expiry_unused_and_expired() -> None:
    certs = [
        f.certificate("a", "a.example.com", not_after="2026-02-10T00:00:00Z", in_use_by=[LB_ARN]),
        f.certificate(
            "b",
            "b.example.com",
            kind="IMPORTED",
            not_after="2026-03-10T00:00:00Z",
            in_use_by=[LB_ARN],
        ),
        f.certificate("c", "c.example.com", kind="IMPORTED", not_after="2026-02-10T00:00:00Z"),
        f.certificate(
            "d",
            "d.example.com",
            kind="IMPORTED",
            not_after="2026-01-10T00:00:00Z",
            in_use_by=[LB_ARN],
        ),
    ]
    assert run_check("tls.cert_expiring", snap(acm(*certs))) == []


def test_cert_expiring_unknown_when_renewal_state_not_collected() -> None:
    item = summary(cert(not_after="2026-02-10T00:00:00Z"))
    [finding] = unknowns("tls.cert_expiring", snap(acm(item)))
    assert finding.evidence["days_left"] == 8


# -- weak_key ----------------------------------------------------------------------------------
def test_weak_key_fires_on_rsa_1024() -> None:
    [finding] = fails("tls.weak_key", snap(acm(cert(key="RSA_1024"))))
    assert finding.message == "certificate for example.com has a 1024-bit RSA key"


@pytest.mark.parametrize("key", ["RSA_2048", "RSA_4096", "EC_prime256v1"])
def test_weak_key_passes_strong_keys(key: str) -> None:
    assert run_check("tls.weak_key", snap(acm(cert(key=key)))) == []


def test_weak_key_unknown_without_key_algorithm() -> None:
    assert unknowns("tls.weak_key", snap(acm(summary(cert(), KeyAlgorithm=True))))


# -- ct_logging_disabled -----------------------------------------------------------------------
def test_ct_logging_disabled_fires_on_amazon_issued() -> None:
    [finding] = fails("tls.ct_logging_disabled", snap(acm(cert(ct="DISABLED"))))
    assert finding.evidence["preference"] == "DISABLED"


def test_ct_logging_disabled_passes_enabled_and_imported() -> None:
    assert (
        run_check(
            "tls.ct_logging_disabled", snap(acm(cert(), cert(kind="IMPORTED", ct="DISABLED")))
        )
        == []
    )


def test_ct_logging_disabled_unknown_without_options() -> None:
    assert unknowns("tls.ct_logging_disabled", snap(acm(summary(cert(ct="DISABLED")))))


# -- cert_unused -------------------------------------------------------------------------------
def test_cert_unused_fires_on_empty_in_use_by() -> None:
    [finding] = fails("tls.cert_unused", snap(acm(cert(in_use_by=[]))))
    assert finding.message == "certificate for example.com is not in use"


def test_cert_unused_fires_from_the_summary_in_use_flag() -> None:
    assert fails("tls.cert_unused", snap(acm(summary(cert(in_use_by=[])))))


def test_cert_unused_passes_in_use() -> None:
    assert (
        run_check(
            "tls.cert_unused",
            snap(acm(cert(), summary(f.certificate("b", "b.example.com", in_use_by=[LB_ARN])))),
        )
        == []
    )


def test_cert_unused_unknown_without_in_use_information() -> None:
    assert unknowns("tls.cert_unused", snap(acm(summary(cert(), InUse=True))))


def test_references_from_distributions_count_as_use() -> None:
    d = f.distribution(aliases=["example.com"], certificate=f.viewer_certificate(CERT))
    s = snap(cloudfront(d), acm(cert(in_use_by=[], not_after="2026-01-01T00:00:00Z")))
    [finding] = fails("tls.cert_expired", s)
    assert finding.evidence["in_use_by"][0].startswith("arn:aws:cloudfront::")


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
# -- tls.cert_unused ---------------------------------------------------------------------------
def test_cert_unused_passes_when_a_collected_distribution_serves_it() -> None:
    # InUseBy lags (or was read from another region's view): the distribution's
    # ViewerCertificate names the certificate, so it is in use.
    dist = f.distribution("E1WEB", aliases=["example.com"], certificate=f.viewer_certificate(CERT))
    assert run_check("tls.cert_unused", snap(acm(cert(in_use_by=[])), cloudfront(dist))) == []


def test_cert_unused_fires_when_nothing_references_it() -> None:
    [finding] = fails("tls.cert_unused", snap(acm(cert(in_use_by=[])), cloudfront()))
    assert finding.message == "certificate for example.com is not in use"
