"""Review: tls.* checks on realistic-but-unusual certificates (InUseBy empty while a collected
distribution serves it, certificates that are not issued, ...)."""

from __future__ import annotations

from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check
from tests.rules.checks.lb_snapshots import acm, cloudfront, route53, snap
from tests.rules.checks.test_tls import CERT, cert
from tests.rules.checks.test_tls_dns import zone


# -- tls.cert_unused ---------------------------------------------------------------------------
def test_cert_unused_passes_when_a_collected_distribution_serves_it() -> None:
    # InUseBy lags (or was read from another region's view): the distribution's
    # ViewerCertificate names the certificate, so it is in use.
    dist = f.distribution("E1WEB", aliases=["example.com"], certificate=f.viewer_certificate(CERT))
    assert run_check("tls.cert_unused", snap(acm(cert(in_use_by=[])), cloudfront(dist))) == []


def test_cert_unused_fires_when_nothing_references_it() -> None:
    [finding] = fails("tls.cert_unused", snap(acm(cert(in_use_by=[])), cloudfront()))
    assert finding.message == "certificate for example.com is not in use"


# -- tls.cert_renewal_at_risk ------------------------------------------------------------------
def test_cert_renewal_at_risk_passes_certificates_that_are_not_issued() -> None:
    # PENDING_VALIDATION: the missing record blocks issuance, not a renewal; EXPIRED, REVOKED,
    # FAILED, INACTIVE: nothing will be renewed.
    for status in ("PENDING_VALIDATION", "EXPIRED", "REVOKED", "FAILED", "INACTIVE"):
        s = snap(acm(cert(status=status, renewal=None)), route53(zone([])))
        assert run_check("tls.cert_renewal_at_risk", s) == [], status


def test_cert_renewal_at_risk_fires_for_an_issued_certificate() -> None:
    assert fails("tls.cert_renewal_at_risk", snap(acm(cert()), route53(zone([]))))
