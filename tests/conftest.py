"""Shared fixtures: fake credentials and an in-process moto (no network, no real AWS)."""

from __future__ import annotations

from collections.abc import Generator, Iterator

import pytest
from hypothesis import HealthCheck, settings

pytest_plugins = ["tests.check_observer"]

settings.register_profile("edgekit", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("edgekit")
"""Property tests assert behaviour, never time: no per-example deadline (on a shared machine a
pure matcher once took over hypothesis's default 200 ms and failed as flaky), and no "input
generation is slow" health check (it stopped tests/test_endpoints.py twice under load; the
examples and their assertions are unchanged)."""


@pytest.fixture(autouse=True)
def _no_real_aws(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs with fake credentials and no profile: a real account is never reached."""
    for var in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/edgekit-test-config")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/edgekit-test-credentials")
    monkeypatch.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")


@pytest.fixture
def moto_aws() -> Iterator[None]:
    """Plain in-process moto (no sandbox bridge): for services moto serves faithfully."""
    from moto import mock_aws

    with mock_aws():
        yield


@pytest.fixture
def sandbox_aws() -> Iterator[None]:
    """In-process moto with the sandbox bridge: CloudFront, WAFv2 and Route 53 answer like AWS.

    See :mod:`edgekit.sandbox.bridge`. The bridge is uninstalled again afterwards (unless it was
    already installed), so tests using ``moto_aws`` keep seeing plain moto.
    """
    from moto import mock_aws

    from edgekit.sandbox.bridge import bridged

    with bridged(), mock_aws():
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Goldens rewritten during the test (EDGEKIT_UPDATE_GOLDENS=1) fail it, all named at once."""
    from tests import golden

    with golden.collecting() as rewritten:
        result = yield
    if rewritten:
        names = ", ".join(str(p) for p in rewritten)
        pytest.fail(
            f"goldens rewritten: {names}; review `git diff`, then run again without {golden.ENV}"
        )
    return result
