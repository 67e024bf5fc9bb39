"""Metric series as DataFrames: a time index over the collection window, one column per metric.

:func:`metrics_frame` turns the CloudWatch series of one resource (a distribution, load
balancer, API stage, function URL, accelerator or web ACL, or one rule of a web ACL) into a
frame the way the reading rules of :mod:`edgekit.model.cloudwatch.types` say:

* the index is every period of the window (``period`` seconds from the window start, UTC);
* a ``Sum`` series that is ``Complete`` reads a missing period as **0** (AWS publishes no
  datapoint for a period without traffic), except the periods before the resource was created
  (``NaN``: it did not exist);
* gauges (``Average``, percentiles) leave a missing period ``NaN`` (unknown, not zero);
* a series that is not ``Complete`` (``Forbidden``, ``PartialData`` …) is all ``NaN``;
* a column is named after the metric; a metric read with several statistics (ALB
  ``TargetResponseTime`` p50 and p99) gets one column per statistic, ``<metric> <stat>``.

:func:`resolve` finds the resource a name, id or ARN stands for; :func:`entry_resources` the
metered resources on an entrypoint's traffic paths, in path order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx
import pandas as pd

from edgekit.errors import InputError
from edgekit.graph.lineage import Hop
from edgekit.graph.nodes import NodeKind
from edgekit.model.cloudwatch.reading import Metered, metered
from edgekit.model.cloudwatch.types import MetricSeries, MetricWindow
from edgekit.model.inventory import Inventory


class UnknownMetricResourceError(InputError):
    """A name, id or ARN that names no metered resource or web ACL of the estate."""


def resolve(inv: Inventory, name_or_arn: str) -> str:
    """The resource ARN (the ``resource`` of its series) a name, id or ARN stands for.

    Accepted: an ARN of a metered resource or web ACL; a distribution id; a load balancer,
    web ACL, function or accelerator name; an API stage as ``<api name>/<stage>``; an HTTP
    API's ARN (its stages are ``<api arn>/stages/<stage>``: the only one, when it has one).
    Raises :class:`UnknownMetricResourceError` for anything else or an ambiguous name.
    """
    candidates: dict[str, set[str]] = {}
    for m in metered(inv):
        for key in {m.arn, m.name, m.ref} - {""}:
            candidates.setdefault(key, set()).add(m.arn)
    for acl in inv.web_acls:
        for key in (acl.arn, acl.name):
            candidates.setdefault(key, set()).add(acl.arn)
    for s in inv.metrics:
        candidates.setdefault(s.resource, set()).add(s.resource)
    found = candidates.get(name_or_arn, set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise UnknownMetricResourceError(
            f"{name_or_arn!r} names {len(found)} resources; give an ARN: "
            + ", ".join(sorted(found))
        )
    raise UnknownMetricResourceError(
        f"no metered resource or web ACL {name_or_arn!r} in this estate"
    )


def window_for(inv: Inventory, account_id: str, region: str) -> MetricWindow | None:
    """The window of one cloudwatch unit (None: metrics were not collected there)."""
    for w in inv.metric_windows:
        if (w.account_id, w.region) == (account_id, region):
            return w
    return None


def series_of(inv: Inventory, resource: str, rule: str | None = None) -> list[MetricSeries]:
    """Every series of a resource (of one web ACL ``rule``; None: the resource's own)."""
    return [s for s in inv.metrics if s.resource == resource and s.rule == rule]


def period_index(window: MetricWindow) -> pd.DatetimeIndex:
    """Every period start of the window (UTC)."""
    return pd.date_range(
        start=pd.Timestamp(window.start),
        periods=window.periods,
        freq=pd.Timedelta(seconds=window.period),
        name="time",
    )


def column_names(series: Sequence[MetricSeries]) -> list[str]:
    """A column name per series: the metric, plus the statistic where a metric has several."""
    stats: dict[str, set[str]] = {}
    for s in series:
        stats.setdefault(s.metric_name, set()).add(s.stat)
    return [
        s.metric_name if len(stats[s.metric_name]) == 1 else f"{s.metric_name} {s.stat}"
        for s in series
    ]


def series_values(s: MetricSeries, index: pd.DatetimeIndex) -> pd.Series:
    """One series over ``index`` by the reading rules of this module (a period that ended
    before the resource was created is NaN)."""
    out = pd.Series(float("nan"), index=index, dtype="float64")
    if not s.complete:
        return out
    if s.stat == "Sum":
        out[:] = 0.0
        if s.created is not None:
            ends = index + pd.Timedelta(seconds=s.period)
            out[list(ends <= pd.Timestamp(s.created))] = float("nan")
    points = pd.Series(
        list(s.values), index=pd.DatetimeIndex([pd.Timestamp(t) for t in s.timestamps])
    )
    points = points[points.index.isin(index)]
    out[points.index] = points.to_numpy(dtype="float64")
    return out


def metrics_frame(inv: Inventory, resource: str, rule: str | None = None) -> pd.DataFrame:
    """The series of ``resource`` (an ARN, see :func:`resolve`) as a frame (module docstring).

    Empty (no rows, no columns) when the resource's unit has no window (metrics not collected);
    no columns when the window exists but nothing was read for the resource.
    """
    found = series_of(inv, resource, rule)
    window = None
    if found:
        window = window_for(inv, found[0].account_id, found[0].region)
    else:
        window = _window_of(inv, resource)
    if window is None:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="time", tz="UTC"))
    index = period_index(window)
    ordered = sorted(found, key=lambda s: (s.metric_name, s.stat))
    columns = {
        name: series_values(s, index)
        for name, s in zip(column_names(ordered), ordered, strict=True)
    }
    return pd.DataFrame(columns, index=index)


