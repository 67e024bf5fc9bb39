"""CloudFront resources: Distribution, its policies, origin access controls and functions."""

from __future__ import annotations

from typing import Any

from edgekit.iac.estate import Estate, Resource
from edgekit.iac.translate import Translator, api, cfn_tags, known, placeholder

CF = "cloudfront"
_RENAMES = {
    "Locations": "Items",
    "OriginCustomHeaders": "CustomHeaders",
    "IPV6Enabled": "IsIPV6Enabled",
    "OriginSSLProtocols": "OriginSslProtocols",
}
_GET_HEAD = ["GET", "HEAD"]
# CloudFormation's documented defaults of the legacy cache settings.
_LEGACY_TTLS = {"MinTTL": 0, "DefaultTTL": 86400, "MaxTTL": 31536000}


def _behavior(b: Any) -> Any:
    if not isinstance(b, dict):
        return b
    out = dict(b)
    allowed = out.pop("AllowedMethods", _GET_HEAD)
    cached = out.pop("CachedMethods", _GET_HEAD)
    out["AllowedMethods"] = {"Items": allowed, "CachedMethods": cached}
    out.setdefault("Compress", False)
    out.setdefault("SmoothStreaming", False)
    out.setdefault("FieldLevelEncryptionId", "")
    if "CachePolicyId" not in out:
        for key, default in _LEGACY_TTLS.items():
            out.setdefault(key, default)
    return out


def _origin(o: Any) -> Any:
    if not isinstance(o, dict):
        return o
    out = dict(o)
    out.setdefault("OriginPath", "")
    out.setdefault("ConnectionAttempts", 3)
    out.setdefault("ConnectionTimeout", 10)
    out.setdefault("OriginAccessControlId", "")
    custom = out.get("CustomOriginConfig")
    if isinstance(custom, dict):
        c = dict(custom)
        for key, default in (
            ("HTTPPort", 80),
            ("HTTPSPort", 443),
            ("OriginReadTimeout", 30),
            ("OriginKeepaliveTimeout", 5),
        ):
            c.setdefault(key, default)
        c.setdefault("OriginSSLProtocols", ["TLSv1", "SSLv3"])  # CloudFormation's default
        out["CustomOriginConfig"] = c
    s3 = out.get("S3OriginConfig")
    if isinstance(s3, dict):
        out["S3OriginConfig"] = {"OriginAccessIdentity": "", **s3}
    return out


def _viewer_certificate(vc: Any) -> Any:
    if not isinstance(vc, dict):
        return {
            "CloudFrontDefaultCertificate": True,
            "MinimumProtocolVersion": "TLSv1",
            "CertificateSource": "cloudfront",
        }
    out = dict(vc)
    if out.get("AcmCertificateArn") is not None:
        out["Certificate"] = out["AcmCertificateArn"]
        out["CertificateSource"] = "acm"
        out.setdefault("MinimumProtocolVersion", "TLSv1")
        out.setdefault("SslSupportMethod", "sni-only")
    elif out.get("IamCertificateId") is not None:
        out["Certificate"] = out["IamCertificateId"]
        out["CertificateSource"] = "iam"
    else:
        out["CertificateSource"] = "cloudfront"
        out.setdefault("MinimumProtocolVersion", "TLSv1")
    return out


def _config(res: Resource, cfg: dict[str, Any]) -> dict[str, Any]:
    out = dict(cfg)
    out.setdefault("CallerReference", res.ident["Id"])
    out.setdefault("Comment", "")
    out.setdefault("PriceClass", "PriceClass_All")
    out.setdefault("HttpVersion", "http1.1")
    out.setdefault("IPV6Enabled", False)
    out.setdefault("WebACLId", "")
    out.setdefault("DefaultRootObject", "")
    out.setdefault("Aliases", [])
    out.setdefault("CacheBehaviors", [])
    out.setdefault("CustomErrorResponses", [])
    out["Origins"] = [_origin(o) for o in out.get("Origins") or []]
    out["DefaultCacheBehavior"] = _behavior(out.get("DefaultCacheBehavior"))
    behaviors = out["CacheBehaviors"]
    if isinstance(behaviors, list):
        out["CacheBehaviors"] = [_behavior(b) for b in behaviors]
    out["ViewerCertificate"] = _viewer_certificate(out.get("ViewerCertificate"))
    logging = out.get("Logging")
    if isinstance(logging, dict):
        out["Logging"] = {"Enabled": True, "IncludeCookies": False, "Prefix": "", **logging}
    else:
        out["Logging"] = {"Enabled": False, "IncludeCookies": False, "Bucket": "", "Prefix": ""}
    out.setdefault("Restrictions", {"GeoRestriction": {"RestrictionType": "none"}})
    return out


