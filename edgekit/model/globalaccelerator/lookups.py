"""Global Accelerator accelerators (by ARN, DNS name, endpoint): the ``inv.globalaccelerator``
lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit.model.common import GLOBAL, NOT_COLLECTED, Arn, Collected, normalize_dns_name
from edgekit.model.globalaccelerator.types import Accelerator
from edgekit.model.lookups import Area


class GlobalAcceleratorLookups(Area):
    """Global Accelerator accelerators (by ARN, DNS name, endpoint)."""

    __slots__ = ()

    def accelerator(self, arn: str) -> Collected[Accelerator | None]:
        """An accelerator by ARN."""
        found = self._index.accelerator.get(arn)
        parts = Arn.parse(arn)
        return self._resolve(found, "accelerators", parts.account_id if parts else None, GLOBAL)

    def accelerator_by_dns(self, dns_name: str) -> Collected[Accelerator | None]:
        """An accelerator by its DNS name (IPv4 or dual-stack); absent only when every
        account's accelerators were listed."""
        found = self._index.accelerator_by_dns.get(normalize_dns_name(dns_name))
        return self._resolve(found, "accelerators", None, GLOBAL)

    def accelerators_targeting(self, endpoint_id: str) -> Collected[tuple[Accelerator, ...]]:
        """Accelerators with an endpoint ``endpoint_id`` (an ALB/NLB ARN, EIP or instance).

        ``()`` only when every account's accelerators, listeners and endpoint groups were read.
        """
        found = self._index.accelerators_by_endpoint.get(endpoint_id)
        if found:
            return tuple(found)
        incomplete = self._index.accelerator_accounts_incomplete
        complete = self.known("accelerators", None, GLOBAL) and not incomplete
        return () if complete else NOT_COLLECTED
