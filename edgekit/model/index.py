"""Lookup tables of an inventory, built once in linear time (no per-lookup scans)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from edgekit.model.common import NOT_COLLECTED

if TYPE_CHECKING:
    from edgekit.model.inventory import Inventory

R = TypeVar("R")


def by(items: Iterable[R], key: Callable[[R], Any]) -> dict[Any, R]:
    """``{key(item): item}``; the first item wins on duplicates."""
    out: dict[Any, R] = {}
    for item in items:
        out.setdefault(key(item), item)
    return out


def group(items: Iterable[R], key: Callable[[R], Any]) -> dict[Any, list[R]]:
    """``{key(item): [items]}`` preserving order."""
    out: dict[Any, list[R]] = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


class Index:
    """Dictionaries over an inventory's tuples. Internal: use the Inventory methods."""

    def __init__(self, inv: Inventory) -> None:
        self.kinds: dict[str, dict[Any, Any]] = {}
        self.distribution = by(inv.distributions, lambda d: d.id)
        self.distribution.update(by(inv.distributions, lambda d: d.arn))
        self.distribution_by_domain = by(inv.distributions, lambda d: d.domain_name)
        self.distribution_by_alias = {a: d for d in inv.distributions for a in d.aliases}
        for kind in (
            "cache_policies",
            "origin_request_policies",
            "response_headers_policies",
            "origin_access_controls",
            "origin_access_identities",
            "vpc_origins",
        ):
            items = getattr(inv, kind)
            table = by(items, lambda r: (r.account_id, r.id))
            table.update(by(items, lambda r: (None, r.id)))
            self.kinds[kind] = table
        for kind in (
            "cloudfront_functions",
            "realtime_log_configs",
            "web_acls",
            "ip_sets",
            "regex_pattern_sets",
            "rule_groups",
            "load_balancers",
            "listeners",
            "target_groups",
            "certificates",
        ):
            self.kinds[kind] = by(getattr(inv, kind), lambda r: r.arn)
        self.ssl_policy = by(inv.ssl_policies, lambda p: (p.account_id, p.region, p.name))
        self.ssl_policy.update(by(inv.ssl_policies, lambda p: (None, None, p.name)))
        self.hosted_zone = by(inv.hosted_zones, lambda z: z.id)
        self.zones_without_records = [z for z in inv.hosted_zones if z.record_sets is NOT_COLLECTED]
        self.records_by_name = group(inv.record_sets, lambda r: r.name)
        self.records_by_target: dict[str, list[Any]] = {}
        for r in inv.record_sets:
            for name in r.target_names:
                self.records_by_target.setdefault(name.removeprefix("dualstack."), []).append(r)
        self.lb_by_dns = by(
            (lb for lb in inv.load_balancers if lb.dns_name), lambda lb: lb.dns_name
        )
        self.tgs_by_lb: dict[str, list[Any]] = {}
        for tg in inv.target_groups:
            for lb_arn in tg.load_balancer_arns:
                self.tgs_by_lb.setdefault(lb_arn, []).append(tg)
        self.log_sources_by_resource: dict[str, list[Any]] = {}
        for src in inv.log_delivery_sources:
            for arn in src.resource_arns:
                self.log_sources_by_resource.setdefault(arn, []).append(src)
        self.log_deliveries_by_source = group(
            inv.log_deliveries, lambda d: (d.account_id, d.delivery_source_name)
        )
        self.acl_by_resource: dict[str, Any] = {}
        self.acl_assoc_unknown: set[tuple[str, str]] = set()
        for acl in inv.web_acls:
            if acl.resource_arns is NOT_COLLECTED:
                self.acl_assoc_unknown.add((acl.account_id, acl.region))
                continue
            for arn in acl.resource_arns:
                self.acl_by_resource.setdefault(arn, acl)
        self.distributions_by_acl = group(
            (d for d in inv.distributions if d.web_acl_id), lambda d: d.web_acl_id
        )
