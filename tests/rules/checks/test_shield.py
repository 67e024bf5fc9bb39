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


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
CHECK = "shield.entrypoint_unprotected"


def _shield(*protected: str, account: str = f.ACCOUNT) -> dict[str, Any]:
    return f.payload(
        "shield",
        {
            "subscription": f.subscription(account),
            "protections": [
                f.protection(f"p{i}", arn, account=account) for i, arn in enumerate(protected)
            ],
            "protection_groups": [],
        },
        account=account,
    )


def _zones(*zones: dict[str, Any], account: str = f.ACCOUNT) -> dict[str, Any]:
    return f.payload(
        "route53", {"hosted_zones": [f.zone_entry(z, []) for z in zones]}, account=account
    )


def _cdn(primary: dict[str, Any], staging: dict[str, Any]) -> dict[str, Any]:
    return f.payload(
        "cloudfront",
        {"distributions": [f.distribution_entry(primary), f.distribution_entry(staging)]},
    )


def _staging(dist_id: str) -> dict[str, Any]:
    """A continuous-deployment staging distribution (reached only through its primary)."""
    staging = f.distribution(dist_id)
    staging["DistributionConfig"]["Staging"] = True
    return staging


def test_entrypoint_unprotected_fires_for_a_zone_when_another_account_is_unreadable() -> None:
    """A hosted zone's protection can only live in the zone's own account: account B's unread
    Shield subscription must not turn account A's unprotected zone into unknown."""
    snap = f.snapshot(
        _zones(ZONE),
        _shield(),
        _zones(account=f.ACCOUNT_B),
        gaps=[f.gap("shield", "DescribeSubscription", account=f.ACCOUNT_B)],
    )
    mine = [x for x in fails(CHECK, snap) if x.resource.account_id == f.ACCOUNT]
    assert [x.resource.id for x in mine] == [ZONE_ARN]
    assert [x for x in unknowns(CHECK, snap) if x.resource.account_id == f.ACCOUNT] == []


def test_entrypoint_unprotected_passes_protected_zone_when_another_account_unreadable() -> None:
    snap = f.snapshot(
        _zones(ZONE),
        _shield(ZONE_ARN),
        _zones(account=f.ACCOUNT_B),
        gaps=[f.gap("shield", "DescribeSubscription", account=f.ACCOUNT_B)],
    )
    assert [x for x in run_check(CHECK, snap) if x.resource.account_id == f.ACCOUNT] == []


def test_entrypoint_unprotected_unknown_for_the_unreadable_account_only() -> None:
    zone_b = f.hosted_zone("Z2OTHER", "example.org")
    snap = f.snapshot(
        _zones(ZONE),
        _shield(ZONE_ARN),
        _zones(zone_b, account=f.ACCOUNT_B),
        gaps=[f.gap("shield", "DescribeSubscription", account=f.ACCOUNT_B)],
    )
    [finding] = unknowns(CHECK, snap)
    assert finding.resource.account_id == f.ACCOUNT_B
    assert fails(CHECK, snap) == []


def test_entrypoint_unprotected_passes_staging_distribution_of_a_protected_primary() -> None:
    """Shield Advanced protects a continuous-deployment staging distribution through its
    protected primary; the staging one serves no traffic of its own."""
    primary = f.distribution("E1PRIMARY")
    primary["DistributionConfig"]["ContinuousDeploymentPolicyId"] = "cd-policy-1"
    snap = f.snapshot(_cdn(primary, _staging("E2STAGING")), _shield(primary["ARN"]))
    assert run_check(CHECK, snap) == []


def test_entrypoint_unprotected_fires_for_the_primary_not_its_staging_distribution() -> None:
    primary = f.distribution("E1PRIMARY")
    primary["DistributionConfig"]["ContinuousDeploymentPolicyId"] = "cd-policy-1"
    snap = f.snapshot(_cdn(primary, _staging("E2STAGING")), _shield())
    assert [x.resource.id for x in fails(CHECK, snap)] == [primary["ARN"]]
