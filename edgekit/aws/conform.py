"""Responses must conform to their operation's output shape: never read a broken 200 as "none".

botocore reads an unparseable JSON body as ``{"message": body}`` and an empty REST-XML body as
``{}``; a collector would then see "no items" where the page was lost. Every client edgekit
creates carries three hooks (:func:`install`):

* ``before-parse``: a 2xx body must be what the protocol promises: a JSON object whose members
  have the shape's types (lists are lists, structures objects ...) for JSON protocols, a
  well-formed ``<OperationResponse>`` document for query/EC2, well-formed XML for REST-XML
  whenever the shape has body members. A body that is not is replaced by an empty one (so the
  parser cannot crash) and the response is marked;
* ``needs-retry``: a marked response, or one missing a **required** top-level list, map or
  structure member (of the output shape, or of its payload structure), is retried like a
  transient error, up to the client's attempts;
* ``after-call``: a response still marked after the last attempt raises
  :class:`MalformedResponseError` naming the operation, which fails the work unit.

Absent optional members stay legal (AWS omits empty lists): only what the shape requires, and
the types it declares, are enforced.
"""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET
from typing import Any

from botocore.exceptions import BotoCoreError
from botocore.model import ListShape, MapShape, Shape, StructureShape

MARK = "EdgekitMalformed"
"""Key added to a parsed response that did not conform (removed before the caller sees it)."""

_JSON = frozenset({"json", "rest-json"})
_QUERY = frozenset({"query", "ec2"})
_NUMBER = frozenset({"integer", "long", "float", "double"})
JSON_TEXT_PAYLOADS = frozenset({"s3:GetBucketPolicy"})
"""Operations whose whole body is a string payload that AWS documents as a JSON document (the
bucket policy): a body that is not a JSON object is broken, not a policy. Found by the
corrupting proxy test: a truncated policy was otherwise read as the policy."""


class MalformedResponseError(BotoCoreError):
    """A 2xx response that does not conform to its operation's output shape."""

    fmt = "malformed {operation} response: {reason}"


def _payload(shape: StructureShape) -> Shape | None:
    name = shape.serialization.get("payload")
    return shape.members.get(name) if name else None


def _body_members(shape: StructureShape) -> dict[str, Shape]:
    return {n: m for n, m in shape.members.items() if not m.serialization.get("location")}


def raw_problem(
    protocol: str, operation: str, shape: Shape | None, body: bytes, *, json_text: bool = False
) -> str | None:
    """Why a 2xx ``body`` cannot be ``operation``'s output, or None when it can.

    ``json_text``: the body is a string payload documented as a JSON document
    (:data:`JSON_TEXT_PAYLOADS`).
    """
    if not isinstance(shape, StructureShape):
        return None
    payload = _payload(shape)
    if payload is not None and payload.type_name != "structure":
        if not body:
            return "empty body"
        return _json_text_problem(body) if json_text else None  # a raw string/blob payload
    expects_body = payload is not None or bool(_body_members(shape))
    if protocol in _JSON:
        if not body.strip():
            return "empty body" if expects_body else None
        try:
            value = json.loads(body)
        except ValueError:
            return "body is not JSON"
        target = payload if isinstance(payload, StructureShape) else shape
        return json_problem(value, target, "$")
    if protocol in _QUERY or (protocol == "rest-xml" and expects_body):
        try:
            root = ET.fromstring(body)
        except ET.ParseError as err:
            return f"body is not well-formed XML ({err})"
        tag = root.tag.rpartition("}")[2]
        if protocol in _QUERY and tag != f"{operation}Response":
            return f"XML root <{tag}> is not <{operation}Response>"
    return None


