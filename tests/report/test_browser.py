"""The HTML reports of a hostile estate in a real headless browser (issue #11 items 12 and 15).

Hostile names (script tags, ``<img onerror>``, a Markdown ``javascript:`` link, pipes and
backticks) are planted in a snapshot; ``edge_report`` and ``migration_review`` run on it and
their HTML exports are opened in Debian's chromium. No planted script may run, no
``javascript:`` link may exist, every hostile name must read literally, and the page may request
nothing but local files. The same holds with the page's Content-Security-Policy removed, so the
escaping is proven on its own, not only the CSP behind it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from edgekit.report import Report, run_report
from tests.hostile import HTML_HOST, SCRIPT_NAME, write_hostile
from tests.report.browser import CHROMEDRIVER, CHROMIUM, PageVisit, chromium, visit

pytestmark = pytest.mark.slow  # notebooks in a Jupyter kernel, then a browser

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.fail(  # a missing browser must not pass silently: tools/system-deps.sh installs it
        "chromium and chromium-driver are required (tools/system-deps.sh installs them)",
        pytrace=False,
    )

LOCAL_SCHEMES = ("file:", "data:", "blob:", "chrome:", "about:")
CSP = re.compile(r'<meta[^>]*http-equiv="Content-Security-Policy"[^>]*>')


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> dict[str, Path]:
    """The HTML exports of the hostile estate."""
    out = tmp_path_factory.mktemp("hostile")
    snapshot = write_hostile(out / "hostile.json")
    proposal = next(
        p for p in Report.open(snapshot, out / "probe").proposals if SCRIPT_NAME in p["title"]
    )
    edge = run_report("edge_report", snapshot, {}, out, progress=False)
    review = run_report(
        "migration_review", snapshot, {"target": proposal["id"]}, out, progress=False
    )
    conformance = run_report("conformance", snapshot, {}, out, progress=False)
    assert edge.html is not None and review.html is not None and conformance.html is not None
    return {"edge_report": edge.html, "migration_review": review.html,
            "conformance": conformance.html}  # fmt: skip


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def _assert_inert(seen: PageVisit, name: str) -> None:
    assert seen.xss is None, f"a planted script ran (window.__xss = {seen.xss!r})"
    assert seen.javascript_links == 0
    if name != "conformance":  # the conformance page names hostnames, never the ALB
        assert SCRIPT_NAME in seen.text  # shown literally, tags and all
    assert HTML_HOST in seen.text


@pytest.mark.parametrize("name", ["edge_report", "migration_review", "conformance"])
def test_no_planted_script_runs_and_names_read_literally(
    pages: dict[str, Path], browser: object, name: str
) -> None:
    seen = visit(browser, pages[name])
    _assert_inert(seen, name)


@pytest.mark.parametrize("name", ["edge_report", "migration_review"])
def test_nothing_is_loaded_from_the_network(
    pages: dict[str, Path], browser: object, name: str
) -> None:
    page = pages[name]
    html = page.read_text(encoding="utf-8")
    policy = CSP.search(html)
    assert policy  # scripts only by hash (the offline itables tables), never inline at large
    sources = re.search(r"script-src ([^;]*);", policy.group(0))
    assert sources and "'sha256-" in sources.group(1)
    assert set(sources.group(1).split()) <= {"blob:"} | set(re.findall(r"'sha256-[^']+'", html))
    assert "unsafe-inline" not in sources.group(1) and "http" not in sources.group(1)
    seen = visit(browser, page)
    # file: and data: are the page and its pictures, blob: the table library the page embeds
    # and loads as a module; chrome: and about: are the browser's own
    # pages (the blank start page); any other scheme would be a fetch leaving the machine.
    remote = [u for u in seen.requests if not u.startswith(LOCAL_SCHEMES)]
    assert any(u.startswith("data:image/svg+xml") for u in seen.requests)  # embedded pictures
    assert seen.requests and not remote, remote


@pytest.mark.parametrize("name", ["edge_report", "migration_review", "conformance"])
def test_escaping_holds_without_the_csp(
    pages: dict[str, Path], browser: object, name: str, tmp_path: Path
) -> None:
    page = pages[name]
    html, count = CSP.subn("", page.read_text(encoding="utf-8"))
    assert count == 1
    bare = page.with_name(f"no-csp-{page.name}")
    bare.write_text(html, encoding="utf-8")
    try:
        _assert_inert(visit(browser, bare), name)
    finally:
        bare.unlink()


def test_the_browser_runs_scripts_at_all(browser: object, tmp_path: Path) -> None:
    """The probe is live: a page whose script sets ``window.__xss`` is seen doing so."""
    page = tmp_path / "probe.html"
    page.write_text("<html><body>probe<script>window.__xss = 7</script></body></html>")
    assert visit(browser, page).xss == 7
