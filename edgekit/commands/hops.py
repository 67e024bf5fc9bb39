"""What ``edgekit lineage`` adds to each hop: its findings and its traffic."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from edgekit.graph import Estate, Lineage
    from edgekit.graph.hop_traffic import HopTraffic
    from edgekit.rules.entrypoints import HopFindings

NOT_KNOWN = "—"
"""Shown where a figure is not metered or not collected (never 0)."""


@dataclass(frozen=True)
class HopFacts:
    """Findings and traffic by node id, for the hops of a lineage."""

    findings: Mapping[str, HopFindings]
    traffic: Mapping[str, HopTraffic]
    """Empty when the snapshot has no CloudWatch metrics: traffic is then not mentioned."""

    def records(self, lineage: Lineage) -> list[dict[str, Any]]:
        """The hops as JSON-ready dicts with ``findings`` and (with metrics) ``traffic``."""
        from edgekit.rules.entrypoints import NONE

        out = []
        for hop, record in zip(lineage, lineage.to_records(), strict=True):
            record["findings"] = self.findings.get(hop.node, NONE).to_json()
            if self.traffic:
                t = self.traffic.get(hop.node)
                record["traffic"] = t.to_json() if t is not None else None
            out.append(record)
        return out

    def frame(self, lineage: Lineage) -> pd.DataFrame:
        """The hops as a DataFrame with ``findings`` and (with metrics) traffic columns."""
        frame = lineage.to_frame()
        frame["findings"] = [
            f.text if (f := self.findings.get(h.node)) is not None else "" for h in lineage
        ]
        if self.traffic:
            figures = [self.traffic.get(h.node) for h in lineage]
            frame["requests_per_day"] = [_round(t.requests_per_day if t else None) for t in figures]
            frame["error_rate"] = [t.error_rate if t else None for t in figures]
        return frame


def hop_facts(estate: Estate, lineage: Lineage) -> HopFacts:
    """Scan the estate once and read its metrics; keep what the lineage's hops need."""
    from edgekit.graph.hop_traffic import hop_traffic
    from edgekit.rules import runner
    from edgekit.rules.catalogue import load
    from edgekit.rules.context import CheckContext
    from edgekit.rules.entrypoints import hop_findings

    nodes = {h.node for h in lineage}
    result = runner.run(load(), CheckContext.from_estate(estate))
    found = hop_findings(estate, result.findings)
    traffic = hop_traffic(estate.model, estate.graph)
    return HopFacts(
        findings={n: f for n, f in found.items() if n in nodes},
        traffic={n: t for n, t in traffic.items() if n in nodes} if traffic else {},
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def requests_text(t: HopTraffic | None) -> str:
    """``12,345`` requests per day; ``—`` when not readable; empty for a node that is not
    metered (a behavior, a listener)."""
    if t is None:
        return ""
    if t.requests_per_day is None:
        return NOT_KNOWN
    return f"{t.requests_per_day:,.0f}"


def rate_text(t: HopTraffic | None) -> str:
    """``0.42 %`` 5xx share; ``—`` when not published, not readable or no requests; empty
    for a node that is not metered."""
    if t is None:
        return ""
    if t.error_rate is None:
        return NOT_KNOWN
    return f"{t.error_rate * 100:.2f} %"
