"""CloudWatch metrics at organisation scale: queries and GetMetricData calls per resource, time.

Run: ``.venv/bin/python -m benchmarks.collect_metrics [--accounts 10] [--latency-ms 50]``.

The estate and server of :mod:`benchmarks.collect_scale` (10 accounts × 3 regions, 900
resources, a bridged moto server in a child process). Every collector runs first without the
``cloudwatch`` collector, then with it, at 8 workers and with the injected per-request latency;
the table gives the metered resources, the metric queries the collector asked for (what
GetMetricData bills), the GetMetricData calls (≤ 500 queries each, plus pages), both per
metered resource, and the extra wall time. The estate publishes no metrics: every query is a
complete, empty result (the same number of queries and calls as a busy estate; a busy one only
adds pages when a call's answer passes 100,800 datapoints).
"""

from __future__ import annotations

import argparse
import time

from benchmarks import collect_scale, scale_estate
from edgekit.collect import registry


def main(argv: list[str] | None = None) -> int:
    """Build the estate, collect it without and with metrics, print the table."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.collect_metrics", description=__doc__)
    p.add_argument("--accounts", type=int, default=10)
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--latency-ms", type=float, default=50.0)
    args = p.parse_args(argv)
    accounts = ["123456789012"] + [f"{100000000000 + i:012d}" for i in range(1, args.accounts)]
    latency = args.latency_ms / 1000
    with collect_scale.moto_server() as (url, _notes):
        missing = collect_scale.unserved(url)
        made = scale_estate.build(
            url, accounts, collect_scale.REGIONS, cloudfront="cloudfront" not in missing
        )
        resources = sum(made.values())
        every = [c.id for c in registry.ALL if c.id not in missing]
        without = [c for c in every if c != "cloudwatch"]
        _base, base_s = collect_scale.run_once(url, accounts, without, args.workers, latency)
        full, full_s = collect_scale.run_once(url, accounts, every, args.workers, latency)
    items = [
        m
        for p_ in full.snapshot.payloads
        if p_["collector"] == "cloudwatch"
        for m in p_["data"].get("metric_data") or []
    ]
    metered = len({m["resource"] for m in items})
    calls = full.calls.get(("cloudwatch", "GetMetricData"), 0)
    subs = full.calls.get(("cloudfront", "GetMonitoringSubscription"), 0)
    units = sum(1 for p_ in full.snapshot.payloads if p_["collector"] == "cloudwatch")
    print(
        f"estate: {args.accounts} accounts × {len(collect_scale.REGIONS)} regions, {resources} "
        f"resources; {args.workers} workers, {args.latency_ms:.0f} ms per request"
    )
    print(
        "| metered resources | cloudwatch units | metric queries | queries/resource "
        "| GetMetricData calls | calls/resource | GetMonitoringSubscription | wall s without "
        "| wall s with | failed | gaps |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {metered} | {units} | {len(items)} | {len(items) / max(1, metered):.2f} | {calls} "
        f"| {calls / max(1, metered):.3f} | {subs} | {base_s:.1f} | {full_s:.1f} "
        f"| {full.failed_units} | {len(full.snapshot.gaps)} |"
    )
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - started:.0f} s)")
    raise SystemExit(code)
