"""Report benchmark: the edge report notebook (papermill) on generated estates.

``python -m benchmarks.report_scale [--sizes 1000,10000]``

For each size a snapshot is generated (:mod:`benchmarks.estates`) and written to a temporary
folder, then ``edgekit.report.run_report("edge_report", ...)`` runs it end to end: scan, plan,
tables, charts, diagrams (capped by the notebook's ``max_diagrams``), HTML export. Wall-clock
seconds (a notebook run spans the kernel process too), and CPU seconds of this process and every
process it waited for (the kernel, ``dot``): on a machine shared with other jobs the CPU figure
is what the run itself cost, the wall figure depends on the load (printed with the table).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.estates import SITE_RESOURCES, generate, resources
from edgekit import snapshot as snap
from edgekit.report import run_report


def main(argv: list[str] | None = None) -> int:
    """Run and print a markdown table."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.report_scale", description=__doc__)
    p.add_argument("--sizes", default="1000,10000")
    args = p.parse_args(argv)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| resources | report wall s | CPU s | HTML KiB |\n|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        generated, counts = generate(max(1, round(size / SITE_RESOURCES)))
        with tempfile.TemporaryDirectory() as tmp:
            path = snap.write(generated, Path(tmp) / "estate.json.gz")
            began, cpu = time.perf_counter(), _cpu()
            result = run_report("edge_report", path, {}, tmp, progress=False)
            wall, cpu = time.perf_counter() - began, _cpu() - cpu
            html = result.html.stat().st_size / 1024 if result.html else 0.0
        print(f"| {resources(counts):,} | {wall:.1f} | {cpu:.1f} | {html:.0f} |", flush=True)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def _cpu() -> float:
    """User + system CPU seconds of this process and its waited-for children."""
    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    sys.exit(main())
