"""The scheduled report on the sample estate, compared with an older snapshot: one run, many
assertions."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import nbformat
import pandas as pd
import pytest

from edgekit.report import Report, RunResult, embed, run_report
from tests.report.browser import CHROMEDRIVER, CHROMIUM, chromium
from tests.report.conftest import RICH, SAMPLE, html_text

SECTIONS = (
    "Coverage and gaps",
    "Entrypoint inventory",
    "How the entrypoints behave",
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


def test_html_has_no_code_and_outputs_stay_bounded(run: RunResult) -> None:
    assert run.html is not None
    page = html_text(run.html)
    for code in ("Report.open(", "show.waf(", "from edgekit.report import"):
        assert code not in page, code
    nb = nbformat.read(run.notebook, as_version=4)
    library = 0  # the tables' library (itables, embedded once): fixed size, not data
    pictures = 0  # embedded pictures: each bounded (MAX_EMBED_BYTES), their number bounded
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error"
            size = len(json.dumps(out))
            if out.get("data", {}).get("text/plain") == "(itables, offline)":
                assert not library, "the table library is embedded once"
                library = size
                continue
            # pictures are embedded: one output holds at most one picture (MAX_EMBED_BYTES)
            assert size < embed.MAX_EMBED_BYTES + 50_000, f"{size} bytes: {cell.source[:40]!r}"
            if "data:image/" in json.dumps(out.get("data", {})):
                pictures += size
            else:
                assert size < 150_000, f"a table or text of {size} bytes: {cell.source[:40]!r}"
    assert 0 < library < 1_200_000
    assert run.notebook.stat().st_size - library - pictures < 1_500_000  # tables, text, JSON
    overviews = len(re.findall(r'alt="overview-', page))
    assert 1 <= overviews <= 6  # show.diagrams embeds at most max_overviews of them


def test_diagrams_are_embedded_in_the_page(run: RunResult) -> None:
    assert run.html is not None
    page = html_text(run.html)
    assert not re.findall(r'<img [^>]*src="\.\./', page), "a picture linked, not embedded"
    sources = re.findall(r'<img [^>]*src="(data:image/svg\+xml[^"]*)"', page)
    assert len(sources) >= 2, "overviews and entrypoint pictures"
    assert '<nav class="edgekit-contents"' in page and 'href="#Diagrams"' in page


def test_a_second_open_reuses_the_cached_scan(run: RunResult, expected: Report) -> None:
    manifest = (run.run_dir / "cache.json").read_text(encoding="utf-8")
    assert len(expected.findings) == len(
        json.loads((run.run_dir / "findings.json").read_text(encoding="utf-8"))["findings"]
    )
    assert (run.run_dir / "cache.json").read_text(encoding="utf-8") == manifest


def _section(page: str, heading: str) -> str:
    """The HTML between a section's ``<h2`` heading (not its table-of-contents link) and the
    next ``<h2``."""
    found = re.search(rf"<h2[^>]*>{re.escape(heading)}<", page)
    assert found is not None, heading
    start = found.start() + 1
    end = page.find("<h2", start)
    return page[start : end if end > 0 else len(page)]


def test_traffic_section_shows_the_sample_estates_traffic(run: RunResult) -> None:
    """Literal facts of the sample's traffic (docs/sample-estate.md, "Traffic"): nw-forms
    answers 4.5 % of its requests with a target 5xx, media's cache hit rate is 31 %, the
    Count rule of nw-pay-admin-monitor matches 3.5 % of the ACL's requests, block-bad-bots
    has its metrics disabled, and nw-reports serves nothing (0, not "not collected")."""
    assert run.html is not None
    section = _section(html_text(run.html), "How the entrypoints behave")
    for fact in (
        "Requests per entrypoint",
        "Errors at the edge and from the origin",
        "Latency per load balancer",
        "Cache hit rate per distribution",
        "WAF actions per web ACL",
        "WAF matches per rule",
        "Hourly requests of the busiest entrypoints",
        "ALB nw-forms",
        "4.52",  # 4.5 % target 5xx, hourly rounding of the sample's counts
        "31.00",  # media's cache hit rate
        "rate-limit-per-ip",
        "3.48",  # 3.5 % of nw-pay-admin-monitor's requests, rounded hourly
        "CloudWatch metrics are disabled",
        "additional metrics are off",
        "not collected",
    ):
        assert fact in section, fact
    rows = pd.read_csv(run.run_dir / "traffic_requests.csv", keep_default_na=False)
    idle = rows[rows["entrypoint"] == "ALB nw-reports"].iloc[0]
    assert float(idle["requests"]) == 0.0 and idle["why not"] == ""
    for name in ("traffic_requests.png", "traffic_busiest.png", "traffic_requests.csv"):
        assert (run.run_dir / name).is_file(), name
    assert section.count("<img") >= 2  # the ranked bars and the hourly lines


def test_traffic_section_images_render_in_a_browser(
    run: RunResult, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert run.html is not None
    assert CHROMIUM.exists() and CHROMEDRIVER.exists(), "tools/system-deps.sh installs them"
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        driver.get(run.html.resolve().as_uri())
        sizes = driver.execute_script(
            """
            const hs = Array.from(document.querySelectorAll('h2'));
            const i = hs.findIndex(h => h.textContent.includes('How the entrypoints behave'));
            const start = hs[i], end = hs[i + 1];
            return Array.from(document.querySelectorAll('img')).filter(img =>
                (start.compareDocumentPosition(img) & Node.DOCUMENT_POSITION_FOLLOWING) &&
                (!end || (end.compareDocumentPosition(img) & Node.DOCUMENT_POSITION_PRECEDING))
            ).map(img => [img.complete, img.naturalWidth, img.naturalHeight]);
            """
        )
    assert len(sizes) >= 2, sizes
    for complete, width, height in sizes:
        assert complete and width > 200 and height > 100, sizes
