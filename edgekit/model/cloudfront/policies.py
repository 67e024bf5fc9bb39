"""CloudFront cache, origin-request and response-headers policies (managed and custom).

Distributions reference policies by id; the payload lists AWS-managed policies too, so every id
resolves through :meth:`Inventory.cache_policy` and friends. The ids of the best-known managed
policies are constants here for checks that recognise them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from edgekit.model import enums
from edgekit.model.common import EMPTY_MAP, readonly
from edgekit.model.reader import Fields, UnitKey

CACHING_OPTIMIZED: Final = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CACHING_DISABLED: Final = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
CACHING_OPTIMIZED_UNCOMPRESSED: Final = "b2884449-e4de-46a7-ac36-70bc7f1ddd6d"
ORP_ALL_VIEWER: Final = "216adef6-5c7f-47e4-b989-5492eafa07d3"
ORP_ALL_VIEWER_EXCEPT_HOST: Final = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
ORP_CORS_S3_ORIGIN: Final = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"
RHP_SECURITY_HEADERS: Final = "67f7725c-6f97-4210-82d7-5512b31e9d03"

_HOST_FORWARDING: Final = frozenset({"allViewer", "allViewerAndWhitelistCloudFront"})


@dataclass(frozen=True, slots=True)
class KeyItems:
    """A headers / cookies / query strings config: ``behavior`` and its named ``items``.

    Behaviors: ``none``, ``whitelist``, ``allExcept``, ``all`` (cookies, query strings),
    ``allViewer``, ``allViewerAndWhitelistCloudFront`` (origin-request headers).
    """

    behavior: str
    items: tuple[str, ...] = ()

    def includes(self, name: str) -> bool:
        """Whether ``name`` (case-insensitive) is covered by this config."""
        lowered = name.lower()
        named = any(i.lower() == lowered for i in self.items)
        if self.behavior in ("all", "allViewer", "allViewerAndWhitelistCloudFront"):
            return True
        if self.behavior == "allExcept":
            return not named
        return self.behavior == "whitelist" and named


NO_ITEMS: Final = KeyItems("none")


@dataclass(frozen=True, slots=True)
class CachePolicy:
    """A cache policy: TTLs and the cache key (headers, cookies, query strings)."""

    account_id: str
    region: str
    id: str
    type: str
    """``managed`` or ``custom``."""
    name: str
    min_ttl: int
    default_ttl: int = 86400
    max_ttl: int = 31536000
    headers: KeyItems = NO_ITEMS
    cookies: KeyItems = NO_ITEMS
    query_strings: KeyItems = NO_ITEMS
    enable_accept_encoding_gzip: bool = False
    enable_accept_encoding_brotli: bool = False
    comment: str = ""
    last_modified_time: dt.datetime | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def is_managed(self) -> bool:
        """An AWS-managed policy."""
        return self.type == "managed"

    @property
    def caching_disabled(self) -> bool:
        """Nothing is cached (every TTL 0, as in Managed-CachingDisabled)."""
        return self.max_ttl == 0 and self.default_ttl == 0 and self.min_ttl == 0

    @property
    def cacheable(self) -> bool:
        """Objects can be cached (max TTL above 0)."""
        return self.max_ttl > 0


@dataclass(frozen=True, slots=True)
class OriginRequestPolicy:
    """An origin request policy: what is forwarded to the origin beyond the cache key."""

    account_id: str
    region: str
    id: str
    type: str
    name: str
    headers: KeyItems = NO_ITEMS
    cookies: KeyItems = NO_ITEMS
    query_strings: KeyItems = NO_ITEMS
    comment: str = ""
    last_modified_time: dt.datetime | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def is_managed(self) -> bool:
        """An AWS-managed policy."""
        return self.type == "managed"

    @property
    def forwards_host_header(self) -> bool:
        """The viewer's Host header reaches the origin (AllViewer and the like)."""
        if self.headers.behavior in _HOST_FORWARDING:
            return True
        return self.headers.includes("host")


@dataclass(frozen=True, slots=True)
class StrictTransportSecurity:
    """The HSTS header a response headers policy adds."""

    access_control_max_age_sec: int
    include_subdomains: bool = False
    preload: bool = False
    override: bool = False


