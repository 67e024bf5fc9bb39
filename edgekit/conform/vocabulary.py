"""The words a house pattern may use: hop kinds, origin kinds, origin lock methods, TLS floors,
and every pattern key with the type of value it takes.

One table (:data:`KEYS`) drives the loader's validation (:mod:`edgekit.conform.patterns`), the
JSON Schema shipped for editors (:mod:`edgekit.conform.schema`) and the matcher
(:mod:`edgekit.conform.evaluators`), so the three cannot disagree.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from edgekit.model.enums import MINIMUM_PROTOCOL_VERSION

FRONT_KINDS: Final = (
    "dns-alias",
    "dns-cname",
    "cloudfront",
    "accelerator",
    "alb",
    "nlb",
    "gwlb",
    "classic-elb",
    "api-gateway",
    "lambda-url",
    "s3",
    "external",
)
"""Hop kinds of a path before CloudFront's origin (or without CloudFront): Route 53 alias or
CNAME record, distribution, Global Accelerator, load balancers by AWS ``Type``, API Gateway
(custom domain, API, stage), Lambda function URL, S3 bucket, and a name the snapshot cannot
resolve."""

ORIGIN_KINDS: Final = (
    "s3",
    "s3-website",
    "vpc-origin",
    "alb",
    "nlb",
    "classic-elb",
    "api-gateway",
    "lambda-url",
    "cloudfront",
    "custom",
)
"""What a CloudFront origin reaches (``origin:<kind>`` in a path): an S3 REST endpoint, an S3
website endpoint, a VPC origin, a load balancer by type, API Gateway, a Lambda function URL,
another distribution, anything else (``custom``: an HTTP server the snapshot does not
describe)."""

LOCK_METHODS: Final = (
    "vpc-origin",
    "oac",
    "oai",
    "prefix-list+secret-header",
    "prefix-list",
    "secret-header",
    "none",
)
"""How an origin is kept from being reached around CloudFront: a VPC origin (private); origin
access control (S3, Lambda URL); a legacy origin access identity; a load balancer whose security
groups admit only CloudFront's origin-facing prefix list *and* whose listeners require the
secret header CloudFront sends; either of the two alone; nothing."""

VIEWER_TLS: Final = MINIMUM_PROTOCOL_VERSION.values
"""CloudFront's ``MinimumProtocolVersion`` values, weakest first (the floor order)."""

CERTIFICATE_SOURCES: Final = ("acm", "iam", "cloudfront")
VIEWER_PROTOCOLS: Final = ("redirect-to-https", "https-only", "allow-all")
HTTP_VERSIONS: Final = ("http1.1", "http2", "http3", "http2and3")
PRICE_CLASSES: Final = ("PriceClass_100", "PriceClass_200", "PriceClass_All")
ORIGIN_PROTOCOLS: Final = ("https-only", "match-viewer", "http-only")


class ValueType(enum.StrEnum):
    """The type of value a pattern key takes."""

    BOOL = "bool"
    ENUM = "enum"
    """One value of ``choices``."""
    ENUM_LIST = "enum-list"
    """A non-empty list of values of ``choices`` (any one of them is accepted)."""
    GLOBS = "globs"
    """A list of name globs (``fnmatch``: ``*``, ``?``, ``[...]``); ``[]`` means none allowed
    where the key says so."""
    NAMES = "names"
    """A list of names that must all be present."""


@dataclass(frozen=True, slots=True)
class Key:
    """One pattern key: its section, name, value type, allowed values and meaning."""

    section: str
    name: str
    type: ValueType
    doc: str
    choices: tuple[str, ...] = ()


def _k(section: str, name: str, type_: ValueType, doc: str, choices: tuple[str, ...] = ()) -> Key:
    return Key(section, name, type_, doc, choices)


CF: Final = "cloudfront"
ORIGIN: Final = "origin"
LB: Final = "load_balancer"
V = ValueType

