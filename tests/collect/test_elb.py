"""The Classic ELB collector: load balancers, policies (and predefined ones), attributes, tags."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from botocore.stub import Stubber

from edgekit.aws.session import SessionSpec
from edgekit.collect import elb
from edgekit.collect.base import UnitContext
from tests.collect import shapes
from tests.collect.builders import ACCOUNT, assert_calls_declared, fail, run, shared_moto

R = "eu-west-1"
MANY = "eu-central-1"
"""21 bare Classic ELBs: two DescribeTags batches."""
CERT = "arn:aws:iam::123456789012:server-certificate/site"


@pytest.fixture(scope="module")
def estate() -> Iterator[None]:
    """Built once per module; tests only read it."""
    with shared_moto():
        build()
        yield


def build() -> None:
    c = boto3.client("elb", region_name=R)
    c.create_load_balancer(
        LoadBalancerName="web",
        Listeners=[
            {"Protocol": "HTTP", "LoadBalancerPort": 80, "InstancePort": 80},
            {
                "Protocol": "HTTPS",
                "LoadBalancerPort": 443,
                "InstanceProtocol": "HTTP",
                "InstancePort": 80,
                "SSLCertificateId": CERT,
            },
        ],
        AvailabilityZones=[f"{R}a", f"{R}b"],
        Tags=[{"Key": "team", "Value": "edge"}],
    )
    c.create_load_balancer_policy(
        LoadBalancerName="web",
        PolicyName="tls",
        PolicyTypeName="SSLNegotiationPolicyType",
        PolicyAttributes=[
            {
                "AttributeName": "Reference-Security-Policy",
                "AttributeValue": "ELBSecurityPolicy-2016-08",
            }
        ],
    )
    c.set_load_balancer_policies_of_listener(
        LoadBalancerName="web", LoadBalancerPort=443, PolicyNames=["tls"]
    )
    c.modify_load_balancer_attributes(
        LoadBalancerName="web",
        LoadBalancerAttributes={
            "AccessLog": {"Enabled": True, "S3BucketName": "clb-logs", "EmitInterval": 5},
            "ConnectionDraining": {"Enabled": True, "Timeout": 300},
        },
    )
    many = boto3.client("elb", region_name=MANY)
    for i in range(21):
        many.create_load_balancer(
            LoadBalancerName=f"lb{i}",
            Listeners=[{"Protocol": "TCP", "LoadBalancerPort": 80, "InstancePort": 80}],
            AvailabilityZones=[f"{MANY}a"],
        )


def test_collects_load_balancers_with_policies_and_attributes(estate: None) -> None:
    res = run("elb", R)
    assert res.error is None and res.gaps == []
    data = res.data
    assert data is not None
    [lb] = data["load_balancers"]
    assert lb["LoadBalancerDescription"]["LoadBalancerName"] == "web"
    listeners = {
        d["Listener"]["LoadBalancerPort"]: d
        for d in lb["LoadBalancerDescription"]["ListenerDescriptions"]
    }
    assert listeners[443]["PolicyNames"] == ["tls"]
    assert lb["LoadBalancerAttributes"]["AccessLog"]["S3BucketName"] == "clb-logs"
    assert lb["LoadBalancerAttributes"]["ConnectionDraining"]["Enabled"] is True
    [policy] = lb["PolicyDescriptions"]
    assert policy["PolicyAttributeDescriptions"] == [
        {
            "AttributeName": "Reference-Security-Policy",
            "AttributeValue": "ELBSecurityPolicy-2016-08",
        }
    ]
    assert lb["Tags"] == [{"Key": "team", "Value": "edge"}]
    # moto 5.2.5 does not describe predefined policies: the name is looked up and left out
    assert data["reference_policies"] == []
    shapes.assert_conforms(
        lb["LoadBalancerDescription"], "elb", "DescribeLoadBalancers", "LoadBalancerDescriptions[]"
    )
    shapes.assert_conforms(
        lb["LoadBalancerAttributes"],
        "elb",
        "DescribeLoadBalancerAttributes",
        "LoadBalancerAttributes",
    )
    shapes.assert_conforms(
        lb["PolicyDescriptions"], "elb", "DescribeLoadBalancerPolicies", "PolicyDescriptions"
    )
    shapes.assert_conforms(lb["Tags"], "elb", "DescribeTags", "TagDescriptions[].Tags")
    assert_calls_declared(res)


def test_call_counts_batch_tags(estate: None) -> None:
    res = run("elb", MANY)
    assert res.data is not None and len(res.data["load_balancers"]) == 21
    assert res.calls == {
        ("elb", "DescribeLoadBalancers"): 1,
        ("elb", "DescribeTags"): 2,
        ("elb", "DescribeLoadBalancerAttributes"): 21,
        ("elb", "DescribeLoadBalancerPolicies"): 21,
    }
    assert res.data["reference_policies"] == []  # nothing referenced: no call


def test_denied_listing_is_a_gap_and_nothing_is_collected(estate: None) -> None:
    res = run("elb", R, fail("DescribeLoadBalancers"))
    assert res.data == {}
    assert [(g["operation"], g["error_code"]) for g in res.gaps] == [
        ("DescribeLoadBalancers", "AccessDenied")
    ]


def test_denied_policies_leave_their_key_out(estate: None) -> None:
    res = run("elb", R, fail("DescribeLoadBalancerPolicies"))
    assert res.data is not None
    [lb] = res.data["load_balancers"]
    assert "PolicyDescriptions" not in lb and "LoadBalancerAttributes" in lb
    assert res.data["reference_policies"] == []  # nothing readable references one
    assert {g["operation"] for g in res.gaps} == {"DescribeLoadBalancerPolicies"}


PREDEFINED = {
    "PolicyName": "ELBSecurityPolicy-2016-08",
    "PolicyTypeName": "SSLNegotiationPolicyType",
    "PolicyAttributeDescriptions": [
        {"AttributeName": "Protocol-TLSv1", "AttributeValue": "true"},
        {"AttributeName": "Protocol-TLSv1.2", "AttributeValue": "true"},
    ],
}


def _ctx() -> UnitContext:
    return UnitContext("elb", ACCOUNT, R, R, "aws", SessionSpec())


def test_reference_policies_one_call_for_all_names() -> None:
    client = boto3.client("elb", region_name=R)
    with Stubber(client) as stub:
        stub.add_response(
            "describe_load_balancer_policies",
            {"PolicyDescriptions": [PREDEFINED]},
            {"PolicyNames": ["ELBSecurityPolicy-2016-08"]},
        )
        got = elb.reference_policies(_ctx(), client, ["ELBSecurityPolicy-2016-08"])
        stub.assert_no_pending_responses()
    assert got == [PREDEFINED]


def test_reference_policies_fall_back_per_name_on_unknown() -> None:
    client = boto3.client("elb", region_name=R)
    names = ["ELBSecurityPolicy-2016-08", "Custom-Unknown"]
    with Stubber(client) as stub:
        stub.add_client_error("describe_load_balancer_policies", "PolicyNotFound")
        stub.add_response(
            "describe_load_balancer_policies",
            {"PolicyDescriptions": [PREDEFINED]},
            {"PolicyNames": [names[0]]},
        )
        stub.add_client_error(
            "describe_load_balancer_policies",
            "PolicyNotFound",
            expected_params={"PolicyNames": [names[1]]},
        )
        got = elb.reference_policies(_ctx(), client, names)
        stub.assert_no_pending_responses()
    assert got == [PREDEFINED]


def test_reference_policies_denied_is_none() -> None:
    client = boto3.client("elb", region_name=R)
    ctx = _ctx()
    with Stubber(client) as stub:
        stub.add_client_error(
            "describe_load_balancer_policies", "AccessDenied", http_status_code=403
        )
        assert elb.reference_policies(ctx, client, ["ELBSecurityPolicy-2016-08"]) is None
    assert [g.operation for g in ctx.gaps] == ["DescribeLoadBalancerPolicies"]
