"""DistributionConfigs for the bridge tests, and a deep "response echoes request" check."""

from __future__ import annotations

import copy
from typing import Any

ACCOUNT = "123456789012"
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CORS_S3_ORIGIN = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"
SECURITY_HEADERS = "67f7725c-6f97-4210-82d7-5512b31e9d03"
ACM_ARN = f"arn:aws:acm:us-east-1:{ACCOUNT}:certificate/0b0d6a3f-2a70-4c1e-9d42-000000000001"
FUNCTION_ARN = f"arn:aws:cloudfront::{ACCOUNT}:function/rewrite"
LAMBDA_ARN = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:edge:3"
REALTIME_API = f"arn:aws:cloudfront::{ACCOUNT}:realtime-log-config/api"
ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]


def qlist(items: list[Any]) -> dict[str, Any]:
    """A CloudFront ``{Quantity, Items}`` list."""
    return {"Quantity": len(items), "Items": items} if items else {"Quantity": 0}


def rich_config(
    *, oac_id: str = "E2QWRUHAPOMQZL", oai_id: str = "E3OAIEXAMPLE01", vpc_origin_id: str = "vo_x"
) -> dict[str, Any]:
    """A DistributionConfig using every member the bridge must keep, on both behavior kinds."""
    return {
        "CallerReference": "rich-1",
        "Aliases": qlist(["www.example.com", "example.com"]),
        "DefaultRootObject": "index.html",
        "Origins": qlist(
            [
                {
                    "Id": "s3-oac",
                    "DomainName": "site.s3.us-east-1.amazonaws.com",
                    "OriginPath": "/public",
                    "CustomHeaders": {"Quantity": 0},
                    "S3OriginConfig": {"OriginAccessIdentity": "", "OriginReadTimeout": 45},
                    "ConnectionAttempts": 2,
                    "ConnectionTimeout": 7,
                    "OriginShield": {"Enabled": True, "OriginShieldRegion": "us-east-1"},
                    "OriginAccessControlId": oac_id,
                },
                {
                    "Id": "s3-oai",
                    "DomainName": "legacy.s3.amazonaws.com",
                    "S3OriginConfig": {
                        "OriginAccessIdentity": f"origin-access-identity/cloudfront/{oai_id}"
                    },
                },
                {
                    "Id": "alb",
                    "DomainName": "origin.example.com",
                    "OriginPath": "",
                    "CustomHeaders": qlist(
                        [{"HeaderName": "X-Origin-Verify", "HeaderValue": "s3"}]
                    ),
                    "CustomOriginConfig": {
                        "HTTPPort": 80,
                        "HTTPSPort": 443,
                        "OriginProtocolPolicy": "https-only",
                        "OriginSslProtocols": qlist(["TLSv1.2"]),
                        "OriginReadTimeout": 60,
                        "OriginKeepaliveTimeout": 15,
                    },
                    "ConnectionAttempts": 3,
                    "ConnectionTimeout": 10,
                    "OriginShield": {"Enabled": False},
                    "OriginAccessControlId": "",
                },
                {
                    "Id": "vpc",
                    "DomainName": "internal-app.example.com",
                    "VpcOriginConfig": {
                        "VpcOriginId": vpc_origin_id,
                        "OriginReadTimeout": 40,
                        "OriginKeepaliveTimeout": 6,
                    },
                },
            ]
        ),
        "OriginGroups": qlist(
            [
                {
                    "Id": "failover",
                    "FailoverCriteria": {"StatusCodes": qlist([500, 502, 503])},
                    "Members": qlist([{"OriginId": "s3-oac"}, {"OriginId": "s3-oai"}]),
                }
            ]
        ),
        "DefaultCacheBehavior": {
            "TargetOriginId": "failover",
            "TrustedSigners": {"Enabled": False, "Quantity": 0},
            "TrustedKeyGroups": {"Enabled": False, "Quantity": 0},
            "ViewerProtocolPolicy": "redirect-to-https",
            "AllowedMethods": {
                **qlist(["HEAD", "GET"]),
                "CachedMethods": qlist(["HEAD", "GET"]),
            },
            "SmoothStreaming": False,
            "Compress": True,
            "LambdaFunctionAssociations": qlist(
                [
                    {
                        "LambdaFunctionARN": LAMBDA_ARN,
                        "EventType": "origin-request",
                        "IncludeBody": True,
                    }
                ]
            ),
            "FunctionAssociations": qlist(
                [{"FunctionARN": FUNCTION_ARN, "EventType": "viewer-request"}]
            ),
            "FieldLevelEncryptionId": "",
            "RealtimeLogConfigArn": f"arn:aws:cloudfront::{ACCOUNT}:realtime-log-config/rt",
            "CachePolicyId": CACHING_OPTIMIZED,
            "OriginRequestPolicyId": CORS_S3_ORIGIN,
            "ResponseHeadersPolicyId": SECURITY_HEADERS,
        },
        "CacheBehaviors": qlist(
            [
                {
                    "PathPattern": "/api/*",
                    "TargetOriginId": "alb",
                    "TrustedSigners": {"Enabled": True, **qlist(["self"])},
                    "TrustedKeyGroups": {"Enabled": True, **qlist(["kg-1"])},
                    "ViewerProtocolPolicy": "https-only",
                    "AllowedMethods": {
                        **qlist(ALL_METHODS),
                        "CachedMethods": qlist(["GET", "HEAD"]),
                    },
                    "SmoothStreaming": False,
                    "Compress": False,
                    "LambdaFunctionAssociations": {"Quantity": 0},
                    "FunctionAssociations": qlist(
                        [{"FunctionARN": FUNCTION_ARN, "EventType": "viewer-response"}]
                    ),
                    "FieldLevelEncryptionId": "",
                    "RealtimeLogConfigArn": REALTIME_API,
                    "CachePolicyId": CACHING_OPTIMIZED,
                    "OriginRequestPolicyId": CORS_S3_ORIGIN,
                    "ResponseHeadersPolicyId": SECURITY_HEADERS,
                },
                {
                    "PathPattern": "/legacy/*",
                    "TargetOriginId": "vpc",
                    "ViewerProtocolPolicy": "allow-all",
                    "ForwardedValues": {
                        "QueryString": True,
                        "Cookies": {"Forward": "whitelist", "WhitelistedNames": qlist(["sid"])},
                        "Headers": qlist(["Authorization"]),
                        "QueryStringCacheKeys": qlist(["page"]),
                    },
                    "MinTTL": 5,
                    "DefaultTTL": 60,
                    "MaxTTL": 600,
                    "Compress": True,
                },
            ]
        ),
        "CustomErrorResponses": qlist(
            [
                {
                    "ErrorCode": 404,
                    "ResponsePagePath": "/404.html",
                    "ResponseCode": "404",
                    "ErrorCachingMinTTL": 30,
                }
            ]
        ),
        "Comment": "rich distribution",
        "Logging": {
            "Enabled": True,
            "IncludeCookies": True,
            "Bucket": "logs.s3.amazonaws.com",
            "Prefix": "cf/",
        },
        "PriceClass": "PriceClass_200",
        "Enabled": True,
        "ViewerCertificate": {
            "CloudFrontDefaultCertificate": False,
            "ACMCertificateArn": ACM_ARN,
            "SSLSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1.2_2021",
        },
        "Restrictions": {"GeoRestriction": {"RestrictionType": "whitelist", **qlist(["DE", "FR"])}},
        "WebACLId": f"arn:aws:wafv2:us-east-1:{ACCOUNT}:global/webacl/edge/1",
        "HttpVersion": "http2and3",
        "IsIPV6Enabled": True,
        "Staging": False,
    }


