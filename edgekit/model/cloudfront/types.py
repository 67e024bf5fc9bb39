"""CloudFront distributions: Distribution, CacheBehavior and their parts (origins: see
:mod:`edgekit.model.cloudfront.origins`).

Field names follow AWS's (``ViewerProtocolPolicy`` → ``viewer_protocol_policy``). AWS's "empty
string means none" (``WebACLId: ""``, ``OriginAccessControlId: ""``) becomes ``None``. Values a
denied read leaves unknown are :data:`~edgekit.model.common.Collected`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.model.cloudfront.origins import Origin, OriginGroup
from edgekit.model.common import EMPTY_MAP, Collected, FrozenMap


@dataclass(frozen=True, slots=True)
class TrustedSigners:
    """TrustedSigners / TrustedKeyGroups (``items``: account numbers or key group ids)."""

    enabled: bool
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LambdaFunctionAssociation:
    """A Lambda@Edge association."""

    lambda_function_arn: str
    event_type: str
    include_body: bool = False


@dataclass(frozen=True, slots=True)
class FunctionAssociation:
    """A CloudFront Functions association."""

    function_arn: str
    event_type: str


@dataclass(frozen=True, slots=True)
class ForwardedValues:
    """Legacy cache settings (behaviors without a cache policy)."""

    query_string: bool
    cookies_forward: str
    """``none`` | ``whitelist`` | ``all``."""
    cookie_names: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    query_string_cache_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CacheBehavior:
    """A cache behavior. The default behavior has ``is_default`` and ``path_pattern`` ``*``."""

    path_pattern: str
    is_default: bool
    target_origin_id: str
    viewer_protocol_policy: str
    allowed_methods: tuple[str, ...] = ("GET", "HEAD")
    cached_methods: tuple[str, ...] = ("GET", "HEAD")
    compress: bool = False
    smooth_streaming: bool = False
    trusted_signers: TrustedSigners | None = None
    trusted_key_groups: TrustedSigners | None = None
    lambda_function_associations: tuple[LambdaFunctionAssociation, ...] = ()
    function_associations: tuple[FunctionAssociation, ...] = ()
    field_level_encryption_id: str | None = None
    realtime_log_config_arn: str | None = None
    cache_policy_id: str | None = None
    origin_request_policy_id: str | None = None
    response_headers_policy_id: str | None = None
    forwarded_values: ForwardedValues | None = None
    min_ttl: int | None = None
    """Legacy TTLs: only set on behaviors without a cache policy."""
    default_ttl: int | None = None
    max_ttl: int | None = None

    @property
    def uses_legacy_cache_settings(self) -> bool:
        """No cache policy: ForwardedValues and the behavior's own TTLs decide caching."""
        return self.cache_policy_id is None

    @property
    def uses_trusted_signers(self) -> bool:
        """Signed URLs checked against account key pairs (TrustedSigners), not key groups."""
        return self.trusted_signers is not None and self.trusted_signers.enabled


@dataclass(frozen=True, slots=True)
class CustomErrorResponse:
    """A custom error response; ``error_caching_min_ttl`` defaults to AWS's 10 s."""

    error_code: int
    response_page_path: str | None = None
    response_code: str | None = None
    error_caching_min_ttl: int = 10


@dataclass(frozen=True, slots=True)
class ViewerCertificate:
    """The viewer certificate and TLS policy."""

    cloudfront_default_certificate: bool
    acm_certificate_arn: str | None = None
    iam_certificate_id: str | None = None
    ssl_support_method: str | None = None
    minimum_protocol_version: str | None = None
    certificate_source: str | None = None
    """As AWS returned it (deprecated field); prefer :attr:`source`."""

    @property
    def source(self) -> str:
        """``acm``, ``iam`` or ``cloudfront`` — decided from the ARN/id fields, not the source."""
        if self.acm_certificate_arn:
            return "acm"
        if self.iam_certificate_id:
            return "iam"
        return "cloudfront"


@dataclass(frozen=True, slots=True)
class GeoRestriction:
    """Restrictions.GeoRestriction: ``restriction_type`` none | whitelist | blacklist."""

    restriction_type: str
    locations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StandardLogging:
    """DistributionConfig.Logging (standard logging v1)."""

    enabled: bool
    include_cookies: bool = False
    bucket: str = ""
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class Distribution:
    """A CloudFront distribution (GetDistribution, or a ListDistributions summary fallback).

    When GetDistribution was denied (``from_summary``), ``logging`` and ``default_root_object``
    are :data:`NOT_COLLECTED`; everything else comes from the summary.
    """

    account_id: str
    region: str
    id: str
    arn: str
    domain_name: str
    """``dxxxx.cloudfront.net``, lower-cased."""
    status: str
    enabled: bool
    default_cache_behavior: CacheBehavior
    origins: tuple[Origin, ...]
    viewer_certificate: ViewerCertificate
    logging: Collected[StandardLogging]
    default_root_object: Collected[str]
    """``""`` when none is set."""
    tags: Collected[FrozenMap[str, str]]
    comment: str = ""
    aliases: tuple[str, ...] = ()
    """Alternate domain names, lower-cased, no trailing dot."""
    origin_groups: tuple[OriginGroup, ...] = ()
    cache_behaviors: tuple[CacheBehavior, ...] = ()
    """Ordered behaviors, in evaluation order (the default behavior is separate)."""
    custom_error_responses: tuple[CustomErrorResponse, ...] = ()
    geo_restriction: GeoRestriction = GeoRestriction("none")
    price_class: str = "PriceClass_All"
    http_version: str = "http2"
    is_ipv6_enabled: bool = False
    web_acl_id: str | None = None
    """A WAFv2 web ACL ARN, a WAF Classic web ACL id, or None."""
    staging: bool = False
    continuous_deployment_policy_id: str | None = None
    last_modified_time: dt.datetime | None = None
    from_summary: bool = False
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)
    """The payload item as collected (read-only view, not a copy): an escape hatch."""

    @property
    def behaviors(self) -> tuple[CacheBehavior, ...]:
        """Every behavior in evaluation order: the ordered ones, then the default."""
        return (*self.cache_behaviors, self.default_cache_behavior)

    def origin(self, origin_id: str) -> Origin | None:
        """The origin with this id."""
        return next((o for o in self.origins if o.id == origin_id), None)

    def origin_group(self, group_id: str) -> OriginGroup | None:
        """The origin group with this id."""
        return next((g for g in self.origin_groups if g.id == group_id), None)

    def origins_for(self, target_id: str) -> tuple[Origin, ...]:
        """The origins a behavior's TargetOriginId reaches (an origin, or a group's members)."""
        group = self.origin_group(target_id)
        ids = group.member_origin_ids if group else (target_id,)
        return tuple(o for o in (self.origin(i) for i in ids) if o is not None)

    def behaviors_to(self, origin_id: str) -> tuple[CacheBehavior, ...]:
        """Behaviors that route to ``origin_id``, directly or through an origin group."""
        return tuple(
            b
            for b in self.behaviors
            if any(o.id == origin_id for o in self.origins_for(b.target_origin_id))
        )

    @property
    def web_acl_is_classic(self) -> bool:
        """The WebACLId is a WAF Classic id rather than a WAFv2 ARN."""
        return self.web_acl_id is not None and not self.web_acl_id.startswith("arn:")
