"""Validate collected payload items against botocore's output shapes.

Collected items are raw API data after :func:`edgekit.snapshot.jsonable`, so timestamps arrive
as ISO 8601 strings and blobs as base64 strings; both are accepted (as are their native
``datetime`` / ``bytes`` forms). Anything else must match the shape exactly: unknown members,
``None`` values and type mismatches are errors. Enum values are checked too (``strict_enums``),
which catches endpoints inventing values the real API never returns.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from functools import cache
from typing import Any

import botocore.session
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StructureShape


@cache
def service_model(service: str) -> ServiceModel:
    """botocore's service model for ``service`` (cached)."""
    return botocore.session.get_session().get_service_model(service)


def shape_at(service: str, operation: str, path: str = "") -> Shape:
    """The shape at ``path`` inside ``operation``'s output.

    ``path`` is dotted member names; a ``[]`` suffix steps into a list's member, e.g.
    ``"LoadBalancers[]"`` or ``"HostedZone"``. An empty path is the whole output.
    """
    shape: Shape | None = service_model(service).operation_model(operation).output_shape
    for part in [p for p in path.split(".") if p]:
        name, is_list = (part[:-2], True) if part.endswith("[]") else (part, False)
        if not isinstance(shape, StructureShape) or name not in shape.members:
            raise KeyError(f"{service}:{operation} output has no member {part!r} ({path})")
        shape = shape.members[name]
        if is_list:
            if not isinstance(shape, ListShape):
                raise KeyError(f"{service}:{operation}: {name!r} is not a list ({path})")
            shape = shape.member
    assert shape is not None
    return shape


def errors(value: Any, shape: Shape, where: str = "$", *, strict_enums: bool = True) -> list[str]:
    """Every mismatch between ``value`` and ``shape`` (empty when it conforms)."""
    out: list[str] = []
    _check(value, shape, where, out, strict_enums)
    return out


def assert_conforms(
    value: Any, service: str, operation: str, path: str = "", *, strict_enums: bool = True
) -> None:
    """Fail with every mismatch when ``value`` does not conform to the shape at ``path``."""
    problems = errors(
        value, shape_at(service, operation, path), f"{operation}.{path}", strict_enums=strict_enums
    )
    assert not problems, "\n".join(problems)


def _check(value: Any, shape: Shape, where: str, out: list[str], strict_enums: bool) -> None:
    if value is None:
        out.append(f"{where}: null where {shape.name} ({shape.type_name}) expected")
        return
    if getattr(shape, "is_document_type", False) or shape.serialization.get("jsonvalue"):
        return  # free-form JSON by definition
    kind = shape.type_name
    if isinstance(shape, StructureShape):
        if not _expect(isinstance(value, dict), value, shape, where, out):
            return
        for key, val in value.items():
            if key not in shape.members:
                out.append(f"{where}: unknown member {key!r} in {shape.name}")
            else:
                _check(val, shape.members[key], f"{where}.{key}", out, strict_enums)
    elif isinstance(shape, ListShape):
        if _expect(isinstance(value, list), value, shape, where, out):
            for i, item in enumerate(value):
                _check(item, shape.member, f"{where}[{i}]", out, strict_enums)
    elif isinstance(shape, MapShape):
        if _expect(isinstance(value, dict), value, shape, where, out):
            for key, val in value.items():
                _check(key, shape.key, f"{where}<key>", out, strict_enums)
                _check(val, shape.value, f"{where}[{key!r}]", out, strict_enums)
    elif kind == "string":
        if _expect(isinstance(value, str), value, shape, where, out):
            enum = shape.enum
            if strict_enums and enum and value not in enum:
                out.append(f"{where}: {value!r} is not one of {shape.name} {list(enum)}")
    elif kind in ("integer", "long"):
        _expect(isinstance(value, int) and not isinstance(value, bool), value, shape, where, out)
    elif kind in ("float", "double"):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        _expect(ok, value, shape, where, out)
    elif kind == "boolean":
        _expect(isinstance(value, bool), value, shape, where, out)
    elif kind == "timestamp":
        _expect(_is_timestamp(value), value, shape, where, out)
    elif kind == "blob":
        _expect(_is_blob(value), value, shape, where, out)
    else:  # pragma: no cover - botocore has no other kinds today
        out.append(f"{where}: unsupported shape kind {kind}")


def _expect(ok: bool, value: Any, shape: Shape, where: str, out: list[str]) -> bool:
    if not ok:
        out.append(
            f"{where}: {type(value).__name__} {value!r:.60} where {shape.name} "
            f"({shape.type_name}) expected"
        )
    return ok


def _is_timestamp(value: Any) -> bool:
    if isinstance(value, dt.datetime):
        return True
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_blob(value: Any) -> bool:
    if isinstance(value, bytes | bytearray):
        return True
    if not isinstance(value, str):
        return False
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True
