"""DistributionConfig as the real CloudFront API returns it (pure functions on dicts).

moto builds its own objects from a DistributionConfig and loses or invents fields on the way
(see :mod:`edgekit.sandbox.bridge`). :func:`normalize_distribution_config` instead echoes the
request exactly and fills the defaults AWS fills for omitted members: the response to
``GetDistribution`` / ``ListDistributions`` is built from its result.

Rules, as observed on the real API:

* every member the request sent comes back unchanged (S3OriginConfig, OriginAccessControlId,
  VpcOriginConfig, function and Lambda@Edge associations, policy ids, ...);
* a ``{Quantity, Items}`` list with no items comes back as ``{"Quantity": 0}``;
* a behavior that names a ``CachePolicyId`` has no ``ForwardedValues`` and no TTLs; a legacy
  behavior gets ``ForwardedValues`` completed and the default TTLs 0 / 86400 / 31536000;
* ``ViewerCertificate.CertificateSource`` is ``acm`` for an ACM certificate, ``iam`` for an IAM
  certificate and ``cloudfront`` for the default certificate, with ``Certificate`` naming it.
"""

from __future__ import annotations

import copy
from typing import Any

DEFAULT_TTL = 86400
MAX_TTL = 31536000
HEAD_GET = ["HEAD", "GET"]


def qlist(value: dict[str, Any] | None, *, keep_empty_items: bool = False) -> dict[str, Any]:
    """Normalise a CloudFront ``{Quantity, Items}`` list (Quantity recomputed from Items)."""
    value = dict(value or {})
    items = list(value.pop("Items", None) or [])
    value.pop("Quantity", None)
    if items or keep_empty_items:
        return {"Quantity": len(items), "Items": items, **value}
    return {"Quantity": 0, **value}


