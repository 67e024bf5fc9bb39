"""What a pattern builder returns (:class:`Draft`), what it reads (:class:`PlanContext`), and
the savings lines of the resources proposals remove."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from edgekit.graph import Estate
from edgekit.graph.nodes import NodeKind
from edgekit.model import (
    NOT_COLLECTED,
    ClassicLoadBalancer,
    Distribution,
    Inventory,
    LoadBalancer,
    WebACL,
)
from edgekit.plan import prices
from edgekit.plan.model import Step
from edgekit.plan.prices import Line, PriceTable
from edgekit.plan.usage import Usage, elb_dimension
from edgekit.rules.finding import Finding


@dataclass(frozen=True)
class PlanContext:
    """The estate (graph and model) and the usage metrics of the snapshot (if any)."""

    estate: Estate
    usage: Usage
    prices: PriceTable = field(default_factory=prices.load)

    @property
    def graph(self) -> nx.DiGraph:
        """The before graph."""
        return self.estate.graph

    @property
    def model(self) -> Inventory:
        """The inventory."""
        return self.estate.model

    def ref(self, node: str) -> Any:
        """The model object of a node (None when unknown)."""
        return self.graph.nodes[node].get("ref") if node in self.graph else None


@dataclass
class Draft:
    """A proposal before ids, hop counts and totals are derived."""

    title: str
    entrypoint: str
    current: list[str]
    proposed: list[str]
    removed: list[str]
    lines: list[Line] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    """Hops of ``current`` the graph does not model (``hidden:`` ids: the CloudFront layer
    inside an edge-optimized API), counted by ``hops_saved`` and drawn in the before picture."""
    region: str | None = None
    variant: str = ""
    """This draft's variant name (``direct``, ``accelerator`` ...; empty: no choice)."""
    summary: str = ""
    drops: list[str] = field(default_factory=list)
    """Stated guarantees this variant does not keep (a variant that drops one is never the
    default)."""
    alternatives: list[Draft] = field(default_factory=list)
    """Other variants of the same proposal (same finding, another way)."""


def pre_checks(finding: Finding) -> list[str]:
    """The finding's ``pre_checks`` as risk lines."""
    return [f"Pre-check: {p}" for p in finding.evidence.get("pre_checks") or ()]


def public_ipv4s(lb: LoadBalancer | ClassicLoadBalancer) -> int:
    """Public IPv4 addresses an internet-facing load balancer holds (one per zone, at least)."""
    return max(1, len(lb.availability_zones)) if lb.internet_facing else 0


def lb_lines(ctx: PlanContext, lb: LoadBalancer | ClassicLoadBalancer) -> list[Line]:
    """Removing a load balancer: its hour, its public IPv4s, its capacity units (usage)."""
    lines: list[Line] = []
    ips = public_ipv4s(lb)
    if isinstance(lb, ClassicLoadBalancer):
        lines.append(
            ctx.prices.fixed(f"Classic ELB {lb.name} hours", "classic_hour", region=lb.region)
        )
        gb = ctx.usage.monthly("AWS/ELB", "EstimatedProcessedBytes", LoadBalancerName=lb.name)
        lines.append(
            ctx.prices.usage(
                "data processed",
                "classic_gb",
                None if gb is None else gb / 1e9,
                "GB",
                region=lb.region,
            )
        )
    else:
        kind, key, unit, ns = (
            ("ALB", "alb", "alb_lcu_hour", "AWS/ApplicationELB")
            if lb.type == "application"
            else ("NLB", "nlb", "nlb_nlcu_hour", "AWS/NetworkELB")
        )
        lines.append(ctx.prices.fixed(f"{kind} {lb.name} hours", f"{key}_hour", region=lb.region))
        lcu = ctx.usage.monthly(ns, "ConsumedLCUs", LoadBalancer=elb_dimension(lb.arn))
        hours = ctx.prices.hours_per_month
        lines.append(
            ctx.prices.usage(
                "capacity units",
                unit,
                None if lcu is None else lcu * hours,
                "LCU-hours",
                region=lb.region,
            )
        )
    if ips:
        lines.append(
            ctx.prices.fixed(
                f"{ips} public IPv4 address(es)", "public_ipv4_hour", ips, region=lb.region
            )
        )
    return lines


def waf_lines(ctx: PlanContext, acl: WebACL, moved_rules: int) -> list[Line]:
    """Removing a web ACL whose ``moved_rules`` rules move to another ACL."""
    rules = acl.rules if acl.rules is not NOT_COLLECTED else ()
    kept = len(rules) - moved_rules
    lines = [
        ctx.prices.fixed(f"web ACL {acl.name}", "waf_acl_month", hourly=False, region=acl.region)
    ]
    if kept > 0:
        lines.append(
            ctx.prices.fixed(
                f"{kept} rule(s) not moved", "waf_rule_month", kept, hourly=False, region=acl.region
            )
        )
    requests = _waf_requests(ctx, acl)
    lines.append(
        ctx.prices.usage(
            "requests inspected",
            "waf_million_requests",
            None if requests is None else requests / 1e6,
            "million requests",
            region=acl.region,
        )
    )
    return lines


def _waf_requests(ctx: PlanContext, acl: WebACL) -> float | None:
    dims = {"WebACL": acl.name, "Rule": "ALL", "Region": acl.region}
    allowed = ctx.usage.monthly("AWS/WAFV2", "AllowedRequests", **dims)
    blocked = ctx.usage.monthly("AWS/WAFV2", "BlockedRequests", **dims)
    if allowed is None or blocked is None:
        return None
    return allowed + blocked


def dedicated_ip(ctx: PlanContext, label: str, uses_vip: bool) -> list[Line]:
    """A dedicated-IP custom SSL fee, when the removed distribution pays one."""
    if not uses_vip:
        return []
    return [ctx.prices.fixed(label, "cloudfront_dedicated_ip_month", hourly=False, region="global")]


@dataclass(frozen=True)
class OriginOnPath:
    """The distribution and origin a path goes through: what origin-switching steps edit."""

    distribution: Distribution
    origin_id: str
    index: int
    """The origin's position in the distribution's origins (CloudFormation property path)."""
    domain_name: str
    """The origin's current domain name (what a rollback points back at)."""


def origin_on_path(ctx: PlanContext, path: list[str]) -> OriginOnPath:
    """The first distribution and origin on ``path``."""
    from edgekit.plan.paths import index_of

    dist: Distribution = ctx.ref(path[index_of(ctx.graph, path, NodeKind.DISTRIBUTION)])
    origin_id = path[index_of(ctx.graph, path, NodeKind.ORIGIN)].split(":", 2)[2]
    at = next((i for i, o in enumerate(dist.origins) if o.id == origin_id), 0)
    domain = dist.origins[at].domain_name if dist.origins else ""
    return OriginOnPath(dist, origin_id, at, domain)
