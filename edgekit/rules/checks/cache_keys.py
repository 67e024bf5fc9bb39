"""Cache keys, per behavior (default and ordered): what makes the cache hit ratio collapse.

"Cacheable" = the behavior's max TTL is above 0 (the cache policy's MaxTTL, or the legacy
behavior's own MaxTTL). Cache keys come from the cache policy (managed ones resolved by id) or,
for legacy behaviors, from ForwardedValues (:mod:`edgekit.rules.analysis.cloudfront_resolve`). A
cache policy
that cannot be resolved makes these checks unknown — unless the answer does not depend on it.
"""

from __future__ import annotations

from typing import Final

from edgekit.rules.analysis.cloudfront_resolve import CacheSettings, cache_settings
from edgekit.rules.context import BehaviorSubject, CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

HIGH_CARDINALITY_HEADERS: Final = (
    "User-Agent",
    "Referer",
    "Date",
    "X-Forwarded-For",
    "Cookie",
    "Authorization",
)


def _settings(s: BehaviorSubject, ctx: CheckContext) -> CacheSettings | Unknown:
    return cache_settings(ctx.model, s.distribution, s.behavior)


def _evidence(s: BehaviorSubject, settings: CacheSettings, **extra: object) -> dict[str, object]:
    return {"path_pattern": s.path, **settings.evidence(), "max_ttl": settings.max_ttl, **extra}


@check(
    "cache.legacy_forwarded_values",
    title="Behavior uses legacy cache settings (ForwardedValues)",
    severity="low",
    category="caching",
    applies_to="cache_behavior",
    remediation="Replace ForwardedValues and the behavior TTLs with a cache policy (and an "
    "origin request policy for what the origin needs beyond the cache key).",
)
def legacy_forwarded_values(s: BehaviorSubject, ctx: CheckContext) -> Fail | None:
    """The behavior has no cache policy: its cache key and TTLs come from the legacy
    ForwardedValues and MinTTL/DefaultTTL/MaxTTL, which tie what is forwarded to the origin to
    what is cached (forwarding a header means keying on it) and cannot enable Brotli."""
    if not s.behavior.uses_legacy_cache_settings:
        return None
    return Fail("behavior uses legacy ForwardedValues", {"path_pattern": s.path})


@check(
    "cache.forward_all_headers",
    title="Legacy behavior forwards all headers (nothing is cached)",
    severity="medium",
    category="caching",
    applies_to="cache_behavior",
    remediation="Forward only the headers the origin needs (better: a cache policy and an "
    "origin request policy).",
    references=("TA",),
)
def forward_all_headers(s: BehaviorSubject, ctx: CheckContext) -> Fail | None:
    """A legacy behavior's ForwardedValues headers are ``*``: CloudFront forwards every viewer
    header and caches nothing for this behavior, whatever the TTLs say."""
    fv = s.behavior.forwarded_values
    if not s.behavior.uses_legacy_cache_settings or fv is None or "*" not in fv.headers:
        return None
    return Fail("legacy ForwardedValues forward all headers (*)", {"path_pattern": s.path})


@check(
    "cache.key_all_query_strings",
    title="Cacheable behavior keys on all query strings",
    severity="medium",
    category="caching",
    applies_to="cache_behavior",
    remediation="Key on the query strings that change the response only (whitelist).",
)
def key_all_query_strings(s: BehaviorSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """A cacheable behavior (max TTL > 0) keys on every query string (cache policy
    QueryStringBehavior ``all``; legacy: QueryString true without QueryStringCacheKeys):
    tracking parameters (utm_*, fbclid ...) split the cache into one entry per visitor. Unknown
    when the cache policy could not be resolved."""
    settings = _settings(s, ctx)
    if isinstance(settings, Unknown):
        return settings
    if not settings.cacheable or settings.query_strings.behavior != "all":
        return None
    return Fail("cache key includes all query strings", _evidence(s, settings))


@check(
    "cache.key_all_cookies",
    title="Cacheable behavior keys on all cookies",
    severity="medium",
    category="caching",
    applies_to="cache_behavior",
    remediation="Key on the cookies that change the response only (whitelist), or none.",
)
def key_all_cookies(s: BehaviorSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """A cacheable behavior (max TTL > 0) keys on every cookie (cache policy CookieBehavior
    ``all``; legacy: Cookies Forward ``all``): analytics and session cookies make nearly every
    request a miss. Unknown when the cache policy could not be resolved."""
    settings = _settings(s, ctx)
    if isinstance(settings, Unknown):
        return settings
    if not settings.cacheable or settings.cookies.behavior != "all":
        return None
    return Fail("cache key includes all cookies", _evidence(s, settings))


@check(
    "cache.key_high_cardinality_header",
    title="Cacheable behavior keys on a high-cardinality header",
    severity="medium",
    category="caching",
    applies_to="cache_behavior",
    remediation="Remove the header from the cache key; use CloudFront-Is-*-Viewer headers or "
    "an origin request policy when the origin needs it.",
    references=("TA",),
)
def key_high_cardinality_header(s: BehaviorSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """A cacheable behavior (max TTL > 0) keys on User-Agent, Referer, Date, X-Forwarded-For,
    Cookie or Authorization (names compared case-insensitively; cache policy whitelisted
    headers, or legacy ForwardedValues headers): almost every request gets its own cache
    entry. Legacy ``*`` (all headers, nothing cached) is ``cache.forward_all_headers``'s
    finding, not this one. Unknown when the cache policy could not be resolved."""
    settings = _settings(s, ctx)
    if isinstance(settings, Unknown):
        return settings
    if not settings.cacheable or settings.headers.behavior == "all":
        return None
    names = [h for h in HIGH_CARDINALITY_HEADERS if settings.headers.includes(h)]
    if not names:
        return None
    return Fail(f"cache key includes {', '.join(names)}", _evidence(s, settings, headers=names))


@check(
    "cache.compression_disabled",
    title="Cacheable behavior does not compress",
    severity="low",
    category="caching",
    applies_to="cache_behavior",
    remediation="Set Compress to true (with a cache policy that enables gzip and Brotli).",
)
def compression_disabled(s: BehaviorSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """A cacheable behavior (max TTL > 0) has Compress false: text responses travel and are
    billed uncompressed. Unknown when Compress is false and the cache policy (hence
    cacheability) could not be resolved."""
    if s.behavior.compress:
        return None
    settings = _settings(s, ctx)
    if isinstance(settings, Unknown):
        return settings
    if not settings.cacheable:
        return None
    return Fail("cacheable behavior with Compress false", _evidence(s, settings))
