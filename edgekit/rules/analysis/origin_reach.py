"""What a CloudFront origin reaches, and what reaches a load balancer *around* CloudFront.

Shared by the ``origin.*`` checks (pure; inputs from ``ctx.model`` and ``ctx.estate``):

* :func:`fronting` — the enabled distributions whose origins reach a resource ("behind
  CloudFront": by DNS name, alias / CNAME chain or VPC origin), and whether "none" is certain
  (every account's distributions collected, and no origin name left unresolved in a hosted
  zone whose records were not read: :func:`none_fronting_is_certain`). Disabled
  distributions carry no traffic: they neither front a resource nor contribute secret
  headers.
* :func:`load_balancers_of` — the ALBs/NLBs an origin reaches (tri-state, one per target
  of its records).
* :func:`port_exposure` — whether a load balancer's security groups admit the **whole
  internet** (``0.0.0.0/0`` / ``::/0``, counted only for the address families the load
  balancer has public addresses in) on one TCP port. Security-group references and non-``/0``
  CIDRs do not open a port to the internet; the CloudFront origin-facing prefix list admits
  only CloudFront; any other prefix list (its entries are never collected) or an unparseable
  CIDR leaves the answer undecided.
"""

from __future__ import annotations

import enum
import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from edgekit.graph import nodes as gn
from edgekit.model import (
    GLOBAL,
    NOT_COLLECTED,
    Collected,
    Distribution,
    LoadBalancer,
    Origin,
    SecurityGroup,
)
from edgekit.rules.analysis.lb_lockdown import public_families

if TYPE_CHECKING:
    from edgekit.rules.context import CheckContext


@dataclass(frozen=True)
class Fronting:
    """Enabled (distribution, origin) pairs in front of a resource; ``decided`` False when none
    was found but that is not certain (:func:`none_fronting_is_certain`)."""

    pairs: tuple[tuple[Distribution, Origin], ...]
    decided: bool

    @property
    def origins(self) -> tuple[Origin, ...]:
        """The origins of the pairs."""
        return tuple(o for _, o in self.pairs)

    @property
    def distribution_ids(self) -> list[str]:
        """Sorted distribution ids (evidence)."""
        return sorted({d.id for d, _ in self.pairs})


def fronting(ctx: CheckContext, resource: object) -> Fronting:
    """The enabled distributions whose origins reach ``resource`` (a model object)."""
    try:
        pairs = ctx.estate.distributions_in_front_of(resource)
    except KeyError:  # not in the graph: nothing fronts it
        pairs = []
    enabled = tuple((d, o) for d, o in pairs if d.enabled)
    return Fronting(enabled, bool(enabled) or none_fronting_is_certain(ctx))


def none_fronting_is_certain(ctx: CheckContext, *, with_headers: bool = False) -> bool:
    """Would a resource no enabled distribution was found to reach truly have none in front?
    Only when every account's distributions were collected and no enabled distribution has an
    origin name left unresolved in a public hosted zone of the snapshot whose record sets were
    not read (:func:`hidden_origins`: it may point at anything). ``with_headers``: only such
    origins that send custom headers count."""
    hidden = hidden_origins(ctx, with_headers=with_headers)
    return ctx.model.known("distributions", None, GLOBAL) and not hidden


def fronting_unknown_reason(ctx: CheckContext) -> str:
    """Why "no distribution in front" is not certain (for Unknown messages)."""
    hidden = hidden_origins(ctx)
    if hidden:
        return f"origin names in hosted zones whose records were not read: {', '.join(hidden)}"
    return "distributions not collected for every account"


def hidden_origins(ctx: CheckContext, *, with_headers: bool = False) -> tuple[str, ...]:
    """Origin domains (sorted) of enabled distributions that resolve to nothing while the most
    specific public hosted zone of the snapshot holding the name had its records unread
    (``with_headers``: only origins sending custom headers)."""
    found = ctx.memo("origins.hidden_origins", lambda: _hidden_origins(ctx))
    return tuple(sorted({name for name, headers in found if headers or not with_headers}))


def _hidden_origins(ctx: CheckContext) -> tuple[tuple[str, bool], ...]:
    zones: dict[str, list[Collected[object]]] = {}
    for zone in ctx.model.hosted_zones:
        if not zone.private_zone:
            zones.setdefault(zone.name, []).append(zone.record_sets)
    if not any(r is NOT_COLLECTED for rs in zones.values() for r in rs):
        return ()
    estate = ctx.estate
    found: set[tuple[str, bool]] = set()
    for dist in ctx.model.distributions:
        if not dist.enabled:
            continue
        for origin in dist.origins:
            if origin.vpc_origin_config is not None:
                continue
            attrs = estate.graph.nodes[estate.resolve_origin(dist, origin)]
            if attrs.get("kind") != gn.NodeKind.EXTERNAL or attrs.get("hint") is not None:
                continue
            name = str(attrs.get("label"))
            labels = name.split(".")
            for i in range(len(labels)):
                held = zones.get(".".join(labels[i:]))
                if held is not None:
                    if any(r is NOT_COLLECTED for r in held):
                        found.add((name, bool(origin.custom_headers)))
                    break
    return tuple(sorted(found))


