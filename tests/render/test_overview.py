"""Per-account overviews: one card per front door, split past the cap, at 1,000 entrypoints."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.estates import generate
from edgekit.graph import Estate
from edgekit.graph.frontdoor import front_door
from edgekit.graph.tables import entries
from edgekit.render import NODE_CAP, overview_spec, overview_specs
from edgekit.render.findings import FindingIndex, run_checks
from edgekit.render.spec import DiagramSpec, SpecNode
from tests.render.helpers import ACCOUNT, fixed_findings, png_size, rich

SITES_FOR_1000 = 137
"""Sites of the benchmark generator giving just over 1,000 entrypoints."""


def _names(card: SpecNode) -> list[str]:
    """The hostnames a card shows: its label, then its "AWS name:" line."""
    names = [n for n in card.label.split(", ") if " more" not in n]
    aws = [ln.removeprefix("AWS name: ") for ln in card.lines if ln.startswith("AWS name: ")]
    return names + [n for line in aws for n in line.split(", ")]


def test_one_card_per_front_door_naming_each_entrypoint_once() -> None:
    estate = rich()
    [spec] = overview_spec(estate, fixed_findings(), ACCOUNT)
    found = entries(estate.graph)
    doors = {front_door(estate.graph, e.node) for e in found}
    assert len(spec.nodes) == len(doors) < len(found)  # names of one front door share a card
    shown = [h for card in spec.nodes for h in _names(card)]
    assert sorted(shown) == sorted(e.hostname for e in found)  # none lost, none twice
    assert {n.kind for n in spec.nodes} == {"entrypoint"}
    assert spec.parts == 1 and spec.layout["grid_columns"] >= 1
    assert all(e.kind == "layout" for e in spec.edges)


def test_a_distribution_card_names_its_aliases_and_its_generated_name() -> None:
    [spec] = overview_spec(rich(), fixed_findings(), ACCOUNT)
    [www] = [n for n in spec.nodes if "www.example.com" in n.label.split(", ")]
    # the records *.example.com, example.com and www.example.com alias the distribution
    # E1MAINDIST: one card, its cloudfront.net name on a line of its own
    assert www.label == "*.example.com, example.com, www.example.com"
    assert "AWS name: de1maindist.cloudfront.net" in www.lines
    assert "cloudfront:E1MAINDIST" in www.members
    assert not [n for n in spec.nodes if n.label == "de1maindist.cloudfront.net"]


def test_card_counts_findings_on_its_paths() -> None:
    [spec] = overview_spec(rich(), fixed_findings(), ACCOUNT)
    [www] = [n for n in spec.nodes if "www.example.com" in n.label.split(", ")]
    # distribution (high), behavior (medium), origin (low), edge ACL (critical), the ALB's
    # listener (medium) and rule (info), certificate (high), record (low); unknown on the ALB;
    # each counted once although four names reach them
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
    [geo] = [n for n in spec.nodes if n.label == "geo.example.com"]
    assert geo.unresolved and geo.style.line == "dashed" and geo.findings == {}


def test_account_level_findings_are_a_note() -> None:
    [spec] = overview_spec(rich(), fixed_findings(), ACCOUNT)
    assert any("t.account" in n and "t.zone" in n for n in spec.notes)


def test_split_past_the_cap_says_so() -> None:
    [whole] = overview_spec(rich(), [], ACCOUNT)
    cards = len(whole.nodes)
    specs = overview_spec(rich(), [], ACCOUNT, cap=5)
    parts = -(-cards // 5)
    assert len(specs) == parts and sum(len(s.nodes) for s in specs) == cards
    assert all(len(s.nodes) <= 5 for s in specs)
    for s in specs:
        assert s.parts == parts and any(n.startswith(f"split: {cards} cards") for n in s.notes)
    names = [s.name for s in specs]
    assert names[0] == f"overview-{ACCOUNT}-part-01-of-{parts:02d}" and len(set(names)) == parts
    labels = [n.label for s in specs for n in s.nodes]
    assert len(labels) == len(set(labels)) == cards


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
    on_cards = Counter(m for s in specs for n in s.nodes for m in n.members)
    assert set(on_cards.values()) == {1}  # each entry node on exactly one card
    assert {e.node for e in entries(estate.graph)} == set(on_cards)
    assert sum(len(s.nodes) for s in specs) < len(hosts)  # names grouped by front door
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
