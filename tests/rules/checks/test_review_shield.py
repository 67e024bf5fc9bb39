"""Review of shield.entrypoint_unprotected against realistic estates (multi-account,
continuous deployment)."""

from __future__ import annotations

from typing import Any

from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns

CHECK = "shield.entrypoint_unprotected"
ZONE = f.hosted_zone("Z1PUBLIC", "example.com")
ZONE_ARN = "arn:aws:route53:::hostedzone/Z1PUBLIC"


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
