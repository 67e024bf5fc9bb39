"""The memoized lineage walk gives exactly the straightforward walk's hops (every node of the
fixture estates, the sample snapshot and a generated estate covering every site variant),
forward and reverse, with one memo shared by all the lineages of an estate."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.estates import generate
from edgekit.graph import Estate
from edgekit.graph.lineage import (
    NodeFacts,
    build_lineage,
    build_reverse_lineage,
    traffic_predecessors,
    traffic_successors,
)
from tests.graph import lineage_reference as ref

SAMPLE = Path(__file__).parents[1] / "fixtures" / "snapshots" / "sample.json.gz"


@pytest.fixture(scope="module")
def generated() -> Estate:
    """Twenty sites: every fifth and every tenth site's extras included."""
    return Estate.from_snapshot(generate(20)[0])


@pytest.fixture(scope="module")
def sample() -> Estate:
    """The sample snapshot."""
    return Estate.load(SAMPLE)


@pytest.mark.parametrize("name", ["rich", "multi", "partial", "rules", "sample", "generated"])
def test_every_lineage_equals_the_straightforward_walk(
    name: str, request: pytest.FixtureRequest
) -> None:
    estate: Estate = request.getfixturevalue(name)
    graph = estate.graph
    memo: dict[str, NodeFacts] = {}
    for node in sorted(graph):
        assert traffic_successors(graph, node) == ref.successors(graph, node)
        assert traffic_predecessors(graph, node) == ref.predecessors(graph, node)
        forward = build_lineage(graph, node, node, memo)
        assert list(forward.hops) == ref.walk(graph, node)
        assert (forward.entry, forward.query) == (node, node)
        assert list(build_reverse_lineage(graph, node, node, memo).hops) == ref.walk(
            graph, node, reverse=True
        )


def test_estate_lineages_of_every_entry_equal_the_straightforward_walk(generated: Estate) -> None:
    """By hostname and by node id, first and again (the estate builds an entry node's hops
    once: a distribution's aliases and generated name share them)."""
    for _ in range(2):
        for entry in generated.entries():
            expected = ref.walk(generated.graph, entry.node)
            for query in (entry.hostname, entry.node):
                found = generated.lineage(query)
                assert list(found.hops) == expected
                assert (found.entry, found.query) == (entry.node, query)
