"""The ec2 collector: security groups of collected load balancers and the CloudFront prefix list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from edgekit.aws.session import SessionSpec
from edgekit.collect import api, ec2
from edgekit.collect.runner import WorkUnit, run_unit
from tests.collect import shapes
from tests.collect.builders import ACCESS, ACCOUNT, assert_calls_declared, fail, shared_moto

R = "eu-west-1"
BARE = "eu-central-1"
"""A collected region without load balancers: no ec2 unit."""


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, Any]]:
    """An ALB and a Classic ELB with security groups; the ALB's admits only CloudFront."""
    with shared_moto():
        yield build()


def build() -> dict[str, Any]:
    ec2c = boto3.client("ec2", region_name=R)
    vpc = ec2c.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2c.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"{R}{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in enumerate("ab")
    ]
    pl = ec2c.describe_managed_prefix_lists(
        Filters=[{"Name": "prefix-list-name", "Values": [ec2.CLOUDFRONT_PREFIX_LIST]}]
    )["PrefixLists"][0]["PrefixListId"]

    def group(name: str) -> str:
        return str(
            ec2c.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
        )

    locked, classic, peer, unrelated = (group(n) for n in ("locked", "classic", "peer", "other"))
    ec2c.authorize_security_group_ingress(
        GroupId=locked,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "PrefixListIds": [{"PrefixListId": pl}],
            },
            {
                "IpProtocol": "tcp",
                "FromPort": 80,
                "ToPort": 80,
                "UserIdGroupPairs": [{"GroupId": peer}],
            },
        ],
    )
    ec2c.authorize_security_group_ingress(
        GroupId=classic,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 80,
                "ToPort": 80,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
            }
        ],
    )
    boto3.client("elbv2", region_name=R).create_load_balancer(
        Name="alb", Subnets=subnets, SecurityGroups=[locked]
    )
    boto3.client("elb", region_name=R).create_load_balancer(
        LoadBalancerName="clb",
        Listeners=[{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80}],
        Subnets=subnets[:1],
        SecurityGroups=[classic],
    )
    return {"locked": locked, "classic": classic, "peer": peer, "unrelated": unrelated, "pl": pl}


def _collect(*hooks: Any) -> Any:
    return api.collect(
        SessionSpec(),
        regions=[R, BARE],
        collectors=["elbv2", "elb", "ec2"],
        progress=False,
        hooks=tuple(hooks),
    )


def test_collects_load_balancer_groups_and_prefix_list(estate: dict[str, Any]) -> None:
    snap = _collect().snapshot
    data = snap.payload(ACCOUNT, R, "ec2")
    assert data is not None
    ids = [g["GroupId"] for g in data["security_groups"]]
    assert ids == sorted([estate["locked"], estate["classic"]])  # not peer, not unrelated
    locked = next(g for g in data["security_groups"] if g["GroupId"] == estate["locked"])
    perms = {p["FromPort"]: p for p in locked["IpPermissions"]}
    assert perms[443]["PrefixListIds"] == [{"PrefixListId": estate["pl"]}]
    assert perms[80]["UserIdGroupPairs"][0]["GroupId"] == estate["peer"]
    assert [p["PrefixListName"] for p in data["managed_prefix_lists"]] == [
        ec2.CLOUDFRONT_PREFIX_LIST
    ]
    assert data["managed_prefix_lists"][0]["PrefixListId"] == estate["pl"]
    for g in data["security_groups"]:
        shapes.assert_conforms(g, "ec2", "DescribeSecurityGroups", "SecurityGroups[]")
    for p in data["managed_prefix_lists"]:
        shapes.assert_conforms(p, "ec2", "DescribeManagedPrefixLists", "PrefixLists[]")
    assert snap.payload(ACCOUNT, BARE, "ec2") is None  # no load balancer there: unit skipped


def test_calls_one_batch_and_one_lookup(estate: dict[str, Any]) -> None:
    res = run_unit(WorkUnit("ec2", ACCESS, R, R, (), (estate["locked"], estate["classic"])))
    assert res.calls == {
        ("ec2", "DescribeSecurityGroups"): 1,
        ("ec2", "DescribeManagedPrefixLists"): 1,
    }
    assert_calls_declared(res)


def test_batches_of_one_hundred(estate: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ec2, "GROUP_BATCH", 1)
    res = run_unit(WorkUnit("ec2", ACCESS, R, R, (), (estate["locked"], "sg-0000000000gone")))
    assert res.calls[("ec2", "DescribeSecurityGroups")] == 2
    assert res.data is not None
    assert [g["GroupId"] for g in res.data["security_groups"]] == [estate["locked"]]


def test_denied_groups_are_a_gap_and_absent(estate: dict[str, Any]) -> None:
    snap = _collect(fail("DescribeSecurityGroups", "UnauthorizedOperation")).snapshot
    data = snap.payload(ACCOUNT, R, "ec2")
    assert data is not None and "security_groups" not in data
    assert "managed_prefix_lists" in data
    assert [(g["collector"], g["operation"]) for g in snap.gaps] == [
        ("ec2", "DescribeSecurityGroups")
    ]


def test_select_inputs_reads_both_load_balancer_collectors() -> None:
    prior = [
        {
            "account_id": "1",
            "region": R,
            "collector": "elbv2",
            "data": {"load_balancers": [{"LoadBalancer": {"SecurityGroups": ["sg-b", "sg-a"]}}]},
        },
        {
            "account_id": "1",
            "region": R,
            "collector": "elb",
            "data": {"load_balancers": [{"LoadBalancerDescription": {"SecurityGroups": ["sg-c"]}}]},
        },
        {"account_id": "2", "region": R, "collector": "elbv2", "data": {}},
    ]
    assert ec2.select_inputs(prior, "1", R) == ("sg-a", "sg-b", "sg-c")
    assert ec2.select_inputs(prior, "2", R) is None  # load balancers not collected there
    assert ec2.select_inputs(prior, "1", BARE) is None
