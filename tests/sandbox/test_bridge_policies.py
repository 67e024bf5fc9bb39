"""Cache, origin-request and response-headers policies through the bridge behave like AWS.

The AWS-managed ids and facts below are written out here on purpose (not imported from the
bridge's data module), so a typo in the data cannot agree with itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.sandbox.configs import minimal_config


@dataclass(frozen=True)
class Kind:
    """One policy family, by its boto3 method and member names."""

    stem: str  # cache_policy
    member: str  # CachePolicy
    plural: str  # cache_policies
    custom: dict[str, Any]

    def call(self, cf: Any, verb: str, **kwargs: Any) -> Any:
        name = f"{verb}_{self.plural}" if verb == "list" else f"{verb}_{self.stem}"
        return getattr(cf, name)(**kwargs)


CACHE = Kind(
    "cache_policy",
    "CachePolicy",
    "cache_policies",
    {
        "Name": "custom-cache",
        "Comment": "api cache",
        "MinTTL": 0,
        "DefaultTTL": 60,
        "MaxTTL": 3600,
        "ParametersInCacheKeyAndForwardedToOrigin": {
            "EnableAcceptEncodingGzip": True,
            "EnableAcceptEncodingBrotli": True,
            "HeadersConfig": {
                "HeaderBehavior": "whitelist",
                "Headers": {"Quantity": 1, "Items": ["Authorization"]},
            },
            "CookiesConfig": {"CookieBehavior": "none"},
            "QueryStringsConfig": {"QueryStringBehavior": "all"},
        },
    },
)
ORIGIN_REQUEST = Kind(
    "origin_request_policy",
    "OriginRequestPolicy",
    "origin_request_policies",
    {
        "Name": "custom-orp",
        "Comment": "",
        "HeadersConfig": {"HeaderBehavior": "allViewer"},
        "CookiesConfig": {"CookieBehavior": "all"},
        "QueryStringsConfig": {"QueryStringBehavior": "none"},
    },
)
RESPONSE_HEADERS = Kind(
    "response_headers_policy",
    "ResponseHeadersPolicy",
    "response_headers_policies",
    {
        "Name": "custom-rhp",
        "Comment": "strict",
        "SecurityHeadersConfig": {
            "StrictTransportSecurity": {
                "Override": True,
                "IncludeSubdomains": True,
                "Preload": True,
                "AccessControlMaxAgeSec": 63072000,
            },
            "ContentTypeOptions": {"Override": True},
        },
        "CustomHeadersConfig": {
            "Quantity": 1,
            "Items": [{"Header": "X-Env", "Value": "sandbox", "Override": False}],
        },
        "RemoveHeadersConfig": {"Quantity": 1, "Items": [{"Header": "Server"}]},
    },
)
KINDS = [CACHE, ORIGIN_REQUEST, RESPONSE_HEADERS]

MANAGED = {
    "CachePolicy": {
        "658327ea-f89d-4fab-a63d-7e88639e58f6": "Managed-CachingOptimized",
        "4135ea2d-6df8-44a3-9df3-4b5a84be39ad": "Managed-CachingDisabled",
        "b2884449-e4de-46a7-ac36-70bc7f1ddd6d": "Managed-CachingOptimizedForUncompressedObjects",
        "08627262-05a9-4f76-9ded-b50ca2e3a84f": "Managed-Elemental-MediaPackage",
        "2e54312d-136d-493c-8eb9-b001f22f67d2": "Managed-Amplify",
        "83da9c7e-98b4-4e11-a168-04f0df8e2c65": "UseOriginCacheControlHeaders",
        "4cc15a8a-d715-48a4-82b8-cc0b614638fe": "UseOriginCacheControlHeaders-QueryStrings",
    },
    "OriginRequestPolicy": {
        "216adef6-5c7f-47e4-b989-5492eafa07d3": "Managed-AllViewer",
        "b689b0a8-53d0-40ab-baf2-68738e2966ac": "Managed-AllViewerExceptHostHeader",
        "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf": "Managed-CORS-S3Origin",
        "59781a5b-3903-41f3-afcb-af62929ccde1": "Managed-CORS-CustomOrigin",
        "acba4595-bd28-49b8-b9fe-13317c0390fa": "Managed-UserAgentRefererHeaders",
        "33f36d7e-f396-46d9-90e0-52428a34d9dc": "Managed-AllViewerAndCloudFrontHeaders-2022-06",
    },
    "ResponseHeadersPolicy": {
        "67f7725c-6f97-4210-82d7-5512b31e9d03": "Managed-SecurityHeadersPolicy",
        "60669652-455b-4ae9-85a4-c4c02393f86c": "Managed-SimpleCORS",
        "5cc3b908-e619-4b99-88e5-2cf7f45965bd": "Managed-CORS-With-Preflight",
        "e61eb60c-9c35-4d20-a928-2b84e02af89c": "Managed-CORS-and-SecurityHeadersPolicy",
        "eaab4381-ed33-4a86-88ca-d9558dc6cd63": (
            "Managed-CORS-with-preflight-and-SecurityHeadersPolicy"
        ),
    },
}


def _listed(cf: Any, kind: Kind, **kwargs: Any) -> dict[str, tuple[str, dict[str, Any]]]:
    listing = kind.call(cf, "list", **kwargs)[f"{kind.member}List"]
    items = listing.get("Items", [])
    assert listing["Quantity"] == len(items)
    return {i[kind.member]["Id"]: (i["Type"], i[kind.member]) for i in items}


def _error(caught: pytest.ExceptionInfo[ClientError]) -> tuple[str, int]:
    response = caught.value.response
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.member)
def test_managed_policies_are_listed_with_their_real_ids_and_names(cf: Any, kind: Kind) -> None:
    managed = _listed(cf, kind, Type="managed")
    names = {pid: policy[f"{kind.member}Config"]["Name"] for pid, (_, policy) in managed.items()}
    assert names.items() >= MANAGED[kind.member].items()
    assert {t for t, _ in managed.values()} == {"managed"}
    assert _listed(cf, kind, Type="custom") == {}
    some_id = next(iter(MANAGED[kind.member]))
    got = kind.call(cf, "get", Id=some_id)
    assert got[kind.member]["Id"] == some_id and got["ETag"]
    assert kind.call(cf, "get", Id=some_id)["ETag"] == got["ETag"]  # stable for managed ones


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.member)
def test_custom_policy_lifecycle_with_etags(cf: Any, kind: Kind) -> None:
    config_key = f"{kind.member}Config"
    created = kind.call(cf, "create", **{config_key: kind.custom})
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    policy_id, etag = created[kind.member]["Id"], created["ETag"]
    assert created["Location"].endswith(f"/{policy_id}")
    assert created[kind.member][config_key] == kind.custom
    assert kind.call(cf, "get", Id=policy_id)[kind.member][config_key] == kind.custom
    assert kind.call(cf, "get", Id=policy_id, **{}).get("ETag") == etag
    config_only = getattr(cf, f"get_{kind.stem}_config")(Id=policy_id)
    assert config_only[config_key] == kind.custom and config_only["ETag"] == etag
    assert _listed(cf, kind, Type="custom")[policy_id][0] == "custom"
    assert policy_id in _listed(cf, kind)  # no Type: managed and custom

    with pytest.raises(ClientError) as caught:
        kind.call(cf, "create", **{config_key: kind.custom})
    assert _error(caught) == (f"{kind.member}AlreadyExists", 409)

    changed = {**kind.custom, "Comment": "changed"}
    with pytest.raises(ClientError) as caught:
        kind.call(cf, "update", Id=policy_id, IfMatch="stale", **{config_key: changed})
    assert _error(caught) == ("PreconditionFailed", 412)
    with pytest.raises(ClientError) as caught:
        kind.call(cf, "update", Id=policy_id, **{config_key: changed})
    assert _error(caught) == ("InvalidIfMatchVersion", 400)
    updated = kind.call(cf, "update", Id=policy_id, IfMatch=etag, **{config_key: changed})
    assert updated[kind.member][config_key]["Comment"] == "changed"
    assert updated["ETag"] != etag

    with pytest.raises(ClientError) as caught:
        kind.call(cf, "delete", Id=policy_id, IfMatch=etag)
    assert _error(caught) == ("PreconditionFailed", 412)
    kind.call(cf, "delete", Id=policy_id, IfMatch=updated["ETag"])
    with pytest.raises(ClientError) as caught:
        kind.call(cf, "get", Id=policy_id)
    assert _error(caught) == (f"NoSuch{kind.member}", 404)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.member)
def test_managed_policies_cannot_change(cf: Any, kind: Kind) -> None:
    policy_id = next(iter(MANAGED[kind.member]))
    etag = kind.call(cf, "get", Id=policy_id)["ETag"]
    with pytest.raises(ClientError) as caught:
        kind.call(cf, "delete", Id=policy_id, IfMatch=etag)
    assert _error(caught) == ("IllegalDelete", 400)
    with pytest.raises(ClientError) as caught:
        kind.call(cf, "update", Id=policy_id, IfMatch=etag, **{f"{kind.member}Config": kind.custom})
    assert _error(caught) == ("IllegalUpdate", 400)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.member)
def test_a_policy_used_by_a_distribution_cannot_be_deleted(cf: Any, kind: Kind) -> None:
    created = kind.call(cf, "create", **{f"{kind.member}Config": kind.custom})
    policy_id = created[kind.member]["Id"]
    behavior = {f"{kind.member}Id": policy_id}
    if kind is not CACHE:
        behavior["CachePolicyId"] = next(iter(MANAGED[CACHE.member]))
    cf.create_distribution(DistributionConfig=minimal_config(**behavior))
    with pytest.raises(ClientError) as caught:
        kind.call(cf, "delete", Id=policy_id, IfMatch=created["ETag"])
    assert _error(caught) == (f"{kind.member}InUse", 409)


def test_inconsistent_quantities_are_refused(cf: Any) -> None:
    bad = {**ORIGIN_REQUEST.custom, "HeadersConfig": {"HeaderBehavior": "whitelist"}}
    bad["HeadersConfig"]["Headers"] = {"Quantity": 2, "Items": ["Host"]}
    with pytest.raises(ClientError) as caught:
        cf.create_origin_request_policy(OriginRequestPolicyConfig=bad)
    assert _error(caught) == ("InconsistentQuantities", 400)


def test_listing_paginates_with_markers(cf: Any) -> None:
    for n in range(3):
        cf.create_cache_policy(CachePolicyConfig={**CACHE.custom, "Name": f"p{n}"})
    expected = list(_listed(cf, CACHE))
    seen: list[str] = []
    kwargs: dict[str, str] = {"MaxItems": "4"}
    pages = 0
    while True:
        pages += 1
        page = cf.list_cache_policies(**kwargs)["CachePolicyList"]
        assert page["MaxItems"] == 4 and page["Quantity"] <= 4
        seen.extend(i["CachePolicy"]["Id"] for i in page.get("Items", []))
        if "NextMarker" not in page:
            break
        kwargs["Marker"] = page["NextMarker"]
    assert seen == expected and len(set(seen)) == len(seen) >= len(MANAGED[CACHE.member]) + 3
    assert pages == -(-len(seen) // 4)


def test_managed_cache_policy_settings(cf: Any) -> None:
    def config(policy_id: str) -> dict[str, Any]:
        found: dict[str, Any] = cf.get_cache_policy(Id=policy_id)["CachePolicy"][
            "CachePolicyConfig"
        ]
        return found

    optimized = config("658327ea-f89d-4fab-a63d-7e88639e58f6")
    assert (optimized["MinTTL"], optimized["DefaultTTL"], optimized["MaxTTL"]) == (
        1,
        86400,
        31536000,
    )
    key = optimized["ParametersInCacheKeyAndForwardedToOrigin"]
    assert key["EnableAcceptEncodingGzip"] and key["EnableAcceptEncodingBrotli"]
    assert key["HeadersConfig"] == {"HeaderBehavior": "none"}
    assert key["CookiesConfig"] == {"CookieBehavior": "none"}
    assert key["QueryStringsConfig"] == {"QueryStringBehavior": "none"}
    disabled = config("4135ea2d-6df8-44a3-9df3-4b5a84be39ad")
    assert (disabled["MinTTL"], disabled["DefaultTTL"], disabled["MaxTTL"]) == (0, 0, 0)
    uncompressed = config("b2884449-e4de-46a7-ac36-70bc7f1ddd6d")
    assert not uncompressed["ParametersInCacheKeyAndForwardedToOrigin"]["EnableAcceptEncodingGzip"]
    origin_headers = config("4cc15a8a-d715-48a4-82b8-cc0b614638fe")
    assert (origin_headers["MinTTL"], origin_headers["DefaultTTL"]) == (0, 0)
    params = origin_headers["ParametersInCacheKeyAndForwardedToOrigin"]
    assert params["QueryStringsConfig"]["QueryStringBehavior"] == "all"
    assert params["CookiesConfig"]["CookieBehavior"] == "all"
    amplify = config("2e54312d-136d-493c-8eb9-b001f22f67d2")
    assert (amplify["MinTTL"], amplify["DefaultTTL"], amplify["MaxTTL"]) == (2, 2, 600)


def test_managed_origin_request_and_response_headers_policy_settings(cf: Any) -> None:
    orp = cf.get_origin_request_policy(Id="b689b0a8-53d0-40ab-baf2-68738e2966ac")
    headers = orp["OriginRequestPolicy"]["OriginRequestPolicyConfig"]["HeadersConfig"]
    assert headers == {"HeaderBehavior": "allExcept", "Headers": {"Quantity": 1, "Items": ["Host"]}}
    all_viewer = cf.get_origin_request_policy(Id="216adef6-5c7f-47e4-b989-5492eafa07d3")
    assert all_viewer["OriginRequestPolicy"]["OriginRequestPolicyConfig"]["HeadersConfig"] == {
        "HeaderBehavior": "allViewer"
    }
    rhp = cf.get_response_headers_policy(Id="67f7725c-6f97-4210-82d7-5512b31e9d03")
    security = rhp["ResponseHeadersPolicy"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    assert security["StrictTransportSecurity"]["AccessControlMaxAgeSec"] == 31536000
    assert security["StrictTransportSecurity"]["Override"] is False
    assert security["ContentTypeOptions"] == {"Override": True}
    assert security["FrameOptions"]["FrameOption"] == "SAMEORIGIN"
    assert security["ReferrerPolicy"]["ReferrerPolicy"] == "strict-origin-when-cross-origin"
    preflight = cf.get_response_headers_policy(Id="5cc3b908-e619-4b99-88e5-2cf7f45965bd")
    cors = preflight["ResponseHeadersPolicy"]["ResponseHeadersPolicyConfig"]["CorsConfig"]
    assert cors["AccessControlAllowOrigins"]["Items"] == ["*"]
    assert set(cors["AccessControlAllowMethods"]["Items"]) == {
        "GET",
        "HEAD",
        "OPTIONS",
        "PUT",
        "POST",
        "PATCH",
        "DELETE",
    }
    assert "CorsConfig" not in rhp["ResponseHeadersPolicy"]["ResponseHeadersPolicyConfig"]
