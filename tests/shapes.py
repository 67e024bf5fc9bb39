"""A recursive validator of API values against botocore's shapes, for every test that needs one.

:func:`errors` walks a value and a shape together, all the way down, and reports each departure:
``None`` values, missing **required** members, unknown members, map keys and values, types
(a bool is not a number) and enum values. Two behaviours are the caller's to choose, explicitly:

* ``form``: how timestamps and blobs appear. ``"json"``: ISO 8601 and base64 strings, as in
  payloads after :func:`edgekit.snapshot.jsonable` (snapshots, collected items, factories);
  ``"native"``: ``datetime`` and ``bytes``, as in boto3's parsed responses.
* ``enums``: check enum values (default), or not where an endpoint is known to stray.

Document types (free-form JSON by definition) are not looked into.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any, Literal

import botocore.session
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StringShape, StructureShape

Form = Literal["json", "native"]


@cache
def service_model(service: str) -> ServiceModel:
    """botocore's model of ``service``."""
    return botocore.session.get_session().get_service_model(service)


@cache
def shape(service: str, name: str) -> Shape:
    """botocore's shape ``name`` of ``service``."""
    return service_model(service).shape_for(name)


def shape_at(service: str, operation: str, path: str = "") -> Shape:
    """The shape at ``path`` inside ``operation``'s output.

    ``path`` is dotted member names; a ``[]`` suffix steps into a list's member, e.g.
    ``"LoadBalancers[]"`` or ``"HostedZone"``. An empty path is the whole output.
    """
    found: Shape | None = service_model(service).operation_model(operation).output_shape
    for part in [p for p in path.split(".") if p]:
        name, is_list = (part[:-2], True) if part.endswith("[]") else (part, False)
        if not isinstance(found, StructureShape) or name not in found.members:
            raise KeyError(f"{service}:{operation} output has no member {part!r} ({path})")
        found = found.members[name]
        if is_list:
            if not isinstance(found, ListShape):
                raise KeyError(f"{service}:{operation}: {name!r} is not a list ({path})")
            found = found.member
    assert found is not None
    return found


def errors(value: Any, sh: Shape, where: str = "$", *, form: Form, enums: bool = True) -> list[str]:
    """Every mismatch between ``value`` and shape ``sh`` (empty when it conforms)."""
    out: list[str] = []
    _check(value, sh, where, out, _SCALARS[form], enums)
    return out


Scalars = dict[str, Callable[[Any], bool]]


def _check(value: Any, sh: Shape, where: str, out: list[str], ok: Scalars, enums: bool) -> None:
    if value is None:
        out.append(f"{where}: null where {sh.name} ({sh.type_name}) expected")
        return
    if getattr(sh, "is_document_type", False) or sh.serialization.get("jsonvalue"):
        return  # free-form JSON by definition
    if isinstance(sh, StructureShape):
        if not _expect(isinstance(value, dict), value, sh, where, out):
            return
        out.extend(
            f"{where}: missing required member {name!r} of {sh.name}"
            for name in sh.required_members
            if name not in value
        )
        for key, val in value.items():
            if key not in sh.members:
                out.append(f"{where}: unknown member {key!r} in {sh.name}")
            else:
                _check(val, sh.members[key], f"{where}.{key}", out, ok, enums)
    elif isinstance(sh, ListShape):
        if _expect(isinstance(value, list), value, sh, where, out):
            for i, item in enumerate(value):
                _check(item, sh.member, f"{where}[{i}]", out, ok, enums)
    elif isinstance(sh, MapShape):
        if _expect(isinstance(value, dict), value, sh, where, out):
            for key, val in value.items():
                _check(key, sh.key, f"{where}<key>", out, ok, enums)
                _check(val, sh.value, f"{where}[{key!r}]", out, ok, enums)
    elif sh.type_name not in ok:  # pragma: no cover - botocore has no other kinds today
        out.append(f"{where}: unsupported shape kind {sh.type_name}")
    elif not _expect(ok[sh.type_name](value), value, sh, where, out):
        return
    elif enums and isinstance(sh, StringShape) and sh.enum and value not in sh.enum:
        out.append(f"{where}: {value!r} is not one of {sh.name} {list(sh.enum)}")


def _expect(ok: bool, value: Any, sh: Shape, where: str, out: list[str]) -> bool:
    if not ok:
        out.append(
            f"{where}: {type(value).__name__} {value!r:.60} where {sh.name} ({sh.type_name}) "
            "expected"
        )
    return ok


def _number(value: Any, kinds: type | tuple[type, ...]) -> bool:
    return isinstance(value, kinds) and not isinstance(value, bool)


def _iso_timestamp(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _base64(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


_COMMON: Scalars = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: _number(v, int),
    "long": lambda v: _number(v, int),
    "float": lambda v: _number(v, (int, float)),
    "double": lambda v: _number(v, (int, float)),
    "boolean": lambda v: isinstance(v, bool),
}
_SCALARS: dict[Form, Scalars] = {
    "json": {**_COMMON, "timestamp": _iso_timestamp, "blob": _base64},
    "native": {
        **_COMMON,
        "timestamp": lambda v: isinstance(v, dt.datetime),
        "blob": lambda v: isinstance(v, bytes | bytearray),
    },
}
