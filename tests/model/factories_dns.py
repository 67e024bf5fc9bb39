"""Route 53 and ACM payload factories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tests.model.factories_cf import ACCOUNT, OMIT, TS


def hosted_zone(
    zone_id: str, name: str, *, private: bool = False, count: int = 2
) -> dict[str, Any]:
    """A ListHostedZones item (Id with the ``/hostedzone/`` prefix, name with the dot)."""
    return {
        "Id": f"/hostedzone/{zone_id}",
        "Name": name if name.endswith(".") else f"{name}.",
        "CallerReference": f"ref-{zone_id}",
        "Config": {"Comment": f"{name} zone", "PrivateZone": private},
        "ResourceRecordSetCount": count,
    }


def zone_entry(zone: dict[str, Any], records: Any = OMIT) -> dict[str, Any]:
    """A ``hosted_zones`` item; OMIT = ListResourceRecordSets denied."""
    entry: dict[str, Any] = {"HostedZone": zone}
    if records is not OMIT:
        entry["ResourceRecordSets"] = records
    return entry


def record(
    name: str, rtype: str, values: Sequence[str], *, ttl: int = 300, **routing: Any
) -> dict[str, Any]:
    """A plain ResourceRecordSet; ``routing`` adds AWS routing fields verbatim."""
    return {
        "Name": name,
        "Type": rtype,
        **routing,
        "TTL": ttl,
        "ResourceRecords": [{"Value": v} for v in values],
    }


def alias_record(
    name: str,
    target: str,
    zone_id: str,
    *,
    rtype: str = "A",
    evaluate: bool = False,
    **routing: Any,
) -> dict[str, Any]:
    """An alias ResourceRecordSet."""
    return {
        "Name": name,
        "Type": rtype,
        **routing,
        "AliasTarget": {
            "HostedZoneId": zone_id,
            "DNSName": target,
            "EvaluateTargetHealth": evaluate,
        },
    }


def query_logging_config(config_id: str, zone_id: str, account: str = ACCOUNT) -> dict[str, Any]:
    """A ListQueryLoggingConfigs item."""
    return {
        "Id": config_id,
        "HostedZoneId": zone_id,
        "CloudWatchLogsLogGroupArn": (
            f"arn:aws:logs:us-east-1:{account}:log-group:/aws/route53/{zone_id}"
        ),
    }


def cert_arn(ident: str, region: str = "us-east-1", account: str = ACCOUNT) -> str:
    """An ACM certificate ARN."""
    return f"arn:aws:acm:{region}:{account}:certificate/{ident}"


def certificate(
    ident: str,
    domain: str,
    *,
    sans: Sequence[str] = (),
    region: str = "us-east-1",
    account: str = ACCOUNT,
    status: str = "ISSUED",
    kind: str = "AMAZON_ISSUED",
    not_before: str = "2026-01-01T00:00:00Z",
    not_after: str = "2027-01-31T23:59:59Z",
    in_use_by: Sequence[str] = (),
    key: str = "RSA_2048",
    ct: str = "ENABLED",
    renewal: str | None = "SUCCESS",
) -> dict[str, Any]:
    """A DescribeCertificate ``Certificate`` (DNS-validated when Amazon-issued)."""
    names = list(dict.fromkeys([domain, *sans]))
    cert: dict[str, Any] = {
        "CertificateArn": cert_arn(ident, region, account),
        "DomainName": domain,
        "SubjectAlternativeNames": names,
        "Serial": "0a:1b:2c",
        "Subject": f"CN={domain}",
        "Issuer": "Amazon" if kind == "AMAZON_ISSUED" else "Example CA",
        "CreatedAt": not_before,
        "Status": status,
        "NotBefore": not_before,
        "NotAfter": not_after,
        "KeyAlgorithm": key,
        "SignatureAlgorithm": "SHA256WITHRSA",
        "InUseBy": list(in_use_by),
        "Type": kind,
        "KeyUsages": [{"Name": "DIGITAL_SIGNATURE"}],
        "ExtendedKeyUsages": [
            {"Name": "TLS_WEB_SERVER_AUTHENTICATION", "OID": "1.3.6.1.5.5.7.3.1"}
        ],
        "RenewalEligibility": "ELIGIBLE" if in_use_by and kind == "AMAZON_ISSUED" else "INELIGIBLE",
        "Options": {"CertificateTransparencyLoggingPreference": ct},
    }
    if kind == "AMAZON_ISSUED":
        cert["IssuedAt"] = not_before
        validations = [_validation(n) for n in names]
        cert["DomainValidationOptions"] = validations
        if renewal:
            cert["RenewalSummary"] = {
                "RenewalStatus": renewal,
                "DomainValidationOptions": validations,
                "UpdatedAt": TS,
            }
    else:
        cert["ImportedAt"] = not_before
    return cert


def _validation(domain: str) -> dict[str, Any]:
    base = domain.removeprefix("*.")
    return {
        "DomainName": domain,
        "ValidationDomain": base,
        "ValidationStatus": "SUCCESS",
        "ResourceRecord": {
            "Name": f"_3639ac514e785e898d2646601fa951d5.{base}.",
            "Type": "CNAME",
            "Value": "_98d2646601fa951d53639ac514e785e8.acm-validations.aws.",
        },
        "ValidationMethod": "DNS",
    }


def certificate_entry(cert: dict[str, Any]) -> dict[str, Any]:
    """A ``certificates`` item."""
    return {"Certificate": cert}


def certificate_summary_entry(cert: dict[str, Any], *, truncated: bool = False) -> dict[str, Any]:
    """The item the collector writes when DescribeCertificate is denied."""
    summary = {
        "CertificateArn": cert["CertificateArn"],
        "DomainName": cert["DomainName"],
        "SubjectAlternativeNameSummaries": cert["SubjectAlternativeNames"],
        "HasAdditionalSubjectAlternativeNames": truncated,
        "Status": cert["Status"],
        "Type": cert["Type"],
        "KeyAlgorithm": cert["KeyAlgorithm"],
        "KeyUsages": ["DIGITAL_SIGNATURE"],
        "ExtendedKeyUsages": ["TLS_WEB_SERVER_AUTHENTICATION"],
        "InUse": bool(cert["InUseBy"]),
        "RenewalEligibility": cert["RenewalEligibility"],
        "NotBefore": cert["NotBefore"],
        "NotAfter": cert["NotAfter"],
        "CreatedAt": cert["CreatedAt"],
    }
    return {"CertificateSummary": summary}
