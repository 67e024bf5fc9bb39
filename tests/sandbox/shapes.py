"""Check API values against botocore's service model: the sandbox must not drift from AWS.

:func:`problems` checks a parsed response (timestamps and blobs as ``datetime`` / ``bytes``)
with :mod:`tests.shapes`: nulls, unknown and missing required members, types, enums, all the
way down. :func:`validated_client` returns a boto3 client whose every successful response is
checked against its operation's output shape (an ``after-call`` hook), and whose requests
botocore validates before sending, as always.
"""

from __future__ import annotations

from typing import Any

import boto3
from botocore.model import OperationModel, Shape
from botocore.validate import ParamValidator

from tests import shapes
from tests.shapes import service_model


def problems(value: Any, shape: Shape, where: str = "$") -> list[str]:
    """Every way ``value`` (a parsed response part: native form) departs from ``shape``."""
    return shapes.errors(value, shape, where, form="native")


def output_problems(service: str, operation: str, parsed: dict[str, Any]) -> list[str]:
    """Problems of a parsed response (minus ResponseMetadata) against the output shape."""
    output = service_model(service).operation_model(operation).output_shape
    body = {k: v for k, v in parsed.items() if k != "ResponseMetadata"}
    if output is None:
        return [f"{operation}: unexpected output {sorted(body)}"] if body else []
    return problems(body, output, operation)


def request_problems(service: str, operation: str, params: dict[str, Any]) -> list[str]:
    """botocore's own parameter validation of a request, as a list of messages."""
    model: OperationModel = service_model(service).operation_model(operation)
    assert model.input_shape is not None
    report = ParamValidator().validate(params, model.input_shape)
    return [report.generate_report()] if report.has_errors() else []


def _check_response(http_response: Any, parsed: dict[str, Any], model: Any, **_: Any) -> None:
    if http_response.status_code >= 300:
        return
    found = output_problems(model.service_model.service_name, model.name, parsed)
    assert not found, "\n".join(found)


def validated_client(service: str, region: str = "us-east-1", **kwargs: Any) -> Any:
    """A boto3 client whose every successful response must conform to its output shape."""
    client = boto3.client(service, region_name=region, **kwargs)  # type: ignore[call-overload]
    client.meta.events.register("after-call.*.*", _check_response)
    return client
