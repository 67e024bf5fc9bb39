"""A pytest plugin: every check must be *seen* to fail, to pass non-vacuously and to say unknown.

Test names prove nothing (two checks once shared four test names, and deleting a check's tests
left the old name-based rule green). This plugin wraps :func:`edgekit.rules.runner.run` for the
whole session and records, per check id, what runs of **that one check** produced (the check
tests run one check at a time through ``tests/rules/checks/helpers.run_check``; whole-catalogue
scans such as the goldens are not counted):

* ``fail``    — a run returned a fail finding;
* ``pass``    — a run evaluated at least one resource and returned no finding (non-vacuous);
* ``unknown`` — a run returned an unknown finding.

At the end of a session that ran the whole check suite (no ``-k``/``-m`` selection, and every
``tests/rules/checks`` module collected), each check of the catalogue must have been seen to
``fail`` and ``pass`` (except :data:`NO_PASS`) and, when its source can return unknown, to
say ``unknown``; otherwise the session fails and names what is missing. Under pytest-xdist
each worker writes its observations to a folder the controller reads.
"""

from __future__ import annotations

import inspect
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from edgekit.rules import runner

CHECK_TESTS = Path(__file__).resolve().parent / "rules" / "checks"
OBS_DIR = "edgekit_check_observations"

NO_PASS: dict[str, str] = {
    "lb.classic_in_use": "every Classic Load Balancer is a finding: there is nothing to pass",
    "waf.classic_in_use": "every WAF Classic web ACL is a finding: there is nothing to pass",
}
"""Checks that fail on every resource they evaluate, by definition."""

CAN_SAY_UNKNOWN = re.compile(r"Unknown|NOT_COLLECTED|unknown_")

Observations = dict[str, set[str]]


def _record(observed: Observations, run: Callable[..., Any]) -> Callable[..., Any]:
    def observed_run(registry: Any, subject: Any) -> Any:
        result = run(registry, subject)
        ids = registry.ids()
        if len(ids) == 1:
            [check_id] = ids
            seen = observed.setdefault(check_id, set())
            seen.update(f.status.value for f in result.findings if f.check_id == check_id)
            if result.evaluated.get(check_id, 0) > 0 and not result.findings:
                seen.add("pass")
        return result

    return observed_run


def pytest_configure(config: pytest.Config) -> None:
    """Wrap the runner; the controller hands every xdist worker one observations folder."""
    observed: Observations = {}
    config.stash[_KEY] = observed
    config.stash[_ORIGINAL] = runner.run
    runner.run = _record(observed, runner.run)  # type: ignore[assignment]
    if not hasattr(config, "workerinput"):
        config.stash[_DIR] = Path(tempfile.mkdtemp(prefix="edgekit-obs-"))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist: tell a worker where to write its observations."""
    node.workerinput[OBS_DIR] = str(node.config.stash[_DIR])


def pytest_unconfigure(config: pytest.Config) -> None:
    """Put the runner back."""
    if _ORIGINAL in config.stash:
        runner.run = config.stash[_ORIGINAL]  # type: ignore[assignment]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Note whether this session runs the whole check suite (workers and plain runs)."""
    modules = {Path(str(i.path)).name for i in items if CHECK_TESTS in Path(str(i.path)).parents}
    wanted = {p.name for p in CHECK_TESTS.glob("test_*.py")}
    config.stash[_COMPLETE] = modules == wanted and not _selected(config)


def _selected(config: pytest.Config) -> bool:
    return bool(config.getoption("keyword") or config.getoption("markexpr"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Workers write; the controller (or a plain run) judges."""
    config = session.config
    observed = config.stash[_KEY]
    doc = {
        "complete": config.stash.get(_COMPLETE, False),
        "observed": {k: sorted(v) for k, v in observed.items()},
    }
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        path = Path(workerinput[OBS_DIR]) / f"{workerinput['workerid']}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        return
    folder: Path = config.stash[_DIR]
    docs = [doc] + [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))]
    for p in folder.glob("*.json"):
        p.unlink()
    folder.rmdir()
    complete = any(d["complete"] for d in docs) and not _selected(config)
    if not complete:
        return
    merged: Observations = {}
    for d in docs:
        for check_id, seen in d["observed"].items():
            merged.setdefault(check_id, set()).update(seen)
    missing = missing_observations(merged)
    config.stash[_MISSING] = missing
    if missing and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def missing_observations(observed: Observations) -> list[str]:
    """``check id: outcome`` for every required outcome no check test produced."""
    from edgekit.rules.catalogue import load

    missing: list[str] = []
    for check in load():
        check_id = check.meta.id
        wanted = ["fail"]
        if check_id not in NO_PASS:
            wanted.append("pass")
        if CAN_SAY_UNKNOWN.search(inspect.getsource(check.fn)):
            wanted.append("unknown")
        seen = observed.get(check_id, set())
        missing.extend(f"{check_id}: {w}" for w in wanted if w not in seen)
    return missing


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Name every check outcome no test produced."""
    missing = config.stash.get(_MISSING, [])
    if missing:
        terminalreporter.section("check tests by behaviour", sep="=", red=True)
        terminalreporter.line(
            "no check test was seen to produce these outcomes (tests/check_observer.py):"
        )
        for line in missing:
            terminalreporter.line(f"  {line}")


_KEY = pytest.StashKey[Observations]()
_ORIGINAL = pytest.StashKey[Callable[..., Any]]()
_DIR = pytest.StashKey[Path]()
_COMPLETE = pytest.StashKey[bool]()
_MISSING = pytest.StashKey[list[str]]()
