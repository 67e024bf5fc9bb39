"""Terraform CloudFront types: distribution, cache / origin request / response headers policies,
origin access control (onto :mod:`.cfn_cloudfront`)."""

from __future__ import annotations

from typing import Any

from edgekit.iac import cfn_cloudfront
from edgekit.iac.identity import CLOUDFRONT_ZONE
from edgekit.iac.tf_common import COMPUTED, TfType, tags, to_cfn, without

_RENAMES = {
    "origin": "Origins",
    "origin/origin_id": "Id",
    "origin_group": "OriginGroups",
    "origin_group/origin_id": "Id",
    "member": "Members",
    "member/origin_id": "OriginId",
    "custom_header": "OriginCustomHeaders",
    "custom_header/name": "HeaderName",
    "custom_header/value": "HeaderValue",
    "http_port": "HTTPPort",
    "https_port": "HTTPSPort",
    "origin_ssl_protocols": "OriginSSLProtocols",
    "ordered_cache_behavior": "CacheBehaviors",
    "custom_error_response": "CustomErrorResponses",
    "lambda_function_association": "LambdaFunctionAssociations",
    "lambda_function_association/lambda_arn": "LambdaFunctionARN",
    "function_association": "FunctionAssociations",
    "function_association/function_arn": "FunctionARN",
    "min_ttl": "MinTTL",
    "default_ttl": "DefaultTTL",
    "max_ttl": "MaxTTL",
    "error_caching_min_ttl": "ErrorCachingMinTTL",
    "is_ipv6_enabled": "IPV6Enabled",
    "web_acl_id": "WebACLId",
    "logging_config": "Logging",
    "acm_certificate_arn": "AcmCertificateArn",
}
_SINGLES = {
    "default_cache_behavior",
    "viewer_certificate",
    "restrictions",
    "geo_restriction",
    "logging_config",
    "custom_origin_config",
    "s3_origin_config",
    "origin_shield",
    "forwarded_values",
    "cookies",
    "failover_criteria",
    "vpc_origin_config",
}
_EMPTY_IDS = {
    "cache_policy_id",
    "origin_request_policy_id",
    "response_headers_policy_id",
    "realtime_log_config_arn",
    "acm_certificate_arn",
    "iam_certificate_id",
    "continuous_deployment_policy_id",
    "ssl_support_method",  # "" with the default certificate
}
_DISTRIBUTION_COMPUTED = (
    *COMPUTED,
    "domain_name",
    "hosted_zone_id",
    "status",
    "caller_reference",
    "in_progress_validation_batches",
    "last_modified_time",
    "trusted_key_groups",
    "trusted_signers",
    "wait_for_deployment",
    "retain_on_delete",
)


def _behavior(b: Any) -> Any:
    """A behavior with a cache policy carries no legacy TTLs or ForwardedValues (AWS's view)."""
    if isinstance(b, dict) and b.get("cache_policy_id") not in (None, ""):
        return without(b, "min_ttl", "default_ttl", "max_ttl", "forwarded_values")
    return b


def _origin(o: Any) -> Any:
    """An origin with neither custom nor VPC origin settings is an S3 origin (the API says so:
    CustomOriginConfig is for every other origin), reported with an S3OriginConfig."""
    if not isinstance(o, dict) or any(
        o.get(k) for k in ("custom_origin_config", "s3_origin_config", "vpc_origin_config")
    ):
        return o
    return {**o, "s3_origin_config": [{"origin_access_identity": ""}]}


def _distribution(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    config = without(values, *_DISTRIBUTION_COMPUTED)
    config["origin"] = [_origin(o) for o in config.get("origin") or []]
    config["default_cache_behavior"] = [
        _behavior(b) for b in config.get("default_cache_behavior") or []
    ]
    config["ordered_cache_behavior"] = [
        _behavior(b) for b in config.get("ordered_cache_behavior") or []
    ]
    cfn = to_cfn(config, _RENAMES, _SINGLES, _EMPTY_IDS)
    return {"DistributionConfig": cfn, "Tags": tags(values)}


def _policy(config_key: str) -> Any:
    def props(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
        return {config_key: without(values, *COMPUTED)}

    return props


def _oac(values: dict[str, Any], ident: dict[str, Any]) -> dict[str, Any]:
    return {"OriginAccessControlConfig": to_cfn(without(values, *COMPUTED))}


_ID = {"Ref": "id", "Id": "id"}

TYPES: dict[str, TfType] = {
    "aws_cloudfront_distribution": TfType(
        "AWS::CloudFront::Distribution",
        cfn_cloudfront.distribution,
        _distribution,
        {"Ref": "id", "Id": "id", "Arn": "arn", "DomainName": "domain_name"},
        constants={"hosted_zone_id": CLOUDFRONT_ZONE},
    ),
    "aws_cloudfront_cache_policy": TfType(
        "AWS::CloudFront::CachePolicy",
        cfn_cloudfront.TRANSLATORS["AWS::CloudFront::CachePolicy"],
        _policy("CachePolicyConfig"),
        _ID,
    ),
    "aws_cloudfront_origin_request_policy": TfType(
        "AWS::CloudFront::OriginRequestPolicy",
        cfn_cloudfront.TRANSLATORS["AWS::CloudFront::OriginRequestPolicy"],
        _policy("OriginRequestPolicyConfig"),
        _ID,
    ),
    "aws_cloudfront_response_headers_policy": TfType(
        "AWS::CloudFront::ResponseHeadersPolicy",
        cfn_cloudfront.TRANSLATORS["AWS::CloudFront::ResponseHeadersPolicy"],
        _policy("ResponseHeadersPolicyConfig"),
        _ID,
    ),
    "aws_cloudfront_origin_access_control": TfType(
        "AWS::CloudFront::OriginAccessControl",
        cfn_cloudfront.origin_access_control,
        _oac,
        _ID,
    ),
}
