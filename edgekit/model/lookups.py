"""The lookups of an :class:`~edgekit.model.inventory.Inventory` (a mixin, kept apart for size).

Every lookup returns ``X | None | NOT_COLLECTED``: the resource when found; ``None`` when the
place it would live (its account/region, derived from the ARN where possible) was collected and
it is not there; :data:`NOT_COLLECTED` when that place was not collected (denied, failed, not
requested), so the caller reports *unknown*.
"""

from __future__ import annotations

import re
from typing import TypeVar

from edgekit.endpoints import elb_region
from edgekit.model.acm.types import Certificate
from edgekit.model.cloudfront.policies import (
    CachePolicy,
    OriginRequestPolicy,
    ResponseHeadersPolicy,
)
from edgekit.model.cloudfront.resources import (
    CloudFrontFunction,
    LogDelivery,
    OriginAccessControl,
    OriginAccessIdentity,
    RealtimeLogConfig,
    VpcOrigin,
)
from edgekit.model.cloudfront.types import Distribution
from edgekit.model.common import (
    GLOBAL,
    NOT_COLLECTED,
    Arn,
    Collected,
    normalize_dns_name,
)
from edgekit.model.coverage import Coverage
from edgekit.model.elbv2.types import Listener, LoadBalancer, SslPolicy, TargetGroup
from edgekit.model.index import Index
from edgekit.model.registry import GLOBAL_COLLECTORS, KIND_SOURCES
from edgekit.model.route53.types import HostedZone, RecordSet, bare_zone_id
from edgekit.model.waf_classic.types import ClassicWebACL
from edgekit.model.wafv2.types import IPSet, RegexPatternSet, RuleGroup, WebACL

R = TypeVar("R")
P = TypeVar("P", CachePolicy, OriginRequestPolicy, ResponseHeadersPolicy)


