"""The model-side registry: one parser per collector id.

Adding a collector to the model (docs/writing-collectors.md): write ``model/<service>/types.py``
(the classes) and ``model/<service>/parse.py`` with ``KIND_KEYS`` (inventory kind → payload key)
and ``parse_unit(unit, data) -> {kind: [resources]}``, add the kinds as tuple fields of
:class:`~edgekit.model.resources.Resources`, register the parser here, and give the service a
``lookups.py`` area attached in :class:`~edgekit.model.inventory.Inventory`. Payloads of
collectors without a parser are ignored by :func:`~edgekit.model.parse` (coverage still lists
them), so a newer snapshot never breaks an older model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from edgekit.model.acm import parse as acm
from edgekit.model.apigateway import parse as apigateway_parse
from edgekit.model.apigatewayv2 import parse as apigatewayv2_parse
from edgekit.model.cloudfront import parse as cloudfront_parse
from edgekit.model.cloudwatch import parse as cloudwatch
from edgekit.model.ec2 import parse as ec2
from edgekit.model.elb import parse as elb_parse
from edgekit.model.elbv2 import parse as elbv2_parse
from edgekit.model.globalaccelerator import parse as globalaccelerator
from edgekit.model.lambda_ import parse as lambda_
from edgekit.model.reader import UnitKey
from edgekit.model.route53 import parse as route53
from edgekit.model.s3 import parse as s3_parse
from edgekit.model.shield import parse as shield
from edgekit.model.waf_classic import parse as waf_classic
from edgekit.model.wafv2 import parse as wafv2_parse

UnitParser = Callable[[UnitKey, Mapping[str, Any]], dict[str, list[Any]]]


@dataclass(frozen=True, slots=True)
class CollectorParser:
    """How one collector's payloads become inventory kinds."""

    collector: str
    kind_keys: Mapping[str, str]
    """Inventory kind → the payload ``data`` key it is read from (its coverage key)."""
    parse_unit: UnitParser


PARSERS: Mapping[str, CollectorParser] = {
    p.collector: p
    for p in (
        CollectorParser("cloudfront", cloudfront_parse.KIND_KEYS, cloudfront_parse.parse_unit),
        CollectorParser("wafv2", wafv2_parse.KIND_KEYS, wafv2_parse.parse_unit),
        CollectorParser("elbv2", elbv2_parse.KIND_KEYS, elbv2_parse.parse_unit),
        CollectorParser("route53", route53.KIND_KEYS, route53.parse_unit),
        CollectorParser("acm", acm.KIND_KEYS, acm.parse_unit),
        CollectorParser("ec2", ec2.KIND_KEYS, ec2.parse_unit),
        CollectorParser("elb", elb_parse.KIND_KEYS, elb_parse.parse_unit),
        CollectorParser("s3", s3_parse.KIND_KEYS, s3_parse.parse_unit),
        CollectorParser("apigateway", apigateway_parse.KIND_KEYS, apigateway_parse.parse_unit),
        CollectorParser(
            "apigatewayv2", apigatewayv2_parse.KIND_KEYS, apigatewayv2_parse.parse_unit
        ),
        CollectorParser("lambda", lambda_.KIND_KEYS, lambda_.parse_unit),
        CollectorParser("waf", waf_classic.GLOBAL_KIND_KEYS, waf_classic.parse_global_unit),
        CollectorParser(
            "waf-regional", waf_classic.REGIONAL_KIND_KEYS, waf_classic.parse_regional_unit
        ),
        CollectorParser("shield", shield.KIND_KEYS, shield.parse_unit),
        CollectorParser(
            "globalaccelerator", globalaccelerator.KIND_KEYS, globalaccelerator.parse_unit
        ),
        CollectorParser("cloudwatch", cloudwatch.KIND_KEYS, cloudwatch.parse_unit),
    )
}
"""Parsers by collector id."""

GLOBAL_COLLECTORS: frozenset[str] = frozenset(
    {"cloudfront", "route53", "s3", "waf", "shield", "globalaccelerator"}
)
"""Collectors recorded only under region ``global`` (wafv2 has both scopes)."""

KIND_SOURCES: Mapping[str, tuple[str, str]] = {
    kind: (p.collector, key) for p in PARSERS.values() for kind, key in p.kind_keys.items()
}
"""Inventory kind → (collector id, payload key)."""
