"""``FindingIndex.counts`` counts without sorting: the same counts as counting the sorted
findings (issue 16, the overview cards)."""

from __future__ import annotations

from benchmarks.estates import generate
from edgekit.graph import Estate
from edgekit.render.findings import FindingIndex, count, run_checks
from edgekit.render.overview import reach_with_attachments


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