class Lookups:
    """Queries over an inventory's index and coverage (mixed into Inventory)."""

    __slots__ = ()
    coverage: Coverage
    _index: Index

    # -- tri-state resolution ---------------------------------------------------------------------
    def known(self, kind: str, account_id: str | None, region: str | None) -> bool:
        """Was ``kind`` collected for (account, region)? ``None`` account: for every account."""
        collector, key = KIND_SOURCES[kind]
        if account_id is None or region is None:
            regions = [region] if region is not None else self._regions_of(collector)
            return bool(regions) and all(
                self.coverage.collected_everywhere(collector, r, key) for r in regions
            )
        return self.coverage.collected(account_id, region, collector, key)

    def _regions_of(self, collector: str) -> list[str]:
        if collector in GLOBAL_COLLECTORS:
            return [GLOBAL]
        return sorted({r for _, r in self.coverage.targets})

    def _resolve(
        self, found: R | None, kind: str, account_id: str | None, region: str | None
    ) -> Collected[R | None]:
        if found is not None:
            return found
        return None if self.known(kind, account_id, region) else NOT_COLLECTED

    def _by_arn(self, kind: str, arn: str, _type: type[R]) -> Collected[R | None]:
        parts = Arn.parse(arn)
        found: R | None = self._index.kinds[kind].get(arn)
        if parts is None:
            return found if found is not None else NOT_COLLECTED
        return self._resolve(found, kind, parts.account_id, parts.region)

    def _by_id(
        self, kind: str, ident: str, account_id: str | None, _type: type[R]
    ) -> Collected[R | None]:
        found: R | None = self._index.kinds[kind].get((account_id, ident))
        return self._resolve(found, kind, account_id, GLOBAL)

    def _policy_by_id(
        self, kind: str, ident: str, account_id: str | None, _type: type[P]
    ) -> Collected[P | None]:
        """A CloudFront policy by id, as listed in ``account_id``; else an AWS-managed one
        listed by any account.

        AWS-managed policies (``Type: managed``) have the same id and content in every account,
        so when the account's listing was denied, not collected, or lacks the id, another
        account's listing answers for them. Custom policies stay account-scoped.
        """
        found = self._by_id(kind, ident, account_id, _type)
        if account_id is None or isinstance(found, _type):
            return found
        anywhere: P | None = self._index.kinds[kind].get((None, ident))
        if anywhere is not None and anywhere.is_managed:
            return anywhere
        return found

    # -- cloudfront --------------------------------------------------------------------------------
    def distribution(self, id_or_arn: str) -> Collected[Distribution | None]:
        """A distribution by id or ARN."""
        found = self._index.distribution.get(id_or_arn)
        parts = Arn.parse(id_or_arn)
        account = parts.account_id if parts is not None else None
        return self._resolve(found, "distributions", account, GLOBAL)

    def distribution_by_domain(self, domain_name: str) -> Collected[Distribution | None]:
        """The distribution whose ``dxxxx.cloudfront.net`` name this is."""
        found = self._index.distribution_by_domain.get(normalize_dns_name(domain_name))
        return self._resolve(found, "distributions", None, GLOBAL)

    def distribution_for_alias(self, hostname: str) -> Collected[Distribution | None]:
        """The distribution listing ``hostname`` among its aliases (exact match)."""
        found = self._index.distribution_by_alias.get(normalize_dns_name(hostname))
        return self._resolve(found, "distributions", None, GLOBAL)

    def cache_policy(
        self, policy_id: str, account_id: str | None = None
    ) -> Collected[CachePolicy | None]:
        """A cache policy by id, as listed in ``account_id`` (None: in any account); an
        AWS-managed one listed by any account when ``account_id``'s listing cannot answer
        (:meth:`_policy_by_id`)."""
        return self._policy_by_id("cache_policies", policy_id, account_id, CachePolicy)

    def origin_request_policy(
        self, policy_id: str, account_id: str | None = None
    ) -> Collected[OriginRequestPolicy | None]:
        """An origin request policy by id (account scope as :meth:`cache_policy`)."""
        return self._policy_by_id(
            "origin_request_policies", policy_id, account_id, OriginRequestPolicy
        )

    def response_headers_policy(
        self, policy_id: str, account_id: str | None = None
    ) -> Collected[ResponseHeadersPolicy | None]:
        """A response headers policy by id (account scope as :meth:`cache_policy`)."""
        return self._policy_by_id(
            "response_headers_policies", policy_id, account_id, ResponseHeadersPolicy
        )

    def origin_access_control(
        self, oac_id: str, account_id: str | None = None
    ) -> Collected[OriginAccessControl | None]:
        """An origin access control by id."""
        return self._by_id("origin_access_controls", oac_id, account_id, OriginAccessControl)

    def origin_access_identity(
        self, oai: str, account_id: str | None = None
    ) -> Collected[OriginAccessIdentity | None]:
        """An OAI by id or ``origin-access-identity/cloudfront/ID``."""
        return self._by_id(
            "origin_access_identities", oai.rpartition("/")[2], account_id, OriginAccessIdentity
        )

    def vpc_origin(
        self, vpc_origin_id: str, account_id: str | None = None
    ) -> Collected[VpcOrigin | None]:
        """A VPC origin by id."""
        return self._by_id("vpc_origins", vpc_origin_id, account_id, VpcOrigin)

    def cloudfront_function(self, arn: str) -> Collected[CloudFrontFunction | None]:
        """A CloudFront Function by ARN."""
        return self._by_arn("cloudfront_functions", arn, CloudFrontFunction)

    def realtime_log_config(self, arn: str) -> Collected[RealtimeLogConfig | None]:
        """A real-time log configuration by ARN."""
        return self._by_arn("realtime_log_configs", arn, RealtimeLogConfig)

    def log_deliveries_for(self, distribution: Distribution) -> Collected[tuple[LogDelivery, ...]]:
        """Standard logging v2 deliveries of a distribution (empty: none configured)."""
        acct = distribution.account_id
        if not (
            self.known("log_delivery_sources", acct, GLOBAL)
            and self.known("log_deliveries", acct, GLOBAL)
        ):
            return NOT_COLLECTED
        sources = self._index.log_sources_by_resource.get(distribution.arn, [])
        return tuple(
            d
            for s in sources
            if s.account_id == acct
            for d in self._index.log_deliveries_by_source.get((acct, s.name), [])
        )

    # -- wafv2 -------------------------------------------------------------------------------------
    def web_acl(self, arn_or_classic_id: str) -> Collected[WebACL | ClassicWebACL | None]:
        """A WAFv2 web ACL by ARN (WAF Classic ids and ARNs: see ``ContextLookups.web_acl``)."""
        parts = Arn.parse(arn_or_classic_id)
        if parts is None or parts.service != "wafv2":
            return NOT_COLLECTED
        return self._by_arn("web_acls", arn_or_classic_id, WebACL)

    def web_acl_for_resource(self, resource_arn: str) -> Collected[WebACL | ClassicWebACL | None]:
        """The web ACL protecting a distribution, load balancer or API stage."""
        found: WebACL | None = self._index.acl_by_resource.get(resource_arn)
        if found is not None:
            return found
        parts = Arn.parse(resource_arn)
        if parts is None:
            return NOT_COLLECTED
        if parts.service == "cloudfront":
            dist = self.distribution(resource_arn)
            if not isinstance(dist, Distribution):
                return dist
            return None if dist.web_acl_id is None else self.web_acl(dist.web_acl_id)
        unit = (parts.account_id, parts.region)
        if unit in self._index.acl_assoc_unknown or not self.known("web_acls", *unit):
            return NOT_COLLECTED
        return None

    def web_acl_associations(self, acl: WebACL) -> Collected[tuple[str, ...]]:
        """ARNs of the resources ``acl`` protects.

        REGIONAL: as collected (ListResourcesForWebACL). CLOUDFRONT: the distributions of the
        ACL's account whose WebACLId is this ACL, known when those distributions were collected.
        """
        if acl.resource_arns is not NOT_COLLECTED:
            return acl.resource_arns
        if acl.scope == "CLOUDFRONT" and self.known("distributions", acl.account_id, GLOBAL):
            dists = self._index.distributions_by_acl.get(acl.arn, [])
            return tuple(d.arn for d in dists if d.account_id == acl.account_id)
        return NOT_COLLECTED

    def ip_set(self, arn: str) -> Collected[IPSet | None]:
        """An IP set by ARN."""
        return self._by_arn("ip_sets", arn, IPSet)

    def regex_pattern_set(self, arn: str) -> Collected[RegexPatternSet | None]:
        """A regex pattern set by ARN."""
        return self._by_arn("regex_pattern_sets", arn, RegexPatternSet)

    def rule_group(self, arn: str) -> Collected[RuleGroup | None]:
        """An own rule group by ARN."""
        return self._by_arn("rule_groups", arn, RuleGroup)

    # -- elbv2 -------------------------------------------------------------------------------------
    def load_balancer(self, arn: str) -> Collected[LoadBalancer | None]:
        """A load balancer by ARN."""
        return self._by_arn("load_balancers", arn, LoadBalancer)

    def load_balancer_by_dns(self, dns_name: str) -> Collected[LoadBalancer | None]:
        """A load balancer by DNS name (``dualstack.`` prefix and case ignored)."""
        name = normalize_dns_name(dns_name).removeprefix("dualstack.")
        found = self._index.lb_by_dns.get(name)
        return self._resolve(found, "load_balancers", None, elb_region(name))

    def listener(self, arn: str) -> Collected[Listener | None]:
        """A listener by ARN (NOT_COLLECTED when its load balancer's listeners were not read)."""
        found: Listener | None = self._index.kinds["listeners"].get(arn)
        if found is not None:
            return found
        lb_arn = re.sub(r":listener/(\w+/[^/]+/[^/]+)/[^/]+$", r":loadbalancer/\1", arn)
        lb = self.load_balancer(lb_arn)
        if isinstance(lb, LoadBalancer):
            return NOT_COLLECTED if lb.listeners is NOT_COLLECTED else None
        return lb

    def target_group(self, arn: str) -> Collected[TargetGroup | None]:
        """A target group by ARN."""
        return self._by_arn("target_groups", arn, TargetGroup)

    def target_groups_for(self, load_balancer_arn: str) -> Collected[tuple[TargetGroup, ...]]:
        """Target groups whose LoadBalancerArns name the load balancer.

        ``()`` only when the target groups of the load balancer's account and region were read.
        """
        found = self._index.tgs_by_lb.get(load_balancer_arn)
        if found:
            return tuple(found)
        parts = Arn.parse(load_balancer_arn)
        if parts is not None and self.known("target_groups", parts.account_id, parts.region):
            return ()
        return NOT_COLLECTED

    def ssl_policy(
        self, name: str, account_id: str | None = None, region: str | None = None
    ) -> Collected[SslPolicy | None]:
        """An SSL policy by name, preferably as described in (account, region)."""
        table = self._index.ssl_policy
        found: SslPolicy | None = table.get((account_id, region, name)) or table.get(
            (None, None, name)
        )
        if found is not None or account_id is None or region is None:
            return found if found is not None else NOT_COLLECTED
        return self._resolve(None, "ssl_policies", account_id, region)

    # -- route53 / acm -----------------------------------------------------------------------------
    def hosted_zone(self, zone_id: str) -> Collected[HostedZone | None]:
        """A hosted zone by id (bare or ``/hostedzone/...``)."""
        found = self._index.hosted_zone.get(bare_zone_id(zone_id))
        return self._resolve(found, "hosted_zones", None, GLOBAL)

    @property
    def records_complete(self) -> bool:
        """Every account's zones were listed and every zone's record sets were read."""
        return self.known("hosted_zones", None, GLOBAL) and not self._index.zones_without_records

    def _records(self, found: list[RecordSet] | None) -> Collected[tuple[RecordSet, ...]]:
        if found:
            return tuple(found)
        return () if self.records_complete else NOT_COLLECTED

    def records_named(self, name: str) -> Collected[tuple[RecordSet, ...]]:
        """Record sets with this name (normalised), across zones.

        The records found; ``()`` only when every zone of every account was read.
        """
        return self._records(self._index.records_by_name.get(normalize_dns_name(name)))

    def records_pointing_to(self, dns_name: str) -> Collected[tuple[RecordSet, ...]]:
        """Alias and CNAME records whose target is ``dns_name`` (``dualstack.`` ignored).

        The records found; ``()`` only when every zone of every account was read.
        """
        name = normalize_dns_name(dns_name).removeprefix("dualstack.")
        return self._records(self._index.records_by_target.get(name))

    def certificate(self, arn: str) -> Collected[Certificate | None]:
        """An ACM certificate by ARN."""
        return self._by_arn("certificates", arn, Certificate)
