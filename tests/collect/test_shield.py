"""The shield collector: not subscribed (moto), subscribed (Stubber: moto 5.2.5 lacks
ListProtectionGroups), denied."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.collect import shapes
from tests.collect.builders import assert_calls_declared, fail, run
from tests.collect.stubs import Stubs

ALB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/alb/0123456789abcdef"
SUBSCRIPTION: dict[str, Any] = {
    "StartTime": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    "EndTime": dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    "TimeCommitmentInSeconds": 31536000,
    "AutoRenew": "ENABLED",
    "ProactiveEngagementStatus": "DISABLED",
    "SubscriptionLimits": {
        "ProtectionLimits": {"ProtectedResourceTypeLimits": []},
        "ProtectionGroupLimits": {
            "MaxProtectionGroups": 20,
            "PatternTypeLimits": {"ArbitraryPatternLimits": {"MaxMembers": 100}},
        },
    },
    "SubscriptionArn": "arn:aws:shield::123456789012:subscription/abc",
}
PROTECTION = {
    "Id": "0f4a2c4e-1111-4a5b-9c1d-000000000001",
    "Name": "alb",
    "ResourceArn": ALB,
    "HealthCheckIds": ["hc-1"],
    "ProtectionArn": "arn:aws:shield::123456789012:protection/p1",
}
GROUP = {
    "ProtectionGroupId": "all-albs",
    "Aggregation": "SUM",
    "Pattern": "BY_RESOURCE_TYPE",
    "ResourceType": "APPLICATION_LOAD_BALANCER",
    "Members": [ALB],
    "ProtectionGroupArn": "arn:aws:shield::123456789012:protection-group/all-albs",
}


def test_not_subscribed_is_data_not_a_gap(moto_aws: None) -> None:
    res = run("shield", "global")
    assert res.data == {"subscription": None}
    assert res.gaps == [] and res.error is None
    assert res.calls == {("shield", "DescribeSubscription"): 1}


def test_denied_subscription_is_unknown(moto_aws: None) -> None:
    res = run("shield", "global", fail("DescribeSubscription", "AccessDeniedException"))
    assert res.data == {}  # absent key: checks report unknown
    assert [(g["operation"], g["error_code"]) for g in res.gaps] == [
        ("DescribeSubscription", "AccessDeniedException")
    ]


def _subscribed() -> Stubs:
    return Stubs("shield").ok("describe_subscription", {"Subscription": SUBSCRIPTION})


def test_subscribed_reads_protections_and_groups() -> None:
    stubs = (
        _subscribed()
        .ok("list_protections", {"Protections": [PROTECTION], "NextToken": "t"})
        .ok("list_protections", {"Protections": []}, {"MaxResults": 100, "NextToken": "t"})
        .ok("list_protection_groups", {"ProtectionGroups": [GROUP]}, {"MaxResults": 100})
    )
    res = run("shield", "global", stubs)
    stubs.assert_done()
    assert res.gaps == []
    data = res.data
    assert data is not None
    assert data["subscription"]["SubscriptionArn"] == SUBSCRIPTION["SubscriptionArn"]
    assert data["protections"] == [PROTECTION]
    assert data["protection_groups"] == [GROUP]
    shapes.assert_conforms(data["subscription"], "shield", "DescribeSubscription", "Subscription")
    shapes.assert_conforms(data["protections"], "shield", "ListProtections", "Protections")
    shapes.assert_conforms(
        data["protection_groups"], "shield", "ListProtectionGroups", "ProtectionGroups"
    )
    assert_calls_declared(res)


@pytest.mark.parametrize("operation", ["list_protections", "list_protection_groups"])
def test_empty_lists_answered_as_not_found(operation: str) -> None:
    stubs = _subscribed()
    for op in ("list_protections", "list_protection_groups"):
        if op == operation:
            stubs.error(op, "ResourceNotFoundException")
        else:
            stubs.ok(
                op, {"Protections": []} if op == "list_protections" else {"ProtectionGroups": []}
            )
    res = run("shield", "global", stubs)
    stubs.assert_done()
    assert res.data is not None
    assert (res.data["protections"], res.data["protection_groups"]) == ([], [])


def test_denied_protections_are_absent() -> None:
    stubs = (
        _subscribed()
        .error("list_protections", "AccessDeniedException")
        .ok("list_protection_groups", {"ProtectionGroups": []})
    )
    res = run("shield", "global", stubs)
    stubs.assert_done()
    assert res.data is not None
    assert "protections" not in res.data and res.data["protection_groups"] == []
    assert [g["operation"] for g in res.gaps] == ["ListProtections"]
