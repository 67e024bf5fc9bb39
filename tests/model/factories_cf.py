"""CloudFront payload factories: items shaped exactly like botocore's output (JSON form)."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from edgekit.model.cloudfront.policies import (
    CACHING_DISABLED,
    CACHING_OPTIMIZED,
    ORP_ALL_VIEWER,
    ORP_ALL_VIEWER_EXCEPT_HOST,
    RHP_SECURITY_HEADERS,
)

ACCOUNT = "111111111111"
TS = "2026-01-15T10:00:00Z"
OMIT: Any = object()
"""Pass as a factory argument to leave the key out of the item (= not collected)."""


def digest(secret: str) -> str:
    """The ``sha256:`` digest the collector stores instead of a secret header value."""
    return "sha256:" + hashlib.sha256(secret.encode()).hexdigest()


def wrapped(items: Sequence[Any]) -> dict[str, Any]:
    """CloudFront's ``{"Quantity", "Items"}`` wrapper."""
    return {"Quantity": len(items), "Items": list(items)} if items else {"Quantity": 0}


def s3_origin(
    origin_id: str = "s3-assets",
    bucket: str = "assets-bucket",
    *,
    oac_id: str = "E2OACEXAMPLE",
    oai: str = "",
    region: str = "us-east-1",
) -> dict[str, Any]:
    """An S3 REST origin (OAC by default; pass ``oai`` for a legacy OAI)."""
    return {
        "Id": origin_id,
        "DomainName": f"{bucket}.s3.{region}.amazonaws.com",
        "OriginPath": "",
        "CustomHeaders": wrapped([]),
        "S3OriginConfig": {"OriginAccessIdentity": oai, "OriginReadTimeout": 30},
        "ConnectionAttempts": 3,
        "ConnectionTimeout": 10,
        "OriginShield": {"Enabled": False},
        "OriginAccessControlId": oac_id,
    }


def custom_origin(
    origin_id: str,
    domain: str,
    *,
    policy: str = "https-only",
    ssl: Sequence[str] = ("TLSv1.2",),
    headers: Mapping[str, str] | None = None,
    read_timeout: int = 30,
    keepalive: int = 5,
    shield_region: str | None = None,
    http_port: int = 80,
    https_port: int = 443,
) -> dict[str, Any]:
    """A custom origin (ALB, API, S3 website...); header values are given already digested."""
    return {
        "Id": origin_id,
        "DomainName": domain,
        "OriginPath": "",
        "CustomHeaders": wrapped(
            [{"HeaderName": k, "HeaderValue": v} for k, v in (headers or {}).items()]
        ),
        "CustomOriginConfig": {
            "HTTPPort": http_port,
            "HTTPSPort": https_port,
            "OriginProtocolPolicy": policy,
            "OriginSslProtocols": {"Quantity": len(ssl), "Items": list(ssl)},
            "OriginReadTimeout": read_timeout,
            "OriginKeepaliveTimeout": keepalive,
            "IpAddressType": "ipv4",
        },
        "ConnectionAttempts": 3,
        "ConnectionTimeout": 10,
        "OriginShield": (
            {"Enabled": True, "OriginShieldRegion": shield_region}
            if shield_region
            else {"Enabled": False}
        ),
        "OriginAccessControlId": "",
    }


def vpc_origin_ref(origin_id: str, vpc_origin_id: str, owner: str = ACCOUNT) -> dict[str, Any]:
    """An origin that goes through a CloudFront VPC origin."""
    return {
        "Id": origin_id,
        "DomainName": "internal-alb.example.internal",
        "OriginPath": "",
        "CustomHeaders": wrapped([]),
        "VpcOriginConfig": {
            "VpcOriginId": vpc_origin_id,
            "OwnerAccountId": owner,
            "OriginReadTimeout": 30,
            "OriginKeepaliveTimeout": 5,
        },
        "ConnectionAttempts": 3,
        "ConnectionTimeout": 10,
        "OriginShield": {"Enabled": False},
        "OriginAccessControlId": "",
    }


def forwarded_values(
    *,
    query_string: bool = True,
    cookies: str = "all",
    cookie_names: Sequence[str] = (),
    headers: Sequence[str] = ("*",),
    qs_keys: Sequence[str] = (),
) -> dict[str, Any]:
    """Legacy ForwardedValues."""
    cookie: dict[str, Any] = {"Forward": cookies}
    if cookies == "whitelist":
        cookie["WhitelistedNames"] = wrapped(list(cookie_names))
    return {
        "QueryString": query_string,
        "Cookies": cookie,
        "Headers": wrapped(list(headers)),
        "QueryStringCacheKeys": wrapped(list(qs_keys)),
    }


