"""The interactive notebook through the CLI, and a migration review of a proposal."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from edgekit import cli
from edgekit.report import Report, RunResult, run_report
from tests.report.conftest import SAMPLE, html_text

pytestmark = pytest.mark.slow  # each module executes notebooks in a Jupyter kernel


@pytest.fixture(scope="module")
def explore(
    tmp_path_factory: pytest.TempPathFactory, fake_aws: None
) -> Iterator[tuple[Path, list[str]]]:
    out = tmp_path_factory.mktemp("explore")
    args = ["report", "explore", str(SAMPLE), "-o", str(out), "--quiet"]
    args += ["-p", "hostname", "shop.northwind.example", "-p", "area", "waf"]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert cli.main(args) == 0
    yield out, buffer.getvalue().splitlines()


def test_explore_via_the_cli(explore: tuple[Path, list[str]]) -> None:
    out, printed = explore
    html = Path(printed[1])
    assert printed[0].endswith("explore.ipynb") and html.suffix == ".html"
    assert html.parent.parent == out / "reports"
    page = html_text(html)
    assert "shop.northwind.example" in page  # the lineage asked for
    assert "area waf, severity ≥ high" in page  # the filter asked for, in the table caption
    assert ">One entrypoint: lineage, findings and diagram<" in page
    assert "<h3>shop.northwind.example</h3>" in page and "<svg" in page  # the panel, inline
    assert "widget-state+json" not in page  # live controls only: no widget state in a report


@pytest.fixture(scope="module")
def explore_by_id(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> RunResult:
    """explore, its entrypoint named by a distribution id (issue 16 review)."""
    params = {"hostname": "P046KYTWIRV7U", "min_severity": "info"}
    out = tmp_path_factory.mktemp("explore-by-id")
    return run_report("explore", SAMPLE, params, out, progress=False)


def test_explore_resolves_the_entrypoint_once_for_every_view(explore_by_id: RunResult) -> None:
    assert explore_by_id.html is not None
    page = html_text(explore_by_id.html)
    host = "nvufck1icin06.cloudfront.net"  # the distribution's name
    assert f"<h3>{host}</h3>" in page
    found = re.search(r"Findings on its paths \((\d+)\)", page)
    assert found and int(found.group(1)) > 0
    assert f"<strong>{host}</strong> — requests at each metered hop" in page  # traffic view
    assert "area any, severity ≥ info" in page  # the estate's findings, as the parameters chose
    assert (explore_by_id.run_dir / "traffic_nvufck1icin06-cloudfront-net.png").is_file()


@pytest.fixture(scope="module")
def review(
    tmp_path_factory: pytest.TempPathFactory, fake_aws: None
) -> Iterator[tuple[RunResult, dict[str, object]]]:
    out = tmp_path_factory.mktemp("review")
    proposal = Report.open(SAMPLE, out / "probe").proposals[0]
    yield (
        run_report("migration_review", SAMPLE, {"target": proposal["id"]}, out, progress=False),
        proposal,
    )


def test_migration_review_of_a_proposal(review: tuple[RunResult, dict[str, object]]) -> None:
    run, proposal = review
    assert run.html is not None
    page = html_text(run.html)
    for heading in (
        "Current lineage",
        "Before and after",
        "Risks",
        "Pre-migration checks",
        "Migration steps",
        "Savings",
    ):
        assert f">{heading}<" in page, heading
    assert str(proposal["id"]) in page
    assert ">Terraform<" in page and ">CDK (TypeScript)<" in page and "<pre>" in page
    pictures = list(run.diagrams_dir.glob("*before-after*.svg"))
    assert len(pictures) == 1
