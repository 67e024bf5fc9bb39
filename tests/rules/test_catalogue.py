"""The shipped catalogue matches CHECKS.md, the docs, and the testing standard."""

from __future__ import annotations

import json
from pathlib import Path

from edgekit.commands.checks import catalogue_markdown
from edgekit.rules.catalogue import load
from edgekit.rules.context import KINDS

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = {
    row["id"]: row for row in json.loads((ROOT / "tests/fixtures/catalogue.json").read_text())
}


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


def test_check_tests_are_judged_by_behaviour() -> None:
    """The name-based rule is gone: tests/check_observer.py judges what the check tests saw."""
    from tests.check_observer import missing_observations

    assert "lb.classic_in_use: fail" in missing_observations({})
    everything = {c.meta.id: {"fail", "pass", "unknown"} for c in load()}
    assert missing_observations(everything) == []
    vacuous = dict(everything, **{"cloudfront.no_waf": {"fail", "unknown"}})
    assert missing_observations(vacuous) == ["cloudfront.no_waf: pass"]
    only_classic_fails = dict(everything, **{"lb.classic_in_use": {"fail"}})
    assert missing_observations(only_classic_fails) == []
