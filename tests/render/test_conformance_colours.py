"""Diagram boxes coloured by conformance (``edgekit diagram --colour-by conformance``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.conform import Conformance, conform, load_patterns
from edgekit.conform.schema import EXAMPLE_FILE
from edgekit.graph import Estate
from edgekit.render import entrypoint_spec, overview_specs
from edgekit.render.conformance import CONFORMANCE_STYLES, colour_by_conformance
from edgekit.render.findings import FindingIndex, run_checks

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "sample.json.gz"


@cache
def _estate() -> Estate:
    return Estate.load(SAMPLE)


@cache
def _found() -> Conformance:
    return conform(_estate(), load_patterns(EXAMPLE_FILE))


def test_an_entrypoint_picture_takes_its_status_and_lists_deviations() -> None:
    estate = _estate()
    index = FindingIndex.build(estate, run_checks(estate))
    jobs = entrypoint_spec(estate, index, "jobs.northwind.example")
    help_ = entrypoint_spec(estate, index, "help.northwind.example")
    recoloured = colour_by_conformance([jobs, help_], _found())
    dist = next(n for n in recoloured[0].nodes if n.kind == "distribution")
    assert dist.style == CONFORMANCE_STYLES["near-miss"]
    assert any("viewer TLS floor TLSv1.2_2019" in note for note in recoloured[0].notes)
    assert {n.style for n in recoloured[1].nodes if n.kind == "distribution"} == {
        CONFORMANCE_STYLES["conforms"]
    }
    acls = [n for n in recoloured[1].nodes if n.kind == "web-acl"]
    assert acls and all(
        a.style == b.style
        for a, b in zip(acls, (n for n in help_.nodes if n.kind == "web-acl"), strict=True)
    )
    assert [e.key for e in recoloured[0].legend] == list(CONFORMANCE_STYLES)


def test_overview_cards_take_each_entrypoint_s_status() -> None:
    estate = _estate()
    index = FindingIndex.build(estate, run_checks(estate))
    specs = colour_by_conformance(overview_specs(estate, index), _found())
    cards = {n.id: n.style for s in specs for n in s.nodes if n.id.startswith("entry:")}
    assert cards["entry:help.northwind.example"] == CONFORMANCE_STYLES["conforms"]
    assert cards["entry:events.northwind.example"] == CONFORMANCE_STYLES["near-miss"]
    assert cards["entry:shop.northwind.example"] == CONFORMANCE_STYLES["deviates"]


def test_cli_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d"
    args = ["diagram", str(SAMPLE), "--entrypoint", "jobs.northwind.example", "--format", "svg"]
    assert main([*args, "--colour-by", "conformance", "-o", str(out)]) == 0
    svg = next(out.glob("*.svg")).read_text(encoding="utf-8")
    assert CONFORMANCE_STYLES["near-miss"].fill in svg
    assert main([*args, "--patterns", str(EXAMPLE_FILE), "-o", str(tmp_path / "e")]) == 2
    assert "--patterns needs --colour-by conformance" in capsys.readouterr().err
