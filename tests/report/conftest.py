"""Shared fixtures for the report tests: the sample-estate snapshot and executed runs.

Each notebook runs once per module (module-scoped fixtures) and every assertion reads that run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots"
SAMPLE = FIXTURES / "sample.json.gz"
"""The sample estate (``edgekit sandbox --seed sample``, collected and saved)."""
RICH = FIXTURES / "rich.json"
"""A small hand-built estate: the "previous snapshot" of comparison tests."""


@pytest.fixture(scope="module")
def fake_aws() -> Iterator[None]:
    """Module-scoped fake credentials (the autouse fixture is function-scoped)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AWS_ACCESS_KEY_ID", "testing")
        mp.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        mp.setenv("AWS_CONFIG_FILE", "/nonexistent/edgekit-test-config")
        mp.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/edgekit-test-credentials")
        mp.delenv("AWS_PROFILE", raising=False)
        yield


def html_text(path: Path) -> str:
    """The HTML export's text."""
    return path.read_text(encoding="utf-8")
