"""Global Accelerator: Accelerator with listeners, endpoint groups and endpoints.

Recorded under region ``global`` (the API is served from us-west-2). An endpoint's
``endpoint_id`` is an ALB/NLB ARN, an Elastic IP allocation id or an instance id; endpoint
groups carry the region they route to. Listeners (and a listener's endpoint groups) are
NOT_COLLECTED when their listing was denied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.model import enums
from edgekit.model.common import EMPTY_MAP, NOT_COLLECTED, Collected, normalize_dns_name, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items

KIND_KEYS: Mapping[str, str] = {"accelerators": "accelerators"}
"""Inventory kind → payload key."""


@dataclass(frozen=True, slots=True)
class AcceleratorEndpoint:
    """An endpoint of an endpoint group (EndpointDescription)."""

    endpoint_id: str
    """ALB/NLB ARN, Elastic IP allocation id or EC2 instance id."""
    weight: int | None = None
    client_ip_preservation_enabled: bool | None = None
    health_state: str | None = None
    health_reason: str | None = None


@dataclass(frozen=True, slots=True)
class EndpointGroup:
    """An endpoint group: the endpoints of one region."""

    arn: str
    region: str
    """``EndpointGroupRegion``."""
    endpoints: tuple[AcceleratorEndpoint, ...] = ()
    traffic_dial_percentage: float | None = None
    health_check_protocol: str | None = None
    health_check_port: int | None = None
    health_check_path: str | None = None
    port_overrides: tuple[tuple[int, int], ...] = ()
    """(listener port, endpoint port) pairs."""


@dataclass(frozen=True, slots=True)
class AcceleratorListener:
    """A listener of an accelerator (``endpoint_groups`` NOT_COLLECTED: listing denied)."""

    arn: str
    protocol: str | None
    """``TCP`` | ``UDP``."""
    endpoint_groups: Collected[tuple[EndpointGroup, ...]]
    port_ranges: tuple[tuple[int, int], ...] = ()
    """(from, to) port pairs."""
    client_affinity: str | None = None


@dataclass(frozen=True, slots=True)
class Accelerator:
    """A standard accelerator (``listeners`` NOT_COLLECTED: ListListeners denied)."""

    account_id: str
    region: str
    arn: str
    name: str
    listeners: Collected[tuple[AcceleratorListener, ...]]
    enabled: bool = True
    dns_name: str | None = None
    """Lower-cased."""
    dual_stack_dns_name: str | None = None
    ip_address_type: str | None = None
    ip_addresses: tuple[str, ...] = ()
    status: str | None = None
    created_time: dt.datetime | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def endpoints_complete(self) -> bool:
        """Every listener's endpoint groups were read."""
        return self.listeners is not NOT_COLLECTED and all(
            li.endpoint_groups is not NOT_COLLECTED for li in self.listeners
        )

    @property
    def endpoint_ids(self) -> tuple[str, ...]:
        """Every endpoint id of every collected endpoint group (see :attr:`endpoints_complete`)."""
        if self.listeners is NOT_COLLECTED:
            return ()
        return tuple(
            dict.fromkeys(
                e.endpoint_id
                for li in self.listeners
                if li.endpoint_groups is not NOT_COLLECTED
                for g in li.endpoint_groups
                for e in g.endpoints
            )
        )


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every accelerator of one globalaccelerator payload."""
    return {"accelerators": parse_items(unit, data, "accelerators", _accelerator)}


def _ports(f: Fields) -> tuple[tuple[int, int], ...]:
    return tuple((p.req_int("FromPort"), p.req_int("ToPort")) for p in f.subs("PortRanges"))


def _group(g: Fields) -> EndpointGroup:
    dial = g.get("TrafficDialPercentage")
    if dial is not None and (isinstance(dial, bool) or not isinstance(dial, int | float)):
        raise g.invalid("TrafficDialPercentage", f"must be a number, got {type(dial).__name__}")
    return EndpointGroup(
        arn=g.req_str("EndpointGroupArn"),
        region=g.req_str("EndpointGroupRegion"),
        endpoints=tuple(
            AcceleratorEndpoint(
                endpoint_id=e.req_str("EndpointId"),
                weight=e.opt_int("Weight"),
                client_ip_preservation_enabled=e.opt_bool("ClientIPPreservationEnabled"),
                health_state=e.opt_str("HealthState"),
                health_reason=e.opt_str("HealthReason"),
            )
            for e in g.subs("EndpointDescriptions")
        ),
        traffic_dial_percentage=None if dial is None else float(dial),
        health_check_protocol=g.opt_str("HealthCheckProtocol"),
        health_check_port=g.opt_int("HealthCheckPort"),
        health_check_path=g.opt_str("HealthCheckPath"),
        port_overrides=tuple(
            (o.req_int("ListenerPort"), o.req_int("EndpointPort")) for o in g.subs("PortOverrides")
        ),
    )


def _listener(entry: Fields) -> AcceleratorListener:
    li = entry.sub("Listener")
    return AcceleratorListener(
        arn=li.req_str("ListenerArn"),
        protocol=li.enum("Protocol", enums.ACCELERATOR_PROTOCOL),
        endpoint_groups=entry.collected_subs("EndpointGroups", _group),
        port_ranges=_ports(li),
        client_affinity=li.opt_str("ClientAffinity"),
    )


def _accelerator(unit: UnitKey, item: object, index: int) -> Accelerator:
    entry = unit.named_item(
        item, f"accelerators[{index}]", "accelerator", "AcceleratorArn", "Accelerator"
    )
    a = entry.sub("Accelerator")
    dns = a.opt_str("DnsName")
    dual = a.opt_str("DualStackDnsName")
    return Accelerator(
        account_id=unit.account_id,
        region=unit.region,
        arn=a.req_str("AcceleratorArn"),
        name=a.str_or("Name", ""),
        listeners=entry.collected_subs("Listeners", _listener),
        enabled=a.bool_or("Enabled", True),
        dns_name=normalize_dns_name(dns) if dns else None,
        dual_stack_dns_name=normalize_dns_name(dual) if dual else None,
        ip_address_type=a.opt_str("IpAddressType"),
        ip_addresses=tuple(ip for s in a.subs("IpSets") for ip in s.strs("IpAddresses")),
        status=a.opt_str("Status"),
        created_time=a.opt_datetime("CreatedTime"),
        raw=readonly(entry.raw),
    )
