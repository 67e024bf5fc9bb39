"""``edgekit.rules.formats.indented_json``: the text ``json.dumps`` writes, faster (issue 16)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from edgekit.rules.formats import indented_json


def _reference(doc: Any) -> str:
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    "doc",
    [
        {"b": [1, 2.5, None, True, False], "a": {"z": {}, "y": []}, "é": "naïve — 日本"},
        {"ctl": 'tab\there\nnl \x00 \x1f \x7f \u2028 "q" \\ /', "nested": [[{"k": [{}]}]]},
        [{"severity": "high", "evidence": {"ratio": 0.05, "count": 12, "neg": -3.25}}],
        {"Zeta": 1, "alpha": 2, "_x": 3, "10": 4, "9": 5},
        "just a string",
        [],
        {},
    ],
)
def test_same_text_as_json_dumps(doc: Any) -> None:
    assert indented_json(doc) == _reference(doc)


@pytest.mark.parametrize("doc", [{1: "int key"}, {"big": 2**70}, {"list": [2**64]}])
def test_what_orjson_cannot_write_falls_back_to_json(doc: Any) -> None:
    assert indented_json(doc) == _reference(doc)
