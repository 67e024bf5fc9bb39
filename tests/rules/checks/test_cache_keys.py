"""cache.legacy_forwarded_values, forward_all_headers, key_all_query_strings, key_all_cookies,
key_high_cardinality_header, compression_disabled — per behavior, policy and legacy."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.model.cloudfront.policies import CACHING_DISABLED, CACHING_OPTIMIZED
from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks.cf_snapshots import cf, dist, fails, run_check, unknowns

BEHAVIOR_ID = "behavior:E1EXAMPLE:/api/*"
POLICY = "cp-custom"


def _policy(**kwargs: Any) -> dict[str, list[dict[str, Any]]]:
    return {"cache_policies": [f.cache_policy(POLICY, "custom", **kwargs)]}


def _with_policy(**kwargs: Any) -> Any:
    d = dist(behaviors=[f.behavior("s3-assets", "/api/*", cache_policy=POLICY)])
    return cf(d, policies=_policy(**kwargs))


def _legacy(ttls: tuple[int, int, int] = (0, 86400, 31536000), **fv: Any) -> Any:
    legacy = f.forwarded_values(**fv)
    d = dist(behaviors=[f.behavior("s3-assets", "/api/*", legacy=legacy, ttls=ttls)])
    return cf(d)


def _unknown_policy() -> Any:
    return cf(dist(), omit=["cache_policies"])


# -- legacy_forwarded_values -------------------------------------------------------------------
def test_legacy_forwarded_values_fires_on_ordered_behavior() -> None:
    [finding] = fails("cache.legacy_forwarded_values", _legacy(headers=()))
    assert finding.resource.id == BEHAVIOR_ID
    assert finding.evidence == {"path_pattern": "/api/*"}


def test_legacy_forwarded_values_passes_with_cache_policy() -> None:
    assert run_check("cache.legacy_forwarded_values", _with_policy()) == []


# -- forward_all_headers -----------------------------------------------------------------------
def test_forward_all_headers_fires_on_star() -> None:
    [finding] = fails("cache.forward_all_headers", _legacy(headers=("*",)))
    assert finding.resource.id == BEHAVIOR_ID


def test_forward_all_headers_passes_on_named_headers() -> None:
    assert run_check("cache.forward_all_headers", _legacy(headers=("Origin",))) == []


# -- key_all_query_strings ---------------------------------------------------------------------
def test_key_all_query_strings_fires_for_policy() -> None:
    [finding] = fails("cache.key_all_query_strings", _with_policy(query_strings=("all", ())))
    assert finding.evidence == {
        "path_pattern": "/api/*",
        "cache_policy_id": POLICY,
        "cache_policy": "custom",
        "max_ttl": 31536000,
    }


def test_key_all_query_strings_fires_for_legacy_without_cache_keys() -> None:
    [finding] = fails("cache.key_all_query_strings", _legacy(headers=(), cookies="none"))
    assert finding.evidence["cache_settings"] == "legacy ForwardedValues"


def test_key_all_query_strings_passes_whitelist_and_uncacheable() -> None:
    snap = _with_policy(query_strings=("whitelist", ("page",)))
    assert run_check("cache.key_all_query_strings", snap) == []
    snap = _with_policy(ttls=(0, 0, 0), query_strings=("all", ()))
    assert run_check("cache.key_all_query_strings", snap) == []
    assert run_check("cache.key_all_query_strings", _legacy(qs_keys=("page",), headers=())) == []
    assert run_check("cache.key_all_query_strings", _legacy(ttls=(0, 0, 0), headers=())) == []


def test_key_all_query_strings_unknown_when_policies_not_collected() -> None:
    [finding] = unknowns("cache.key_all_query_strings", _unknown_policy())
    assert finding.evidence == {"cache_policy_id": CACHING_OPTIMIZED, "path_pattern": "Default (*)"}


# -- key_all_cookies ---------------------------------------------------------------------------
def test_key_all_cookies_fires_for_policy_and_legacy() -> None:
    assert len(fails("cache.key_all_cookies", _with_policy(cookies=("all", ())))) == 1
    assert len(fails("cache.key_all_cookies", _legacy(headers=(), cookies="all"))) == 1


def test_key_all_cookies_passes_whitelist() -> None:
    snap = _with_policy(cookies=("whitelist", ("session",)))
    assert run_check("cache.key_all_cookies", snap) == []
    snap = _legacy(headers=(), cookies="whitelist", cookie_names=("session",))
    assert run_check("cache.key_all_cookies", snap) == []


def test_key_all_cookies_unknown_when_policies_not_collected() -> None:
    assert len(unknowns("cache.key_all_cookies", _unknown_policy())) == 1


# -- key_high_cardinality_header ---------------------------------------------------------------
@pytest.mark.parametrize(
    "header", ["user-agent", "Referer", "DATE", "X-Forwarded-For", "Authorization"]
)
def test_key_high_cardinality_header_fires_case_insensitive(header: str) -> None:
    snap = _with_policy(headers=("whitelist", ("Accept-Language", header)))
    [finding] = fails("cache.key_high_cardinality_header", snap)
    assert len(finding.evidence["headers"]) == 1


def test_key_high_cardinality_header_fires_for_legacy_headers() -> None:
    [finding] = fails("cache.key_high_cardinality_header", _legacy(headers=("Cookie", "Referer")))
    assert finding.evidence["headers"] == ["Referer", "Cookie"]


def test_key_high_cardinality_header_passes_benign_star_and_uncacheable() -> None:
    assert (
        run_check(
            "cache.key_high_cardinality_header", _with_policy(headers=("whitelist", ("Origin",)))
        )
        == []
    )
    assert run_check("cache.key_high_cardinality_header", _legacy(headers=("*",))) == []
    snap = _with_policy(ttls=(0, 0, 0), headers=("whitelist", ("User-Agent",)))
    assert run_check("cache.key_high_cardinality_header", snap) == []


def test_key_high_cardinality_header_unknown_when_policies_not_collected() -> None:
    assert len(unknowns("cache.key_high_cardinality_header", _unknown_policy())) == 1


# -- compression_disabled ----------------------------------------------------------------------
def test_compression_disabled_fires_on_cacheable_behavior() -> None:
    d = dist(behaviors=[f.behavior("s3-assets", "/api/*", compress=False)])
    [finding] = fails("cache.compression_disabled", cf(d))
    assert finding.resource.id == BEHAVIOR_ID


def test_compression_disabled_passes_compressing_or_caching_disabled() -> None:
    d = dist(
        behaviors=[
            f.behavior("s3-assets", "/a/*", compress=True),
            f.behavior("s3-assets", "/b/*", compress=False, cache_policy=CACHING_DISABLED),
            f.behavior(
                "s3-assets", "/c/*", compress=False, legacy=f.forwarded_values(), ttls=(0, 0, 0)
            ),
        ]
    )
    assert run_check("cache.compression_disabled", cf(d)) == []


def test_compression_disabled_unknown_when_policy_not_collected() -> None:
    d = dist(default=f.behavior("s3-assets", compress=False))
    assert len(unknowns("cache.compression_disabled", cf(d, omit=["cache_policies"]))) == 1
    # Compress true needs no policy: no unknown
    assert run_check("cache.compression_disabled", _unknown_policy()) == []


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
B = f.ACCOUNT_B


CUSTOM_ID = "c0ffee00-0000-4000-8000-000000000001"


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


def test_key_all_cookies_passes_caching_disabled_id_with_no_listing_at_all() -> None:
    """Managed-CachingDisabled caches nothing (every TTL 0): never a cacheable behavior."""
    snap = _two_accounts(_dist_b(cache_policy=CACHING_DISABLED, compress=False), a_policies={})
    for check in ("cache.key_all_cookies", "cache.compression_disabled"):
        assert run_check(check, snap) == [], check


def test_key_all_cookies_unknown_for_a_custom_policy_listed_only_by_another_account() -> None:
    """Custom policies belong to one account: another account's listing never stands in."""
    custom = f.cache_policy(CUSTOM_ID, "all-cookies", cookies=("all", ()))
    policies = f.managed_policies()
    policies["cache_policies"] = [*policies["cache_policies"], custom]
    snap = _two_accounts(_dist_b(cache_policy=CUSTOM_ID), a_policies=policies)
    [finding] = unknowns("cache.key_all_cookies", snap)
    assert finding.evidence["cache_policy_id"] == CUSTOM_ID
