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
* nodes identified by their name or ARN alone (S3 buckets, API Gateway APIs, Lambda URLs,
  Lambda functions, IAM certificates, WAF Classic ids) are resolved, and ``modelled`` once the
  snapshot has their payload (a bucket the s3 collector found missing, a URL no function serves,
  an API mapping to an API that is absent become ``unresolved`` with ``missing``).

Kind-specific attributes (all JSON-native): distributions ``domain_name``, ``aliases``,
``enabled``, ``web_acl``, ``tls_policy``; load balancers ``lb_type`` (alb | nlb | gwlb |
classic, from AWS's ``Type``), ``scheme``, ``internet_facing``, ``dns_name``; listeners
``protocol``, ``port``, ``ssl_policy``; rules ``priority``, ``action``, ``conditions``,
``requires_headers``; origins ``domain_name``, ``origin_kind``, ``custom_headers``,
``origin_access_control`` / ``_identity``; APIs ``api_type``, ``public``, ``endpoint``,
``edge_optimized``; ``lock_facts`` (security groups, bucket policy, function URL auth) and
``shield`` where known; ``dns:`` nodes ``record_types``, ``routing``, ``cname_loop``.

**Edges** (:class:`EdgeKind`; ``kind`` attribute): traffic edges point the way requests flow
(``resolves-to``, ``has-behavior``, ``routes``, ``has-member``, ``has-listener``, ``has-rule``,
``forwards`` (``weight``), ``targets``, ``has-stage``, ``maps-to``, ``integrates``
(``integration``, ``listeners``), ``fronts``); ``protects`` points from a web ACL to what it
protects, ``serves-certificate`` from a distribution / listener / API domain to its
certificate. ``resolves-to`` edges carry the ``rule`` that matched
(:mod:`edgekit.graph.resolver`). The only cycles are alias / CNAME loops (``dns:`` nodes marked
``cname_loop``). API stages carry their ARN (REST: ``…::/restapis/<id>/stages/<name>``; HTTP /
WebSocket: ``…::/apis/<id>/stages/<name>``), the resource their findings name.
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
