"""Findings placed on graph nodes, so pictures can colour what is wrong where.

A finding names its resource by ARN or, for sub-resources (cache behaviors, origins), by the
graph node id itself. :class:`FindingIndex` maps each finding to the graph node it concerns:
the node id when it is one; the node whose ``arn`` attribute matches (the node whose id is
``<prefix>:<arn>`` wins where an ARN is shared, as a Lambda function and its URL share one);
Route 53 record ids (``record:<zone>:<name>:<type>``) to their ``dns:<name>`` node. Findings
about an account or a hosted zone concern no node: they are kept per account.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

import networkx as nx

from edgekit.graph import Estate
from edgekit.graph.nodes import dns_id
from edgekit.graph.resolve import normalize
from edgekit.rules.finding import Finding, Severity, Status

UNKNOWN = "unknown"
"""Key of the count of findings with status unknown (the data was not collected)."""
WORST_FIRST = tuple(s.label for s in sorted(Severity, reverse=True))
"""Severity labels, worst first."""
MAX_LISTED: Final = 8
"""Failing findings a box's hover text lists (the rest counted: "… and 3 more")."""


def run_checks(estate: Estate) -> list[Finding]:
    """Run the shipped check catalogue over an estate (sorted findings)."""
    from edgekit.rules import runner
    from edgekit.rules.catalogue import load
    from edgekit.rules.context import CheckContext

    return runner.run(load(), CheckContext.from_estate(estate)).findings


@dataclass
class FindingIndex:
    """Findings by the graph node they concern, and the rest by account."""

    by_node: dict[str, list[Finding]] = field(default_factory=dict)
    by_account: dict[str, list[Finding]] = field(default_factory=dict)
    """Findings about no node (an account's Shield subscription, a hosted zone)."""

    @classmethod
    def build(cls, estate: Estate, findings: Iterable[Finding]) -> FindingIndex:
        """Place every finding on its node (or its account)."""
        graph = estate.graph
        by_arn: dict[str, str] = {}
        for node, arn in sorted(graph.nodes(data="arn")):
            if arn and (arn not in by_arn or node == f"{node.partition(':')[0]}:{arn}"):
                by_arn[arn] = node
        index = cls()
        for f in findings:
            rid = f.resource.id
            node = rid if rid in graph else by_arn.get(rid) or _record_node(rid, graph)
            if node is None:
                index.by_account.setdefault(f.resource.account_id, []).append(f)
            else:
                index.by_node.setdefault(node, []).append(f)
        return index

    def findings(self, nodes: Iterable[str]) -> list[Finding]:
        """Findings on any of ``nodes`` (each once, in finding sort order)."""
        return sorted(self._distinct(nodes), key=Finding.sort_key)

    def counts(self, nodes: Iterable[str]) -> dict[str, int]:
        """Failing findings by severity label, plus ``unknown``; zero counts left out (the
        findings of :meth:`findings`, counted without sorting them)."""
        return count(self._distinct(nodes))

    def listed(self, nodes: Iterable[str], cap: int = MAX_LISTED) -> tuple[str, ...]:
        """The failing findings on any of ``nodes`` as hover lines (:func:`listed`)."""
        return listed(self._distinct(nodes), cap)

    def _distinct(self, nodes: Iterable[str]) -> Iterable[Finding]:
        seen: dict[int, Finding] = {}
        for node in nodes:
            for f in self.by_node.get(node, ()):
                seen.setdefault(id(f), f)
        return seen.values()

    def on_node(self, node: str) -> Sequence[Finding]:
        """Findings placed on one node."""
        return self.by_node.get(node, ())


def count(findings: Iterable[Finding]) -> dict[str, int]:
    """Failing findings by severity label (worst first), then ``unknown``."""
    fails: Counter[Severity] = Counter()
    unknown = 0
    for f in findings:
        if f.status is Status.FAIL:
            fails[f.severity] += 1
        else:
            unknown += 1
    out = {s.label: fails[s] for s in sorted(fails, reverse=True)}
    if unknown:
        out[UNKNOWN] = unknown
    return out


def listed(findings: Iterable[Finding], cap: int = MAX_LISTED) -> tuple[str, ...]:
    """Failing findings, worst first, one line each, as a box's hover text lists them:
    ``medium · No access logging (cloudfront.logging_disabled)``.

    Findings of one check, severity and title (one check on several resources a box stands
    for) share a line ending ``×3``; past ``cap`` lines, a last line ``… and N more`` counts
    the findings not listed. Unknown findings are not listed (:func:`count` counts them).
    """
    same: Counter[tuple[int, str, str]] = Counter(
        (-int(f.severity), f.check_id, f.title) for f in findings if f.status is Status.FAIL
    )
    keys = sorted(same)
    lines = []
    for key in keys[:cap]:
        level, check, title = key
        times = f" ×{same[key]}" if same[key] > 1 else ""
        lines.append(f"{Severity(-level).label} · {title} ({check}){times}")
    rest = sum(same[k] for k in keys[cap:])
    return (*lines, f"… and {rest} more") if rest else tuple(lines)


def worst(counts: dict[str, int]) -> str | None:
    """The worst failing severity label in a counts dict, None when nothing fails."""
    for label in WORST_FIRST:
        if counts.get(label):
            return label
    return None


def counts_text(counts: dict[str, int]) -> str:
    """``2 high · 1 medium · 3 unknown`` (empty when there are none)."""
    return " · ".join(f"{n} {key}" for key, n in counts.items() if n)


def _record_node(resource_id: str, graph: nx.DiGraph) -> str | None:
    """``record:<zone>:<name>:<type>[:<set>]`` → ``dns:<name>`` when that node exists."""
    if not resource_id.startswith("record:"):
        return None
    parts = resource_id.split(":")
    if len(parts) < 4:
        return None
    node = dns_id(normalize(parts[2]))
    return node if node in graph else None
