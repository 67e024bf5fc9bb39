"""Check API values against botocore's service model: the sandbox must not drift from AWS.

:func:`problems` walks a value and a botocore shape together and reports unknown members,
missing required members and wrong types (enums included). :func:`validated_client` returns a
boto3 client whose every successful response is checked against its operation's output shape
(an ``after-call`` hook), and whose requests botocore validates before sending, as always.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import boto3
import botocore.session
from botocore.model import ListShape, MapShape, OperationModel, ServiceModel, Shape, StructureShape
from botocore.validate import ParamValidator


@cache
def service_model(service: str) -> ServiceModel:
    """botocore's model of ``service``."""
    return botocore.session.get_session().get_service_model(service)


def problems(value: Any, shape: Shape, where: str = "$") -> list[str]:
    """Every way ``value`` departs from ``shape``; empty when it conforms."""
    out: list[str] = []
    _walk(value, shape, where, out)
    return out


def _walk(value: Any, shape: Shape, where: str, out: list[str]) -> None:
    if isinstance(shape, StructureShape):
        if not isinstance(value, dict):
            out.append(f"{where}: {type(value).__name__} where structure {shape.name}")
            return
        out.extend(
            f"{where}: required member {name!r} of {shape.name} missing"
            for name in shape.required_members
            if name not in value
        )
        for key, child in value.items():
            if key not in shape.members:
                out.append(f"{where}: unknown member {key!r} in {shape.name}")
            else:
                _walk(child, shape.members[key], f"{where}.{key}", out)
    elif isinstance(shape, ListShape):
        if not isinstance(value, list):
            out.append(f"{where}: {type(value).__name__} where list {shape.name}")
            return
        for index, child in enumerate(value):
            _walk(child, shape.member, f"{where}[{index}]", out)
    elif isinstance(shape, MapShape):
        if not isinstance(value, dict):
            out.append(f"{where}: {type(value).__name__} where map {shape.name}")
            return
        for key, child in value.items():
            _walk(child, shape.value, f"{where}[{key!r}]", out)
    else:
        _scalar(value, shape, where, out)


_SCALARS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "double": (int, float),
    "float": (int, float),
    "boolean": (bool,),
    "timestamp": (dt.datetime,),
    "blob": (bytes, bytearray),
}


def _scalar(value: Any, shape: Shape, where: str, out: list[str]) -> None:
    kinds = _SCALARS.get(shape.type_name)
    if kinds is None:
        out.append(f"{where}: unsupported shape type {shape.type_name}")
    elif not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
        out.append(f"{where}: {type(value).__name__} {value!r:.50} where {shape.type_name}")
    else:
        enum = getattr(shape, "enum", None)
        if enum and value not in enum:
            out.append(f"{where}: {value!r} is not one of {list(enum)}")


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
