"""The executed ``explore`` notebook's HTML in headless chromium (issue 16 "Done when"): tables
sort and filter, the inline diagram renders with human hover titles, nothing comes from the
network; and ``edgekit notebook`` starts a JupyterLab that serves the copied notebook."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.report import run_report
from edgekit.report.workspace import copy_template, lab_command
from tests.report.browser import CHROMEDRIVER, CHROMIUM, chromium, visit
from tests.report.conftest import SAMPLE
from tests.report.test_browser import LOCAL_SCHEMES

pytestmark = pytest.mark.slow

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.fail("chromium and chromium-driver are required (tools/system-deps.sh)", pytrace=False)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> Path:
    out = tmp_path_factory.mktemp("explore-browser")
    params = {"hostname": "shop.northwind.example", "min_severity": "low"}
    run = run_report("explore", SAMPLE, params, out, progress=False)
    assert run.html is not None
    return run.html


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def _wait(driver: Any, script: str, timeout: float = 20.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {script}")


def _column(driver: Any, table: int, col: int) -> list[str]:
    return list(
        driver.execute_script(
            "const t = document.querySelectorAll('div.dt-container')[arguments[0]];"
            "return Array.from(t.querySelectorAll('div.dt-scroll-body tbody tr, "
            "table.dataTable > tbody tr')).filter(r => r.offsetParent !== null)"
            ".map(r => (r.cells[arguments[1]] || {innerText: ''}).innerText);",
            table,
            col,
        )
    )


def test_tables_sort_and_filter_offline(page: Path, browser: Any) -> None:
    seen = visit(browser, page)
    count = _wait(browser, "return document.querySelectorAll('div.dt-container').length")
    assert count >= 4  # entrypoints, lineage, findings on the path, findings by area ...
    remote = [u for u in seen.requests if not u.startswith(LOCAL_SCHEMES)]
    assert seen.requests and not remote, remote
    assert not [c for c in seen.console if "Content Security Policy" in c], seen.console
    # the entrypoints table (the first): sort by hostname, both ways
    hosts = _column(browser, 0, 0)
    assert len(hosts) > 3
    container = browser.find_elements("css selector", "div.dt-container")[0]
    header = container.find_elements("css selector", "thead th")[0]
    header.click()  # a real mouse click
    time.sleep(0.5)
    up = _column(browser, 0, 0)
    assert up == sorted(hosts, key=str.lower) or up == sorted(hosts)
    assert "dt-ordering-asc" in str(header.get_attribute("class"))
    header.click()
    time.sleep(0.5)
    assert "dt-ordering-desc" in str(header.get_attribute("class"))
    assert _column(browser, 0, 0) == list(reversed(up)) != up
    # filter: the search box keeps only matching rows
    needle = hosts[-1].split(".")[0]
    container.find_element("css selector", "div.dt-search input").send_keys(needle)
    time.sleep(0.8)
    kept = _column(browser, 0, 0)
    assert kept and all(needle in h for h in kept) and len(kept) < len(hosts), (needle, kept)


def test_the_inline_diagram_renders_with_human_titles(page: Path, browser: Any) -> None:
    visit(browser, page)
    size = browser.execute_script(
        "const s = document.querySelector('.ek-canvas svg'); const r = s.getBoundingClientRect();"
        "return [r.width, r.height, s.parentElement.getBoundingClientRect().width];"
    )
    assert size[0] > 100 and size[1] > 50 and size[0] <= size[2] + 1  # fitted to the width
    titles = browser.execute_script(
        "return Array.from(document.querySelectorAll('.ek-canvas svg title'))"
        ".map(t => t.textContent);"
    )
    assert titles and not [t for t in titles if re.fullmatch(r"n\d+(->n\d+)?", t)]
    assert any(t.startswith("shop.northwind.example") for t in titles)
    assert any("findings:" in t for t in titles)
    # zoom: 200 % makes the picture wider than its frame, which then scrolls (pans)
    browser.execute_script("document.querySelector('.ek-diagram input[id$=\"-2\"]').click()")
    wide = browser.execute_script(
        "const c = document.querySelector('.ek-canvas'); return [c.scrollWidth, c.clientWidth];"
    )
    assert wide[0] > wide[1]


def test_the_views_below_the_panel_are_live_tables(page: Path, browser: Any) -> None:
    """The traffic and the estate's findings follow the picker as HTML views of their own:
    their tables still become DataTables (their scripts are allowed by the page's CSP) and
    the traffic chart shows."""
    seen = visit(browser, page)
    _wait(browser, "return document.querySelectorAll('div.dt-container').length")
    below = browser.execute_script(
        "const h = Array.from(document.querySelectorAll('h2'))"
        ".find(e => e.textContent.startsWith('How this entrypoint behaves'));"
        "const after = e => h.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING;"
        "return [Array.from(document.querySelectorAll('div.dt-container')).filter(after).length,"
        "Array.from(document.querySelectorAll('img')).filter(after)"
        ".filter(i => i.complete && i.naturalWidth > 0).length];"
    )
    assert below[0] >= 4 and below[1] >= 1, below  # traffic: 2, findings: 1, by area: 1
    assert not [c for c in seen.console if "Content Security Policy" in c], seen.console
    text = browser.find_element("css selector", "body").text
    assert "shop.northwind.example — requests at each metered hop" in text
    assert "area any, severity ≥ low" in text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_jupyterlab_serves_the_copied_notebook(tmp_path: Path) -> None:
    copy = copy_template("explore", tmp_path / "work")
    port, token = _free_port(), "edgekit-test-token"
    cmd = lab_command(copy.path.parent, copy.path.name, token, port, browser=False)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/api/contents/explore.ipynb?token={token}"
        end, body = time.monotonic() + 90, None
        while time.monotonic() < end and body is None:
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    body = json.loads(resp.read())
            except OSError:
                assert proc.poll() is None, "JupyterLab exited"
                time.sleep(0.5)
        assert body is not None, "JupyterLab did not answer"
        assert body["name"] == "explore.ipynb" and body["path"] == "explore.ipynb"
        with pytest.raises(OSError):  # without the token: refused
            urllib.request.urlopen(url.split("?")[0], timeout=5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