def behavior(
    target: str,
    path: str | None = None,
    *,
    viewer: str = "redirect-to-https",
    methods: Sequence[str] = ("HEAD", "GET"),
    cached: Sequence[str] = ("HEAD", "GET"),
    compress: bool = True,
    cache_policy: str | None = CACHING_OPTIMIZED,
    origin_request_policy: str | None = None,
    response_headers_policy: str | None = None,
    legacy: dict[str, Any] | None = None,
    ttls: tuple[int, int, int] = (0, 86400, 31536000),
    lambdas: Iterable[tuple[str, str]] = (),
    functions: Iterable[tuple[str, str]] = (),
    field_level_encryption: str = "",
    realtime_log: str | None = None,
    trusted_signers: Sequence[str] | None = None,
    key_groups: Sequence[str] | None = None,
) -> dict[str, Any]:
    """A cache behavior (default when ``path`` is None); ``legacy`` = ForwardedValues."""
    b: dict[str, Any] = {}
    if path is not None:
        b["PathPattern"] = path
    b["TargetOriginId"] = target
    b["TrustedSigners"] = {
        "Enabled": trusted_signers is not None,
        **wrapped(list(trusted_signers or ())),
    }
    b["TrustedKeyGroups"] = {"Enabled": key_groups is not None, **wrapped(list(key_groups or ()))}
    b["ViewerProtocolPolicy"] = viewer
    b["AllowedMethods"] = {**wrapped(list(methods)), "CachedMethods": wrapped(list(cached))}
    b["SmoothStreaming"] = False
    b["Compress"] = compress
    b["LambdaFunctionAssociations"] = wrapped(
        [{"LambdaFunctionARN": arn, "EventType": ev, "IncludeBody": False} for arn, ev in lambdas]
    )
    b["FunctionAssociations"] = wrapped(
        [{"FunctionARN": arn, "EventType": ev} for arn, ev in functions]
    )
    b["FieldLevelEncryptionId"] = field_level_encryption
    if realtime_log:
        b["RealtimeLogConfigArn"] = realtime_log
    if legacy is not None:
        b["ForwardedValues"] = legacy
        b["MinTTL"], b["DefaultTTL"], b["MaxTTL"] = ttls
    else:
        assert cache_policy is not None
        b["CachePolicyId"] = cache_policy
    if origin_request_policy:
        b["OriginRequestPolicyId"] = origin_request_policy
    if response_headers_policy:
        b["ResponseHeadersPolicyId"] = response_headers_policy
    b["GrpcConfig"] = {"Enabled": False}
    return b


def viewer_certificate(
    acm_arn: str | None = None, *, min_protocol: str = "TLSv1.2_2021", method: str = "sni-only"
) -> dict[str, Any]:
    """A ViewerCertificate: the default certificate when ``acm_arn`` is None."""
    if acm_arn is None:
        return {
            "CloudFrontDefaultCertificate": True,
            "SSLSupportMethod": "vip",
            "MinimumProtocolVersion": "TLSv1",
            "CertificateSource": "cloudfront",
        }
    return {
        "CloudFrontDefaultCertificate": False,
        "ACMCertificateArn": acm_arn,
        "SSLSupportMethod": method,
        "MinimumProtocolVersion": min_protocol,
        "Certificate": acm_arn,
        "CertificateSource": "acm",
    }


def origin_group(
    group_id: str, members: Sequence[str], codes: Sequence[int] = (500, 502, 503, 504)
) -> dict[str, Any]:
    """An origin group."""
    return {
        "Id": group_id,
        "FailoverCriteria": {"StatusCodes": {"Quantity": len(codes), "Items": list(codes)}},
        "Members": {
            "Quantity": len(members),
            "Items": [{"OriginId": m} for m in members],
        },
        "SelectionCriteria": "default",
    }


