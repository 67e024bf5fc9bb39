"""Probe plain moto (no edgekit bridge) for the fidelity gaps the sandbox bridges.

Run as a script in a fresh interpreter by ``test_canary.py``; prints a JSON object mapping each
gap name to true (moto still has the gap) or false (moto fixed it). It must never import
``edgekit.sandbox``: the bridge patches moto process-wide.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from typing import Any

import boto3
from botocore.exceptions import ClientError
from moto import mock_aws

ACM = "arn:aws:acm:us-east-1:123456789012:certificate/canary"
CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
VISIBILITY = {"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False, "MetricName": "m"}

CONFIG: dict[str, Any] = {
    "CallerReference": "canary",
    "Origins": {
        "Quantity": 3,
        "Items": [
            {
                "Id": "s3",
                "DomainName": "b.s3.us-east-1.amazonaws.com",
                "S3OriginConfig": {"OriginAccessIdentity": ""},
                "OriginAccessControlId": "E2QWRUHAPOMQZL",
            },
            {"Id": "vpc", "DomainName": "app.internal", "VpcOriginConfig": {"VpcOriginId": "vo_1"}},
            {
                "Id": "web",
                "DomainName": "web.example.com",
                "CustomOriginConfig": {
                    "HTTPPort": 80,
                    "HTTPSPort": 443,
                    "OriginProtocolPolicy": "https-only",
                },
            },
        ],
    },
    "DefaultCacheBehavior": {
        "TargetOriginId": "s3",
        "ViewerProtocolPolicy": "allow-all",
        "CachePolicyId": CACHING_OPTIMIZED,
        "FunctionAssociations": {
            "Quantity": 1,
            "Items": [
                {
                    "FunctionARN": "arn:aws:cloudfront::123456789012:function/f",
                    "EventType": "viewer-request",
                }
            ],
        },
        "LambdaFunctionAssociations": {
            "Quantity": 1,
            "Items": [
                {
                    "LambdaFunctionARN": "arn:aws:lambda:us-east-1:123456789012:function:l:1",
                    "EventType": "origin-request",
                }
            ],
        },
    },
    "ViewerCertificate": {"ACMCertificateArn": ACM, "SSLSupportMethod": "sni-only"},
    "Comment": "",
    "Enabled": True,
}


def _fails(call: Callable[[], Any]) -> bool:
    try:
        call()
    except (ClientError, NotImplementedError):
        return True
    return False


def _default_rule_arn() -> str:
    """The ARN of a new listener's default rule."""
    ec2: Any = boto3.client("ec2", region_name="eu-west-1")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"eu-west-1{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in ((1, "a"), (2, "b"))
    ]
    elbv2: Any = boto3.client("elbv2", region_name="eu-west-1")
    lb = elbv2.create_load_balancer(Name="canary", Subnets=subnets)["LoadBalancers"][0]
    fixed = {"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}
    listener = elbv2.create_listener(
        LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=[fixed]
    )["Listeners"][0]["ListenerArn"]
    rules = elbv2.describe_rules(ListenerArn=listener)["Rules"]
    return str(next(r["RuleArn"] for r in rules if r["IsDefault"]))


def _cloudwatch_gaps() -> dict[str, bool]:
    """GetMetricData: percentiles fail the call; the namespace is ignored with dimensions."""
    cw: Any = boto3.client("cloudwatch", region_name="eu-west-1")
    at = dt.datetime(2026, 1, 1, 10, tzinfo=dt.UTC)
    dims = [{"Name": "LoadBalancer", "Value": "app/a/1"}]
    for namespace, value in (("AWS/ApplicationELB", 1.0), ("Other/Space", 5.0)):
        cw.put_metric_data(
            Namespace=namespace,
            MetricData=[{"MetricName": "M", "Dimensions": dims, "Timestamp": at, "Value": value}],
        )

    def query(stat: str) -> Any:
        metric = {"Namespace": "AWS/ApplicationELB", "MetricName": "M", "Dimensions": dims}
        return cw.get_metric_data(
            MetricDataQueries=[
                {"Id": "q", "MetricStat": {"Metric": metric, "Period": 3600, "Stat": stat}}
            ],
            StartTime=at - dt.timedelta(hours=1),
            EndTime=at + dt.timedelta(hours=1),
        )["MetricDataResults"][0]["Values"]

    try:
        percentiles_fail = query("p99") != [1.0]
    except Exception:  # noqa: BLE001 - plain moto crashes serialising None (not a ClientError)
        percentiles_fail = True
    return {
        "cloudwatch_fails_percentiles": percentiles_fail,
        "cloudwatch_ignores_namespace_with_dimensions": query("Sum") != [1.0],
    }


def probe() -> dict[str, bool]:
    """Each known gap of plain moto, and whether it is still there."""
    cf: Any = boto3.client("cloudfront", region_name="us-east-1")
    dist = cf.create_distribution(DistributionConfig=copy.deepcopy(CONFIG))["Distribution"]
    config = cf.get_distribution(Id=dist["Id"])["Distribution"]["DistributionConfig"]
    origins = {o["Id"]: o for o in config["Origins"]["Items"]}
    default = config["DefaultCacheBehavior"]
    grouped = copy.deepcopy(CONFIG)
    grouped["CallerReference"] = "canary-group"
    grouped["OriginGroups"] = {
        "Quantity": 1,
        "Items": [
            {
                "Id": "group",
                "FailoverCriteria": {"StatusCodes": {"Quantity": 1, "Items": [500]}},
                "Members": {"Quantity": 2, "Items": [{"OriginId": "s3"}, {"OriginId": "web"}]},
            }
        ],
    }
    grouped["DefaultCacheBehavior"]["TargetOriginId"] = "group"
    waf: Any = boto3.client("wafv2", region_name="eu-west-1")
    summary = waf.create_web_acl(
        Name="a",
        Scope="REGIONAL",
        DefaultAction={"Allow": {}},
        VisibilityConfig=VISIBILITY,
        Rules=[
            {
                "Name": "common",
                "Priority": 0,
                "Statement": {
                    "ManagedRuleGroupStatement": {
                        "VendorName": "AWS",
                        "Name": "AWSManagedRulesCommonRuleSet",
                    }
                },
                "OverrideAction": {"None": {}},
                "VisibilityConfig": VISIBILITY,
            }
        ],
    )["Summary"]
    acl = summary["ARN"]
    capacity = waf.get_web_acl(Name="a", Scope="REGIONAL", Id=summary["Id"])["WebACL"]["Capacity"]
    route53: Any = boto3.client("route53", region_name="us-east-1")
    zone = route53.create_hosted_zone(Name="example.com", CallerReference="c")["HostedZone"]["Id"]
    records = route53.list_resource_record_sets(HostedZoneId=zone)["ResourceRecordSets"]
    soa = next(r for r in records if r["Type"] == "SOA")["ResourceRecords"][0]["Value"]
    key = cf.create_public_key(
        PublicKeyConfig={"CallerReference": "k", "Name": "k", "EncodedKey": "KEY"}
    )["PublicKey"]["Id"]
    group = cf.create_key_group(KeyGroupConfig={"Name": "g", "Items": [key]})["KeyGroup"]
    function_etag = cf.create_function(
        Name="f",
        FunctionConfig={"Comment": "", "Runtime": "cloudfront-js-2.0"},
        FunctionCode=b"function handler(e) { return e.request; }",
    )["ETag"]
    acm: Any = boto3.client("acm", region_name="us-east-1")
    certificate = acm.request_certificate(DomainName="web.example.com")["CertificateArn"]
    used = copy.deepcopy(CONFIG)
    used["CallerReference"] = "canary-certificate"
    used["ViewerCertificate"]["ACMCertificateArn"] = certificate
    cf.create_distribution(DistributionConfig=used)
    in_use = acm.describe_certificate(CertificateArn=certificate)["Certificate"]["InUseBy"]
    subscription = {
        "RealtimeMetricsSubscriptionConfig": {"RealtimeMetricsSubscriptionStatus": "Enabled"}
    }
    return {
        **_cloudwatch_gaps(),
        "cloudfront_lacks_CreateMonitoringSubscription": _fails(
            lambda: cf.create_monitoring_subscription(
                DistributionId=dist["Id"], MonitoringSubscription=subscription
            )
        ),
        "cloudfront_drops_S3OriginConfig": "S3OriginConfig" not in origins["s3"],
        "cloudfront_drops_OriginAccessControlId": "OriginAccessControlId" not in origins["s3"],
        "cloudfront_drops_VpcOriginConfig": "VpcOriginConfig" not in origins["vpc"],
        "cloudfront_empties_FunctionAssociations": default["FunctionAssociations"]["Quantity"] == 0,
        "cloudfront_empties_LambdaFunctionAssociations": (
            default["LambdaFunctionAssociations"]["Quantity"] == 0
        ),
        "cloudfront_reports_cloudfront_CertificateSource_for_ACM": (
            config["ViewerCertificate"].get("CertificateSource") == "cloudfront"
        ),
        "cloudfront_invents_ForwardedValues_with_cache_policy": "ForwardedValues" in default,
        "cloudfront_invents_TTLs_with_cache_policy": "MinTTL" in default,
        "cloudfront_rejects_origin_group_default_target": _fails(
            lambda: cf.create_distribution(DistributionConfig=grouped)
        ),
        "cloudfront_summary_lacks_Staging": (
            "Staging" not in cf.list_distributions()["DistributionList"]["Items"][0]
        ),
        "cloudfront_key_group_lacks_LastModifiedTime": "LastModifiedTime" not in group,
        "cloudfront_lacks_ListCachePolicies": _fails(cf.list_cache_policies),
        "cloudfront_lacks_ListOriginRequestPolicies": _fails(cf.list_origin_request_policies),
        "cloudfront_lacks_ListResponseHeadersPolicies": _fails(cf.list_response_headers_policies),
        "cloudfront_lacks_ListCloudFrontOriginAccessIdentities": _fails(
            cf.list_cloud_front_origin_access_identities
        ),
        "cloudfront_lacks_ListVpcOrigins": _fails(cf.list_vpc_origins),
        "cloudfront_lacks_ListRealtimeLogConfigs": _fails(cf.list_realtime_log_configs),
        "cloudfront_lacks_PublishFunction": _fails(
            lambda: cf.publish_function(Name="f", IfMatch=function_etag)
        ),
        "wafv2_lacks_ListResourcesForWebACL": _fails(
            lambda: waf.list_resources_for_web_acl(WebACLArn=acl)
        ),
        "route53_wraps_SOA_value": soa.startswith("{"),
        "wafv2_capacity_is_constant": capacity == 3,
        "elbv2_default_rule_arn_is_an_object_id": not re.fullmatch(
            r"[0-9a-f]{16}", _default_rule_arn().rsplit("/", 1)[-1]
        ),
        "shield_lacks_ListProtectionGroups": _fails(
            boto3.client("shield", region_name="us-east-1").list_protection_groups
        ),
        "acm_in_use_by_ignores_cloudfront": in_use == [],
        "globalaccelerator_not_served": _fails(
            boto3.client("globalaccelerator", region_name="us-west-2").list_accelerators
        ),
        "waf_not_served": _fails(boto3.client("waf", region_name="us-east-1").get_change_token),
        "waf_regional_not_served": _fails(
            boto3.client("waf-regional", region_name="eu-west-1").list_web_acls
        ),
    }


def main() -> int:
    """Print the probe result as JSON."""
    assert "edgekit.sandbox" not in sys.modules
    with mock_aws():
        print(json.dumps(probe()))
    assert "edgekit.sandbox" not in sys.modules
    return 0


if __name__ == "__main__":
    sys.exit(main())
