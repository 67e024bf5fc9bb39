"""The one index of an inventory: every lookup table, built once in linear time (no per-lookup
scans). Internal: the per-area lookups (``inv.cloudfront``, ``inv.elbv2`` ...) read it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from edgekit.model.apigateway.domains import DomainName, merge_domain_names
from edgekit.model.common import NOT_COLLECTED
from edgekit.model.lambda_.types import FunctionUrl, FunctionUrlConfig
from edgekit.model.resources import Resources
from edgekit.model.s3.types import merge_buckets
from edgekit.model.waf_classic.types import ClassicWebACL

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
    """Dictionaries over an inventory's tuples (edge kinds, then the context kinds)."""

    def __init__(self, inv: Resources) -> None:
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
        # ec2
        self.security_group = by(inv.security_groups, lambda g: (g.account_id, g.region, g.id))
        self.attached_groups: set[tuple[str, str, str]] = {
            (lb.account_id, lb.region, sg) for lb in inv.load_balancers for sg in lb.security_groups
        }
        self.attached_groups.update(
            (lb.account_id, lb.region, sg)
            for lb in inv.classic_load_balancers
            for sg in lb.security_groups
        )
        self.cloudfront_prefix_lists = group(
            (p for p in inv.managed_prefix_lists if p.is_cloudfront_origin_facing),
            lambda p: (p.account_id, p.region),
        )
        # elb
        self.classic_lb = by(inv.classic_load_balancers, lambda lb: lb.arn)
        self.classic_lb_by_dns = by(
            (lb for lb in inv.classic_load_balancers if lb.dns_name), lambda lb: lb.dns_name
        )
        # s3
        blocks = {b.account_id: b.configuration for b in inv.account_public_access_blocks}
        self.buckets = merge_buckets(inv.bucket_records, blocks)
        self.bucket_records = group(inv.bucket_records, lambda r: r.name)
        self.account_block = blocks
        # apigateway v1 / v2
        self.rest_api = by(inv.rest_apis, lambda a: (a.account_id, a.region, a.id))
        self.rest_api_by_place = by(inv.rest_apis, lambda a: (a.region, a.id))
        self.rest_stage = {
            s.arn: s for a in inv.rest_apis if a.stages is not NOT_COLLECTED for s in a.stages
        }
        self.api = by(inv.apis, lambda a: (a.account_id, a.region, a.id))
        self.api_by_place = by(inv.apis, lambda a: (a.region, a.id))
        self.domain_names = merge_domain_names(inv.domain_names_v1, inv.domain_names_v2)
        self.domain_by_name = group(self.domain_names.values(), lambda d: d.name)
        self.domain_by_target: dict[str, DomainName] = {}
        for d in self.domain_names.values():
            for target in d.target_domain_names:
                self.domain_by_target.setdefault(target, d)
        self.usage_plans_by_stage: dict[tuple[str, str, str, str], list[Any]] = {}
        for plan in inv.usage_plans:
            for s in plan.api_stages:
                key = (plan.account_id, plan.region, s.api_id, s.stage)
                self.usage_plans_by_stage.setdefault(key, []).append(plan)
        self.vpc_link = by(inv.vpc_links, lambda v: (v.account_id, v.region, v.id))
        self.vpc_link_v2 = by(inv.vpc_links_v2, lambda v: (v.account_id, v.region, v.id))
        # lambda
        self.function_url = by(inv.function_urls, lambda u: u.function_arn)
        self.function_url_by_domain: dict[str, FunctionUrl] = {}
        for u in inv.function_urls:
            if isinstance(u.config, FunctionUrlConfig):
                self.function_url_by_domain.setdefault(u.config.domain, u)
        self.unresolved_urls = {
            (u.account_id, u.region, u.id) for u in inv.unresolved_function_urls
        }
        self.edge_function = by(inv.edge_functions, lambda e: e.function_arn)
        # WAF Classic
        classic = (*inv.classic_web_acls, *inv.classic_regional_web_acls)
        self.classic_acl = by(classic, lambda a: a.arn)
        self.classic_acl.update(by(classic, lambda a: (a.account_id, a.id)))
        self.classic_acl.update(by(classic, lambda a: a.id))
        self.classic_acl_by_resource: dict[str, ClassicWebACL] = {}
        self.classic_assoc_unknown: set[tuple[str, str]] = set()
        for classic_acl in inv.classic_regional_web_acls:
            if classic_acl.resource_arns is NOT_COLLECTED:
                self.classic_assoc_unknown.add((classic_acl.account_id, classic_acl.region))
                continue
            for arn in classic_acl.resource_arns:
                self.classic_acl_by_resource.setdefault(arn, classic_acl)
        # shield
        self.shield_subscription = by(inv.shield_subscriptions, lambda s: s.account_id)
        self.protection_by_resource = by(inv.shield_protections, lambda p: p.resource_arn)
        # global accelerator
        self.accelerator = by(inv.accelerators, lambda a: a.arn)
        self.accelerator_by_dns = {
            name: a
            for a in reversed(inv.accelerators)
            for name in (a.dns_name, a.dual_stack_dns_name)
            if name
        }
        self.accelerators_by_endpoint: dict[str, list[Any]] = {}
        self.accelerator_accounts_incomplete: set[str] = set()
        for acc in inv.accelerators:
            if not acc.endpoints_complete:
                self.accelerator_accounts_incomplete.add(acc.account_id)
            for endpoint_id in acc.endpoint_ids:
                self.accelerators_by_endpoint.setdefault(endpoint_id, []).append(acc)