def distribution(
    dist_id: str = "E1EXAMPLE",
    *,
    account: str = ACCOUNT,
    domain: str | None = None,
    aliases: Sequence[str] = (),
    origins: Sequence[dict[str, Any]] | None = None,
    default: dict[str, Any] | None = None,
    behaviors: Sequence[dict[str, Any]] = (),
    groups: Sequence[dict[str, Any]] = (),
    certificate: dict[str, Any] | None = None,
    web_acl: str = "",
    logging: tuple[bool, str, str] | None = None,
    root_object: str = "index.html",
    enabled: bool = True,
    price_class: str = "PriceClass_100",
    http_version: str = "http2and3",
    ipv6: bool = True,
    geo: tuple[str, Sequence[str]] = ("none", ()),
    error_responses: Sequence[dict[str, Any]] = (),
    comment: str = "",
    status: str = "Deployed",
) -> dict[str, Any]:
    """A GetDistribution ``Distribution``."""
    origins = list(origins) if origins is not None else [s3_origin()]
    enabled_log, bucket, prefix = logging or (False, "", "")
    geo_type, geo_items = geo
    return {
        "Id": dist_id,
        "ARN": f"arn:aws:cloudfront::{account}:distribution/{dist_id}",
        "Status": status,
        "LastModifiedTime": TS,
        "InProgressInvalidationBatches": 0,
        "DomainName": domain or f"d{dist_id.lower()}.cloudfront.net",
        "ActiveTrustedSigners": {"Enabled": False, "Quantity": 0},
        "ActiveTrustedKeyGroups": {"Enabled": False, "Quantity": 0},
        "DistributionConfig": {
            "CallerReference": f"ref-{dist_id}",
            "Aliases": wrapped(list(aliases)),
            "DefaultRootObject": root_object,
            "Origins": {"Quantity": len(origins), "Items": origins},
            "OriginGroups": wrapped(list(groups)),
            "DefaultCacheBehavior": default or behavior(origins[0]["Id"]),
            "CacheBehaviors": wrapped(list(behaviors)),
            "CustomErrorResponses": wrapped(list(error_responses)),
            "Comment": comment,
            "Logging": {
                "Enabled": enabled_log,
                "IncludeCookies": False,
                "Bucket": bucket,
                "Prefix": prefix,
            },
            "PriceClass": price_class,
            "Enabled": enabled,
            "ViewerCertificate": certificate or viewer_certificate(),
            "Restrictions": {
                "GeoRestriction": {"RestrictionType": geo_type, **wrapped(list(geo_items))}
            },
            "WebACLId": web_acl,
            "HttpVersion": http_version,
            "IsIPV6Enabled": ipv6,
            "Staging": False,
        },
    }


def error_response(code: int, ttl: int = 10, page: str = "", response: str = "") -> dict[str, Any]:
    """A custom error response."""
    return {
        "ErrorCode": code,
        "ResponsePagePath": page,
        "ResponseCode": response,
        "ErrorCachingMinTTL": ttl,
    }


def tags(**pairs: str) -> list[dict[str, str]]:
    """A CloudFront/ELBv2 tag list."""
    return [{"Key": k, "Value": v} for k, v in pairs.items()]


def distribution_entry(dist: dict[str, Any], tag_list: Any = OMIT) -> dict[str, Any]:
    """A ``distributions`` item; ``tag_list`` OMIT = tags not collected."""
    entry: dict[str, Any] = {"Distribution": dist}
    if tag_list is not OMIT:
        entry["Tags"] = tag_list
    return entry


_SUMMARY_KEYS = (
    "Aliases",
    "Origins",
    "OriginGroups",
    "DefaultCacheBehavior",
    "CacheBehaviors",
    "CustomErrorResponses",
    "Comment",
    "PriceClass",
    "Enabled",
    "ViewerCertificate",
    "Restrictions",
    "WebACLId",
    "HttpVersion",
    "IsIPV6Enabled",
    "Staging",
)


def summary_entry(dist: dict[str, Any], tag_list: Any = OMIT) -> dict[str, Any]:
    """The ``DistributionSummary`` item the collector writes when GetDistribution is denied."""
    cfg = dist["DistributionConfig"]
    summary = {
        k: copy.deepcopy(dist[k]) for k in ("Id", "ARN", "Status", "LastModifiedTime", "DomainName")
    }
    summary.update({k: copy.deepcopy(cfg[k]) for k in _SUMMARY_KEYS})
    entry: dict[str, Any] = {"DistributionSummary": summary}
    if tag_list is not OMIT:
        entry["Tags"] = tag_list
    return entry


# -- policies and other CloudFront resources ------------------------------------------------------
def _names(
    behavior_key: str, behavior_value: str, names_key: str, names: Sequence[str]
) -> dict[str, Any]:
    out: dict[str, Any] = {behavior_key: behavior_value}
    if names:
        out[names_key] = wrapped(list(names))
    return out


