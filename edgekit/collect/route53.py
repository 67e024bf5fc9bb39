"""Route 53 collector (global): hosted zones with their record sets, and DNS query logging.

Payload ``data`` (absent key = not collected):

* ``hosted_zones``: ``[{"HostedZone": ListHostedZones item, "ResourceRecordSets":
  [ResourceRecordSet]}]`` for every hosted zone, public and private. ``ResourceRecordSets`` is
  absent when ListResourceRecordSets was denied for that zone; a zone deleted during collection
  is left out.
* ``query_logging_configs``: ListQueryLoggingConfigs items of every zone (one listing, not one
  per zone)
"""

from __future__ import annotations

from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "route53:ListHostedZones",
    "route53:ListResourceRecordSets",
    "route53:ListQueryLoggingConfigs",
)

ZONE_GONE = ("NoSuchHostedZone",)


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect every hosted zone (with its records) and the query logging configurations."""
    r53 = ctx.client("route53")
    data: dict[str, Any] = {}
    zones = ctx.paginate(r53, "list_hosted_zones", "HostedZones")
    if not isinstance(zones, Outcome):
        data["hosted_zones"] = [e for z in zones if (e := _zone(ctx, r53, z)) is not None]
    configs = ctx.paginate(r53, "list_query_logging_configs", "QueryLoggingConfigs")
    if not isinstance(configs, Outcome):
        data["query_logging_configs"] = configs
    return data


def _zone(ctx: UnitContext, r53: Any, zone: dict[str, Any]) -> dict[str, Any] | None:
    entry: dict[str, Any] = {"HostedZone": zone}
    records = ctx.paginate(
        r53,
        "list_resource_record_sets",
        "ResourceRecordSets",
        not_found=ZONE_GONE,
        HostedZoneId=zone["Id"],
    )
    if records is Outcome.NOT_FOUND:
        return None
    if not isinstance(records, Outcome):
        entry["ResourceRecordSets"] = records
    return entry


SPEC = CollectorSpec(
    id="route53",
    service="route53",
    scope="global",
    actions=ACTIONS,
    collect=collect,
    description="Route 53 hosted zones, record sets and query logging",
)
