"""lb.* checks on ALB/NLB/GWLB attributes and placement.

Attribute checks read ``LoadBalancer.attributes`` (DescribeLoadBalancerAttributes): not
collected → unknown; a key absent from a collected list takes AWS's documented default (the
API omits attributes that do not apply, and older load balancers may lack newer keys). The
load balancer type is AWS's ``Type`` field, never guessed from the ARN.
"""

from __future__ import annotations

from typing import Final

from edgekit.model import NOT_COLLECTED, LoadBalancer, LoadBalancerAttributes
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

ALB: Final = "application"
NLB: Final = "network"
TG_CROSS_ZONE: Final = "load_balancing.cross_zone.enabled"
"""The target-group attribute that overrides the NLB's cross-zone setting."""


def _attributes(lb: LoadBalancer) -> LoadBalancerAttributes | Unknown:
    if lb.attributes is NOT_COLLECTED:
        return Unknown(
            "load balancer attributes were not collected (DescribeLoadBalancerAttributes)",
            {"type": lb.type},
        )
    return lb.attributes


def _flag(lb: LoadBalancer, key: str, default: bool) -> tuple[bool, dict[str, object]] | Unknown:
    """The boolean attribute ``key`` (AWS default when absent) and its evidence."""
    attrs = _attributes(lb)
    if isinstance(attrs, Unknown):
        return attrs
    raw = attrs.get(key)
    value = default if raw is None else attrs.flag(key)
    evidence: dict[str, object] = {"type": lb.type, "attribute": key, "value": raw}
    if raw is None:
        evidence["aws_default"] = str(default).lower()
    return bool(value), evidence


def _state(raw: object) -> str:
    return "absent (AWS default false)" if raw is None else f"{raw}"