def load_balancers_of(
    ctx: CheckContext, dist: Distribution, origin: Origin
) -> list[Collected[LoadBalancer | None]]:
    """What the origin reaches, per place its name can lead (after Route 53 records — every
    target of weighted / latency / failover sets — and VPC origins): the ALB/NLB; NOT_COLLECTED
    when a load balancer is named (its ARN, or an ELB-form DNS name) whose account and region
    were not collected; None for anything else. Load balancers first, sorted by ARN."""
    graph = ctx.estate.graph
    start = gn.origin_id(dist.id, origin.id)
    if start not in graph:
        return [None]
    ends: list[str] = []
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        targets = [v for v, d in graph.adj[node].items() if d["kind"] == gn.EdgeKind.RESOLVES_TO]
        for v in targets:
            if v in seen:
                continue
            seen.add(v)
            if graph.nodes[v].get("kind") in (gn.NodeKind.DNS, gn.NodeKind.VPC_ORIGIN):
                stack.append(v)
            else:
                ends.append(v)
    found = [_load_balancer_at(graph.nodes[v]) for v in sorted(ends)] or [None]
    return sorted(found, key=lambda lb: (not isinstance(lb, LoadBalancer), _arn(lb)))


def _arn(lb: object) -> str:
    return lb.arn if isinstance(lb, LoadBalancer) else ""


def _load_balancer_at(attrs: Mapping[str, Any]) -> Collected[LoadBalancer | None]:
    kind = attrs.get("kind")
    ref = attrs.get(gn.REF)
    if isinstance(ref, LoadBalancer):
        return ref
    placeholder = kind == gn.NodeKind.LOAD_BALANCER and ref is None
    if placeholder or (kind == gn.NodeKind.EXTERNAL and attrs.get("hint") == "elb"):
        return NOT_COLLECTED if attrs.get("missing") == "not-collected" else None
    return None


def cloudfront_prefix_list_ids(ctx: CheckContext, lb: LoadBalancer) -> Collected[frozenset[str]]:
    """Ids of the CloudFront origin-facing prefix lists (IPv4 and IPv6) in the load balancer's
    account and region (empty when that region has none; NOT_COLLECTED when not read)."""
    found = ctx.model.ec2.cloudfront_origin_facing_prefix_lists(lb.account_id, lb.region)
    if found is NOT_COLLECTED:
        return NOT_COLLECTED
    return frozenset(p.id for p in found)


class Exposure(enum.StrEnum):
    """Whether a port admits the whole internet."""

    ANYWHERE = "anywhere"
    UNDECIDED = "undecided"
    CLOSED = "closed"


@dataclass(frozen=True)
class PortExposure:
    """One port's exposure and the sources behind it (``sg-id:cidr`` / ``sg-id:pl-id``)."""

    port: int | None
    state: Exposure
    sources: tuple[str, ...] = ()
    reason: str = ""


def _whole_internet(cidr: str, families: frozenset[int]) -> bool | None:
    """``/0`` of a family the load balancer is reachable in; None: not a CIDR."""
    try:
        net = ipaddress.ip_network(cidr.strip(), strict=False)
    except ValueError:
        return None
    return net.prefixlen == 0 and net.version in families


def port_exposure(
    lb: LoadBalancer,
    groups: Collected[Sequence[SecurityGroup]],
    cloudfront_lists: Collected[frozenset[str]],
    port: int | None,
) -> PortExposure:
    """Does some security group of ``lb`` admit ``0.0.0.0/0`` or ``::/0`` on TCP ``port``?"""
    if groups is NOT_COLLECTED:
        return PortExposure(port, Exposure.UNDECIDED, reason="security groups were not collected")
    if port is None:
        return PortExposure(port, Exposure.UNDECIDED, reason="listener port unknown")
    if not groups:
        return PortExposure(port, Exposure.UNDECIDED, reason="no security group data")
    families = public_families(lb)
    anywhere: set[str] = set()
    unresolved: set[str] = set()
    for group in groups:
        for perm in group.ingress_for_tcp_port(port):
            for cidr in perm.cidrs:
                whole = _whole_internet(cidr, families)
                if whole:
                    anywhere.add(f"{group.id}:{cidr}")
                elif whole is None:
                    unresolved.add(f"{group.id}:{cidr}")
            for pl in perm.prefix_lists:
                if cloudfront_lists is NOT_COLLECTED or pl not in cloudfront_lists:
                    unresolved.add(f"{group.id}:{pl}")
    if anywhere:
        return PortExposure(port, Exposure.ANYWHERE, tuple(sorted(anywhere)))
    if unresolved:
        reason = f"cannot tell what {', '.join(sorted(unresolved))} admits"
        return PortExposure(port, Exposure.UNDECIDED, tuple(sorted(unresolved)), reason)
    return PortExposure(port, Exposure.CLOSED)
