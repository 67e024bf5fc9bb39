"""CloudFront: the viewer side — protocol, certificate, TLS policy, HTTP versions, headers."""

from __future__ import annotations

import re
from typing import Final

from edgekit.model import Distribution, ViewerCertificate
from edgekit.rules.analysis.cloudfront_resolve import label, response_headers_policy
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

NOT_CURRENT_VIEWER_POLICIES: Final = frozenset({"TLSv1.2_2018", "TLSv1.2_2019"})
"""TLS 1.2+ policies superseded by TLSv1.2_2021 / TLSv1.2_2025 / TLSv1.3_2025 (weaker ciphers)."""
_POLICY_NAME: Final = re.compile(
    r"^(?:TLSv(?P<major>\d+)(?:\.(?P<minor>\d+))?|SSLv\d+)(?:_\d{4})?$"
)
HSTS_ONE_YEAR: Final = 31536000


def minimum_tls(policy: str) -> tuple[int, int] | None:
    """The lowest TLS version a viewer security policy name accepts, parsed from the name
    (``TLSv1.2_2021`` → (1, 2); ``TLSv1`` → (1, 0); ``SSLv3`` → (0, 0)); None when the name
    does not follow AWS's naming (then nothing is claimed about it)."""
    m = _POLICY_NAME.match(policy)
    if m is None:
        return None
    if m.group("major") is None:
        return (0, 0)
    return (int(m.group("major")), int(m.group("minor") or 0))


def allows_below_tls12(policy: str) -> bool:
    """A well-formed policy name whose version is below TLS 1.2 (every policy AWS has published
    as outdated parses so: ``SSLv3``, ``TLSv1``, ``TLSv1_2016``, ``TLSv1.1_2016``). Unknown
    (future) names never count: ``TLSv1.3_2030`` parses to 1.3, a name outside the scheme to
    nothing."""
    version = minimum_tls(policy)
    return version is not None and version < (1, 2)


def _custom(cert: ViewerCertificate) -> bool:
    return not cert.cloudfront_default_certificate


def _protocol(dist: Distribution) -> dict[str, object]:
    cert = dist.viewer_certificate
    return {
        "minimum_protocol_version": cert.minimum_protocol_version,
        "certificate_source": cert.source,
    }


