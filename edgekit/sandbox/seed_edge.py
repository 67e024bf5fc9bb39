"""The seed estate's edge: CloudFront Function, WAFv2 web ACL and the distribution."""

from __future__ import annotations

from typing import Any

CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
SECURITY_HEADERS_POLICY = "67f7725c-6f97-4210-82d7-5512b31e9d03"

INDEX_REWRITE = b"""function handler(event) {
    var request = event.request;
    if (request.uri.endsWith('/')) {
        request.uri += 'index.html';
    }
    return request;
}
"""
ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]


def publish_function(cloudfront: Any, name: str) -> str:
    """Create and publish a viewer-request CloudFront Function; returns its ARN."""
    created = cloudfront.create_function(
        Name=name,
        FunctionConfig={
            "Comment": "Append index.html to directory URIs",
            "Runtime": "cloudfront-js-2.0",
        },
        FunctionCode=INDEX_REWRITE,
    )
    cloudfront.publish_function(Name=name, IfMatch=created["ETag"])
    return str(created["FunctionSummary"]["FunctionMetadata"]["FunctionARN"])


def _visibility(metric: str) -> dict[str, Any]:
    return {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": metric}


def create_web_acl(wafv2: Any, name: str) -> str:
    """A CLOUDFRONT-scope web ACL: AWS common rule set, then a per-IP rate limit; its ARN."""
    rules = [
        {
            "Name": "AWS-AWSManagedRulesCommonRuleSet",
            "Priority": 0,
            "Statement": {
                "ManagedRuleGroupStatement": {
                    "VendorName": "AWS",
                    "Name": "AWSManagedRulesCommonRuleSet",
                }
            },
            "OverrideAction": {"None": {}},
            "VisibilityConfig": _visibility("common-rule-set"),
        },
        {
            "Name": "rate-limit-per-ip",
            "Priority": 1,
            "Statement": {"RateBasedStatement": {"Limit": 2000, "AggregateKeyType": "IP"}},
            "Action": {"Block": {}},
            "VisibilityConfig": _visibility("rate-limit-per-ip"),
        },
    ]
    summary = wafv2.create_web_acl(
        Name=name,
        Scope="CLOUDFRONT",
        DefaultAction={"Allow": {}},
        Description="Edge protection for www.example.com",
        Rules=rules,
        VisibilityConfig=_visibility(name),
    )["Summary"]
    return str(summary["ARN"])


def distribution_config(
    *,
    alias: str,
    certificate_arn: str,
    bucket_domain: str,
    oac_id: str,
    origin_host: str,
    origin_header: tuple[str, str],
    function_arn: str,
    web_acl_arn: str,
) -> dict[str, Any]:
    """The seed distribution's DistributionConfig (S3 default path, ``/api/*`` to the ALB)."""
    header_name, header_value = origin_header
    return {
        "CallerReference": f"edgekit-seed-{alias}",
        "Aliases": {"Quantity": 1, "Items": [alias]},
        "DefaultRootObject": "index.html",
        "Origins": {
            "Quantity": 2,
            "Items": [
                {
                    "Id": "site-bucket",
                    "DomainName": bucket_domain,
                    "S3OriginConfig": {"OriginAccessIdentity": ""},
                    "OriginAccessControlId": oac_id,
                },
                {
                    "Id": "api-alb",
                    "DomainName": origin_host,
                    "CustomHeaders": {
                        "Quantity": 1,
                        "Items": [{"HeaderName": header_name, "HeaderValue": header_value}],
                    },
                    "CustomOriginConfig": {
                        "HTTPPort": 80,
                        "HTTPSPort": 443,
                        "OriginProtocolPolicy": "https-only",
                        "OriginSslProtocols": {"Quantity": 1, "Items": ["TLSv1.2"]},
                        "OriginReadTimeout": 30,
                        "OriginKeepaliveTimeout": 5,
                    },
                },
            ],
        },
        "DefaultCacheBehavior": {
            "TargetOriginId": "site-bucket",
            "ViewerProtocolPolicy": "redirect-to-https",
            "AllowedMethods": {
                "Quantity": 2,
                "Items": ["GET", "HEAD"],
                "CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]},
            },
            "Compress": True,
            "CachePolicyId": CACHING_OPTIMIZED,
            "ResponseHeadersPolicyId": SECURITY_HEADERS_POLICY,
            "FunctionAssociations": {
                "Quantity": 1,
                "Items": [{"FunctionARN": function_arn, "EventType": "viewer-request"}],
            },
        },
        "CacheBehaviors": {
            "Quantity": 1,
            "Items": [
                {
                    "PathPattern": "/api/*",
                    "TargetOriginId": "api-alb",
                    "ViewerProtocolPolicy": "https-only",
                    "AllowedMethods": {
                        "Quantity": len(ALL_METHODS),
                        "Items": ALL_METHODS,
                        "CachedMethods": {"Quantity": 2, "Items": ["GET", "HEAD"]},
                    },
                    "Compress": True,
                    "CachePolicyId": CACHING_DISABLED,
                    "OriginRequestPolicyId": ALL_VIEWER_EXCEPT_HOST_HEADER,
                    "ResponseHeadersPolicyId": SECURITY_HEADERS_POLICY,
                }
            ],
        },
        "Comment": f"{alias} (edgekit sandbox seed)",
        "PriceClass": "PriceClass_100",
        "Enabled": True,
        "ViewerCertificate": {
            "ACMCertificateArn": certificate_arn,
            "SSLSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1.2_2021",
        },
        "Restrictions": {"GeoRestriction": {"RestrictionType": "none", "Quantity": 0}},
        "WebACLId": web_acl_arn,
        "HttpVersion": "http2and3",
        "IsIPV6Enabled": True,
    }


def create_distribution(cloudfront: Any, **kwargs: Any) -> dict[str, Any]:
    """Create the seed distribution (tagged); returns the Distribution structure."""
    created = cloudfront.create_distribution_with_tags(
        DistributionConfigWithTags={
            "DistributionConfig": distribution_config(**kwargs),
            "Tags": {"Items": [{"Key": "edgekit:seed", "Value": "www"}]},
        }
    )
    distribution: dict[str, Any] = created["Distribution"]
    return distribution
