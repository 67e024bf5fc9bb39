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

from edgekit.model.common import EMPTY_MAP, NOT_COLLECTED, Collected


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
