"""Diagram benchmark: diagram specs for generated estates, and drawing a few pictures.

``python -m benchmarks.diagram_scale [--sizes 1000,10000,50000] [--repeat 3] [--markdown]``

For each size (resources, see :mod:`benchmarks.estates`) the snapshot is generated, parsed, its
graph built, the check catalogue run and the planner run (none of that timed here: other
benchmarks own them). Timed, best of ``--repeat``, in process CPU seconds (the machine is
shared): placing the findings on the graph (``FindingIndex.build``), the per-account overview
specs (split at the node cap), one spec per entrypoint, and the before/after spec of every
proposal (each applied to its neighbourhood). Spec time must grow linearly: the per-entrypoint
cost of the largest size is compared with the smallest's. Then a few pictures of the largest
estate are drawn (largest entrypoint spec, a full overview part, a before/after) as PNG and as
SVG, best of ``--repeat`` in wall-clock seconds (Graphviz runs as a child process).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass

from benchmarks import common
from benchmarks.estates import SITE_RESOURCES, generate, resources
from edgekit.graph import Estate
from edgekit.graph.tables import entries
from edgekit.plan import plan
from edgekit.render.beforeafter import after_graph, before_after_spec
from edgekit.render.draw import render
from edgekit.render.entrypoint import spec_for_entry
from edgekit.render.findings import FindingIndex, run_checks
from edgekit.render.overview import overview_specs
from edgekit.render.spec import DiagramSpec


@dataclass(frozen=True)
class Row:
    """Spec figures for one estate size."""

    resources: int
    nodes: int
    entrypoints: int
    findings: int
    proposals: int
    index_s: float
    overview_s: float
    overview_pictures: int
    max_cards: int
    entry_s: float
    max_boxes: int
    after_s: float

    @property
    def specs_s(self) -> float:
        """All spec building."""
        return self.index_s + self.overview_s + self.entry_s + self.after_s

    @property
    def us_per_entrypoint(self) -> float:
        """Index + overview + entrypoint spec time per entrypoint, in microseconds."""
        return (self.index_s + self.overview_s + self.entry_s) / self.entrypoints * 1e6


def measure(size: int, repeat: int) -> tuple[Row, dict[str, DiagramSpec]]:
    """Generate an estate of about ``size`` resources; time its specs; keep a few to draw."""
    snapshot, counts = generate(max(1, round(size / SITE_RESOURCES)))
    estate = Estate.from_snapshot(snapshot)
    findings = run_checks(estate)
    proposals = plan(estate).proposals
    found = entries(estate.graph)
    index_s, index = common.best(lambda: FindingIndex.build(estate, findings), repeat)
    overview_s, overviews = common.best(lambda: overview_specs(estate, index), repeat)
    entry_s, specs = common.best(
        lambda: [spec_for_entry(estate, index, e.node, e.hostname) for e in found], repeat
    )
    after_s, afters = common.best(
        lambda: [
            before_after_spec(estate, p, after_graph(estate, p), findings=index) for p in proposals
        ],
        repeat,
    )
    row = Row(
        resources=resources(counts),
        nodes=estate.graph.number_of_nodes(),
        entrypoints=len(found),
        findings=len(findings),
        proposals=len(proposals),
        index_s=index_s,
        overview_s=overview_s,
        overview_pictures=len(overviews),
        max_cards=max(len(s.nodes) for s in overviews),
        entry_s=entry_s,
        max_boxes=max(len(s.nodes) for s in specs),
        after_s=after_s,
    )
    samples = {
        "largest entrypoint": max(specs, key=lambda s: (len(s.nodes), s.name)),
        "overview part": max(overviews, key=lambda s: (len(s.nodes), s.name)),
    }
    if afters:
        samples["before/after"] = max(afters, key=lambda s: (len(s.nodes), s.name))
    return row, samples


def draw_times(samples: dict[str, DiagramSpec], repeat: int) -> list[tuple[str, int, str, float]]:
    """(picture, boxes, format, seconds) for each sample in PNG and SVG."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for what, spec in samples.items():
            for fmt in ("png", "svg"):
                # wall clock: Graphviz runs in a child process
                seconds, _ = common.best(
                    lambda s=spec, f=fmt: render(s, tmp, f), repeat, time.perf_counter
                )
                out.append((what, len(spec.nodes), fmt, seconds))
    return out


def spec_table(rows: list[Row], markdown: bool) -> str:
    """Spec figures as a text or markdown table."""
    head = (
        "resources",
        "nodes",
        "entrypoints",
        "findings",
        "proposals",
        "index cpu s",
        "overview cpu s",
        "overview pictures (max cards)",
        "entrypoint specs cpu s",
        "max boxes",
        "before/after cpu s",
        "all specs cpu s",
        "µs/entrypoint",
    )
    body = [
        (
            f"{r.resources:,}",
            f"{r.nodes:,}",
            f"{r.entrypoints:,}",
            f"{r.findings:,}",
            f"{r.proposals:,}",
            f"{r.index_s:.3f}",
            f"{r.overview_s:.3f}",
            f"{r.overview_pictures} ({r.max_cards})",
            f"{r.entry_s:.3f}",
            r.max_boxes,
            f"{r.after_s:.3f}",
            f"{r.specs_s:.3f}",
            f"{r.us_per_entrypoint:.0f}",
        )
        for r in rows
    ]
    return common.table(head, body, markdown)


def verdict(rows: list[Row]) -> tuple[bool, str]:
    """Whether the per-entrypoint spec cost stayed flat from the smallest to the largest size."""
    first, last = rows[0], rows[-1]
    ratio = last.us_per_entrypoint / first.us_per_entrypoint
    what = f"per-entrypoint spec time ×{ratio:.2f}"
    return common.linear(ratio, what, first.resources, last.resources)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 when spec time grows superlinearly."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.diagram_scale", description=__doc__)
    p.add_argument("--sizes", default="1000,10000,50000", help="resource counts, comma-separated")
    p.add_argument("--repeat", type=int, default=3, help="timed runs per step (best kept)")
    p.add_argument("--markdown", action="store_true", help="print markdown tables")
    args = p.parse_args(argv)
    rows = []
    samples: dict[str, DiagramSpec] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        row, samples = measure(size, args.repeat)
        rows.append(row)
        print(f"measured {row.resources:,} resources", file=sys.stderr)
    print(spec_table(rows, args.markdown))
    ok, text = verdict(rows)
    print(text)
    print()
    drawn = [(w, n, f, f"{s:.2f}") for w, n, f, s in draw_times(samples, args.repeat)]
    head = ("picture (largest estate)", "boxes", "format", "draw wall s")
    print(common.table(head, drawn, args.markdown))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
