"""Global Accelerator through the bridge: shapes, pagination, idempotency, errors, the collector."""

from __future__ import annotations

import re
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.sandbox.conftest import ClientFactory

ALB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188"
NLB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/tcp/60dc6c495c0c9188"


@pytest.fixture
def ga(client: ClientFactory) -> Any:
    """A shape-validated Global Accelerator client (the API lives in us-west-2)."""
    return client("globalaccelerator", "us-west-2")


def _code(caught: pytest.ExceptionInfo[ClientError]) -> str:
    return str(caught.value.response["Error"]["Code"])


def _chain(ga: Any, name: str = "web") -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    accelerator = ga.create_accelerator(
        Name=name,
        IdempotencyToken=f"{name}-acc",
        IpAddressType="DUAL_STACK",
        Tags=[{"Key": "team", "Value": "edge"}],
    )["Accelerator"]
    listener = ga.create_listener(
        AcceleratorArn=accelerator["AcceleratorArn"],
        PortRanges=[{"FromPort": 443, "ToPort": 443}],
        Protocol="TCP",
        IdempotencyToken=f"{name}-lst",
    )["Listener"]
    group = ga.create_endpoint_group(
        ListenerArn=listener["ListenerArn"],
        EndpointGroupRegion="eu-west-1",
        EndpointConfigurations=[{"EndpointId": ALB, "Weight": 200}, {"EndpointId": NLB}],
        HealthCheckProtocol="HTTPS",
        IdempotencyToken=f"{name}-grp",
    )["EndpointGroup"]
    return accelerator, listener, group


def test_accelerator_listener_and_endpoint_group(ga: Any) -> None:
    accelerator, listener, group = _chain(ga)
    arn = accelerator["AcceleratorArn"]
    assert re.fullmatch(r"arn:aws:globalaccelerator::123456789012:accelerator/[0-9a-f-]{36}", arn)
    assert re.fullmatch(r"a[0-9a-f]{16}\.awsglobalaccelerator\.com", accelerator["DnsName"])
    assert accelerator["DualStackDnsName"].endswith(".dualstack.awsglobalaccelerator.com")
    assert accelerator["Status"] == "DEPLOYED" and accelerator["Enabled"] is True
    assert [s["IpAddressFamily"] for s in accelerator["IpSets"]] == ["IPv4", "IPv6"]
    assert all(len(s["IpAddresses"]) == 2 for s in accelerator["IpSets"])
    assert listener["ListenerArn"].startswith(f"{arn}/listener/")
    assert listener["ClientAffinity"] == "NONE"
    assert group["EndpointGroupArn"].startswith(f"{listener['ListenerArn']}/endpoint-group/")
    alb, nlb = group["EndpointDescriptions"]
    assert (alb["EndpointId"], alb["Weight"], alb["ClientIPPreservationEnabled"]) == (
        ALB,
        200,
        True,
    )
    assert (nlb["Weight"], nlb["ClientIPPreservationEnabled"]) == (128, False)
    assert (group["HealthCheckPort"], group["HealthCheckPath"]) == (443, "/")
    assert group["TrafficDialPercentage"] == 100.0

    assert ga.describe_accelerator(AcceleratorArn=arn)["Accelerator"] == accelerator
    assert ga.list_listeners(AcceleratorArn=arn)["Listeners"] == [listener]
    assert ga.describe_listener(ListenerArn=listener["ListenerArn"])["Listener"] == listener
    groups = ga.list_endpoint_groups(ListenerArn=listener["ListenerArn"])["EndpointGroups"]
    assert groups == [group]
    got = ga.describe_endpoint_group(EndpointGroupArn=group["EndpointGroupArn"])
    assert got["EndpointGroup"] == group
    assert ga.list_tags_for_resource(ResourceArn=arn)["Tags"] == [{"Key": "team", "Value": "edge"}]
    attributes = ga.describe_accelerator_attributes(AcceleratorArn=arn)["AcceleratorAttributes"]
    assert attributes["FlowLogsEnabled"] is False


