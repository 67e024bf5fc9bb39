"""CloudFormation property values -> API output shapes, driven by botocore's service model.

CloudFormation spells most edge resources like their APIs, with three systematic differences
this module bridges, so each per-type mapping only states what is really different:

* lists where the API has ``{"Quantity": n, "Items": [...]}`` (CloudFront);
* member-name case (``AcmCertificateArn`` vs ``ACMCertificateArn``);
* strings for numbers and booleans (``"443"``, ``"true"``), text where the API has a blob
  (WAFv2 ``SearchString``: base64 in a snapshot's JSON form).

Members the API shape lacks are dropped; :class:`Unknown` values are dropped too and reported
through ``on_unknown`` (the item then says "not collected" for that member). Only the model
(botocore's JSON files) is read: no client is created, nothing is called.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from botocore.loaders import Loader
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StructureShape

from edgekit.iac.intrinsics import Unknown

OnUnknown = Callable[[str, Unknown], None]

_BOOL = {"true": True, "false": False}


@cache
def _model(service: str) -> ServiceModel:
    loader = Loader()
    return ServiceModel(loader.load_service_model(service, "service-2"), service)


@cache
def shape(service: str, name: str) -> Shape:
    """botocore's shape ``name`` of ``service``."""
    return _model(service).shape_for(name)


@cache
def _members(sh: StructureShape) -> dict[str, str]:
    return {name.lower(): name for name in sh.members}


def convert(
    value: Any,
    service: str,
    name: str,
    on_unknown: OnUnknown,
    *,
    renames: Mapping[str, str] | None = None,
    where: str = "",
) -> Any:
    """``value`` (CloudFormation form) in the shape ``service:name`` (a snapshot's JSON form).

    ``renames`` maps CloudFormation member names that are not a case variant of the API's
    (``Locations`` -> ``Items``), at any depth.
    """
    return _convert(value, shape(service, name), on_unknown, renames or {}, where)


def _convert(
    value: Any, sh: Shape, on_unknown: OnUnknown, renames: Mapping[str, str], where: str
) -> Any:
    if isinstance(value, Unknown):
        on_unknown(where, value)
        return None
    if isinstance(sh, StructureShape):
        members = sh.members
        if isinstance(value, list) and "Items" in members and "Quantity" in members:
            value = {"Items": value}
        if not isinstance(value, dict):
            return None
        out: dict[str, Any] = {}
        for key, val in value.items():
            api = renames.get(key) or _members(sh).get(key.lower())
            if api is None:
                continue
            converted = _convert(val, members[api], on_unknown, renames, f"{where}.{key}")
            if converted is not None:
                out[api] = converted
        if "Quantity" in members and "Items" in members:
            items = out.get("Items", [])
            out["Quantity"] = len(items)
            if not items:
                out.pop("Items", None)
        return out
    if isinstance(sh, ListShape):
        if not isinstance(value, list):
            value = [value]
        out_list = []
        for i, v in enumerate(value):
            converted = _convert(v, sh.member, on_unknown, renames, f"{where}[{i}]")
            if converted is not None:
                out_list.append(converted)
        return out_list
    if isinstance(sh, MapShape):
        return dict(value) if isinstance(value, dict) else None
    return _scalar(value, sh.type_name)


def _scalar(value: Any, kind: str) -> Any:
    if kind in ("integer", "long"):
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    if kind in ("float", "double"):
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        return _BOOL.get(str(value).lower())
    if kind == "blob":
        return base64.b64encode(str(value).encode()).decode()
    if isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
