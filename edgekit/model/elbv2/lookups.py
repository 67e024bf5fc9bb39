"""Application and Network Load Balancers, listeners, target groups, SSL policies: the ``inv.elbv2``
lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

import re

from edgekit.endpoints import elb_region
from edgekit.model.common import NOT_COLLECTED, Arn, Collected, normalize_dns_name
from edgekit.model.elbv2.types import Listener, LoadBalancer, SslPolicy, TargetGroup
from edgekit.model.lookups import Area


class Elbv2Lookups(Area):
    """Application and Network Load Balancers, listeners, target groups, SSL policies."""

    __slots__ = ()

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
