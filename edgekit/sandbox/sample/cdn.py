"""CloudFront building blocks of the sample estate, with golden-path defaults.

Every argument defaults to the well-built choice (HTTPS redirect, TLSv1.2_2021 with SNI,
HTTP/2 and 3, IPv6, standard logging, compression, managed cache policies); a misconfigured
service passes the one setting it gets wrong, so the difference is visible at the call site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from edgekit.sandbox.sample.accounts import Account
from edgekit.sandbox.sample.state import Distribution, Estate

CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3"
ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2"
READ = ("GET", "HEAD")
READ_OPTIONS = ("GET", "HEAD", "OPTIONS")
ALL_METHODS = ("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
LOG_BUCKET = "nw-edge-logs"


def qlist(items: list[Any] | tuple[Any, ...]) -> dict[str, Any]:
    """CloudFront's ``{Quantity, Items}``."""
    return {"Quantity": len(items), "Items": list(items)}


def s3_origin(
    origin_id: str, bucket: str, region: str, *, oac: str = "", oai: str = ""
) -> dict[str, Any]:
    """An S3 REST origin (with an OAC id, or an OAI id, or neither)."""
    identity = f"origin-access-identity/cloudfront/{oai}" if oai else ""
    origin: dict[str, Any] = {
        "Id": origin_id,
        "DomainName": f"{bucket}.s3.{region}.amazonaws.com",
        "S3OriginConfig": {"OriginAccessIdentity": identity},
    }
    if oac:
        origin["OriginAccessControlId"] = oac
    return origin


def custom_origin(
    origin_id: str,
    domain: str,
    *,
    protocol: str = "https-only",
    tls: tuple[str, ...] = ("TLSv1.2",),
    https_port: int = 443,
    keepalive: int = 5,
    headers: dict[str, str] | None = None,
    path: str = "",
    oac: str = "",
) -> dict[str, Any]:
    """A custom origin (ALB host name, API, Lambda URL, S3 website, another distribution)."""
    origin: dict[str, Any] = {
        "Id": origin_id,
        "DomainName": domain,
        "OriginPath": path,
        "CustomOriginConfig": {
            "HTTPPort": 80,
            "HTTPSPort": https_port,
            "OriginProtocolPolicy": protocol,
            "OriginSslProtocols": qlist(tls),
            "OriginReadTimeout": 30,
            "OriginKeepaliveTimeout": keepalive,
        },
    }
    if headers:
        items = [{"HeaderName": k, "HeaderValue": v} for k, v in headers.items()]
        origin["CustomHeaders"] = qlist(items)
    if oac:
        origin["OriginAccessControlId"] = oac
    return origin


def vpc_origin(origin_id: str, domain: str, vpc_origin_id: str) -> dict[str, Any]:
    """An origin reached through a CloudFront VPC origin (an internal ALB)."""
    return {
        "Id": origin_id,
        "DomainName": domain,
        "VpcOriginConfig": {
            "VpcOriginId": vpc_origin_id,
            "OriginReadTimeout": 30,
            "OriginKeepaliveTimeout": 5,
        },
    }


def origin_group(group_id: str, primary: str, secondary: str) -> dict[str, Any]:
    """An origin group failing over on 5xx."""
    return {
        "Id": group_id,
        "FailoverCriteria": {"StatusCodes": qlist([500, 502, 503, 504])},
        "Members": qlist([{"OriginId": primary}, {"OriginId": secondary}]),
    }


