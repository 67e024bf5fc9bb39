"""Route 53: the SOA record of a new hosted zone, as AWS returns it.

moto 5.2.5 stores the SOA record's ``ResourceRecords`` as ``[{"Value": ...}]`` where its
``RecordSet`` expects plain strings, so ``ListResourceRecordSets`` returns the value
``"{'Value': 'ns-... hostmaster...'}"``. The subclass below unwraps such values; it is swapped
into :mod:`moto.route53.models` by :func:`edgekit.sandbox.bridge.install`.
"""

from __future__ import annotations

from typing import Any

from moto.route53 import models as route53_models


class BridgedRecordSet(route53_models.RecordSet):
    """A RecordSet whose resource record values are always strings."""

    def __init__(self, kwargs: dict[str, Any]) -> None:
        super().__init__(kwargs)
        self.records = [
            record["Value"] if isinstance(record, dict) and "Value" in record else record
            for record in self.records or []
        ]
