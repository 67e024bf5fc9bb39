"""lb.target_plaintext, health_check_mismatch, no_targets, unused_target_group."""

from __future__ import annotations

from typing import Any

import pytest

from tests.model.factories import OMIT
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import elbv2, entry, lb, snap, target_group

ALB = lb()
INTERNAL = lb("inner", scheme="internal")
NLB = lb("net", "network")


# -- target_plaintext --------------------------------------------------------------------------
@pytest.mark.parametrize(("protocol", "parent"), [("HTTP", ALB), ("TCP", NLB), ("TCP_UDP", NLB)])
def test_target_plaintext_fires_behind_internet_facing(protocol: str, parent: Any) -> None:
    tg = target_group(lbs=[parent], protocol=protocol)
    [finding] = fails("lb.target_plaintext", snap(elbv2(entry(parent), target_groups=[tg])))
    assert finding.evidence["protocol"] == protocol
    assert finding.evidence["load_balancer_arns"] == [parent["LoadBalancerArn"]]


def test_target_plaintext_passes_https_internal_and_lambda() -> None:
    groups = [
        target_group("tls", lbs=[ALB], protocol="HTTPS", port=443),
        target_group("inner", lbs=[INTERNAL], protocol="HTTP"),
        target_group("fn", lbs=[ALB], protocol=None, target_type="lambda"),
        target_group("loose", protocol="HTTP"),
    ]
    s = snap(elbv2(entry(ALB), entry(INTERNAL), target_groups=groups))
    assert run_check("lb.target_plaintext", s) == []


def test_target_plaintext_unknown_when_the_load_balancer_was_not_collected() -> None:
    far = lb("far", region="eu-west-1")  # its region is not in the snapshot
    tg = target_group(lbs=[far], protocol="HTTP")
    [finding] = unknowns("lb.target_plaintext", snap(elbv2(target_groups=[tg])))
    assert finding.evidence["load_balancer_arns"] == [far["LoadBalancerArn"]]


# -- health_check_mismatch ---------------------------------------------------------------------
def test_health_check_mismatch_fires_when_disabled() -> None:
    tg = target_group(lbs=[ALB], health_enabled=False)
    [finding] = fails("lb.health_check_mismatch", snap(elbv2(entry(ALB), target_groups=[tg])))
    assert finding.message == "target group web: health check disabled"


@pytest.mark.parametrize(
    ("traffic", "check"), [("HTTPS", "HTTP"), ("HTTP", "HTTPS"), ("TLS", "TCP")]
)
def test_health_check_mismatch_fires_on_another_protocol(traffic: str, check: str) -> None:
    tg = target_group(lbs=[ALB], protocol=traffic, health_protocol=check)
    [finding] = fails("lb.health_check_mismatch", snap(elbv2(entry(ALB), target_groups=[tg])))
    assert finding.evidence["health_check_protocol"] == check


@pytest.mark.parametrize(
    ("traffic", "check"),
    [("HTTPS", "HTTPS"), ("TLS", "HTTPS"), ("TCP", "HTTP"), ("UDP", "TCP"), ("GENEVE", "HTTP")],
)
def test_health_check_mismatch_passes_matching_protocols(traffic: str, check: str) -> None:
    tg = target_group(lbs=[NLB], protocol=traffic, health_protocol=check)
    assert run_check("lb.health_check_mismatch", snap(elbv2(entry(NLB), target_groups=[tg]))) == []


def test_health_check_mismatch_passes_lambda_without_health_check() -> None:
    tg = target_group(lbs=[ALB], protocol=None, target_type="lambda", health_enabled=False)
    assert run_check("lb.health_check_mismatch", snap(elbv2(entry(ALB), target_groups=[tg]))) == []


# -- no_targets --------------------------------------------------------------------------------
def test_no_targets_fires_when_every_group_is_empty() -> None:
    groups = [target_group("a", lbs=[ALB], targets=()), target_group("b", lbs=[ALB], targets=())]
    [finding] = fails("lb.no_targets", snap(elbv2(entry(ALB), target_groups=groups)))
    assert finding.evidence == {"target_groups": ["a", "b"]}


def test_no_targets_passes_with_one_target_or_no_group() -> None:
    groups = [target_group("a", lbs=[ALB], targets=()), target_group("b", lbs=[ALB])]
    assert run_check("lb.no_targets", snap(elbv2(entry(ALB), target_groups=groups))) == []
    assert run_check("lb.no_targets", snap(elbv2(entry(ALB), target_groups=[]))) == []
    unread = [target_group("a", lbs=[ALB], targets=OMIT), target_group("b", lbs=[ALB])]
    assert run_check("lb.no_targets", snap(elbv2(entry(ALB), target_groups=unread))) == []


def test_no_targets_unknown_when_targets_or_groups_not_collected() -> None:
    unread = [target_group("a", lbs=[ALB], targets=OMIT), target_group("b", lbs=[ALB], targets=())]
    [finding] = unknowns("lb.no_targets", snap(elbv2(entry(ALB), target_groups=unread)))
    assert finding.evidence["not_collected"] == ["a"]
    assert unknowns("lb.no_targets", snap(elbv2(entry(ALB), target_groups=OMIT)))


# -- unused_target_group -----------------------------------------------------------------------
def test_unused_target_group_fires() -> None:
    [finding] = fails("lb.unused_target_group", snap(elbv2(target_groups=[target_group("orphan")])))
    assert finding.message == "target group orphan is attached to no load balancer"


def test_unused_target_group_passes_attached() -> None:
    tg = target_group(lbs=[ALB])
    assert run_check("lb.unused_target_group", snap(elbv2(entry(ALB), target_groups=[tg]))) == []
