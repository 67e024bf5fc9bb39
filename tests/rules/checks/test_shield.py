"""shield.entrypoint_unprotected."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns

REGION = "us-east-1"
DIST = f.distribution("E1")
ALB = f.load_balancer("web")
NLB = f.load_balancer("net", "network")
INTERNAL = f.load_balancer("inner", scheme="internal")
ZONE = f.hosted_zone("Z1PUBLIC", "example.com")
ZONE_ARN = "arn:aws:route53:::hostedzone/Z1PUBLIC"


def _snap(shield: Any, *, extra: tuple[dict[str, Any], ...] = ()) -> Snapshot:
    elb = f.payload(
        "elbv2",
        {
            "load_balancers": [f.lb_entry(lb, listeners=[]) for lb in (ALB, NLB, INTERNAL)],
            "target_groups": [],
            "ssl_policies": [],
        },
        region=REGION,
    )
    payloads = [
        f.payload("cloudfront", {"distributions": [f.distribution_entry(DIST)]}),
        f.payload("route53", {"hosted_zones": [f.zone_entry(ZONE, [])]}),
        elb,
        *extra,
    ]
    if shield is not None:
        payloads.append(f.payload("shield", shield))
    return f.snapshot(*payloads)


def _eips(lb: dict[str, Any]) -> list[str]:
    return [
        f"arn:aws:ec2:{REGION}:{f.ACCOUNT}:eip-allocation/{a['AllocationId']}"
        for z in lb["AvailabilityZones"]
        for a in z["LoadBalancerAddresses"]
    ]


def _protected(*arns: str) -> dict[str, Any]:
    return {
        "subscription": f.subscription(),
        "protections": [f.protection(f"p{i}", arn) for i, arn in enumerate(arns)],
        "protection_groups": [],
    }


def test_entrypoint_unprotected_fires_for_each_unprotected_entrypoint() -> None:
    snap = _snap(_protected(DIST["ARN"], _eips(NLB)[0]))
    found = {x.resource.id: x for x in fails("shield.entrypoint_unprotected", snap)}
    assert set(found) == {ALB["LoadBalancerArn"], NLB["LoadBalancerArn"], ZONE_ARN}
    assert found[ZONE_ARN].resource.type == "AWS::Route53::HostedZone"
    assert found[ALB["LoadBalancerArn"]].evidence == {}
    # the NLB counts as protected only when every Elastic IP is
    assert found[NLB["LoadBalancerArn"]].evidence == {"unprotected": [_eips(NLB)[1]]}


def test_entrypoint_unprotected_fires_for_classic_elb() -> None:
    clb = f.classic_lb("legacy", [f.classic_listener("HTTPS", 443)])
    elb = f.payload("elb", {"load_balancers": [f.classic_entry(clb)]}, region=REGION)
    snap = _snap(
        _protected(DIST["ARN"], ALB["LoadBalancerArn"], ZONE_ARN, *_eips(NLB)), extra=(elb,)
    )
    [finding] = fails("shield.entrypoint_unprotected", snap)
    assert finding.resource.type == "AWS::ElasticLoadBalancing::LoadBalancer"
    assert finding.resource.id.endswith(":loadbalancer/legacy")


def test_entrypoint_unprotected_passes_when_everything_is_protected() -> None:
    snap = _snap(_protected(DIST["ARN"], ALB["LoadBalancerArn"], ZONE_ARN, *_eips(NLB)))
    assert run_check("shield.entrypoint_unprotected", snap) == []


def test_entrypoint_unprotected_passes_when_not_subscribed() -> None:
    snap = _snap({"subscription": None})
    assert run_check("shield.entrypoint_unprotected", snap) == []


def test_entrypoint_unprotected_unknown_when_subscription_not_read() -> None:
    [finding] = unknowns("shield.entrypoint_unprotected", _snap(None))
    assert finding.resource.id == f"arn:aws:iam::{f.ACCOUNT}:root"
    assert fails("shield.entrypoint_unprotected", _snap(None)) == []


def test_entrypoint_unprotected_unknown_when_protections_not_read() -> None:
    snap = _snap({"subscription": f.subscription()})
    [finding] = unknowns("shield.entrypoint_unprotected", snap)
    assert ZONE_ARN in finding.evidence["resources"]
