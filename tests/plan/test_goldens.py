"""Golden proposals (tests/goldens/plan/): every pattern snapshot, the rich fixture and the
sample estate. Regenerate with ``EDGEKIT_UPDATE_GOLDENS=1 pytest tests/plan``; a missing golden
fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from edgekit import snapshot as snap
from edgekit.graph import Estate
from edgekit.plan import formats, plan
from tests.graph import goldens
from tests.plan.patterns import PATTERNS

GOLDENS = Path(__file__).resolve().parents[1] / "goldens" / "plan"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots"


def _documents(estate: Estate) -> tuple[str, str]:
    assert estate.snapshot is not None
    result = plan(estate)
    meta = estate.snapshot.meta()
    return formats.to_json(formats.document(result, meta)), formats.markdown(result, meta)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_golden_pattern_proposals(name: str) -> None:
    text, _ = _documents(Estate.from_snapshot(PATTERNS[name]()))
    goldens.check(f"{name}.proposals.json", text, GOLDENS)


@pytest.mark.parametrize("fixture", ["rich.json", "sample.json.gz"])
def test_golden_fixture_proposals(fixture: str) -> None:
    path = FIXTURES / fixture
    assert path.exists(), f"fixture {path} is missing"
    name = fixture.split(".")[0]
    text, md = _documents(Estate.from_snapshot(snap.load(path)))
    goldens.check(f"{name}.proposals.json", text, GOLDENS)
    goldens.check(f"{name}.plan.md", md, GOLDENS)


def test_documents_are_byte_stable() -> None:
    first = _documents(Estate.from_snapshot(PATTERNS["nlb_to_alb"]()))
    assert _documents(Estate.from_snapshot(PATTERNS["nlb_to_alb"]())) == first
    assert '"schema": "edgekit.proposals/1"' in first[0]
