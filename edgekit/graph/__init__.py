"""The graph layer: one networkx graph of how traffic flows through an estate and what protects
it, built from :func:`edgekit.model.parse`. Pure (no AWS calls).

Entry point: :class:`Estate` (``Estate.load(path)``) — ``.graph``, ``.entrypoints()``,
``.lineage(host)``, ``.inventory(kind)`` and the cross-resource questions checks ask
(``is_internet_facing``, ``distributions_in_front_of``, ``resolve_origin``, ``paths_from``,
``web_acls_on_path``). Lower level: :func:`build_graph`.

**Nodes** (:class:`NodeKind`; ids in :mod:`edgekit.graph.nodes`): every node has ``kind``,
``label``, ``account_id``, ``region``, ``arn`` (None where the resource has none), ``ref`` (the
model object, or None; never serialised), ``modelled`` (``ref`` is set) and ``unresolved``.
Nodes the snapshot does not describe are still nodes, never dropped:

* ``ext:<domain>`` — a name no rule matched (``unresolved``; ``hint`` = the AWS service its
  form suggests, ``missing`` = ``absent`` | ``not-collected`` where that can be told);
* placeholders for resources referenced by ARN but absent (``unresolved``, ``missing``);
* nodes identified by their DNS name alone (S3 buckets, API Gateway APIs, Lambda URLs, Lambda
  functions of ALB targets) are resolved, and ``modelled`` only once their payload is parsed.

**Edges** (:class:`EdgeKind`; ``kind`` attribute): traffic edges point the way requests flow
(``resolves-to``, ``has-behavior``, ``routes``, ``has-member``, ``has-listener``, ``has-rule``,
``forwards`` (``weight``), ``targets``, ``has-stage``, ``maps-to``, ``integrates``,
``fronts``); ``protects`` points from a web ACL to what it protects, ``serves-certificate``
from a distribution / listener / API domain to its certificate. ``resolves-to`` edges carry
the ``rule`` that matched (:mod:`edgekit.graph.resolver`). The only cycles are alias / CNAME
loops (``dns:`` nodes marked ``cname_loop``).
"""

from __future__ import annotations

from edgekit.graph.build import build_graph
from edgekit.graph.estate import Estate, UnknownEntrypointError
from edgekit.graph.lineage import Hop, Lineage
from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind, NodeKind
from edgekit.graph.serialize import dumps as dumps_node_link
from edgekit.graph.serialize import node_link
from edgekit.graph.summary import Downstream

__all__ = [
    "TRAFFIC_EDGES",
    "Downstream",
    "EdgeKind",
    "Estate",
    "Hop",
    "Lineage",
    "NodeKind",
    "UnknownEntrypointError",
    "build_graph",
    "dumps_node_link",
    "node_link",
]
