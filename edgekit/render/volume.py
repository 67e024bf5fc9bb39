"""Arrow widths by request volume, when the snapshot holds CloudWatch metrics.

An arrow into a metered resource (distribution, load balancer, API stage, function URL,
accelerator) is drawn as wide as the requests per day that resource served over the metrics
window (new flows for NLBs and accelerators), on a log scale bounded to
[:data:`MIN_WIDTH`, :data:`MAX_WIDTH`]. Arrows into anything else keep their width: CloudWatch
counts no requests per behavior, origin or target group, and a distribution sends its origins
fewer requests than it serves (cache hits), so nothing is carried over from one hop to the next.

Without metrics in the snapshot (no cloudwatch window at all) nothing changes, legend included.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import Final

from edgekit.graph import Estate
from edgekit.graph.metrics import nodes_of
from edgekit.model.cloudwatch.reading import Traffic, metered
from edgekit.render.spec import EDGE_COLOURS, LegendEntry, SpecEdge, Style

MIN_WIDTH: Final = 1.2
MAX_WIDTH: Final = 7.0
PER_DECADE: Final = 0.9
"""Width added per tenfold requests per day (1/day → :data:`MIN_WIDTH`, ~10⁶/day → max)."""
LEGEND_KEY: Final = "volume"
LEGEND_LABEL: Final = "arrow width: requests/day into the resource it points to (log scale)"


def width(per_day: float) -> float:
    """The pen width for ``per_day`` requests (log scale, bounded)."""
    if per_day <= 1:
        return MIN_WIDTH
    return round(min(MAX_WIDTH, MIN_WIDTH + PER_DECADE * math.log10(per_day)), 2)


def per_day(estate: Estate) -> dict[str, float] | None:
    """Graph node id → requests per day over the window, for every metered node whose
    requests are known; None when the snapshot holds no metrics at all."""
    inv = estate.model
    if not inv.metric_windows:
        return None
    traffic = Traffic(inv)
    out: dict[str, float] = {}
    for node, m in nodes_of(estate.graph, metered(inv)).items():
        reading = traffic.requests(m)
        if reading.value is None or reading.window is None:
            continue
        days = (reading.window.end - reading.window.start).total_seconds() / 86400
        out[node] = reading.value / days if days > 0 else 0.0
    return out


def scale(
    edges: Sequence[SpecEdge], members: dict[str, tuple[str, ...]], volumes: dict[str, float]
) -> list[SpecEdge]:
    """``edges`` with traffic arrows into a metered box widened by its requests per day.

    ``members``: box id → the graph nodes it stands for (a box is metered when one of them is).
    An edge left as it was is the same object (callers tell whether anything was scaled).
    """
    out = []
    for e in edges:
        known = [volumes[n] for n in set(members.get(e.dst, ())) if n in volumes]
        if known and e.kind not in {"protects", "serves-certificate", "layout", "more"}:
            style = dataclasses.replace(e.style, penwidth=width(sum(known)))
            e = dataclasses.replace(e, style=style)
        out.append(e)
    return out


def legend() -> LegendEntry:
    """The legend line saying what arrow width means."""
    return LegendEntry(
        LEGEND_KEY, LEGEND_LABEL, Style("", EDGE_COLOURS["traffic"], MAX_WIDTH / 2), "edge"
    )
