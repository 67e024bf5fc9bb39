"""``Estate``: a snapshot, its model, its graph, and the questions asked of them.

>>> est = Estate.load("prod.json.gz")                        # doctest: +SKIP
>>> est.entrypoints()                                        # doctest: +SKIP
>>> est.lineage("www.example.com").to_frame()                # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import pandas as pd

from edgekit import snapshot as snap
from edgekit.graph import nodes as n
from edgekit.graph import queries, tables
from edgekit.graph.anycase import resolve_any_case
from edgekit.graph.build import build_graph
from edgekit.graph.lineage import (
    Hop,
    Lineage,
    NodeFacts,
    build_lineage,
    build_reverse_lineage,
    paths_from,
    web_acls_on_path,
)
from edgekit.graph.nodes import REF
from edgekit.graph.reach import EntrypointIndex, UnknownEntrypointError
from edgekit.graph.resolve import normalize
from edgekit.graph.serialize import node_link
from edgekit.graph.summary import Downstream, summarize
from edgekit.model import (
    Collected,
    Distribution,
    Inventory,
    LoadBalancer,
    Origin,
    parse,
)
from edgekit.model.cloudwatch.reading import Metered
from edgekit.snapshot import Snapshot

__all__ = ["Estate", "UnknownEntrypointError"]


class Estate:
    """A snapshot with its :class:`~edgekit.model.Inventory` and traffic graph.

    ``graph`` is frozen (adding or removing nodes raises); copy it (``graph.copy()``) to edit.
    Node attributes hold the model objects under ``ref``.
    """

    def __init__(self, model: Inventory, snapshot: Snapshot | None = None) -> None:
        self._model = model
        self._snapshot = snapshot
        self._graph = nx.freeze(build_graph(model))
        self._summaries: dict[str, Downstream] | None = None
        self._by_ref: dict[int, str] | None = None
        self._entries: list[tables.Entry] | None = None
        self._entrypoints: pd.DataFrame | None = None
        self._hop_facts: dict[str, NodeFacts] = {}
        """Per-node facts of lineage hops, shared by every lineage of this (frozen) graph."""
        self._lineage_hops: dict[str, tuple[Hop, ...]] = {}
        """Each entry node's lineage hops, built once (a distribution's aliases and its
        generated name all enter at the distribution)."""
        self._entrypoint_index: EntrypointIndex | None = None

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Estate:
        """Read a snapshot file (``.json`` or ``.json.gz``) and build its estate."""
        return cls.from_snapshot(snap.load(path))

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot) -> Estate:
        """Parse a snapshot and build its estate."""
        return cls(parse(snapshot), snapshot)

    @classmethod
    def from_model(cls, model: Inventory) -> Estate:
        """An estate over an already parsed inventory (``snapshot`` is then None)."""
        return cls(model)

    from_inventory = from_model

    def __repr__(self) -> str:
        g = self._graph
        return f"Estate({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)"

    @property
    def snapshot(self) -> Snapshot | None:
        """The snapshot (None when built with :meth:`from_model`)."""
        return self._snapshot

    @property
    def model(self) -> Inventory:
        """The parsed inventory."""
        return self._model

    @property
    def graph(self) -> nx.DiGraph:
        """The traffic and protection graph (frozen)."""
        return self._graph

    # -- nodes -------------------------------------------------------------------------------------
    def node_id(self, item: object) -> str:
        """The node id of a model object, or ``item`` itself when it is a node id.

        Raises KeyError when the object or id is not in the graph.
        """
        if isinstance(item, str):
            if item in self._graph:
                return item
            raise KeyError(f"no node {item!r}")
        node = self._ref_map().get(id(item))
        if node is None:
            raise KeyError(f"{type(item).__name__} is not in this estate's graph")
        return node

    def _ref_map(self) -> dict[int, str]:
        """Model object identity → node id (built on first use)."""
        if self._by_ref is None:
            self._by_ref = {
                id(ref): node for node, ref in self._graph.nodes(data=REF) if ref is not None
            }
        return self._by_ref

    def node(self, item: object) -> Mapping[str, Any]:
        """The attributes of a node (by id or model object)."""
        attrs: Mapping[str, Any] = self._graph.nodes[self.node_id(item)]
        return attrs

    def resource_attrs(self, resource_id: str) -> Mapping[str, Any] | None:
        """The attributes of the node a finding's resource id names (a node id or an ARN);
        None when the graph has no such node."""
        node = resource_id if resource_id in self._graph else None
        if node is None:
            node = self.entrypoint_index.by_arn.get(resource_id)
        return None if node is None else self._graph.nodes[node]

    def downstream(self, item: object) -> Downstream:
        """What lies downstream of a node (distributions, ACLs, backends, hops, chain)."""
        if self._summaries is None:
            self._summaries = summarize(self._graph)
        return self._summaries[self.node_id(item)]

    # -- tables ------------------------------------------------------------------------------------
    def entries(self) -> list[tables.Entry]:
        """One entry per public hostname (:func:`edgekit.graph.tables.entries`), found once:
        the graph is frozen."""
        if self._entries is None:
            self._entries = tables.entries(self._graph)
        return list(self._entries)

    def entrypoints(self) -> pd.DataFrame:
        """One row per public hostname (see :func:`edgekit.graph.tables.entries`); a copy of
        the table built on first use."""
        if self._entrypoints is None:
            if self._summaries is None:
                self._summaries = summarize(self._graph)
            self._entrypoints = tables.entrypoints_frame(
                self._graph, self._summaries, self.entries()
            )
        return self._entrypoints.copy()

    def inventory(self, kind: str) -> pd.DataFrame:
        """One row per resource of an inventory kind (``distributions``, ``web_acls`` ...)."""
        return tables.inventory_frame(self._model, kind, self._ref_map())

    def nodes(self, kind: str | None = None) -> pd.DataFrame:
        """One row per node (of a :class:`~edgekit.graph.nodes.NodeKind`)."""
        return tables.nodes_frame(self._graph, kind)

    def edges(self, kind: str | None = None) -> pd.DataFrame:
        """One row per edge (of an :class:`~edgekit.graph.nodes.EdgeKind`)."""
        return tables.edges_frame(self._graph, kind)

    def to_node_link(self) -> dict[str, Any]:
        """The graph as sorted node-link JSON (model references left out)."""
        return node_link(self._graph)

    # -- lineage -----------------------------------------------------------------------------------
    @property
    def entrypoint_index(self) -> EntrypointIndex:
        """The hostnames whose paths cross each node (built once, on first use)."""
        if self._entrypoint_index is None:
            self._entrypoint_index = EntrypointIndex.build(self._graph)
        return self._entrypoint_index

    def hostnames(self) -> tuple[str, ...]:
        """Every entrypoint hostname: names people gave first, then AWS-generated names."""
        return self.entrypoint_index.hostnames

    def entry_node(self, hostname_or_id: str) -> str:
        """The node a hostname (or node id, ARN, distribution id, load balancer name) names.

        A node id; a public record name; any entrypoint hostname; a distribution alias or
        ``*.cloudfront.net`` name; a load balancer DNS name (``dualstack.`` ignored); an ARN; a
        distribution id; a load balancer, target group, function, bucket or web ACL name; any
        of these in another case when only one name is spelled so (``p046kytwirv7u``).
        Raises :class:`UnknownEntrypointError` otherwise, naming the closest matches.
        """
        if hostname_or_id in self._graph:
            return hostname_or_id
        host = normalize(hostname_or_id)
        if n.dns_id(host) in self._graph:
            return n.dns_id(host)
        index = self.entrypoint_index
        if host in index.entry_nodes:
            return index.entry_nodes[host]
        for found in (
            self._model.cloudfront.distribution_for_alias(host),
            self._model.cloudfront.distribution_by_domain(host),
            self._model.elbv2.load_balancer_by_dns(host),
        ):
            if isinstance(found, Distribution | LoadBalancer):
                return self.node_id(found)
        return resolve_any_case(self._graph, index, hostname_or_id)

    def lineage(self, hostname_or_id: str) -> Lineage:
        """The ordered hops from an entrypoint, with the protections at each."""
        node = self.entry_node(hostname_or_id)
        hops = self._lineage_hops.get(node)
        if hops is None:
            hops = build_lineage(self._graph, node, node, self._hop_facts).hops
            self._lineage_hops[node] = hops
        return Lineage(entry=node, query=hostname_or_id, hops=hops)

    def in_front_of(self, name_or_arn: object) -> Lineage:
        """What is in front of a resource (reverse lineage): hop 0 is the resource, then what
        sends traffic to it, up to where traffic enters.

        ``name_or_arn``: a plain name (``web-alb``, a target group, function or bucket name), an
        ARN, a distribution id, a hostname, a node id, or a model object.
        """
        if isinstance(name_or_arn, str):
            node = resolve_any_case(
                self._graph, self.entrypoint_index, name_or_arn, what="resource"
            )
            return build_reverse_lineage(self._graph, node, name_or_arn, self._hop_facts)
        node = self.node_id(name_or_arn)
        return build_reverse_lineage(self._graph, node, node, self._hop_facts)

    def entrypoints_of(self, name_or_arn: object) -> tuple[str, ...]:
        """The hostnames whose paths cross a resource (by name, ARN, node id or model object)."""
        if isinstance(name_or_arn, str):
            node = resolve_any_case(
                self._graph, self.entrypoint_index, name_or_arn, what="resource"
            )
        else:
            node = self.node_id(name_or_arn)
        return self.entrypoint_index.by_node.get(node, ())

    def paths_from(self, entry: object, limit: int | None = None) -> list[list[str]]:
        """Every traffic path (node ids) from ``entry`` (node id, hostname or model object)."""
        node = self.entry_node(entry) if isinstance(entry, str) else self.node_id(entry)
        return paths_from(self._graph, node, limit)

    # -- traffic (CloudWatch metrics) ---------------------------------------------------------
    def metrics(self, name_or_arn: str, rule: str | None = None) -> pd.DataFrame:
        """A resource's CloudWatch series: time index over the window, one column per metric
        (:func:`edgekit.graph.metrics.metrics_frame`; missing periods of a complete count are
        0, of a gauge NaN). ``name_or_arn``: an ARN, distribution id, load balancer / web ACL /
        function / accelerator name or ``<api>/<stage>``; ``rule``: one rule of a web ACL.
        Empty when the snapshot holds no metrics for it."""
        from edgekit.graph.metrics import metrics_frame, resolve

        return metrics_frame(self._model, resolve(self._model, name_or_arn), rule)

    def traffic_resources(self, hostname_or_id: str) -> list[Metered]:
        """The metered resources (distribution, load balancer, API stage, function URL,
        accelerator) on an entrypoint's paths, nearest to the entry first."""
        from edgekit.graph.metrics import metered_hops

        return metered_hops(self._graph, self.lineage(hostname_or_id), self._model)

    def web_acls_on_path(self, path: Sequence[str]) -> list[str]:
        """Web ACL node ids protecting the nodes of a path, in path order."""
        return web_acls_on_path(self._graph, path)

    # -- cross-resource questions ------------------------------------------------------------------
    def is_internet_facing(self, resource_or_node: object) -> Collected[bool]:
        """Whether a resource is an internet-facing entrypoint (CHECKS.md's definition).

        An enabled distribution; an internet-facing ALB, NLB or Classic ELB (never a GWLB); a
        public (non-PRIVATE) API Gateway API or stage or custom domain. ``dns:`` nodes (public
        hosted zone records) are internet facing too. Every other kind is not. NOT_COLLECTED
        when the node has no model object to decide from (a placeholder, or an API Gateway
        resource known only from its name).
        """
        return queries.is_internet_facing(self.node(resource_or_node))

    def distributions_in_front_of(
        self, resource_or_node: object
    ) -> list[tuple[Distribution, Origin]]:
        """(distribution, origin) pairs whose origin is this resource ("behind CloudFront").

        The origin's domain resolves to the resource directly, through Route 53 alias / CNAME
        records (chains included), through a VPC origin, or (API Gateway) through a custom
        domain mapped to the API or stage. Resources further down (the targets of an ALB that
        is an origin) are not behind CloudFront in this sense. Disabled distributions count;
        filter on ``distribution.enabled`` if needed. Sorted by distribution id, origin id.
        """
        return queries.distributions_in_front_of(self._graph, self.node_id(resource_or_node))

    def resolve_origin(self, distribution: Distribution | str, origin: Origin | str) -> str:
        """The node an origin reaches: its domain's resource, after DNS records and VPC origin.

        Follows ``resolves-to`` from the origin through ``dns:`` and ``vpc-origin`` nodes while
        each has exactly one target; returns the first other node (or the ``dns:`` node where
        records split between several targets or loop). Raises KeyError for an unknown origin.
        """
        dist_id = distribution if isinstance(distribution, str) else distribution.id
        origin_key = origin if isinstance(origin, str) else origin.id
        return queries.resolve_origin(self._graph, self.node_id(n.origin_id(dist_id, origin_key)))

    def web_acls_for(self, resource_or_node: object) -> list[str]:
        """Web ACL node ids that protect this resource directly, sorted."""
        return queries.web_acls_for(self._graph, self.node_id(resource_or_node))

    def dns_names_for(self, resource_or_node: object) -> list[str]:
        """Public record names that resolve to this resource (directly or through a chain)."""
        return queries.dns_names_for(self._graph, self.node_id(resource_or_node))
