"""Review: lb.* checks on realistic-but-unusual estates (listeners that never forward, IPv4-only
ALBs with IPv6 rules, ...)."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks import lb_snapshots as lbs
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check, unknowns

NO_ACL = f.payload("wafv2", {"scope": "REGIONAL", "web_acls": []}, region=f.REGION)


def with_waf(snapshot: Snapshot) -> Snapshot:
    """The snapshot with the region's (empty) WAFv2 associations collected."""
    return f.snapshot(*snapshot.payloads, NO_ACL)


def redirect_80(b: dict[str, Any]) -> dict[str, Any]:
    """HTTP:80 that only redirects to HTTPS."""
    return lbs.http_listener(b)


# -- lb.no_waf --------------------------------------------------------------------------------
def test_no_waf_passes_when_only_a_redirect_listener_admits_the_internet() -> None:
    # HTTPS:443 admits only CloudFront and forwards only with the secret; HTTP:80 is open to
    # the world but only redirects: nothing reaches the targets around CloudFront.
    s = o.alb_estate(o.locked_listener, redirect_80, perms=[o.cloudfront_only(443), o.anywhere(80)])
    assert run_check("lb.no_waf", with_waf(s)) == []


def test_no_waf_fires_when_a_forwarding_listener_admits_the_internet() -> None:
    open_8080 = lambda b: o.locked_listener(b, port=8080)  # noqa: E731
    s = o.alb_estate(o.locked_listener, open_8080, perms=[o.cloudfront_only(443), o.anywhere(8080)])
    [finding] = fails("lb.no_waf", with_waf(s))
    assert "port 8080 admits sg-0web:0.0.0.0/0" in finding.message


def test_no_waf_passes_when_ipv6_anywhere_is_admitted_to_an_ipv4_only_alb() -> None:
    # IpAddressType ipv4: the ALB has no IPv6 address, so ::/0 reaches nothing.
    s = o.alb_estate(o.locked_listener, perms=[o.cloudfront_only(443), o.anywhere(443, v6=True)])
    assert run_check("lb.no_waf", with_waf(s)) == []


def test_no_waf_fires_when_ipv6_anywhere_is_admitted_to_a_dualstack_alb() -> None:
    b = o.balancer()
    b["IpAddressType"] = "dualstack"
    s = o.alb_estate(
        o.locked_listener, b=b, perms=[o.cloudfront_only(443), o.anywhere(443, v6=True)]
    )
    [finding] = fails("lb.no_waf", with_waf(s))
    assert "port 443 admits sg-0web:::/0" in finding.message


# -- lb.access_logs_disabled ------------------------------------------------------------------
def nlb_with(*listeners: tuple[int, str]) -> Snapshot:
    nlb = lbs.lb("net", "network", security_groups=())
    items = [
        lbs.https_listener(nlb, port=port, protocol=protocol, policy=None, default=None)
        if protocol != "TLS"
        else lbs.https_listener(nlb, port=port, protocol="TLS")
        for port, protocol in listeners
    ]
    attrs = f.attributes(f.NLB_DEFAULT_ATTRIBUTES)
    return lbs.snap(lbs.elbv2(lbs.entry(nlb, items, attrs=attrs)))


def test_access_logs_disabled_passes_an_nlb_without_a_tls_listener() -> None:
    # NLB access logs are written only for TLS listeners: enabling them on a TCP/UDP-only
    # NLB records nothing.
    assert run_check("lb.access_logs_disabled", nlb_with((80, "TCP"), (53, "UDP"))) == []


def test_access_logs_disabled_fires_for_an_nlb_with_a_tls_listener() -> None:
    [finding] = fails("lb.access_logs_disabled", nlb_with((80, "TCP"), (443, "TLS")))
    assert finding.evidence["attribute"] == "access_logs.s3.enabled"


def test_access_logs_disabled_unknown_when_an_nlb_listeners_were_not_collected() -> None:
    nlb = lbs.lb("net", "network", security_groups=())
    attrs = f.attributes(f.NLB_DEFAULT_ATTRIBUTES)
    s = lbs.snap(lbs.elbv2(lbs.entry(nlb, f.OMIT, attrs=attrs)))
    [finding] = unknowns("lb.access_logs_disabled", s)
    assert "listeners" in finding.message


# -- lb.cross_zone_disabled -------------------------------------------------------------------
def nlb_groups(*tg_cross_zone: str | None) -> Snapshot:
    """An NLB with the attribute off and one target group per value (None: its attributes
    were not collected; "" : the attribute absent)."""
    nlb = lbs.lb("net", "network", security_groups=())
    groups = []
    for i, value in enumerate(tg_cross_zone):
        tg = f.target_group(f"tg{i}", protocol="TCP", lb_arns=[nlb["LoadBalancerArn"]])
        if value is None:
            attrs: Any = f.OMIT
        elif value == "":
            attrs = []
        else:
            attrs = [{"Key": "load_balancing.cross_zone.enabled", "Value": value}]
        groups.append(f.tg_entry(tg, attrs=attrs, health=[]))
    attrs_lb = f.attributes(f.NLB_DEFAULT_ATTRIBUTES)
    return lbs.snap(lbs.elbv2(lbs.entry(nlb, [], attrs=attrs_lb), target_groups=groups))


def test_cross_zone_disabled_passes_when_every_target_group_turns_it_on() -> None:
    # Since 2022 a target group can override the NLB's setting (true / false /
    # use_load_balancer_configuration).
    assert run_check("lb.cross_zone_disabled", nlb_groups("true", "true")) == []


def test_cross_zone_disabled_fires_when_a_target_group_follows_the_nlb() -> None:
    for other in ("use_load_balancer_configuration", "false", ""):
        [finding] = fails("lb.cross_zone_disabled", nlb_groups("true", other))
        assert finding.evidence["target_groups_off"] == ["tg1"], other


def test_cross_zone_disabled_unknown_when_target_group_attributes_were_not_collected() -> None:
    [finding] = unknowns("lb.cross_zone_disabled", nlb_groups("true", None))
    assert finding.evidence["target_groups_not_collected"] == ["tg1"]
