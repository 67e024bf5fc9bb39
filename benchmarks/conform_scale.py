"""Conformance benchmark: ``edgekit conform`` on generated estates of many entrypoints.

``python -m benchmarks.conform_scale [--entrypoints 1000,5000,10000] [--repeat 3] [--markdown]``

Estates come from :mod:`benchmarks.estates` (the graph benchmark's generated sites), sized by
their service entrypoints (:func:`edgekit.conform.facts.service_entries`). Steps, in process CPU
seconds (best of ``--repeat``; the graph is built once, not timed): ``facts`` = reading every
entrypoint's facts (routes, policies, ACLs, lockdown, load balancers); ``match`` = every
entrypoint against the bundled example patterns (``edgekit/conform/edge-patterns.toml``);
``derive`` = fingerprints and families. The cost must grow linearly: the per-entrypoint time of
the largest size is compared with the smallest's.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from benchmarks import common
from benchmarks.estates import generate
from edgekit.conform import best_match, collect_facts, load_patterns
from edgekit.conform.derive import derive
from edgekit.conform.facts import service_entries
from edgekit.conform.schema import EXAMPLE_FILE
from edgekit.graph import Estate


@dataclass(frozen=True)
class Row:
    """Figures for one estate size."""

    entrypoints: int
    nodes: int
    facts_s: float
    match_s: float
    derive_s: float
    families: int

    @property
    def total_s(self) -> float:
        """Facts, matching and derivation."""
        return self.facts_s + self.match_s + self.derive_s

    @property
    def us_per_entrypoint(self) -> float:
        """Total time per entrypoint, in microseconds."""
        return self.total_s / self.entrypoints * 1e6


def _estate(target: int) -> Estate:
    """A generated estate with about ``target`` service entrypoints."""
    probe = Estate.from_snapshot(generate(10)[0])
    per_site = len(service_entries(probe.graph)) / 10
    return Estate.from_snapshot(generate(max(1, round(target / per_site)))[0])


def measure(target: int, repeat: int) -> Row:
    """Build an estate of about ``target`` entrypoints and time the three steps."""
    estate = _estate(target)
    patterns = load_patterns(EXAMPLE_FILE)
    facts_s, facts = common.best(lambda: collect_facts(estate), repeat)
    match_s, _ = common.best(lambda: [best_match(f, patterns) for f in facts], repeat)
    derive_s, found = common.best(lambda: derive(facts), repeat)
    return Row(
        entrypoints=len(facts),
        nodes=estate.graph.number_of_nodes(),
        facts_s=facts_s,
        match_s=match_s,
        derive_s=derive_s,
        families=len(found.families),
    )


def table(rows: list[Row], markdown: bool) -> str:
    """The figures as a text or markdown table."""
    head = ("entrypoints", "graph nodes", "facts cpu s", "match cpu s", "derive cpu s",
            "total cpu s", "µs/entrypoint", "families")  # fmt: skip
    body = [
        (f"{r.entrypoints:,}", f"{r.nodes:,}", f"{r.facts_s:.3f}", f"{r.match_s:.3f}",
         f"{r.derive_s:.3f}", f"{r.total_s:.3f}", f"{r.us_per_entrypoint:.1f}", r.families)
        for r in rows
    ]  # fmt: skip
    return common.table(head, body, markdown)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 when growth is superlinear."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.conform_scale", description=__doc__)
    p.add_argument("--entrypoints", default="1000,5000,10000", help="sizes, comma-separated")
    p.add_argument("--repeat", type=int, default=3, help="timed runs per step (best kept)")
    p.add_argument("--markdown", action="store_true", help="print a markdown table")
    args = p.parse_args(argv)
    rows = []
    for size in (int(s) for s in args.entrypoints.split(",")):
        rows.append(measure(size, args.repeat))
        print(f"measured {rows[-1].entrypoints:,} entrypoints", file=sys.stderr)
    print(table(rows, args.markdown))
    first, last = rows[0], rows[-1]
    ratio = last.us_per_entrypoint / first.us_per_entrypoint
    ok, text = common.linear(ratio, f"per-entrypoint time ×{ratio:.2f}", first.entrypoints,
                             last.entrypoints)  # fmt: skip
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
