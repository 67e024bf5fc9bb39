"""Is a load balancer reached from the internet through another entrypoint than itself?

An **internal** ALB is still exposed when an internet-facing NLB forwards to it (a target group
of target type ``alb``) or an enabled Global Accelerator has it as an endpoint (accelerators
are internet-facing by nature and may front internal ALBs). :func:`internet_reach` walks the
traffic graph upstream from the load balancer — target → target group → listener rule →
listener → load balancer, accelerator → endpoint — and reports each such path.
CloudFront paths are not followed: "behind CloudFront" has its own rules (lockdown).

The answer is tri-state. "Not reached" is only claimed when every input that could reveal a
path was collected: the target groups of the load balancer's account and region with their
registered targets, and every account's accelerators with their endpoint groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from edgekit.model import GLOBAL, NOT_COLLECTED, Accelerator, LoadBalancer, TargetGroup
from edgekit.rules.analysis.waf_semantics import Tri

if TYPE_CHECKING:
    import networkx as nx

    from edgekit.rules.context import CheckContext

_UPSTREAM_THROUGH = ("target", "target-group", "listener-rule", "listener")
"""Node kinds the walk passes through on its way to the load balancer or accelerator."""


@dataclass(frozen=True)
class Reach:
    """Whether the internet reaches the resource through other entrypoints, and how.

    ``paths``: each as a list of readable hops, entry first (``nlb internet-facing <arn>``,
    ``listener TCP:80``, ``target group <name>``, ...); ``reasons``: why it is undecided.
    """

    value: Tri
    paths: tuple[tuple[str, ...], ...] = ()
    reasons: tuple[str, ...] = ()

    def evidence(self) -> dict[str, Any]:
        """JSON evidence: the paths (and reasons when undecided)."""
        out: dict[str, Any] = {"reached_through": [list(p) for p in self.paths]}
        if self.reasons:
            out["undecided"] = list(self.reasons)
        return out


def _hop(graph: nx.DiGraph, node: str) -> str:
    attrs = graph.nodes[node]
    kind = str(attrs.get("kind"))
    ref = attrs.get("ref")
    if isinstance(ref, LoadBalancer):
        return f"{ref.type} {ref.scheme or '?'} {ref.arn}"
    if isinstance(ref, Accelerator):
        return f"accelerator {ref.arn}"
    if isinstance(ref, TargetGroup):
        return f"target group {ref.name} ({ref.target_type})"
    label = attrs.get("label") or node
    return f"{kind} {label}"


def _entry(graph: nx.DiGraph, node: str) -> bool | None:
    """True: an internet entry; False: a hop to walk through; None: stop here."""
    ref = graph.nodes[node].get("ref")
    if isinstance(ref, Accelerator):
        return ref.enabled
    if isinstance(ref, LoadBalancer):
        if ref.internet_facing and ref.type == "network":
            return True
        return False if ref.type == "network" else None
    return False if str(graph.nodes[node].get("kind")) in _UPSTREAM_THROUGH else None


def _paths(graph: nx.DiGraph, start: str) -> list[tuple[str, ...]]:
    from edgekit.graph import nodes as gn

    found: list[tuple[str, ...]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
    while stack:
        node, trail = stack.pop()
        for pred in graph.predecessors(node):
            if pred in trail or graph[pred][node].get("kind") not in gn.TRAFFIC_EDGES:
                continue
            verdict = _entry(graph, pred)
            if verdict is True:
                found.append(tuple(_hop(graph, x) for x in (pred, *reversed(trail))))
            elif verdict is False:
                stack.append((pred, (*trail, pred)))
    return sorted(set(found))


@dataclass(frozen=True)
class _Gaps:
    """What keeps "not reached" from being shown, computed once per scan (stays linear)."""

    alb_targets_unread: frozenset[tuple[str, str]]
    """(account, region) with an alb-type target group whose targets were not read."""
    accelerators: str | None
    """Why accelerators cannot rule a path out (None: they can)."""


def _gaps(ctx: CheckContext) -> _Gaps:
    model = ctx.model
    unread = frozenset(
        (tg.account_id, tg.region)
        for tg in model.target_groups
        if tg.target_type == "alb" and tg.targets is NOT_COLLECTED
    )
    why: str | None = None
    if not model.known("accelerators", None, GLOBAL):
        why = "Global Accelerator not collected in every account"
    elif any(not a.endpoints_complete for a in model.accelerators):
        why = "an accelerator's listeners or endpoint groups were not collected"
    return _Gaps(unread, why)


def _undecided(lb: LoadBalancer, ctx: CheckContext) -> list[str]:
    gaps = ctx.memo("rules.reach.gaps", lambda: _gaps(ctx))
    reasons: list[str] = []
    if not ctx.model.known("target_groups", lb.account_id, lb.region):
        reasons.append(f"target groups of {lb.account_id}/{lb.region} not collected")
    elif (lb.account_id, lb.region) in gaps.alb_targets_unread:
        reasons.append("registered targets of an alb-type target group not collected")
    if gaps.accelerators is not None:
        reasons.append(gaps.accelerators)
    return reasons


def internet_reach(lb: LoadBalancer, ctx: CheckContext) -> Reach:
    """Paths by which an internet-facing NLB or an accelerator reaches ``lb`` (tri-state)."""
    from edgekit.graph import nodes as gn

    graph = ctx.estate.graph
    node = gn.lb_id(lb.arn)
    paths = _paths(graph, node) if node in graph else []
    if paths:
        return Reach(True, tuple(paths))
    reasons = _undecided(lb, ctx)
    return Reach(None, (), tuple(reasons)) if reasons else Reach(False)
