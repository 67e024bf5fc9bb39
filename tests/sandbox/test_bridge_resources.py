"""OAIs, VPC origins, published functions, WAFv2 listings, Route 53 and ACM through the bridge."""

from __future__ import annotations

import re
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.sandbox.configs import ACCOUNT, CACHING_OPTIMIZED, minimal_config, qlist
from tests.sandbox.conftest import ClientFactory

ALB_ARN = f"arn:aws:elasticloadbalancing:eu-west-1:{ACCOUNT}:loadbalancer/app/edge/50dc6c495c0c9188"
POOL_ARN = f"arn:aws:cognito-idp:eu-west-1:{ACCOUNT}:userpool/eu-west-1_Abc123"
VISIBILITY = {"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False, "MetricName": "m"}


def _error(caught: pytest.ExceptionInfo[ClientError]) -> tuple[str, int]:
    response = caught.value.response
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]


def _s3_origin_config(oai_id: str) -> dict[str, Any]:
    config = minimal_config("oai-user", CachePolicyId=CACHING_OPTIMIZED)
    config["Origins"] = qlist(
        [
            {
                "Id": "web",
                "DomainName": "b.s3.amazonaws.com",
                "S3OriginConfig": {
                    "OriginAccessIdentity": f"origin-access-identity/cloudfront/{oai_id}"
                },
            }
        ]
    )
    return config


def test_origin_access_identity_lifecycle(cf: Any) -> None:
    config = {"CallerReference": "site", "Comment": "legacy S3 access"}
    created = cf.create_cloud_front_origin_access_identity(
        CloudFrontOriginAccessIdentityConfig=config
    )
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    oai = created["CloudFrontOriginAccessIdentity"]
    assert re.fullmatch(r"E[A-Z0-9]{13}", oai["Id"])
    assert re.fullmatch(r"[0-9a-f]{96}", oai["S3CanonicalUserId"])
    assert oai["CloudFrontOriginAccessIdentityConfig"] == config
    assert created["Location"].endswith(f"/origin-access-identity/cloudfront/{oai['Id']}")
    again = cf.create_cloud_front_origin_access_identity(
        CloudFrontOriginAccessIdentityConfig=config
    )
    assert again["CloudFrontOriginAccessIdentity"]["Id"] == oai["Id"]  # same request: same OAI
    with pytest.raises(ClientError) as caught:
        cf.create_cloud_front_origin_access_identity(
            CloudFrontOriginAccessIdentityConfig={**config, "Comment": "other"}
        )
    assert _error(caught) == ("CloudFrontOriginAccessIdentityAlreadyExists", 409)

    listing = cf.list_cloud_front_origin_access_identities()["CloudFrontOriginAccessIdentityList"]
    assert listing["IsTruncated"] is False and listing["Quantity"] == 1
    assert listing["Items"] == [
        {
            "Id": oai["Id"],
            "S3CanonicalUserId": oai["S3CanonicalUserId"],
            "Comment": "legacy S3 access",
        }
    ]
    got_config = cf.get_cloud_front_origin_access_identity_config(Id=oai["Id"])
    assert got_config["CloudFrontOriginAccessIdentityConfig"] == config
    updated = cf.update_cloud_front_origin_access_identity(
        Id=oai["Id"],
        IfMatch=created["ETag"],
        CloudFrontOriginAccessIdentityConfig={**config, "Comment": "renamed"},
    )
    assert updated["ETag"] != created["ETag"]
    got = cf.get_cloud_front_origin_access_identity(Id=oai["Id"])
    assert (
        got["CloudFrontOriginAccessIdentity"]["CloudFrontOriginAccessIdentityConfig"]["Comment"]
        == "renamed"
    )

    distribution = cf.create_distribution(DistributionConfig=_s3_origin_config(oai["Id"]))
    with pytest.raises(ClientError) as caught:
        cf.delete_cloud_front_origin_access_identity(Id=oai["Id"], IfMatch=updated["ETag"])
    assert _error(caught) == ("CloudFrontOriginAccessIdentityInUse", 409)
    cf.delete_distribution(Id=distribution["Distribution"]["Id"], IfMatch=distribution["ETag"])
    cf.delete_cloud_front_origin_access_identity(Id=oai["Id"], IfMatch=updated["ETag"])
    with pytest.raises(ClientError) as caught:
        cf.get_cloud_front_origin_access_identity(Id=oai["Id"])
    assert _error(caught) == ("NoSuchCloudFrontOriginAccessIdentity", 404)


