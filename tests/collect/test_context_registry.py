"""The context collectors are registered, phased after what they read, declared in the IAM
policy, and still read-only."""

from __future__ import annotations

import json

import pytest

from edgekit import cli
from edgekit.aws import guard
from edgekit.aws.iam import iam_action
from edgekit.collect import registry
from edgekit.collect.runner import phases

CONTEXT = (
    "ec2",
    "elb",
    "s3",
    "apigateway",
    "apigatewayv2",
    "lambda",
    "waf",
    "waf-regional",
    "shield",
    "globalaccelerator",
)


def test_registered_with_docstrings() -> None:
    by_id = registry.collectors_by_id()
    for cid in CONTEXT:
        spec = by_id[cid]
        assert spec.description
        assert spec.collect.__doc__
        module = __import__(spec.collect.__module__, fromlist=["x"])
        assert "absent key" in (module.__doc__ or "").lower(), cid


def test_dependents_run_in_a_later_phase() -> None:
    order = {s.id: i for i, phase in enumerate(phases(registry.select())) for s in phase}
    for cid, before in (
        ("ec2", ("elbv2", "elb")),
        ("s3", ("cloudfront", "elbv2", "elb")),
        ("lambda", ("cloudfront", "elbv2")),
    ):
        assert all(order[b] < order[cid] for b in before), cid


def test_iam_policy_includes_every_declared_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["iam-policy"]) == 0
    [statement] = json.loads(capsys.readouterr().out)["Statement"]
    actions = set(statement["Action"])
    for cid in CONTEXT:
        assert set(registry.collectors_by_id()[cid].actions) <= actions, cid
    assert {"s3:ListAllMyBuckets", "s3:GetAccountPublicAccessBlock", "apigateway:GET"} <= actions
    assert all(
        ":" in a and not a.split(":")[1].startswith(("Put", "Create", "Delete")) for a in actions
    )


@pytest.mark.parametrize(
    ("service", "operation", "action"),
    [
        ("s3", "ListBuckets", "s3:ListAllMyBuckets"),
        ("s3", "HeadBucket", "s3:ListBucket"),
        ("s3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"),
        ("s3control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
        ("s3", "GetBucketPolicy", "s3:GetBucketPolicy"),
        (
            "elb",
            "DescribeLoadBalancerPolicies",
            "elasticloadbalancing:DescribeLoadBalancerPolicies",
        ),
        ("apigatewayv2", "GetRoutes", "apigateway:GET"),
        ("waf-regional", "ListResourcesForWebACL", "waf-regional:ListResourcesForWebACL"),
    ],
)
def test_iam_action_names(service: str, operation: str, action: str) -> None:
    assert iam_action(service, operation) == action


def test_guard_allows_head_bucket_and_nothing_else_new() -> None:
    allow = guard.AllowList(registry.declared_actions())
    assert allow.allows("s3", "HeadBucket")
    for op in ("PutBucketPolicy", "DeleteBucket", "HeadObject", "GetObject", "CreateSubscription"):
        assert not allow.allows("s3", op)