def _required(res: Resource, config: dict[str, Any]) -> None:
    """Deploy-time values in required members become reserved placeholders (never guesses)."""
    for i, origin in enumerate((config.get("Origins") or {}).get("Items") or []):
        origin.setdefault("Id", f"origin{i + 1}")
        origin.setdefault("DomainName", placeholder(res, f"origin{i + 1}"))
        if "S3OriginConfig" in origin:
            origin["S3OriginConfig"].setdefault("OriginAccessIdentity", "")
    behaviors = [config.get("DefaultCacheBehavior") or {}]
    behaviors += (config.get("CacheBehaviors") or {}).get("Items") or []
    for b in behaviors:
        b.setdefault("TargetOriginId", placeholder(res, "TargetOriginId"))
        b.setdefault("ViewerProtocolPolicy", placeholder(res, "ViewerProtocolPolicy"))
    config.setdefault("Enabled", True)


def distribution(res: Resource, estate: Estate) -> None:
    """AWS::CloudFront::Distribution -> cloudfront ``distributions`` item."""
    raw = known(estate, res, CF, "DistributionConfig", {})
    config = api(
        estate,
        res,
        CF,
        _config(res, raw or {}),
        CF,
        "DistributionConfig",
        ".DistributionConfig",
        _RENAMES,
    )
    config.setdefault("Origins", {"Quantity": 0})
    config.setdefault("DefaultCacheBehavior", {})
    _required(res, config)
    item = {
        "Distribution": {
            "Id": res.ident["Id"],
            "ARN": res.ident["Arn"],
            "Status": "Deployed",
            "LastModifiedTime": estate.timestamp,
            "InProgressInvalidationBatches": 0,
            "DomainName": res.ident["DomainName"],
            "DistributionConfig": config,
        },
        "Tags": cfn_tags(res, res.props.get("DistributionTags") or res.props.get("Tags")),
    }
    estate.add(res, "global", CF, "distributions", item)


def _policy(kind: str, config_key: str) -> Translator:
    def translate(res: Resource, estate: Estate) -> None:
        raw = known(estate, res, CF, config_key, {})
        config = api(estate, res, CF, raw or {}, CF, config_key, f".{config_key}", _RENAMES)
        config.setdefault("Name", placeholder(res, "Name"))
        body = {"Id": res.ident["Id"], "LastModifiedTime": estate.timestamp, config_key: config}
        item = {"Type": "custom", kind: body}
        key = {"CachePolicy": "cache_policies", "OriginRequestPolicy": "origin_request_policies"}
        estate.add(res, "global", CF, key.get(kind, "response_headers_policies"), item)

    return translate


def origin_access_control(res: Resource, estate: Estate) -> None:
    """AWS::CloudFront::OriginAccessControl -> ``origin_access_controls`` summary."""
    raw = known(estate, res, CF, "OriginAccessControlConfig", {}) or {}
    item = {"Id": res.ident["Id"], "Description": "", **raw}
    summary = api(
        estate, res, CF, item, CF, "OriginAccessControlSummary", ".OriginAccessControlConfig"
    )
    summary.setdefault("Name", placeholder(res, "Name"))
    estate.add(res, "global", CF, "origin_access_controls", summary)


def function(res: Resource, estate: Estate) -> None:
    """AWS::CloudFront::Function -> ``functions`` summaries (LIVE when AutoPublish, DEVELOPMENT)."""
    config = known(estate, res, CF, "FunctionConfig", {}) or {}
    stages = ["DEVELOPMENT"] + (
        ["LIVE"] if known(estate, res, CF, "AutoPublish") in (True, "true") else []
    )
    for stage in stages:
        raw = {
            "Name": res.ident["Id"],
            "Status": "UNASSOCIATED",
            "FunctionConfig": {"Comment": "", **config},
            "FunctionMetadata": {
                "FunctionARN": res.ident["FunctionARN"],
                "Stage": stage,
                "LastModifiedTime": estate.timestamp,
            },
        }
        estate.add(
            res, "global", CF, "functions", api(estate, res, CF, raw, CF, "FunctionSummary", "")
        )


TRANSLATORS: dict[str, Translator] = {
    "AWS::CloudFront::Distribution": distribution,
    "AWS::CloudFront::CachePolicy": _policy("CachePolicy", "CachePolicyConfig"),
    "AWS::CloudFront::OriginRequestPolicy": _policy(
        "OriginRequestPolicy", "OriginRequestPolicyConfig"
    ),
    "AWS::CloudFront::ResponseHeadersPolicy": _policy(
        "ResponseHeadersPolicy", "ResponseHeadersPolicyConfig"
    ),
    "AWS::CloudFront::OriginAccessControl": origin_access_control,
    "AWS::CloudFront::Function": function,
}
