"""One grammar for the host names AWS gives its public endpoints.

A base module (stdlib only, like :mod:`edgekit.errors`): every layer may import it, so the
collector, the model, the graph and the rules read an endpoint name the same way. Each parser
takes a host name as payloads carry it — any case, an optional trailing dot, surrounding
blanks — and returns what the name says, or None when it is not of that form. The reading is
strict: a name matches only when AWS could have issued it, so a look-alike (another domain, a
label in the wrong place, a region of the wrong partition) is never taken for an endpoint.

Forms (AWS documentation: S3 "Virtual hosted-style requests", "Website endpoints" and "Bucket
naming rules"; Lambda "Function URLs"; API Gateway "Invoking a REST API" and "Custom domain
names"; ELB "DNS name"; CloudFront and Global Accelerator "DNS names"):

* S3 REST — ``<bucket>.s3.amazonaws.com`` (global, no region), ``<bucket>.s3.<region>…``,
  ``<bucket>.s3-<region>…`` (legacy dash), ``<bucket>.s3-external-1…`` (legacy us-east-1),
  ``<bucket>.s3.dualstack.<region>…``; ``<alias>.mrap.accesspoint.s3-global.amazonaws.com``
  (Multi-Region Access Point). See :func:`s3_endpoint`.
* S3 website — ``<bucket>.s3-website-<region>…`` (dash) and ``<bucket>.s3-website.<region>…``
  (dot); the bare ``s3-website[-.]<region>…`` a Route 53 alias targets
  (:func:`s3_website_endpoint_region`).
* Lambda function URL — ``<url-id>.lambda-url.<region>.on.aws`` (:func:`lambda_url`).
* API Gateway — an API's default ``<api-id>.execute-api.<region>…`` (:func:`execute_api`); a
  custom domain's regional target ``d-<id>.execute-api.<region>…`` (:func:`api_domain_target`);
  an edge-optimized custom domain's target is a ``*.cloudfront.net`` name.
* Elastic Load Balancing — ALB and Classic ``<name>.<region>.elb…``, NLB and GWLB
  ``<name>.elb.<region>…``, optionally behind ``dualstack.`` (:func:`elb_endpoint`).
* CloudFront ``<id>.cloudfront.net``; Global Accelerator ``<id>[.dualstack]
  .awsglobalaccelerator.com``.

``…`` is ``.amazonaws.com``, or ``.amazonaws.com.cn`` for the China regions (``cn-*``): the
suffix and the region's partition must agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import urlsplit

REGION: Final = r"[a-z]{2}(?:-[a-z]+)+-\d+"
"""A region name: ``us-east-1``, ``us-gov-west-1``, ``ap-southeast-4``, ``cn-north-1``."""
_AWS: Final = r"\.amazonaws\.com(?P<cn>\.cn)?"
_NAME: Final = r"(?P<name>[a-z0-9][a-z0-9.-]*[a-z0-9])"
_LABEL: Final = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"

_S3_REST: Final = re.compile(
    rf"^{_NAME}\.s3(?:-(?P<legacy>{REGION}|external-1)|\.(?:dualstack\.)?(?P<region>{REGION}))?"
    rf"{_AWS}$"
)
_S3_WEBSITE: Final = re.compile(rf"^{_NAME}\.s3-website[.-](?P<region>{REGION}){_AWS}$")
_S3_WEBSITE_ENDPOINT: Final = re.compile(rf"^s3-website[.-](?P<region>{REGION}){_AWS}$")
_MRAP: Final = re.compile(r"^(?P<name>[a-z0-9]+\.mrap)\.accesspoint\.s3-global\.amazonaws\.com$")
_LAMBDA_URL: Final = re.compile(rf"^(?P<id>[a-z0-9]+)\.lambda-url\.(?P<region>{REGION})\.on\.aws$")
_EXECUTE_API: Final = re.compile(rf"^(?P<id>[a-z0-9]+)\.execute-api\.(?P<region>{REGION}){_AWS}$")
_API_DOMAIN: Final = re.compile(rf"^(?P<id>d-[a-z0-9]+)\.execute-api\.(?P<region>{REGION}){_AWS}$")
_ELB: Final = re.compile(
    rf"^(?:dualstack\.)?(?P<name>{_LABEL}\.(?:elb\.(?P<nlb>{REGION})|(?P<region>{REGION})\.elb)"
    rf"{_AWS})$"
)
_CLOUDFRONT: Final = re.compile(r"^[a-z0-9]+\.cloudfront\.net$")
_ACCELERATOR: Final = re.compile(r"^[a-z0-9-]+\.(?:dualstack\.)?awsglobalaccelerator\.com$")
_IPV4_FORMAT: Final = re.compile(r"^\d+\.\d+\.\d+\.\d+$")
_NAME_CHARS: Final = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")

S3Name = Literal[
    "bucket",
    "access-point-alias",
    "object-lambda-alias",
    "directory-bucket",
    "multi-region-access-point",
]
"""What the name an S3 endpoint addresses is."""

_NOT_BUCKETS: Final[tuple[tuple[str, S3Name], ...]] = (
    ("-s3alias", "access-point-alias"),
    ("--ol-s3", "object-lambda-alias"),
    ("--x-s3", "directory-bucket"),
)
"""Reserved name suffixes (no general-purpose bucket may end so) and what they name."""
_RESERVED_ELSEWHERE: Final = (".mrap", "--table-s3")
"""Reserved suffixes of names these forms never address (MRAP aliases have their own host
form; table buckets have no virtual-hosted endpoint)."""


def normalize_host(host: str) -> str:
    """Lower case, no surrounding blanks, no trailing dot (DNS names are case-insensitive)."""
    return host.strip().rstrip(".").lower()


def dns_suffix(region: str | None) -> str:
    """``amazonaws.com.cn`` for a China region (``cn-*``), else ``amazonaws.com``."""
    return (
        "amazonaws.com.cn" if region is not None and region.startswith("cn-") else "amazonaws.com"
    )


def _partition_agrees(region: str | None, cn: str | None) -> bool:
    """The ``.cn`` suffix is there exactly when the region is a China one (no region: never)."""
    return (cn is not None) == (region is not None and region.startswith("cn-"))


def _match(pattern: re.Pattern[str], host: str) -> re.Match[str] | None:
    """``pattern`` (with ``region`` and ``cn`` groups) on the normalised host, when the
    ``.amazonaws.com[.cn]`` suffix agrees with the region's partition."""
    match = pattern.match(normalize_host(host))
    if match is None or not _partition_agrees(match["region"], match["cn"]):
        return None
    return match


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
"""Host names of this machine's loopback interface (where the sandbox listens)."""