def cache_policy(
    policy_id: str,
    name: str,
    *,
    kind: str = "custom",
    ttls: tuple[int, int, int] = (1, 86400, 31536000),
    headers: tuple[str, Sequence[str]] = ("none", ()),
    cookies: tuple[str, Sequence[str]] = ("none", ()),
    query_strings: tuple[str, Sequence[str]] = ("none", ()),
    gzip: bool = True,
    brotli: bool = True,
) -> dict[str, Any]:
    """A ListCachePolicies item."""
    min_ttl, default_ttl, max_ttl = ttls
    return {
        "Type": kind,
        "CachePolicy": {
            "Id": policy_id,
            "LastModifiedTime": TS,
            "CachePolicyConfig": {
                "Comment": f"{name} policy",
                "Name": name,
                "DefaultTTL": default_ttl,
                "MaxTTL": max_ttl,
                "MinTTL": min_ttl,
                "ParametersInCacheKeyAndForwardedToOrigin": {
                    "EnableAcceptEncodingGzip": gzip,
                    "EnableAcceptEncodingBrotli": brotli,
                    "HeadersConfig": _names("HeaderBehavior", headers[0], "Headers", headers[1]),
                    "CookiesConfig": _names("CookieBehavior", cookies[0], "Cookies", cookies[1]),
                    "QueryStringsConfig": _names(
                        "QueryStringBehavior", query_strings[0], "QueryStrings", query_strings[1]
                    ),
                },
            },
        },
    }


def origin_request_policy(
    policy_id: str,
    name: str,
    *,
    kind: str = "custom",
    headers: tuple[str, Sequence[str]] = ("none", ()),
    cookies: tuple[str, Sequence[str]] = ("none", ()),
    query_strings: tuple[str, Sequence[str]] = ("none", ()),
) -> dict[str, Any]:
    """A ListOriginRequestPolicies item."""
    return {
        "Type": kind,
        "OriginRequestPolicy": {
            "Id": policy_id,
            "LastModifiedTime": TS,
            "OriginRequestPolicyConfig": {
                "Comment": f"{name} policy",
                "Name": name,
                "HeadersConfig": _names("HeaderBehavior", headers[0], "Headers", headers[1]),
                "CookiesConfig": _names("CookieBehavior", cookies[0], "Cookies", cookies[1]),
                "QueryStringsConfig": _names(
                    "QueryStringBehavior", query_strings[0], "QueryStrings", query_strings[1]
                ),
            },
        },
    }


def response_headers_policy(
    policy_id: str,
    name: str,
    *,
    kind: str = "custom",
    hsts: tuple[int, bool, bool] | None = (31536000, True, True),
    cors: bool = False,
    custom: Mapping[str, str] | None = None,
    remove: Sequence[str] = (),
) -> dict[str, Any]:
    """A ListResponseHeadersPolicies item; ``hsts`` = (max-age, includeSubdomains, preload)."""
    security: dict[str, Any] = {
        "XSSProtection": {"Override": False, "Protection": True, "ModeBlock": True},
        "FrameOptions": {"Override": False, "FrameOption": "SAMEORIGIN"},
        "ReferrerPolicy": {"Override": False, "ReferrerPolicy": "strict-origin-when-cross-origin"},
        "ContentTypeOptions": {"Override": True},
    }
    if hsts is not None:
        security["StrictTransportSecurity"] = {
            "Override": False,
            "IncludeSubdomains": hsts[1],
            "Preload": hsts[2],
            "AccessControlMaxAgeSec": hsts[0],
        }
    cfg: dict[str, Any] = {
        "Comment": f"{name} policy",
        "Name": name,
        "SecurityHeadersConfig": security,
        "ServerTimingHeadersConfig": {"Enabled": False},
    }
    if cors:
        cfg["CorsConfig"] = {
            "AccessControlAllowOrigins": {"Quantity": 1, "Items": ["https://example.com"]},
            "AccessControlAllowHeaders": {"Quantity": 1, "Items": ["*"]},
            "AccessControlAllowMethods": {"Quantity": 2, "Items": ["GET", "OPTIONS"]},
            "AccessControlAllowCredentials": False,
            "AccessControlExposeHeaders": {"Quantity": 0},
            "AccessControlMaxAgeSec": 600,
            "OriginOverride": True,
        }
    if custom:
        cfg["CustomHeadersConfig"] = wrapped(
            [{"Header": h, "Value": v, "Override": True} for h, v in custom.items()]
        )
    if remove:
        cfg["RemoveHeadersConfig"] = wrapped([{"Header": h} for h in remove])
    return {
        "Type": kind,
        "ResponseHeadersPolicy": {
            "Id": policy_id,
            "LastModifiedTime": TS,
            "ResponseHeadersPolicyConfig": cfg,
        },
    }


