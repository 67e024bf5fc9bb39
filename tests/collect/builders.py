"""Helpers for collector tests: run one unit, build moto resources, inject AWS errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse

from edgekit.aws.iam import iam_action
from edgekit.aws.partitions import GLOBAL
from edgekit.aws.session import ClientHook, SessionSpec
from edgekit.collect.registry import collectors_by_id
from edgekit.collect.runner import UnitResult, WorkUnit, run_unit
from edgekit.collect.targets import AccountAccess

ACCOUNT = "123456789012"
ACCESS = AccountAccess(ACCOUNT, "aws", SessionSpec())
VISIBILITY = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "m"}


@contextmanager
def shared_moto() -> Iterator[None]:
    """One in-process moto for a whole test module, with the same fake environment as conftest.

    Building an estate (EC2 networking in particular) costs far more than collecting it, so
    modules build theirs once and their tests only read it (each test still gets a fresh unit).
    """
    from moto import mock_aws

    with pytest.MonkeyPatch.context() as mp:
        for var in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN"):
            mp.delenv(var, raising=False)
        mp.setenv("AWS_ACCESS_KEY_ID", "testing")
        mp.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        mp.setenv("AWS_CONFIG_FILE", "/nonexistent/edgekit-test-config")
        mp.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/edgekit-test-credentials")
        mp.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")
        with mock_aws():
            yield


def run(collector: str, region: str, *hooks: ClientHook) -> UnitResult:
    """Run one work unit of ``collector`` (``region`` ``"global"`` means us-east-1)."""
    api_region = "us-east-1" if region == GLOBAL else region
    return run_unit(WorkUnit(collector, ACCESS, region, api_region, tuple(hooks)))


def assert_calls_declared(result: UnitResult, *, exact: bool = False) -> None:
    """Every call the unit made is authorised by an IAM action its collector declares.

    ``exact``: and every declared action was used (the declaration lists nothing extra).
    """
    declared = set(collectors_by_id()[result.collector].actions)
    made = {iam_action(service, op) for service, op in result.calls}
    assert made <= declared, sorted(made - declared)
    if exact:
        assert made == declared, sorted(declared - made)


def error_response(code: str, status: int = 400, message: str = "injected") -> Any:
    """A (http response, parsed) pair botocore accepts from a ``before-call`` handler."""
    return AWSResponse("https://x", status, {}, None), {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"HTTPStatusCode": status},
    }


Responder = Callable[[dict[str, Any]], Any]
"""``api params -> (http response, parsed) or None`` (None: let the call through)."""


def intercept(operation: str, respond: Responder) -> ClientHook:
    """A client hook answering ``operation`` (API name) itself, before anything is sent.

    The call is still counted by the recorder (it counts on ``before-call`` first).
    """

    def hook(client: Any) -> None:
        def remember(params: dict[str, Any], context: dict[str, Any], **_: Any) -> None:
            context["test_api_params"] = dict(params)

        def handler(model: Any, context: dict[str, Any], **_: Any) -> Any:
            if model.name != operation:
                return None
            return respond(context.get("test_api_params", {}))

        client.meta.events.register("before-parameter-build.*.*", remember)
        client.meta.events.register("before-call.*.*", handler)

    return hook


def fail(
    operation: str,
    code: str = "AccessDenied",
    *,
    status: int | None = None,
    when: Callable[[dict[str, Any]], bool] | None = None,
) -> ClientHook:
    """A client hook making ``operation`` fail with ``code``; ``when(params)`` narrows it.

    ``status`` defaults to 403 for denials and 400 otherwise.
    """
    http_status = status or (403 if "Denied" in code or "Unauthorized" in code else 400)

    def respond(params: dict[str, Any]) -> Any:
        if when is None or when(params):
            return error_response(code, http_status)
        return None

    return intercept(operation, respond)


def answer(operation: str, make: Callable[[dict[str, Any]], dict[str, Any]]) -> ClientHook:
    """A client hook answering ``operation`` successfully with ``make(params)``."""
    return intercept(
        operation, lambda params: (AWSResponse("https://x", 200, {}, None), make(params))
    )


def network(region: str) -> tuple[str, list[str]]:
    """A VPC with two subnets in different AZs: (vpc id, subnet ids)."""
    ec2 = boto3.client("ec2", region_name=region)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"{region}{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in enumerate("ab")
    ]
    return vpc, subnets


def load_balancer(region: str, name: str, subnets: list[str], kind: str = "application") -> str:
    """Create a load balancer; returns its ARN."""
    elb = boto3.client("elbv2", region_name=region)
    lb = elb.create_load_balancer(Name=name, Subnets=subnets, Type=kind)["LoadBalancers"][0]
    return str(lb["LoadBalancerArn"])
