"""Node-link JSON of the graph: sorted, byte-stable, without the model references."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from edgekit.graph.nodes import REF

SCHEMA = "edgekit.graph/1"


def node_link(graph: nx.DiGraph) -> dict[str, Any]:
    """``{"schema", "directed", "graph", "nodes": [...], "links": [...]}``, sorted by id.

    Nodes carry ``id`` and their attributes except ``ref``; links ``source``, ``target`` and
    theirs. Everything is JSON-native (the builder only stores strings, numbers, booleans,
    None and lists of those).
    """
    nodes = [
        {"id": node, **{k: v for k, v in attrs.items() if k != REF}}
        for node, attrs in sorted(graph.nodes(data=True))
    ]
    links = [
        {"source": u, "target": v, **attrs}
        for u, v, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))
    ]
    return {
        "schema": SCHEMA,
        "directed": True,
        "graph": dict(sorted(graph.graph.items())),
        "nodes": nodes,
        "links": links,
    }


def dumps(graph: nx.DiGraph) -> str:
    """The node-link document as text (sorted keys, 1-space indent, trailing newline)."""
    return json.dumps(node_link(graph), sort_keys=True, indent=1, ensure_ascii=False) + "\n"
