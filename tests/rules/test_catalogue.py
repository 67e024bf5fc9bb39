"""The shipped catalogue matches CHECKS.md, the docs, and the testing standard."""

from __future__ import annotations

import ast
import inspect
import json
import re
from pathlib import Path

from edgekit.commands.checks import catalogue_markdown
from edgekit.rules.catalogue import load
from edgekit.rules.context import KINDS

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = {
    row["id"]: row for row in json.loads((ROOT / "tests/fixtures/catalogue.json").read_text())
}
CHECK_TESTS = ROOT / "tests/rules/checks"


def test_ids_and_severities_are_the_catalogues() -> None:
    for c in load():
        assert c.meta.id in CATALOGUE, f"{c.meta.id} is not in CHECKS.md"
        assert c.meta.severity.label == CATALOGUE[c.meta.id]["severity"], c.meta.id


def test_applies_to_is_a_known_kind() -> None:
    for c in load():
        assert c.meta.applies_to in KINDS, f"{c.meta.id}: unknown kind {c.meta.applies_to!r}"


def test_docs_checks_md_in_sync() -> None:
    expected = catalogue_markdown(load())
    actual = (ROOT / "docs/checks.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/checks.md is stale: run `edgekit checks --format md > docs/checks.md`"
    )


def _test_names() -> set[str]:
    names: set[str] = set()
    for path in CHECK_TESTS.glob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names.update(
            n.name
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")
        )
    return names


def test_every_check_has_firing_passing_and_unknown_tests() -> None:
    """Convention: test_<fn>_fires*, test_<fn>_passes*, and test_<fn>_unknown* for every check
    that can say unknown (its body mentions Unknown / NOT_COLLECTED / an unknown_ helper)."""
    names = _test_names()
    missing: list[str] = []
    for c in load():
        fn = c.fn.__name__
        wanted = ["fires", "passes"]
        if re.search(r"Unknown|NOT_COLLECTED|unknown_", inspect.getsource(c.fn)):
            wanted.append("unknown")
        for suffix in wanted:
            prefix = f"test_{fn}_{suffix}"
            if not any(n == prefix or n.startswith(prefix + "_") for n in names):
                missing.append(prefix)
    assert not missing, f"missing check tests: {missing}"
