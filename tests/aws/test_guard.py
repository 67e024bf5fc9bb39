"""The read-only guard refuses mutations before anything is sent."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from edgekit.aws.calls import CallRecorder
from edgekit.aws.guard import AllowList
from edgekit.aws.session import USER_AGENT_EXTRA, SessionSpec
from edgekit.collect.registry import declared_actions
from edgekit.errors import ReadOnlyError


def _sent_requests(client: Any) -> list[str]:
    sent: list[str] = []

    def on_send(request: Any, **_: Any) -> None:
        sent.append(request.url)
        raise AssertionError("a request was sent")

    client.meta.events.register("before-send.*.*", on_send)
    return sent


GUARDED = SessionSpec().allowing(declared_actions())
"""A spec allowing exactly what the collectors declare (what every collection uses)."""


@pytest.mark.parametrize(
    ("service", "operation", "kwargs"),
    [
        ("cloudfront", "delete_distribution", {"Id": "E1", "IfMatch": "x"}),
        ("elbv2", "delete_load_balancer", {"LoadBalancerArn": "arn:aws:elasticloadbalancing:x"}),
        ("wafv2", "update_web_acl", {}),
        ("route53", "change_resource_record_sets", {}),
        ("s3", "put_bucket_policy", {"Bucket": "b", "Policy": "{}"}),
        ("sts", "assume_role_with_saml", {}),
        # named like reads, but they create an identity, mint credentials, return a secret:
        ("cognito-identity", "get_id", {"IdentityPoolId": "us-east-1:x"}),
        ("sts", "get_federation_token", {"Name": "x"}),
        ("secretsmanager", "get_secret_value", {"SecretId": "x"}),
        ("s3", "get_object", {"Bucket": "b", "Key": "k"}),
        ("apigateway", "delete_rest_api", {"restApiId": "a"}),  # apigateway:DELETE, not GET
    ],
)
def test_undeclared_operations_refused_before_send(
    service: str, operation: str, kwargs: dict[str, Any]
) -> None:
    client = GUARDED.client(service, "us-east-1")
    sent = _sent_requests(client)
    with pytest.raises(ReadOnlyError, match="read-only"):
        getattr(client, operation)(**kwargs)
    assert sent == []


def test_a_spec_without_allow_list_refuses_everything() -> None:
    client = SessionSpec().client("cloudfront", "us-east-1")
    sent = _sent_requests(client)
    with pytest.raises(ReadOnlyError, match="cloudfront:ListDistributions"):
        client.list_distributions()
    assert sent == []


def test_reads_pass_the_guard() -> None:
    client = replace(GUARDED, endpoint_url="http://127.0.0.1:9").client("cloudfront", "us-east-1")
    seen: list[str] = []

    def on_send(request: Any, **_: Any) -> None:
        seen.append(request.url)
        raise ConnectionAbortedError("stop here")  # do not actually connect

    client.meta.events.register("before-send.*.*", on_send)
    with pytest.raises(ConnectionAbortedError):
        client.list_distributions()
    assert seen and seen[0].startswith("http://127.0.0.1:9/")


@pytest.mark.parametrize(
    ("service", "operation", "method", "expected"),
    [
        ("cloudfront", "ListDistributions", "GET", True),
        ("elbv2", "DescribeLoadBalancers", "POST", True),
        ("wafv2", "GetWebACL", "POST", True),
        ("sts", "AssumeRole", "POST", True),
        ("sts", "GetCallerIdentity", "POST", True),
        ("apigateway", "GetRestApis", "GET", True),
        ("apigateway", "DeleteRestApi", "DELETE", False),
        ("cloudfront", "CreateDistribution", "POST", False),
        ("wafv2", "PutLoggingConfiguration", "POST", False),
        ("s3", "PutObject", "PUT", False),
        ("sts", "AssumeRoleWithWebIdentity", "POST", False),
        ("sts", "GetFederationToken", "POST", False),
        ("sts", "GetSessionToken", "POST", False),
        ("cognito-identity", "GetId", "POST", False),
        ("cognito-identity", "GetCredentialsForIdentity", "POST", False),
        ("secretsmanager", "GetSecretValue", "POST", False),
        ("ssm", "GetParameter", "POST", False),
        ("ec2", "AuthorizeSecurityGroupIngress", "POST", False),
        ("ec2", "GetPasswordData", "POST", False),
    ],
)
def test_allow_list(service: str, operation: str, method: str, expected: bool) -> None:
    assert AllowList(declared_actions()).allows(service, operation, method) is expected


def test_declared_actions_are_reads() -> None:
    """The allow-list itself: every declared action reads (Describe/List/Get/GET, AssumeRole,
    s3:ListBucket for HeadBucket)."""
    for action in declared_actions():
        name = action.split(":", 1)[1]
        assert name.startswith(("Describe", "List", "Get")) or name in {"AssumeRole", "GET"}, action


def test_new_collector_actions_need_no_guard_edit() -> None:
    spec = SessionSpec().allowing([*declared_actions(), "cloudwatch:GetMetricData"])
    allow = AllowList(spec.allowed_actions)
    assert allow.allows("cloudwatch", "GetMetricData", "POST")
    assert not allow.allows("cloudwatch", "PutMetricData", "POST")


def test_client_configuration() -> None:
    client = SessionSpec(max_attempts=7).client("elbv2", "eu-west-1")
    cfg = client.meta.config
    assert USER_AGENT_EXTRA in (cfg.user_agent_extra or "")
    assert cfg.retries == {"mode": "adaptive", "total_max_attempts": 7}
    assert client.meta.region_name == "eu-west-1"


def test_recorder_counts_calls_once_each(moto_aws: None) -> None:
    rec = CallRecorder()
    client = GUARDED.client("route53", "us-east-1", recorder=rec)
    client.list_hosted_zones()
    client.list_hosted_zones()
    assert rec.counts() == {("route53", "ListHostedZones"): 2}
    assert rec.total == 2
