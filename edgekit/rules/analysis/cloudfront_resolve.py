"""Resolve what a CloudFront behavior uses: the origins it reaches, its effective cache settings
(cache policy or legacy ``ForwardedValues``), and its origin-request / response-headers policies.

Policies are referenced by id and looked up in the inventory in the distribution's account
(AWS-managed policies are listed in the payload like custom ones; the inventory answers for a
managed policy from any account's listing when the distribution's own cannot, never for a
custom one: :meth:`~edgekit.model.Inventory.cache_policy`). A lookup that still cannot answer
becomes an :class:`Unknown` verdict the check returns as is: the policy kind was not collected
for the account (``NOT_COLLECTED``), or the id is absent from a collected listing (the check
cannot know what it holds either).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, TypeVar

from edgekit.model import (
    NOT_COLLECTED,
    CacheBehavior,
    CachePolicy,
    Collected,
    Distribution,
    Inventory,
    KeyItems,
    Origin,
    OriginRequestPolicy,
    ResponseHeadersPolicy,
)
from edgekit.model.cloudfront.policies import CACHING_DISABLED, NO_ITEMS
from edgekit.rules.finding import Unknown

T = TypeVar("T")

DEFAULT_LABEL: Final = "Default (*)"
LEGACY_DEFAULT_TTL: Final = 86400
LEGACY_MAX_TTL: Final = 31536000


def label(behavior: CacheBehavior) -> str:
    """How evidence names a behavior: its path pattern, or ``Default (*)``."""
    return DEFAULT_LABEL if behavior.is_default else behavior.path_pattern


def targets(dist: Distribution, behavior: CacheBehavior) -> tuple[Origin, ...]:
    """The origins a behavior reaches: its target origin, or every member of its origin group."""
    return dist.origins_for(behavior.target_origin_id)


def is_s3(origin: Origin) -> bool:
    """An S3 bucket endpoint: REST (S3OriginConfig or an S3 REST domain) or static website."""
    return origin.is_s3_rest or origin.is_s3_website


def _unknown(found: Collected[T | None], what: str, ident: str, where: str) -> T | Unknown:
    if found is NOT_COLLECTED:
        return Unknown(
            f"{what} {ident} ({where}) was not collected",
            {f"{what.replace(' ', '_')}_id": ident, "path_pattern": where},
        )
    if found is None:
        return Unknown(
            f"{what} {ident} ({where}) is not in the collected {what} listing",
            {f"{what.replace(' ', '_')}_id": ident, "path_pattern": where},
        )
    return found


@dataclass(frozen=True)
class CacheSettings:
    """What decides caching for one behavior, whichever way it is configured."""

    legacy: bool
    """ForwardedValues and the behavior's own TTLs (no cache policy)."""
    policy_id: str | None
    policy_name: str | None
    min_ttl: int
    default_ttl: int
    max_ttl: int
    headers: KeyItems
    """Headers in the cache key (legacy ``*`` = behavior ``all``: nothing is cached)."""
    cookies: KeyItems
    query_strings: KeyItems

    @property
    def cacheable(self) -> bool:
        """Objects can be cached: max TTL above 0."""
        return self.max_ttl > 0

    @property
    def caching_disabled(self) -> bool:
        """Managed-CachingDisabled, or every TTL 0."""
        return self.policy_id == CACHING_DISABLED or (
            self.min_ttl == 0 and self.default_ttl == 0 and self.max_ttl == 0
        )

    def evidence(self) -> dict[str, object]:
        """Small evidence naming where the settings come from."""
        if self.legacy:
            return {"cache_settings": "legacy ForwardedValues"}
        return {"cache_policy_id": self.policy_id, "cache_policy": self.policy_name}


CACHING_DISABLED_SETTINGS: Final = CacheSettings(
    legacy=False,
    policy_id=CACHING_DISABLED,
    policy_name="Managed-CachingDisabled",
    min_ttl=0,
    default_ttl=0,
    max_ttl=0,
    headers=NO_ITEMS,
    cookies=NO_ITEMS,
    query_strings=NO_ITEMS,
)
"""Managed-CachingDisabled (every TTL 0, empty cache key), for when no listing holds it."""


def _legacy(behavior: CacheBehavior) -> CacheSettings:
    fv = behavior.forwarded_values
    headers, cookies, qs = NO_ITEMS, NO_ITEMS, NO_ITEMS
    if fv is not None:
        if "*" in fv.headers:
            headers = KeyItems("all")
        elif fv.headers:
            headers = KeyItems("whitelist", fv.headers)
        if fv.cookies_forward in ("all", "whitelist"):
            cookies = KeyItems(fv.cookies_forward, fv.cookie_names)
        if fv.query_string:
            qs = (
                KeyItems("whitelist", fv.query_string_cache_keys)
                if fv.query_string_cache_keys
                else KeyItems("all")
            )
    return CacheSettings(
        legacy=True,
        policy_id=None,
        policy_name=None,
        min_ttl=behavior.min_ttl or 0,
        default_ttl=LEGACY_DEFAULT_TTL if behavior.default_ttl is None else behavior.default_ttl,
        max_ttl=LEGACY_MAX_TTL if behavior.max_ttl is None else behavior.max_ttl,
        headers=headers,
        cookies=cookies,
        query_strings=qs,
    )


def _from_policy(policy: CachePolicy) -> CacheSettings:
    return CacheSettings(
        legacy=False,
        policy_id=policy.id,
        policy_name=policy.name,
        min_ttl=policy.min_ttl,
        default_ttl=policy.default_ttl,
        max_ttl=policy.max_ttl,
        headers=policy.headers,
        cookies=policy.cookies,
        query_strings=policy.query_strings,
    )


def cache_settings(
    model: Inventory, dist: Distribution, behavior: CacheBehavior
) -> CacheSettings | Unknown:
    """The behavior's effective cache settings, or Unknown when its cache policy is unknown
    (never for Managed-CachingDisabled, whose id says everything the checks need)."""
    if behavior.cache_policy_id is None:
        return _legacy(behavior)
    found = model.cloudfront.cache_policy(behavior.cache_policy_id, dist.account_id)
    policy = _unknown(found, "cache policy", behavior.cache_policy_id, label(behavior))
    if isinstance(policy, Unknown):
        # Managed-CachingDisabled caches nothing by definition: its id alone decides.
        return CACHING_DISABLED_SETTINGS if policy_id_is_disabled(behavior) else policy
    return _from_policy(policy)


def policy_id_is_disabled(behavior: CacheBehavior) -> bool:
    """The behavior uses the managed CachingDisabled policy (known by its fixed id)."""
    return behavior.cache_policy_id == CACHING_DISABLED


def origin_request_policy(
    model: Inventory, dist: Distribution, behavior: CacheBehavior
) -> OriginRequestPolicy | Unknown | None:
    """The behavior's origin request policy; None when it has none."""
    pid = behavior.origin_request_policy_id
    if pid is None:
        return None
    found = model.cloudfront.origin_request_policy(pid, dist.account_id)
    return _unknown(found, "origin request policy", pid, label(behavior))


def response_headers_policy(
    model: Inventory, dist: Distribution, behavior: CacheBehavior
) -> ResponseHeadersPolicy | Unknown | None:
    """The behavior's response headers policy; None when it has none."""
    pid = behavior.response_headers_policy_id
    if pid is None:
        return None
    found = model.cloudfront.response_headers_policy(pid, dist.account_id)
    return _unknown(found, "response headers policy", pid, label(behavior))
