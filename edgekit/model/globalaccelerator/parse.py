"""Global Accelerator: accelerators with their listeners and endpoint groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.common import normalize_dns_name, readonly
from edgekit.model.globalaccelerator.types import (
    Accelerator,
    AcceleratorEndpoint,
    AcceleratorListener,
    EndpointGroup,
)
from edgekit.model.reader import Fields, UnitKey, parse_items

KIND_KEYS: Mapping[str, str] = {"accelerators": "accelerators"}
"""Inventory kind → payload key."""


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
