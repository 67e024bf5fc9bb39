"""tls.* checks on ACM certificates: expiry, renewal, key size, CT logging, unused.

Dates are judged as of the snapshot (its collection time, ``ctx.today``), never the wall
clock, so a saved snapshot gives the same answer tomorrow. "In use" is ACM's ``InUseBy``, or a
reference from a collected distribution (``ViewerCertificate.ACMCertificateArn``) or listener
(default and SNI certificates).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from edgekit.model import NOT_COLLECTED, Certificate, Collected, Inventory
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

EXPIRING_DAYS: Final = 30
MIN_RSA_BITS: Final = 2048


def _references(ctx: CheckContext) -> dict[str, set[str]]:
    """Certificate ARN → ARNs of the collected resources referencing it (once per scan)."""
    return ctx.memo("tls.certificate_references", lambda: _build_references(ctx.model))


def _build_references(model: Inventory) -> dict[str, set[str]]:
    refs: dict[str, set[str]] = {}
    for dist in model.distributions:
        arn = dist.viewer_certificate.acm_certificate_arn
        if arn:
            refs.setdefault(arn, set()).add(dist.arn)
    for li in model.listeners:
        arns = li.certificate_arns
        known = arns if arns is not NOT_COLLECTED else (li.default_certificate_arn or "",)
        for arn in known:
            if arn:
                refs.setdefault(arn, set()).add(li.load_balancer_arn)
    return refs


def as_of(ctx: CheckContext) -> dt.datetime:
    """The snapshot's collection instant (UTC); midnight of ``ctx.today`` if unparseable."""
    try:
        at = dt.datetime.fromisoformat(ctx.model.collected_at.replace("Z", "+00:00"))
    except ValueError:
        at = None
    if at is not None and at.tzinfo is not None and at.date() == ctx.today:
        return at.astimezone(dt.UTC)
    return dt.datetime.combine(ctx.today, dt.time(), dt.UTC)


def usage(ctx: CheckContext, cert: Certificate) -> tuple[Collected[bool], list[str]]:
    """Whether the certificate is in use, and by what (ARNs, sorted)."""
    users: set[str] = set(_references(ctx).get(cert.arn, ()))
    if cert.in_use_by is not NOT_COLLECTED:
        users.update(cert.in_use_by)
    if users:
        return True, sorted(users)
    if cert.in_use_by is not NOT_COLLECTED:
        return False, []
    return cert.in_use, []


def _base(cert: Certificate) -> dict[str, Any]:
    return {
        "domain_name": cert.domain_name,
        "type": cert.type,
        "not_after": cert.not_after.isoformat() if cert.not_after else None,
    }


@check(
    "tls.cert_expired",
    title="Certificate in use is expired",
    severity="critical",
    category="tls",
    applies_to="certificate",
    remediation="Replace the certificate on every resource using it (request or import a new one).",
    references=("SH ACM.1", "P", "SS"),
)
def cert_expired(cert: Certificate, ctx: CheckContext) -> Fail | Unknown | None:
    """An ACM certificate past its NotAfter (as of the snapshot) that is still in use —
    by CloudFront, a load balancer, API Gateway or anything ACM lists in ``InUseBy`` — so
    clients get certificate errors. Unknown when the certificate is expired but whether it is
    in use could not be read (DescribeCertificate denied and no InUse flag)."""
    if cert.not_after is None:
        if (cert.status or "").upper() != "EXPIRED":
            return None
    elif cert.not_after > as_of(ctx):
        return None
    used, users = usage(ctx, cert)
    evidence = {**_base(cert), "in_use_by": users}
    if used is NOT_COLLECTED:
        return Unknown(f"{cert.domain_name} is expired; whether it is in use is unknown", evidence)
    if not used:
        return None
    return Fail(f"certificate for {cert.domain_name} expired and is in use", evidence)


def _renewal_problem(cert: Certificate) -> Collected[str | None]:
    """Why ACM will not replace the certificate in time (None: renewal succeeded)."""
    if (cert.type or "").upper() == "IMPORTED":
        return "imported: ACM cannot renew it"
    summary = cert.renewal_summary
    if summary is NOT_COLLECTED:
        return NOT_COLLECTED
    if summary is None:
        eligibility = cert.renewal_eligibility or "unknown eligibility"
        return f"no managed renewal under way ({eligibility})"
    if summary.renewal_status.upper() == "SUCCESS":
        return None
    reason = f": {summary.renewal_status_reason}" if summary.renewal_status_reason else ""
    return f"renewal {summary.renewal_status}{reason}"