@dataclass(frozen=True, slots=True)
class CorsConfig:
    """A response headers policy's CORS settings."""

    allow_origins: tuple[str, ...]
    allow_headers: tuple[str, ...]
    allow_methods: tuple[str, ...]
    allow_credentials: bool
    origin_override: bool
    expose_headers: tuple[str, ...] = ()
    max_age_sec: int | None = None


@dataclass(frozen=True, slots=True)
class ResponseHeader:
    """A custom header a response headers policy adds."""

    header: str
    value: str
    override: bool


@dataclass(frozen=True, slots=True)
class ResponseHeadersPolicy:
    """A response headers policy: security headers (HSTS...), CORS, custom and removed headers."""

    account_id: str
    region: str
    id: str
    type: str
    name: str
    strict_transport_security: StrictTransportSecurity | None = None
    content_type_options: bool = False
    """X-Content-Type-Options: nosniff is added."""
    frame_option: str | None = None
    referrer_policy: str | None = None
    content_security_policy: str | None = None
    xss_protection: bool | None = None
    cors: CorsConfig | None = None
    custom_headers: tuple[ResponseHeader, ...] = ()
    remove_headers: tuple[str, ...] = ()
    server_timing_enabled: bool = False
    comment: str = ""
    last_modified_time: dt.datetime | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def is_managed(self) -> bool:
        """An AWS-managed policy."""
        return self.type == "managed"


def _key_items(cfg: Fields | None, behavior_key: str, names_key: str) -> KeyItems:
    if cfg is None:
        return NO_ITEMS
    return KeyItems(cfg.req_enum(behavior_key, enums.KEY_BEHAVIOR), cfg.wrapped_strs(names_key))


def _policy(
    unit: UnitKey, item: object, index: int, kind: str, label: str
) -> tuple[Fields, Fields, Fields]:
    """(item, policy, policy config) readers, named after the policy id once known."""
    entry = unit.item(item, f"{kind}[{index}]")
    member = {"cache_policies": "CachePolicy", "origin_request_policies": "OriginRequestPolicy"}
    key = member.get(kind, "ResponseHeadersPolicy")
    pol = entry.sub(key)
    pid = pol.get("Id")
    if isinstance(pid, str):
        entry = entry.renamed(f"{label} {pid}", unit.label)
        pol = entry.sub(key)
    return entry, pol, pol.sub(f"{key}Config")


def _part(parent: Fields | None, key: str) -> Fields | None:
    return None if parent is None else parent.opt_sub(key)


def parse_cache_policy(unit: UnitKey, item: object, index: int) -> CachePolicy:
    """One ListCachePolicies item (``{"Type", "CachePolicy"}``)."""
    entry, pol, cfg = _policy(unit, item, index, "cache_policies", "cache policy")
    params = cfg.opt_sub("ParametersInCacheKeyAndForwardedToOrigin")
    gzip = params is not None and params.bool_or("EnableAcceptEncodingGzip", False)
    brotli = params is not None and params.bool_or("EnableAcceptEncodingBrotli", False)
    return CachePolicy(
        account_id=unit.account_id,
        region=unit.region,
        id=pol.req_str("Id"),
        type=entry.req_enum("Type", enums.POLICY_TYPE),
        name=cfg.req_str("Name"),
        min_ttl=cfg.req_int("MinTTL"),
        default_ttl=cfg.int_or("DefaultTTL", 86400),
        max_ttl=cfg.int_or("MaxTTL", 31536000),
        headers=_key_items(_part(params, "HeadersConfig"), "HeaderBehavior", "Headers"),
        cookies=_key_items(_part(params, "CookiesConfig"), "CookieBehavior", "Cookies"),
        query_strings=_key_items(
            _part(params, "QueryStringsConfig"), "QueryStringBehavior", "QueryStrings"
        ),
        enable_accept_encoding_gzip=gzip,
        enable_accept_encoding_brotli=brotli,
        comment=cfg.str_or("Comment", ""),
        last_modified_time=pol.opt_datetime("LastModifiedTime"),
        raw=readonly(entry.raw),
    )


