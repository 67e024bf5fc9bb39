"""Requests per day and error rate of the graph's nodes, from the snapshot's CloudWatch metrics.

Only metered resources (:func:`edgekit.model.cloudwatch.reading.metered`: distributions,
ALBs/NLBs, Classic ELBs, API stages, function URLs, accelerators) have figures. A figure that
cannot be read (metrics not collected, denied, incomplete, resource younger than the window) is
``None`` with the reason — never 0. The error rate is the share of 5xx answers: CloudFront's
``5xxErrorRate`` weighted by requests for a distribution; for the others the 5xx of what is
behind them (targets, backends, integrations, the function) over requests. NLBs and
accelerators count flows and publish no error metric: their rate is None.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from edgekit.graph.reach import arn_nodes
from edgekit.model.cloudwatch.reading import ORIGIN_5XX, REQUESTS, Metered, Traffic, metered
from edgekit.model.inventory import Inventory

DAY_SECONDS = 86_400


@dataclass(frozen=True, slots=True)
class HopTraffic:
    """One metered node's traffic over the snapshot's metric window."""

    requests_per_day: float | None
    """Requests (new flows for NLBs and accelerators) per day; None when not readable."""
    error_rate: float | None
    """Share of 5xx answers (0..1); None when not readable, not published, or no requests."""
    metric: str
    """The request metric (``AWS/ApplicationELB RequestCount``)."""
    note: str = ""
    """Why a figure is missing (empty when both are known)."""

    def to_json(self) -> dict[str, object]:
        """JSON form (``None`` stays ``null``: not collected, never zero)."""
        return {
            "requests_per_day": self.requests_per_day,
            "error_rate": self.error_rate,
            "metric": self.metric,
            "note": self.note,
        }


def hop_traffic(model: Inventory, graph: nx.DiGraph) -> dict[str, HopTraffic]:
    """Node id → traffic figures, for the metered resources the graph has a node for.

    Empty when the snapshot has no metric windows at all (metrics were not collected): then
    nothing is said about traffic anywhere.
    """
    if not model.metric_windows:
        return {}
    traffic = Traffic(model)
    by_arn = arn_nodes(graph)
    out: dict[str, HopTraffic] = {}
    for m in metered(model):
        node = by_arn.get(m.arn) or by_arn.get(m.resource_id)
        if node is not None and node not in out:
            out[node] = _figures(traffic, m)
    return out


def _figures(traffic: Traffic, m: Metered) -> HopTraffic:
    namespace, metric = REQUESTS[m.type]
    name = f"{namespace} {metric}"
    reading = traffic.requests(m)
    if reading.value is None or reading.window is None:
        return HopTraffic(None, None, name, reading.reason)
    window = reading.window
    days = max((window.end - window.start).total_seconds(), window.period) / DAY_SECONDS
    per_day = reading.value / days
    rate, note = _error_rate(traffic, m, reading.value)
    return HopTraffic(per_day, rate, name, note)


def _error_rate(traffic: Traffic, m: Metered, requests: float) -> tuple[float | None, str]:
    if m.type == "distribution":
        rate = traffic.find(m.arn, "5xxErrorRate", "Average")
        weights = traffic.find(m.arn, "Requests", "Sum")
        if rate is None or weights is None:
            return None, "5xxErrorRate was not requested for it"
        mean = rate.weighted_mean(weights)
        if mean is None:
            return None, "" if requests == 0 else "5xxErrorRate could not be read"
        return mean / 100.0, ""
    metric = ORIGIN_5XX.get(m.type)
    if metric is None:
        return None, ""
    errors = traffic.total(m, metric)
    if errors.value is None:
        return None, errors.reason
    if requests == 0:
        return None, ""
    return errors.value / requests, ""
