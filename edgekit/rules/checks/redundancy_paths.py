"""Graph patterns shared by the ``redundancy.*`` checks (no checks here).

Every redundancy finding names the whole traffic path it is about (``evidence["path"]``: node
ids of :mod:`edgekit.graph.nodes`, entry first, each consecutive pair a traffic edge), so the
planner (:mod:`edgekit.plan`) can rewrite exactly that path.

Guard data policy (docs/planner.md): a pattern whose *shape* is established fails when every
guard the snapshot can hold was collected and none holds; when a guard's data is collectable but
missing from this snapshot the answer is **unknown**; when it is data edgekit never collects
(VPC endpoint services, CloudWatch request metrics, application behaviour) the finding carries
it as an explicit ``pre_checks`` item.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from edgekit.graph import nodes as gn
from edgekit.graph.lineage import paths_from, traffic_successors
from edgekit.graph.nodes import TRAFFIC_EDGES, EdgeKind, NodeKind
from edgekit.model import (
    NOT_COLLECTED,
    Collected,
    Distribution,
    Listener,
    LoadBalancer,
    Origin,
    final_action,
)
from edgekit.rules.analysis.origin_reach import fronting_unknown_reason, none_fronting_is_certain
from edgekit.rules.analysis.waf_semantics import Tri
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Unknown

REQUEST_METRICS = (
    "request metrics: not collected (edgekit does not collect CloudWatch yet), so whether it "
    "still receives requests is unknown"
)
"""Evidence note wherever "no requests in the window" would need CloudWatch."""


@dataclass(frozen=True)
class Front:
    """Enabled (distribution, origin) pairs in front of a node; ``decided`` False when none was
    found but that is not certain
    (:func:`edgekit.rules.analysis.origin_reach.none_fronting_is_certain`)."""

    pairs: tuple[tuple[Distribution, Origin], ...]
    decided: bool

    @property
    def distribution_ids(self) -> list[str]:
        """Sorted distribution ids."""
        return sorted({d.id for d, _ in self.pairs})


def fronting(ctx: CheckContext, node: str) -> Front:
    """The enabled distributions whose origins reach ``node`` (disabled ones carry no traffic)."""
    graph = ctx.estate.graph
    pairs = ctx.estate.distributions_in_front_of(node) if node in graph else []
    enabled = tuple((d, o) for d, o in pairs if d.enabled)
    return Front(enabled, bool(enabled) or none_fronting_is_certain(ctx))


def front_unknown(ctx: CheckContext) -> Unknown:
    """The answer when no enabled distribution was found in front but that is not certain."""
    return Unknown(f"whether CloudFront fronts it is unknown ({fronting_unknown_reason(ctx)})", {})


def kind_of(ctx: CheckContext, node: str) -> str:
    """The node's kind."""
    return str(ctx.estate.graph.nodes[node]["kind"])


def origin_path(ctx: CheckContext, dist: Distribution, origin: Origin) -> list[str]:
    """``distribution → first behavior routing there (→ group) → origin → resolution chain``.

    The chain follows ``resolves-to`` edges through ``dns:`` and ``vpc-origin`` nodes while
    each has one target (as :meth:`Estate.resolve_origin`), ending at the resource reached.
    """
    graph = ctx.estate.graph
    head = gn.distribution_id(dist.id)
    onode = gn.origin_id(dist.id, origin.id)
    path = [head]
    for behavior in traffic_successors(graph, head):
        succ = traffic_successors(graph, behavior)
        if onode in succ:
            path += [behavior, onode]
            break
        group = next((g for g in succ if onode in graph.adj[g]), None)
        if group is not None:
            path += [behavior, group, onode]
            break
    else:
        path.append(onode)
    node = onode
    while True:
        targets = [v for v, d in graph.adj[node].items() if d["kind"] == EdgeKind.RESOLVES_TO]
        if len(targets) != 1 or targets[0] in path:
            return path
        node = targets[0]
        path.append(node)
        if graph.nodes[node]["kind"] not in (NodeKind.DNS, NodeKind.VPC_ORIGIN):
            return path


def downstream(ctx: CheckContext, node: str) -> list[str]:
    """The first traffic path from ``node`` to where traffic ends (natural successor order)."""
    found = paths_from(ctx.estate.graph, node, limit=1)
    return found[0] if found else [node]


def through(ctx: CheckContext, dist: Distribution, origin: Origin) -> list[str]:
    """The whole path: distribution → … → origin's resource → first backend."""
    head = origin_path(ctx, dist, origin)
    return head + downstream(ctx, head[-1])[1:]


