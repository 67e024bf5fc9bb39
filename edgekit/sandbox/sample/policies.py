"""Custom CloudFront policies, origin access controls and identities of the sample estate."""

from __future__ import annotations

from typing import Any

from edgekit.sandbox.sample.accounts import Account
from edgekit.sandbox.sample.cdn import qlist
from edgekit.sandbox.sample.state import Estate

TWO_YEARS = 63072000


def security_headers(
    estate: Estate,
    account: Account,
    name: str,
    *,
    max_age: int = TWO_YEARS,
    subdomains: bool = True,
    preload: bool = True,
) -> str:
    """A response headers policy: HSTS (``max_age``) and the usual hardening headers; its id."""
    config = {
        "Name": name,
        "Comment": f"Northwind {name}",
        "SecurityHeadersConfig": {
            "StrictTransportSecurity": {
                "Override": True,
                "AccessControlMaxAgeSec": max_age,
                "IncludeSubdomains": subdomains,
                "Preload": preload,
            },
            "ContentTypeOptions": {"Override": True},
            "FrameOptions": {"Override": True, "FrameOption": "DENY"},
            "ReferrerPolicy": {
                "Override": True,
                "ReferrerPolicy": "strict-origin-when-cross-origin",
            },
            "XSSProtection": {"Override": True, "Protection": True, "ModeBlock": True},
        },
    }
    created = account.client("cloudfront").create_response_headers_policy(
        ResponseHeadersPolicyConfig=config
    )
    policy_id = str(created["ResponseHeadersPolicy"]["Id"])
    estate.policies[name] = policy_id
    return policy_id


def _names(behavior: str, names: tuple[str, ...]) -> dict[str, Any]:
    return {behavior: qlist(names)} if names else {}


def cache_policy(
    estate: Estate,
    account: Account,
    name: str,
    *,
    ttl: tuple[int, int, int],
    query_strings: str = "none",
    cookies: str = "none",
    headers: tuple[str, ...] = (),
) -> str:
    """A cache policy; ``ttl`` = (min, default, max); the key parts as named; its id."""
    minimum, default, maximum = ttl
    config = {
        "Name": name,
        "Comment": f"Northwind {name}",
        "MinTTL": minimum,
        "DefaultTTL": default,
        "MaxTTL": maximum,
        "ParametersInCacheKeyAndForwardedToOrigin": {
            "EnableAcceptEncodingGzip": True,
            "EnableAcceptEncodingBrotli": True,
            "HeadersConfig": {
                "HeaderBehavior": "whitelist" if headers else "none",
                **_names("Headers", headers),
            },
            "CookiesConfig": {"CookieBehavior": cookies},
            "QueryStringsConfig": {"QueryStringBehavior": query_strings},
        },
    }
    created = account.client("cloudfront").create_cache_policy(CachePolicyConfig=config)
    policy_id = str(created["CachePolicy"]["Id"])
    estate.policies[name] = policy_id
    return policy_id


def origin_access_control(estate: Estate, account: Account, name: str, kind: str) -> str:
    """An origin access control (signing always, SigV4) for ``kind`` origins; its id."""
    created = account.client("cloudfront").create_origin_access_control(
        OriginAccessControlConfig={
            "Name": name,
            "Description": f"Northwind {name}",
            "SigningProtocol": "sigv4",
            "SigningBehavior": "always",
            "OriginAccessControlOriginType": kind,
        }
    )
    estate.access[name] = str(created["OriginAccessControl"]["Id"])
    return estate.access[name]


def origin_access_identity(estate: Estate, account: Account, name: str) -> str:
    """A legacy origin access identity; its id (its canonical user is kept in the estate)."""
    created = account.client("cloudfront").create_cloud_front_origin_access_identity(
        CloudFrontOriginAccessIdentityConfig={"CallerReference": name, "Comment": name}
    )["CloudFrontOriginAccessIdentity"]
    estate.access[name] = str(created["Id"])
    return estate.access[name]
