"""Graph benchmark: build the traffic graph and the entrypoints table of generated estates.

``python -m benchmarks.graph_scale [--sizes 1000,10000,50000] [--repeat 3] [--markdown]``

For each size (resources, see :mod:`benchmarks.estates`): the snapshot is generated (not
timed), then parsed (``edgekit.model.parse``), the graph built (``Estate.from_model``) and the
entrypoints table computed (``Estate.entrypoints``). Times are process CPU seconds
(``time.process_time``: steadier than wall-clock on a shared machine), the best of ``--repeat``
runs; peak memory is measured in a separate run under ``tracemalloc`` (graph + table only: the
inventory already exists). The cost must grow linearly: the per-resource time of the largest
size is compared with the smallest's.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from dataclasses import dataclass

from benchmarks import common
from benchmarks.estates import SITE_RESOURCES, generate, resources
from edgekit.graph import Estate
from edgekit.model import parse


@dataclass(frozen=True)
class Row:
    """Figures for one estate size."""

    resources: int
    nodes: int
    edges: int
    entrypoints: int
    parse_s: float
    graph_s: float
    table_s: float
    peak_mib: float

    @property
    def graph_and_table_s(self) -> float:
        """Graph build plus entrypoints table."""
        return self.graph_s + self.table_s

    @property
    def us_per_resource(self) -> float:
        """Graph + table time per resource, in microseconds."""
        return self.graph_and_table_s / self.resources * 1e6

    @property
    def kib_per_resource(self) -> float:
        """Peak traced memory per resource, in KiB."""
        return self.peak_mib * 1024 / self.resources


def measure(size: int, repeat: int) -> Row:
    """Generate an estate of about ``size`` resources and measure it."""
    snapshot, counts = generate(max(1, round(size / SITE_RESOURCES)))
    parse_s, inv = common.best(lambda: parse(snapshot), repeat)
    graph_s, estate = common.best(lambda: Estate.from_model(inv), repeat)
    table_s, frame = common.best(lambda: Estate.from_model(inv).entrypoints(), repeat)
    table_s -= graph_s  # the table run rebuilt the graph (a fresh estate has no cached table)
    gc.collect()
    tracemalloc.start()
    traced = Estate.from_model(inv)
    traced.entrypoints()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del traced
    return Row(
        resources=resources(counts),
        nodes=estate.graph.number_of_nodes(),
        edges=estate.graph.number_of_edges(),
        entrypoints=len(frame),
        parse_s=parse_s,
        graph_s=graph_s,
        table_s=max(table_s, 0.0),
        peak_mib=peak / 2**20,
    )


def table(rows: list[Row], markdown: bool) -> str:
    """The figures as a text or markdown table."""
    head = (
        "resources",
        "nodes",
        "edges",
        "entrypoints",
        "parse cpu s",
        "graph cpu s",
        "table cpu s",
        "graph+table cpu s",
        "µs/resource",
        "peak MiB",
        "KiB/resource",
    )
    body = [
        (
            f"{r.resources:,}",
            f"{r.nodes:,}",
            f"{r.edges:,}",
            f"{r.entrypoints:,}",
            f"{r.parse_s:.3f}",
            f"{r.graph_s:.3f}",
            f"{r.table_s:.3f}",
            f"{r.graph_and_table_s:.3f}",
            f"{r.us_per_resource:.1f}",
            f"{r.peak_mib:.1f}",
            f"{r.kib_per_resource:.2f}",
        )
        for r in rows
    ]
    return common.table(head, body, markdown)


def verdict(rows: list[Row]) -> tuple[bool, str]:
    """Whether the per-resource cost stayed flat from the smallest to the largest size."""
    first, last = rows[0], rows[-1]
    ratio = last.us_per_resource / first.us_per_resource
    mem = last.kib_per_resource / first.kib_per_resource
    what = f"per-resource time ×{ratio:.2f} and memory ×{mem:.2f}"
    return common.linear(ratio, what, first.resources, last.resources)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 when growth is superlinear."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.graph_scale", description=__doc__)
    p.add_argument("--sizes", default="1000,10000,50000", help="resource counts, comma-separated")
    p.add_argument("--repeat", type=int, default=3, help="timed runs per step (best kept)")
    p.add_argument("--markdown", action="store_true", help="print a markdown table")
    args = p.parse_args(argv)
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        rows.append(measure(size, args.repeat))
        print(f"measured {rows[-1].resources:,} resources", file=sys.stderr)
    print(table(rows, args.markdown))
    ok, text = verdict(rows)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
