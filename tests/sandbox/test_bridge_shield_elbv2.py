"""Shield protection groups and ELBv2 default-rule ARNs through the bridge."""

from __future__ import annotations

import re

import pytest
from botocore.exceptions import ClientError

from tests.sandbox.conftest import ClientFactory

ALB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188"


def _code(caught: pytest.ExceptionInfo[ClientError]) -> str:
    return str(caught.value.response["Error"]["Code"])


def test_protection_group_lifecycle(client: ClientFactory) -> None:
    shield = client("shield")
    with pytest.raises(ClientError) as caught:
        shield.create_protection_group(ProtectionGroupId="all", Aggregation="MAX", Pattern="ALL")
    assert _code(caught) == "ResourceNotFoundException"  # no subscription yet
    shield.create_subscription()
    assert shield.list_protection_groups()["ProtectionGroups"] == []
    shield.create_protection_group(ProtectionGroupId="all", Aggregation="MAX", Pattern="ALL")
    shield.create_protection_group(
        ProtectionGroupId="web", Aggregation="SUM", Pattern="ARBITRARY", Members=[ALB]
    )
    shield.create_protection_group(
        ProtectionGroupId="cdn",
        Aggregation="MEAN",
        Pattern="BY_RESOURCE_TYPE",
        ResourceType="CLOUDFRONT_DISTRIBUTION",
    )
    with pytest.raises(ClientError) as caught:
        shield.create_protection_group(ProtectionGroupId="all", Aggregation="MAX", Pattern="ALL")
    assert _code(caught) == "ResourceAlreadyExistsException"
    with pytest.raises(ClientError) as caught:
        shield.create_protection_group(
            ProtectionGroupId="bad", Aggregation="MAX", Pattern="ARBITRARY"
        )
    assert _code(caught) == "InvalidParameterException"
    web = shield.describe_protection_group(ProtectionGroupId="web")["ProtectionGroup"]
    assert web == {
        "ProtectionGroupId": "web",
        "Aggregation": "SUM",
        "Pattern": "ARBITRARY",
        "Members": [ALB],
        "ProtectionGroupArn": "arn:aws:shield::123456789012:protection-group/web",
    }
    first = shield.list_protection_groups(MaxResults=2)
    rest = shield.list_protection_groups(MaxResults=2, NextToken=first["NextToken"])
    listed = [g["ProtectionGroupId"] for g in first["ProtectionGroups"] + rest["ProtectionGroups"]]
    assert listed == ["all", "cdn", "web"]
    shield.update_protection_group(ProtectionGroupId="web", Aggregation="MAX", Pattern="ALL")
    updated = shield.describe_protection_group(ProtectionGroupId="web")["ProtectionGroup"]
    assert (updated["Pattern"], updated["Members"]) == ("ALL", [])
    shield.delete_protection_group(ProtectionGroupId="web")
    with pytest.raises(ClientError) as caught:
        shield.describe_protection_group(ProtectionGroupId="web")
    assert _code(caught) == "ResourceNotFoundException"


def test_default_rule_arns_end_in_sixteen_hex_digits(client: ClientFactory) -> None:
    ec2 = client("ec2", "eu-west-1")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"eu-west-1{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in ((1, "a"), (2, "b"))
    ]
    elbv2 = client("elbv2", "eu-west-1")
    lb = elbv2.create_load_balancer(Name="rules", Subnets=subnets)["LoadBalancers"][0]
    listener = elbv2.create_listener(
        LoadBalancerArn=lb["LoadBalancerArn"],
        Protocol="HTTP",
        Port=80,
        DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}],
    )["Listeners"][0]["ListenerArn"]
    (default,) = elbv2.describe_rules(ListenerArn=listener)["Rules"]
    prefix = listener.replace(":listener/", ":listener-rule/")
    assert re.fullmatch(re.escape(prefix) + r"/[0-9a-f]{16}", default["RuleArn"])
    again = elbv2.describe_rules(RuleArns=[default["RuleArn"]])["Rules"]
    assert [r["RuleArn"] for r in again] == [default["RuleArn"]]
