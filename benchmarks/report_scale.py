"""Report benchmark: the edge report notebook (papermill) on generated estates.

``python -m benchmarks.report_scale [--sizes 1000,10000]``

For each size a snapshot is generated (:mod:`benchmarks.estates`) and written to a temporary
folder, then ``edgekit.report.run_report("edge_report", ...)`` runs it end to end: scan, plan,
tables, charts, diagrams (capped by the notebook's ``max_diagrams``), HTML export. Wall-clock
seconds (a notebook run spans the kernel process too).
"""

from __future__ import annotations

import argparse
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
    print("| resources | report wall s | HTML KiB |\n|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        generated, counts = generate(max(1, round(size / SITE_RESOURCES)))
        with tempfile.TemporaryDirectory() as tmp:
            path = snap.write(generated, Path(tmp) / "estate.json.gz")
            began = time.perf_counter()
            result = run_report("edge_report", path, {}, tmp, progress=False)
            wall = time.perf_counter() - began
            html = result.html.stat().st_size / 1024 if result.html else 0.0
        print(f"| {resources(counts):,} | {wall:.1f} | {html:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
