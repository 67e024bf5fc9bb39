"""Fixtures of the sandbox tests: shape-validated clients inside the bridged in-process moto."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.sandbox.shapes import validated_client

ClientFactory = Callable[..., Any]


@pytest.fixture
def client(sandbox_aws: None) -> Iterator[ClientFactory]:
    """``client(service, region="us-east-1")``: a boto3 client checked against botocore's model."""
    yield validated_client


@pytest.fixture
def cf(client: ClientFactory) -> Any:
    """A shape-validated CloudFront client in the bridged mock."""
    return client("cloudfront")
