"""CloudFront cache, origin request and response headers policies: payload items into the
classes of :mod:`edgekit.model.cloudfront.policies`."""

from __future__ import annotations

from edgekit.model import enums
from edgekit.model.cloudfront.policies import (
    NO_ITEMS,
    CachePolicy,
    CorsConfig,
    KeyItems,
    OriginRequestPolicy,
    ResponseHeader,
    ResponseHeadersPolicy,
    StrictTransportSecurity,
)
from edgekit.model.common import readonly
from edgekit.model.reader import Fields, UnitKey


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
