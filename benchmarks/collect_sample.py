"""API calls per resource for collecting the bundled estates from the sandbox.

``python -m benchmarks.collect_sample [--seed small|sample]``

Starts the sandbox (moto + bridge) on a free loopback port, seeds it, collects it with
``edgekit collect``'s API (all collectors; the sample estate through AssumeRole into its three
accounts) and prints, per collector, the API calls made and the resources collected (the items
of the payloads' top-level lists, nested listeners/rules/records counted too), then the total
calls per resource and the wall time.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from typing import Any

from edgekit.aws.session import SessionSpec, TemporaryCredentials
from edgekit.collect.api import collect
from edgekit.sandbox.server import start

SAMPLE_ACCOUNTS = ("111111111111", "222222222222", "333333333333")
REGIONS = ("us-east-1", "eu-west-1")
NESTED = ("Listeners", "Rules", "ResourceRecordSets", "Stages", "Routes", "Integrations")


def count_items(value: Any) -> int:
    """Items of a payload value: list entries plus their nested sub-resource lists."""
    if not isinstance(value, list):
        return 0
    n = len(value)
    for item in value:
        if isinstance(item, dict):
            n += sum(count_items(item.get(k)) for k in NESTED)
    return n


def main(argv: list[str] | None = None) -> int:
    """Seed, collect, print the table."""
    p = argparse.ArgumentParser(prog="python -m benchmarks.collect_sample", description=__doc__)
    p.add_argument("--seed", choices=("small", "sample"), default="sample")
    args = p.parse_args(argv)
    with start(0, args.seed) as sandbox:
        spec = SessionSpec(endpoint_url=sandbox.url).with_credentials(
            TemporaryCredentials("testing", "testing")
        )
        began = time.perf_counter()
        result = collect(
            spec,
            regions=list(REGIONS),
            accounts=list(SAMPLE_ACCOUNTS) if args.seed == "sample" else (),
            role_name="EdgekitReadOnly" if args.seed == "sample" else None,
            progress=False,
        )
        wall = time.perf_counter() - began
    items: Counter[str] = Counter()
    for payload in result.snapshot.payloads:
        for value in payload["data"].values():
            items[payload["collector"]] += count_items(value)
    calls: Counter[str] = Counter()
    for (service, _op), n in result.calls.items():
        calls[service] += n
    print("| collector / service | resources | | service | API calls |\n|---|---:|---|---|---:|")
    rows = max(len(items), len(calls))
    left, right = sorted(items.items()), sorted(calls.items())
    for i in range(rows):
        a = left[i] if i < len(left) else ("", "")
        b = right[i] if i < len(right) else ("", "")
        print(f"| {a[0]} | {a[1]} | | {b[0]} | {b[1]} |")
    total_items = sum(items.values())
    print(
        f"\n{args.seed}: {result.units} units, {result.failed_units} failed, "
        f"{len(result.snapshot.gaps)} gaps; {result.total_calls} API calls for {total_items} "
        f"resources = {result.total_calls / max(total_items, 1):.2f} calls/resource; "
        f"{wall:.1f} s wall"
    )
    return 0 if result.failed_units == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
