"""Per-account overviews: one card per entrypoint, split past the cap, at 1,000 entrypoints."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.estates import generate
from edgekit.graph import Estate
from edgekit.graph.tables import entries
from edgekit.render import NODE_CAP, overview_spec, overview_specs
from edgekit.render.findings import FindingIndex, run_checks
from edgekit.render.spec import DiagramSpec
from tests.render.helpers import ACCOUNT, fixed_findings, png_size, rich

SITES_FOR_1000 = 137
"""Sites of the benchmark generator giving just over 1,000 entrypoints."""


def test_one_card_per_entrypoint() -> None:
    [spec] = overview_spec(rich(), fixed_findings(), ACCOUNT)
    hosts = [e.hostname for e in entries(rich().graph)]
    assert sorted(n.label for n in spec.nodes) == sorted(hosts)
    assert {n.kind for n in spec.nodes} == {"entrypoint"}
    assert spec.parts == 1 and spec.layout["grid_columns"] >= 1
    assert all(e.kind == "layout" for e in spec.edges)


def test_card_counts_findings_on_its_paths() -> None:
    [spec] = overview_spec(rich(), fixed_findings(), ACCOUNT)
    www = spec.node("entry:www.example.com")
    # distribution (high), behavior (medium), origin (low), edge ACL (critical), the ALB's
    # listener (medium) and rule (info), certificate (high), record (low); unknown on the ALB
    assert www.findings == {
        "critical": 1,
        "high": 2,
        "medium": 2,
        "low": 2,
        "info": 1,
        "unknown": 1,
    }
    assert www.severity == "critical"
    assert any(line.startswith("web ACL: ") for line in www.lines)
    geo = spec.node("entry:geo.example.com")
    assert geo.unresolved and geo.style.line == "dashed" and geo.findings == {}


def test_account_level_findings_are_a_note() -> None:
    [spec] = overview_spec(rich(), fixed_findings(), ACCOUNT)
    assert any("t.account" in n and "t.zone" in n for n in spec.notes)


def test_split_past_the_cap_says_so() -> None:
    specs = overview_spec(rich(), [], ACCOUNT, cap=5)
    assert len(specs) == 4 and [len(s.nodes) for s in specs] == [5, 5, 5, 4]
    for s in specs:
        assert s.parts == 4 and any(n.startswith("split: 19 entrypoints") for n in s.notes)
    names = [s.name for s in specs]
    assert names[0] == f"overview-{ACCOUNT}-part-01-of-04" and len(set(names)) == 4
    cards = [n.label for s in specs for n in s.nodes]
    assert len(cards) == len(set(cards)) == 19


@pytest.fixture(scope="module")
def thousand() -> tuple[Estate, list[DiagramSpec]]:
    snapshot, _ = generate(SITES_FOR_1000)
    estate = Estate.from_snapshot(snapshot)
    index = FindingIndex.build(estate, run_checks(estate))
    return estate, overview_specs(estate, index)


def test_thousand_entrypoints_no_picture_over_the_cap(
    thousand: tuple[Estate, list[DiagramSpec]],
) -> None:
    estate, specs = thousand
    hosts = [e.hostname for e in entries(estate.graph)]
    assert len(hosts) >= 1000
    assert max(len(s.nodes) for s in specs) <= NODE_CAP
    cards = Counter(n.label for s in specs for n in s.nodes)
    assert set(cards) == set(hosts) and set(cards.values()) == {1}
    for s in specs:
        if s.parts > 1:
            assert any(note.startswith("split:") for note in s.notes)
        ids = {n.id for n in s.nodes}
        assert all(e.src in ids and e.dst in ids for e in s.edges)
    assert len({s.name for s in specs}) == len(specs)


def test_thousand_entrypoints_render_two_overviews(
    thousand: tuple[Estate, list[DiagramSpec]], tmp_path: Path
) -> None:
    from edgekit.render.draw import render

    _, specs = thousand
    biggest = max(specs, key=lambda s: len(s.nodes))
    for spec in (biggest, specs[-1]):
        width, height = png_size(render(spec, tmp_path, "png").read_bytes())
        # a readable page: big enough for 60 cards, not a giant canvas
        assert 400 < width < 6000 and 300 < height < 6000
