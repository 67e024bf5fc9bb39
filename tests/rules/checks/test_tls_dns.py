"""tls.cert_renewal_at_risk: the validation CNAME in the authoritative Route 53 zone."""

from __future__ import annotations

from typing import Any

from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import acm, route53, snap
from tests.rules.checks.test_tls import cert, summary

# -- cert_renewal_at_risk ----------------------------------------------------------------------
VALIDATION = "_3639ac514e785e898d2646601fa951d5.example.com."
TARGET = "_98d2646601fa951d53639ac514e785e8.acm-validations.aws."


def zone(records: Any, name: str = "example.com", private: bool = False) -> dict[str, Any]:
    return f.zone_entry(f.hosted_zone("Z1", name, private=private), records)


def test_cert_renewal_at_risk_fires_when_the_cname_is_missing() -> None:
    s = snap(acm(cert()), route53(zone([f.record("www.example.com.", "A", ["192.0.2.1"])])))
    [finding] = fails("tls.cert_renewal_at_risk", s)
    assert finding.evidence["missing_records"] == {
        "_3639ac514e785e898d2646601fa951d5.example.com": ["example.com (Z1)"]
    }


def test_cert_renewal_at_risk_fires_when_the_cname_points_elsewhere() -> None:
    bad = f.record(VALIDATION, "CNAME", ["_other.acm-validations.aws."])
    assert fails("tls.cert_renewal_at_risk", snap(acm(cert()), route53(zone([bad]))))


def test_cert_renewal_at_risk_passes_present_record_other_dns_and_email_validation() -> None:
    ok = f.record(VALIDATION.upper(), "CNAME", [TARGET.rstrip(".")])
    assert run_check("tls.cert_renewal_at_risk", snap(acm(cert()), route53(zone([ok])))) == []
    elsewhere = snap(acm(cert()), route53(zone([], name="example.org")))
    assert run_check("tls.cert_renewal_at_risk", elsewhere) == []
    private = snap(acm(cert()), route53(zone([], private=True)))
    assert run_check("tls.cert_renewal_at_risk", private) == []
    imported = snap(acm(cert(kind="IMPORTED")), route53(zone([])))
    assert run_check("tls.cert_renewal_at_risk", imported) == []


def test_cert_renewal_at_risk_uses_the_most_specific_zone() -> None:
    parent = f.zone_entry(f.hosted_zone("Z0", "com"), [f.record(VALIDATION, "CNAME", [TARGET])])
    child = zone([])
    assert fails("tls.cert_renewal_at_risk", snap(acm(cert()), route53(parent, child)))


def test_cert_renewal_at_risk_unknown_when_zone_records_not_read() -> None:
    [finding] = unknowns("tls.cert_renewal_at_risk", snap(acm(cert()), route53(zone(OMIT))))
    assert finding.evidence["not_collected"] == ["_3639ac514e785e898d2646601fa951d5.example.com"]


def test_cert_renewal_at_risk_unknown_without_route53_or_details() -> None:
    gap = f.gap("route53", "ListHostedZones")
    assert unknowns("tls.cert_renewal_at_risk", snap(acm(cert()), gaps=[gap]))
    assert unknowns("tls.cert_renewal_at_risk", snap(acm(summary(cert())), route53(zone([]))))


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
# -- tls.cert_renewal_at_risk ------------------------------------------------------------------
def test_cert_renewal_at_risk_passes_certificates_that_are_not_issued() -> None:
    # PENDING_VALIDATION: the missing record blocks issuance, not a renewal; EXPIRED, REVOKED,
    # FAILED, INACTIVE: nothing will be renewed.
    for status in ("PENDING_VALIDATION", "EXPIRED", "REVOKED", "FAILED", "INACTIVE"):
        s = snap(acm(cert(status=status, renewal=None)), route53(zone([])))
        assert run_check("tls.cert_renewal_at_risk", s) == [], status


def test_cert_renewal_at_risk_fires_for_an_issued_certificate() -> None:
    assert fails("tls.cert_renewal_at_risk", snap(acm(cert()), route53(zone([]))))
