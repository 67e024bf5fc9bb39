"""AWS-managed CloudFront policies, as the real API returns them (data only).

Every AWS account sees these policies in ``List*Policies`` with ``Type=managed``; their ids are
the same everywhere. Sources: the CloudFront Developer Guide pages "Use managed cache
policies", "Use managed origin request policies" and "Use managed response headers policies",
and exports of the live API (names, comments, lower-cased header names as AWS stores them).

Where the API requires a member that the documentation does not describe (the CORS
``AccessControlAllowHeaders`` / ``AccessControlAllowMethods`` lists of the simple-CORS
policies), the list is empty. ``LastModifiedTime`` is fixed so listings are reproducible.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

MANAGED_LAST_MODIFIED = datetime(2024, 1, 1, tzinfo=UTC)
"""The ``LastModifiedTime`` reported for every managed policy."""

ONE_YEAR = 31536000
ONE_DAY = 86400


def _names(items: list[str]) -> dict[str, Any]:
    """A CloudFront ``{Quantity, Items}`` list; ``Items`` omitted when empty, as AWS does."""
    return {"Quantity": len(items), "Items": list(items)} if items else {"Quantity": 0}


def _cache(
    name: str,
    comment: str,
    ttl: tuple[int, int, int],
    *,
    gzip: bool,
    brotli: bool,
    headers: list[str] | None = None,
    cookies: str = "none",
    query_strings: str = "none",
    query_string_names: list[str] | None = None,
) -> dict[str, Any]:
    """A CachePolicyConfig; ``ttl`` is (MinTTL, DefaultTTL, MaxTTL)."""
    headers_config: dict[str, Any] = {"HeaderBehavior": "whitelist" if headers else "none"}
    if headers:
        headers_config["Headers"] = _names(headers)
    qs_config: dict[str, Any] = {"QueryStringBehavior": query_strings}
    if query_string_names:
        qs_config["QueryStrings"] = _names(query_string_names)
    return {
        "Comment": comment,
        "Name": name,
        "DefaultTTL": ttl[1],
        "MaxTTL": ttl[2],
        "MinTTL": ttl[0],
        "ParametersInCacheKeyAndForwardedToOrigin": {
            "EnableAcceptEncodingGzip": gzip,
            "EnableAcceptEncodingBrotli": brotli,
            "HeadersConfig": headers_config,
            "CookiesConfig": {"CookieBehavior": cookies},
            "QueryStringsConfig": qs_config,
        },
    }


_ORIGIN_CACHE_CONTROL_HEADERS = [
    "host",
    "origin",
    "x-http-method",
    "x-http-method-override",
    "x-method-override",
]

MANAGED_CACHE_POLICIES: dict[str, dict[str, Any]] = {
    "658327ea-f89d-4fab-a63d-7e88639e58f6": _cache(
        "Managed-CachingOptimized",
        "Policy with caching enabled. Supports Gzip and Brotli compression.",
        (1, ONE_DAY, ONE_YEAR),
        gzip=True,
        brotli=True,
    ),
    "4135ea2d-6df8-44a3-9df3-4b5a84be39ad": _cache(
        "Managed-CachingDisabled",
        "Policy with caching disabled",
        (0, 0, 0),
        gzip=False,
        brotli=False,
    ),
    "b2884449-e4de-46a7-ac36-70bc7f1ddd6d": _cache(
        "Managed-CachingOptimizedForUncompressedObjects",
        "Default policy when compression is disabled",
        (1, ONE_DAY, ONE_YEAR),
        gzip=False,
        brotli=False,
    ),
    "08627262-05a9-4f76-9ded-b50ca2e3a84f": _cache(
        "Managed-Elemental-MediaPackage",
        "Policy for Elemental MediaPackage Origin",
        (0, ONE_DAY, ONE_YEAR),
        gzip=True,
        brotli=False,
        headers=["origin"],
        query_strings="whitelist",
        query_string_names=["aws.manifestfilter", "end", "m", "start"],
    ),
    "2e54312d-136d-493c-8eb9-b001f22f67d2": _cache(
        "Managed-Amplify",
        "Policy for Amplify Origin",
        (2, 2, 600),
        gzip=True,
        brotli=True,
        headers=["Authorization", "CloudFront-Viewer-Country", "Host"],
        cookies="all",
        query_strings="all",
    ),
    "83da9c7e-98b4-4e11-a168-04f0df8e2c65": _cache(
        "UseOriginCacheControlHeaders",
        "Policy for origins that return Cache-Control headers. "
        "Query strings are not included in the cache key.",
        (0, 0, ONE_YEAR),
        gzip=True,
        brotli=True,
        headers=_ORIGIN_CACHE_CONTROL_HEADERS,
        cookies="all",
    ),
    "4cc15a8a-d715-48a4-82b8-cc0b614638fe": _cache(
        "UseOriginCacheControlHeaders-QueryStrings",
        "Policy for origins that return Cache-Control headers and serve different content "
        "based on values present in the query string.",
        (0, 0, ONE_YEAR),
        gzip=True,
        brotli=True,
        headers=_ORIGIN_CACHE_CONTROL_HEADERS,
        cookies="all",
        query_strings="all",
    ),
    "4d1d2f1d-3a71-49ad-9e08-7ea5d843a556": _cache(
        "Managed-Amplify-Default",
        "Default Amplify cache policy",
        (0, 0, ONE_YEAR),
        gzip=True,
        brotli=True,
        headers=["Accept", "Authorization", "CloudFront-Viewer-Country", "Host"],
        cookies="all",
        query_strings="all",
    ),
    "a6bad946-36c3-4c33-aa98-362c74a7fb13": _cache(
        "Managed-Amplify-DefaultNoCookies",
        "Default Amplify cache policy without cookies",
        (0, 0, ONE_YEAR),
        gzip=True,
        brotli=True,
        headers=["Accept", "Authorization", "CloudFront-Viewer-Country", "Host"],
        query_strings="all",
    ),
    "1c6db51a-a33f-469a-8245-dae26771f530": _cache(
        "Managed-Amplify-ImageOptimization",
        "Amplify cache policy for image optimization",
        (0, 0, ONE_YEAR),
        gzip=True,
        brotli=True,
        headers=["Accept", "Authorization", "Host"],
        query_strings="all",
    ),
    "7e5fad67-ee98-4ad0-b05a-394999eefc1a": _cache(
        "Managed-Amplify-StaticContent",
        "Amplify cache policy for static content",
        (0, 0, ONE_YEAR),
        gzip=True,
        brotli=True,
        headers=["Authorization", "Host"],
    ),
}
"""CachePolicyConfig by policy id."""


def _origin_request(
    name: str,
    comment: str,
    header_behavior: str,
    headers: list[str] | None = None,
    *,
    cookies: str = "none",
    query_strings: str = "none",
) -> dict[str, Any]:
    headers_config: dict[str, Any] = {"HeaderBehavior": header_behavior}
    if headers:
        headers_config["Headers"] = _names(headers)
    return {
        "Comment": comment,
        "Name": name,
        "HeadersConfig": headers_config,
        "CookiesConfig": {"CookieBehavior": cookies},
        "QueryStringsConfig": {"QueryStringBehavior": query_strings},
    }


_CLOUDFRONT_HEADERS_2022_06 = [
    "CloudFront-Forwarded-Proto",
    "CloudFront-Is-Android-Viewer",
    "CloudFront-Is-Desktop-Viewer",
    "CloudFront-Is-IOS-Viewer",
    "CloudFront-Is-Mobile-Viewer",
    "CloudFront-Is-SmartTV-Viewer",
    "CloudFront-Is-Tablet-Viewer",
    "CloudFront-Viewer-Address",
    "CloudFront-Viewer-ASN",
    "CloudFront-Viewer-City",
    "CloudFront-Viewer-Country",
    "CloudFront-Viewer-Country-Name",
    "CloudFront-Viewer-Country-Region",
    "CloudFront-Viewer-Country-Region-Name",
    "CloudFront-Viewer-Http-Version",
    "CloudFront-Viewer-Latitude",
    "CloudFront-Viewer-Longitude",
    "CloudFront-Viewer-Metro-Code",
    "CloudFront-Viewer-Postal-Code",
    "CloudFront-Viewer-Time-Zone",
    "CloudFront-Viewer-TLS",
]

MANAGED_ORIGIN_REQUEST_POLICIES: dict[str, dict[str, Any]] = {
    "216adef6-5c7f-47e4-b989-5492eafa07d3": _origin_request(
        "Managed-AllViewer",
        "Policy to forward all parameters in viewer requests",
        "allViewer",
        cookies="all",
        query_strings="all",
    ),
    "b689b0a8-53d0-40ab-baf2-68738e2966ac": _origin_request(
        "Managed-AllViewerExceptHostHeader",
        "Policy to forward all parameters in viewer requests except for the Host header",
        "allExcept",
        ["Host"],
        cookies="all",
        query_strings="all",
    ),
    "33f36d7e-f396-46d9-90e0-52428a34d9dc": _origin_request(
        "Managed-AllViewerAndCloudFrontHeaders-2022-06",
        "Policy to forward all parameters in viewer requests and all CloudFront headers "
        "that were released through June 2022",
        "allViewerAndWhitelistCloudFront",
        _CLOUDFRONT_HEADERS_2022_06,
        cookies="all",
        query_strings="all",
    ),
    "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf": _origin_request(
        "Managed-CORS-S3Origin",
        "Policy for S3 origin with CORS",
        "whitelist",
        ["origin", "access-control-request-headers", "access-control-request-method"],
    ),
    "59781a5b-3903-41f3-afcb-af62929ccde1": _origin_request(
        "Managed-CORS-CustomOrigin",
        "Policy for custom origin with CORS",
        "whitelist",
        ["origin"],
    ),
    "acba4595-bd28-49b8-b9fe-13317c0390fa": _origin_request(
        "Managed-UserAgentRefererHeaders",
        "Policy for forwarding User-Agent and Referer headers",
        "whitelist",
        ["user-agent", "referer"],
    ),
    "775133bc-15f2-49f9-abea-afb2e0bf67d2": _origin_request(
        "Managed-Elemental-MediaTailor-PersonalizedManifests",
        "Policy for Elemental MediaTailor Origin",
        "whitelist",
        [
            "origin",
            "access-control-request-headers",
            "x-forwarded-for",
            "access-control-request-method",
            "user-agent",
        ],
        query_strings="all",
    ),
}
"""OriginRequestPolicyConfig by policy id."""

_SECURITY_HEADERS: dict[str, Any] = {
    "XSSProtection": {"Override": False, "Protection": True, "ModeBlock": True},
    "FrameOptions": {"Override": False, "FrameOption": "SAMEORIGIN"},
    "ReferrerPolicy": {"Override": False, "ReferrerPolicy": "strict-origin-when-cross-origin"},
    "ContentTypeOptions": {"Override": True},
    "StrictTransportSecurity": {
        "Override": False,
        "IncludeSubdomains": False,
        "Preload": False,
        "AccessControlMaxAgeSec": ONE_YEAR,
    },
}
"""SecurityHeadersPolicy: nosniff always; the other headers only when the origin sent none."""

_ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]


def _cors(*, preflight: bool) -> dict[str, Any]:
    return {
        "AccessControlAllowOrigins": {"Quantity": 1, "Items": ["*"]},
        "AccessControlAllowHeaders": {"Quantity": 0, "Items": []},
        "AccessControlAllowMethods": (
            {"Quantity": len(_ALL_METHODS), "Items": list(_ALL_METHODS)}
            if preflight
            else {"Quantity": 0, "Items": []}
        ),
        "AccessControlAllowCredentials": False,
        **({"AccessControlExposeHeaders": {"Quantity": 1, "Items": ["*"]}} if preflight else {}),
        "OriginOverride": False,
    }


def _response_headers(
    name: str, comment: str, *, cors: dict[str, Any] | None, security: bool
) -> dict[str, Any]:
    config: dict[str, Any] = {"Comment": comment, "Name": name}
    if cors is not None:
        config["CorsConfig"] = cors
    if security:
        config["SecurityHeadersConfig"] = _SECURITY_HEADERS
    return config


MANAGED_RESPONSE_HEADERS_POLICIES: dict[str, dict[str, Any]] = {
    "67f7725c-6f97-4210-82d7-5512b31e9d03": _response_headers(
        "Managed-SecurityHeadersPolicy",
        "Adds a set of security headers to every response",
        cors=None,
        security=True,
    ),
    "60669652-455b-4ae9-85a4-c4c02393f86c": _response_headers(
        "Managed-SimpleCORS",
        "Allows all origins for simple CORS requests",
        cors=_cors(preflight=False),
        security=False,
    ),
    "5cc3b908-e619-4b99-88e5-2cf7f45965bd": _response_headers(
        "Managed-CORS-With-Preflight",
        "Allows all origins for CORS requests, including preflight requests",
        cors=_cors(preflight=True),
        security=False,
    ),
    "e61eb60c-9c35-4d20-a928-2b84e02af89c": _response_headers(
        "Managed-CORS-and-SecurityHeadersPolicy",
        "Allows all origins for simple CORS requests and adds security headers",
        cors=_cors(preflight=False),
        security=True,
    ),
    "eaab4381-ed33-4a86-88ca-d9558dc6cd63": _response_headers(
        "Managed-CORS-with-preflight-and-SecurityHeadersPolicy",
        "Allows all origins for CORS requests, including preflight requests, "
        "and adds security headers",
        cors=_cors(preflight=True),
        security=True,
    ),
}
"""ResponseHeadersPolicyConfig by policy id."""
