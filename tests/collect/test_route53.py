"""The route53 collector: zones with all record sets (paginated), query logging, gaps, shapes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from tests.collect import shapes
from tests.collect.builders import ACCOUNT, assert_calls_declared, fail, run, shared_moto

LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com:*"
ALB_DNS = "alb-1.eu-west-1.elb.amazonaws.com"


def _upsert(r53: Any, zone: str, records: list[dict[str, Any]]) -> None:
    r53.change_resource_record_sets(
        HostedZoneId=zone,
        ChangeBatch={"Changes": [{"Action": "UPSERT", "ResourceRecordSet": r} for r in records]},
    )


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, str]]:
    """A public zone (alias, CNAME, TXT, query logging), a big zone (2 pages), a private zone."""
    with shared_moto():
        r53 = boto3.client("route53", region_name="us-east-1")

        def zone(name: str, **kw: Any) -> str:
            return str(
                r53.create_hosted_zone(Name=name, CallerReference=name, **kw)["HostedZone"]["Id"]
            )

        public = zone("example.com")
        _upsert(
            r53,
            public,
            [
                {
                    "Name": "www.example.com",
                    "Type": "A",
                    "AliasTarget": {
                        "HostedZoneId": "Z32O12XQLNTSW2",
                        "DNSName": ALB_DNS,
                        "EvaluateTargetHealth": True,
                    },
                },
                {
                    "Name": "cdn.example.com",
                    "Type": "CNAME",
                    "TTL": 300,
                    "ResourceRecords": [{"Value": "d111111abcdef8.cloudfront.net"}],
                },
                {
                    "Name": "example.com",
                    "Type": "TXT",
                    "TTL": 60,
                    "ResourceRecords": [{"Value": '"v=spf1 -all"'}],
                },
            ],
        )
        boto3.client("logs", region_name="us-east-1").create_log_group(
            logGroupName="/aws/route53/example.com"
        )
        r53.create_query_logging_config(HostedZoneId=public, CloudWatchLogsLogGroupArn=LOG_GROUP)
        big = zone("big.example.org")
        _upsert(
            r53,
            big,
            [
                {
                    "Name": f"h{i:03}.big.example.org",
                    "Type": "A",
                    "TTL": 60,
                    "ResourceRecords": [{"Value": "192.0.2.1"}],
                }
                for i in range(320)
            ],
        )
        vpc = boto3.client("ec2", region_name="eu-west-1").create_vpc(CidrBlock="10.1.0.0/16")
        private = zone(
            "internal.example.com",
            VPC={"VPCRegion": "eu-west-1", "VPCId": vpc["Vpc"]["VpcId"]},
            HostedZoneConfig={"Comment": "private", "PrivateZone": True},
        )
        yield {"public": public, "big": big, "private": private}


def _zones(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {z["HostedZone"]["Id"]: z for z in data["hosted_zones"]}


def test_collects_zones_records_and_query_logging(estate: dict[str, str]) -> None:
    res = run("route53", "global")
    assert res.error is None and res.gaps == [] and res.data is not None
    zones = _zones(res.data)
    assert set(zones) == {estate["public"], estate["big"], estate["private"]}
    assert zones[estate["private"]]["HostedZone"]["Config"]["PrivateZone"] is True
    records = {(r["Name"], r["Type"]): r for r in zones[estate["public"]]["ResourceRecordSets"]}
    assert records[("www.example.com.", "A")]["AliasTarget"]["DNSName"] == ALB_DNS
    cname = records[("cdn.example.com.", "CNAME")]
    assert cname["ResourceRecords"] == [{"Value": "d111111abcdef8.cloudfront.net"}]
    assert ("example.com.", "SOA") in records and ("example.com.", "NS") in records
    assert [c["CloudWatchLogsLogGroupArn"] for c in res.data["query_logging_configs"]] == [
        LOG_GROUP
    ]
    assert res.data["query_logging_configs"][0]["HostedZoneId"] in estate["public"]


def test_record_sets_are_paginated(estate: dict[str, str]) -> None:
    res = run("route53", "global")
    assert res.data is not None
    big = _zones(res.data)[estate["big"]]["ResourceRecordSets"]
    assert len(big) == 322  # 320 A records + SOA + NS, over two pages of 300
    assert len({(r["Name"], r["Type"]) for r in big}) == 322
    assert_calls_declared(res, exact=True)
    assert {op: n for (_, op), n in res.calls.items()} == {
        "ListHostedZones": 1,
        "ListResourceRecordSets": 4,  # one per zone, plus the second page of the big one
        "ListQueryLoggingConfigs": 1,  # once for all zones
    }


def test_items_conform_to_botocore_output_shapes(estate: dict[str, str]) -> None:
    res = run("route53", "global")
    assert res.data is not None
    for zone in res.data["hosted_zones"]:
        shapes.assert_conforms(zone["HostedZone"], "route53", "ListHostedZones", "HostedZones[]")
        shapes.assert_conforms(
            zone["ResourceRecordSets"], "route53", "ListResourceRecordSets", "ResourceRecordSets"
        )
    shapes.assert_conforms(
        res.data["query_logging_configs"],
        "route53",
        "ListQueryLoggingConfigs",
        "QueryLoggingConfigs",
    )


def test_denied_record_listing_leaves_that_zone_without_records(estate: dict[str, str]) -> None:
    denied = fail("ListResourceRecordSets", when=lambda p: p["HostedZoneId"] == estate["private"])
    res = run("route53", "global", denied)
    assert res.error is None and res.data is not None
    zones = _zones(res.data)
    assert "ResourceRecordSets" not in zones[estate["private"]]
    assert "ResourceRecordSets" in zones[estate["public"]]
    assert [(g["region"], g["operation"]) for g in res.gaps] == [
        ("global", "ListResourceRecordSets")
    ]


def test_zone_deleted_during_collection_is_left_out(estate: dict[str, str]) -> None:
    gone = fail(
        "ListResourceRecordSets",
        "NoSuchHostedZone",
        when=lambda p: p["HostedZoneId"] == estate["big"],
    )
    res = run("route53", "global", gone)
    assert res.error is None and res.gaps == [] and res.data is not None
    assert estate["big"] not in _zones(res.data)


def test_stubbed_denials_become_gaps() -> None:
    """botocore Stubber on the unit's own client: no endpoint at all."""
    zone = {"Id": "/hostedzone/Z1", "Name": "example.com.", "CallerReference": "r"}

    def stub(client: Any) -> None:
        stubber = Stubber(client)
        stubber.add_response(
            "list_hosted_zones",
            {"HostedZones": [zone], "IsTruncated": False, "Marker": "", "MaxItems": "100"},
        )
        stubber.add_client_error(
            "list_resource_record_sets", "AccessDenied", "not allowed", http_status_code=403
        )
        stubber.add_client_error(
            "list_query_logging_configs", "AccessDenied", "nope", http_status_code=403
        )
        stubber.activate()

    res = run("route53", "global", stub)
    assert res.error is None
    assert res.data == {"hosted_zones": [{"HostedZone": zone}]}
    assert res.gaps == [
        {
            "account_id": ACCOUNT,
            "region": "global",
            "collector": "route53",
            "operation": op,
            "error_code": "AccessDenied",
            "message": msg,
        }
        for op, msg in (
            ("ListResourceRecordSets", "not allowed"),
            ("ListQueryLoggingConfigs", "nope"),
        )
    ]