@check(
    "tls.cert_expiring",
    title="Certificate in use expires within 30 days and will not be renewed",
    severity="high",
    category="tls",
    applies_to="certificate",
    remediation=(
        "Imported: import a renewed certificate. Amazon-issued: fix the renewal (restore the "
        "DNS validation record, or complete email validation) before NotAfter."
    ),
    references=("P", "Steampipe"),
)
def cert_expiring(cert: Certificate, ctx: CheckContext) -> Fail | Unknown | None:
    """An in-use ACM certificate whose NotAfter falls within 30 days of the snapshot and that
    ACM will not replace on its own: it is imported, or its managed renewal is not succeeding
    (no renewal under way, or RenewalStatus other than SUCCESS — pending validation, failed).
    Already-expired certificates are ``tls.cert_expired``'s. Unknown when the renewal state or
    the use could not be read."""
    if cert.not_after is None:
        return None
    now = as_of(ctx)
    left = cert.not_after - now
    if left <= dt.timedelta(0) or left > dt.timedelta(days=EXPIRING_DAYS):
        return None
    used, users = usage(ctx, cert)
    problem = _renewal_problem(cert)
    evidence = {**_base(cert), "days_left": left.days, "in_use_by": users}
    if used is False or problem is None:
        return None
    if used is NOT_COLLECTED or problem is NOT_COLLECTED:
        return Unknown(
            f"{cert.domain_name} expires in {left.days} days; use or renewal state unknown",
            evidence,
        )
    return Fail(
        f"certificate for {cert.domain_name} expires in {left.days} days, {problem}",
        {**evidence, "renewal": problem},
    )


@check(
    "tls.weak_key",
    title="Certificate RSA key shorter than 2048 bits",
    severity="medium",
    category="tls",
    applies_to="certificate",
    remediation="Replace it with an RSA 2048+ or ECDSA P-256/P-384 certificate.",
    references=("SH ACM.2", "P"),
)
def weak_key(cert: Certificate, ctx: CheckContext) -> Fail | Unknown | None:
    """An ACM certificate with an RSA key below 2048 bits (RSA_1024), breakable with modest
    resources and rejected by current browsers. EC keys pass. Unknown when ACM reported no
    key algorithm."""
    if not cert.key_algorithm:
        return Unknown("key algorithm was not reported", {"domain_name": cert.domain_name})
    bits = cert.key_bits
    if bits is None or bits >= MIN_RSA_BITS:
        return None
    return Fail(
        f"certificate for {cert.domain_name} has a {bits}-bit RSA key",
        {"domain_name": cert.domain_name, "key_algorithm": cert.key_algorithm},
    )


@check(
    "tls.ct_logging_disabled",
    title="Certificate transparency logging disabled",
    severity="low",
    category="tls",
    applies_to="certificate",
    remediation="Set the certificate's CertificateTransparencyLoggingPreference to ENABLED.",
    references=("P", "SS", "CK_234"),
)
def ct_logging_disabled(cert: Certificate, ctx: CheckContext) -> Fail | Unknown | None:
    """An Amazon-issued public certificate whose ``CertificateTransparencyLoggingPreference`` is
    DISABLED: browsers require CT proof and reject it, and mis-issuance for the domain goes
    unmonitored. Imported certificates (ACM does not log them) and private-CA certificates
    (never logged, by design) are not evaluated. Unknown when the options were not collected."""
    if (cert.type or "").upper() in ("IMPORTED", "PRIVATE"):
        return None
    preference = cert.certificate_transparency_logging
    if preference is NOT_COLLECTED:
        return Unknown("certificate options were not collected (DescribeCertificate)", {})
    if (preference or "").upper() != "DISABLED":
        return None
    return Fail(
        f"certificate for {cert.domain_name} has transparency logging disabled",
        {"domain_name": cert.domain_name, "preference": preference},
    )


@check(
    "tls.cert_unused",
    title="ACM certificate not in use",
    severity="low",
    category="hygiene",
    applies_to="certificate",
    remediation="Delete the certificate if nothing will use it.",
)
def cert_unused(cert: Certificate, ctx: CheckContext) -> Fail | Unknown | None:
    """An ACM certificate whose ``InUseBy`` is empty and that no collected distribution or
    listener names either (``InUseBy`` can lag behind a new association): clutter, and an
    unused Amazon-issued certificate is not renewed (it silently expires if someone attaches
    it later). When DescribeCertificate was denied, ListCertificates' ``InUse`` flag decides;
    unknown without either."""
    used, _ = usage(ctx, cert)
    if used is NOT_COLLECTED:
        return Unknown("whether the certificate is in use was not collected", {})
    if used:
        return None
    return Fail(
        f"certificate for {cert.domain_name} is not in use",
        {"domain_name": cert.domain_name, "status": cert.status, "type": cert.type},
    )