def is_loopback_url(url: str) -> bool:
    """True for an ``http(s)`` URL whose host is the loopback interface (the sandbox)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and (parts.hostname or "") in LOOPBACK_HOSTS


def url_host(url: str) -> str:
    """The normalised host of a URL (``https://X.lambda-url.eu-west-1.on.aws/`` → ``x.lambda-url
    .eu-west-1.on.aws``); a bare host name is returned normalised."""
    return normalize_host(url.split("//")[-1].split("/")[0])


# -- S3 --------------------------------------------------------------------------------------------
def _s3_name(name: str) -> S3Name | None:
    """What a name in a virtual-hosted S3 host addresses, or None when no S3 name can be so.

    S3 bucket naming rules: 3 to 63 characters of lower-case letters, digits, dots and hyphens,
    beginning and ending with a letter or digit, no two adjacent dots, not formatted as an IP
    address. The suffixes ``-s3alias`` (access point aliases), ``--ol-s3`` (Object Lambda access
    point aliases), ``--x-s3`` (directory buckets), ``.mrap`` (Multi-Region Access Point aliases)
    and ``--table-s3`` (table buckets) are reserved: no general-purpose bucket ends with them.
    """
    if not _NAME_CHARS.match(name) or ".." in name or _IPV4_FORMAT.match(name):
        return None
    if name.endswith(_RESERVED_ELSEWHERE):
        return None
    for suffix, kind in _NOT_BUCKETS:
        if name.endswith(suffix):
            return kind
    return "bucket"


def is_bucket_name(name: str) -> bool:
    """``name`` can be a general-purpose bucket's (S3 bucket naming rules; see :func:`s3_endpoint`).

    S3 website endpoints serve the bucket named like the request's Host header, so a record
    whose name cannot be a bucket name is served by no bucket, now or later.
    """
    return _s3_name(normalize_host(name)) == "bucket"


@dataclass(frozen=True, slots=True)
class S3Endpoint:
    """What an S3 endpoint host addresses."""

    name: str
    """The bucket, access point alias, directory bucket or MRAP alias in the host."""
    region: str | None
    """The region the host names (None: the global ``s3.amazonaws.com`` or an MRAP)."""
    website: bool = False
    """A static-website endpoint (HTTP only, a bucket's website configuration)."""
    kind: S3Name = "bucket"

    @property
    def bucket(self) -> str | None:
        """The general-purpose bucket addressed; None for access points, Object Lambda access
        points, directory buckets and Multi-Region Access Points (not bucket names: they cannot
        be claimed by another account, and S3's bucket APIs do not answer for them)."""
        return self.name if self.kind == "bucket" else None


def s3_endpoint(host: str) -> S3Endpoint | None:
    """The S3 REST or website endpoint ``host`` is, or None.

    REST (virtual-hosted style): ``<name>.s3.amazonaws.com`` (global endpoint: region None),
    ``<name>.s3.<region>.amazonaws.com``, ``<name>.s3-<region>.amazonaws.com`` (legacy dash
    form of the older regions), ``<name>.s3-external-1.amazonaws.com`` (legacy us-east-1),
    ``<name>.s3.dualstack.<region>.amazonaws.com``; ``.amazonaws.com.cn`` in the China regions.
    The name is a bucket, or an access point / Object Lambda alias or a directory bucket name
    (:attr:`S3Endpoint.kind`, by its reserved suffix). A Multi-Region Access Point is
    ``<alias>.mrap.accesspoint.s3-global.amazonaws.com`` (kind
    ``multi-region-access-point``, region None).

    Website: ``<bucket>.s3-website-<region>.amazonaws.com`` (dash, the older regions) or
    ``<bucket>.s3-website.<region>.amazonaws.com`` (dot); only buckets have websites.

    None for the bare service endpoints (no name), names that break the bucket naming rules,
    path-style, access point ARN-style (``*.s3-accesspoint.*``), FIPS and S3 Express zonal
    host names.
    """
    h = normalize_host(host)
    website = _match(_S3_WEBSITE, h)
    if website is not None:
        if _s3_name(website["name"]) != "bucket":
            return None
        return S3Endpoint(website["name"], website["region"], website=True)
    rest = _S3_REST.match(h)
    if rest is not None:
        legacy = rest["legacy"]
        region = "us-east-1" if legacy == "external-1" else legacy or rest["region"]
        kind = _s3_name(rest["name"])
        if kind is None or not _partition_agrees(region, rest["cn"]):
            return None
        return S3Endpoint(rest["name"], region, kind=kind)
    mrap = _MRAP.match(h)
    if mrap is not None:
        return S3Endpoint(mrap["name"], None, kind="multi-region-access-point")
    return None


def s3_website_endpoint_region(host: str) -> str | None:
    """The region of the bare S3 website endpoint ``s3-website-<region>.amazonaws.com`` (dash)
    or ``s3-website.<region>.amazonaws.com`` (dot), or None.

    A Route 53 alias to a website bucket targets this name, not the bucket's: S3 picks the
    bucket from the request's Host header, so the bucket serving a record is named like the
    record.
    """
    match = _match(_S3_WEBSITE_ENDPOINT, host)
    return None if match is None else str(match["region"])


# -- Lambda, API Gateway ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LambdaUrl:
    """A Lambda function URL host: ``<url_id>.lambda-url.<region>.on.aws``."""

    url_id: str
    region: str


def lambda_url(host: str) -> LambdaUrl | None:
    """The function URL ``host`` is (``<url-id>.lambda-url.<region>.on.aws``), or None."""
    match = _LAMBDA_URL.match(normalize_host(host))
    return None if match is None else LambdaUrl(match["id"], match["region"])


def lambda_url_host(url_id: str, region: str) -> str:
    """The host of function URL ``url_id`` in ``region``."""
    return f"{url_id}.lambda-url.{region}.on.aws"


@dataclass(frozen=True, slots=True)
class ExecuteApi:
    """An API's default endpoint: ``<api_id>.execute-api.<region>.amazonaws.com``."""

    api_id: str
    region: str


def execute_api(host: str) -> ExecuteApi | None:
    """The REST, HTTP or WebSocket API whose default endpoint ``host`` is, or None.

    ``<api-id>.execute-api.<region>.amazonaws.com`` (``.com.cn`` in China); API ids are
    lower-case letters and digits, so a custom domain's ``d-…`` target is not one.
    """
    match = _match(_EXECUTE_API, host)
    return None if match is None else ExecuteApi(match["id"], match["region"])


def execute_api_host(api_id: str, region: str) -> str:
    """The default endpoint host of API ``api_id`` in ``region``."""
    return f"{api_id}.execute-api.{region}.{dns_suffix(region)}"


@dataclass(frozen=True, slots=True)
class ApiDomainTarget:
    """A custom domain's regional target: ``d-<id>.execute-api.<region>.amazonaws.com``."""

    target_id: str
    """``d-…``."""
    region: str


def api_domain_target(host: str) -> ApiDomainTarget | None:
    """The regional API Gateway custom-domain target ``host`` is
    (``d-<id>.execute-api.<region>.amazonaws.com``), or None. An edge-optimized custom domain's
    target is a CloudFront name instead (:func:`is_cloudfront_domain`)."""
    match = _match(_API_DOMAIN, host)
    return None if match is None else ApiDomainTarget(match["id"], match["region"])


# -- Elastic Load Balancing, CloudFront, Global Accelerator ----------------------------------------
@dataclass(frozen=True, slots=True)
class ElbEndpoint:
    """A load balancer's DNS name."""

    dns_name: str
    """Normalised, without the ``dualstack.`` prefix Route 53 aliases carry (as the load
    balancer's own DNSName reads)."""
    region: str
    nlb: bool
    """The ``<name>.elb.<region>`` form of Network and Gateway Load Balancers (no Application
    or Classic Load Balancer has it)."""


def elb_endpoint(host: str) -> ElbEndpoint | None:
    """The load balancer DNS name ``host`` is, or None.

    ALB and Classic ELB: ``<name>.<region>.elb.amazonaws.com`` (``internal-<name>…`` for
    internal ones); NLB and GWLB: ``<name>.elb.<region>.amazonaws.com``; ``dualstack.`` in
    front for Route 53 aliases; ``.amazonaws.com.cn`` in China. ``<name>`` is a single DNS
    label (the load balancer's name and a generated id). The NLB form is tried first; with
    the match anchored on the label right after the name the two cannot both match, and a
    name label that looks like a region (``nw-old-api-1``) is never read as one.
    """
    match = _ELB.match(normalize_host(host))
    if match is None:
        return None
    region = match["nlb"] or match["region"]
    if not _partition_agrees(region, match["cn"]):
        return None
    return ElbEndpoint(match["name"], region, match["nlb"] is not None)


def elb_region(host: str) -> str | None:
    """The region in a load balancer DNS name (:func:`elb_endpoint`), or None."""
    found = elb_endpoint(host)
    return None if found is None else found.region


def is_cloudfront_domain(host: str) -> bool:
    """A ``<id>.cloudfront.net`` name: a distribution's, or the one API Gateway runs for an
    edge-optimized API or custom domain."""
    return _CLOUDFRONT.match(normalize_host(host)) is not None


def is_accelerator_domain(host: str) -> bool:
    """A Global Accelerator DNS name (``<id>.awsglobalaccelerator.com``, or
    ``<id>.dualstack.awsglobalaccelerator.com`` for a dual-stack accelerator)."""
    return _ACCELERATOR.match(normalize_host(host)) is not None