KEYS: Final[tuple[Key, ...]] = (
    _k(CF, "web_acl", V.GLOBS, "the distribution's web ACL name matches one of these globs"),
    _k(CF, "web_acl_managed_groups", V.NAMES, "the web ACL uses every one of these managed "
       "rule groups (``Vendor/Name`` or ``Name`` of an AWS group), not counting only"),
    _k(CF, "web_acl_rate_limit", V.BOOL, "the web ACL has (true) / has no (false) rate-based "
       "rule"),
    _k(CF, "viewer_tls_min", V.ENUM, "MinimumProtocolVersion is at least this floor", VIEWER_TLS),
    _k(CF, "certificate_source", V.ENUM_LIST, "the viewer certificate comes from one of these",
       CERTIFICATE_SOURCES),
    _k(CF, "viewer_protocol", V.ENUM_LIST, "every behavior's ViewerProtocolPolicy is one of "
       "these", VIEWER_PROTOCOLS),
    _k(CF, "cache_policies", V.GLOBS, "every behavior's cache policy name matches one of these "
       "(legacy ForwardedValues never matches)"),
    _k(CF, "origin_request_policies", V.GLOBS, "every behavior's origin request policy, when "
       "it has one, matches one of these ([]: none allowed)"),
    _k(CF, "response_headers_policy", V.GLOBS, "every behavior has a response headers policy "
       "whose name matches one of these"),
    _k(CF, "functions", V.GLOBS, "every CloudFront Function associated with a behavior "
       "matches one of these by name ([]: none allowed)"),
    _k(CF, "lambda_at_edge", V.BOOL, "Lambda@Edge associations are allowed (true) or not"),
    _k(CF, "logging", V.BOOL, "standard logging (v1 or v2 deliveries) is on (true) / off"),
    _k(CF, "http_versions", V.ENUM_LIST, "HttpVersion is one of these", HTTP_VERSIONS),
    _k(CF, "ipv6", V.BOOL, "IPv6 is enabled (true) / disabled"),
    _k(CF, "price_class", V.ENUM_LIST, "PriceClass is one of these", PRICE_CLASSES),
    _k(CF, "shield", V.BOOL, "the distribution has (true) / has no Shield Advanced protection"),
    _k(ORIGIN, "protocol", V.ENUM_LIST, "every custom origin's OriginProtocolPolicy is one of "
       "these (S3 REST and VPC origins are not custom origins)", ORIGIN_PROTOCOLS),
    _k(ORIGIN, "lockdown", V.ENUM_LIST, "every origin is locked by one of these methods",
       LOCK_METHODS),
    _k(LB, "tls_policy", V.GLOBS, "every HTTPS/TLS listener's SslPolicy of a load balancer on "
       "the path (internal ones behind a VPC origin included) matches one of these"),
    _k(LB, "web_acl", V.GLOBS, "an internet-facing ALB on the path has a regional web ACL whose "
       "name matches one of these"),
    _k(LB, "shield", V.BOOL, "an internet-facing load balancer on the path has (true) / has no "
       "Shield Advanced protection"),
)  # fmt: skip
"""Every pattern key (sections ``cloudfront``, ``origin``, ``load_balancer``)."""

SECTIONS: Final = tuple(dict.fromkeys(k.section for k in KEYS))
TOP_KEYS: Final = ("name", "description", "path")
KEY_INDEX: Final = {(k.section, k.name): k for k in KEYS}


def path_terms() -> tuple[str, ...]:
    """Every word a path item may use (alternatives are joined with ``|``)."""
    return (*FRONT_KINDS, *(f"origin:{o}" for o in ORIGIN_KINDS))


def tls_rank(policy: str) -> int | None:
    """The floor order of a CloudFront viewer TLS policy (None: not one of :data:`VIEWER_TLS`)."""
    try:
        return VIEWER_TLS.index(policy)
    except ValueError:
        return None