def other_users(ctx: CheckContext, nodes: Iterable[str]) -> list[str]:
    """What sends traffic to ``nodes`` besides CloudFront: public DNS names that do not serve a
    CloudFront origin, accelerators, API integrations, NLB ``alb`` targets (node ids, sorted).

    A DNS name an origin resolves through is CloudFront's (whether clients use that very name
    too cannot be told from a snapshot) — unless it is a wildcard record, which answers for
    every other name under it too.
    """
    graph = ctx.estate.graph
    starts = set(nodes)
    users: set[str] = set()
    names: set[str] = set()
    queue = deque(starts)
    seen = set(starts)
    while queue:
        node = queue.popleft()
        for u in graph.predecessors(node):
            if u in seen or graph[u][node]["kind"] not in TRAFFIC_EDGES:
                continue
            seen.add(u)
            kind = graph.nodes[u]["kind"]
            if kind in (NodeKind.ORIGIN, NodeKind.VPC_ORIGIN):
                continue
            if kind in (NodeKind.DNS, NodeKind.API_DOMAIN):
                if kind == NodeKind.DNS:
                    names.add(u)
                queue.append(u)
            else:
                users.add(u)
    users.update(n for n in names if _wildcard(ctx, n) or not _serves_origin(ctx, n))
    return sorted(users)


def _wildcard(ctx: CheckContext, dns: str) -> bool:
    """A wildcard record (``*.example.com``) answers for every name under it without a record
    of its own: clients may use any of them, whatever name an origin uses."""
    return str(ctx.estate.graph.nodes[dns].get("name", "")).startswith("*.")


def _serves_origin(ctx: CheckContext, dns: str) -> bool:
    graph = ctx.estate.graph
    queue, seen = deque([dns]), {dns}
    while queue:
        node = queue.popleft()
        for u in graph.predecessors(node):
            if u in seen or graph[u][node]["kind"] != EdgeKind.RESOLVES_TO:
                continue
            seen.add(u)
            kind = graph.nodes[u]["kind"]
            if kind == NodeKind.ORIGIN:
                return True
            if kind == NodeKind.DNS:
                queue.append(u)
    return False


def only_cloudfront(ctx: CheckContext, nodes: Sequence[str], lb_arn: str | None) -> Tri:
    """Does only CloudFront send traffic to ``nodes``? None: cannot tell (Route 53 records, or
    for a load balancer the accelerators, were not all collected)."""
    if other_users(ctx, nodes):
        return False
    if not ctx.model.route53.records_complete:
        return None
    if (
        lb_arn is not None
        and ctx.model.globalaccelerator.accelerators_targeting(lb_arn) is NOT_COLLECTED
    ):
        return None
    return True


def forwards(lb: LoadBalancer) -> Collected[list[tuple[str, str]]]:
    """``(where, target group ARN)`` of every forward of every listener (rules in priority
    order, default action last); NOT_COLLECTED when listeners or some rules were not read."""
    if lb.listeners is NOT_COLLECTED:
        return NOT_COLLECTED
    out: list[tuple[str, str]] = []
    for li in sorted(lb.listeners, key=lambda x: (x.port or 0, x.arn)):
        found = listener_actions(li)
        if found is NOT_COLLECTED:
            return NOT_COLLECTED
        out += [(where, arn) for where, kind, arns in found for arn in arns if kind == "forward"]
    return out


def listener_actions(li: Listener) -> Collected[list[tuple[str, str, tuple[str, ...]]]]:
    """``(where, final action type, target group ARNs)`` of each rule and the default action."""
    where = f"{li.protocol or '?'}:{li.port}"
    out: list[tuple[str, str, tuple[str, ...]]] = []
    if li.rules is NOT_COLLECTED:
        return NOT_COLLECTED
    for rule in sorted(li.rules, key=lambda r: r.sort_key):
        actions = li.default_actions if rule.is_default else rule.actions
        last = final_action(actions)
        label = f"{where} default" if rule.is_default else f"{where} rule {rule.priority}"
        if last is not None:
            out.append((label, last.type, last.target_group_arns))
    if not any(r.is_default for r in li.rules):
        last = final_action(li.default_actions)
        if last is not None:
            out.append((f"{where} default", last.type, last.target_group_arns))
    return out


def authenticates(lb: LoadBalancer) -> list[str]:
    """Listener paths that authenticate (``authenticate-oidc`` / ``authenticate-cognito``)."""
    found: list[str] = []
    if lb.listeners is NOT_COLLECTED:
        return found
    for li in lb.listeners:
        rules = li.rules if li.rules is not NOT_COLLECTED else ()
        where = f"{li.protocol or '?'}:{li.port}"
        if any(a.type.startswith("authenticate") for a in li.default_actions):
            found.append(f"{where} default")
        for r in rules:
            if not r.is_default and any(a.type.startswith("authenticate") for a in r.actions):
                found.append(f"{where} rule {r.priority}")
    return sorted(found)


def host_values(lb: LoadBalancer) -> list[str]:
    """Host-header values of the forwarding rules (host-based routing)."""
    hosts: set[str] = set()
    if lb.listeners is NOT_COLLECTED:
        return []
    for li in lb.listeners:
        for r in li.rules if li.rules is not NOT_COLLECTED else ():
            for c in r.conditions:
                if c.field == "host-header":
                    hosts.update(c.values)
    return sorted(hosts)


def lb_node(lb: LoadBalancer) -> str:
    """The node id of a load balancer."""
    return gn.lb_id(lb.arn)


def sorted_unique(items: Iterable[str]) -> list[str]:
    """Sorted, without duplicates."""
    return sorted(set(items))
