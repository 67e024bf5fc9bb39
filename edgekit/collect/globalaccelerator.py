"""Global Accelerator collector (global): accelerators, listeners, endpoint groups.

Global Accelerator is a global service whose API is served from **us-west-2** only (not from
the partition's usual global region, us-east-1): the unit is recorded under ``region:
"global"`` like every global service, and the collector sends its calls to :data:`API_REGION`.
Partitions without Global Accelerator yield an empty payload (nothing collected).
Custom-routing accelerators (which route to EC2 subnets, never to the edge's load balancers)
are not collected.

Payload ``data`` (absent key = not collected):

* ``accelerators``: ``[{"Accelerator": ListAccelerators item (DnsName, DualStackDnsName,
  IpSets, Enabled), "Listeners": [{"Listener": ListListeners item (PortRanges, Protocol,
  ClientAffinity), "EndpointGroups": [ListEndpointGroups item] (EndpointGroupRegion,
  EndpointDescriptions: EndpointId = ALB/NLB ARN, Elastic IP or instance id)}]}]``

Calls: 1 per 100 accelerators, 1 per accelerator (listeners), 1 per listener (endpoint groups).
"""

from __future__ import annotations

from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "globalaccelerator:ListAccelerators",
    "globalaccelerator:ListListeners",
    "globalaccelerator:ListEndpointGroups",
)

API_REGION: dict[str, str] = {"aws": "us-west-2"}
"""Partition → the one region that serves the Global Accelerator API."""

PAGE = {"PageSize": 100}
ACCELERATOR_GONE = ("AcceleratorNotFoundException",)
LISTENER_GONE = ("ListenerNotFoundException",)


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the standard accelerators of one account."""
    region = API_REGION.get(ctx.partition)
    if region is None:
        return {}
    ga = ctx.client("globalaccelerator", region)
    accelerators = ctx.paginate(ga, "list_accelerators", "Accelerators", PaginationConfig=PAGE)
    if isinstance(accelerators, Outcome):
        return {}
    entries = [e for a in accelerators if (e := _accelerator(ctx, ga, a)) is not None]
    return {"accelerators": entries}


def _accelerator(ctx: UnitContext, ga: Any, accelerator: dict[str, Any]) -> dict[str, Any] | None:
    entry: dict[str, Any] = {"Accelerator": accelerator}
    listeners = ctx.paginate(
        ga,
        "list_listeners",
        "Listeners",
        not_found=ACCELERATOR_GONE,
        AcceleratorArn=accelerator["AcceleratorArn"],
        PaginationConfig=PAGE,
    )
    if listeners is Outcome.NOT_FOUND:
        return None
    if not isinstance(listeners, Outcome):
        entry["Listeners"] = [e for li in listeners if (e := _listener(ctx, ga, li)) is not None]
    return entry


def _listener(ctx: UnitContext, ga: Any, listener: dict[str, Any]) -> dict[str, Any] | None:
    entry: dict[str, Any] = {"Listener": listener}
    groups = ctx.paginate(
        ga,
        "list_endpoint_groups",
        "EndpointGroups",
        not_found=LISTENER_GONE,
        ListenerArn=listener["ListenerArn"],
        PaginationConfig=PAGE,
    )
    if groups is Outcome.NOT_FOUND:
        return None
    if not isinstance(groups, Outcome):
        entry["EndpointGroups"] = groups
    return entry


SPEC = CollectorSpec(
    id="globalaccelerator",
    service="globalaccelerator",
    scope="global",
    actions=ACTIONS,
    collect=collect,
    description="Global Accelerator accelerators, listeners and endpoint groups (us-west-2 API)",
)
