"""Shield Advanced (subscription tri-state, protections, groups) and Global Accelerator."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    Inventory,
    Protection,
    ShieldSubscription,
)
from edgekit.snapshot import load
from tests.model import estates
from tests.model import factories as f
from tests.model.factories import parse_strict

A, B = f.ACCOUNT, f.ACCOUNT_B
ALB = f.lb_arn("web-alb")
DIST = f"arn:aws:cloudfront::{A}:distribution/E1MAINDIST"


def _inv(*payloads: dict[str, Any], **kw: Any) -> Inventory:
    return parse_strict(f.snapshot(*payloads, **kw))


def _shield(data: dict[str, Any], account: str = A) -> dict[str, Any]:
    return f.payload("shield", data, account=account)


# -- shield ---------------------------------------------------------------------------------------
def test_subscription_protections_and_groups(rich: Inventory) -> None:
    sub = rich.shield.shield_subscription(A)
    assert isinstance(sub, ShieldSubscription)
    assert (sub.account_id, sub.region, sub.auto_renew, sub.proactive_engagement_status) == (
        A,
        "global",
        "ENABLED",
        "ENABLED",
    )
    assert sub.arn == f"arn:aws:shield::{A}:subscription/sub-1" and sub.key == sub.arn
    assert sub.start_time is not None and sub.end_time is not None
    assert sub.time_commitment_in_seconds == 31536000 and "SubscriptionLimits" in sub.raw
    dist, alb = rich.shield_protections
    assert (dist.id, dist.name, dist.resource_arn) == ("p-dist", "protect-p-dist", DIST)
    assert dist.arn == f"arn:aws:shield::{A}:protection/p-dist"
    assert (
        dist.health_check_ids == ("hc-1",)
        and dist.application_layer_automatic_response == "ENABLED"
    )
    assert alb.application_layer_automatic_response is None
    edge, eips = rich.shield_protection_groups
    assert (edge.id, edge.aggregation, edge.pattern, edge.members) == (
        "edge",
        "MAX",
        "ARBITRARY",
        (DIST, ALB),
    )
    assert edge.resource_type is None and edge.arn and edge.arn.endswith("protection-group/edge")
    assert (eips.pattern, eips.resource_type, eips.members) == (
        "BY_RESOURCE_TYPE",
        "ELASTIC_IP_ALLOCATION",
        (),
    )


def test_protection_lookup(rich: Inventory) -> None:
    found = rich.shield.shield_protection_for(ALB)
    assert isinstance(found, Protection) and found.id == "p-alb"
    assert rich.shield.shield_protection_for(f.lb_arn("static-nlb", "network")) is None
    # another account's resource: its Shield state was not collected
    assert rich.shield.shield_protection_for(f.lb_arn("x", account=B)) is NOT_COLLECTED
    # hosted zone ARNs name no account: every account decides
    assert rich.shield.shield_protection_for("arn:aws:route53:::hostedzone/Z0EXAMPLE1") is None


def test_subscription_tri_state() -> None:
    not_subscribed = _inv(_shield({"subscription": None}))
    assert not_subscribed.shield.shield_subscription(A) is None
    assert not_subscribed.shield_subscriptions == ()
    assert not_subscribed.shield.shield_protection_for(ALB) is None  # nothing can be protected
    denied = _inv(_shield({}))
    assert denied.shield.shield_subscription(A) is NOT_COLLECTED
    assert denied.shield.shield_protection_for(ALB) is NOT_COLLECTED
    assert _inv(f.payload("cloudfront", {})).shield.shield_subscription(A) is NOT_COLLECTED
    # subscribed, but ListProtections denied
    partial = _inv(_shield({"subscription": f.subscription(), "protection_groups": []}))
    assert isinstance(partial.shield.shield_subscription(A), ShieldSubscription)
    assert partial.shield.shield_protection_for(ALB) is NOT_COLLECTED
    # an ARN without an account, one account of two unknown
    two = _inv(_shield({"subscription": None}), _shield({}, account=B))
    assert two.shield.shield_protection_for("arn:aws:route53:::hostedzone/Z1") is NOT_COLLECTED
    assert _inv().shield.shield_protection_for("arn:aws:route53:::hostedzone/Z1") is NOT_COLLECTED


def _zones(account: str, *zone_ids: str) -> dict[str, Any]:
    zones = [f.zone_entry(f.hosted_zone(z, f"{z.lower()}.example.com"), []) for z in zone_ids]
    return f.payload("route53", {"hosted_zones": zones}, account=account)


def test_hosted_zone_protection_is_decided_by_the_zones_account() -> None:
    zone_a, zone_b = "arn:aws:route53:::hostedzone/ZA", "arn:aws:route53:::hostedzone/ZB"
    # A not subscribed, B's Shield state denied; ZA is A's zone, ZB is B's
    inv = _inv(
        _shield({"subscription": None}),
        _shield({}, account=B),
        _zones(A, "ZA"),
        _zones(B, "ZB"),
    )
    assert inv.shield.shield_protection_for(zone_a) is None  # A alone decides: not protected
    assert inv.shield.shield_protection_for(zone_b) is NOT_COLLECTED  # B's state unknown
    # a zone the inventory does not have: every account still decides
    assert inv.shield.shield_protection_for("arn:aws:route53:::hostedzone/ZX") is NOT_COLLECTED
    # A subscribed with its protections read, B unknown: A's zone resolves both ways
    protected = _inv(
        _shield(
            {
                "subscription": f.subscription(),
                "protections": [f.protection("p-za", zone_a)],
                "protection_groups": [],
            }
        ),
        _shield({}, account=B),
        _zones(A, "ZA", "ZC"),
    )
    found = protected.shield.shield_protection_for(zone_a)
    assert isinstance(found, Protection) and found.id == "p-za"
    assert protected.shield.shield_protection_for("arn:aws:route53:::hostedzone/ZC") is None


def test_shield_model_errors() -> None:
    with pytest.raises(
        ModelError,
        match=r"shield payload \(111111111111/global\): protection p1: missing field 'ResourceArn'",
    ):
        _inv(_shield({"subscription": f.subscription(), "protections": [{"Id": "p1"}]}))
    with pytest.raises(ModelError, match=r"protection group g: missing field 'Aggregation'"):
        _inv(_shield({"protection_groups": [{"ProtectionGroupId": "g"}]}))
    with pytest.raises(ModelError, match=r"subscription: field 'subscription' must be an object"):
        _inv(_shield({"subscription": "yes"}))


# -- global accelerator ---------------------------------------------------------------------------
def test_accelerator_fields(rich: Inventory) -> None:
    (acc,) = rich.accelerators
    assert (acc.name, acc.region, acc.enabled, acc.status, acc.ip_address_type) == (
        "web-accelerator",
        "global",
        True,
        "DEPLOYED",
        "DUAL_STACK",
    )
    assert (
        acc.arn
        == f"arn:aws:globalaccelerator::{A}:accelerator/5f2a0c6e-1b2c-4d3e-8f90-000000000001"
    )
    assert acc.dns_name == "a5f2a0c6e-1b2.awsglobalaccelerator.com"
    assert acc.dual_stack_dns_name == "a5f2a0c6e-1b2.dualstack.awsglobalaccelerator.com"
    assert acc.ip_addresses == ("75.2.10.1", "99.83.10.1", "2600:9000:a400::1")
    assert acc.created_time is not None and acc.endpoints_complete
    assert acc.listeners is not NOT_COLLECTED
    (li,) = acc.listeners
    assert (li.protocol, li.port_ranges, li.client_affinity) == ("TCP", ((443, 443),), "NONE")
    assert li.arn.endswith("/listener/0a1b2c3d") and li.endpoint_groups is not NOT_COLLECTED
    (group,) = li.endpoint_groups
    assert (group.region, group.traffic_dial_percentage, group.port_overrides) == (
        "us-east-1",
        100.0,
        ((443, 8443),),
    )
    assert (group.health_check_protocol, group.health_check_port, group.health_check_path) == (
        "HTTPS",
        443,
        "/health",
    )
    alb, eip = group.endpoints
    assert (alb.endpoint_id, alb.weight, alb.client_ip_preservation_enabled, alb.health_state) == (
        ALB,
        128,
        True,
        "HEALTHY",
    )
    assert (eip.endpoint_id, eip.weight, eip.client_ip_preservation_enabled) == (
        "eipalloc-0abc",
        64,
        False,
    )
    assert eip.health_reason is None and acc.endpoint_ids == (ALB, "eipalloc-0abc")


def test_accelerator_lookups(rich: Inventory) -> None:
    (acc,) = rich.accelerators
    assert rich.globalaccelerator.accelerators_targeting(ALB) == (acc,)
    assert rich.globalaccelerator.accelerators_targeting(f.lb_arn("static-nlb", "network")) == ()
    assert rich.globalaccelerator.accelerator(acc.arn) == acc
    assert (
        rich.globalaccelerator.accelerator(acc.arn.replace("000000000001", "000000000009")) is None
    )
    assert rich.globalaccelerator.accelerator(acc.arn.replace(A, B)) is NOT_COLLECTED
    assert (
        rich.globalaccelerator.accelerator_by_dns(
            "A5F2A0C6E-1B2.dualstack.awsglobalaccelerator.com."
        )
        == acc
    )
    assert rich.globalaccelerator.accelerator_by_dns("zzz.awsglobalaccelerator.com") is None


def test_the_collector_fixture_with_a_denied_account() -> None:
    inv = parse_strict(load(estates.FIXTURES / "globalaccelerator.json"))
    web, static, retired = inv.accelerators
    assert (web.name, static.name, retired.name, retired.enabled) == (
        "web-accelerator",
        "static-ips",
        "retired",
        False,
    )
    assert retired.listeners == () and retired.endpoint_ids == ()
    assert web.listeners is not NOT_COLLECTED and web.listeners[0].port_ranges == (
        (443, 443),
        (80, 80),
    )
    groups = web.listeners[0].endpoint_groups
    assert groups is not NOT_COLLECTED and [g.region for g in groups] == ["us-east-1", "eu-west-1"]
    assert groups[1].endpoints[0].health_reason == "Health checks failed"
    # account 222222222222's listing was denied: no target can be ruled out
    assert inv.globalaccelerator.accelerators_targeting(f.lb_arn("web-alb")) == (web,)
    assert inv.globalaccelerator.accelerators_targeting("eipalloc-nope") is NOT_COLLECTED


def test_denied_listeners_and_endpoint_groups() -> None:
    acc = f.accelerator("a")
    li = f.ga_listener(acc)
    inv = _inv(
        f.payload(
            "globalaccelerator",
            {
                "accelerators": [
                    f.accelerator_entry(acc, [f.ga_listener_entry(li)]),
                    f.accelerator_entry(f.accelerator("b", "b" * 36)),
                ]
            },
        )
    )
    first, second = inv.accelerators
    assert first.listeners is not NOT_COLLECTED
    assert first.listeners[0].endpoint_groups is NOT_COLLECTED and not first.endpoints_complete
    assert second.listeners is NOT_COLLECTED and second.endpoint_ids == ()
    assert inv.globalaccelerator.accelerators_targeting(ALB) is NOT_COLLECTED
    assert (
        _inv(f.payload("globalaccelerator", {})).globalaccelerator.accelerators_targeting(ALB)
        is NOT_COLLECTED
    )


def test_globalaccelerator_model_errors() -> None:
    acc = f.accelerator("a")
    li = f.ga_listener(acc)
    group = f.endpoint_group(li, "us-east-1", [{"Weight": 1}])
    with pytest.raises(
        ModelError,
        match=r"globalaccelerator payload \(111111111111/global\): accelerator arn:aws:"
        r".*: missing field 'Listeners\[0\]\.EndpointGroups\[0\]\."
        r"EndpointDescriptions\[0\]\.EndpointId'",
    ):
        _inv(
            f.payload(
                "globalaccelerator",
                {"accelerators": [f.accelerator_entry(acc, [f.ga_listener_entry(li, [group])])]},
            )
        )
    group = f.endpoint_group(li, "us-east-1", [])
    group["TrafficDialPercentage"] = "full"
    with pytest.raises(
        ModelError,
        match=r"'Listeners\[0\]\.EndpointGroups\[0\]\.TrafficDialPercentage' must be a number",
    ):
        _inv(
            f.payload(
                "globalaccelerator",
                {"accelerators": [f.accelerator_entry(acc, [f.ga_listener_entry(li, [group])])]},
            )
        )
    with pytest.raises(ModelError, match=r"accelerators\[0\]: missing field 'Accelerator'"):
        _inv(f.payload("globalaccelerator", {"accelerators": [{"Listeners": []}]}))
