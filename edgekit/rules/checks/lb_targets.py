"""lb.* checks on target groups: plaintext to targets, health checks, empty and unused groups."""

from __future__ import annotations

from typing import Final

from edgekit.model import NOT_COLLECTED, LoadBalancer, TargetGroup
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

PLAINTEXT: Final = frozenset({"HTTP", "TCP", "TCP_UDP"})
"""Target-group protocols that carry the traffic unencrypted (TCP_UDP is TCP too)."""

HEALTH_CHECKS_FOR: Final[dict[str, frozenset[str]]] = {
    "HTTP": frozenset({"HTTP"}),
    "HTTPS": frozenset({"HTTPS"}),
    "TLS": frozenset({"HTTPS"}),
    "TCP": frozenset({"TCP", "HTTP", "HTTPS"}),
    "UDP": frozenset({"TCP", "HTTP", "HTTPS"}),
    "TCP_UDP": frozenset({"TCP", "HTTP", "HTTPS"}),
}
"""Traffic protocol → health-check protocols that exercise it (others are a mismatch).

HTTP(S) traffic must be checked with the same protocol; TLS traffic with HTTPS (a TCP check
never tests the handshake); TCP traffic with any check over TCP; UDP cannot be health-checked
over UDP, so any check is the closest there is. Other protocols (GENEVE ...) are not judged.
"""


@check(
    "lb.target_plaintext",
    title="Target group receives plaintext from an internet-facing load balancer",
    severity="low",
    category="security",
    applies_to="target_group",
    remediation=(
        "Use HTTPS (ALB) or TLS (NLB) target groups so traffic is re-encrypted to the targets."
    ),
    references=("SH ELB.22",),
)
def target_plaintext(tg: TargetGroup, ctx: CheckContext) -> Fail | Unknown | None:
    """A target group with protocol HTTP or TCP (TCP_UDP included) attached to an
    internet-facing load balancer: client traffic arrives encrypted (or not) and leaves the
    load balancer to the targets in clear text inside the VPC. Lambda groups (no protocol) and
    groups of internal load balancers pass. Unknown when an attached load balancer is not in a
    collected account/region."""
    protocol = (tg.protocol or "").upper()
    if protocol not in PLAINTEXT:
        return None
    facing: list[str] = []
    missing: list[str] = []
    for arn in tg.load_balancer_arns:
        lb = ctx.model.elbv2.load_balancer(arn)
        if lb is NOT_COLLECTED:
            missing.append(arn)
        elif isinstance(lb, LoadBalancer) and lb.internet_facing:
            facing.append(arn)
    evidence = {"protocol": protocol, "port": tg.port}
    if facing:
        return Fail(
            f"{protocol} target group {tg.name} behind internet-facing load balancer(s)",
            {**evidence, "load_balancer_arns": sorted(facing)},
        )
    if missing:
        return Unknown(
            "attached load balancer(s) were not collected",
            {**evidence, "load_balancer_arns": sorted(missing)},
        )
    return None


@check(
    "lb.health_check_mismatch",
    title="Target group health check disabled or on another protocol",
    severity="low",
    category="resilience",
    applies_to="target_group",
    remediation=(
        "Enable the health check and use the traffic's protocol (HTTPS for HTTPS targets, "
        "HTTPS for TLS targets, HTTP for HTTP targets)."
    ),
    references=("CK_261",),
)
def health_check_mismatch(tg: TargetGroup, ctx: CheckContext) -> Fail | None:
    """A target group whose health check is disabled (targets receive traffic whether they
    work or not), or whose health check uses another protocol than the traffic, so a broken
    TLS setup or an HTTPS-only listener on the targets goes unnoticed (an HTTP check of HTTPS
    targets, a TCP check of TLS targets). Checks carried over the traffic's own transport are
    not mismatches (an HTTP check of TCP targets; any check of UDP targets, which cannot be
    checked over UDP). Lambda target groups are not evaluated: their health checks are
    optional, off by default, and billed as invocations."""
    if tg.target_type == "lambda":
        return None
    hc = tg.health_check
    protocol = (tg.protocol or "").upper()
    if not hc.enabled:
        return Fail(
            f"target group {tg.name}: health check disabled",
            {"protocol": protocol or None, "health_check_enabled": False},
        )
    check_protocol = (hc.protocol or "").upper()
    allowed = HEALTH_CHECKS_FOR.get(protocol)
    if allowed is None or not check_protocol or check_protocol in allowed:
        return None
    return Fail(
        f"target group {tg.name}: {protocol} traffic, {check_protocol} health check",
        {"protocol": protocol, "health_check_protocol": check_protocol, "port": tg.port},
    )


@check(
    "lb.no_targets",
    title="Load balancer has no registered target",
    severity="medium",
    category="cost",
    applies_to="load_balancer",
    remediation="Register targets, or delete the idle load balancer and its target groups.",
    references=("TA", "Steampipe thrifty"),
)
def no_targets(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """Every target group attached to the load balancer has no registered target
    (DescribeTargetHealth empty): whatever it forwards fails, yet it is billed. A load balancer
    without target groups (e.g. redirect-only) is not evaluated here. Unknown when the target
    groups, or the targets of a group, were not collected — unless another group has targets."""
    groups = ctx.model.elbv2.target_groups_for(lb.arn)
    if groups is NOT_COLLECTED:
        return Unknown("target groups were not collected (DescribeTargetGroups)", {})
    if not groups:
        return None
    unread: list[str] = []
    for tg in groups:
        if tg.targets is NOT_COLLECTED:
            unread.append(tg.name)
        elif tg.targets:
            return None
    names = sorted(tg.name for tg in groups)
    if unread:
        return Unknown(
            "targets of some target groups were not collected (DescribeTargetHealth)",
            {"target_groups": names, "not_collected": sorted(unread)},
        )
    return Fail(
        f"none of the {len(names)} target group(s) has a registered target",
        {"target_groups": names},
    )


@check(
    "lb.unused_target_group",
    title="Target group attached to no load balancer",
    severity="low",
    category="hygiene",
    applies_to="target_group",
    remediation="Delete the target group, or attach it to a listener rule.",
)
def unused_target_group(tg: TargetGroup, ctx: CheckContext) -> Fail | None:
    """A target group that no load balancer uses (``LoadBalancerArns`` empty): registered
    targets are health-checked by nothing and receive nothing — clutter that hides real
    routing, or a half-finished migration."""
    if tg.load_balancer_arns:
        return None
    return Fail(
        f"target group {tg.name} is attached to no load balancer",
        {"target_type": tg.target_type, "protocol": tg.protocol},
    )
