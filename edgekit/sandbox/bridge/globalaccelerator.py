"""Global Accelerator (standard accelerators), which moto 5.2.5 does not serve at all.

The API is JSON (target prefix ``GlobalAccelerator_V20180706``) and served from us-west-2 only;
resources are global (ARNs have no region), so they are stored once per account and partition.
Accelerators are ``DEPLOYED`` at once (AWS takes minutes), get two static IPv4 addresses (plus
two IPv6 ones when dual-stack) and a DNS name ``a<16 hex>.awsglobalaccelerator.com``.
Endpoints report ``HEALTHY``. Idempotency tokens return the resource first created with them.
Responses: :mod:`.globalaccelerator_responses`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from moto.core.base_backend import BackendDict
from moto.core.exceptions import JsonRESTError
from moto.core.utils import utcnow
from moto.moto_api._internal import mock_random
from moto.utilities.utils import PARTITION_NAMES

from edgekit.sandbox.bridge.services import ExtraBackend

SERVICE = "globalaccelerator"
URL_PATTERN = r"https?://globalaccelerator\.(.+)\.amazonaws\.com"


def error(code: str, message: str) -> JsonRESTError:
    """A Global Accelerator error (``__type`` = ``code``)."""
    return JsonRESTError(code, message)


def _hex(length: int) -> str:
    return "".join(mock_random.choice("0123456789abcdef") for _ in range(length))


@dataclass
class EndpointGroup:
    """An endpoint group of a listener (one per region)."""

    arn: str
    listener_arn: str
    data: dict[str, Any]


@dataclass
class Listener:
    """A listener of an accelerator."""

    arn: str
    accelerator_arn: str
    data: dict[str, Any]


@dataclass
class Accelerator:
    """A standard accelerator."""

    arn: str
    data: dict[str, Any]
    created: datetime = field(default_factory=utcnow)
    last_modified: datetime = field(default_factory=utcnow)
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        """The API's ``Accelerator`` structure."""
        return {
            **self.data,
            "CreatedTime": self.created,
            "LastModifiedTime": self.last_modified,
            "Events": [],
        }


