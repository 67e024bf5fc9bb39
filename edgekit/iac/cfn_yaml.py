"""CloudFormation YAML: PyYAML's safe loader plus the short intrinsic tags (``!Ref``, ``!Sub`` ...).

Each tag becomes the long JSON form (``!Ref X`` -> ``{"Ref": "X"}``, ``!GetAtt A.B`` ->
``{"Fn::GetAtt": ["A", "B"]}``), so the resolver only knows one spelling.
"""

from __future__ import annotations

from typing import Any

import yaml

_FN_TAGS = (
    "And",
    "Base64",
    "Cidr",
    "Equals",
    "FindInMap",
    "GetAZs",
    "If",
    "ImportValue",
    "Join",
    "Not",
    "Or",
    "Select",
    "Split",
    "Sub",
    "Transform",
    "Length",
    "ToJsonString",
)


class CfnLoader(yaml.SafeLoader):
    """A safe YAML loader that understands CloudFormation's short intrinsic forms."""


def _node_value(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    raise yaml.constructor.ConstructorError(None, None, f"bad node {node.tag}", node.start_mark)


def _long_form(name: str) -> Any:
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
        return {name: _node_value(loader, node)}

    return construct


def _get_att(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
    value = _node_value(loader, node)
    if isinstance(value, str):
        resource, _, attribute = value.partition(".")
        return {"Fn::GetAtt": [resource, attribute]}
    return {"Fn::GetAtt": value}


CfnLoader.add_constructor("!Ref", _long_form("Ref"))
CfnLoader.add_constructor("!Condition", _long_form("Condition"))
CfnLoader.add_constructor("!GetAtt", _get_att)


# CloudFormation reads unquoted dates (``AWSTemplateFormatVersion: 2010-09-09``) as strings.
def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(_node_value(loader, node))


CfnLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
for _tag in _FN_TAGS:
    CfnLoader.add_constructor(f"!{_tag}", _long_form(f"Fn::{_tag}"))


def load_yaml(text: str) -> Any:
    """Parse a CloudFormation template written in YAML (or JSON, a subset of YAML)."""
    return yaml.load(text, Loader=CfnLoader)
