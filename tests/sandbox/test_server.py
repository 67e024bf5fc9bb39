"""The sandbox server: 127.0.0.1 only, seeded, bridged, and answering boto3 and the AWS CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.sandbox.server import Sandbox, start
from tests.sandbox.shapes import validated_client

FAKE = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """One sandbox server for the module, with the small seed estate."""
    with start(port=0, seed="small") as running:
        yield running


def _client(sandbox: Sandbox, service: str, region: str = "us-east-1") -> Any:
    return validated_client(service, region, endpoint_url=sandbox.url, **FAKE)


def test_it_listens_on_loopback_only(sandbox: Sandbox) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", sandbox.url)
    assert sandbox.running and sandbox.port == int(sandbox.url.rsplit(":", 1)[1])
    server = sandbox._server  # the bound socket itself
    assert server is not None and server.server_address[0] == "127.0.0.1"


def test_the_seed_estate_is_served_with_the_bridge(sandbox: Sandbox) -> None:
    info = sandbox.seed_info
    assert info is not None
    cf = _client(sandbox, "cloudfront")
    summaries = cf.list_distributions()["DistributionList"]["Items"]
    assert [s["Id"] for s in summaries] == [info.distribution_id]
    config = cf.get_distribution_config(Id=info.distribution_id)["DistributionConfig"]
    assert config["Origins"]["Items"][0]["OriginAccessControlId"] == info.origin_access_control_id
    assert config["DefaultCacheBehavior"]["FunctionAssociations"]["Quantity"] == 1
    managed = cf.list_cache_policies(Type="managed")["CachePolicyList"]
    assert "658327ea-f89d-4fab-a63d-7e88639e58f6" in {
        i["CachePolicy"]["Id"] for i in managed["Items"]
    }
    assert cf.list_vpc_origins()["VpcOriginList"]["Quantity"] == 0
    oai = cf.create_cloud_front_origin_access_identity(
        CloudFrontOriginAccessIdentityConfig={"CallerReference": "srv", "Comment": "server"}
    )["CloudFrontOriginAccessIdentity"]
    listed = cf.list_cloud_front_origin_access_identities()["CloudFrontOriginAccessIdentityList"]
    assert [i["Id"] for i in listed["Items"]] == [oai["Id"]]
    waf = _client(sandbox, "wafv2", info.origin.region)
    assert waf.list_resources_for_web_acl(WebACLArn=info.web_acl_arn)["ResourceArns"] == []
    elbv2 = _client(sandbox, "elbv2", info.origin.region)
    assert len(elbv2.describe_load_balancers()["LoadBalancers"]) == 1


def test_the_services_moto_lacks_are_served(sandbox: Sandbox) -> None:
    ga = _client(sandbox, "globalaccelerator", "us-west-2")
    accelerator = ga.create_accelerator(Name="srv", IdempotencyToken="srv")["Accelerator"]
    assert [a["AcceleratorArn"] for a in ga.list_accelerators()["Accelerators"]] == [
        accelerator["AcceleratorArn"]
    ]
    for service, region in (("waf", "us-east-1"), ("waf-regional", "eu-west-1")):
        waf = _client(sandbox, service, region)
        token = waf.get_change_token()["ChangeToken"]
        acl = waf.create_web_acl(
            Name="srv", MetricName="srv", DefaultAction={"Type": "ALLOW"}, ChangeToken=token
        )["WebACL"]
        assert waf.list_web_acls()["WebACLs"] == [{"WebACLId": acl["WebACLId"], "Name": "srv"}]
    shield = _client(sandbox, "shield")
    shield.create_subscription()
    shield.create_protection_group(ProtectionGroupId="all", Aggregation="MAX", Pattern="ALL")
    assert [
        g["ProtectionGroupId"] for g in shield.list_protection_groups()["ProtectionGroups"]
    ] == ["all"]


def test_the_aws_cli_gets_the_managed_policies(sandbox: Sandbox) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE="/nonexistent/edgekit-test-config",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent/edgekit-test-credentials",
    )
    aws = Path(sys.executable).with_name("aws")  # the dev extra installs the AWS CLI
    assert aws.exists(), f"{aws} is missing: install the dev extra"
    done = subprocess.run(
        [
            str(aws),
            "cloudfront",
            "list-response-headers-policies",
            "--type",
            "managed",
            "--endpoint-url",
            sandbox.url,
            "--output",
            "json",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)["ResponseHeadersPolicyList"]["Items"]
    names = {i["ResponseHeadersPolicy"]["ResponseHeadersPolicyConfig"]["Name"] for i in items}
    assert "Managed-SecurityHeadersPolicy" in names


def test_edgekit_collects_the_seed_estate_without_errors_or_gaps(sandbox: Sandbox) -> None:
    from edgekit.aws.session import SessionSpec
    from edgekit.collect.api import collect

    info = sandbox.seed_info
    assert info is not None
    result = collect(
        SessionSpec(endpoint_url=sandbox.url, max_attempts=1),
        regions=["us-east-1", info.origin.region],
        collectors=["cloudfront", "wafv2", "elbv2", "route53", "acm"],
        progress=False,
    )
    snapshot = result.snapshot
    assert result.failed_units == 0 and snapshot.gaps == []
    cloudfront = next(p["data"] for p in snapshot.payloads if p["collector"] == "cloudfront")
    (distribution,) = cloudfront["distributions"]
    origins = distribution["Distribution"]["DistributionConfig"]["Origins"]["Items"]
    assert origins[0]["OriginAccessControlId"] == info.origin_access_control_id
    secret = origins[1]["CustomHeaders"]["Items"][0]["HeaderValue"]
    assert secret.startswith("hmac-sha256:") and info.origin_verify_secret not in secret
    assert {i["Type"] for i in cloudfront["cache_policies"]} == {"managed"}
    assert [f["FunctionMetadata"]["Stage"] for f in cloudfront["functions"]].count("LIVE") == 1
