"""The read-only guard refuses mutations before anything is sent."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.aws.calls import CallRecorder
from edgekit.aws.guard import is_read_only
from edgekit.aws.session import USER_AGENT_EXTRA, SessionSpec
from edgekit.errors import ReadOnlyError


def _sent_requests(client: Any) -> list[str]:
    sent: list[str] = []

    def on_send(request: Any, **_: Any) -> None:
        sent.append(request.url)
        raise AssertionError("a request was sent")

    client.meta.events.register("before-send.*.*", on_send)
    return sent


@pytest.mark.parametrize(
    ("service", "operation", "kwargs"),
    [
        ("cloudfront", "delete_distribution", {"Id": "E1", "IfMatch": "x"}),
        ("elbv2", "delete_load_balancer", {"LoadBalancerArn": "arn:aws:elasticloadbalancing:x"}),
        ("wafv2", "update_web_acl", {}),
        ("route53", "change_resource_record_sets", {}),
        ("s3", "put_bucket_policy", {"Bucket": "b", "Policy": "{}"}),
        ("sts", "assume_role_with_saml", {}),
    ],
)
def test_mutation_refused_before_send(service: str, operation: str, kwargs: dict[str, Any]) -> None:
    client = SessionSpec().client(service, "us-east-1")
    sent = _sent_requests(client)
    with pytest.raises(ReadOnlyError, match="read-only"):
        getattr(client, operation)(**kwargs)
    assert sent == []


def test_reads_pass_the_guard() -> None:
    client = SessionSpec(endpoint_url="http://127.0.0.1:9").client("cloudfront", "us-east-1")
    seen: list[str] = []

    def on_send(request: Any, **_: Any) -> None:
        seen.append(request.url)
        raise ConnectionAbortedError("stop here")  # do not actually connect

    client.meta.events.register("before-send.*.*", on_send)
    with pytest.raises(ConnectionAbortedError):
        client.list_distributions()
    assert seen and seen[0].startswith("http://127.0.0.1:9/")


@pytest.mark.parametrize(
    ("service", "operation", "expected"),
    [
        ("cloudfront", "ListDistributions", True),
        ("elbv2", "DescribeLoadBalancers", True),
        ("wafv2", "GetWebACL", True),
        ("sts", "AssumeRole", True),
        ("sts", "GetCallerIdentity", True),
        ("cloudfront", "CreateDistribution", False),
        ("wafv2", "PutLoggingConfiguration", False),
        ("s3", "PutObject", False),
        ("sts", "AssumeRoleWithWebIdentity", False),
        ("ec2", "AuthorizeSecurityGroupIngress", False),
    ],
)
def test_is_read_only(service: str, operation: str, expected: bool) -> None:
    assert is_read_only(service, operation) is expected


def test_client_configuration() -> None:
    client = SessionSpec(max_attempts=7).client("elbv2", "eu-west-1")
    cfg = client.meta.config
    assert USER_AGENT_EXTRA in (cfg.user_agent_extra or "")
    assert cfg.retries == {"mode": "adaptive", "total_max_attempts": 7}
    assert client.meta.region_name == "eu-west-1"


def test_recorder_counts_calls_once_each(moto_aws: None) -> None:
    rec = CallRecorder()
    client = SessionSpec().client("route53", "us-east-1", recorder=rec)
    client.list_hosted_zones()
    client.list_hosted_zones()
    assert rec.counts() == {("route53", "ListHostedZones"): 2}
    assert rec.total == 2
