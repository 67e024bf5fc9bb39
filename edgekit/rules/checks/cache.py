"""Cacheability, per behavior (default and ordered), plus error caching and Origin Shield.

Path classes are languages of CloudFront path patterns
(:mod:`edgekit.rules.analysis.path_patterns`): a
behavior's pattern is "static" (or "personalised") when every path it can match is matched by
one of the class's patterns — ``/static/img/*`` is static, ``/static*`` is not (``/statics.php``).
"""

from __future__ import annotations

from typing import Final

from edgekit.model import Distribution
from edgekit.model.cloudfront.policies import ORP_ALL_VIEWER
from edgekit.rules.analysis.cloudfront_resolve import (
    cache_settings,
    is_s3,
    origin_request_policy,
    targets,
)
from edgekit.rules.analysis.path_patterns import PatternTooComplexError, covers
from edgekit.rules.context import BehaviorSubject, CheckContext, OriginSubject
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

STATIC_PATTERNS: Final = (
    "*.js",
    "*.css",
    "*.png",
    "*.jpg",
    "*.svg",
    "*.woff2",
    "/static/*",
    "/assets/*",
)
API_PATTERNS: Final = ("/api*",)
HTML_PATTERNS: Final = (
    "/",
    "*/",
    "*.html",
    "*.htm",
    "*.shtml",
    "*.xhtml",
    "*.php",
    "*.asp",
    "*.aspx",
    "*.jsp",
)
"""Paths that return pages: directory indexes and page extensions."""
ERROR_CODES_5XX: Final = (500, 502, 503, 504)
ERROR_CACHING_LIMIT: Final = 10


def in_class(pattern: str, patterns: tuple[str, ...]) -> bool:
    """Every path ``pattern`` matches is matched by one of ``patterns`` (False if undecidable)."""
    try:
        return covers(patterns, pattern)
    except PatternTooComplexError:
        return False


