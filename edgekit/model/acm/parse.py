"""ACM: DescribeCertificate (or the ListCertificates summary) items into Certificate."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.acm.types import (
    Certificate,
    DomainValidation,
    RenewalSummary,
    ResourceRecord,
)
from edgekit.model.common import NOT_COLLECTED, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items

KIND_KEYS: Mapping[str, str] = {"certificates": "certificates"}
"""Inventory kind → payload key."""


def _validation(d: Fields) -> DomainValidation:
    rr = d.opt_sub("ResourceRecord")
    return DomainValidation(
        domain_name=d.req_str("DomainName"),
        validation_status=d.enum("ValidationStatus", enums.VALIDATION_STATUS),
        validation_method=d.enum("ValidationMethod", enums.VALIDATION_METHOD),
        validation_domain=d.opt_str("ValidationDomain"),
        resource_record=(
            None
            if rr is None
            else ResourceRecord(rr.req_str("Name"), rr.req_str("Type"), rr.req_str("Value"))
        ),
    )


def _certificate(unit: UnitKey, item: object, index: int) -> Certificate:
    entry = unit.named_item(
        item,
        f"certificates[{index}]",
        "certificate",
        "CertificateArn",
        "Certificate",
        "CertificateSummary",
    )
    if not entry.has("Certificate") and entry.has("CertificateSummary"):
        return _from_summary(unit, entry)
    c = entry.sub("Certificate")
    renewal = c.opt_sub("RenewalSummary")
    options = c.opt_sub("Options")
    in_use_by = c.strs("InUseBy")
    return Certificate(
        account_id=unit.account_id,
        region=unit.region,
        arn=c.req_str("CertificateArn"),
        domain_name=c.req_str("DomainName"),
        subject_alternative_names=c.strs("SubjectAlternativeNames"),
        in_use_by=in_use_by,
        in_use=bool(in_use_by),
        renewal_summary=(
            None
            if renewal is None
            else RenewalSummary(
                renewal_status=renewal.req_enum("RenewalStatus", enums.RENEWAL_STATUS),
                updated_at=renewal.opt_datetime("UpdatedAt"),
                renewal_status_reason=renewal.opt_str("RenewalStatusReason"),
                domain_validation_options=tuple(
                    _validation(d) for d in renewal.subs("DomainValidationOptions")
                ),
            )
        ),
        domain_validation_options=tuple(_validation(d) for d in c.subs("DomainValidationOptions")),
        certificate_transparency_logging=(
            options.enum("CertificateTransparencyLoggingPreference", enums.CT_LOGGING)
            if options
            else None
        ),
        validation_method_option=(
            options.enum("ValidationMethod", enums.VALIDATION_METHOD) if options else None
        ),
        signature_algorithm=c.opt_str("SignatureAlgorithm"),
        issuer=c.opt_str("Issuer"),
        serial=c.opt_str("Serial"),
        failure_reason=c.opt_str("FailureReason"),
        **_common(c),
        raw=readonly(entry.raw),
    )


def _common(c: Fields) -> dict[str, Any]:
    """Fields DescribeCertificate and ListCertificates share."""
    return {
        "status": c.enum("Status", enums.CERTIFICATE_STATUS),
        "type": c.enum("Type", enums.CERTIFICATE_TYPE),
        "not_before": c.opt_datetime("NotBefore"),
        "not_after": c.opt_datetime("NotAfter"),
        "created_at": c.opt_datetime("CreatedAt"),
        "issued_at": c.opt_datetime("IssuedAt"),
        "imported_at": c.opt_datetime("ImportedAt"),
        "key_algorithm": c.enum("KeyAlgorithm", enums.KEY_ALGORITHM),
        "renewal_eligibility": c.opt_str("RenewalEligibility"),
        "managed_by": c.opt_str("ManagedBy"),
    }


def _from_summary(unit: UnitKey, entry: Fields) -> Certificate:
    s = entry.sub("CertificateSummary")
    truncated = s.bool_or("HasAdditionalSubjectAlternativeNames", False)
    in_use = s.opt_bool("InUse")
    return Certificate(
        account_id=unit.account_id,
        region=unit.region,
        arn=s.req_str("CertificateArn"),
        domain_name=s.req_str("DomainName"),
        subject_alternative_names=(
            NOT_COLLECTED if truncated else s.strs("SubjectAlternativeNameSummaries")
        ),
        in_use_by=NOT_COLLECTED,
        in_use=NOT_COLLECTED if in_use is None else in_use,
        renewal_summary=NOT_COLLECTED,
        domain_validation_options=NOT_COLLECTED,
        certificate_transparency_logging=NOT_COLLECTED,
        validation_method_option=NOT_COLLECTED,
        from_summary=True,
        **_common(s),
        raw=readonly(entry.raw),
    )


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every certificate of one acm payload."""
    return {"certificates": parse_items(unit, data, "certificates", _certificate)}