def parse_origin_request_policy(unit: UnitKey, item: object, index: int) -> OriginRequestPolicy:
    """One ListOriginRequestPolicies item (``{"Type", "OriginRequestPolicy"}``)."""
    entry, pol, cfg = _policy(unit, item, index, "origin_request_policies", "origin request policy")
    return OriginRequestPolicy(
        account_id=unit.account_id,
        region=unit.region,
        id=pol.req_str("Id"),
        type=entry.req_enum("Type", enums.POLICY_TYPE),
        name=cfg.req_str("Name"),
        headers=_key_items(cfg.opt_sub("HeadersConfig"), "HeaderBehavior", "Headers"),
        cookies=_key_items(cfg.opt_sub("CookiesConfig"), "CookieBehavior", "Cookies"),
        query_strings=_key_items(
            cfg.opt_sub("QueryStringsConfig"), "QueryStringBehavior", "QueryStrings"
        ),
        comment=cfg.str_or("Comment", ""),
        last_modified_time=pol.opt_datetime("LastModifiedTime"),
        raw=readonly(entry.raw),
    )


def parse_response_headers_policy(unit: UnitKey, item: object, index: int) -> ResponseHeadersPolicy:
    """One ListResponseHeadersPolicies item (``{"Type", "ResponseHeadersPolicy"}``)."""
    entry, pol, cfg = _policy(
        unit, item, index, "response_headers_policies", "response headers policy"
    )
    sec = cfg.opt_sub("SecurityHeadersConfig")
    hsts = _part(sec, "StrictTransportSecurity")
    frame, ref = _part(sec, "FrameOptions"), _part(sec, "ReferrerPolicy")
    csp, xss = _part(sec, "ContentSecurityPolicy"), _part(sec, "XSSProtection")
    cors = cfg.opt_sub("CorsConfig")
    timing = cfg.opt_sub("ServerTimingHeadersConfig")
    return ResponseHeadersPolicy(
        account_id=unit.account_id,
        region=unit.region,
        id=pol.req_str("Id"),
        type=entry.req_enum("Type", enums.POLICY_TYPE),
        name=cfg.req_str("Name"),
        strict_transport_security=(
            None
            if hsts is None
            else StrictTransportSecurity(
                access_control_max_age_sec=hsts.req_int("AccessControlMaxAgeSec"),
                include_subdomains=hsts.bool_or("IncludeSubdomains", False),
                preload=hsts.bool_or("Preload", False),
                override=hsts.bool_or("Override", False),
            )
        ),
        content_type_options=_part(sec, "ContentTypeOptions") is not None,
        frame_option=frame.req_str("FrameOption") if frame is not None else None,
        referrer_policy=ref.req_str("ReferrerPolicy") if ref is not None else None,
        content_security_policy=csp.req_str("ContentSecurityPolicy") if csp is not None else None,
        xss_protection=xss.req_bool("Protection") if xss is not None else None,
        cors=(
            None
            if cors is None
            else CorsConfig(
                allow_origins=cors.wrapped_strs("AccessControlAllowOrigins"),
                allow_headers=cors.wrapped_strs("AccessControlAllowHeaders"),
                allow_methods=cors.wrapped_strs("AccessControlAllowMethods"),
                allow_credentials=cors.req_bool("AccessControlAllowCredentials"),
                origin_override=cors.req_bool("OriginOverride"),
                expose_headers=cors.wrapped_strs("AccessControlExposeHeaders"),
                max_age_sec=cors.opt_int("AccessControlMaxAgeSec"),
            )
        ),
        custom_headers=tuple(
            ResponseHeader(h.req_str("Header"), h.req_str("Value"), h.req_bool("Override"))
            for h in cfg.wrapped("CustomHeadersConfig")
        ),
        remove_headers=tuple(h.req_str("Header") for h in cfg.wrapped("RemoveHeadersConfig")),
        server_timing_enabled=timing is not None and timing.req_bool("Enabled"),
        comment=cfg.str_or("Comment", ""),
        last_modified_time=pol.opt_datetime("LastModifiedTime"),
        raw=readonly(entry.raw),
    )
