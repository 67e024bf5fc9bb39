"""The base of the per-area lookups of an :class:`~edgekit.model.inventory.Inventory`.

An inventory answers queries through one lookup object per area, each in its service's package
(``inv.cloudfront.distribution(id)``, ``inv.elbv2.listener(arn)``, ``inv.waf.web_acl(arn)``,
``inv.route53.records_named(name)`` ...), all reading the one :class:`~edgekit.model.index.Index`.

Every lookup returns ``X | None | NOT_COLLECTED``: the resource when found; ``None`` when the
place it would live (its account/region, derived from the ARN where possible) was collected and
it is not there; :data:`NOT_COLLECTED` when that place was not collected (denied, failed, not
requested), so the caller reports *unknown*.
"""

from __future__ import annotations

from typing import TypeVar

from edgekit.model.cloudfront.policies import (
    CachePolicy,
    OriginRequestPolicy,
    ResponseHeadersPolicy,
)
from edgekit.model.common import GLOBAL, NOT_COLLECTED, Arn, Collected
from edgekit.model.coverage import Coverage
from edgekit.model.index import Index
from edgekit.model.registry import GLOBAL_COLLECTORS, KIND_SOURCES

R = TypeVar("R")
P = TypeVar("P", CachePolicy, OriginRequestPolicy, ResponseHeadersPolicy)


class Area:
    """Tri-state resolution over the index and the coverage, shared by every area's lookups."""

    __slots__ = ("_coverage", "_index")

    def __init__(self, index: Index, coverage: Coverage) -> None:
        self._index = index
        self._coverage = coverage

    def known(self, kind: str, account_id: str | None, region: str | None) -> bool:
        """Was ``kind`` collected for (account, region)? ``None`` account: for every account."""
        collector, key = KIND_SOURCES[kind]
        if account_id is None or region is None:
            regions = [region] if region is not None else self._regions_of(collector)
            return bool(regions) and all(
                self._coverage.collected_everywhere(collector, r, key) for r in regions
            )
        return self._coverage.collected(account_id, region, collector, key)

    def _regions_of(self, collector: str) -> list[str]:
        if collector in GLOBAL_COLLECTORS:
            return [GLOBAL]
        return sorted({r for _, r in self._coverage.targets})

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