def _window_of(inv: Inventory, resource: str) -> MetricWindow | None:
    for m in metered(inv):
        if resource == m.arn:
            return window_for(inv, m.account_id, m.region)
    return None


NODE_KINDS: dict[str, frozenset[str]] = {
    "distribution": frozenset({NodeKind.DISTRIBUTION}),
    "alb": frozenset({NodeKind.LOAD_BALANCER}),
    "nlb": frozenset({NodeKind.LOAD_BALANCER}),
    "clb": frozenset({NodeKind.LOAD_BALANCER}),
    "rest_stage": frozenset({NodeKind.API_STAGE}),
    "http_stage": frozenset({NodeKind.API, NodeKind.API_STAGE}),
    "function_url": frozenset({NodeKind.LAMBDA_URL}),
    "accelerator": frozenset({NodeKind.ACCELERATOR}),
}
"""Metered resource type → the node kinds that stand for it (a Lambda function behind an ALB
shares its ARN with its URL, but is not the URL)."""


def nodes_of(graph: nx.DiGraph, items: Iterable[Metered]) -> dict[str, Metered]:
    """Graph node id → the metered resource it is (matched by ARN and node kind; an HTTP API
    stage by its API's ARN when the graph has no node for the stage)."""
    by_arn: dict[str, list[Metered]] = {}
    for m in items:
        by_arn.setdefault(m.arn, []).append(m)
        if m.ref:
            by_arn.setdefault(m.ref, []).append(m)
    out: dict[str, Metered] = {}
    for node, attrs in graph.nodes(data=True):
        arn = attrs.get("arn")
        for m in by_arn.get(str(arn), []) if arn else []:
            if attrs.get("kind") in NODE_KINDS[m.type] and node not in out:
                out[node] = m
    return out


def metered_hops(graph: nx.DiGraph, hops: Iterable[Hop], inv: Inventory) -> list[Metered]:
    """The metered resources among a lineage's hops, nearest to the entry first (depth, then
    lineage order)."""
    nodes = nodes_of(graph, metered(inv))
    found: dict[str, tuple[int, int, Metered]] = {}
    for i, hop in enumerate(hops):
        m = nodes.get(hop.node)
        if m is not None and (m.arn not in found or hop.depth < found[m.arn][0]):
            found[m.arn] = (hop.depth, i, m)
    return [m for _, _, m in sorted(found.values(), key=lambda x: (x[0], x[1]))]
