"""ACM: Certificate (DescribeCertificate.Certificate), with validation and renewal details."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.model.common import EMPTY_MAP, NOT_COLLECTED, Collected, normalize_dns_name

_RSA_BITS = re.compile(r"RSA[-_ ]?(\d+)", re.IGNORECASE)
"""An RSA key algorithm in any spelling (canonical ``RSA_2048``; a new size AWS adds)."""


@dataclass(frozen=True, slots=True)
class ResourceRecord:
    """The DNS record that proves control of a domain (DNS validation)."""

    name: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class DomainValidation:
    """Validation state of one domain name of a certificate."""

    domain_name: str
    validation_status: str | None = None
    validation_method: str | None = None
    validation_domain: str | None = None
    resource_record: ResourceRecord | None = None


@dataclass(frozen=True, slots=True)
class RenewalSummary:
    """Managed renewal state (Amazon-issued certificates)."""

    renewal_status: str
    """PENDING_AUTO_RENEWAL | PENDING_VALIDATION | SUCCESS | FAILED."""
    updated_at: dt.datetime | None = None
    renewal_status_reason: str | None = None
    domain_validation_options: tuple[DomainValidation, ...] = ()


@dataclass(frozen=True, slots=True)
class Certificate:
    """An ACM certificate. Datetimes are timezone-aware (UTC).

    When DescribeCertificate was denied (``from_summary``: a ListCertificates summary), the
    details only DescribeCertificate returns are NOT_COLLECTED; ``in_use`` still comes from the
    summary's InUse, and the SANs are known unless the summary says it truncated them.
    """

    account_id: str
    region: str
    arn: str
    domain_name: str
    subject_alternative_names: Collected[tuple[str, ...]]
    in_use_by: Collected[tuple[str, ...]]
    in_use: Collected[bool]
    renewal_summary: Collected[RenewalSummary | None]
    domain_validation_options: Collected[tuple[DomainValidation, ...]]
    certificate_transparency_logging: Collected[str | None]
    """Options.CertificateTransparencyLoggingPreference: ENABLED | DISABLED (None: not stated)."""
    validation_method_option: Collected[str | None]
    status: str | None = None
    type: str | None = None
    """AMAZON_ISSUED | IMPORTED | PRIVATE."""
    not_before: dt.datetime | None = None
    not_after: dt.datetime | None = None
    created_at: dt.datetime | None = None
    issued_at: dt.datetime | None = None
    imported_at: dt.datetime | None = None
    key_algorithm: str | None = None
    """RSA_2048, EC_prime256v1, ..."""
    renewal_eligibility: str | None = None
    managed_by: str | None = None
    signature_algorithm: str | None = None
    issuer: str | None = None
    serial: str | None = None
    failure_reason: str | None = None
    from_summary: bool = False
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Domain name and the SANs known, normalised, without duplicates."""
        sans = (
            ()
            if self.subject_alternative_names is NOT_COLLECTED
            else self.subject_alternative_names
        )
        return tuple(dict.fromkeys(normalize_dns_name(n) for n in (self.domain_name, *sans)))

    @property
    def validation_method(self) -> Collected[str | None]:
        """EMAIL | DNS | HTTP, from the options or the domain validations."""
        if self.validation_method_option is NOT_COLLECTED:
            return NOT_COLLECTED
        if self.validation_method_option:
            return self.validation_method_option
        if self.domain_validation_options is NOT_COLLECTED:
            return NOT_COLLECTED
        methods = {d.validation_method for d in self.domain_validation_options}
        methods.discard(None)
        return methods.pop() if len(methods) == 1 else None

    @property
    def key_bits(self) -> int | None:
        """RSA key size in bits (None for EC or unknown)."""
        found = _RSA_BITS.fullmatch(self.key_algorithm or "")
        return int(found.group(1)) if found else None

    def covers(self, hostname: str) -> Collected[bool]:
        """Whether a name of the certificate matches ``hostname`` (one-label wildcards).

        NOT_COLLECTED when no known name matches but the SAN list is incomplete.
        """
        host = normalize_dns_name(hostname)
        label, _, rest = host.partition(".")
        for name in self.names:
            if name == host or (name.startswith("*.") and label and rest == name[2:]):
                return True
        return NOT_COLLECTED if self.subject_alternative_names is NOT_COLLECTED else False
