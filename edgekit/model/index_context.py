"""Lookup tables of the context kinds (ec2, elb, s3, API Gateway, lambda, WAF Classic, Shield,
Global Accelerator), built once in linear time. Internal: use the Inventory methods."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from edgekit.model.apigateway.domains import DomainName, merge_domain_names
from edgekit.model.common import NOT_COLLECTED
from edgekit.model.index import by, group
from edgekit.model.lambda_.types import FunctionUrl, FunctionUrlConfig
from edgekit.model.s3.types import merge_buckets
from edgekit.model.waf_classic.types import ClassicWebACL

if TYPE_CHECKING:
    from edgekit.model.inventory import Inventory


class ContextIndex:
    """Dictionaries over the context kinds of an inventory."""

    def __init__(self, inv: Inventory) -> None:
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
        for acl in inv.classic_regional_web_acls:
            if acl.resource_arns is NOT_COLLECTED:
                self.classic_assoc_unknown.add((acl.account_id, acl.region))
                continue
            for arn in acl.resource_arns:
                self.classic_acl_by_resource.setdefault(arn, acl)
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
