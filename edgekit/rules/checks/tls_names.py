"""tls.alias_not_covered: host names served with a certificate that does not name them.

Applies to ``tls_endpoint`` (distributions and HTTPS listeners); findings name the
distribution or listener itself. Name matching: :mod:`edgekit.rules.analysis.certificate_names`.
"""

from __future__ import annotations

from typing import Any

from edgekit.model import NOT_COLLECTED, Certificate, Distribution, Listener
from edgekit.rules.analysis import certificate_names
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, ResourceRef, Unknown
from edgekit.rules.registry import check


def _names(ctx: CheckContext, arns: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Known certificate names (sorted) and the ARNs whose names are not (fully) known."""
    names: list[str] = []
    unknown: list[str] = []
    for arn in arns:
        cert = ctx.model.acm.certificate(arn) if ":acm:" in arn else NOT_COLLECTED
        if isinstance(cert, Certificate):
            names.extend(cert.names)
            if cert.subject_alternative_names is NOT_COLLECTED:
                unknown.append(arn)
        else:
            unknown.append(arn)
    return sorted(set(names)), sorted(unknown)


def _distribution(dist: Distribution, ctx: CheckContext) -> Fail | Unknown | None:
    if not dist.aliases:
        return None
    vc = dist.viewer_certificate
    ref = ctx.ref(dist, "distribution")
    arn = vc.acm_certificate_arn or (
        f"iam:{vc.iam_certificate_id}" if vc.iam_certificate_id else ""
    )
    if not arn:
        return Fail(
            "aliases served with the *.cloudfront.net default certificate",
            {"aliases": sorted(dist.aliases)},
            resource=ref,
        )
    names, unknown = _names(ctx, (arn,))
    missing = certificate_names.uncovered(names, dist.aliases)
    evidence: dict[str, Any] = {"certificate_arn": arn, "certificate_names": names}
    if missing and not unknown:
        return Fail(
            f"alias(es) {', '.join(missing)} not covered by the viewer certificate",
            {**evidence, "uncovered": missing},
            resource=ref,
        )
    if missing:
        return Unknown(
            "the viewer certificate's names were not collected (IAM or undescribed certificate)",
            {**evidence, "unverified": missing},
            resource=ref,
        )
    return None


def _listener(li: Listener, ctx: CheckContext) -> Fail | Unknown | None:
    ref: ResourceRef = ctx.ref(li, "listener")
    if li.rules is NOT_COLLECTED:
        return Unknown("listener rules were not collected (DescribeRules)", {}, resource=ref)
    hosts = sorted(
        {
            v
            for rule in li.rules
            for c in rule.conditions
            if c.field == "host-header" and not c.regex_values
            for v in c.values
        }
    )
    if not hosts:
        return None
    arns = li.certificate_arns
    partial = arns is NOT_COLLECTED  # SNI certificates unknown: only the default is
    if arns is NOT_COLLECTED:
        arns = tuple(c.certificate_arn for c in li.default_certificates)
    names, unknown = _names(ctx, arns)
    missing = [h for h in hosts if certificate_names.pattern_covered(names, h) is False]
    evidence: dict[str, Any] = {"certificate_names": names, "host_headers": hosts}
    if not missing:
        return None
    if unknown or partial:
        return Unknown(
            "not every listener certificate's names were collected",
            {**evidence, "unverified": missing, "certificates_not_described": unknown},
            resource=ref,
        )
    return Fail(
        f"host-header value(s) {', '.join(missing)} not covered by any listener certificate",
        {**evidence, "uncovered": missing},
        resource=ref,
    )


@check(
    "tls.alias_not_covered",
    title="Host name not covered by the attached certificate",
    severity="high",
    category="tls",
    applies_to="tls_endpoint",
    remediation=(
        "Add the name (or a one-label wildcard for it) to the certificate, or remove the alias "
        "/ host-header value."
    ),
    references=("TA (IAM certs only)",),
)
def alias_not_covered(
    endpoint: Distribution | Listener, ctx: CheckContext
) -> Fail | Unknown | None:
    """A CloudFront alternate domain name (alias), or an ALB HTTPS listener's host-header rule
    value, that no name of the certificate served for it covers: clients get a name-mismatch
    error. A distribution has one viewer certificate; an ALB listener offers its default and
    every SNI certificate, so a host is covered by any of them. Wildcard names cover exactly
    one label (``*.example.com`` covers ``a.example.com``, not ``example.com`` nor
    ``a.b.example.com``); a wildcard alias needs the same wildcard name. Host-header values
    that are patterns count when their wildcards sit in the first label (read as one label);
    broader patterns are not judged. Unknown when the certificate's names were not collected
    (IAM certificate, DescribeCertificate denied, truncated SANs) or the rules were not."""
    if isinstance(endpoint, Distribution):
        return _distribution(endpoint, ctx)
    return _listener(endpoint, ctx)
