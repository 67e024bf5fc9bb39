"""Review of the cache.* checks (and the policy resolution they share with cloudfront.*)
against realistic estates: managed policies referenced by id across accounts."""

from __future__ import annotations

from typing import Any

from edgekit.model.cloudfront.policies import CACHING_DISABLED, ORP_ALL_VIEWER, RHP_SECURITY_HEADERS
from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns

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


def test_no_security_headers_passes_with_managed_policy_listed_by_another_account() -> None:
    snap = _two_accounts(_dist_b(response_headers_policy=RHP_SECURITY_HEADERS))
    assert run_check("cloudfront.no_security_headers", snap) == []
    [weak] = fails("cloudfront.weak_hsts", snap)
    assert weak.evidence["behaviors"]["Default (*)"]["include_subdomains"] is False


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
