"""Shield Advanced subscriptions and protections: the ``inv.shield`` lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit.model.common import GLOBAL, NOT_COLLECTED, Arn, Collected
from edgekit.model.coverage import Coverage
from edgekit.model.index import Index
from edgekit.model.lookups import Area
from edgekit.model.route53.lookups import Route53Lookups
from edgekit.model.route53.types import HostedZone
from edgekit.model.shield.types import Protection, ShieldSubscription


class ShieldLookups(Area):
    """Shield Advanced subscriptions and protections."""

    __slots__ = ("_route53",)

    def __init__(self, index: Index, coverage: Coverage, route53: Route53Lookups) -> None:
        super().__init__(index, coverage)
        self._route53 = route53

    def shield_subscription(self, account_id: str) -> Collected[ShieldSubscription | None]:
        """The account's Shield Advanced subscription; None: not subscribed."""
        found = self._index.shield_subscription.get(account_id)
        if found is not None:
            return found
        if self._coverage.collected(account_id, GLOBAL, "shield", "subscription"):
            return None
        return NOT_COLLECTED

    def shield_protection_for(self, resource_arn: str) -> Collected[Protection | None]:
        """The Shield Advanced protection of a resource.

        None when the resource's account is not subscribed, or is subscribed and its
        protections were read. Hosted-zone ARNs name no account: the zone's own account decides
        when the zone is in the inventory, else every account of the snapshot does.
        """
        found = self._index.protection_by_resource.get(resource_arn)
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
            zone = self._route53.hosted_zone(zone_id) if kind == "hostedzone" and zone_id else None
            if isinstance(zone, HostedZone):
                return [zone.account_id]
        return list(self._coverage.accounts())
