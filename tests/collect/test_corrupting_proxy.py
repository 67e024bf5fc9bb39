"""No silent data loss: ``edgekit collect`` through a corrupting loopback proxy.

The Northwind sample estate is served by a sandbox server in this process; a
:class:`~tests.collect.faultproxy.FaultProxy` in front of it answers a seeded fraction of the
requests with status 200 and an empty, garbled or truncated body. ``edgekit collect`` (a real
subprocess) through the proxy must either retry to a snapshot identical to a clean run
(normalised as the sample-fixture test normalises it) or exit 3 naming every unit it could not
read -- never exit 0 with data missing. Bounded: the proxy corrupts at most ``max_faults``
answers and refuses everything after ``max_requests`` requests or ``lifetime`` seconds; each
collect is killed after its timeout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.sandbox.server import Sandbox, start
from tests.collect.faultproxy import MODES, FaultProxy, Faults, Request
from tests.collect.sandboxrun import run_collect, snapshot_document, unaccounted, unit


def bounded(**kwargs: Any) -> Faults:
    """Faults bounded for these tests: at most 600 corrupted answers, 6000 requests, 240 s."""
    return Faults(max_faults=600, max_requests=6000, lifetime=240.0, **kwargs)


@pytest.fixture(scope="module")
def estate() -> Iterator[tuple[Sandbox, list[str]]]:
    """The sample estate behind a sandbox server, and the collect arguments that reach it."""
    with start(port=0, seed="sample") as sandbox:
        info = sandbox.sample_info
        assert info is not None
        extra = ["--quiet", "--accounts", ",".join(info.accounts), "--role-name", info.role_name]
        extra += ["--metrics-end", info.metrics_end]  # the clean and faulty runs: one window
        yield sandbox, extra


@pytest.fixture(scope="module")
def clean(
    estate: tuple[Sandbox, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """A clean collection of the estate (no proxy)."""
    sandbox, extra = estate
    out = tmp_path_factory.mktemp("clean") / "clean.json.gz"
    done = run_collect(sandbox.url, out, extra)
    assert done.returncode == 0, done.stderr
    doc = snapshot_document(out)
    assert doc["errors"] == [] and doc["gaps"] == [] and len(doc["payloads"]) > 60
    return doc


def test_random_corruption_retries_to_the_clean_snapshot_or_names_the_lost_units(
    estate: tuple[Sandbox, list[str]], clean: dict[str, Any], tmp_path: Path
) -> None:
    sandbox, extra = estate
    faults = bounded(fraction=0.3, seed=11)
    with FaultProxy(sandbox.url, faults) as proxy:
        done = run_collect(proxy.url, tmp_path / "s.json.gz", extra)
    corrupted = proxy.log.faults
    # the run really was damaged, in every way and across every protocol family
    assert len(corrupted) >= 100 and proxy.log.refused == 0
    assert set(Counter(r.mode for r in corrupted)) == set(MODES)
    services = {r.service for r in corrupted}
    assert {"cloudfront", "elasticloadbalancing", "wafv2", "apigateway", "s3"} <= services
    assert done.returncode in (0, 3), done.stderr
    got = snapshot_document(tmp_path / "s.json.gz")
    if done.returncode == 0:
        assert got == clean
    else:
        assert got["errors"] and unaccounted(clean, got) == []


def _load_balancing_in_eu(request: Request) -> bool:
    return request.service == "elasticloadbalancing" and request.region == "eu-west-1"


def test_an_unreadable_service_fails_its_units_by_name(
    estate: tuple[Sandbox, list[str]], clean: dict[str, Any], tmp_path: Path
) -> None:
    """Every load-balancing answer in eu-west-1 is broken: those units fail (exit 3), named."""
    sandbox, extra = estate
    faults = bounded(fraction=1.0, seed=3, select=_load_balancing_in_eu)
    with FaultProxy(sandbox.url, faults) as proxy:
        done = run_collect(proxy.url, tmp_path / "s.json.gz", extra)
    assert proxy.log.faults and proxy.log.refused == 0
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    got = snapshot_document(tmp_path / "s.json.gz")
    expected = {
        (account, "eu-west-1", collector)
        for account, region, collector in map(unit, clean["payloads"])
        if region == "eu-west-1" and collector in ("elbv2", "elb")
    }
    assert len(expected) == 6
    assert {unit(e) for e in got["errors"]} == expected
    assert {e["error_code"] for e in got["errors"]} == {"MalformedResponseError"}
    assert unaccounted(clean, got) == []
    assert "3 failed" not in done.stderr and "6 failed" in done.stderr


def _bucket_policy(request: Request) -> bool:
    return request.service == "s3" and request.path.endswith("?policy")


def test_truncated_bucket_policies_are_retried_not_read_as_the_policy(
    estate: tuple[Sandbox, list[str]], clean: dict[str, Any], tmp_path: Path
) -> None:
    """GetBucketPolicy's body is the policy itself (a string payload): a truncated one must be
    recognised (it is not a JSON document) and retried, not stored as a shorter policy."""
    sandbox, extra = estate
    faults = bounded(fraction=0.5, seed=5, modes=("truncated", "garbled"), select=_bucket_policy)
    with FaultProxy(sandbox.url, faults) as proxy:
        done = run_collect(proxy.url, tmp_path / "s.json.gz", extra)
    assert {r.mode for r in proxy.log.faults} == {"truncated", "garbled"}
    assert done.returncode == 0, done.stderr
    assert snapshot_document(tmp_path / "s.json.gz") == clean