class GlobalAcceleratorBackend(ExtraBackend):
    """Accelerators, listeners and endpoint groups of one account (per partition)."""

    URLS_MODULE = "edgekit.sandbox.bridge.globalaccelerator_responses"

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        self.accelerators: dict[str, Accelerator] = {}
        self.listeners: dict[str, Listener] = {}
        self.endpoint_groups: dict[str, EndpointGroup] = {}
        self.tokens: dict[str, str] = {}

    def _arn(self, path: str) -> str:
        return f"arn:{self.partition}:globalaccelerator::{self.account_id}:{path}"

    def _idempotent(self, token: str, found: dict[str, Any]) -> Any:
        arn = self.tokens.get(token)
        return found.get(arn) if arn else None

    def create_accelerator(self, params: dict[str, Any]) -> Accelerator:
        """CreateAccelerator."""
        again = self._idempotent(params["IdempotencyToken"], self.accelerators)
        if again is not None:
            return again  # type: ignore[no-any-return]
        ip_type = params.get("IpAddressType") or "IPV4"
        name = _hex(16)
        ip_sets = [_ip_set("IPv4", [f"75.2.{_octet()}.{_octet()}", f"99.83.{_octet()}.{_octet()}"])]
        data: dict[str, Any] = {
            "Name": params["Name"],
            "IpAddressType": ip_type,
            "Enabled": params.get("Enabled", True),
            "DnsName": f"a{name}.awsglobalaccelerator.com",
            "Status": "DEPLOYED",
        }
        if ip_type == "DUAL_STACK":
            ip_sets.append(
                _ip_set("IPv6", [f"2600:9000:a{_hex(3)}::1", f"2600:9000:a{_hex(3)}::2"])
            )
            data["DualStackDnsName"] = f"a{name}.dualstack.awsglobalaccelerator.com"
        data["IpSets"] = ip_sets
        arn = self._arn(f"accelerator/{mock_random.uuid4()}")
        data["AcceleratorArn"] = arn
        accelerator = Accelerator(arn=arn, data=data)
        accelerator.tags = {t["Key"]: t["Value"] for t in params.get("Tags") or []}
        self.accelerators[arn] = accelerator
        self.tokens[params["IdempotencyToken"]] = arn
        return accelerator

    def accelerator(self, arn: str) -> Accelerator:
        """The accelerator, or AcceleratorNotFoundException."""
        if arn not in self.accelerators:
            raise error("AcceleratorNotFoundException", f"Accelerator {arn} not found")
        return self.accelerators[arn]

    def update_accelerator(self, params: dict[str, Any]) -> Accelerator:
        """UpdateAccelerator (Name, IpAddressType, Enabled)."""
        accelerator = self.accelerator(params["AcceleratorArn"])
        for key in ("Name", "IpAddressType", "Enabled"):
            if key in params:
                accelerator.data[key] = params[key]
        accelerator.last_modified = utcnow()
        return accelerator

    def delete_accelerator(self, arn: str) -> None:
        """DeleteAccelerator: only disabled accelerators without listeners."""
        accelerator = self.accelerator(arn)
        if accelerator.data["Enabled"]:
            raise error("AcceleratorNotDisabledException", "The accelerator must be disabled")
        if any(li.accelerator_arn == arn for li in self.listeners.values()):
            raise error("AssociatedListenerFoundException", "The accelerator has listeners")
        del self.accelerators[arn]

    def create_listener(self, params: dict[str, Any]) -> Listener:
        """CreateListener."""
        again = self._idempotent(params["IdempotencyToken"], self.listeners)
        if again is not None:
            return again  # type: ignore[no-any-return]
        accelerator = self.accelerator(params["AcceleratorArn"])
        arn = f"{accelerator.arn}/listener/{_hex(8)}"
        data = {
            "ListenerArn": arn,
            "PortRanges": params["PortRanges"],
            "Protocol": params["Protocol"],
            "ClientAffinity": params.get("ClientAffinity") or "NONE",
        }
        listener = Listener(arn=arn, accelerator_arn=accelerator.arn, data=data)
        self.listeners[arn] = listener
        self.tokens[params["IdempotencyToken"]] = arn
        return listener

    def listener(self, arn: str) -> Listener:
        """The listener, or ListenerNotFoundException."""
        if arn not in self.listeners:
            raise error("ListenerNotFoundException", f"Listener {arn} not found")
        return self.listeners[arn]

    def listeners_of(self, accelerator_arn: str) -> list[Listener]:
        """ListListeners."""
        self.accelerator(accelerator_arn)
        return [li for li in self.listeners.values() if li.accelerator_arn == accelerator_arn]

    def delete_listener(self, arn: str) -> None:
        """DeleteListener: only without endpoint groups."""
        self.listener(arn)
        if any(g.listener_arn == arn for g in self.endpoint_groups.values()):
            raise error("AssociatedEndpointGroupFoundException", "The listener has endpoints")
        del self.listeners[arn]

    def create_endpoint_group(self, params: dict[str, Any]) -> EndpointGroup:
        """CreateEndpointGroup (one per listener and region)."""
        again = self._idempotent(params["IdempotencyToken"], self.endpoint_groups)
        if again is not None:
            return again  # type: ignore[no-any-return]
        listener = self.listener(params["ListenerArn"])
        region = params["EndpointGroupRegion"]
        if any(
            g.listener_arn == listener.arn and g.data["EndpointGroupRegion"] == region
            for g in self.endpoint_groups.values()
        ):
            raise error("EndpointGroupAlreadyExistsException", f"{region} already has a group")
        arn = f"{listener.arn}/endpoint-group/{_hex(12)}"
        protocol = params.get("HealthCheckProtocol") or "TCP"
        data: dict[str, Any] = {
            "EndpointGroupArn": arn,
            "EndpointGroupRegion": region,
            "EndpointDescriptions": [
                _endpoint(c) for c in params.get("EndpointConfigurations") or []
            ],
            "TrafficDialPercentage": float(params.get("TrafficDialPercentage", 100.0)),
            "HealthCheckPort": params.get("HealthCheckPort")
            or listener.data["PortRanges"][0]["FromPort"],
            "HealthCheckProtocol": protocol,
            "HealthCheckIntervalSeconds": params.get("HealthCheckIntervalSeconds") or 30,
            "ThresholdCount": params.get("ThresholdCount") or 3,
            "PortOverrides": params.get("PortOverrides") or [],
        }
        if protocol != "TCP":
            data["HealthCheckPath"] = params.get("HealthCheckPath") or "/"
        group = EndpointGroup(arn=arn, listener_arn=listener.arn, data=data)
        self.endpoint_groups[arn] = group
        self.tokens[params["IdempotencyToken"]] = arn
        return group

    def endpoint_group(self, arn: str) -> EndpointGroup:
        """The endpoint group, or EndpointGroupNotFoundException."""
        if arn not in self.endpoint_groups:
            raise error("EndpointGroupNotFoundException", f"Endpoint group {arn} not found")
        return self.endpoint_groups[arn]

    def endpoint_groups_of(self, listener_arn: str) -> list[EndpointGroup]:
        """ListEndpointGroups."""
        self.listener(listener_arn)
        return [g for g in self.endpoint_groups.values() if g.listener_arn == listener_arn]

    def delete_endpoint_group(self, arn: str) -> None:
        """DeleteEndpointGroup."""
        self.endpoint_group(arn)
        del self.endpoint_groups[arn]


def _octet() -> int:
    return int(mock_random.randint(1, 254))


def _ip_set(family: str, addresses: list[str]) -> dict[str, Any]:
    return {"IpFamily": family, "IpAddressFamily": family, "IpAddresses": addresses}


def _endpoint(config: dict[str, Any]) -> dict[str, Any]:
    endpoint_id = str(config.get("EndpointId", ""))
    alb = ":loadbalancer/app/" in endpoint_id
    return {
        "EndpointId": endpoint_id,
        "Weight": config.get("Weight", 128),
        "HealthState": "HEALTHY",
        "ClientIPPreservationEnabled": config.get("ClientIPPreservationEnabled", alb),
    }


globalaccelerator_backends: BackendDict[GlobalAcceleratorBackend] = BackendDict(
    GlobalAcceleratorBackend, SERVICE, use_boto3_regions=False, additional_regions=PARTITION_NAMES
)
"""Global Accelerator state: ``[account_id][partition]``."""