@check(
    "lb.drop_invalid_headers_disabled",
    title="ALB does not drop invalid HTTP header fields",
    severity="medium",
    category="security",
    applies_to="load_balancer",
    remediation="Set routing.http.drop_invalid_header_fields.enabled to true.",
    references=("SH ELB.4", "P", "CK_131"),
)
def drop_invalid_headers_disabled(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB with ``routing.http.drop_invalid_header_fields.enabled`` false (AWS's default
    when absent) forwards header names that are not valid tokens to the targets, which helps
    HTTP desync / request smuggling and header-injection attacks. ALBs only."""
    if lb.type != ALB:
        return None
    got = _flag(lb, "routing.http.drop_invalid_header_fields.enabled", default=False)
    if isinstance(got, Unknown):
        return got
    enabled, evidence = got
    if enabled:
        return None
    return Fail(
        f"routing.http.drop_invalid_header_fields.enabled is {_state(evidence['value'])}",
        evidence,
    )


@check(
    "lb.desync_monitor_mode",
    title="ALB desync mitigation in monitor mode",
    severity="medium",
    category="security",
    applies_to="load_balancer",
    remediation="Set routing.http.desync_mitigation_mode to defensive (or strictest).",
    references=("SH ELB.12", "P"),
)
def desync_monitor_mode(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB whose ``routing.http.desync_mitigation_mode`` is ``monitor`` forwards requests
    that HTTP Desync Guardian classifies as ambiguous or severe, exposing the targets to
    request smuggling. ``defensive`` (AWS's default, also when the key is absent) and
    ``strictest`` pass. ALBs only."""
    if lb.type != ALB:
        return None
    attrs = _attributes(lb)
    if isinstance(attrs, Unknown):
        return attrs
    mode = attrs.desync_mitigation_mode
    if (mode or "defensive").strip().lower() != "monitor":
        return None
    return Fail(
        "routing.http.desync_mitigation_mode is monitor",
        {"type": lb.type, "attribute": "routing.http.desync_mitigation_mode", "value": mode},
    )


@check(
    "lb.access_logs_disabled",
    title="Load balancer access logs disabled",
    severity="medium",
    category="logging",
    applies_to="load_balancer",
    remediation="Set access_logs.s3.enabled to true with an access_logs.s3.bucket.",
    references=("SH ELB.5", "P", "CK_91"),
)
def access_logs_disabled(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB or NLB with ``access_logs.s3.enabled`` false (AWS's default when absent): no
    record of requests (ALB) or TLS connections (NLB) for incident response. An NLB writes
    access logs only for its TLS listeners, so one without a TLS listener passes (unknown
    when its listeners were not collected). Gateway Load Balancers have no access logs and
    are not evaluated."""
    if lb.type not in (ALB, NLB):
        return None
    got = _flag(lb, "access_logs.s3.enabled", default=False)
    if isinstance(got, Unknown):
        return got
    enabled, evidence = got
    if enabled:
        return None
    if lb.type == NLB:
        if lb.listeners is NOT_COLLECTED:
            return Unknown(
                "access_logs.s3.enabled is off; whether the NLB has a TLS listener (the only "
                "kind NLB access logs record) is unknown: listeners not collected",
                evidence,
            )
        if not any((li.protocol or "").upper() == "TLS" for li in lb.listeners):
            return None
    return Fail(f"access_logs.s3.enabled is {_state(evidence['value'])}", evidence)


@check(
    "lb.deletion_protection_disabled",
    title="Load balancer deletion protection disabled",
    severity="low",
    category="resilience",
    applies_to="load_balancer",
    remediation="Set deletion_protection.enabled to true.",
    references=("SH ELB.6", "P"),
)
def deletion_protection_disabled(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """A load balancer (ALB, NLB or GWLB) with ``deletion_protection.enabled`` false (AWS's
    default when absent) can be deleted by one API call — and with it its DNS name, which
    records and CloudFront origins point at."""
    got = _flag(lb, "deletion_protection.enabled", default=False)
    if isinstance(got, Unknown):
        return got
    enabled, evidence = got
    if enabled:
        return None
    return Fail(f"deletion_protection.enabled is {_state(evidence['value'])}", evidence)


@check(
    "lb.single_az",
    title="Load balancer in fewer than two availability zones",
    severity="medium",
    category="resilience",
    applies_to="load_balancer",
    remediation="Enable a subnet in a second availability zone for the load balancer.",
    references=("SH ELB.13", "P"),
)
def single_az(lb: LoadBalancer, ctx: CheckContext) -> Fail | None:
    """A load balancer (ALB, NLB or GWLB) enabled in fewer than two availability zones: one
    zone's outage takes the entrypoint down. Zones come with DescribeLoadBalancers, so this
    check never answers unknown."""
    zones = sorted({z.zone_name for z in lb.availability_zones})
    if len(zones) >= 2:
        return None
    where = zones[0] if zones else "no availability zone"
    return Fail(f"{lb.type} load balancer {lb.name} is in {where} only", {"zones": zones})


@check(
    "lb.cross_zone_disabled",
    title="NLB cross-zone load balancing disabled",
    severity="low",
    category="resilience",
    applies_to="load_balancer",
    remediation="Set load_balancing.cross_zone.enabled to true on the Network Load Balancer.",
    references=("P", "CK_152"),
)
def cross_zone_disabled(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An NLB with ``load_balancing.cross_zone.enabled`` false (AWS's default for NLBs, also
    when absent): each zone's node sends only to targets in its own zone, so uneven targets
    per zone overload some and a zone without healthy targets drops its share of clients.
    A target group may override the setting (its own ``load_balancing.cross_zone.enabled``:
    ``true``, ``false`` or ``use_load_balancer_configuration``, the default): the NLB passes
    when every one of its target groups turns it on; unknown when that depends on target
    groups (or their attributes) not collected. Evidence names the groups left off. ALBs
    always balance across zones and are not evaluated."""
    if lb.type != NLB:
        return None
    got = _flag(lb, "load_balancing.cross_zone.enabled", default=False)
    if isinstance(got, Unknown):
        return got
    enabled, evidence = got
    if enabled:
        return None
    groups = ctx.model.elbv2.target_groups_for(lb.arn)
    if groups is NOT_COLLECTED:
        return Unknown(
            "load_balancing.cross_zone.enabled is off; its target groups (which may turn it "
            "on) were not collected",
            evidence,
        )
    off: list[str] = []
    unread: list[str] = []
    for tg in groups:
        if tg.attributes is NOT_COLLECTED:
            unread.append(tg.name)
        elif (tg.attributes.get(TG_CROSS_ZONE) or "").strip().lower() != "true":
            off.append(tg.name)
    message = f"load_balancing.cross_zone.enabled is {_state(evidence['value'])}"
    if off or not groups:
        return Fail(message, {**evidence, "target_groups_off": sorted(off)} if off else evidence)
    if unread:
        return Unknown(
            f"{message}; whether target groups turn it on is unknown (attributes not collected)",
            {**evidence, "target_groups_not_collected": sorted(unread)},
        )
    return None


@check(
    "lb.waf_fail_open",
    title="ALB lets requests through when WAF cannot be reached",
    severity="medium",
    category="security",
    applies_to="load_balancer",
    remediation="Set waf.fail_open.enabled to false.",
)
def waf_fail_open(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB with ``waf.fail_open.enabled`` true forwards requests unchecked whenever it cannot
    reach AWS WAF — an attacker who can degrade WAF bypasses it. AWS's default (also when the
    key is absent) is false. ALBs only."""
    if lb.type != ALB:
        return None
    got = _flag(lb, "waf.fail_open.enabled", default=False)
    if isinstance(got, Unknown):
        return got
    enabled, evidence = got
    if not enabled:
        return None
    return Fail("waf.fail_open.enabled is true", evidence)
