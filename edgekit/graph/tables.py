"""DataFrames over the graph and the model: entrypoints, nodes, edges, inventory kinds.

List-valued facts are joined with ``", "`` in table columns so every column is a plain string,
number or boolean (CSV-safe). In inventory tables a value the collector could not read shows as
the string ``"NOT_COLLECTED"`` (never as an empty cell: empty means "there is none").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import networkx as nx
import pandas as pd

from edgekit.gcpause import gc_paused
from edgekit.graph.nodes import REF, NodeKind
from edgekit.graph.summary import Downstream
from edgekit.model import NOT_COLLECTED, FrozenMap, Inventory

ENTRYPOINT_COLUMNS: Final = (
    "hostname",
    "entry_kind",
    "node",
    "account_id",
    "region",
    "distribution",
    "web_acls",
    "tls_policy",
    "origin_chain",
    "backend_kinds",
    "hops",
    "unresolved",
)
NODE_COLUMNS: Final = (
    "node",
    "kind",
    "label",
    "account_id",
    "region",
    "arn",
    "modelled",
    "unresolved",
)


_ENTRY: Final = frozenset(
    {
        NodeKind.DISTRIBUTION,
        NodeKind.LOAD_BALANCER,
        NodeKind.API,
        NodeKind.API_DOMAIN,
        NodeKind.ACCELERATOR,
    }
)


@dataclass(frozen=True, slots=True)
class Entry:
    """A public hostname and the node it enters the graph at."""

    hostname: str
    entry_kind: str
    """``dns-record``, ``distribution-alias``, ``distribution-domain``, ``load-balancer``,
    ``api-endpoint``, ``api-domain`` or ``accelerator``."""
    node: str


def entries(graph: nx.DiGraph) -> list[Entry]:
    """One entry per public hostname, sorted by hostname.

    Public Route 53 records first (``dns-record``); then the aliases of enabled distributions
    no record in the snapshot names (``distribution-alias``) and their ``*.cloudfront.net``
    names; internet-facing ALB/NLB/Classic DNS names; public API endpoints and custom domains;
    accelerator DNS names.
    """
    found: dict[str, Entry] = {}

    def add(host: str | None, kind: str, node: str) -> None:
        if host and host not in found:
            found[host] = Entry(host, kind, node)

    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] == NodeKind.DNS:
            add(attrs["name"], "dns-record", node)
    candidates = [
        (node, attrs) for node, attrs in graph.nodes(data=True) if attrs["kind"] in _ENTRY
    ]
    for node, attrs in sorted(candidates, key=lambda c: c[0]):
        kind = attrs["kind"]
        if kind == NodeKind.DISTRIBUTION and attrs.get("enabled") and attrs.get("modelled"):
            for alias in attrs.get("aliases") or ():
                add(alias, "distribution-alias", node)
            add(attrs.get("domain_name"), "distribution-domain", node)
        elif kind == NodeKind.LOAD_BALANCER and attrs.get("internet_facing"):
            if attrs.get("lb_type") in ("alb", "nlb", "classic"):
                add(attrs.get("dns_name"), "load-balancer", node)
        elif kind == NodeKind.API and attrs.get("public"):
            add(attrs.get("endpoint"), "api-endpoint", node)
        elif kind == NodeKind.API_DOMAIN and attrs.get("public"):
            add(attrs.get("domain_name"), "api-domain", node)
        elif kind == NodeKind.ACCELERATOR and attrs.get("enabled"):
            add(attrs.get("dns_name"), "accelerator", node)
    return [found[h] for h in sorted(found)]


def entrypoints_frame(
    graph: nx.DiGraph, summaries: Mapping[str, Downstream], found: list[Entry] | None = None
) -> pd.DataFrame:
    """The entrypoints table (columns :data:`ENTRYPOINT_COLUMNS`); ``found``: the graph's
    :func:`entries` when already at hand."""
    with gc_paused():
        return _entrypoints_frame(graph, summaries, entries(graph) if found is None else found)


def _entrypoints_frame(
    graph: nx.DiGraph, summaries: Mapping[str, Downstream], found: list[Entry]
) -> pd.DataFrame:
    rows = []
    labels = graph.nodes
    for e in found:
        s = summaries[e.node]
        attrs = labels[e.node]
        rows.append(
            {
                "hostname": e.hostname,
                "entry_kind": e.entry_kind,
                "node": e.node,
                "account_id": attrs.get("account_id"),
                "region": attrs.get("region"),
                "distribution": _join(x.partition(":")[2] for x in s.distributions),
                "web_acls": _join(labels[a]["label"] for a in s.web_acls),
                "tls_policy": _join(s.tls_policies),
                "origin_chain": s.chain,
                "backend_kinds": _join(s.backends),
                "hops": s.hops,
                "unresolved": s.unresolved,
            }
        )
    return pd.DataFrame(rows, columns=list(ENTRYPOINT_COLUMNS))


def _join(values: Any) -> str:
    return ", ".join(sorted({str(v) for v in values}))


def _cell(value: Any) -> Any:
    if value is NOT_COLLECTED:
        return "NOT_COLLECTED"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value


def nodes_frame(graph: nx.DiGraph, kind: str | None = None) -> pd.DataFrame:
    """One row per node (of ``kind``); with a kind, every attribute of that kind is a column."""
    rows = []
    extra: dict[str, None] = {}
    for node, attrs in sorted(graph.nodes(data=True)):
        if kind is not None and attrs["kind"] != kind:
            continue
        row = {"node": node, **{k: _cell(v) for k, v in attrs.items() if k != REF}}
        if kind is not None:
            extra.update(dict.fromkeys(k for k in row if k not in NODE_COLUMNS))
        rows.append(row)
    return pd.DataFrame(rows, columns=[*NODE_COLUMNS, *sorted(extra)])


def edges_frame(graph: nx.DiGraph, kind: str | None = None) -> pd.DataFrame:
    """One row per edge (of ``kind``): source, target, kind and the edge's attributes."""
    rows = []
    extra: dict[str, None] = {}
    for u, v, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        if kind is not None and attrs["kind"] != kind:
            continue
        row = {"source": u, "target": v, **{k: _cell(x) for k, x in attrs.items()}}
        extra.update(dict.fromkeys(k for k in row if k not in ("source", "target", "kind")))
        rows.append(row)
    return pd.DataFrame(rows, columns=["source", "target", "kind", *sorted(extra)])