def test_vpc_origin_lifecycle(cf: Any) -> None:
    endpoint = {
        "Name": "internal-alb",
        "Arn": ALB_ARN,
        "HTTPPort": 80,
        "HTTPSPort": 443,
        "OriginProtocolPolicy": "https-only",
        "OriginSslProtocols": qlist(["TLSv1.2"]),
    }
    created = cf.create_vpc_origin(
        VpcOriginEndpointConfig=endpoint, Tags={"Items": [{"Key": "team", "Value": "edge"}]}
    )
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 202
    origin = created["VpcOrigin"]
    assert re.fullmatch(r"vo_[A-Za-z0-9]{22}", origin["Id"])
    assert origin["Arn"] == f"arn:aws:cloudfront::{ACCOUNT}:vpcorigin/{origin['Id']}"
    assert origin["Status"] == "Deploying" and origin["VpcOriginEndpointConfig"] == endpoint
    assert cf.get_vpc_origin(Id=origin["Id"])["VpcOrigin"]["Status"] == "Deployed"
    summary = cf.list_vpc_origins()["VpcOriginList"]["Items"][0]
    assert summary["OriginEndpointArn"] == ALB_ARN and summary["Name"] == "internal-alb"
    assert summary["AccountId"] == ACCOUNT and summary["Arn"] == origin["Arn"]
    tags = cf.list_tags_for_resource(Resource=origin["Arn"])["Tags"]["Items"]
    assert tags == [{"Key": "team", "Value": "edge"}]

    updated = cf.update_vpc_origin(
        Id=origin["Id"],
        IfMatch=created["ETag"],
        VpcOriginEndpointConfig={**endpoint, "HTTPPort": 8080},
    )
    assert updated["VpcOrigin"]["VpcOriginEndpointConfig"]["HTTPPort"] == 8080
    config = minimal_config("vpc-user", CachePolicyId=CACHING_OPTIMIZED)
    config["Origins"] = qlist(
        [
            {
                "Id": "web",
                "DomainName": "app.internal",
                "VpcOriginConfig": {"VpcOriginId": origin["Id"]},
            }
        ]
    )
    cf.create_distribution(DistributionConfig=config)
    with pytest.raises(ClientError) as caught:
        cf.delete_vpc_origin(Id=origin["Id"], IfMatch=updated["ETag"])
    assert _error(caught) == ("CannotDeleteEntityWhileInUse", 409)
    with pytest.raises(ClientError) as caught:
        cf.get_vpc_origin(Id="vo_missing")
    assert _error(caught) == ("EntityNotFound", 404)


def test_functions_publish_to_a_live_stage_listed_beside_development(cf: Any) -> None:
    created = cf.create_function(
        Name="rewrite",
        FunctionConfig={"Comment": "rw", "Runtime": "cloudfront-js-2.0"},
        FunctionCode=b"function handler(e) { return e.request; }",
    )
    with pytest.raises(ClientError) as caught:
        cf.publish_function(Name="rewrite", IfMatch="stale")
    assert _error(caught) == ("PreconditionFailed", 412)
    live = cf.publish_function(Name="rewrite", IfMatch=created["ETag"])["FunctionSummary"]
    assert live["FunctionMetadata"]["Stage"] == "LIVE" and live["Status"] == "UNASSOCIATED"
    stages = [f["FunctionMetadata"]["Stage"] for f in cf.list_functions()["FunctionList"]["Items"]]
    assert sorted(stages) == ["DEVELOPMENT", "LIVE"]
    only_live = cf.list_functions(Stage="LIVE")["FunctionList"]
    assert only_live["Quantity"] == 1 and only_live["Items"][0]["Name"] == "rewrite"
    described = cf.describe_function(Name="rewrite", Stage="LIVE")["FunctionSummary"]
    assert described["FunctionMetadata"]["Stage"] == "LIVE"

    arn = live["FunctionMetadata"]["FunctionARN"]
    association = qlist([{"FunctionARN": arn, "EventType": "viewer-request"}])
    cf.create_distribution(
        DistributionConfig=minimal_config(
            CachePolicyId=CACHING_OPTIMIZED, FunctionAssociations=association
        )
    )
    with pytest.raises(ClientError) as caught:
        cf.delete_function(Name="rewrite", IfMatch=created["ETag"])
    assert _error(caught) == ("FunctionInUse", 409)


