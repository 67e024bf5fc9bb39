"""What every Terraform type mapping shares: :class:`TfType`, :func:`to_cfn` and helpers.

Each :class:`TfType` turns a resource's Terraform values into the CloudFormation properties
of the equivalent resource (:func:`to_cfn` does the mechanical part: ``snake_case`` to
``PascalCase``, blocks of at most one element to objects, renames where CloudFormation spells
a member otherwise) and names the attributes other resources reference (``arn``, ``dns_name``
...) with their synthetic values when the document does not know them yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.iac.identity import IDENTITIES, Place
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.translate import Translator

Props = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]
"""(Terraform values, Terraform identity) -> CloudFormation properties."""


@dataclass(frozen=True)
class TfType:
    """How one Terraform type becomes a CloudFormation resource."""

    cfn_type: str
    cfn: Translator
    props: Props
    attrs: Mapping[str, str] = field(default_factory=dict)
    """CloudFormation identity key (``Ref``, ``Arn``, ``DNSName`` ...) -> Terraform attribute
    (``arn|id``: several attributes with that value)."""
    names: Mapping[str, str] = field(default_factory=dict)
    """CloudFormation property the identity reads (``Name``) -> Terraform attribute."""
    constants: Mapping[str, Any] = field(default_factory=dict)
    """Terraform attributes with a fixed value (CloudFront's alias hosted zone id)."""

    def synthetic(
        self, address: str, known: Mapping[str, Any], account: str, region: str
    ) -> dict[str, Any]:
        """Terraform attributes from the synthetic identity (for values not known yet)."""
        ident = IDENTITIES.get(self.cfn_type)
        if ident is None:
            return dict(self.constants)

        def prop(name: str) -> Any:
            return known.get(self.names.get(name, snake(name)))

        # names and ARNs take the address in AWS's character set (module-alb-aws-lb-this)
        name = re.sub(r"[^A-Za-z0-9]+", "-", address).strip("-")
        cfn = ident(Place(account, region, "aws", "", name), prop)
        out = dict(self.constants)
        for key, names in self.attrs.items():
            if key in cfn:
                out.update({tf: cfn[key] for tf in names.split("|")})
        return out

    def cfn_ident(self, tf: Mapping[str, Any]) -> dict[str, Any]:
        """The CloudFormation identity the translator reads, from Terraform attributes."""
        out: dict[str, Any] = {}
        for key, names in self.attrs.items():
            found = [tf[n] for n in names.split("|") if n in tf]
            if found:
                out[key] = found[0]
        return out


def snake(name: str) -> str:
    """``BucketName`` -> ``bucket_name``."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def pascal(name: str) -> str:
    """``origin_protocol_policy`` -> ``OriginProtocolPolicy``."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def to_cfn(
    value: Any,
    renames: Mapping[str, str] | None = None,
    singles: Collection[str] = (),
    empty_ids: Collection[str] = (),
    parent: str = "",
) -> Any:
    """Terraform values in CloudFormation's form.

    ``renames`` maps a Terraform key (or ``parent/key``) to its CloudFormation name; keys in
    ``singles`` are blocks of at most one element (made objects); keys in ``empty_ids`` are
    left out when empty (Terraform's ``""`` for "none"). Nulls and empty lists are left out.
    """
    renames = renames or {}
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, v in value.items():
            if v is None or v == [] or (key in empty_ids and v == ""):
                continue
            if key in singles and isinstance(v, list):
                v = v[0]
            name = renames.get(f"{parent}/{key}") or renames.get(key) or pascal(key)
            out[name] = to_cfn(v, renames, singles, empty_ids, key)
        return out
    if isinstance(value, list):
        return [to_cfn(v, renames, singles, empty_ids, parent) for v in value]
    return value


def tags(values: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Terraform's ``tags`` map as CloudFormation's ``[{Key, Value}]``."""
    raw = values.get("tags")
    if not isinstance(raw, dict):
        return []
    return [{"Key": k, "Value": v} for k, v in sorted(raw.items()) if not isinstance(v, Unknown)]


def without(values: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    """``values`` without Terraform's computed or meta attributes ``keys``."""
    return {k: v for k, v in values.items() if k not in keys}


COMPUTED = ("id", "arn", "tags", "tags_all", "etag", "timeouts")
"""Attributes every type may have that are not part of the configuration."""


def first_block(values: dict[str, Any], block: str) -> dict[str, Any]:
    """The first element of block ``block`` (Terraform's list of at most one), or {}."""
    found = values.get(block)
    first = found[0] if isinstance(found, list) and found else None
    return first if isinstance(first, dict) else {}


def put(props: dict[str, Any], name: str, value: Any) -> None:
    """``props[name] = value`` unless the value is Terraform's null, "" or [] ("not set")."""
    if value is not None and value != "" and value != []:
        props[name] = value


def pick(values: dict[str, Any], *names: str) -> dict[str, Any]:
    """``values[name]`` under CloudFormation's spelling, for the names that are set."""
    out: dict[str, Any] = {}
    for name in names:
        put(out, pascal(name), values.get(name))
    return out
