"""Cross-resource facts checks share: what a web ACL protects, whether that is internet facing,
and whether a resource sits behind CloudFront. Read from the estate graph (``ctx.estate``).

* **Internet-facing entrypoint** (CHECKS.md): an enabled distribution, an internet-facing
  ALB/NLB/Classic ELB, or a public API Gateway stage — :meth:`Estate.is_internet_facing`.
* **Behind CloudFront**: the resource is the origin of at least one distribution of the
  snapshot (by DNS name, alias record or VPC origin) — :meth:`Estate.distributions_in_front_of`.
  "Not behind" is only claimed when every account's distributions were collected.

Answers are tri-state (``value`` None = cannot tell: associations, the resource, or the
distributions were not collected).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from edgekit.model import GLOBAL, NOT_COLLECTED, LoadBalancer, WebACL
from edgekit.rules.analysis.lb_reach import internet_reach
from edgekit.rules.analysis.waf_semantics import Tri

if TYPE_CHECKING:
    from edgekit.graph.estate import Estate
    from edgekit.rules.context import CheckContext


@dataclass(frozen=True)
class Facts:
    """A tri-state answer and the resources (ARNs, or node ids) it rests on."""

    value: Tri
    resources: tuple[str, ...] = ()


def _label(estate: Estate, node: str) -> str:
    arn = estate.graph.nodes[node].get("arn")
    return arn if isinstance(arn, str) else node


def protected_nodes(acl: WebACL, estate: Estate) -> list[str]:
    """Graph nodes of the resources ``acl`` protects (``protects`` edges), sorted."""
    from edgekit.graph import nodes as gn

    node = gn.web_acl_id(acl.arn)
    graph = estate.graph
    if node not in graph:
        return []
    return sorted(
        v for v in graph.successors(node) if graph[node][v]["kind"] == gn.EdgeKind.PROTECTS
    )


def acl_internet_facing(acl: WebACL, ctx: CheckContext) -> Facts:
    """Does ``acl`` protect an internet-facing entrypoint — or an internal ALB the internet
    reaches through an NLB or accelerator? ``resources``: those it does (True), or those that
    could not be decided (None)."""
    estate = ctx.estate
    facing: list[str] = []
    undecided: list[str] = []
    for node in protected_nodes(acl, estate):
        answer = estate.is_internet_facing(node)
        ref = estate.graph.nodes[node].get("ref")
        if answer is False and isinstance(ref, LoadBalancer) and ref.type == "application":
            # an internal ALB an internet-facing NLB or an accelerator reaches (reach.py)
            reached = internet_reach(ref, ctx).value
            answer = NOT_COLLECTED if reached is None else reached
        if answer is NOT_COLLECTED:
            undecided.append(_label(estate, node))
        elif answer:
            facing.append(_label(estate, node))
    if facing:
        return Facts(True, tuple(sorted(facing)))
    if undecided or ctx.model.waf.web_acl_associations(acl) is NOT_COLLECTED:
        return Facts(None, tuple(sorted(undecided)))
    return Facts(False)


def distributions_in_front(node: str, ctx: CheckContext) -> Facts:
    """Is the resource at ``node`` behind CloudFront? ``resources``: the distribution ids.

    A node the graph does not have is fronted by nothing. A placeholder for a resource that was
    not collected (known only by ARN, e.g. a web ACL association) cannot be matched with the
    domain names origins use, so it is undecided — unless there is no distribution at all.
    """
    estate = ctx.estate
    pairs = estate.distributions_in_front_of(node) if node in estate.graph else []
    dists = sorted({d.id for d, _ in pairs})
    if dists:
        return Facts(True, tuple(dists))
    if not ctx.model.known("distributions", None, GLOBAL):
        return Facts(None)
    uncollected = node in estate.graph and estate.graph.nodes[node].get("missing") == (
        "not-collected"
    )
    if uncollected and ctx.model.distributions:
        return Facts(None)
    return Facts(False)


def albs_behind_cloudfront(acl: WebACL, ctx: CheckContext) -> tuple[Tri, list[dict[str, object]]]:
    """Load balancers ``acl`` protects that are behind CloudFront (WAFv2 only attaches to ALBs).

    Returns ``(answer, [{"load_balancer": arn, "distributions": [ids]}])``.
    """
    from edgekit.graph import nodes as gn

    estate = ctx.estate
    found: list[dict[str, object]] = []
    undecided = ctx.model.waf.web_acl_associations(acl) is NOT_COLLECTED
    for node in protected_nodes(acl, estate):
        if estate.graph.nodes[node].get("kind") != gn.NodeKind.LOAD_BALANCER:
            continue
        behind = distributions_in_front(node, ctx)
        if behind.value:
            found.append(
                {"load_balancer": _label(estate, node), "distributions": list(behind.resources)}
            )
        undecided = undecided or behind.value is None
    if found:
        return True, found
    return (None if undecided else False), []
