"""What a CloudFront origin reaches, and what reaches a load balancer *around* CloudFront.

Shared by the ``origin.*`` checks (pure; inputs from ``ctx.model`` and ``ctx.estate``):

* :func:`fronting` — the enabled distributions whose origins reach a resource ("behind
  CloudFront": by DNS name, alias / CNAME chain or VPC origin), and whether "none" is certain
  (every account's distributions collected). Disabled distributions carry no traffic: they
  neither front a resource nor contribute secret headers.
* :func:`load_balancer_of` — the ALB/NLB an origin reaches (tri-state).
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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
from edgekit.rules.lockdown import public_families

if TYPE_CHECKING:
    from edgekit.rules.context import CheckContext


@dataclass(frozen=True)
class Fronting:
    """Enabled (distribution, origin) pairs in front of a resource; ``decided`` False when none
    was found but some account's distributions were not collected."""

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
    decided = bool(enabled) or ctx.model.known("distributions", None, GLOBAL)
    return Fronting(enabled, decided)


def load_balancer_of(
    ctx: CheckContext, dist: Distribution, origin: Origin
) -> Collected[LoadBalancer | None]:
    """The ALB/NLB the origin reaches (after Route 53 records and VPC origins).

    NOT_COLLECTED when the origin names a load balancer (its ARN, or an ELB-form DNS name)
    whose account and region were not collected; None when it reaches anything else.
    """
    estate = ctx.estate
    try:
        node = estate.resolve_origin(dist, origin)
    except KeyError:
        return None
    attrs = estate.graph.nodes[node]
    kind = attrs.get("kind")
    ref = attrs.get(gn.REF)
    if isinstance(ref, LoadBalancer):
        return ref
    placeholder = kind == gn.NodeKind.LOAD_BALANCER and ref is None
    if placeholder or (kind == gn.NodeKind.EXTERNAL and attrs.get("hint") == "elb"):
        return NOT_COLLECTED if attrs.get("missing") == "not-collected" else None
    return None


def cloudfront_prefix_list_ids(ctx: CheckContext, lb: LoadBalancer) -> Collected[frozenset[str]]:
    """Id of the CloudFront origin-facing prefix list in the load balancer's account and region
    (empty when that region has none; NOT_COLLECTED when the prefix lists were not read)."""
    found = ctx.model.cloudfront_origin_facing_prefix_list(lb.account_id, lb.region)
    if found is NOT_COLLECTED:
        return NOT_COLLECTED
    return frozenset() if found is None else frozenset({found.id})


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
