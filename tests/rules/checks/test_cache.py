"""cache.disabled_on_static, personalized_cached, all_viewer_to_s3, error_caching_5xx,
no_origin_shield."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.model.cloudfront.policies import (
    CACHING_DISABLED,
    ORP_ALL_VIEWER,
    ORP_ALL_VIEWER_EXCEPT_HOST,
)
from edgekit.rules.checks.cache import STATIC_PATTERNS, in_class
from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks.cf_snapshots import alb, cf, dist, fails, run_check, unknowns

NO_CACHE = "cp-nocache"
SHORT = "cp-short"
POLICIES = {
    "cache_policies": [
        f.cache_policy(NO_CACHE, "all-zero", ttls=(0, 0, 0)),
        f.cache_policy(SHORT, "short", ttls=(60, 300, 3600)),
        f.cache_policy(
            "cp-cookies", "cookies", ttls=(60, 300, 3600), cookies=("whitelist", ("sid",))
        ),
        f.cache_policy(
            "cp-auth", "auth", ttls=(60, 300, 3600), headers=("whitelist", ("authorization",))
        ),
    ],
    "origin_request_policies": [
        f.origin_request_policy("orp-host", "host", headers=("whitelist", ("Host",))),
        f.origin_request_policy("orp-cors", "cors", headers=("whitelist", ("Origin",))),
    ],
}


def _alb_dist(*behaviors: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    return dist(
        origins=[alb(), f.s3_origin()], default=f.behavior("alb"), behaviors=behaviors, **kwargs
    )


# -- disabled_on_static ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "pattern", ["*.js", "/static/*", "static/img/*", "/assets/*.png", "*.woff2", "/a/*.svg"]
)
def test_disabled_on_static_fires_on_static_paths(pattern: str) -> None:
    d = _alb_dist(f.behavior("alb", pattern, cache_policy=CACHING_DISABLED))
    [finding] = fails("cache.disabled_on_static", cf(d))
    assert finding.evidence["static_path"] is True
    assert finding.evidence["s3_origins"] == []


def test_disabled_on_static_fires_on_s3_default_with_zero_ttls() -> None:
    d = dist(default=f.behavior("s3-assets", cache_policy=NO_CACHE))
    [finding] = fails("cache.disabled_on_static", cf(d, policies=POLICIES))
    assert finding.evidence == {
        "path_pattern": "Default (*)",
        "s3_origins": ["s3-assets"],
        "static_path": False,
        "cache_policy_id": NO_CACHE,
        "cache_policy": "all-zero",
    }


def test_disabled_on_static_fires_on_legacy_zero_ttls_to_s3() -> None:
    legacy = f.forwarded_values(headers=(), cookies="none")
    d = dist(default=f.behavior("s3-assets", legacy=legacy, ttls=(0, 0, 0)))
    assert len(fails("cache.disabled_on_static", cf(d))) == 1


@pytest.mark.parametrize("pattern", ["/static*", "*", "/api/*", "*.jpeg", "/img/*.JPG"])
def test_disabled_on_static_passes_dynamic_paths(pattern: str) -> None:
    d = _alb_dist(f.behavior("alb", pattern, cache_policy=CACHING_DISABLED))
    assert run_check("cache.disabled_on_static", cf(d)) == []


def test_disabled_on_static_passes_static_with_caching() -> None:
    d = _alb_dist(f.behavior("s3-assets", "*.js", cache_policy=SHORT))
    assert run_check("cache.disabled_on_static", cf(d, policies=POLICIES)) == []


def test_disabled_on_static_unknown_when_policy_not_collected() -> None:
    d = _alb_dist(f.behavior("alb", "/assets/*", cache_policy=SHORT))
    snap = cf(d, policies=POLICIES, omit=["cache_policies"])
    [finding] = unknowns("cache.disabled_on_static", snap)
    assert finding.evidence == {"cache_policy_id": SHORT, "path_pattern": "/assets/*"}


def test_disabled_on_static_known_id_needs_no_lookup() -> None:
    d = _alb_dist(f.behavior("alb", "/assets/*", cache_policy=CACHING_DISABLED))
    assert len(fails("cache.disabled_on_static", cf(d, omit=["cache_policies"]))) == 1


def test_static_class_is_language_inclusion() -> None:
    assert in_class("/static/img/*", STATIC_PATTERNS)
    assert not in_class("/static*", STATIC_PATTERNS)  # /statics.php
    assert in_class("css/*.css", STATIC_PATTERNS)


# -- personalized_cached -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "pattern", ["/api/*", "api*", "/api/v1/users", "*.html", "/", "/account/*/"]
)
def test_personalized_cached_fires_on_api_and_pages(pattern: str) -> None:
    d = _alb_dist(f.behavior("alb", pattern, cache_policy=SHORT))
    [finding] = fails("cache.personalized_cached", cf(d, policies=POLICIES))
    assert finding.evidence["min_ttl"] == 60


def test_personalized_cached_fires_on_legacy_min_ttl() -> None:
    legacy = f.forwarded_values(headers=("Accept",), cookies="none", query_string=False)
    d = _alb_dist(f.behavior("alb", "/api/*", legacy=legacy, ttls=(30, 60, 120)))
    [finding] = fails("cache.personalized_cached", cf(d))
    assert finding.evidence == {
        "path_pattern": "/api/*",
        "min_ttl": 30,
        "cache_settings": "legacy ForwardedValues",
    }


@pytest.mark.parametrize("policy", ["cp-cookies", "cp-auth", CACHING_DISABLED])
def test_personalized_cached_passes_when_keyed_or_min_ttl_zero(policy: str) -> None:
    d = _alb_dist(f.behavior("alb", "/api/*", cache_policy=policy))
    assert run_check("cache.personalized_cached", cf(d, policies=POLICIES)) == []


@pytest.mark.parametrize("pattern", ["*", "/v1/api/*", "*.js", "/ap*"])
def test_personalized_cached_passes_on_other_paths(pattern: str) -> None:
    d = _alb_dist(f.behavior("alb", pattern, cache_policy=SHORT))
    assert run_check("cache.personalized_cached", cf(d, policies=POLICIES)) == []


def test_personalized_cached_unknown_when_policy_not_collected() -> None:
    d = _alb_dist(f.behavior("alb", "/api/*", cache_policy=SHORT))
    [finding] = unknowns("cache.personalized_cached", cf(d, omit=["cache_policies"]))
    assert finding.evidence == {"cache_policy_id": SHORT, "path_pattern": "/api/*"}


# -- all_viewer_to_s3 --------------------------------------------------------------------------
def test_all_viewer_to_s3_fires_on_managed_all_viewer() -> None:
    d = dist(default=f.behavior("s3-assets", origin_request_policy=ORP_ALL_VIEWER))
    [finding] = fails("cache.all_viewer_to_s3", cf(d))
    assert finding.evidence == {
        "path_pattern": "Default (*)",
        "origin_request_policy_id": ORP_ALL_VIEWER,
        "origin_request_policy": "Managed-AllViewer",
        "s3_origins": ["s3-assets"],
    }


def test_all_viewer_to_s3_fires_on_custom_policy_forwarding_host() -> None:
    d = _alb_dist(f.behavior("s3-assets", "/img/*", origin_request_policy="orp-host"))
    [finding] = fails("cache.all_viewer_to_s3", cf(d, policies=POLICIES))
    assert finding.evidence["origin_request_policy"] == "host"


def test_all_viewer_to_s3_passes_except_host_or_alb() -> None:
    d = _alb_dist(
        f.behavior("s3-assets", "/a/*", origin_request_policy=ORP_ALL_VIEWER_EXCEPT_HOST),
        f.behavior("s3-assets", "/b/*", origin_request_policy="orp-cors"),
        f.behavior("alb", "/c/*", origin_request_policy=ORP_ALL_VIEWER),
    )
    assert run_check("cache.all_viewer_to_s3", cf(d, policies=POLICIES)) == []


def test_all_viewer_to_s3_unknown_when_policy_not_collected() -> None:
    d = dist(default=f.behavior("s3-assets", origin_request_policy="orp-host"))
    snap = cf(d, omit=["origin_request_policies"])
    [finding] = unknowns("cache.all_viewer_to_s3", snap)
    assert finding.evidence == {
        "origin_request_policy_id": "orp-host",
        "path_pattern": "Default (*)",
    }
    # The managed AllViewer id is known without the listing.
    d = dist(default=f.behavior("s3-assets", origin_request_policy=ORP_ALL_VIEWER))
    assert len(fails("cache.all_viewer_to_s3", cf(d, omit=["origin_request_policies"]))) == 1


# -- error_caching_5xx -------------------------------------------------------------------------
def test_error_caching_5xx_fires_above_ten_seconds() -> None:
    responses = [
        f.error_response(503, ttl=300),
        f.error_response(500, ttl=11),
        f.error_response(404, 600),
    ]
    [finding] = fails("cache.error_caching_5xx", cf(dist(error_responses=responses)))
    assert finding.evidence == {"error_caching_min_ttl": {"500": 11, "503": 300}}


def test_error_caching_5xx_passes_at_ten_seconds_and_for_4xx() -> None:
    responses = [
        f.error_response(502, ttl=10),
        f.error_response(504, ttl=0),
        f.error_response(403, 3600),
    ]
    assert run_check("cache.error_caching_5xx", cf(dist(error_responses=responses))) == []


# -- no_origin_shield --------------------------------------------------------------------------
def test_no_origin_shield_fires_for_custom_origin_on_price_class_all() -> None:
    d = dist(origins=[alb(), f.s3_origin()], price_class="PriceClass_All")
    [finding] = fails("cache.no_origin_shield", cf(d))
    assert finding.resource.id == "origin:E1EXAMPLE:alb"
    assert finding.evidence == {
        "origin_id": "alb",
        "domain_name": "web-123.us-east-1.elb.amazonaws.com",
    }


def test_no_origin_shield_passes_with_shield_s3_or_cheaper_class() -> None:
    d = dist(origins=[alb(shield_region="us-east-1"), f.s3_origin()], price_class="PriceClass_All")
    assert run_check("cache.no_origin_shield", cf(d)) == []
    d = dist(origins=[alb()], price_class="PriceClass_200")
    assert run_check("cache.no_origin_shield", cf(d)) == []


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
B = f.ACCOUNT_B


def _two_accounts(
    dist_b: dict[str, Any], *, a_policies: dict[str, list[dict[str, Any]]] | None = None
) -> Snapshot:
    """Account A lists the managed policies; account B's policy listings were not collected
    (only its distributions were), and B's distribution is ``dist_b``."""
    listings = f.managed_policies() if a_policies is None else a_policies
    a = f.payload("cloudfront", {"distributions": [], **listings})
    b = f.payload("cloudfront", {"distributions": [f.distribution_entry(dist_b)]}, account=B)
    return f.snapshot(a, b)


