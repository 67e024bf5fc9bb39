"""Lookups of the context kinds, part 1: ec2, Classic ELB, WAF Classic, Shield, Global Accelerator.

Same contract as :mod:`.lookups`: ``X | None | NOT_COLLECTED`` (found; collected where it would
live and absent; not collected there), reverse lookups ``tuple | NOT_COLLECTED``. The context
collectors only read what the edge references, so "absent" is answered only where the
collector would have read the resource (each method says when).
"""

from __future__ import annotations

from typing import Final

from edgekit.endpoints import elb_region
from edgekit.model.cloudfront.types import Distribution
from edgekit.model.common import (
    GLOBAL,
    NOT_COLLECTED,
    Arn,
    Collected,
    normalize_dns_name,
)
from edgekit.model.ec2.types import CLOUDFRONT_ORIGIN_FACING, ManagedPrefixList, SecurityGroup
from edgekit.model.elb.types import ClassicLoadBalancer
from edgekit.model.elbv2.types import LoadBalancer
from edgekit.model.globalaccelerator.types import Accelerator
from edgekit.model.index_context import ContextIndex
from edgekit.model.lookups_apps import AppLookups
from edgekit.model.route53.types import HostedZone
from edgekit.model.shield.types import Protection, ShieldSubscription
from edgekit.model.waf_classic.types import ClassicWebACL
from edgekit.model.wafv2.types import WebACL

_CLASSIC_SERVICES: Final = {"waf": "classic_web_acls", "waf-regional": "classic_regional_web_acls"}