def _setdefaults(target: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    for key, value in defaults.items():
        target.setdefault(key, copy.deepcopy(value))
    return target


def normalize_origin(origin: dict[str, Any]) -> dict[str, Any]:
    """One ``Origins.Items`` entry as AWS returns it."""
    out = copy.deepcopy(origin)
    _setdefaults(out, {"OriginPath": ""})
    out["CustomHeaders"] = qlist(out.get("CustomHeaders"))
    if "S3OriginConfig" in out:
        _setdefaults(out["S3OriginConfig"], {"OriginAccessIdentity": "", "OriginReadTimeout": 30})
    if "CustomOriginConfig" in out:
        custom = out["CustomOriginConfig"]
        _setdefaults(custom, {"OriginReadTimeout": 30, "OriginKeepaliveTimeout": 5})
        custom["OriginSslProtocols"] = qlist(
            custom.get("OriginSslProtocols") or {"Items": ["TLSv1.2"]}, keep_empty_items=True
        )
    if "VpcOriginConfig" in out:
        _setdefaults(out["VpcOriginConfig"], {"OriginReadTimeout": 30, "OriginKeepaliveTimeout": 5})
    _setdefaults(
        out,
        {
            "ConnectionAttempts": 3,
            "ConnectionTimeout": 10,
            "OriginShield": {"Enabled": False},
            "OriginAccessControlId": "",
        },
    )
    return out


def _signers(value: dict[str, Any] | None) -> dict[str, Any]:
    listed = qlist(value)
    listed.setdefault("Enabled", False)
    return {"Enabled": listed.pop("Enabled"), **listed}


def normalize_behavior(behavior: dict[str, Any]) -> dict[str, Any]:
    """A DefaultCacheBehavior or CacheBehaviors entry as AWS returns it."""
    out = copy.deepcopy(behavior)
    out["TrustedSigners"] = _signers(out.get("TrustedSigners"))
    out["TrustedKeyGroups"] = _signers(out.get("TrustedKeyGroups"))
    methods = out.get("AllowedMethods") or {"Items": HEAD_GET}
    cached = methods.get("CachedMethods") or {"Items": HEAD_GET}
    out["AllowedMethods"] = {
        **qlist({k: v for k, v in methods.items() if k != "CachedMethods"}),
        "CachedMethods": qlist(cached),
    }
    _setdefaults(out, {"SmoothStreaming": False, "Compress": False})
    lambdas = qlist(out.get("LambdaFunctionAssociations"))
    for item in lambdas.get("Items", []):
        item.setdefault("IncludeBody", False)
    out["LambdaFunctionAssociations"] = lambdas
    out["FunctionAssociations"] = qlist(out.get("FunctionAssociations"))
    _setdefaults(out, {"FieldLevelEncryptionId": ""})
    if not out.get("CachePolicyId"):
        # Legacy cache settings: AWS completes ForwardedValues and the TTLs.
        forwarded = _setdefaults(
            dict(out.get("ForwardedValues") or {}),
            {"QueryString": False, "Cookies": {"Forward": "none"}},
        )
        cookies = forwarded["Cookies"]
        if "WhitelistedNames" in cookies:
            cookies["WhitelistedNames"] = qlist(cookies["WhitelistedNames"])
        forwarded["Headers"] = qlist(forwarded.get("Headers"))
        forwarded["QueryStringCacheKeys"] = qlist(forwarded.get("QueryStringCacheKeys"))
        out["ForwardedValues"] = forwarded
        _setdefaults(out, {"MinTTL": 0, "DefaultTTL": DEFAULT_TTL, "MaxTTL": MAX_TTL})
    return out


def normalize_viewer_certificate(cert: dict[str, Any] | None) -> dict[str, Any]:
    """ViewerCertificate with the ``Certificate`` / ``CertificateSource`` AWS derives."""
    out = copy.deepcopy(cert or {})
    if out.get("ACMCertificateArn"):
        out["CloudFrontDefaultCertificate"] = False
        _setdefaults(out, {"SSLSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1"})
        out["Certificate"] = out["ACMCertificateArn"]
        out["CertificateSource"] = "acm"
    elif out.get("IAMCertificateId"):
        out["CloudFrontDefaultCertificate"] = False
        _setdefaults(out, {"SSLSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1"})
        out["Certificate"] = out["IAMCertificateId"]
        out["CertificateSource"] = "iam"
    else:
        out["CloudFrontDefaultCertificate"] = True
        _setdefaults(out, {"SSLSupportMethod": "vip", "MinimumProtocolVersion": "TLSv1"})
        out.pop("Certificate", None)
        out["CertificateSource"] = "cloudfront"
    return out


def _origin_group(group: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(group)
    criteria = out.get("FailoverCriteria") or {}
    criteria["StatusCodes"] = qlist(criteria.get("StatusCodes"))
    out["FailoverCriteria"] = criteria
    out["Members"] = qlist(out.get("Members"))
    return out


def _error_response(item: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(item)
    _setdefaults(out, {"ResponsePagePath": "", "ResponseCode": "", "ErrorCachingMinTTL": 10})
    return out


def normalize_distribution_config(config: dict[str, Any]) -> dict[str, Any]:
    """A whole DistributionConfig (as parsed from a request) as AWS returns it."""
    out = copy.deepcopy(config)
    out["Aliases"] = qlist(out.get("Aliases"))
    _setdefaults(out, {"DefaultRootObject": ""})
    origins = qlist(out.get("Origins"))
    origins["Items"] = [normalize_origin(o) for o in origins.get("Items", [])]
    out["Origins"] = origins
    groups = qlist(out.get("OriginGroups"))
    if "Items" in groups:
        groups["Items"] = [_origin_group(g) for g in groups["Items"]]
    out["OriginGroups"] = groups
    out["DefaultCacheBehavior"] = normalize_behavior(out.get("DefaultCacheBehavior") or {})
    behaviors = qlist(out.get("CacheBehaviors"))
    if "Items" in behaviors:
        behaviors["Items"] = [normalize_behavior(b) for b in behaviors["Items"]]
    out["CacheBehaviors"] = behaviors
    errors = qlist(out.get("CustomErrorResponses"))
    if "Items" in errors:
        errors["Items"] = [_error_response(e) for e in errors["Items"]]
    out["CustomErrorResponses"] = errors
    out["Logging"] = _setdefaults(
        dict(out.get("Logging") or {}),
        {"Enabled": False, "IncludeCookies": False, "Bucket": "", "Prefix": ""},
    )
    out["ViewerCertificate"] = normalize_viewer_certificate(out.get("ViewerCertificate"))
    restriction = dict((out.get("Restrictions") or {}).get("GeoRestriction") or {})
    restriction.setdefault("RestrictionType", "none")
    out["Restrictions"] = {"GeoRestriction": qlist(restriction)}
    _setdefaults(
        out,
        {
            "PriceClass": "PriceClass_All",
            "WebACLId": "",
            "HttpVersion": "http2",
            "IsIPV6Enabled": False,
            "ContinuousDeploymentPolicyId": "",
            "Staging": False,
        },
    )
    return out


def behavior_targets(config: dict[str, Any]) -> list[str]:
    """The TargetOriginId of the default and every ordered behavior."""
    targets = [str((config.get("DefaultCacheBehavior") or {}).get("TargetOriginId", ""))]
    for behavior in (config.get("CacheBehaviors") or {}).get("Items") or []:
        targets.append(str(behavior.get("TargetOriginId", "")))
    return targets


def origin_and_group_ids(config: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(origin ids, origin group ids) declared by a DistributionConfig."""
    origins = [str(o.get("Id")) for o in (config.get("Origins") or {}).get("Items") or []]
    groups = [str(g.get("Id")) for g in (config.get("OriginGroups") or {}).get("Items") or []]
    return origins, groups
