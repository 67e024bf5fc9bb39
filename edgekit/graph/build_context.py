"""Graph parts for the context kinds (S3, API Gateway, Lambda URLs, Classic ELB, Global
Accelerator): their model objects attached to the nodes the resolution rules identify by name,
and the edges only their payloads reveal."""

from __future__ import annotations

import networkx as nx

from edgekit.graph.resolver import Resolver
from edgekit.model import Inventory


def register_context_rules(inv: Inventory, graph: nx.DiGraph, res: Resolver) -> None:
    """Add the resolution rules that need context kinds of the model."""


def attach_context(inv: Inventory, graph: nx.DiGraph, res: Resolver) -> None:
    """Add the context resources and their edges."""