def minimal_config(reference: str = "min-1", **behavior: Any) -> dict[str, Any]:
    """One custom origin and a default behavior (extra members from ``behavior``)."""
    return {
        "CallerReference": reference,
        "Origins": qlist(
            [
                {
                    "Id": "web",
                    "DomainName": "web.example.com",
                    "CustomOriginConfig": {
                        "HTTPPort": 80,
                        "HTTPSPort": 443,
                        "OriginProtocolPolicy": "https-only",
                    },
                }
            ]
        ),
        "DefaultCacheBehavior": {
            "TargetOriginId": "web",
            "ViewerProtocolPolicy": "allow-all",
            **behavior,
        },
        "Comment": "",
        "Enabled": True,
    }


def echo_differences(sent: Any, got: Any, where: str = "$") -> list[str]:
    """Where ``got`` does not return every member of ``sent`` unchanged (extra members are ok)."""
    if isinstance(sent, dict):
        if not isinstance(got, dict):
            return [f"{where}: sent a structure, got {got!r:.60}"]
        out: list[str] = []
        for key, value in sent.items():
            if key not in got:
                out.append(f"{where}.{key}: dropped")
            else:
                out.extend(echo_differences(value, got[key], f"{where}.{key}"))
        return out
    if isinstance(sent, list):
        if not isinstance(got, list) or len(got) != len(sent):
            return [f"{where}: sent {sent!r:.60}, got {got!r:.60}"]
        return [
            d
            for i, (s, g) in enumerate(zip(sent, got, strict=True))
            for d in echo_differences(s, g, f"{where}[{i}]")
        ]
    return [] if sent == got else [f"{where}: sent {sent!r}, got {got!r}"]


def without(config: dict[str, Any], *paths: str) -> dict[str, Any]:
    """A copy of ``config`` without the dotted ``paths``."""
    out = copy.deepcopy(config)
    for path in paths:
        *parents, leaf = path.split(".")
        node = out
        for part in parents:
            node = node[part]
        node.pop(leaf, None)
    return out
