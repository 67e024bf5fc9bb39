"""A real headless browser for the HTML reports: Debian's chromium driven by selenium.

Only the system's ``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` are used (installed by
``tools/system-deps.sh``); nothing is downloaded. Every page is opened in a fresh profile, and
the network requests it makes are read from Chrome's performance log.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


@dataclass(frozen=True)
class PageVisit:
    """What a page did in the browser."""

    text: str
    """``document.body.innerText``: what a reader sees."""
    xss: Any
    """``window.__xss`` (planted payloads set it when they run; None when nothing ran)."""
    javascript_links: int
    """Elements whose ``href``/``src`` uses the ``javascript:`` scheme."""
    requests: list[str]
    """Every URL the page requested (the page itself included)."""
    console: list[str]
    """Console messages (CSP reports land here)."""


@contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """A headless chromium session with a fresh ``--user-data-dir``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


LOADING = "Loading ITables"
"""The placeholder itables shows until its (embedded) library has drawn a table."""


def _settled_text(driver: Any, timeout: float = 20.0) -> str:
    """The page's text once every interactive table is drawn (or the timeout passed): the
    library loads as a module, after ``readyState`` is complete."""
    deadline = time.monotonic() + timeout
    text = str(driver.execute_script("return document.body.innerText"))
    while LOADING in text and time.monotonic() < deadline:
        time.sleep(0.2)
        text = str(driver.execute_script("return document.body.innerText"))
    return text


def visit(driver: Any, page: Path) -> PageVisit:
    """Open ``page`` (a file), let it settle, and report what it did."""
    driver.get_log("performance")  # drop the entries of earlier pages
    driver.get(page.resolve().as_uri())
    driver.execute_script("return document.readyState")
    text = _settled_text(driver)
    xss = driver.execute_script("return window.__xss === undefined ? null : window.__xss")
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('[href],[src]')).filter("
        "e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')"
        ").length"
    )
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    console = [str(e.get("message", "")) for e in driver.get_log("browser")]
    return PageVisit(str(text), xss, int(links), requests, console)
