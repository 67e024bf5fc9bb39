"""The JSON Schema of a patterns file, built from the vocabulary (shipped as
``edge-patterns.schema.json`` next to this module, for editors: Taplo / Even Better TOML read
JSON Schemas for TOML files)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from edgekit.conform.vocabulary import KEYS, SECTIONS, Key, ValueType, path_terms

SCHEMA_FILE: Final = Path(__file__).with_name("edge-patterns.schema.json")
EXAMPLE_FILE: Final = Path(__file__).with_name("edge-patterns.toml")


def _value_schema(key: Key) -> dict[str, Any]:
    if key.type is ValueType.BOOL:
        return {"type": "boolean", "description": key.doc}
    if key.type is ValueType.ENUM:
        return {"type": "string", "enum": list(key.choices), "description": key.doc}
    item: dict[str, Any] = {"type": "string"}
    if key.type is ValueType.ENUM_LIST:
        item["enum"] = list(key.choices)
    out: dict[str, Any] = {"type": "array", "items": item, "description": key.doc}
    if key.type in (ValueType.ENUM_LIST, ValueType.NAMES):
        out["minItems"] = 1
    return out


def _path_item() -> dict[str, Any]:
    terms = path_terms()
    word = "(?:" + "|".join(terms) + ")"
    bare = "(?:" + "|".join(t.removeprefix("origin:") for t in terms if ":" in t) + ")"
    return {
        "type": "string",
        "pattern": f"^{word}(?:\\|(?:{word}|{bare}))*$",
        "description": "a hop kind, or alternatives joined with | (after origin:, the "
        "origin: prefix may be left out)",
    }


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a patterns document."""
    sections = {
        s: {
            "type": "object",
            "additionalProperties": False,
            "properties": {k.name: _value_schema(k) for k in KEYS if k.section == s},
        }
        for s in SECTIONS
    }
    pattern = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "path"],
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "description": {"type": "string"},
            "path": {"type": "array", "minItems": 1, "items": _path_item()},
            **sections,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "edgekit house edge patterns",
        "type": "object",
        "additionalProperties": False,
        "required": ["pattern"],
        "properties": {"pattern": {"type": "array", "minItems": 1, "items": pattern}},
    }


def schema_text() -> str:
    """The schema as the shipped file's text."""
    return json.dumps(build_schema(), indent=2, sort_keys=True) + "\n"
