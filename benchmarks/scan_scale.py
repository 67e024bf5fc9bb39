"""Scan and plan benchmark: the whole check catalogue and the planner on generated estates.

``python -m benchmarks.scan_scale [--sizes 1000,10000,50000] [--markdown]``

For each size (resources, see :mod:`benchmarks.estates`) the snapshot is generated and parsed
and the graph built (not timed: see ``graph_scale``), then timed in process CPU seconds: the
scan (every check of the catalogue over the estate) and the plan (redundancy proposals).
The cost must grow linearly: per-resource scan time of the largest size against the smallest.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass

from benchmarks import common
from benchmarks.estates import SITE_RESOURCES, generate, resources
from edgekit.graph import Estate
from edgekit.model import parse
from edgekit.plan import plan
from edgekit.rules import runner
from edgekit.rules.catalogue import load
from edgekit.rules.context import CheckContext


@dataclass(frozen=True)
class Row:
    """Figures for one estate size."""

    resources: int
    checks: int
    evaluations: int
    findings: int
    proposals: int
    scan_s: float
    plan_s: float

    @property
    def scan_us_per_resource(self) -> float:
        """Scan CPU time per resource, microseconds."""
        return self.scan_s / self.resources * 1e6


def measure(size: int) -> Row:
    """Generate about ``size`` resources, then time scan and plan."""
    snapshot, counts = generate(max(1, round(size / SITE_RESOURCES)))
    estate = Estate.from_model(parse(snapshot))
    registry = load()
    gc.collect()
    start = time.process_time()
    result = runner.run(registry, CheckContext.from_estate(estate))
    scan_s = time.process_time() - start
    assert not result.errors, result.errors[:3]
    gc.collect()
    start = time.process_time()
    proposals = plan(estate, result.findings).proposals
    plan_s = time.process_time() - start
    return Row(
        resources=resources(counts),
        checks=len(registry),
        evaluations=sum(result.evaluated.values()),
        findings=len(result.findings),
        proposals=len(proposals),
        scan_s=scan_s,
        plan_s=plan_s,
    )


def render(rows: list[Row], markdown: bool) -> str:
    """A text or markdown table."""
    head = (
        "resources",
        "checks",
        "evaluations",
        "findings",
        "proposals",
        "scan cpu s",
        "µs/resource",
        "plan cpu s",
    )
    body = [
        (
            f"{r.resources:,}",
            str(r.checks),
            f"{r.evaluations:,}",
            f"{r.findings:,}",
            f"{r.proposals:,}",
            f"{r.scan_s:.2f}",
            f"{r.scan_us_per_resource:.0f}",
            f"{r.plan_s:.2f}",
        )
        for r in rows
    ]
    return common.table(head, body, markdown)


def main(argv: list[str] | None = None) -> int:
    """Run; exit 1 when the scan's per-resource cost grows superlinearly."""
    return common.scale_main(
        argv,
        "python -m benchmarks.scan_scale",
        __doc__,
        measure,
        render,
        lambda r: r.scan_us_per_resource,
        lambda r: r.resources,
        "scan per-resource time",
    )


if __name__ == "__main__":
    raise SystemExit(main())