def managed_policies() -> dict[str, list[dict[str, Any]]]:
    """The AWS-managed policies every account lists (a representative subset)."""
    return {
        "cache_policies": [
            cache_policy(CACHING_OPTIMIZED, "Managed-CachingOptimized", kind="managed"),
            cache_policy(
                CACHING_DISABLED,
                "Managed-CachingDisabled",
                kind="managed",
                ttls=(0, 0, 0),
                gzip=False,
                brotli=False,
            ),
        ],
        "origin_request_policies": [
            origin_request_policy(
                ORP_ALL_VIEWER,
                "Managed-AllViewer",
                kind="managed",
                headers=("allViewer", ()),
                cookies=("all", ()),
                query_strings=("all", ()),
            ),
            origin_request_policy(
                ORP_ALL_VIEWER_EXCEPT_HOST,
                "Managed-AllViewerExceptHostHeader",
                kind="managed",
                headers=("allExcept", ("host",)),
                cookies=("all", ()),
                query_strings=("all", ()),
            ),
        ],
        "response_headers_policies": [
            response_headers_policy(
                RHP_SECURITY_HEADERS,
                "Managed-SecurityHeadersPolicy",
                kind="managed",
                hsts=(31536000, False, False),
            ),
        ],
    }


def oac(oac_id: str = "E2OACEXAMPLE", name: str = "assets-oac") -> dict[str, Any]:
    """An OriginAccessControlSummary."""
    return {
        "Id": oac_id,
        "Description": "OAC for the assets bucket",
        "Name": name,
        "SigningProtocol": "sigv4",
        "SigningBehavior": "always",
        "OriginAccessControlOriginType": "s3",
    }


def oai(oai_id: str = "E3OAIEXAMPLE") -> dict[str, Any]:
    """A CloudFrontOriginAccessIdentitySummary."""
    return {"Id": oai_id, "S3CanonicalUserId": "c" * 64, "Comment": "legacy OAI"}


def vpc_origin(vpc_id: str, endpoint_arn: str, account: str = ACCOUNT) -> dict[str, Any]:
    """A VpcOriginSummary."""
    return {
        "Id": vpc_id,
        "Name": f"{vpc_id}-name",
        "Status": "Deployed",
        "CreatedTime": TS,
        "LastModifiedTime": TS,
        "Arn": f"arn:aws:cloudfront::{account}:vpcorigin/{vpc_id}",
        "AccountId": account,
        "OriginEndpointArn": endpoint_arn,
    }


def function(name: str, stage: str = "LIVE", account: str = ACCOUNT) -> dict[str, Any]:
    """A FunctionSummary."""
    return {
        "Name": name,
        "Status": "UNASSOCIATED" if stage == "DEVELOPMENT" else "DEPLOYED",
        "FunctionConfig": {"Comment": f"{name} function", "Runtime": "cloudfront-js-2.0"},
        "FunctionMetadata": {
            "FunctionARN": f"arn:aws:cloudfront::{account}:function/{name}",
            "Stage": stage,
            "CreatedTime": TS,
            "LastModifiedTime": TS,
        },
    }


def realtime_log_config(name: str, account: str = ACCOUNT) -> dict[str, Any]:
    """A RealtimeLogConfig."""
    return {
        "ARN": f"arn:aws:cloudfront::{account}:realtime-log-config/{name}",
        "Name": name,
        "SamplingRate": 100,
        "EndPoints": [
            {
                "StreamType": "Kinesis",
                "KinesisStreamConfig": {
                    "RoleARN": f"arn:aws:iam::{account}:role/cf-realtime",
                    "StreamARN": f"arn:aws:kinesis:us-east-1:{account}:stream/{name}",
                },
            }
        ],
        "Fields": ["timestamp", "c-ip", "sc-status"],
    }


def delivery_source(name: str, distribution_arn: str, account: str = ACCOUNT) -> dict[str, Any]:
    """A CloudWatch Logs DeliverySource for a distribution."""
    return {
        "name": name,
        "arn": f"arn:aws:logs:us-east-1:{account}:delivery-source:{name}",
        "resourceArns": [distribution_arn],
        "service": "cloudfront",
        "logType": "ACCESS_LOGS",
    }


def delivery(delivery_id: str, source_name: str, account: str = ACCOUNT) -> dict[str, Any]:
    """A CloudWatch Logs Delivery."""
    return {
        "id": delivery_id,
        "arn": f"arn:aws:logs:us-east-1:{account}:delivery:{delivery_id}",
        "deliverySourceName": source_name,
        "deliveryDestinationArn": f"arn:aws:logs:us-east-1:{account}:delivery-destination:s3",
        "deliveryDestinationType": "S3",
    }
