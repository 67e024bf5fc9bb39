"""Domain → resource resolution rules: small pure functions over DNS names.

Each ``parse_*`` function recognises one AWS endpoint form and returns its identifiers, or None.
:func:`classify` tries them in order and names the rule that matched; the graph builder
(:mod:`edgekit.graph.build`) combines these with the inventory's lookups (load balancers by DNS
name, distributions by domain or alias, Route 53 records) in :class:`~.resolver.Resolver`.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Final

from edgekit.model.common import normalize_dns_name

_REGION: Final = r"[a-z]{2}(?:-[a-z]+)+-\d+"
_BUCKET: Final = r"(?P<bucket>[a-z0-9](?:[a-z0-9.\-]*[a-z0-9])?)"
_AWS: Final = r"\.amazonaws\.com(?:\.cn)?"

S3_REST: Final = re.compile(
    rf"^{_BUCKET}\.s3(?:\.dualstack)?(?:[.-](?P<region>{_REGION}|external-1))?{_AWS}$"
)
"""``b.s3.amazonaws.com``, ``b.s3.<region>…``, ``b.s3-<region>…``, ``b.s3.dualstack.<region>…``,
``b.s3-external-1…`` and the ``.amazonaws.com.cn`` forms."""
S3_WEBSITE: Final = re.compile(rf"^{_BUCKET}\.s3-website[.-](?P<region>{_REGION}){_AWS}$")
"""``b.s3-website-<region>…`` (dash) and ``b.s3-website.<region>…`` (dot)."""
EXECUTE_API: Final = re.compile(rf"^(?P<api>[a-z0-9]+)\.execute-api\.(?P<region>{_REGION}){_AWS}$")
"""An API's default endpoint ``<apiId>.execute-api.<region>.amazonaws.com``."""
API_DOMAIN_REGIONAL: Final = re.compile(
    rf"^(?P<id>d-[a-z0-9]+)\.execute-api\.(?P<region>{_REGION}){_AWS}$"
)
"""A custom domain's regional target ``d-<id>.execute-api.<region>.amazonaws.com``."""
LAMBDA_URL: Final = re.compile(rf"^(?P<url>[a-z0-9]+)\.lambda-url\.(?P<region>{_REGION})\.on\.aws$")
"""A function URL ``<urlId>.lambda-url.<region>.on.aws``."""
ELB: Final = re.compile(
    rf"^(?:dualstack\.)?(?P<name>[a-z0-9-]+)\.(?:(?P<region>{_REGION})\.elb|elb\.(?P<nlb_region>"
    rf"{_REGION})){_AWS}$"
)
"""ALB / Classic ELB ``name-id.<region>.elb.amazonaws.com``; NLB ``name-id.elb.<region>…``."""
CLOUDFRONT: Final = re.compile(r"^[a-z0-9]+\.cloudfront\.net$")
"""A distribution's default domain ``dxxxx.cloudfront.net``."""
ACCELERATOR: Final = re.compile(r"^[a-z0-9-]+\.(?:dualstack\.)?awsglobalaccelerator\.com$")
"""An accelerator's DNS name (IPv4 or dual-stack)."""


@dataclass(frozen=True, slots=True)
class S3Endpoint:
    """A bucket endpoint: the bucket, its region when the name says it, website or REST."""

    bucket: str
    region: str | None
    website: bool


@dataclass(frozen=True, slots=True)
class Match:
    """What a domain name's form says it is: a rule name and the identifiers it carries."""

    rule: str
    """``elb``, ``cloudfront``, ``s3-rest``, ``s3-website``, ``execute-api``, ``api-domain``,
    ``lambda-url``, ``accelerator`` or ``ip``."""
    region: str | None = None
    ident: str | None = None
    """The bucket, API id, custom-domain id or URL id (None for elb/cloudfront/accelerator)."""


def normalize(domain: str) -> str:
    """Lower case, no trailing dot, Route 53 escapes decoded (``dualstack.`` is kept)."""
    return normalize_dns_name(domain.strip())


def strip_dualstack(domain: str) -> str:
    """The name without the ``dualstack.`` prefix Route 53 aliases to ELBs carry."""
    return normalize(domain).removeprefix("dualstack.")


def parse_s3(domain: str) -> S3Endpoint | None:
    """The bucket an S3 REST or website endpoint addresses (every regional form)."""
    host = normalize(domain)
    website = S3_WEBSITE.match(host)
    if website:
        return S3Endpoint(website.group("bucket"), website.group("region"), True)
    rest = S3_REST.match(host)
    if rest is None:
        return None
    region = rest.group("region")
    if region == "external-1":
        region = "us-east-1"
    return S3Endpoint(rest.group("bucket"), region, False)


def parse_elb(domain: str) -> tuple[str, str] | None:
    """``(name without dualstack, region)`` of an ELB-style DNS name (ALB, NLB or Classic)."""
    host = normalize(domain)
    match = ELB.match(host)
    if match is None:
        return None
    region = match.group("region") or match.group("nlb_region")
    return host.removeprefix("dualstack."), region


def parse_execute_api(domain: str) -> tuple[str, str] | None:
    """``(apiId, region)`` of an API's default ``execute-api`` endpoint (not a ``d-`` name)."""
    host = normalize(domain)
    match = EXECUTE_API.match(host)
    if match is None or host.startswith("d-"):
        return None
    return match.group("api"), match.group("region")


def parse_api_domain_target(domain: str) -> tuple[str, str] | None:
    """``(d-id, region)`` of a custom domain's regional endpoint ``d-….execute-api…``."""
    match = API_DOMAIN_REGIONAL.match(normalize(domain))
    return None if match is None else (match.group("id"), match.group("region"))


def parse_lambda_url(domain: str) -> tuple[str, str] | None:
    """``(urlId, region)`` of a Lambda function URL host name."""
    match = LAMBDA_URL.match(normalize(domain))
    return None if match is None else (match.group("url"), match.group("region"))


def is_cloudfront_domain(domain: str) -> bool:
    """A ``*.cloudfront.net`` default domain (a distribution, or an edge-optimized API)."""
    return CLOUDFRONT.match(normalize(domain)) is not None


def is_accelerator_domain(domain: str) -> bool:
    """A Global Accelerator DNS name."""
    return ACCELERATOR.match(normalize(domain)) is not None


def is_ip_address(value: str) -> bool:
    """An IPv4 or IPv6 address (A / AAAA record values)."""
    try:
        ipaddress.ip_address(value.strip())
    except ValueError:
        return False
    return True


def classify(domain: str) -> Match | None:
    """The AWS endpoint form of ``domain``, or None for any other name."""
    host = normalize(domain)
    if is_ip_address(host):
        return Match("ip", ident=host)
    s3 = parse_s3(host)
    if s3 is not None:
        return Match("s3-website" if s3.website else "s3-rest", s3.region, s3.bucket)
    elb = parse_elb(host)
    if elb is not None:
        return Match("elb", elb[1])
    api_domain = parse_api_domain_target(host)
    if api_domain is not None:
        return Match("api-domain", api_domain[1], api_domain[0])
    api = parse_execute_api(host)
    if api is not None:
        return Match("execute-api", api[1], api[0])
    url = parse_lambda_url(host)
    if url is not None:
        return Match("lambda-url", url[1], url[0])
    if is_cloudfront_domain(host):
        return Match("cloudfront")
    if is_accelerator_domain(host):
        return Match("accelerator")
    return None
