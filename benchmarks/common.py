"""What the scale benchmarks share: best-of timing, the figures table, the linear-growth verdict."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
LINEAR_TOLERANCE = 1.5
"""Largest size's per-unit cost / smallest size's above this is reported superlinear."""


def best(
    fn: Callable[[], T], repeat: int, clock: Callable[[], float] = time.process_time
) -> tuple[float, T]:
    """Best of ``repeat`` runs: process CPU seconds (the machine is shared), or ``clock``."""
    fastest, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = clock()
        result = fn()
        fastest = min(fastest, clock() - start)
    assert result is not None
    return fastest, result


def table(head: tuple[str, ...], body: list[tuple[Any, ...]], markdown: bool) -> str:
    """A right-aligned text table, or a markdown one."""
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
        lines += ["| " + " | ".join(map(str, b)) + " |" for b in body]
        return "\n".join(lines)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    fmt = "  ".join(f"{{:>{w}}}" for w in widths)
    return "\n".join(fmt.format(*line) for line in (head, *body))


def linear(ratio: float, what: str, first: int, last: int) -> tuple[bool, str]:
    """Whether the per-unit cost grew by ``ratio`` at most the tolerance, and the sentence saying
    so: ``<what> from <first> to <last> resources (linear; tolerance ×1.5)``."""
    ok = ratio <= LINEAR_TOLERANCE
    text = (
        f"{what} from {first:,} to {last:,} resources ({'linear' if ok else 'SUPERLINEAR'}; "
        f"tolerance ×{LINEAR_TOLERANCE})"
    )
    return ok, text


def scale_main(
    argv: list[str] | None,
    prog: str,
    description: str | None,
    measure: Callable[[int], T],
    render: Callable[[list[T], bool], str],
    per_resource: Callable[[T], float],
    size_of: Callable[[T], int],
    what: str,
) -> int:
    """The command line of a scale benchmark: ``--sizes`` (resource counts) and ``--markdown``;
    measures each size, prints the table and the linear-growth verdict of ``per_resource``
    (``what``: the cost's name, e.g. ``scan per-resource time``); 1 when superlinear."""
    p = argparse.ArgumentParser(prog=prog, description=description)
    p.add_argument("--sizes", default="1000,10000,50000")
    p.add_argument("--markdown", action="store_true")
    args = p.parse_args(argv)
    rows: list[T] = []
    for size in (int(s) for s in args.sizes.split(",")):
        rows.append(measure(size))
        print(f"measured {size_of(rows[-1]):,} resources", file=sys.stderr)
    print(render(rows, args.markdown))
    ratio = per_resource(rows[-1]) / per_resource(rows[0])
    ok, text = linear(ratio, f"{what} ×{ratio:.2f}", size_of(rows[0]), size_of(rows[-1]))
    print(text)
    return 0 if ok else 1
