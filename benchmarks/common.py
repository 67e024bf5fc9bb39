"""What the scale benchmarks share: best-of timing, the figures table, the linear-growth verdict."""

from __future__ import annotations

import gc
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