@check(
    "cache.disabled_on_static",
    title="Caching disabled for static content",
    severity="medium",
    category="caching",
    applies_to="cache_behavior",
    remediation="Use Managed-CachingOptimized (or a cache policy with TTLs) for static content.",
)
def disabled_on_static(s: BehaviorSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """Caching is disabled — Managed-CachingDisabled (4135ea2d-6df8-44a3-9df3-4b5a84be39ad), or
    every TTL 0 (policy or legacy) — on a behavior that serves static content: it reaches an S3
    origin (REST or website endpoint, directly or through an origin group), or its path pattern
    only matches static paths (``*.js *.css *.png *.jpg *.svg *.woff2 /static/* /assets/*``,
    decided by language inclusion). Every request then goes to the origin. Unknown when the
    behavior is static and its cache policy could not be resolved."""
    b = s.behavior
    s3 = sorted(o.id for o in targets(s.distribution, b) if is_s3(o))
    static = in_class(b.path_pattern, STATIC_PATTERNS)
    if not s3 and not static:
        return None
    settings = cache_settings(ctx.model, s.distribution, b)
    if isinstance(settings, Unknown):
        return settings
    if not settings.caching_disabled:
        return None
    why = ([f"S3 origin {', '.join(s3)}"] if s3 else []) + (["static path"] if static else [])
    return Fail(
        f"caching disabled on {s.path} ({'; '.join(why)})",
        {"path_pattern": s.path, "s3_origins": s3, "static_path": static, **settings.evidence()},
    )


@check(
    "cache.personalized_cached",
    title="Personalised responses may be cached and served to others",
    severity="high",
    category="security",
    applies_to="cache_behavior",
    remediation="Use MinTTL 0 (respect Cache-Control: private/no-store) or put the session "
    "cookie / Authorization in the cache key; or disable caching for the path.",
)
def personalized_cached(s: BehaviorSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """An API or page path — the pattern only matches ``/api*`` or HTML-ish paths (``/``,
    directory indexes ``*/``, ``*.html *.htm *.shtml *.xhtml *.php *.asp *.aspx *.jsp``) — has a
    MinTTL above 0 (cache policy, or legacy TTLs) while neither cookies nor the Authorization
    header are in the cache key. A MinTTL above 0 overrides the origin's ``Cache-Control:
    private/no-store``, so one user's response (and its Set-Cookie) can be served to the next.
    The default behavior (``*``) is not assumed to be either. Unknown when the path qualifies
    and the cache policy could not be resolved."""
    if not in_class(s.behavior.path_pattern, API_PATTERNS + HTML_PATTERNS):
        return None
    settings = cache_settings(ctx.model, s.distribution, s.behavior)
    if isinstance(settings, Unknown):
        return settings
    if settings.min_ttl <= 0 or settings.cookies.behavior != "none":
        return None
    if settings.headers.includes("Authorization"):
        return None
    return Fail(
        f"{s.path} is cached at least {settings.min_ttl}s without cookies or Authorization "
        "in the key",
        {"path_pattern": s.path, "min_ttl": settings.min_ttl, **settings.evidence()},
    )


@check(
    "cache.all_viewer_to_s3",
    title="Viewer Host header forwarded to an S3 origin",
    severity="high",
    category="resilience",
    applies_to="cache_behavior",
    remediation="Use Managed-AllViewerExceptHostHeader or Managed-CORS-S3Origin (or no origin "
    "request policy) for S3 origins.",
)
def all_viewer_to_s3(s: BehaviorSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """A behavior reaching an S3 origin (REST or website, directly or through an origin group)
    has the managed AllViewer origin request policy (216adef6-5c7f-47e4-b989-5492eafa07d3), or
    any origin request policy that forwards the viewer's Host header (allViewer,
    allViewerAndWhitelistCloudFront, or Host listed): S3 resolves the bucket from Host, so
    requests fail. Unknown when another policy is referenced and could not be resolved."""
    b = s.behavior
    s3 = sorted(o.id for o in targets(s.distribution, b) if is_s3(o))
    if not s3 or b.origin_request_policy_id is None:
        return None
    name = "Managed-AllViewer"
    if b.origin_request_policy_id != ORP_ALL_VIEWER:
        policy = origin_request_policy(ctx.model, s.distribution, b)
        if isinstance(policy, Unknown):
            return policy
        if policy is None or not policy.forwards_host_header:
            return None
        name = policy.name
    return Fail(
        f"origin request policy {name} forwards Host to S3 origin {', '.join(s3)}",
        {
            "path_pattern": s.path,
            "origin_request_policy_id": b.origin_request_policy_id,
            "origin_request_policy": name,
            "s3_origins": s3,
        },
    )


@check(
    "cache.error_caching_5xx",
    title="Server errors are cached for more than 10 seconds",
    severity="low",
    category="resilience",
    applies_to="distribution",
    remediation="Set ErrorCachingMinTTL to 10 s or less for 500, 502, 503 and 504.",
)
def error_caching_5xx(dist: Distribution, ctx: CheckContext) -> Fail | None:
    """A custom error response for 500, 502, 503 or 504 has ErrorCachingMinTTL above 10 s:
    a brief origin failure keeps being served from the cache after the origin recovered."""
    bad = {
        str(r.error_code): r.error_caching_min_ttl
        for r in sorted(dist.custom_error_responses, key=lambda r: r.error_code)
        if r.error_code in ERROR_CODES_5XX and r.error_caching_min_ttl > ERROR_CACHING_LIMIT
    }
    if not bad:
        return None
    return Fail(
        f"5xx responses cached longer than {ERROR_CACHING_LIMIT}s: {', '.join(bad)}",
        {"error_caching_min_ttl": bad},
    )


@check(
    "cache.no_origin_shield",
    title="Custom origin of a PriceClass_All distribution without Origin Shield",
    severity="info",
    category="caching",
    applies_to="origin",
    remediation="Enable Origin Shield in the region closest to the origin.",
)
def no_origin_shield(s: OriginSubject, ctx: CheckContext) -> Fail | None:
    """A custom origin (CustomOriginConfig, load balancers and website endpoints included) of a
    distribution with PriceClass_All has no Origin Shield: every regional edge cache fetches
    from the origin separately, multiplying origin load and egress."""
    origin = s.origin
    if s.distribution.price_class != "PriceClass_All" or origin.custom_origin_config is None:
        return None
    if origin.origin_shield is not None and origin.origin_shield.enabled:
        return None
    return Fail(
        f"custom origin {origin.id} without Origin Shield on PriceClass_All",
        {"origin_id": origin.id, "domain_name": origin.domain_name},
    )