def test_idempotency_and_pagination(ga: Any) -> None:
    first, _, _ = _chain(ga, "one")
    again = ga.create_accelerator(Name="one", IdempotencyToken="one-acc")["Accelerator"]
    assert again["AcceleratorArn"] == first["AcceleratorArn"]
    for name in ("two", "three"):
        ga.create_accelerator(Name=name, IdempotencyToken=name)
    pages = list(ga.get_paginator("list_accelerators").paginate(PaginationConfig={"PageSize": 2}))
    assert [len(p["Accelerators"]) for p in pages] == [2, 1]
    names = [a["Name"] for p in pages for a in p["Accelerators"]]
    assert names == ["one", "two", "three"]
    ipv4 = pages[0]["Accelerators"][1]
    assert "DualStackDnsName" not in ipv4 and len(ipv4["IpSets"]) == 1
    with pytest.raises(ClientError) as caught:
        ga.list_accelerators(NextToken="bogus")
    assert _code(caught) == "InvalidNextTokenException"


def test_errors_and_deletion_order(ga: Any) -> None:
    accelerator, listener, group = _chain(ga)
    missing = accelerator["AcceleratorArn"][:-4] + "0000"
    with pytest.raises(ClientError) as caught:
        ga.describe_accelerator(AcceleratorArn=missing)
    assert _code(caught) == "AcceleratorNotFoundException"
    with pytest.raises(ClientError) as caught:
        ga.list_endpoint_groups(ListenerArn=listener["ListenerArn"] + "0")
    assert _code(caught) == "ListenerNotFoundException"
    with pytest.raises(ClientError) as caught:
        ga.create_endpoint_group(
            ListenerArn=listener["ListenerArn"],
            EndpointGroupRegion="eu-west-1",
            IdempotencyToken="x",
        )
    assert _code(caught) == "EndpointGroupAlreadyExistsException"
    with pytest.raises(ClientError) as caught:
        ga.delete_listener(ListenerArn=listener["ListenerArn"])
    assert _code(caught) == "AssociatedEndpointGroupFoundException"
    ga.delete_endpoint_group(EndpointGroupArn=group["EndpointGroupArn"])
    with pytest.raises(ClientError) as caught:
        ga.delete_accelerator(AcceleratorArn=accelerator["AcceleratorArn"])
    assert _code(caught) == "AcceleratorNotDisabledException"
    updated = ga.update_accelerator(AcceleratorArn=accelerator["AcceleratorArn"], Enabled=False)
    assert updated["Accelerator"]["Enabled"] is False
    with pytest.raises(ClientError) as caught:
        ga.delete_accelerator(AcceleratorArn=accelerator["AcceleratorArn"])
    assert _code(caught) == "AssociatedListenerFoundException"
    ga.delete_listener(ListenerArn=listener["ListenerArn"])
    ga.delete_accelerator(AcceleratorArn=accelerator["AcceleratorArn"])
    assert ga.list_accelerators()["Accelerators"] == []


def test_the_collector_reads_the_bridge(ga: Any) -> None:
    from edgekit.aws.session import SessionSpec
    from edgekit.collect.api import collect

    accelerator, listener, group = _chain(ga)
    result = collect(SessionSpec(), regions=["eu-west-1"], collectors=["globalaccelerator"])
    assert result.failed_units == 0 and result.snapshot.gaps == []
    (payload,) = result.snapshot.payloads
    (entry,) = payload["data"]["accelerators"]
    assert entry["Accelerator"]["AcceleratorArn"] == accelerator["AcceleratorArn"]
    (listener_entry,) = entry["Listeners"]
    assert listener_entry["Listener"] == listener
    assert [g["EndpointGroupArn"] for g in listener_entry["EndpointGroups"]] == [
        group["EndpointGroupArn"]
    ]
