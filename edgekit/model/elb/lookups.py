"""Classic Load Balancers: the ``inv.elb`` lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit.endpoints import elb_region
from edgekit.model.common import NOT_COLLECTED, Arn, Collected, normalize_dns_name
from edgekit.model.elb.types import ClassicLoadBalancer
from edgekit.model.lookups import Area


class ElbLookups(Area):
    """Classic Load Balancers."""

    __slots__ = ()

    def classic_load_balancer(self, arn: str) -> Collected[ClassicLoadBalancer | None]:
        """A Classic Load Balancer by ARN (``...:loadbalancer/<name>``)."""
        found = self._index.classic_lb.get(arn)
        parts = Arn.parse(arn)
        if found is not None or parts is None:
            return found if found is not None else NOT_COLLECTED
        return self._resolve(None, "classic_load_balancers", parts.account_id, parts.region)

    def classic_load_balancer_by_dns(self, dns_name: str) -> Collected[ClassicLoadBalancer | None]:
        """A Classic Load Balancer by DNS name (``dualstack.`` prefix and case ignored)."""
        name = normalize_dns_name(dns_name).removeprefix("dualstack.")
        found = self._index.classic_lb_by_dns.get(name)
        return self._resolve(found, "classic_load_balancers", None, elb_region(name))