def test_wafv2_lists_resources_per_type_and_nothing_for_cloudfront_acls(
    client: ClientFactory,
) -> None:
    waf = client("wafv2", "eu-west-1")
    regional = waf.create_web_acl(
        Name="app", Scope="REGIONAL", DefaultAction={"Allow": {}}, VisibilityConfig=VISIBILITY
    )["Summary"]["ARN"]
    for resource in (ALB_ARN, POOL_ARN):
        waf.associate_web_acl(WebACLArn=regional, ResourceArn=resource)
    assert waf.list_resources_for_web_acl(WebACLArn=regional)["ResourceArns"] == [ALB_ARN]
    pools = waf.list_resources_for_web_acl(WebACLArn=regional, ResourceType="COGNITO_USER_POOL")
    assert pools["ResourceArns"] == [POOL_ARN]
    assert (
        waf.list_resources_for_web_acl(WebACLArn=regional, ResourceType="APPSYNC")["ResourceArns"]
        == []
    )

    edge = client("wafv2", "us-east-1").create_web_acl(
        Name="edge", Scope="CLOUDFRONT", DefaultAction={"Allow": {}}, VisibilityConfig=VISIBILITY
    )["Summary"]["ARN"]
    assert (
        client("wafv2", "us-east-1").list_resources_for_web_acl(WebACLArn=edge)["ResourceArns"]
        == []
    )
    with pytest.raises(ClientError) as caught:
        waf.list_resources_for_web_acl(WebACLArn=regional.replace("/app/", "/gone/"))
    assert caught.value.response["Error"]["Code"] == "WAFNonexistentItemException"


def test_route53_soa_values_are_plain_strings(client: ClientFactory) -> None:
    route53 = client("route53")
    zone = route53.create_hosted_zone(Name="example.com", CallerReference="z")["HostedZone"]["Id"]
    records = route53.list_resource_record_sets(HostedZoneId=zone)["ResourceRecordSets"]
    soa = next(r for r in records if r["Type"] == "SOA")
    value = soa["ResourceRecords"][0]["Value"]
    assert value.startswith("ns-") and "{" not in value
    assert len(value.split()) == 7  # mname rname serial refresh retry expire minimum


def test_acm_dns_certificates_are_issued_at_once(client: ClientFactory) -> None:
    acm = client("acm")
    arn = acm.request_certificate(DomainName="www.example.com", ValidationMethod="DNS")[
        "CertificateArn"
    ]
    assert acm.describe_certificate(CertificateArn=arn)["Certificate"]["Status"] == "ISSUED"


def test_realtime_log_config_lifecycle(cf: Any) -> None:
    endpoint = {
        "StreamType": "Kinesis",
        "KinesisStreamConfig": {
            "RoleARN": f"arn:aws:iam::{ACCOUNT}:role/cf-realtime",
            "StreamARN": f"arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/cf",
        },
    }
    created = cf.create_realtime_log_config(
        EndPoints=[endpoint], Fields=["timestamp", "c-ip"], Name="rt", SamplingRate=10
    )
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    config = created["RealtimeLogConfig"]
    assert config["ARN"] == f"arn:aws:cloudfront::{ACCOUNT}:realtime-log-config/rt"
    assert (config["SamplingRate"], config["Fields"]) == (10, ["timestamp", "c-ip"])
    listing = cf.list_realtime_log_configs()["RealtimeLogConfigs"]
    assert listing["Items"] == [config] and listing["IsTruncated"] is False
    assert cf.get_realtime_log_config(ARN=config["ARN"])["RealtimeLogConfig"] == config
    updated = cf.update_realtime_log_config(Name="rt", SamplingRate=50)["RealtimeLogConfig"]
    assert updated["SamplingRate"] == 50 and updated["EndPoints"] == [endpoint]
    with pytest.raises(ClientError) as caught:
        cf.create_realtime_log_config(
            EndPoints=[endpoint], Fields=["c-ip"], Name="rt", SamplingRate=1
        )
    assert _error(caught) == ("RealtimeLogConfigAlreadyExists", 409)

    cf.create_distribution(
        DistributionConfig=minimal_config(
            CachePolicyId=CACHING_OPTIMIZED, RealtimeLogConfigArn=config["ARN"]
        )
    )
    with pytest.raises(ClientError) as caught:
        cf.delete_realtime_log_config(Name="rt")
    assert _error(caught) == ("RealtimeLogConfigInUse", 400)  # 400 in the model
    with pytest.raises(ClientError) as caught:
        cf.get_realtime_log_config(Name="missing")
    assert _error(caught) == ("NoSuchRealtimeLogConfig", 404)
