"""The exported edge report is one file that travels: opened alone in headless chromium (the
HTML copied away from its run folder), its pictures render from the page itself, its table of
contents links land on their sections, a click zooms a picture, nothing is fetched, and the
suppressed findings have their own section."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.cli import main
from tests.report.browser import CHROMEDRIVER, CHROMIUM, chromium, visit
from tests.report.conftest import RICH, SAMPLE
from tests.report.test_browser import LOCAL_SCHEMES

pytestmark = pytest.mark.slow  # a notebook in a Jupyter kernel, then a browser

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.fail(  # a missing browser must not pass silently: tools/system-deps.sh installs it
        "chromium and chromium-driver are required (tools/system-deps.sh installs them)",
        pytrace=False,
    )

# file: and data: are the page and its pictures, blob: the table library the page embeds
REASON = "records kept for the migration window"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> Path:
    """The edge report (with a previous snapshot and ``--suppress``), copied alone elsewhere."""
    out = tmp_path_factory.mktemp("portable")
    sup = out / "suppress.toml"
    sup.write_text(
        f'[[suppress]]\ncheck = "dns.dangling_record"\nreason = "{REASON}"\nuntil = 2099-01-31\n',
        encoding="utf-8",
    )
    args = ["report", "edge_report", str(SAMPLE), "-p", "previous_snapshot", str(RICH)]
    assert main([*args, "--suppress", str(sup), "-o", str(out), "--quiet"]) == 0
    [html] = (out / "reports").glob("*/edge_report.html")
    alone = tmp_path_factory.mktemp("mailed") / "edge_report.html"
    shutil.copyfile(html, alone)  # no run folder, no diagrams folder next to it
    return alone


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        driver.set_window_size(1280, 900)
        yield driver


def test_pictures_render_from_the_page_alone_and_nothing_is_fetched(
    page: Path, browser: Any
) -> None:
    seen = visit(browser, page)
    remote = [u for u in seen.requests if not u.startswith(LOCAL_SCHEMES)]
    assert seen.requests and not remote, remote
    assert not [u for u in seen.requests if u.startswith("file:") and u != page.as_uri()]
    images = browser.execute_script(
        "return Array.from(document.images).map(i => [i.complete, i.naturalWidth, "
        "i.getAttribute('src').slice(0, 26)])"
    )
    svgs = [i for i in images if i[2].startswith("data:image/svg+xml")]
    assert len(svgs) >= 2, "overviews and entrypoint pictures"
    assert any(i[2].startswith("data:image/png") for i in images), "the charts"
    broken = [i for i in images if not (i[0] and i[1] > 0)]
    assert not broken, broken


def test_the_contents_links_land_on_their_sections(page: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    visit(browser, page)
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('nav.edgekit-contents a'))"
        ".map(a => [a.getAttribute('href'), a.textContent])"
    )
    titles = [t for _, t in links]
    for section in ("Entrypoint inventory", "Diagrams", "Suppressed findings", "Trend"):
        assert section in titles, section
    for href, _ in links:
        assert href.startswith("#")
        found = browser.execute_script(
            "return document.getElementById(decodeURIComponent(arguments[0])) !== null", href[1:]
        )
        assert found, href
    assert browser.execute_script("return window.scrollY") == 0
    top = "return document.getElementById(arguments[0]).getBoundingClientRect().top"
    browser.find_element(By.LINK_TEXT, "TLS posture").click()  # mid-page: scrolled to the top
    assert browser.execute_script("return window.scrollY") > 0
    assert -2 <= browser.execute_script(top, "TLS-posture") <= 2
    browser.execute_script("window.scrollTo(0, 0)")
    browser.find_element(By.LINK_TEXT, "Suppressed findings").click()  # near the end: in view
    height = browser.execute_script("return window.innerHeight")
    assert 0 <= browser.execute_script(top, "Suppressed-findings") < height - 40


def test_a_click_zooms_a_picture_to_its_natural_size(page: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    visit(browser, page)
    index = browser.execute_script(
        "const imgs = Array.from(document.querySelectorAll('div.edgekit-figure img'));"
        "let best = 0; imgs.forEach((i, n) => { if (i.naturalWidth > imgs[best].naturalWidth)"
        " best = n; }); return best"
    )
    image = browser.find_elements(By.CSS_SELECTOR, "div.edgekit-figure img")[index]
    browser.execute_script("arguments[0].scrollIntoView()", image)
    fitted = image.rect["width"]
    natural = browser.execute_script("return arguments[0].naturalWidth", image)
    assert natural > fitted  # the picture was scaled down to the page
    image.click()
    assert image.rect["width"] == pytest.approx(natural, abs=2)
    image.click()
    assert image.rect["width"] == pytest.approx(fitted, abs=2)


def test_the_suppressed_findings_have_their_section(page: Path, browser: Any) -> None:
    seen = visit(browser, page)
    text = seen.text
    section = text[text.rindex("Suppressed findings") : text.rindex("Trend")]
    assert REASON in section and "2099-01-31" in section
    assert "dns.dangling_record" in section
    assert "public entrypoints (" in text and "AWS-generated names" in text
    assert "Changed paths" in text
