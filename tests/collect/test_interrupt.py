"""Ctrl-C during ``edgekit collect``: a real subprocess, real SIGINTs, a slowed-down sandbox.

The small seed estate is served by a sandbox server in this process, behind a delaying
:class:`~tests.collect.faultproxy.FaultProxy` (every request held ``delay`` seconds), so a
collect is still running when the signal arrives. First SIGINT: no unit starts any more, the
running ones stop at their next request (or are left behind after the grace period), exit 130;
the previous output file is untouched unless ``--keep-partial``, which writes the partial
snapshot with every unit that did not complete listed as an ``Interrupted`` error. Second
SIGINT: exit 130 at once.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.collect.execution import GRACE_SECONDS
from edgekit.sandbox.server import Sandbox, start
from tests.collect.faultproxy import FaultProxy, Faults, Request
from tests.collect.sandboxrun import (
    child_environment,
    collect_argv,
    run_collect,
    snapshot_document,
    unaccounted,
    unit,
)

PREVIOUS = b"the previous snapshot: must survive an interrupted collect"
WORKERS = 4


def _units_only(request: Request) -> bool:
    """Hold the work units' requests, not the set-up's (STS)."""
    return request.service != "sts"


def _sts_only(request: Request) -> bool:
    return request.service == "sts"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """The small seed estate behind a sandbox server."""
    with start(port=0, seed="small") as running:
        yield running


@pytest.fixture(scope="module")
def clean(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A complete collection of the estate."""
    out = tmp_path_factory.mktemp("clean") / "clean.json.gz"
    done = run_collect(sandbox.url, out, ["--quiet"])
    assert done.returncode == 0, done.stderr
    return snapshot_document(out)


def _interrupt(
    proxy: FaultProxy, out: Path, *, after_requests: int, keep_partial: bool, twice: bool = False
) -> tuple[int, float, float, str]:
    """Start a collect through ``proxy``, SIGINT it once ``after_requests`` requests arrived
    (twice: again half a second later); (exit code, seconds from the first signal to the exit,
    the first signal's monotonic time, stderr)."""
    extra = ["--quiet", "--workers", str(WORKERS), *(["--keep-partial"] if keep_partial else [])]
    child = subprocess.Popen(
        collect_argv(proxy.url, out, extra),
        env=child_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while proxy.log.requests < after_requests:
            assert child.poll() is None, "collect ended before it could be interrupted"
            assert time.monotonic() < deadline, "collect made no requests"
            time.sleep(0.02)
        signalled = time.monotonic()
        child.send_signal(signal.SIGINT)
        if twice:
            time.sleep(0.5)
            child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
        return child.returncode, time.monotonic() - signalled, signalled, err
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The output path, holding a previous snapshot that an interrupted run must not touch."""
    path = tmp_path / "s.json.gz"
    path.write_bytes(PREVIOUS)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "s.json.gz")


def test_first_ctrl_c_stops_within_seconds_and_keeps_the_previous_file(
    sandbox: Sandbox, out: Path
) -> None:
    with FaultProxy(sandbox.url, Faults(delay=0.5)) as proxy:
        code, took, signalled, err = _interrupt(proxy, out, after_requests=8, keep_partial=False)
        assert code == 130, err
        assert took < GRACE_SECONDS + 10, took
        # no unit was started after the signal: at most the requests already being sent arrive
        assert proxy.requests_since(signalled) <= WORKERS
        assert proxy.requests_since(signalled + 1.5) == 0
    assert "nothing written" in err and "Traceback" not in err
    assert out.read_bytes() == PREVIOUS and _leftovers(out.parent) == []


def test_keep_partial_writes_what_was_collected_and_lists_the_rest(
    sandbox: Sandbox, clean: dict[str, Any], out: Path
) -> None:
    with FaultProxy(sandbox.url, Faults(delay=0.3)) as proxy:
        code, _, _, err = _interrupt(proxy, out, after_requests=30, keep_partial=True)
    assert code == 130, err
    assert "PARTIAL snapshot" in err
    got = snapshot_document(out)
    assert got["payloads"], "some units had completed before the signal"
    assert got["errors"] and {e["error_code"] for e in got["errors"]} == {"Interrupted"}
    not_run = [e for e in got["errors"] if e["message"].startswith("not run")]
    assert not_run, "units never started are listed"
    # what was collected is exactly the clean run's; everything else is named
    assert unaccounted(clean, got) == []
    done = {unit(p) for p in got["payloads"]}
    named = {unit(e) for e in got["errors"]}
    assert not done & named
    assert {unit(p) for p in clean["payloads"]} <= done | named


def test_a_call_that_hangs_is_not_waited_for_beyond_the_grace_period(
    sandbox: Sandbox, out: Path
) -> None:
    with FaultProxy(sandbox.url, Faults(delay=120, slow=_units_only)) as proxy:
        code, took, _, err = _interrupt(proxy, out, after_requests=3, keep_partial=True)
    assert code == 130, err
    assert took < GRACE_SECONDS + 10, took
    messages = [e["message"] for e in snapshot_document(out)["errors"]]
    assert any("still running when the collection stopped" in m for m in messages)


def test_second_ctrl_c_exits_at_once(sandbox: Sandbox, out: Path) -> None:
    with FaultProxy(sandbox.url, Faults(delay=120, slow=_units_only)) as proxy:
        code, took, _, err = _interrupt(proxy, out, after_requests=3, keep_partial=True, twice=True)
    assert code == 130, err
    assert took < GRACE_SECONDS, took  # did not wait for the running units
    assert "exiting now" in err and "PARTIAL" not in err
    assert out.read_bytes() == PREVIOUS and _leftovers(out.parent) == []


def test_ctrl_c_while_reaching_the_accounts_exits_at_once(sandbox: Sandbox, out: Path) -> None:
    """Before any unit runs there is nothing to keep: the first SIGINT aborts the set-up call."""
    with FaultProxy(sandbox.url, Faults(delay=120, slow=_sts_only)) as proxy:
        code, took, _, err = _interrupt(proxy, out, after_requests=1, keep_partial=True)
    assert code == 130, err
    assert took < GRACE_SECONDS, took
    assert "interrupted" in err and "Traceback" not in err
    assert out.read_bytes() == PREVIOUS and _leftovers(out.parent) == []
