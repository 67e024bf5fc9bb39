"""Terraform ``terraform show -json`` documents (plan or state) -> the estate.

A plan's ``planned_values`` (or a state's ``values``) is flattened over its child modules;
``resource_changes[].change.after_unknown`` marks the values only known after apply. Such a
value is resolved when the plan's ``configuration`` says it is a plain reference to another
resource of the document (``aws_lb.this.dns_name``, through module outputs and input
variables too): it then takes that resource's synthetic (or, in a state, real) attribute, as
CloudFormation's ``Fn::GetAtt`` does. Anything else stays an :class:`Unknown` (docs/iac.md).
Each ``aws_*`` resource is translated by :mod:`.tf_types` into the CloudFormation form and
handed to the CloudFormation translators, so both inputs share one mapping per service.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from edgekit.errors import InputError
from edgekit.iac import tf_types
from edgekit.iac.estate import Estate, Origin, Resource
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.sources import TerraformDoc

AFTER_APPLY = "known after apply"
DEFAULT_ACCOUNT = "000000000000"
_ARN = re.compile(r"^arn:[^:]+:[^:]*:([^:]*):(\d{12})?:")
_INDEX = re.compile(r"\[[^\]]*\]")


@dataclass
class TfResource:
    """One managed resource of the document, values with unknowns marked."""

    address: str
    type: str
    module: str
    """``module.a.module.b`` ('' at the root): where its references are resolved."""
    values: dict[str, Any]
    expressions: dict[str, Any] = field(default_factory=dict)
    """Its ``configuration`` expressions (for the references of unknown values)."""


def import_terraform(doc: TerraformDoc, estate: Estate, *, account: str, region: str) -> None:
    """Translate the ``aws_*`` resources of one document (plan or state) into ``estate``."""
    body = doc.body
    root = (body.get("planned_values") or body.get("values") or {}).get("root_module")
    if not isinstance(root, dict):
        raise InputError(f"{doc.path}: no planned_values/values root_module")
    unknowns = {
        str(rc.get("address")): (rc.get("change") or {}).get("after_unknown") or {}
        for rc in body.get("resource_changes") or []
        if isinstance(rc, dict)
    }
    config = (body.get("configuration") or {}).get("root_module") or {}
    region = _provider_region(body) or region
    if account == DEFAULT_ACCOUNT:  # no --account: the one account the document's ARNs name
        seen = {m.group(2) for m in map(_ARN.match, _arns(root)) if m and m.group(2)}
        account = seen.pop() if len(seen) == 1 else account
    resources = [
        TfResource(
            str(r["address"]),
            str(r["type"]),
            _module_of(str(r["address"])),
            _with_unknowns(r.get("values") or {}, unknowns.get(str(r["address"]), {})),
            _expressions(config, str(r["address"])),
        )
        for r in _flatten(root)
        if r.get("mode", "managed") == "managed" and str(r.get("type", "")).startswith("aws_")
    ]
    world = _World(resources, config, account, region, doc.path)
    for res in resources:
        translate = tf_types.TRANSLATORS.get(res.type)
        if translate is None:
            continue
        values = world.resolved(res)
        place = world.place(res, values)
        origin = Origin(doc.path, res.address, res.type)
        ident = world.ident(res)
        props = translate.props(values, ident)
        resource = Resource(origin, props, place[0], place[1], "aws", translate.cfn_ident(ident))
        translate.cfn(resource, estate)


def _arns(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _arns(v)
    elif isinstance(value, list):
        for v in value:
            yield from _arns(v)
    elif isinstance(value, str) and value.startswith("arn:"):
        yield value


def _flatten(module: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for r in module.get("resources") or []:
        if isinstance(r, dict) and "address" in r and "type" in r:
            yield r
    for child in module.get("child_modules") or []:
        if isinstance(child, dict):
            yield from _flatten(child)


def _module_of(address: str) -> str:
    parts = address.split(".")
    out: list[str] = []
    while len(parts) >= 2 and parts[0] == "module":
        out += parts[:2]
        parts = parts[2:]
    return ".".join(out)


def _with_unknowns(values: Any, unknown: Any) -> Any:
    """``values`` with an :class:`Unknown` wherever ``after_unknown`` says ``true``."""
    if unknown is True:
        return Unknown(AFTER_APPLY)
    if isinstance(unknown, dict) and isinstance(values, dict | type(None)):
        out = dict(values or {})
        for key, sub in unknown.items():
            if sub is True or (sub and key in out):
                out[key] = _with_unknowns(out.get(key), sub)
        return out
    if isinstance(unknown, list) and isinstance(values, list | type(None)):
        items = list(values or [])
        return [
            _with_unknowns(items[i] if i < len(items) else None, sub)
            for i, sub in enumerate(unknown)
        ] + items[len(unknown) :]
    return values


def _expressions(config: dict[str, Any], address: str) -> dict[str, Any]:
    module = _config_module(config, _module_of(address))
    local = _INDEX.sub("", address.removeprefix(_module_of(address)).lstrip("."))
    for r in (module or {}).get("resources") or []:
        if isinstance(r, dict) and r.get("address") == local:
            return dict(r.get("expressions") or {})
    return {}


def _config_module(config: dict[str, Any], module: str) -> dict[str, Any] | None:
    node: dict[str, Any] | None = config
    parts = module.split(".") if module else []
    for name in parts[1::2]:
        call = ((node or {}).get("module_calls") or {}).get(_INDEX.sub("", name))
        node = call.get("module") if isinstance(call, dict) else None
    return node


def _provider_region(body: dict[str, Any]) -> str | None:
    aws = ((body.get("configuration") or {}).get("provider_config") or {}).get("aws") or {}
    region = ((aws.get("expressions") or {}).get("region") or {}).get("constant_value")
    return region if isinstance(region, str) else None


class _World:
    """Every resource of the document by address, and how references between them resolve."""

    def __init__(
        self,
        resources: list[TfResource],
        config: dict[str, Any],
        account: str,
        region: str,
        path: str,
    ) -> None:
        self.by_address = {_INDEX.sub("", r.address): r for r in resources}
        self.by_address.update({r.address: r for r in resources})
        self.config = config
        self.account = account
        self.region = region
        self.path = path
        self._idents: dict[str, dict[str, Any]] = {}

    def place(self, res: TfResource, values: dict[str, Any]) -> tuple[str, str]:
        """(account, region): from the resource's ARN, else the first ARN it refers to (an
        attachment's target group), else the defaults."""
        keys = ["arn", *sorted(k for k in values if k.endswith("_arn"))]
        for key in keys:
            value = values.get(key)
            match = _ARN.match(value) if isinstance(value, str) else None
            if match:
                return (match.group(2) or self.account, match.group(1) or self.region)
        return self.account, self.region

    def ident(self, res: TfResource) -> dict[str, Any]:
        """The Terraform attributes other resources read (known values over synthetic)."""
        if res.address not in self._idents:
            translate = tf_types.TRANSLATORS.get(res.type)
            known = {k: v for k, v in res.values.items() if not isinstance(v, Unknown)}
            account, region = self.place(res, known)
            synthetic = (
                translate.synthetic(res.address, known, account, region) if translate else {}
            )
            self._idents[res.address] = {**synthetic, **known}
        return self._idents[res.address]

    def resolved(self, res: TfResource) -> dict[str, Any]:
        """``res.values`` with unknowns that are plain references replaced."""
        out = self._resolve(res.values, res.expressions, res.module)
        return out if isinstance(out, dict) else {}

    def _resolve(self, value: Any, expr: Any, module: str) -> Any:
        if isinstance(value, Unknown):
            return self._reference(expr, module) if isinstance(expr, dict) else value
        if isinstance(value, dict):
            sub = expr if isinstance(expr, dict) else {}
            return {k: self._resolve(v, sub.get(k), module) for k, v in value.items()}
        if isinstance(value, list):
            subs = expr if isinstance(expr, list) and len(expr) == len(value) else []
            return [
                self._resolve(v, subs[i] if subs else None, module) for i, v in enumerate(value)
            ]
        return value

    def _reference(self, expr: dict[str, Any], module: str, depth: int = 0) -> Any:
        refs = [r for r in expr.get("references") or [] if isinstance(r, str)]
        if not refs or depth > 8:
            return Unknown(AFTER_APPLY)
        ref = refs[0]
        prefix = f"{module}." if module else ""
        if ref.startswith("var."):
            return self._variable(ref.removeprefix("var.").split(".")[0], module, depth)
        if ref.startswith("module."):
            return self._output(ref, module, depth)
        target, _, attr = _INDEX.sub("", ref).rpartition(".")
        found = self.by_address.get(prefix + target)
        if found is None or len(refs) > 3:  # an expression over several values
            return Unknown(f"{AFTER_APPLY} ({ref})")
        value = self.ident(found).get(attr)
        return value if value is not None else Unknown(f"{AFTER_APPLY} ({ref})")

    def _variable(self, name: str, module: str, depth: int) -> Any:
        if not module:
            return Unknown(f"{AFTER_APPLY} (var.{name})")
        parent, _, call = module.rpartition(".module.")
        if not _:
            parent, call = "", module.removeprefix("module.")
        node = _config_module(self.config, parent) or {}
        call_node = (node.get("module_calls") or {}).get(_INDEX.sub("", call)) or {}
        expr = (call_node.get("expressions") or {}).get(name)
        if not isinstance(expr, dict):
            return Unknown(f"{AFTER_APPLY} (var.{name})")
        if "constant_value" in expr:
            return expr["constant_value"]
        return self._reference(expr, parent.removesuffix("."), depth + 1)

    def _output(self, ref: str, module: str, depth: int) -> Any:
        parts = ref.split(".")
        if len(parts) < 3:
            return Unknown(f"{AFTER_APPLY} ({ref})")
        child = f"{module}.module.{parts[1]}" if module else f"module.{parts[1]}"
        node = _config_module(self.config, child) or {}
        output = (node.get("outputs") or {}).get(parts[2]) or {}
        expr = output.get("expression")
        if not isinstance(expr, dict):
            return Unknown(f"{AFTER_APPLY} ({ref})")
        return self._reference(expr, _INDEX.sub("", child), depth + 1)
