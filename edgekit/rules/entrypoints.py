"""Findings seen from the entrypoints: per hop of a lineage, and filtered by hostname.

A finding carries the hostnames whose paths cross its resource (``Finding.entrypoints``, set
by the runner from :class:`edgekit.graph.reach.EntrypointIndex`). This module places findings
on graph nodes (a lineage hop shows its failing findings: worst severity and count) and
filters findings by hostname globs.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from edgekit.graph.estate import Estate
from edgekit.rules.finding import Finding, Severity, Status


@dataclass(frozen=True, slots=True)
class HopFindings:
    """The findings placed on one node: failing count, worst failing severity, unknown count."""

    failing: int
    worst: Severity | None
    unknown: int

    @property
    def text(self) -> str:
        """``2 fail (worst high)``, ``1 unknown``, both joined; empty when there is none."""
        parts = []
        if self.failing:
            worst = f" (worst {self.worst.label})" if self.worst is not None else ""
            parts.append(f"{self.failing} fail{worst}")
        if self.unknown:
            parts.append(f"{self.unknown} unknown")
        return ", ".join(parts)

    def to_json(self) -> dict[str, object]:
        """JSON form."""
        return {
            "failing": self.failing,
            "worst": self.worst.label if self.worst is not None else None,
            "unknown": self.unknown,
        }


NONE = HopFindings(0, None, 0)
"""A node without findings."""


def by_node(estate: Estate, findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings by the node their resource id names (account- and zone-wide ones left out)."""
    index = estate.entrypoint_index
    out: dict[str, list[Finding]] = {}
    for f in findings:
        node = index.node_for(estate.graph, f.resource.id)
        if node is not None:
            out.setdefault(node, []).append(f)
    return out


def summarize(findings: Sequence[Finding]) -> HopFindings:
    """Count the failing and unknown findings of a node."""
    failing = [f.severity for f in findings if f.status is Status.FAIL]
    return HopFindings(
        failing=len(failing),
        worst=max(failing) if failing else None,
        unknown=len(findings) - len(failing),
    )


def hop_findings(estate: Estate, findings: Iterable[Finding]) -> dict[str, HopFindings]:
    """Node id → its :class:`HopFindings` (nodes without findings left out)."""
    return {node: summarize(fs) for node, fs in by_node(estate, findings).items()}


def on_hosts(findings: Iterable[Finding], hostnames: Collection[str]) -> list[Finding]:
    """The findings whose entrypoints include one of ``hostnames`` (order kept)."""
    return [f for f in findings if any(h in hostnames for h in f.entrypoints)]
