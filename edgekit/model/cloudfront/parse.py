"""Parse a cloudfront payload (docs/snapshot.md): distributions and every other item list."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.cloudfront.origins import (
    CustomOriginConfig,
    Origin,
    OriginCustomHeader,
    OriginGroup,
    OriginShield,
    S3OriginConfig,
    VpcOriginConfig,
)
from edgekit.model.cloudfront.parse_policies import (
    parse_cache_policy,
    parse_origin_request_policy,
    parse_response_headers_policy,
)
from edgekit.model.cloudfront.resources import (
    CloudFrontFunction,
    LogDelivery,
    LogDeliverySource,
    OriginAccessControl,
    OriginAccessIdentity,
    RealtimeLogConfig,
    VpcOrigin,
)
from edgekit.model.cloudfront.types import (
    CacheBehavior,
    CustomErrorResponse,
    Distribution,
    ForwardedValues,
    FunctionAssociation,
    GeoRestriction,
    LambdaFunctionAssociation,
    StandardLogging,
    TrustedSigners,
    ViewerCertificate,
)
from edgekit.model.common import NOT_COLLECTED, Collected, FrozenMap, normalize_dns_name, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items, tags_map

_ORIGIN_CONFIGS = ("S3OriginConfig", "CustomOriginConfig", "VpcOriginConfig")


def parse_distribution(unit: UnitKey, item: object, index: int) -> Distribution:
    """One ``{"Distribution": ..., "Tags": [...]}`` or ``{"DistributionSummary": ...}`` item."""
    entry = unit.item(item, f"distributions[{index}]")
    summary = not entry.has("Distribution") and entry.has("DistributionSummary")
    member = "DistributionSummary" if summary else "Distribution"
    dist_id = entry.sub(member).get("Id")
    name = f"distribution {dist_id}" if isinstance(dist_id, str) else f"distributions[{index}]"
    # Error paths are relative to the Distribution (or summary) object itself.
    top = unit.item(entry.raw[member], name)
    # A summary carries the configuration at top level; GetDistribution nests it.
    cfg = top if summary else top.sub("DistributionConfig")
    tags: Collected[FrozenMap[str, str]] = NOT_COLLECTED
    if entry.has("Tags"):
        tags = tags_map(entry.renamed(name, unit.label).subs("Tags"))
    logging: Collected[StandardLogging] = NOT_COLLECTED
    root_object: Collected[str] = NOT_COLLECTED
    if not summary:
        log = cfg.opt_sub("Logging")
        logging = (
            StandardLogging(False)
            if log is None
            else StandardLogging(
                enabled=log.bool_or("Enabled", False),
                include_cookies=log.bool_or("IncludeCookies", False),
                bucket=log.str_or("Bucket", ""),
                prefix=log.str_or("Prefix", ""),
            )
        )
        root_object = cfg.str_or("DefaultRootObject", "")
    geo = cfg.opt_sub("Restrictions")
    geo_r = geo.sub("GeoRestriction") if geo is not None else None
    return Distribution(
        account_id=unit.account_id,
        region=unit.region,
        id=top.req_str("Id"),
        arn=top.req_str("ARN"),
        domain_name=normalize_dns_name(top.req_str("DomainName")),
        status=top.req_enum("Status", enums.DISTRIBUTION_STATUS),
        enabled=cfg.req_bool("Enabled"),
        default_cache_behavior=_behavior(cfg.sub("DefaultCacheBehavior"), None),
        origins=tuple(_origin(o) for o in cfg.sub("Origins").req_subs("Items")),
        viewer_certificate=_viewer_certificate(cfg.opt_sub("ViewerCertificate")),
        logging=logging,
        default_root_object=root_object,
        tags=tags,
        comment=cfg.str_or("Comment", ""),
        aliases=tuple(normalize_dns_name(a) for a in cfg.wrapped_strs("Aliases")),
        origin_groups=tuple(_origin_group(g) for g in cfg.wrapped("OriginGroups")),
        cache_behaviors=tuple(
            _behavior(b, b.req_str("PathPattern")) for b in cfg.wrapped("CacheBehaviors")
        ),
        custom_error_responses=tuple(
            CustomErrorResponse(
                error_code=e.req_int("ErrorCode"),
                response_page_path=e.nonempty("ResponsePagePath"),
                response_code=e.nonempty("ResponseCode"),
                error_caching_min_ttl=e.int_or("ErrorCachingMinTTL", 10),
            )
            for e in cfg.wrapped("CustomErrorResponses")
        ),
        geo_restriction=(
            GeoRestriction("none")
            if geo_r is None
            else GeoRestriction(
                geo_r.req_enum("RestrictionType", enums.GEO_RESTRICTION_TYPE), geo_r.strs("Items")
            )
        ),
        price_class=cfg.enum_or("PriceClass", enums.PRICE_CLASS, "PriceClass_All"),
        http_version=cfg.enum_or("HttpVersion", enums.HTTP_VERSION, "http2"),
        is_ipv6_enabled=cfg.bool_or("IsIPV6Enabled", False),
        web_acl_id=cfg.nonempty("WebACLId"),
        staging=cfg.bool_or("Staging", False),
        continuous_deployment_policy_id=cfg.nonempty("ContinuousDeploymentPolicyId"),
        last_modified_time=top.opt_datetime("LastModifiedTime"),
        from_summary=summary,
        raw=readonly(entry.raw),
    )


def _origin(o: Fields) -> Origin:
    if not any(o.get(k) is not None for k in _ORIGIN_CONFIGS):
        raise o.error("|".join(_ORIGIN_CONFIGS), "missing field")
    s3 = o.opt_sub("S3OriginConfig")
    custom = o.opt_sub("CustomOriginConfig")
    vpc = o.opt_sub("VpcOriginConfig")
    shield = o.opt_sub("OriginShield")
    return Origin(
        id=o.req_str("Id"),
        domain_name=normalize_dns_name(o.req_str("DomainName")),
        origin_path=o.str_or("OriginPath", ""),
        custom_headers=tuple(
            OriginCustomHeader(h.req_str("HeaderName"), h.req_str("HeaderValue"))
            for h in o.wrapped("CustomHeaders")
        ),
        s3_origin_config=(
            None
            if s3 is None
            else S3OriginConfig(
                s3.nonempty("OriginAccessIdentity"), s3.opt_int("OriginReadTimeout")
            )
        ),
        custom_origin_config=(
            None
            if custom is None
            else CustomOriginConfig(
                http_port=custom.req_int("HTTPPort"),
                https_port=custom.req_int("HTTPSPort"),
                origin_protocol_policy=custom.req_enum(
                    "OriginProtocolPolicy", enums.ORIGIN_PROTOCOL_POLICY
                ),
                origin_ssl_protocols=custom.wrapped_enums("OriginSslProtocols", enums.SSL_PROTOCOL),
                origin_read_timeout=custom.int_or("OriginReadTimeout", 30),
                origin_keepalive_timeout=custom.int_or("OriginKeepaliveTimeout", 5),
                ip_address_type=custom.opt_str("IpAddressType"),
                origin_http_version=custom.opt_str("OriginHttpVersion"),
            )
        ),
        vpc_origin_config=(
            None
            if vpc is None
            else VpcOriginConfig(
                vpc_origin_id=vpc.req_str("VpcOriginId"),
                owner_account_id=vpc.nonempty("OwnerAccountId"),
                origin_read_timeout=vpc.int_or("OriginReadTimeout", 30),
                origin_keepalive_timeout=vpc.int_or("OriginKeepaliveTimeout", 5),
            )
        ),
        origin_access_control_id=o.nonempty("OriginAccessControlId"),
        origin_shield=(
            None
            if shield is None
            else OriginShield(shield.req_bool("Enabled"), shield.nonempty("OriginShieldRegion"))
        ),
        connection_attempts=o.int_or("ConnectionAttempts", 3),
        connection_timeout=o.int_or("ConnectionTimeout", 10),
        response_completion_timeout=o.opt_int("ResponseCompletionTimeout"),
    )


def _origin_group(g: Fields) -> OriginGroup:
    return OriginGroup(
        id=g.req_str("Id"),
        member_origin_ids=tuple(m.req_str("OriginId") for m in g.sub("Members").req_subs("Items")),
        failover_status_codes=g.sub("FailoverCriteria").sub("StatusCodes").ints("Items"),
        selection_criteria=g.str_or("SelectionCriteria", "default"),
    )


def _signers(b: Fields, key: str) -> TrustedSigners | None:
    s = b.opt_sub(key)
    return None if s is None else TrustedSigners(s.req_bool("Enabled"), s.strs("Items"))


def _behavior(b: Fields, path_pattern: str | None) -> CacheBehavior:
    allowed = b.opt_sub("AllowedMethods")
    cached = allowed.opt_sub("CachedMethods") if allowed is not None else None
    fv = b.opt_sub("ForwardedValues")
    return CacheBehavior(
        path_pattern="*" if path_pattern is None else path_pattern,
        is_default=path_pattern is None,
        target_origin_id=b.req_str("TargetOriginId"),
        viewer_protocol_policy=b.req_enum("ViewerProtocolPolicy", enums.VIEWER_PROTOCOL_POLICY),
        allowed_methods=allowed.strs("Items") if allowed is not None else ("GET", "HEAD"),
        cached_methods=cached.strs("Items") if cached is not None else ("GET", "HEAD"),
        compress=b.bool_or("Compress", False),
        smooth_streaming=b.bool_or("SmoothStreaming", False),
        trusted_signers=_signers(b, "TrustedSigners"),
        trusted_key_groups=_signers(b, "TrustedKeyGroups"),
        lambda_function_associations=tuple(
            LambdaFunctionAssociation(
                a.req_str("LambdaFunctionARN"),
                a.req_enum("EventType", enums.EVENT_TYPE),
                a.bool_or("IncludeBody", False),
            )
            for a in b.wrapped("LambdaFunctionAssociations")
        ),
        function_associations=tuple(
            FunctionAssociation(a.req_str("FunctionARN"), a.req_enum("EventType", enums.EVENT_TYPE))
            for a in b.wrapped("FunctionAssociations")
        ),
        field_level_encryption_id=b.nonempty("FieldLevelEncryptionId"),
        realtime_log_config_arn=b.nonempty("RealtimeLogConfigArn"),
        cache_policy_id=b.nonempty("CachePolicyId"),
        origin_request_policy_id=b.nonempty("OriginRequestPolicyId"),
        response_headers_policy_id=b.nonempty("ResponseHeadersPolicyId"),
        forwarded_values=(
            None
            if fv is None
            else ForwardedValues(
                query_string=fv.req_bool("QueryString"),
                cookies_forward=fv.sub("Cookies").req_enum("Forward", enums.COOKIES_FORWARD),
                cookie_names=fv.sub("Cookies").wrapped_strs("WhitelistedNames"),
                headers=fv.wrapped_strs("Headers"),
                query_string_cache_keys=fv.wrapped_strs("QueryStringCacheKeys"),
            )
        ),
        min_ttl=b.opt_int("MinTTL"),
        default_ttl=b.opt_int("DefaultTTL"),
        max_ttl=b.opt_int("MaxTTL"),
    )


def _viewer_certificate(v: Fields | None) -> ViewerCertificate:
    if v is None:
        return ViewerCertificate(cloudfront_default_certificate=True)
    return ViewerCertificate(
        cloudfront_default_certificate=v.bool_or("CloudFrontDefaultCertificate", False),
        acm_certificate_arn=v.nonempty("ACMCertificateArn"),
        iam_certificate_id=v.nonempty("IAMCertificateId"),
        ssl_support_method=v.enum("SSLSupportMethod", enums.SSL_SUPPORT_METHOD),
        minimum_protocol_version=v.enum("MinimumProtocolVersion", enums.MINIMUM_PROTOCOL_VERSION),
        certificate_source=v.enum("CertificateSource", enums.CERTIFICATE_SOURCE),
    )


def parse_oac(unit: UnitKey, item: object, index: int) -> OriginAccessControl:
    """One ListOriginAccessControls item."""
    f = unit.item(item, f"origin_access_controls[{index}]")
    return OriginAccessControl(
        unit.account_id,
        unit.region,
        id=f.req_str("Id"),
        name=f.req_str("Name"),
        signing_protocol=f.req_enum("SigningProtocol", enums.OAC_SIGNING_PROTOCOL),
        signing_behavior=f.req_enum("SigningBehavior", enums.OAC_SIGNING_BEHAVIOR),
        origin_type=f.req_enum("OriginAccessControlOriginType", enums.OAC_ORIGIN_TYPE),
        description=f.str_or("Description", ""),
    )


def parse_oai(unit: UnitKey, item: object, index: int) -> OriginAccessIdentity:
    """One ListCloudFrontOriginAccessIdentities item."""
    f = unit.item(item, f"origin_access_identities[{index}]")
    return OriginAccessIdentity(
        unit.account_id,
        unit.region,
        id=f.req_str("Id"),
        s3_canonical_user_id=f.req_str("S3CanonicalUserId"),
        comment=f.str_or("Comment", ""),
    )


def parse_vpc_origin(unit: UnitKey, item: object, index: int) -> VpcOrigin:
    """One ListVpcOrigins item."""
    f = unit.item(item, f"vpc_origins[{index}]")
    return VpcOrigin(
        unit.account_id,
        unit.region,
        id=f.req_str("Id"),
        arn=f.req_str("Arn"),
        name=f.req_str("Name"),
        status=f.req_str("Status"),
        origin_endpoint_arn=f.req_str("OriginEndpointArn"),
        owner_account_id=f.nonempty("AccountId"),
        ip_address_type=f.opt_str("IpAddressType"),
    )


def parse_function(unit: UnitKey, item: object, index: int) -> CloudFrontFunction:
    """One ListFunctions item."""
    f = unit.item(item, f"functions[{index}]")
    meta = f.sub("FunctionMetadata")
    cfg = f.sub("FunctionConfig")
    return CloudFrontFunction(
        unit.account_id,
        unit.region,
        name=f.req_str("Name"),
        arn=meta.req_str("FunctionARN"),
        stage=meta.opt_str("Stage"),
        runtime=cfg.req_str("Runtime"),
        status=f.opt_str("Status"),
        comment=cfg.str_or("Comment", ""),
        last_modified_time=meta.opt_datetime("LastModifiedTime"),
    )


def parse_realtime_log_config(unit: UnitKey, item: object, index: int) -> RealtimeLogConfig:
    """One ListRealtimeLogConfigs item."""
    f = unit.item(item, f"realtime_log_configs[{index}]")
    streams = []
    for ep in f.subs("EndPoints"):
        kinesis = ep.opt_sub("KinesisStreamConfig")
        if kinesis is not None:
            streams.append(kinesis.req_str("StreamARN"))
    return RealtimeLogConfig(
        unit.account_id,
        unit.region,
        arn=f.req_str("ARN"),
        name=f.req_str("Name"),
        sampling_rate=f.req_int("SamplingRate"),
        stream_arns=tuple(streams),
        fields=f.strs("Fields"),
    )


def parse_log_delivery_source(unit: UnitKey, item: object, index: int) -> LogDeliverySource:
    """One DescribeDeliverySources item (service cloudfront)."""
    f = unit.item(item, f"log_delivery_sources[{index}]")
    return LogDeliverySource(
        unit.account_id,
        unit.region,
        name=f.req_str("name"),
        arn=f.opt_str("arn"),
        resource_arns=f.strs("resourceArns"),
        log_type=f.opt_str("logType"),
    )


def parse_log_delivery(unit: UnitKey, item: object, index: int) -> LogDelivery:
    """One DescribeDeliveries item."""
    f = unit.item(item, f"log_deliveries[{index}]")
    return LogDelivery(
        unit.account_id,
        unit.region,
        id=f.req_str("id"),
        delivery_source_name=f.req_str("deliverySourceName"),
        delivery_destination_arn=f.opt_str("deliveryDestinationArn"),
        delivery_destination_type=f.opt_str("deliveryDestinationType"),
        arn=f.opt_str("arn"),
    )


KIND_KEYS: Mapping[str, str] = {
    "distributions": "distributions",
    "cache_policies": "cache_policies",
    "origin_request_policies": "origin_request_policies",
    "response_headers_policies": "response_headers_policies",
    "origin_access_controls": "origin_access_controls",
    "origin_access_identities": "origin_access_identities",
    "vpc_origins": "vpc_origins",
    "cloudfront_functions": "functions",
    "realtime_log_configs": "realtime_log_configs",
    "log_delivery_sources": "log_delivery_sources",
    "log_deliveries": "log_deliveries",
}
"""Inventory kind → payload key."""

_ITEM_PARSERS: Mapping[str, Callable[[UnitKey, object, int], Any]] = {
    "distributions": parse_distribution,
    "cache_policies": parse_cache_policy,
    "origin_request_policies": parse_origin_request_policy,
    "response_headers_policies": parse_response_headers_policy,
    "origin_access_controls": parse_oac,
    "origin_access_identities": parse_oai,
    "vpc_origins": parse_vpc_origin,
    "cloudfront_functions": parse_function,
    "realtime_log_configs": parse_realtime_log_config,
    "log_delivery_sources": parse_log_delivery_source,
    "log_deliveries": parse_log_delivery,
}


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one cloudfront payload, by inventory kind."""
    return {
        kind: parse_items(unit, data, KIND_KEYS[kind], parser)
        for kind, parser in _ITEM_PARSERS.items()
    }
