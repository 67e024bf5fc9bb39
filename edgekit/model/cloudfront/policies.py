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

from edgekit.model.common import EMPTY_MAP

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
