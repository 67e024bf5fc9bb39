"""Route 53: HostedZone, RecordSet (with AliasTarget), QueryLoggingConfig.

DNS names are normalised (lower-case, no trailing dot, ``\\052`` → ``*``) and the raw form is
kept beside them. Hosted zone ids are bare (``Z123``, not ``/hostedzone/Z123``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.model.common import (
    EMPTY_MAP,
    Collected,
    FrozenMap,
    normalize_dns_name,
)


def bare_zone_id(zone_id: str) -> str:
    """``/hostedzone/Z123`` → ``Z123``."""
    return zone_id.rpartition("/")[2]


@dataclass(frozen=True, slots=True)
class AliasTarget:
    """An alias record's target."""

    hosted_zone_id: str
    dns_name: str
    """Normalised (lower-case, no trailing dot)."""
    evaluate_target_health: bool
    raw_dns_name: str = ""

    @property
    def canonical_dns_name(self) -> str:
        """The DNS name without ELB's ``dualstack.`` prefix (matches LoadBalancer.dns_name)."""
        return self.dns_name.removeprefix("dualstack.")


@dataclass(frozen=True, slots=True)
class QueryLoggingConfig:
    """A query logging configuration of a hosted zone."""

    account_id: str
    region: str
    id: str
    hosted_zone_id: str
    cloudwatch_logs_log_group_arn: str


@dataclass(frozen=True, slots=True)
class GeoLocation:
    """Geolocation routing: continent, country and subdivision codes."""

    continent_code: str | None = None
    country_code: str | None = None
    subdivision_code: str | None = None


@dataclass(frozen=True, slots=True)
class RecordSet:
    """A resource record set, alias or not, with its routing policy fields."""

    account_id: str
    region: str
    hosted_zone_id: str
    name: str
    """Normalised: lower-case, no trailing dot, ``*`` unescaped."""
    raw_name: str
    type: str
    ttl: int | None = None
    values: tuple[str, ...] = ()
    """ResourceRecords values, as returned."""
    alias_target: AliasTarget | None = None
    set_identifier: str | None = None
    weight: int | None = None
    routing_region: str | None = None
    """Latency routing region (AWS's ``Region`` field)."""
    geo_location: GeoLocation | None = None
    failover: str | None = None
    multi_value_answer: bool | None = None
    health_check_id: str | None = None
    traffic_policy_instance_id: str | None = None
    cidr_routing_config: FrozenMap[str, Any] | None = None
    geo_proximity_location: FrozenMap[str, Any] | None = None

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        """What identifies the record set: (zone id, name, type, set identifier)."""
        return (self.hosted_zone_id, self.name, self.type, self.set_identifier)

    @property
    def routing_policy(self) -> str:
        """simple, weighted, latency, geolocation, failover, multivalue, cidr or geoproximity."""
        if self.weight is not None:
            return "weighted"
        if self.routing_region is not None:
            return "latency"
        if self.geo_location is not None:
            return "geolocation"
        if self.failover is not None:
            return "failover"
        if self.multi_value_answer:
            return "multivalue"
        if self.cidr_routing_config is not None:
            return "cidr"
        if self.geo_proximity_location is not None:
            return "geoproximity"
        return "simple"

    @property
    def target_names(self) -> tuple[str, ...]:
        """DNS names it points at: the alias target, or normalised CNAME values."""
        if self.alias_target is not None:
            return (self.alias_target.dns_name,)
        if self.type == "CNAME":
            return tuple(normalize_dns_name(v) for v in self.values)
        return ()


@dataclass(frozen=True, slots=True)
class HostedZone:
    """A hosted zone with its record sets and query logging configurations."""

    account_id: str
    region: str
    id: str
    """Bare id (``Z123``)."""
    name: str
    raw_name: str
    private_zone: bool
    record_sets: Collected[tuple[RecordSet, ...]]
    query_logging_configs: Collected[tuple[QueryLoggingConfig, ...]]
    comment: str = ""
    record_set_count: int | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)
