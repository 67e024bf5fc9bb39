"""ACM certificates: the ``inv.acm`` lookups of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit.model.acm.types import Certificate
from edgekit.model.common import Collected
from edgekit.model.lookups import Area


class AcmLookups(Area):
    """ACM certificates."""

    __slots__ = ()

    def certificate(self, arn: str) -> Collected[Certificate | None]:
        """An ACM certificate by ARN."""
        return self._by_arn("certificates", arn, Certificate)
