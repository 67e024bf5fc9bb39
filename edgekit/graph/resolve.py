"""Domain → resource resolution rules: small pure functions over DNS names.

:func:`classify` reads a name with the endpoint grammar of :mod:`edgekit.endpoints` and names
the rule that matched (the graph's vocabulary: edge ``rule`` and ``ext:`` ``hint``); the builder
(:mod:`edgekit.graph.build`) combines these with the inventory's lookups (load balancers by DNS
name, distributions by domain or alias, Route 53 records) in :class:`~.resolver.Resolver`.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from edgekit import endpoints
from edgekit.model.common import normalize_dns_name


@dataclass(frozen=True, slots=True)
class Match:
    """What a domain name's form says it is: a rule name and the identifiers it carries."""

    rule: str
    """``elb``, ``cloudfront``, ``s3-rest``, ``s3-website``, ``execute-api``, ``api-domain``,
    ``lambda-url``, ``accelerator`` or ``ip``."""
    region: str | None = None
    ident: str | None = None
    """The bucket, API id, custom-domain id or URL id (None for elb/cloudfront/accelerator, and
    for an S3 endpoint naming no general-purpose bucket: access points and the like)."""


def normalize(domain: str) -> str:
    """Lower case, no trailing dot, Route 53 escapes decoded (``dualstack.`` is kept)."""
    return normalize_dns_name(domain.strip())


def is_ip_address(value: str) -> bool:
    """An IPv4 or IPv6 address (A / AAAA record values)."""
    try:
        ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    return True


def classify(domain: str) -> Match | None:
    """The AWS endpoint form of ``domain`` (:mod:`edgekit.endpoints`), or None for any other
    name."""
    host = normalize(domain)
    if is_ip_address(host):
        return Match("ip", ident=host)
    s3 = endpoints.s3_endpoint(host)
    if s3 is not None:
        return Match("s3-website" if s3.website else "s3-rest", s3.region, s3.bucket)
    elb = endpoints.elb_endpoint(host)
    if elb is not None:
        return Match("elb", elb.region)
    api_domain = endpoints.api_domain_target(host)
    if api_domain is not None:
        return Match("api-domain", api_domain.region, api_domain.target_id)
    api = endpoints.execute_api(host)
    if api is not None:
        return Match("execute-api", api.region, api.api_id)
    url = endpoints.lambda_url(host)
    if url is not None:
        return Match("lambda-url", url.region, url.url_id)
    if endpoints.is_cloudfront_domain(host):
        return Match("cloudfront")
    if endpoints.is_accelerator_domain(host):
        return Match("accelerator")
    return None