def behavior(
    target: str,
    *,
    path: str | None = None,
    viewer: str = "redirect-to-https",
    methods: tuple[str, ...] = READ,
    cache: str | None = CACHING_OPTIMIZED,
    origin_request: str | None = None,
    headers_policy: str | None = None,
    compress: bool = True,
    function: str | None = None,
    edge_lambda: str | None = None,
    trusted_signers: bool = False,
    forwarded: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A cache behavior (default when ``path`` is None); ``forwarded`` = legacy settings."""
    cached = [m for m in READ_OPTIONS if m in methods][: 3 if "OPTIONS" in methods else 2]
    item: dict[str, Any] = {
        "TargetOriginId": target,
        "ViewerProtocolPolicy": viewer,
        "AllowedMethods": {**qlist(methods), "CachedMethods": qlist(cached)},
        "Compress": compress,
    }
    if path is not None:
        item["PathPattern"] = path
    if forwarded is not None:
        item.update(forwarded)
    elif cache is not None:
        item["CachePolicyId"] = cache
    if origin_request:
        item["OriginRequestPolicyId"] = origin_request
    if headers_policy:
        item["ResponseHeadersPolicyId"] = headers_policy
    if function:
        item["FunctionAssociations"] = qlist(
            [{"FunctionARN": function, "EventType": "viewer-request"}]
        )
    if edge_lambda:
        item["LambdaFunctionAssociations"] = qlist(
            [{"LambdaFunctionARN": edge_lambda, "EventType": "viewer-request"}]
        )
    if trusted_signers:
        item["TrustedSigners"] = {"Enabled": True, **qlist(["self"])}
    return item


def dynamic(
    target: str, *, path: str | None = None, headers_policy: str | None = None
) -> dict[str, Any]:
    """A behavior for an application origin: every method, no caching, viewer headers but Host."""
    return behavior(
        target,
        path=path,
        methods=ALL_METHODS,
        cache=CACHING_DISABLED,
        origin_request=ALL_VIEWER_EXCEPT_HOST,
        headers_policy=headers_policy,
    )


def legacy_forwarding(*, headers: tuple[str, ...] = (), ttl: int = 86400) -> dict[str, Any]:
    """Legacy ``ForwardedValues`` cache settings (query strings forwarded)."""
    return {
        "ForwardedValues": {
            "QueryString": True,
            "Cookies": {"Forward": "none"},
            "Headers": qlist(headers),
            "QueryStringCacheKeys": {"Quantity": 0},
        },
        "MinTTL": 0,
        "DefaultTTL": ttl,
        "MaxTTL": ttl * 365,
    }


@dataclass
class Spec:
    """A distribution's settings; the defaults are the golden path."""

    name: str
    aliases: tuple[str, ...]
    origins: list[dict[str, Any]]
    default: dict[str, Any]
    behaviors: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    certificate: str | None = None
    web_acl: str = ""
    logging: bool = True
    tls: str = "TLSv1.2_2021"
    ssl: str = "sni-only"
    http: str = "http2and3"
    ipv6: bool = True
    price: str = "PriceClass_100"
    root: str = ""
    enabled: bool = True
    errors: list[dict[str, Any]] = field(default_factory=list)
    comment: str = ""
    log_prefix: str = ""
    """Standard-logging prefix (default: the distribution's name)."""


def _config(spec: Spec) -> dict[str, Any]:
    viewer: dict[str, Any] = (
        {
            "ACMCertificateArn": spec.certificate,
            "SSLSupportMethod": spec.ssl,
            "MinimumProtocolVersion": spec.tls,
        }
        if spec.certificate
        else {"CloudFrontDefaultCertificate": True, "MinimumProtocolVersion": "TLSv1"}
    )
    config: dict[str, Any] = {
        "CallerReference": f"northwind-{spec.name}",
        "Aliases": qlist(spec.aliases),
        "DefaultRootObject": spec.root,
        "Origins": qlist(spec.origins),
        "DefaultCacheBehavior": spec.default,
        "CacheBehaviors": qlist(spec.behaviors),
        "CustomErrorResponses": qlist(spec.errors),
        "Comment": spec.comment or f"{spec.name} (Northwind)",
        "Logging": {
            "Enabled": spec.logging,
            "IncludeCookies": False,
            "Bucket": f"{LOG_BUCKET}.s3.amazonaws.com" if spec.logging else "",
            "Prefix": (spec.log_prefix or f"{spec.name}/") if spec.logging else "",
        },
        "PriceClass": spec.price,
        "Enabled": spec.enabled,
        "ViewerCertificate": viewer,
        "Restrictions": {"GeoRestriction": {"RestrictionType": "none", "Quantity": 0}},
        "WebACLId": spec.web_acl,
        "HttpVersion": spec.http,
        "IsIPV6Enabled": spec.ipv6,
    }
    if spec.groups:
        config["OriginGroups"] = qlist(spec.groups)
    return config


def distribution(estate: Estate, account: Account, spec: Spec) -> Distribution:
    """Create the distribution (tagged with its sample name) and record it."""
    created = account.client("cloudfront").create_distribution_with_tags(
        DistributionConfigWithTags={
            "DistributionConfig": _config(spec),
            "Tags": {"Items": [{"Key": "Name", "Value": f"nw-{spec.name}"}]},
        }
    )["Distribution"]
    found = Distribution(
        name=spec.name,
        account_id=account.account_id,
        id=str(created["Id"]),
        arn=str(created["ARN"]),
        domain=str(created["DomainName"]),
        aliases=spec.aliases,
        enabled=spec.enabled,
    )
    estate.distributions[spec.name] = found
    return found
