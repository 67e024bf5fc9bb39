"""Hostname-first benchmark: which entrypoints cross each finding's resource, on generated estates.

``python -m benchmarks.entrypoints_scale [--sizes 1000,10000,50000] [--markdown]``

For each size (resources, see :mod:`benchmarks.estates`) the snapshot is generated and parsed,
the graph built and the catalogue scanned (not timed). Timed in process CPU seconds, best of 3:
building the :class:`~edgekit.graph.reach.EntrypointIndex` (one pass over the strongly
connected components of the traffic edges), then giving every finding its hostnames (what the
runner does once per scan), and one ``--entrypoint`` selection (a glob) with the filter. The
cost must grow linearly: per-resource time of the largest size against the smallest. ``refs``
is the size of the answer (the sum over findings of their hostnames).
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, replace

import networkx as nx

from benchmarks import common
from benchmarks.estates import SITE_RESOURCES, generate, resources
from edgekit.gcpause import gc_paused
from edgekit.graph import Estate
from edgekit.graph.reach import EntrypointIndex
from edgekit.model import parse
from edgekit.rules import runner
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext
from edgekit.rules.entrypoints import on_hosts
from edgekit.rules.finding import Finding


@dataclass(frozen=True)
class Row:
    """Figures for one estate size."""

    resources: int
    hostnames: int
    findings: int
    refs: int
    index_s: float
    attach_s: float
    select_s: float

    @property
    def us_per_resource(self) -> float:
        """Index + attach CPU time per resource, microseconds."""
        return (self.index_s + self.attach_s) / self.resources * 1e6


def _best(fn: object, repeat: int = 3) -> float:
    assert callable(fn)
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def _attach(findings: list[Finding], index: EntrypointIndex, graph: nx.DiGraph) -> list[Finding]:
    """What the runner does once per scan (:func:`edgekit.rules.runner.run`)."""
    with gc_paused():
        return [replace(f, entrypoints=index.of(graph, f.resource.id)) for f in findings]


def measure(size: int) -> Row:
    """Generate about ``size`` resources, scan, then time the hostname work."""
    snapshot, counts = generate(max(1, round(size / SITE_RESOURCES)))
    estate = Estate.from_model(parse(snapshot))
    findings = runner.run(load(), CheckContext.from_estate(estate)).findings
    graph = estate.graph
    index_s = _best(lambda: EntrypointIndex.build(graph))
    index = EntrypointIndex.build(graph)
    attach_s = _best(
        lambda: [replace(f, entrypoints=index.of(graph, f.resource.id)) for f in findings]
    )
    attached = [replace(f, entrypoints=index.of(graph, f.resource.id)) for f in findings]
    pattern = f"*{index.hostnames[0][-12:]}" if index.hostnames else "*"
    select_s = _best(lambda: on_hosts(attached, index.select([pattern])))
    return Row(
        resources=resources(counts),
        hostnames=len(index.hostnames),
        findings=len(findings),
        refs=sum(len(f.entrypoints) for f in attached),
        index_s=index_s,
        attach_s=attach_s,
        select_s=select_s,
    )


def render(rows: list[Row], markdown: bool) -> str:
    """A text or markdown table."""
    head = (
        "resources",
        "hostnames",
        "findings",
        "refs",
        "index cpu s",
        "attach cpu s",
        "µs/resource",
        "select cpu s",
    )
    body = [
        (
            f"{r.resources:,}",
            f"{r.hostnames:,}",
            f"{r.findings:,}",
            f"{r.refs:,}",
            f"{r.index_s:.3f}",
            f"{r.attach_s:.3f}",
            f"{r.us_per_resource:.1f}",
            f"{r.select_s:.3f}",
        )
        for r in rows
    ]
    return common.table(head, body, markdown)


def main(argv: list[str] | None = None) -> int:
    """Run; exit 1 when the per-resource cost grows superlinearly."""
    return common.scale_main(
        argv,
        "python -m benchmarks.entrypoints_scale",
        __doc__,
        measure,
        render,
        lambda r: r.us_per_resource,
        lambda r: r.resources,
        "index + attach per-resource time",
    )


if __name__ == "__main__":
    raise SystemExit(main())
