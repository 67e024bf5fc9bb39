"""Matching each distinct configuration once (:mod:`edgekit.conform.batch`) gives exactly what
matching every entrypoint on its own gives; and the shared reader of :func:`collect_facts`
reads exactly what a reader per entrypoint reads."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from benchmarks.estates import generate
from edgekit.conform import Pattern, best_match, collect_facts, load_patterns
from edgekit.conform.batch import MARK, _Names, _Shared, best_matches, configuration
from edgekit.conform.facts import EntryFacts, _Reader, service_entries
from edgekit.conform.items import Deviation
from edgekit.conform.match import PatternMatch
from edgekit.conform.schema import EXAMPLE_FILE
from edgekit.graph import Estate
from edgekit.graph.lineage import traffic_successors
from edgekit.graph.tables import entries
from tests.conform.facts import entry, lb
from tests.conform.test_match import CASES, _pattern

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "sample.json.gz"
ESTATES = ("sample", "generated")


@cache
def _estate(name: str) -> Estate:
    if name == "sample":
        return Estate.load(SAMPLE)
    return Estate.from_snapshot(generate(20)[0])  # every fifth and tenth site's extras


@cache
def _facts(name: str) -> tuple[EntryFacts, ...]:
    return tuple(collect_facts(_estate(name)))


def _patterns() -> list[Pattern]:
    """The bundled example, and a pattern of every key (a deviation or unknown of each)."""
    return [*load_patterns(EXAMPLE_FILE), *(_pattern(c.key, c.value) for c in CASES)]


@pytest.mark.parametrize("name", ESTATES)
def test_best_matches_equal_matching_each_entrypoint(name: str) -> None:
    facts = _facts(name)
    for patterns in (load_patterns(EXAMPLE_FILE), _patterns()):
        assert best_matches(facts, patterns) == [best_match(f, patterns) for f in facts]


def test_best_matches_on_every_key_case() -> None:
    facts = [f for c in CASES for f in (c.good, c.bad, c.unknown) if f is not None]
    # the same configurations under other names: shared, then named back
    renamed = [
        replace(f, hostname=f"h{i}.example", node=f"dns:h{i}.example", account_id=None,
                load_balancers=tuple(replace(b, name=f"lb-{i}") for b in f.load_balancers))
        for i, f in enumerate(facts)
    ]  # fmt: skip
    for c in CASES:
        patterns = [_pattern(c.key, c.value)]
        both = [*facts, *renamed]
        assert best_matches(both, patterns) == [best_match(f, patterns) for f in both]


def test_configurations_differing_in_names_are_matched_once() -> None:
    a = entry("a.example", load_balancers=(lb(name="alb-a", web_acl=None),))
    b = entry("b.example", load_balancers=(lb(name="alb-b", web_acl=None),))
    config_a, _ = configuration(a) or (None, None)
    config_b, _ = configuration(b) or (None, None)
    assert config_a is not None and config_a == config_b
    pattern = _pattern("load_balancer.web_acl", ["regional-*"])
    found = best_matches([a, b], [pattern])
    assert [d.where for m in found for d in m.deviations] == [
        "load balancer alb-a",
        "load balancer alb-b",
    ]
    assert found == [best_match(a, [pattern]), best_match(b, [pattern])]


def test_a_name_holding_the_mark_is_matched_directly() -> None:
    odd = entry("odd.example", load_balancers=(lb(name=f"x{MARK}0{MARK}", web_acl=None),))
    assert configuration(odd) is None
    pattern = _pattern("load_balancer.web_acl", ["regional-*"])
    assert best_matches([odd], [pattern]) == [best_match(odd, [pattern])]


def test_items_that_would_become_one_once_named_are_not_shared() -> None:
    names = _Names()
    names("x"), names("ax")  # placeholders 0 and 1
    first, second = (f"a{MARK}0{MARK}", f"{MARK}1{MARK}")  # both "ax" once named
    deviations = tuple(Deviation("k", w, "m", (), "") for w in (first, second))
    shared = _Shared.of(PatternMatch("p", 0, 1, 0, deviations, ()))
    assert shared.named(names) is None
    names = _Names()
    names("x"), names("y")
    named = shared.named(names)
    assert named is not None and [d.where for d in named.deviations] == ["ax", "y"]


@pytest.mark.parametrize("name", ESTATES)
def test_service_entries_equal_a_walk_per_entrypoint(name: str) -> None:
    graph = _estate(name).graph
    reached: set[str] = set()
    named = [e for e in entries(graph) if e.entry_kind not in {"distribution-domain",
             "load-balancer", "api-endpoint", "accelerator"}]  # fmt: skip
    for e in named:
        stack, seen = [e.node], {e.node}
        while stack:
            for child in traffic_successors(graph, stack.pop()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        reached |= seen
    expected = [e for e in entries(graph) if e in named or e.node not in reached]
    assert service_entries(graph) == expected
    assert service_entries(graph, _estate(name).entries()) == expected


@pytest.mark.parametrize("name", ESTATES)
def test_shared_reader_equals_a_reader_per_entrypoint(name: str) -> None:
    estate = _estate(name)
    alone = [_Reader(estate).entry(e) for e in service_entries(estate.graph)]
    assert list(_facts(name)) == alone
