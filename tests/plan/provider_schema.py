"""The Terraform AWS provider's resource schema, read offline from the ``.jsii`` type system of
``@cdktf/provider-aws`` (installed by ``make harness`` in tools/cdk-harness), and a checker of
parsed HCL against it.

Each generated resource class says which Terraform resource it represents (``Represents a
{@link .../docs/resources/cloudfront_distribution aws_cloudfront_distribution}``); its
``<Class>Config`` struct lists the arguments, and every property's documentation links the
Terraform name (``CloudfrontDistribution#viewer_certificate``). Struct-typed properties are
nested blocks. Extracted once per package version into ``.build/aws-provider-schema.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

HARNESS = Path(__file__).resolve().parents[2] / "tools" / "cdk-harness"
PACKAGE = HARNESS / "node_modules" / "@cdktf" / "provider-aws"
META = frozenset({"count", "for_each", "depends_on", "provider", "lifecycle", "provisioner"})
"""Terraform meta-arguments, valid in every resource."""

_REPRESENTS = re.compile(r"docs/resources/(\w+) (aws_\w+)\}")
_ANCHOR = re.compile(r"#(\w+) ")


def _struct_fqn(prop_type: Mapping[str, Any]) -> str | None:
    """The struct a property holds (directly, or as a list / union member), if any."""
    if "fqn" in prop_type and not str(prop_type["fqn"]).startswith("cdktf."):
        return str(prop_type["fqn"])
    if "collection" in prop_type:
        return _struct_fqn(prop_type["collection"]["elementtype"])
    for member in prop_type.get("union", {}).get("types", ()):
        found = _struct_fqn(member)
        if found:
            return found
    return None


def _schema(types: Mapping[str, Any], fqn: str, depth: int = 0) -> dict[str, Any]:
    attrs: list[str] = []
    blocks: dict[str, Any] = {}
    for prop in types.get(fqn, {}).get("properties", ()):
        docs = prop.get("docs", {})
        found = _ANCHOR.search(docs.get("summary", "") + " " + docs.get("remarks", ""))
        name = found.group(1) if found else re.sub(r"(?<!^)([A-Z])", r"_\1", prop["name"]).lower()
        struct = _struct_fqn(prop["type"])
        if struct and depth < 8 and types.get(struct, {}).get("kind") == "interface":
            blocks[name] = _schema(types, struct, depth + 1)
        else:
            attrs.append(name)
    return {"attrs": sorted(attrs), "blocks": blocks}


def _extract() -> dict[str, Any]:
    doc = json.loads((PACKAGE / ".jsii").read_text(encoding="utf-8"))
    types = doc["types"]
    out: dict[str, Any] = {}
    for fqn, t in types.items():
        if t.get("kind") != "class":
            continue
        found = _REPRESENTS.search(t.get("docs", {}).get("summary", ""))
        if found and f"{fqn}Config" in types:
            out[found.group(2)] = _schema(types, f"{fqn}Config")
    return {"version": doc["version"], "resources": out}


@cache
def schema() -> dict[str, Any]:
    """``{resource type: {"attrs": [...], "blocks": {...}}}`` (cached on disk)."""
    if not (PACKAGE / ".jsii").exists():
        raise RuntimeError(f"{PACKAGE} is not installed: run `make harness`")
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    cached = HARNESS / ".build" / f"aws-provider-schema-{version}.json"
    if cached.exists():
        return dict(json.loads(cached.read_text(encoding="utf-8"))["resources"])
    extracted = _extract()
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_text(json.dumps(extracted), encoding="utf-8")
    tmp.replace(cached)
    return dict(extracted["resources"])


def _unquote(name: str) -> str:
    return name[1:-1] if len(name) >= 2 and name[0] == name[-1] == '"' else name


def check_body(body: Mapping[str, Any], spec: Mapping[str, Any], where: str) -> list[str]:
    """Problems of one resource (or block) body against its schema."""
    problems = []
    for key, value in body.items():
        if key.startswith("__"):
            continue
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, dict) and v.get("__is_block__") for v in value)
        ):
            if key in spec["blocks"]:
                for v in value:
                    problems += check_body(v, spec["blocks"][key], f"{where}.{key}")
            elif key not in META:
                problems.append(f"{where}: unknown block {key!r}")
        elif key not in spec["attrs"] and key not in META:
            problems.append(f"{where}: unknown argument {key!r}")
    return problems


def check(parsed: Mapping[str, Any]) -> list[str]:
    """Problems of a parsed HCL document (python-hcl2) against the provider schema: unknown
    resource types, arguments and blocks. Required arguments are not checked: snippets show
    the arguments a step changes in the user's resource blocks."""
    resources = schema()
    problems = []
    for entry in parsed.get("resource", ()):
        for rtype, named in entry.items():
            rtype = _unquote(rtype)
            if rtype not in resources:
                problems.append(f"unknown resource type {rtype!r}")
                continue
            for name, body in named.items():
                problems += check_body(body, resources[rtype], f"{rtype}.{_unquote(name)}")
    return problems
