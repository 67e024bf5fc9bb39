"""Run the benchmarks (``make bench``): ``python -m benchmarks [--all]``.

Runs, in order: API calls per resource on the bundled estates (collect_sample, small and
sample), then on generated estates graph (graph_scale), scan and plan (scan_scale), the
entrypoints of every finding (entrypoints_scale), house-pattern conformance (conform_scale),
diagram (diagram_scale) and report (report_scale) time, and the IaC import of a generated
cdk.out (iac_import). ``--all`` adds the organisation-scale
collection benchmark (collect_scale: 10 accounts × 3 regions, 1/8/32 workers, with and without
injected latency; several minutes). Figures are printed; benchmarks/RESULTS.md records them.
"""

from __future__ import annotations

import argparse
import importlib
import sys

STEPS: tuple[tuple[str, list[str]], ...] = (
    ("benchmarks.collect_sample", ["--seed", "small"]),
    ("benchmarks.collect_sample", ["--seed", "sample"]),
    ("benchmarks.graph_scale", ["--markdown"]),
    ("benchmarks.scan_scale", ["--markdown"]),
    ("benchmarks.entrypoints_scale", ["--markdown"]),
    ("benchmarks.conform_scale", ["--markdown"]),
    ("benchmarks.diagram_scale", []),
    ("benchmarks.report_scale", []),
    ("benchmarks.iac_import", ["--markdown"]),
)


def main(argv: list[str] | None = None) -> int:
    """Run every step; the exit code is the worst step's."""
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--all", action="store_true", help="also the organisation-scale collection")
    args = p.parse_args(argv)
    steps = list(STEPS) + ([("benchmarks.collect_scale", [])] if args.all else [])
    worst = 0
    for module, step_args in steps:
        print(f"\n## {module} {' '.join(step_args)}".rstrip(), flush=True)
        rc = int(importlib.import_module(module).main(step_args) or 0)
        worst = max(worst, rc)
    return worst


if __name__ == "__main__":
    sys.exit(main())