class ContextLookups(AppLookups):
    """Context lookups (mixed into Inventory); S3 / API Gateway / Lambda in :class:`AppLookups`."""

    __slots__ = ()
    _context: ContextIndex

    # -- ec2 ---------------------------------------------------------------------------------------
    def security_group(
        self, group_id: str, account_id: str, region: str
    ) -> Collected[SecurityGroup | None]:
        """A security group by id.

        None only for a group that a collected load balancer of (account, region) names while
        the region's groups were read (it was deleted); other ids were never looked up.
        """
        key = (account_id, region, group_id)
        found = self._context.security_group.get(key)
        if found is not None:
            return found
        if key in self._context.attached_groups and self.known(
            "security_groups", account_id, region
        ):
            return None
        return NOT_COLLECTED

    def security_groups_for(
        self, load_balancer: LoadBalancer | ClassicLoadBalancer
    ) -> Collected[tuple[SecurityGroup, ...]]:
        """The security groups of an ALB/NLB or Classic ELB (deleted ones left out)."""
        out: list[SecurityGroup] = []
        for group_id in load_balancer.security_groups:
            sg = self.security_group(group_id, load_balancer.account_id, load_balancer.region)
            if sg is NOT_COLLECTED:
                return NOT_COLLECTED
            if sg is not None:
                out.append(sg)
        return tuple(out)

    def cloudfront_origin_facing_prefix_list(
        self, account_id: str, region: str
    ) -> Collected[ManagedPrefixList | None]:
        """``com.amazonaws.global.cloudfront.origin-facing`` (IPv4) as listed in (account,
        region); see :meth:`cloudfront_origin_facing_prefix_lists` for IPv4 and IPv6."""
        found = next(
            (
                p
                for p in self._context.cloudfront_prefix_lists.get((account_id, region), ())
                if p.name == CLOUDFRONT_ORIGIN_FACING
            ),
            None,
        )
        return self._resolve(found, "managed_prefix_lists", account_id, region)

    def cloudfront_origin_facing_prefix_lists(
        self, account_id: str, region: str
    ) -> Collected[tuple[ManagedPrefixList, ...]]:
        """Every CloudFront origin-facing managed prefix list (IPv4 and IPv6) of (account,
        region); ``()`` when collected and none, NOT_COLLECTED when not read there."""
        if not self.known("managed_prefix_lists", account_id, region):
            return NOT_COLLECTED
        return tuple(self._context.cloudfront_prefix_lists.get((account_id, region), ()))

    # -- elb ---------------------------------------------------------------------------------------
    def classic_load_balancer(self, arn: str) -> Collected[ClassicLoadBalancer | None]:
        """A Classic Load Balancer by ARN (``...:loadbalancer/<name>``)."""
        found = self._context.classic_lb.get(arn)
        parts = Arn.parse(arn)
        if found is not None or parts is None:
            return found if found is not None else NOT_COLLECTED
        return self._resolve(None, "classic_load_balancers", parts.account_id, parts.region)

    def classic_load_balancer_by_dns(self, dns_name: str) -> Collected[ClassicLoadBalancer | None]:
        """A Classic Load Balancer by DNS name (``dualstack.`` prefix and case ignored)."""
        name = normalize_dns_name(dns_name).removeprefix("dualstack.")
        found = self._context.classic_lb_by_dns.get(name)
        return self._resolve(found, "classic_load_balancers", None, elb_region(name))

    # -- WAF Classic -------------------------------------------------------------------------------
    def classic_web_acl(
        self, id_or_arn: str, account_id: str | None = None
    ) -> Collected[ClassicWebACL | None]:
        """A WAF Classic web ACL by ARN, or by id (a distribution's ``WebACLId``: global).

        A bare id without ``account_id`` is absent only when every account's global classic
        ACLs were read. ARNs of other services are None (not a classic ACL).
        """
        parts = Arn.parse(id_or_arn)
        if parts is not None:
            found = self._context.classic_acl.get(id_or_arn)
            kind = _CLASSIC_SERVICES.get(parts.service)
            if found is not None or kind is None:
                return found
            return self._resolve(None, kind, parts.account_id, parts.region)
        key = (account_id, id_or_arn) if account_id is not None else id_or_arn
        found = self._context.classic_acl.get(key)
        return self._resolve(found, "classic_web_acls", account_id, GLOBAL)

    def classic_web_acl_associations(self, acl: ClassicWebACL) -> Collected[tuple[str, ...]]:
        """ARNs of what a classic ACL protects.

        Regional: as collected (ListResourcesForWebACL). Global: the distributions of the ACL's
        account whose WebACLId is the ACL id, known when those distributions were collected.
        """
        if acl.scope == "regional":
            return acl.resource_arns
        if not self.known("distributions", acl.account_id, GLOBAL):
            return NOT_COLLECTED
        dists = self._index.distributions_by_acl.get(acl.id, [])
        return tuple(d.arn for d in dists if d.account_id == acl.account_id)

    def web_acl(self, arn_or_classic_id: str) -> Collected[WebACL | ClassicWebACL | None]:
        """A web ACL: WAFv2 by ARN, WAF Classic by ARN or id (see :meth:`classic_web_acl`)."""
        parts = Arn.parse(arn_or_classic_id)
        if parts is not None and parts.service == "wafv2":
            return super().web_acl(arn_or_classic_id)
        return self.classic_web_acl(arn_or_classic_id)

    def web_acl_for_resource(self, resource_arn: str) -> Collected[WebACL | ClassicWebACL | None]:
        """The web ACL (WAFv2 or Classic) protecting a distribution, load balancer or API stage.

        Regional resources: a WAFv2 association, else a classic one; when neither is found,
        NOT_COLLECTED if the associations of either kind could not be read for the resource's
        unit, else None (a unit without any ``waf-regional`` payload reads as "no classic
        ACLs": WAF Classic is inventory only).
        """
        found = self._context.classic_acl_by_resource.get(resource_arn)
        if found is not None:
            return found
        parts = Arn.parse(resource_arn)
        if parts is not None and parts.service == "cloudfront":
            dist = self.distribution(resource_arn)
            acl_id = dist.web_acl_id if isinstance(dist, Distribution) else None
            if isinstance(dist, Distribution) and acl_id and Arn.parse(acl_id) is None:
                return self.classic_web_acl(acl_id, dist.account_id)
        v2 = super().web_acl_for_resource(resource_arn)
        if parts is None:
            return v2
        account = parts.account_id or self._stage_account(resource_arn)
        unit = (account, parts.region)
        if v2 is NOT_COLLECTED and account and not parts.account_id:
            # API Gateway stage ARNs name no account: decide in the stage's own account
            known = self.known("web_acls", *unit) and unit not in self._index.acl_assoc_unknown
            v2 = None if known else NOT_COLLECTED
        if v2 is None and unit in self._context.classic_assoc_unknown:
            return NOT_COLLECTED
        return v2

    def _stage_account(self, stage_arn: str) -> str:
        stage = self._context.rest_stage.get(stage_arn)
        return stage.account_id if stage is not None else ""

    # -- shield ------------------------------------------------------------------------------------
    def shield_subscription(self, account_id: str) -> Collected[ShieldSubscription | None]:
        """The account's Shield Advanced subscription; None: not subscribed."""
        found = self._context.shield_subscription.get(account_id)
        if found is not None:
            return found
        if self.coverage.collected(account_id, GLOBAL, "shield", "subscription"):
            return None
        return NOT_COLLECTED

    def shield_protection_for(self, resource_arn: str) -> Collected[Protection | None]:
        """The Shield Advanced protection of a resource.

        None when the resource's account is not subscribed, or is subscribed and its
        protections were read. Hosted-zone ARNs name no account: the zone's own account decides
        when the zone is in the inventory, else every account of the snapshot does.
        """
        found = self._context.protection_by_resource.get(resource_arn)
        if found is not None:
            return found
        accounts = self._owners(resource_arn)
        if not accounts:
            return NOT_COLLECTED
        for account in accounts:
            sub = self.shield_subscription(account)
            if sub is NOT_COLLECTED:
                return NOT_COLLECTED
            if sub is not None and not self.known("shield_protections", account, GLOBAL):
                return NOT_COLLECTED
        return None

    def _owners(self, resource_arn: str) -> list[str]:
        """The accounts that may own a resource: the ARN's; for a hosted zone (``arn:aws:route53
        :::hostedzone/<id>``, no account) the zone's account when the zone was collected; else
        every account of the snapshot."""
        parts = Arn.parse(resource_arn)
        if parts is not None and parts.account_id:
            return [parts.account_id]
        if parts is not None and parts.service == "route53":
            kind, _, zone_id = parts.resource.partition("/")
            zone = self.hosted_zone(zone_id) if kind == "hostedzone" and zone_id else None
            if isinstance(zone, HostedZone):
                return [zone.account_id]
        return list(self.coverage.accounts())

    # -- global accelerator ------------------------------------------------------------------------
    def accelerator(self, arn: str) -> Collected[Accelerator | None]:
        """An accelerator by ARN."""
        found = self._context.accelerator.get(arn)
        parts = Arn.parse(arn)
        return self._resolve(found, "accelerators", parts.account_id if parts else None, GLOBAL)

    def accelerator_by_dns(self, dns_name: str) -> Collected[Accelerator | None]:
        """An accelerator by its DNS name (IPv4 or dual-stack); absent only when every
        account's accelerators were listed."""
        found = self._context.accelerator_by_dns.get(normalize_dns_name(dns_name))
        return self._resolve(found, "accelerators", None, GLOBAL)

    def accelerators_targeting(self, endpoint_id: str) -> Collected[tuple[Accelerator, ...]]:
        """Accelerators with an endpoint ``endpoint_id`` (an ALB/NLB ARN, EIP or instance).

        ``()`` only when every account's accelerators, listeners and endpoint groups were read.
        """
        found = self._context.accelerators_by_endpoint.get(endpoint_id)
        if found:
            return tuple(found)
        incomplete = self._context.accelerator_accounts_incomplete
        complete = self.known("accelerators", None, GLOBAL) and not incomplete
        return () if complete else NOT_COLLECTED