@check(
    "cloudfront.viewer_http_allowed",
    title="A behavior serves viewers over plain HTTP",
    severity="high",
    category="tls",
    applies_to="distribution",
    remediation="Set ViewerProtocolPolicy to redirect-to-https or https-only on every behavior.",
    references=("SH CloudFront.3", "P", "CK_34"),
)
def viewer_http_allowed(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """Every behavior is examined — the ordered ones and the default (Prowler only looks at the
    default one). A behavior with ViewerProtocolPolicy ``allow-all`` serves requests over plain
    HTTP: content and cookies can be read and altered in transit. Evidence lists the path
    patterns of the offending behaviors in evaluation order (the default last)."""
    bad = [label(b) for b in dist.behaviors if b.viewer_protocol_policy == "allow-all"]
    if not bad:
        return None
    return Fail(
        f"{len(bad)} behavior(s) allow HTTP (allow-all): {', '.join(bad)}",
        {"path_patterns": bad},
    )


@check(
    "cloudfront.viewer_tls_outdated",
    title="Viewer TLS policy allows TLS below 1.2",
    severity="high",
    category="tls",
    applies_to="distribution",
    remediation="Set MinimumProtocolVersion to TLSv1.2_2021 or newer.",
    references=("SH CloudFront.15", "CK_174", "SS"),
)
def viewer_tls_outdated(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """With a custom certificate (anything but the ``*.cloudfront.net`` default), the
    MinimumProtocolVersion is below TLS 1.2: SSLv3, TLSv1, TLSv1_2016 or TLSv1.1_2016 (or any
    well-formed ``TLSvX.Y_YYYY`` name below 1.2). Names are classified by parsing the version,
    so a security policy AWS adds later (``TLSv1.3_2030``) never raises a false alarm. The default
    certificate is pinned to TLSv1 by AWS and is reported once by
    ``cloudfront.default_certificate`` instead."""
    cert = dist.viewer_certificate
    version = cert.minimum_protocol_version
    if not _custom(cert) or version is None or not allows_below_tls12(version):
        return None
    return Fail(f"minimum viewer protocol {version} accepts TLS below 1.2", _protocol(dist))


@check(
    "cloudfront.viewer_tls_not_current",
    title="Viewer TLS policy is not a current one",
    severity="low",
    category="tls",
    applies_to="distribution",
    remediation="Move MinimumProtocolVersion to TLSv1.2_2021, TLSv1.2_2025 or TLSv1.3_2025.",
    references=("SH CloudFront.15",),
)
def viewer_tls_not_current(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """With a custom certificate, MinimumProtocolVersion is TLSv1.2_2018 or TLSv1.2_2019: TLS
    1.2 only, but with older CBC cipher suites the current policies (TLSv1.2_2021,
    TLSv1.2_2025, TLSv1.3_2025) drop. Only these two names fire; policies below TLS 1.2 are
    ``cloudfront.viewer_tls_outdated`` and unknown future names are never flagged."""
    cert = dist.viewer_certificate
    version = cert.minimum_protocol_version
    if not _custom(cert) or version not in NOT_CURRENT_VIEWER_POLICIES:
        return None
    return Fail(f"minimum viewer protocol {version} is not a current policy", _protocol(dist))


@check(
    "cloudfront.default_certificate",
    title="Distribution uses the default *.cloudfront.net certificate",
    severity="info",
    category="tls",
    applies_to="distribution",
    remediation="Serve the distribution under your own domain with an ACM certificate and a "
    "current TLS policy.",
    references=("SH CloudFront.7", "P"),
)
def default_certificate(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """The viewer certificate is CloudFront's default ``*.cloudfront.net`` one
    (CloudFrontDefaultCertificate). AWS pins its TLS policy to TLSv1 and it cannot be changed,
    so this is reported once here, as information, and never as a TLS failure by the
    ``viewer_tls_*`` checks."""
    if _custom(dist.viewer_certificate):
        return None
    return Fail(
        f"served with the default certificate of {dist.domain_name}",
        {"domain_name": dist.domain_name},
    )


@check(
    "cloudfront.dedicated_ip_ssl",
    title="Custom certificate served from dedicated IP addresses",
    severity="medium",
    category="cost",
    applies_to="distribution",
    remediation="Set SSLSupportMethod to sni-only unless clients without SNI must be served.",
    references=("SH CloudFront.8", "P"),
)
def dedicated_ip_ssl(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """A custom certificate with SSLSupportMethod ``vip``: CloudFront serves it from dedicated
    IP addresses at every edge location, about $600 per month per certificate, only useful for
    clients without SNI. The default certificate (which AWS reports as ``vip``) is exempt."""
    cert = dist.viewer_certificate
    if not _custom(cert) or cert.ssl_support_method != "vip":
        return None
    return Fail(
        "custom certificate uses dedicated-IP SSL (vip)",
        {"ssl_support_method": "vip", "certificate_source": cert.source},
    )


@check(
    "cloudfront.no_http3",
    title="HTTP/3 is not enabled",
    severity="low",
    category="hygiene",
    applies_to="distribution",
    remediation="Set HttpVersion to http2and3.",
)
def no_http3(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """HttpVersion is neither ``http2and3`` nor ``http3``: viewers cannot use HTTP/3 (QUIC),
    which connects faster and copes better with lossy mobile networks, at no extra cost."""
    if dist.http_version in ("http2and3", "http3"):
        return None
    return Fail(
        f"HttpVersion {dist.http_version} excludes HTTP/3", {"http_version": dist.http_version}
    )


@check(
    "cloudfront.ipv6_disabled",
    title="IPv6 is disabled",
    severity="low",
    category="hygiene",
    applies_to="distribution",
    remediation="Set IsIPV6Enabled to true (and add AAAA alias records).",
)
def ipv6_disabled(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """IsIPV6Enabled is false: IPv6-only and IPv6-preferring viewers go through translation or
    cannot connect. Enabling it is free."""
    if dist.is_ipv6_enabled:
        return None
    return Fail("IPv6 is disabled", {"is_ipv6_enabled": False})


@check(
    "cloudfront.no_geo_restriction",
    title="No geographic restriction",
    severity="info",
    category="security",
    applies_to="distribution",
    remediation="Review where viewers are; restrict countries you do not serve.",
    references=("P", "CK_374"),
)
def no_geo_restriction(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """The distribution's GeoRestriction type is ``none``: every country can reach it. Reported
    as information for review against where the audience really is."""
    if dist.geo_restriction.restriction_type != "none":
        return None
    return Fail("no geographic restriction", {"restriction_type": "none"})


@check(
    "cloudfront.no_security_headers",
    title="Default behavior adds no HSTS header",
    severity="medium",
    category="security",
    applies_to="distribution",
    remediation="Attach a response headers policy with Strict-Transport-Security (for example "
    "Managed-SecurityHeadersPolicy) to the default behavior.",
    references=("CK2_32",),
)
def no_security_headers(dist: Distribution, ctx: CheckContext) -> Fail | Unknown | None:
    """The default behavior has no response headers policy, or its policy (custom or managed,
    resolved by id, e.g. Managed-SecurityHeadersPolicy) sets no Strict-Transport-Security
    header. Unknown when the referenced policy was not collected (or is absent from the
    collected listing)."""
    behavior = dist.default_cache_behavior
    policy = response_headers_policy(ctx.model, dist, behavior)
    if isinstance(policy, Unknown):
        return policy
    if policy is None:
        return Fail("default behavior has no response headers policy", {"policy": None})
    if policy.strict_transport_security is not None:
        return None
    return Fail(
        f"response headers policy {policy.name} of the default behavior sets no HSTS",
        {"response_headers_policy_id": policy.id, "policy": policy.name},
    )


@check(
    "cloudfront.weak_hsts",
    title="HSTS is weak (short max-age or no includeSubDomains)",
    severity="low",
    category="security",
    applies_to="distribution",
    remediation="Set Strict-Transport-Security max-age to at least 31536000 with "
    "includeSubDomains.",
    references=("CK_259",),
)
def weak_hsts(dist: Distribution, ctx: CheckContext) -> Fail | Unknown | None:
    """A behavior's response headers policy (default or ordered, managed policies resolved by
    id) sets Strict-Transport-Security with max-age below one year (31536000 s) or without
    includeSubDomains (Managed-SecurityHeadersPolicy omits it). Behaviors without HSTS are
    ``cloudfront.no_security_headers``'s concern. Unknown when no weak HSTS was found but a
    referenced policy could not be resolved."""
    weak: dict[str, dict[str, object]] = {}
    unknown: Unknown | None = None
    for b in dist.behaviors:
        policy = response_headers_policy(ctx.model, dist, b)
        if isinstance(policy, Unknown):
            unknown = unknown or policy
            continue
        hsts = policy.strict_transport_security if policy is not None else None
        if hsts is None:
            continue
        if hsts.access_control_max_age_sec < HSTS_ONE_YEAR or not hsts.include_subdomains:
            weak[label(b)] = {
                "policy": policy.name if policy is not None else None,
                "max_age": hsts.access_control_max_age_sec,
                "include_subdomains": hsts.include_subdomains,
            }
    if weak:
        return Fail(f"weak HSTS on {', '.join(weak)}", {"behaviors": weak})
    return unknown