def _json_text_problem(body: bytes) -> str | None:
    try:
        value = json.loads(body.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError is a ValueError
        return "body is not a JSON document"
    return None if isinstance(value, dict) else "body is not a JSON object"


def json_problem(value: Any, shape: Shape, where: str) -> str | None:
    """The first place where a JSON value departs from ``shape``'s types (nulls allowed)."""
    if value is None:
        return None
    kind = shape.type_name
    if isinstance(shape, StructureShape):
        if not isinstance(value, dict):
            return f"{where} is not an object"
        if shape.is_document_type:
            return None
        for name, member in _body_members(shape).items():
            key = member.serialization.get("name", name)
            if key in value and (found := json_problem(value[key], member, f"{where}.{key}")):
                return found
        return None
    if isinstance(shape, ListShape):
        if not isinstance(value, list):
            return f"{where} is not a list"
        items = (json_problem(v, shape.member, f"{where}[{i}]") for i, v in enumerate(value))
        return next((p for p in items if p), None)
    if isinstance(shape, MapShape):
        if not isinstance(value, dict):
            return f"{where} is not a map"
        values = (json_problem(v, shape.value, f"{where}.{k}") for k, v in value.items())
        return next((p for p in values if p), None)
    if kind == "string" and not isinstance(value, str):
        return f"{where} is not a string"
    if kind == "boolean" and not isinstance(value, bool):
        return f"{where} is not a boolean"
    if kind in _NUMBER and (isinstance(value, bool) or not isinstance(value, int | float)):
        return f"{where} is not a number"
    return None


def _required_data(shape: StructureShape) -> list[str]:
    """Required members that carry data (lists, maps, structures); required scalars such as an
    echoed ``Marker`` are not enforced (endpoints omit them without losing anything)."""
    return [
        m
        for m in shape.required_members
        if isinstance(shape.members.get(m), ListShape | MapShape | StructureShape)
    ]


def required_problem(parsed: dict[str, Any], shape: Shape | None) -> str | None:
    """A required list/map/structure member missing at the top level (or in the payload)."""
    if not isinstance(shape, StructureShape):
        return None
    missing = [m for m in _required_data(shape) if m not in parsed]
    payload_name = str(shape.serialization.get("payload") or "")
    payload = _payload(shape)
    if isinstance(payload, StructureShape) and isinstance(parsed.get(payload_name), dict):
        inner = parsed[payload_name]
        missing += [f"{payload_name}.{m}" for m in _required_data(payload) if m not in inner]
    return f"required member(s) missing: {', '.join(missing)}" if missing else None


class Conformance:
    """The three hooks of one client (see the module docstring)."""

    def __init__(self, max_attempts: int) -> None:
        self.max_attempts = max(1, max_attempts)

    def before_parse(
        self,
        operation_model: Any,
        response_dict: dict[str, Any],
        customized_response_dict: dict[str, Any],
        **_: Any,
    ) -> None:
        """Check a 2xx body before botocore parses it; neutralise and mark a broken one."""
        if not 200 <= int(response_dict.get("status_code", 0)) < 300:
            return
        if operation_model.has_streaming_output:
            return
        protocol = str(operation_model.service_model.resolved_protocol)
        body = response_dict.get("body") or b""
        name = f"{operation_model.service_model.service_name}:{operation_model.name}"
        problem = raw_problem(
            protocol,
            operation_model.name,
            operation_model.output_shape,
            body,
            json_text=name in JSON_TEXT_PAYLOADS,
        )
        if problem is None:
            return
        customized_response_dict[MARK] = problem
        if protocol in _JSON:
            response_dict["body"] = b"{}"
        elif protocol in _QUERY:
            shape = operation_model.output_shape
            wrapper = shape.serialization.get("resultWrapper") if shape is not None else None
            inner = f"<{wrapper}/>" if wrapper else ""
            name = operation_model.name
            response_dict["body"] = f"<{name}Response>{inner}</{name}Response>".encode()
        else:
            response_dict["body"] = b""

    def needs_retry(self, response: Any, operation: Any, attempts: int, **_: Any) -> float | None:
        """Retry a non-conforming 2xx like a transient error (None: let botocore decide)."""
        if response is None:
            return None
        http, parsed = response
        if not 200 <= int(http.status_code) < 300 or not isinstance(parsed, dict):
            return None
        problem = parsed.get(MARK) or required_problem(parsed, operation.output_shape)
        if problem is None:
            return None
        parsed[MARK] = problem
        if attempts >= self.max_attempts:
            return None
        return float(min(2.0, 0.05 * 2**attempts) * random.uniform(0.5, 1.0))

    def after_call(self, parsed: Any, model: Any, **_: Any) -> None:
        """Fail the call when the last attempt still did not conform."""
        if isinstance(parsed, dict) and MARK in parsed:
            reason = str(parsed.pop(MARK))
            service = model.service_model.service_name
            raise MalformedResponseError(operation=f"{service}:{model.name}", reason=reason)


def install(client: Any, max_attempts: int) -> None:
    """Register the conformance hooks on a botocore/boto3 client."""
    hooks = Conformance(max_attempts)
    events = client.meta.events
    events.register("before-parse.*.*", hooks.before_parse, unique_id="edgekit-conform-parse")
    events.register_first("needs-retry", hooks.needs_retry, unique_id="edgekit-conform-retry")
    events.register("after-call.*.*", hooks.after_call, unique_id="edgekit-conform-after")
