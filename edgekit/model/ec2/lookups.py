"""Security groups of collected load balancers and the CloudFront origin-facing prefix lists: the
``inv.ec2`` lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit.model.common import NOT_COLLECTED, Collected
from edgekit.model.ec2.types import CLOUDFRONT_ORIGIN_FACING, ManagedPrefixList, SecurityGroup
from edgekit.model.elb.types import ClassicLoadBalancer
from edgekit.model.elbv2.types import LoadBalancer
from edgekit.model.lookups import Area


class Ec2Lookups(Area):
    """Security groups of collected load balancers and the CloudFront origin-facing prefix lists."""

    __slots__ = ()

    def security_group(
        self, group_id: str, account_id: str, region: str
    ) -> Collected[SecurityGroup | None]:
        """A security group by id.

        None only for a group that a collected load balancer of (account, region) names while
        the region's groups were read (it was deleted); other ids were never looked up.
        """
        key = (account_id, region, group_id)
        found = self._index.security_group.get(key)
        if found is not None:
            return found
        if key in self._index.attached_groups and self.known("security_groups", account_id, region):
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
                for p in self._index.cloudfront_prefix_lists.get((account_id, region), ())
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
        return tuple(self._index.cloudfront_prefix_lists.get((account_id, region), ()))
