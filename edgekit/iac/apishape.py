"""CloudFormation property values -> API output shapes, driven by botocore's service model.

CloudFormation spells most edge resources like their APIs, with three systematic differences
this module bridges, so each per-type mapping only states what is really different:

* lists where the API has ``{"Quantity": n, "Items": [...]}`` (CloudFront);
* member-name case (``AcmCertificateArn`` vs ``ACMCertificateArn``);
* strings for numbers and booleans (``"443"``, ``"true"``), text where the API has a blob
  (WAFv2 ``SearchString``: base64 in a snapshot's JSON form).

Members the API shape lacks are dropped. An :class:`Unknown` value is reported through
``on_unknown`` and becomes a :class:`Pending` member carrying the values the API allows there
(an enum's values, both booleans ...), settled by :meth:`~edgekit.iac.estate.Estate.settle`
into the item's ``_iac.unresolved`` list (docs/iac.md); a structure only known at deploy time
is left out. Only the model (botocore's JSON files) is read: no client is created, nothing is
called.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from botocore.loaders import Loader
from botocore.model import ListShape, MapShape, ServiceModel, Shape, StringShape, StructureShape

from edgekit.iac.intrinsics import Unknown

OnUnknown = Callable[[str, Unknown], None]

_BOOL = {"true": True, "false": False}
# Integers only known at deploy time are tried at these values (none, a port, a year in seconds).
INT_PROBES = (0, 443, 31536000)


@dataclass
class Pending:
    """A member only known at deploy time, kept in place until the item is settled."""

    unknown: Unknown
    values: list[Any] = field(default_factory=list)
    """Values the API allows there, each tried by the scan (empty: not varied)."""
    absent: bool = False
    """Leaving the member out is also possible (an optional member)."""
    text: bool = False
    """A string: the snapshot holds a reserved ``.invalid`` placeholder meanwhile."""
    prop: str = ""
    """The property as the template spells it (``DistributionConfig.Origins[0].Id``)."""


def pending(unknown: Unknown, sh: Shape, required: bool, prop: str = "") -> Pending | None:
    """The :class:`Pending` of a member of shape ``sh`` (None: a structure, left out)."""
    kind, prop = sh.type_name, prop.lstrip(".")
    if isinstance(sh, StringShape):
        return Pending(unknown, list(sh.enum), not required, text=True, prop=prop)
    if kind == "boolean":
        return Pending(unknown, [False, True], not required, prop=prop)
    if kind in ("integer", "long"):
        return Pending(unknown, list(INT_PROBES), not required, prop=prop)
    if isinstance(sh, ListShape) and isinstance(sh.member, StringShape) and sh.member.enum:
        enum = list(sh.member.enum)
        return Pending(unknown, [[v] for v in enum] + [enum], not required, prop=prop)
    return None


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


def _items_block(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], dict)
        and any(str(k).lower() == "items" for k in value[0])
    )


def _member(sh: StructureShape, key: str) -> str | None:
    """The API member a CloudFormation or Terraform key names: any case, snake_case, and
    Terraform's singular block names (``rule`` -> ``Rules``, ``text_transformation``)."""
    names = _members(sh)
    flat = key.replace("_", "").lower()
    return names.get(flat) or names.get(f"{flat}s")


def convert(
    value: Any,
    service: str,
    name: str,
    on_unknown: OnUnknown,
    *,
    renames: Mapping[str, str] | None = None,
    where: str = "",
) -> Any:
    """``value`` (CloudFormation form, or Terraform's: snake_case keys, blocks as lists) in the
    shape ``service:name`` (a snapshot's JSON form).

    ``renames`` maps CloudFormation member names that are not a case variant of the API's
    (``Locations`` -> ``Items``), at any depth.
    """
    return _convert(value, shape(service, name), on_unknown, renames or {}, where)


def _convert(
    value: Any,
    sh: Shape,
    on_unknown: OnUnknown,
    renames: Mapping[str, str],
    where: str,
    required: bool = True,
) -> Any:
    if isinstance(value, Unknown):
        on_unknown(where, value)
        return pending(value, sh, required, where)
    if isinstance(value, Pending):
        return value
    if isinstance(sh, StructureShape):
        members = sh.members
        if _items_block(value):  # Terraform's {items = [...]} block of a Quantity/Items shape
            value = value[0]
        if isinstance(value, list) and "Items" in members and "Quantity" in members:
            value = {"Items": value}
        elif isinstance(value, list) and len(value) <= 1:  # a Terraform block (max one)
            value = value[0] if value else None
        if not isinstance(value, dict):
            return None
        out: dict[str, Any] = {}
        for key, val in value.items():
            api = renames.get(key) or _member(sh, key)
            if api is None:
                continue
            converted = _convert(
                val,
                members[api],
                on_unknown,
                renames,
                f"{where}.{key}",
                api in sh.required_members,
            )
            if converted is not None:
                out[api] = converted
        if "Quantity" in members and "Items" in members:
            items = out.get("Items", [])
            if isinstance(items, Pending):  # settled with its Items (Estate.settle)
                out["Quantity"] = 0
                return out
            out["Quantity"] = len(items)
            if not items:
                out.pop("Items", None)
        return out
    if isinstance(sh, ListShape):
        if not isinstance(value, list):
            value = [value]
        out_list = []
        for i, v in enumerate(value):
            converted = _convert(v, sh.member, on_unknown, renames, f"{where}[{i}]", True)
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
