"""shield.entrypoint_unprotected: Shield Advanced is paid for, yet an entrypoint is left out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from edgekit.model import GLOBAL, NOT_COLLECTED, Collected, Inventory, LoadBalancer, Protection
from edgekit.rules.context import AccountSubject, CheckContext
from edgekit.rules.finding import Fail, ResourceRef, Unknown
from edgekit.rules.registry import check

Candidate = tuple[ResourceRef, tuple[str, ...]]
"""A resource and the ARNs whose Shield protection covers it (the resource, or NLB EIPs)."""


def _eip_allocations(lb: LoadBalancer, partition: str) -> tuple[str, ...]:
    """ARNs of the NLB's Elastic IP allocations (not modelled yet: read from ``raw``)."""
    item: Any = lb.raw.get("LoadBalancer") or lb.raw
    zones: Any = item.get("AvailabilityZones") or []
    ids = sorted(
        {
            a["AllocationId"]
            for z in zones
            for a in (z.get("LoadBalancerAddresses") or [])
            if isinstance(a, dict) and a.get("AllocationId")
        }
    )
    return tuple(f"arn:{partition}:ec2:{lb.region}:{lb.account_id}:eip-allocation/{i}" for i in ids)


def protection(model: Inventory, arn: str, account: str) -> Collected[Protection | None]:
    """The Shield Advanced protection of a resource of ``account``.

    Shield only protects resources of the subscribing account, so the protection (if any) is in
    that account's ListProtections: once those were read, "not found" is "not protected",
    whatever other accounts' Shield data say (a hosted zone ARN names no account, and the
    model's lookup then waits for every account's).
    """
    found = model.shield.shield_protection_for(arn)
    if found is NOT_COLLECTED and model.known("shield_protections", account, GLOBAL):
        return None
    return found


def candidates(model: Inventory, account: str) -> Iterator[Candidate]:
    """Internet-facing entrypoints and public hosted zones of ``account`` Shield can protect."""
    for d in model.distributions:
        # A continuous-deployment staging distribution gets no traffic of its own: Shield
        # protects it through its primary, which is a candidate itself.
        if d.account_id == account and d.enabled and not d.staging:
            ref = ResourceRef(d.arn, "AWS::CloudFront::Distribution", account, d.region)
            yield ref, (d.arn,)
    for lb in model.load_balancers:
        if lb.account_id != account or not lb.internet_facing or lb.type == "gateway":
            continue
        ref = ResourceRef(lb.arn, "AWS::ElasticLoadBalancingV2::LoadBalancer", account, lb.region)
        if lb.type == "network":
            yield ref, _eip_allocations(lb, model.partition)
        else:
            yield ref, (lb.arn,)
    for clb in model.classic_load_balancers:
        if clb.account_id == account and clb.scheme == "internet-facing":
            ref = ResourceRef(
                clb.arn, "AWS::ElasticLoadBalancing::LoadBalancer", account, clb.region
            )
            yield ref, (clb.arn,)
    for z in model.hosted_zones:
        if z.account_id == account and not z.private_zone:
            arn = f"arn:{model.partition}:route53:::hostedzone/{z.id}"
            yield ResourceRef(arn, "AWS::Route53::HostedZone", account, z.region), (arn,)


@check(
    "shield.entrypoint_unprotected",
    title="Shield Advanced subscribed but an entrypoint is not protected",
    severity="info",
    category="resilience",
    applies_to="account",
    remediation="Add a Shield Advanced protection (CreateProtection) for the resource.",
    references=("P",),
)
def entrypoint_unprotected(
    account: AccountSubject, ctx: CheckContext
) -> list[Fail | Unknown] | Unknown | None:
    """For accounts with a Shield Advanced subscription, fails for each internet-facing
    entrypoint Shield can protect that has no protection: enabled distributions (not
    continuous-deployment staging ones, which Shield protects through their primary),
    internet-facing ALBs and Classic ELBs, internet-facing NLBs (protected through their
    Elastic IPs: every allocation must be protected; an NLB without Elastic IPs cannot be
    protected and is reported), and public hosted zones. API Gateway stages are not listed
    (Shield protects them only through CloudFront). Does not apply when the account is not
    subscribed. Unknown when the subscription could not be read (and the account has
    entrypoints), or when the protections were not collected."""
    found = list(candidates(ctx.model, account.account_id))
    if not found:
        return None
    sub = ctx.model.shield.shield_subscription(account.account_id)
    if sub is NOT_COLLECTED:
        return Unknown(
            "the Shield Advanced subscription could not be read (DescribeSubscription)",
            {"entrypoints": len(found)},
        )
    if sub is None:
        return None
    out: list[Fail | Unknown] = []
    undecided: list[str] = []
    for ref, arns in found:
        states = {arn: protection(ctx.model, arn, account.account_id) for arn in arns}
        if any(p is NOT_COLLECTED for p in states.values()):
            undecided.append(ref.id)
            continue
        missing = sorted(arn for arn, p in states.items() if p is None)
        if not arns:
            out.append(Fail("NLB has no Elastic IPs, so Shield cannot protect it", {}, ref))
        elif missing:
            evidence = {"unprotected": missing} if missing != [ref.id] else {}
            out.append(Fail("entrypoint has no Shield Advanced protection", evidence, ref))
    if undecided:
        out.append(
            Unknown("Shield protections not collected (ListProtections)", {"resources": undecided})
        )
    return out
