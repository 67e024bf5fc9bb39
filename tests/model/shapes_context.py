"""Payload layouts of the context collectors (docs/snapshot.md), for :mod:`tests.model.shapes`.

Spec forms beyond shapes.py's: ``"str"`` (a string), ``"tri"`` (true / false / null),
``"json-str?"`` (a JSON document string or null), and ``("value", spec)`` for a payload key
whose value is not a list of items (validated as a whole).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Spec = Any

_CLASSIC = {
    service: (
        "one_of",
        {
            "WebACL": (service, "WebACL"),
            "WebACLSummary": (service, "WebACLSummary"),
            "ResourceArns": "list:str",
        },
    )
    for service in ("waf", "waf-regional")
}

CONTEXT_LAYOUTS: Mapping[str, Mapping[str, Spec]] = {
    "ec2": {
        "security_groups": ("ec2", "SecurityGroup"),
        "managed_prefix_lists": ("ec2", "ManagedPrefixList"),
    },
    "elb": {
        "load_balancers": {
            "LoadBalancerDescription": ("elb", "LoadBalancerDescription"),
            "LoadBalancerAttributes": ("elb", "LoadBalancerAttributes"),
            "PolicyDescriptions": "list:elb:PolicyDescription",
            "Tags": "list:elb:Tag",
        },
        "reference_policies": ("elb", "PolicyDescription"),
    },
    "s3": {
        "buckets": {
            "Name": "str",
            "exists": "tri",
            "owned": "tri",
            "BucketRegion": "str",
            "Policy": "json-str?",
            "PolicyStatus": "nullable:s3:PolicyStatus",
            "PublicAccessBlockConfiguration": "nullable:s3:PublicAccessBlockConfiguration",
            "OwnershipControls": "nullable:s3:OwnershipControls",
            "WebsiteConfiguration": "nullable:s3:GetBucketWebsiteOutput",
            "Acl": ("s3", "GetBucketAclOutput"),
        },
        "account_public_access_block": (
            "value",
            "nullable:s3control:PublicAccessBlockConfiguration",
        ),
    },
    "apigateway": {
        "rest_apis": {
            "RestApi": ("apigateway", "RestApi"),
            "Stages": "list:apigateway:Stage",
            "Resources": "list:apigateway:Resource",
        },
        "domain_names": {
            "DomainName": ("apigateway", "DomainName"),
            "BasePathMappings": "list:apigateway:BasePathMapping",
        },
        "usage_plans": ("apigateway", "UsagePlan"),
        "vpc_links": ("apigateway", "VpcLink"),
    },
    "apigatewayv2": {
        "apis": {
            "Api": ("apigatewayv2", "Api"),
            "Stages": "list:apigatewayv2:Stage",
            "Integrations": "list:apigatewayv2:Integration",
            "Routes": "list:apigatewayv2:Route",
        },
        "domain_names": {
            "DomainName": ("apigatewayv2", "DomainName"),
            "ApiMappings": "list:apigatewayv2:ApiMapping",
        },
        "vpc_links": ("apigatewayv2", "VpcLink"),
    },
    "lambda": {
        "function_urls": {
            "FunctionArn": "str",
            "FunctionUrlConfig": "nullable:lambda:GetFunctionUrlConfigResponse",
        },
        "unresolved_url_ids": "str",
        "edge_functions": {
            "FunctionArn": "str",
            "Configuration": "nullable:lambda:FunctionConfiguration",
        },
    },
    "waf": {"web_acls": _CLASSIC["waf"]},
    "waf-regional": {"web_acls": _CLASSIC["waf-regional"]},
    "shield": {
        "subscription": ("value", "nullable:shield:Subscription"),
        "protections": ("shield", "Protection"),
        "protection_groups": ("shield", "ProtectionGroup"),
    },
    "globalaccelerator": {
        "accelerators": {
            "Accelerator": ("globalaccelerator", "Accelerator"),
            "Listeners": [
                "list",
                {
                    "Listener": ("globalaccelerator", "Listener"),
                    "EndpointGroups": "list:globalaccelerator:EndpointGroup",
                },
            ],
        }
    },
    "cloudwatch": {
        "window": ("value", {"StartTime": "str", "EndTime": "str", "Period": "int"}),
        "metric_data": {
            "resource": "str",
            "resource_type": "str",
            "rule": "str",
            "created": "str",
            "MetricDataQuery": ("cloudwatch", "MetricDataQuery"),
            "MetricDataResult": ("cloudwatch", "MetricDataResult"),
        },
        "metrics_disabled": {
            "resource": "str",
            "resource_type": "str",
            "rule": "str",
            "reason": "str",
        },
        "monitoring_subscriptions": {
            "DistributionId": "str",
            "MonitoringSubscription": "nullable:cloudfront:MonitoringSubscription",
        },
    },
}
"""Collector → payload key → spec of one item (or of the whole value, ``("value", spec)``)."""
