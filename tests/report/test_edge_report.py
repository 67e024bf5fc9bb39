"""The scheduled report on the sample estate, compared with an older snapshot: one run, many
assertions."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import nbformat
import pytest

from edgekit.report import Report, RunResult, run_report
from tests.report.conftest import RICH, SAMPLE, html_text

SECTIONS = (
    "Coverage and gaps",
    "Entrypoint inventory",
    "Findings",
    "Top risks",
    "WAF coverage",
    "TLS posture",
    "Caching posture",
    "Simplification proposals",
    "House patterns",
    "Diagrams",
    "Changes since the previous snapshot",
)

pytestmark = pytest.mark.slow  # each module executes notebooks in a Jupyter kernel


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> Iterator[RunResult]:
    out = tmp_path_factory.mktemp("edge_report")
    yield run_report(
        "edge_report", SAMPLE, {"previous_snapshot": str(RICH), "top_n": 5}, out, progress=False
    )


@pytest.fixture(scope="module")
def expected(run: RunResult) -> Report:
    """The same snapshot read directly, to know what the report must show."""
    return Report.open(SAMPLE, run.run_dir)


def test_outputs_and_run_folder(run: RunResult) -> None:
    assert run.run_dir.parent.name == "reports" and run.run_dir.name == run.run_id
    assert run.diagrams_dir == run.run_dir.parents[1] / "diagrams" / run.run_id
    assert run.notebook == run.run_dir / "edge_report.ipynb" and run.notebook.is_file()
    assert run.html == run.run_dir / "edge_report.html" and run.html.is_file()
    for name in (
        "findings.json",
        "findings.csv",
        "findings.sarif",
        "proposals.json",
        "proposals.md",
        "entrypoints.csv",
        "waf_coverage.csv",
        "tls_posture.csv",
        "caching_posture.csv",
        "comparison.json",
        "cache.json",
    ):
        assert (run.run_dir / name).is_file(), name
    sarif = json.loads((run.run_dir / "findings.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert run.parameters["top_n"] == 5 and run.kernel in {"edgekit", "python3"}


def test_html_shows_every_section_and_the_key_facts(run: RunResult) -> None:
    """Literal facts of the sample estate (docs/sample-estate.md), not values computed by the
    code under test: its alphabetically first hostname (the inventory excerpt is sorted by
    hostname), the critical findings the top risks must show first, and the proposal with the
    largest savings."""
    assert run.html is not None
    page = html_text(run.html)
    for heading in SECTIONS:
        assert f">{heading}<" in page, heading
    for fact in (
        "admin-origin.nwpay.example",
        "origin.alb_bypass",
        "dns.dangling_record",
        "unreferenced_entrypoint-c4980e0e65",
        "Compared with the snapshot collected",
    ):
        assert fact in page, fact
    assert re.search(r"\d+ public entrypoints", page)


def test_html_has_no_code_and_outputs_stay_small(run: RunResult) -> None:
    assert run.html is not None
    page = html_text(run.html)
    for code in ("Report.open(", "show.waf(", "from edgekit.report import"):
        assert code not in page, code
    nb = nbformat.read(run.notebook, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error"
            size = len(json.dumps(out))
            assert size < 150_000, f"an output of {size} bytes: {cell.source[:40]!r}"
    assert run.notebook.stat().st_size < 1_000_000


def test_diagrams_are_files_the_html_links_to(run: RunResult) -> None:
    assert run.html is not None
    page = html_text(run.html)
    sources = re.findall(r'<img [^>]*src="(\.\./\.\./diagrams/[^"]+\.svg)"', page)
    assert len(sources) >= 2, "overviews and entrypoint pictures"
    for src in sources:
        assert (run.html.parent / src).resolve().is_file(), src


def test_a_second_open_reuses_the_cached_scan(run: RunResult, expected: Report) -> None:
    manifest = (run.run_dir / "cache.json").read_text(encoding="utf-8")
    assert len(expected.findings) == len(
        json.loads((run.run_dir / "findings.json").read_text(encoding="utf-8"))["findings"]
    )
    assert (run.run_dir / "cache.json").read_text(encoding="utf-8") == manifest
