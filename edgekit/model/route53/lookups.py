"""Hosted zones and record sets (forward and reverse): the ``inv.route53`` lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit.model.common import GLOBAL, NOT_COLLECTED, Collected, normalize_dns_name
from edgekit.model.lookups import Area
from edgekit.model.route53.types import HostedZone, RecordSet, bare_zone_id


class Route53Lookups(Area):
    """Hosted zones and record sets (forward and reverse)."""

    __slots__ = ()

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