def _dist_b(**behavior: Any) -> dict[str, Any]:
    return f.distribution("E1B", account=B, default=f.behavior("s3-assets", **behavior))


def test_disabled_on_static_fires_with_managed_policy_listed_by_another_account() -> None:
    """Managed policies have the same id and content in every account: CachingDisabled listed
    by account A decides a behavior of account B whose own listing was not collected."""
    snap = _two_accounts(_dist_b(cache_policy=CACHING_DISABLED))
    [finding] = fails("cache.disabled_on_static", snap)
    assert finding.evidence["cache_policy"] == "Managed-CachingDisabled"
    assert unknowns("cache.disabled_on_static", snap) == []


def test_disabled_on_static_fires_on_caching_disabled_id_with_no_listing_at_all() -> None:
    """The catalogue names the managed CachingDisabled policy: its id alone decides."""
    snap = _two_accounts(_dist_b(cache_policy=CACHING_DISABLED), a_policies={})
    [finding] = fails("cache.disabled_on_static", snap)
    assert finding.evidence["cache_policy_id"] == CACHING_DISABLED


def test_all_viewer_to_s3_fires_for_the_s3_failover_member_of_an_origin_group() -> None:
    """An ordered behavior to an origin group whose secondary is S3: AllViewer breaks the
    failover (S3 resolves the bucket from Host)."""
    origins = [f.custom_origin("alb", "web-1.us-east-1.elb.amazonaws.com"), f.s3_origin("s3")]
    d = f.distribution(
        origins=origins,
        groups=[f.origin_group("grp", ["alb", "s3"])],
        behaviors=[f.behavior("grp", "/app/*", origin_request_policy=ORP_ALL_VIEWER)],
        default=f.behavior("s3"),
    )
    snap = f.snapshot(
        f.payload(
            "cloudfront", {"distributions": [f.distribution_entry(d)], **f.managed_policies()}
        )
    )
    [finding] = fails("cache.all_viewer_to_s3", snap)
    assert finding.evidence["s3_origins"] == ["s3"]
