"""tls.cert_renewal_at_risk: DNS validation records of Amazon-issued certificates in Route 53."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import (
    GLOBAL,
    NOT_COLLECTED,
    Certificate,
    HostedZone,
    normalize_dns_name,
)
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


def _public_zones(ctx: CheckContext) -> dict[str, list[HostedZone]]:
    """Public hosted zones by name (built once per scan)."""

    def build() -> dict[str, list[HostedZone]]:
        zones: dict[str, list[HostedZone]] = {}
        for zone in ctx.model.hosted_zones:
            if not zone.private_zone:
                zones.setdefault(zone.name, []).append(zone)
        return zones

    return ctx.memo("tls.public_zones_by_name", build)


def _zones_for(zones: Mapping[str, list[HostedZone]], name: str) -> list[HostedZone]:
    """The most specific public zones (same name) whose domain contains ``name``."""
    labels = name.split(".")
    for i in range(len(labels)):
        found = zones.get(".".join(labels[i:]))
        if found:
            return found
    return []


@check(
    "tls.cert_renewal_at_risk",
    title="DNS validation record of an Amazon-issued certificate is missing",
    severity="medium",
    category="tls",
    applies_to="certificate",
    remediation=(
        "Recreate the CNAME validation record ACM lists for the domain in the hosted zone "
        "(ACM console: 'Create records in Route 53')."
    ),
)
def cert_renewal_at_risk(cert: Certificate, ctx: CheckContext) -> Fail | Unknown | None:
    """An Amazon-issued, DNS-validated certificate whose validation CNAME is missing from (or
    points elsewhere in) the Route 53 public hosted zone of the snapshot that is authoritative
    for it — the most specific zone whose name contains the record. ACM re-checks that record
    to renew; without it the certificate silently stops renewing and expires. Names in no zone
    of the snapshot are out of scope, and so are certificates that are not ``ISSUED`` (a
    pending one is waiting for issuance, not renewal; expired, revoked, failed or inactive ones
    are never renewed). Unknown when that zone's records were not read, the zone listing was
    incomplete, or the certificate's details were not collected."""
    if (cert.type or "").upper() != "AMAZON_ISSUED":
        return None
    if cert.status is not None and cert.status.upper() != "ISSUED":
        return None
    method = cert.validation_method
    if method is NOT_COLLECTED or cert.domain_validation_options is NOT_COLLECTED:
        return Unknown("certificate details were not collected (DescribeCertificate)", {})
    if (method or "").upper() != "DNS":
        return None
    wanted = {
        normalize_dns_name(d.resource_record.name): normalize_dns_name(d.resource_record.value)
        for d in cert.domain_validation_options
        if d.resource_record is not None and d.resource_record.type.upper() == "CNAME"
    }
    zones_by_name = _public_zones(ctx)
    zones_complete = ctx.model.known("hosted_zones", None, GLOBAL)
    missing: dict[str, list[str]] = {}
    unknown: list[str] = []
    for name, value in sorted(wanted.items()):
        zones = _zones_for(zones_by_name, name)
        if not zones:
            if not zones_complete:
                unknown.append(name)
            continue
        records = ctx.model.route53.records_named(name)
        ids = {z.id for z in zones}
        found = records is not NOT_COLLECTED and any(
            r.hosted_zone_id in ids
            and r.type == "CNAME"
            and value in {normalize_dns_name(v) for v in r.values}
            for r in records
        )
        if found:
            continue
        if any(z.record_sets is NOT_COLLECTED for z in zones):
            unknown.append(name)
        else:
            missing[name] = sorted(f"{z.name} ({z.id})" for z in zones)
    evidence: dict[str, Any] = {"domain_name": cert.domain_name}
    if missing:
        evidence["missing_records"] = missing
        return Fail(
            f"validation record(s) {', '.join(sorted(missing))} missing from Route 53", evidence
        )
    if unknown:
        evidence["not_collected"] = unknown
        return Unknown("hosted zone records needed to verify validation were not read", evidence)
    return None
