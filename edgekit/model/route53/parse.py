"""Route 53: hosted zones with their record sets, and query logging configurations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.common import (
    NOT_COLLECTED,
    FrozenMap,
    freeze,
    normalize_dns_name,
    readonly,
)
from edgekit.model.reader import Fields, UnitKey, parse_items
from edgekit.model.route53.types import (
    AliasTarget,
    GeoLocation,
    HostedZone,
    QueryLoggingConfig,
    RecordSet,
    bare_zone_id,
)

KIND_KEYS: Mapping[str, str] = {
    "hosted_zones": "hosted_zones",
    "record_sets": "hosted_zones",
    "query_logging_configs": "query_logging_configs",
}
"""Inventory kind → payload key."""


def _opt_freeze(f: Fields, key: str) -> FrozenMap[str, Any] | None:
    value = f.get(key)
    return freeze(value) if isinstance(value, dict) else None


def _record(unit: UnitKey, zone_id: str, r: Fields) -> RecordSet:
    raw_name = r.req_str("Name")
    alias = r.opt_sub("AliasTarget")
    geo = r.opt_sub("GeoLocation")
    return RecordSet(
        account_id=unit.account_id,
        region=unit.region,
        hosted_zone_id=zone_id,
        name=normalize_dns_name(raw_name),
        raw_name=raw_name,
        type=r.req_enum("Type", enums.RECORD_TYPE),
        ttl=r.opt_int("TTL"),
        values=tuple(v.req_str("Value") for v in r.subs("ResourceRecords")),
        alias_target=(
            None
            if alias is None
            else AliasTarget(
                hosted_zone_id=alias.req_str("HostedZoneId"),
                dns_name=normalize_dns_name(alias.req_str("DNSName")),
                evaluate_target_health=alias.req_bool("EvaluateTargetHealth"),
                raw_dns_name=alias.req_str("DNSName"),
            )
        ),
        set_identifier=r.opt_str("SetIdentifier"),
        weight=r.opt_int("Weight"),
        routing_region=r.opt_str("Region"),
        geo_location=(
            None
            if geo is None
            else GeoLocation(
                geo.opt_str("ContinentCode"),
                geo.opt_str("CountryCode"),
                geo.opt_str("SubdivisionCode"),
            )
        ),
        failover=r.opt_str("Failover"),
        multi_value_answer=r.opt_bool("MultiValueAnswer"),
        health_check_id=r.opt_str("HealthCheckId"),
        traffic_policy_instance_id=r.opt_str("TrafficPolicyInstanceId"),
        cidr_routing_config=_opt_freeze(r, "CidrRoutingConfig"),
        geo_proximity_location=_opt_freeze(r, "GeoProximityLocation"),
    )


def _query_logging(unit: UnitKey, item: object, index: int) -> QueryLoggingConfig:
    f = unit.item(item, f"query_logging_configs[{index}]")
    return QueryLoggingConfig(
        unit.account_id,
        unit.region,
        id=f.req_str("Id"),
        hosted_zone_id=bare_zone_id(f.req_str("HostedZoneId")),
        cloudwatch_logs_log_group_arn=f.req_str("CloudWatchLogsLogGroupArn"),
    )


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one route53 payload, by inventory kind (record sets flattened)."""
    qlcs = parse_items(unit, data, "query_logging_configs", _query_logging)
    known_qlc = "query_logging_configs" in data
    by_zone: dict[str, list[QueryLoggingConfig]] = {}
    for q in qlcs:
        by_zone.setdefault(q.hosted_zone_id, []).append(q)

    def zone(u: UnitKey, item: object, index: int) -> HostedZone:
        entry = u.item(item, f"hosted_zones[{index}]")
        hz_raw = entry.get("HostedZone")
        zid = hz_raw.get("Id") if isinstance(hz_raw, dict) else None
        if isinstance(zid, str):
            entry = entry.renamed(f"hosted zone {bare_zone_id(zid)}", u.label)
        hz = entry.sub("HostedZone")
        zone_id = bare_zone_id(hz.req_str("Id"))
        raw_name = hz.req_str("Name")
        cfg = hz.opt_sub("Config")
        return HostedZone(
            account_id=u.account_id,
            region=u.region,
            id=zone_id,
            name=normalize_dns_name(raw_name),
            raw_name=raw_name,
            private_zone=cfg is not None and cfg.bool_or("PrivateZone", False),
            record_sets=entry.collected_subs(
                "ResourceRecordSets", lambda r: _record(u, zone_id, r)
            ),
            query_logging_configs=(tuple(by_zone.get(zone_id, ())) if known_qlc else NOT_COLLECTED),
            comment=cfg.str_or("Comment", "") if cfg is not None else "",
            record_set_count=hz.opt_int("ResourceRecordSetCount"),
            raw=readonly(entry.raw),
        )

    zones = parse_items(unit, data, "hosted_zones", zone)
    return {
        "hosted_zones": zones,
        "record_sets": [
            r for z in zones if z.record_sets is not NOT_COLLECTED for r in z.record_sets
        ],
        "query_logging_configs": qlcs,
    }
