"""The overview's faster paths give what the former ones gave (issue 16): ``FindingIndex.counts``
counts without sorting, ``Links.reach`` walks plain lists instead of the graph's views."""

from __future__ import annotations

import pytest

from benchmarks.estates import generate
from edgekit.graph import Estate
from edgekit.graph.frontdoor import front_door
from edgekit.render.findings import FindingIndex, count, run_checks
from edgekit.render.overview import Links, reach_with_attachments
from tests.render.helpers import rich


def test_counts_are_the_counts_of_the_sorted_findings() -> None:
    """``FindingIndex.counts`` (no sort) gives what counting ``findings`` (sorted) gave, on
    every overview card's nodes of a generated estate."""
    estate = Estate.from_snapshot(generate(60)[0])
    index = FindingIndex.build(estate, run_checks(estate))
    entries = estate.entries()
    assert len(entries) > 100
    for entry in entries:
        nodes = reach_with_attachments(estate.graph, entry.node)
        assert index.counts(nodes) == count(index.findings(nodes))
    assert any(index.counts(reach_with_attachments(estate.graph, e.node)) for e in entries)


@pytest.mark.parametrize("sites", [0, 60])
def test_links_reach_what_the_graph_walk_reaches(sites: int) -> None:
    estate = rich() if sites == 0 else Estate.from_snapshot(generate(sites)[0])
    graph, links = estate.graph, Links.of(estate.graph)
    doors: dict[str, list[str]] = {}
    for entry in estate.entries():
        doors.setdefault(front_door(graph, entry.node), []).append(entry.node)
    assert len(doors) > 5
    for nodes in doors.values():
        assert links.reach(*nodes) == reach_with_attachments(graph, *nodes)
    for node in list(graph.nodes)[::7]:  # from anywhere, not only entries
        assert links.reach(node) == reach_with_attachments(graph, node)