def _field_value(value: Any) -> tuple[str, Any] | None:
    """How a model field shows in a table: (column suffix, value), None to leave it out."""
    if value is NOT_COLLECTED:
        return "", "NOT_COLLECTED"
    if value is None or isinstance(value, str | int | float | bool | dt.datetime):
        return "", value
    if isinstance(value, FrozenMap):
        return "", dict(value)
    if isinstance(value, tuple):
        if all(isinstance(v, str | int | float | bool) for v in value):
            return "", list(value)
        return "_count", len(value)
    return None


def inventory_frame(inv: Inventory, kind: str, nodes: Mapping[int, str]) -> pd.DataFrame:
    """One row per resource of an inventory kind (``distributions``, ``load_balancers`` ...).

    Scalar fields as they are, tuples of scalars as lists, tuples of sub-objects as a
    ``<field>_count``; nested objects and ``raw`` are left out. ``node`` is the graph node id.
    """
    if kind not in Inventory.kinds():
        raise ValueError(f"unknown inventory kind {kind!r}; one of: {', '.join(Inventory.kinds())}")
    rows = []
    for item in getattr(inv, kind):
        row: dict[str, Any] = {"node": nodes.get(id(item))}
        for f in dataclasses.fields(item):
            if f.name == "raw":
                continue
            shown = _field_value(getattr(item, f.name))
            if shown is not None:
                row[f.name + shown[0]] = shown[1]
        rows.append(row)
    return pd.DataFrame(rows)
