"""Finding the inputs: CloudFormation templates, ``cdk.out/`` folders, Terraform JSON documents.

A path is a template file (``.json`` / ``.yaml`` / ``.yml`` / ``.template``), a ``terraform show
-json`` document (recognised by its ``format_version`` + ``planned_values`` / ``values``), a
``cdk.out`` folder (its ``manifest.json``: every ``aws:cloudformation:stack`` artifact, nested
stacks through their ``AWS::CloudFormation::Stack`` resources' asset paths) or a folder of
templates. Anything else is an :class:`~edgekit.errors.InputError` naming the path.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from edgekit.errors import InputError
from edgekit.iac.cfn_yaml import load_yaml

TEMPLATE_SUFFIXES = (".json", ".yaml", ".yml", ".template")


@dataclass(frozen=True)
class Template:
    """One CloudFormation stack template to import."""

    path: str
    """The file, as given or relative to its cdk.out folder's parent (for findings)."""
    stack: str
    body: dict[str, Any]
    account: str | None = None
    region: str | None = None
    parent: str | None = None
    """Logical id of the ``AWS::CloudFormation::Stack`` resource for a nested stack."""


@dataclass(frozen=True)
class TerraformDoc:
    """One ``terraform show -json`` document (plan or state)."""

    path: str
    body: dict[str, Any]


@dataclass
class Inputs:
    """Every template and Terraform document found under the given paths."""

    templates: list[Template] = field(default_factory=list)
    terraform: list[TerraformDoc] = field(default_factory=list)


def discover(paths: Iterable[str]) -> Inputs:
    """Read every input under ``paths`` (see the module docstring)."""
    found = Inputs()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        if path.is_dir():
            if (path / "manifest.json").is_file():
                found.templates.extend(_cdk_out(path))
            else:
                files = sorted(p for p in path.iterdir() if p.suffix in TEMPLATE_SUFFIXES)
                if not files:
                    raise InputError(f"{raw}: no templates and no cdk.out manifest.json in it")
                for f in files:
                    _add_file(found, f, str(f))
        else:
            _add_file(found, path, raw)
    return found


def read_document(path: Path, shown: str) -> Any:
    """Parse a JSON or YAML file; a clear error naming the file otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{shown}: cannot read ({err})") from None
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return load_yaml(text)
    except yaml.YAMLError as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"{shown}: neither JSON nor CloudFormation YAML ({first})") from None


def _add_file(found: Inputs, path: Path, shown: str) -> None:
    doc = read_document(path, shown)
    if not isinstance(doc, dict):
        raise InputError(f"{shown}: not a template (top level is not an object)")
    if "format_version" in doc and ("planned_values" in doc or "values" in doc):
        found.terraform.append(TerraformDoc(shown, doc))
    elif isinstance(doc.get("Resources"), dict):
        stack = path.name.split(".")[0]
        found.templates.append(Template(shown, stack, doc))
    else:
        raise InputError(
            f"{shown}: neither a CloudFormation template (no Resources) nor a "
            "`terraform show -json` document"
        )


def _cdk_out(folder: Path) -> list[Template]:
    manifest = read_document(folder / "manifest.json", str(folder / "manifest.json"))
    artifacts = manifest.get("artifacts") if isinstance(manifest, dict) else None
    if not isinstance(artifacts, dict):
        raise InputError(f"{folder}/manifest.json: no artifacts (not a cdk.out manifest)")
    out: list[Template] = []
    for name, art in sorted(artifacts.items()):
        if not isinstance(art, dict):
            continue
        if art.get("type") == "cdk:cloud-assembly":  # a stage: its own nested assembly
            sub = (art.get("properties") or {}).get("directoryName")
            if isinstance(sub, str) and (folder / sub / "manifest.json").is_file():
                out.extend(_cdk_out(folder / sub))
            continue
        if art.get("type") != "aws:cloudformation:stack":
            continue
        props = art.get("properties") or {}
        file = props.get("templateFile")
        if not isinstance(file, str):
            raise InputError(f"{folder}/manifest.json: stack {name} has no templateFile")
        account, region = _environment(str(art.get("environment", "")))
        stack = str(props.get("stackName") or art.get("displayName") or name)
        out.extend(_with_nested(folder, folder / file, stack, account, region, None))
    return out


def _with_nested(
    folder: Path,
    file: Path,
    stack: str,
    account: str | None,
    region: str | None,
    parent: str | None,
) -> list[Template]:
    body = read_document(file, str(file))
    if not isinstance(body, dict) or not isinstance(body.get("Resources"), dict):
        raise InputError(f"{file}: not a CloudFormation template (no Resources)")
    out = [Template(str(file), stack, body, account, region, parent)]
    for logical_id, res in sorted(body["Resources"].items()):
        if not isinstance(res, dict) or res.get("Type") != "AWS::CloudFormation::Stack":
            continue
        asset = (res.get("Metadata") or {}).get("aws:asset:path")
        if isinstance(asset, str) and (folder / asset).is_file():
            nested = f"{stack}-{logical_id}"
            out.extend(_with_nested(folder, folder / asset, nested, account, region, logical_id))
    return out


def _environment(env: str) -> tuple[str | None, str | None]:
    """``aws://123456789012/eu-west-1`` -> (account, region); ``unknown-*`` parts -> None."""
    if not env.startswith("aws://"):
        return None, None
    account, _, region = env.removeprefix("aws://").partition("/")
    return (
        account if account.isdigit() else None,
        region if region and not region.startswith("unknown") else None,
    )
