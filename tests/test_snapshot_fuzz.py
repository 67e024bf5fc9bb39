"""The snapshot mutation fuzzer: zero tracebacks (issue #11, "Done when").

Every mutated snapshot must give either a clean edgekit error (exit 2) or a result, possibly
partial (exit 3): snapshot.read → model → graph → scan → plan in process, and the CLI's scan
on a file. Seeds are fixed; the case count is bounded (about 2,300 cases in all).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from tests.fuzz import cases, fixture, uncaught

SMALL = ("partial.json", "multi_account.json", "globalaccelerator.json")
ENVELOPE_CASES = 1200
PIPELINE_CASES = 1020
CLI_CASES = 90
CHUNKS = 6


def _pipeline(doc: Any) -> None:
    from edgekit.graph import Estate
    from edgekit.plan import plan
    from edgekit.rules import runner
    from edgekit.rules.catalogue import load
    from edgekit.rules.context import CheckContext

    estate = Estate.from_snapshot(snap.Snapshot.from_json(doc))
    result = runner.run(load(), CheckContext.from_estate(estate))
    plan(estate, [f for f in result.findings if f.check_id.startswith("redundancy.")])
    estate.entrypoints()


def _seeds(total: int, chunk: int) -> range:
    size = total // CHUNKS
    return range(chunk * size, (chunk + 1) * size)


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_envelope_mutations(chunk: int) -> None:
    """Reading alone, over every fixture including the large ones."""
    names = (*SMALL, "rich.json")
    found = [
        c
        for i, name in enumerate(names)
        for c in cases(fixture(name), _seeds(ENVELOPE_CASES, chunk)[i :: len(names)])
    ]
    failures = uncaught(lambda doc: snap.Snapshot.from_json(doc), found)
    assert not failures, "\n".join(failures[:10])


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_pipeline_mutations(chunk: int) -> None:
    """Read, model, graph, every check, the planner and the entrypoints table."""
    found = [
        c
        for i, name in enumerate(SMALL)
        for c in cases(fixture(name), _seeds(PIPELINE_CASES, chunk)[i :: len(SMALL)])
    ]
    failures = uncaught(_pipeline, found)
    assert not failures, f"{len(failures)} of {len(found)} cases:\n" + "\n".join(failures[:15])


def test_cli_mutations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``edgekit scan FILE`` exits 0, 1, 2 or 3 (never an escaping exception)."""
    found = [
        c
        for i, name in enumerate(SMALL)
        for c in cases(fixture(name), range(10_000 + i, 10_000 + CLI_CASES, len(SMALL)))
    ]
    path = tmp_path / "case.json"
    codes: set[int] = set()

    def run(doc: Any) -> None:
        path.write_text(json.dumps(doc), encoding="utf-8")
        code = main(["scan", str(path), "--format", "json"])
        capsys.readouterr()
        assert code in (0, 1, 2, 3), code
        codes.add(code)

    failures = uncaught(run, found)
    assert not failures, "\n".join(failures[:10])
    assert 0 in codes and 2 in codes  # the mutations reach both outcomes
