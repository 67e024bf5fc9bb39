"""lb.no_waf: no web ACL, unless the ALB is reachable only through CloudFront (locked origin)."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks import lb_snapshots as lbs
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.lb_snapshots import (
    cloudfront,
    elbv2,
    entry,
    https_listener,
    lb,
    rule,
    snap,
    with_rules,
)

ALB = lb()
DNS = ALB["DNSName"]
SG = "sg-0123456789abcdef0"
SECRET = "sha256:" + "ab" * 32
CF_ONLY = [f.permission(443, prefix_lists=[f.CF_PREFIX_LIST])]
ANYWHERE = [f.permission(443, cidrs=["0.0.0.0/0"])]


def wafv2(*acls: dict[str, Any]) -> dict[str, Any]:
    return f.payload("wafv2", {"scope": "REGIONAL", "web_acls": list(acls)}, region=f.REGION)


def ec2(ingress: Any = CF_ONLY, prefix_lists: Any = None) -> dict[str, Any]:
    data: dict[str, Any] = {"security_groups": [f.security_group(SG, ingress)]}
    if prefix_lists is not OMIT:
        data["managed_prefix_lists"] = (
            prefix_lists if prefix_lists is not None else [f.prefix_list()]
        )
    return f.payload("ec2", data, region=f.REGION)


def fronted(headers: dict[str, str] | None = None, enabled: bool = True) -> dict[str, Any]:
    origin = f.custom_origin(
        "alb", DNS, headers=headers if headers is not None else {"X-Origin-Verify": SECRET}
    )
    return cloudfront(f.distribution(origins=[origin], default=f.behavior("alb"), enabled=enabled))


def locked_listener(secret: str = SECRET) -> dict[str, Any]:
    li = https_listener(ALB, default=[f.fixed_response()])
    guard = f.condition("http-header", [secret], HttpHeaderName="x-origin-verify")
    return with_rules(li, rule(li, 1, [guard]))


def scan(*payloads: dict[str, Any], listener: Any = None, gaps: Any = ()) -> Any:
    li = listener if listener is not None else locked_listener()
    return snap(elbv2(entry(ALB, [li])), *payloads, gaps=gaps)


def test_no_waf_fires_when_not_behind_cloudfront() -> None:
    [finding] = fails("lb.no_waf", scan(wafv2(), cloudfront(), ec2()))
    assert finding.message == "internet-facing ALB without a web ACL, not behind CloudFront"


def test_no_waf_fires_when_the_security_group_admits_the_internet() -> None:
    [finding] = fails("lb.no_waf", scan(wafv2(), fronted(), ec2(ANYWHERE)))
    assert finding.evidence["distributions"] == ["E1EXAMPLE"]
    assert finding.evidence["network"]["state"] == "open"
    assert finding.evidence["header"]["state"] == "locked"
    assert "port 443 admits sg-0123456789abcdef0:0.0.0.0/0" in finding.message


def test_no_waf_fires_when_a_listener_forwards_without_the_secret_header() -> None:
    [finding] = fails("lb.no_waf", scan(wafv2(), fronted(), ec2(), listener=https_listener(ALB)))
    assert finding.evidence["header"]["forwards_without_header"] == ["HTTPS:443 default action"]


def test_no_waf_fires_when_the_only_distribution_is_disabled() -> None:
    assert fails("lb.no_waf", scan(wafv2(), fronted(enabled=False), ec2()))


def test_no_waf_passes_with_a_web_acl() -> None:
    acl = f.web_acl_entry(f.web_acl(), resources=[ALB["LoadBalancerArn"]])
    assert run_check("lb.no_waf", scan(wafv2(acl), cloudfront(), ec2(ANYWHERE))) == []


def test_no_waf_passes_when_locked_behind_cloudfront() -> None:
    assert run_check("lb.no_waf", scan(wafv2(), fronted(), ec2())) == []


def test_no_waf_passes_internal_albs_and_nlbs() -> None:
    internal, nlb = lb("inner", scheme="internal"), lb("net", "network")
    s = snap(elbv2(entry(internal, []), entry(nlb, [])), wafv2(), cloudfront(), no_accelerators())
    assert run_check("lb.no_waf", s) == []


# -- exposure through an internet-facing NLB or an accelerator (CHECKS.md v2) ---------------------
INNER = lb("inner", scheme="internal")
INNER_ARN = INNER["LoadBalancerArn"]
ALB_TG = f.tg_arn("to-inner")


def no_accelerators(*accelerators: dict[str, Any]) -> dict[str, Any]:
    return f.payload("globalaccelerator", {"accelerators": list(accelerators)})


def nlb_to_inner(
    scheme: str = "internet-facing", targets: Any = (INNER_ARN,), port: int = 80
) -> dict[str, Any]:
    """An elbv2 payload: NLB (TCP listener) → alb-type target group → the internal ALB."""
    nlb = lb("edge", "network", scheme=scheme)
    tcp = f.listener_entry(f.listener(nlb, port, "TCP", [f.forward(ALB_TG)]), certificates=[])
    tg = f.target_group(
        "to-inner", protocol="TCP", port=port, target_type="alb", lb_arns=[nlb["LoadBalancerArn"]]
    )
    health = OMIT if targets is OMIT else [f.target_health(t, port) for t in targets]
    inner = entry(INNER, [https_listener(INNER)])
    return elbv2(entry(nlb, [tcp]), inner, target_groups=[f.tg_entry(tg, attrs=[], health=health)])


def test_no_waf_fires_on_an_internal_alb_behind_an_internet_facing_nlb() -> None:
    [finding] = fails("lb.no_waf", snap(nlb_to_inner(), wafv2(), cloudfront(), no_accelerators()))
    assert finding.resource.id == INNER_ARN
    assert finding.message.startswith("internal ALB without a web ACL, reached from the internet")
    [path] = finding.evidence["reached_through"]
    assert path[0].startswith("network internet-facing arn:aws:elasticloadbalancing:")
    assert "target group to-inner (alb)" in path
    assert path[-1] == f"application internal {INNER_ARN}"


def test_no_waf_fires_on_an_internal_alb_fronted_by_an_accelerator() -> None:
    acc = f.accelerator("static-ips")
    li = f.ga_listener(acc)
    group = f.endpoint_group(li, f.REGION, [f.ga_endpoint(INNER_ARN)])
    accs = no_accelerators(f.accelerator_entry(acc, [f.ga_listener_entry(li, [group])]))
    s = snap(elbv2(entry(INNER, [https_listener(INNER)])), wafv2(), cloudfront(), accs)
    [finding] = fails("lb.no_waf", s)
    assert finding.evidence["reached_through"] == [
        [f"accelerator {acc['AcceleratorArn']}", f"application internal {INNER_ARN}"]
    ]


def test_no_waf_passes_an_internal_alb_behind_an_internal_nlb() -> None:
    s = snap(nlb_to_inner(scheme="internal"), wafv2(), cloudfront(), no_accelerators())
    assert run_check("lb.no_waf", s) == []


def test_no_waf_passes_an_nlb_exposed_alb_with_a_web_acl() -> None:
    acl = f.web_acl_entry(f.web_acl(), resources=[INNER_ARN])
    assert (
        run_check("lb.no_waf", snap(nlb_to_inner(), wafv2(acl), cloudfront(), no_accelerators()))
        == []
    )


def test_no_waf_unknown_when_accelerators_were_not_collected() -> None:
    s = snap(nlb_to_inner(scheme="internal"), wafv2(), cloudfront())
    [finding] = unknowns("lb.no_waf", s)
    assert "Global Accelerator not collected" in finding.message


def test_no_waf_unknown_when_the_alb_target_group_targets_were_not_read() -> None:
    s = snap(nlb_to_inner(targets=OMIT), wafv2(), cloudfront(), no_accelerators())
    [finding] = unknowns("lb.no_waf", s)
    assert "alb-type target group not collected" in finding.message


def test_no_waf_unknown_when_waf_was_not_read() -> None:
    gap = f.gap("wafv2", "ListWebACLs", region=f.REGION)
    [finding] = unknowns("lb.no_waf", scan(cloudfront(), ec2(ANYWHERE), gaps=[gap]))
    assert "WAF associations" in finding.message
    assert unknowns("lb.no_waf", scan(cloudfront(), ec2(ANYWHERE)))


def test_no_waf_unknown_when_distributions_were_not_collected() -> None:
    [finding] = unknowns("lb.no_waf", scan(wafv2(), ec2()))
    assert "distributions not collected" in finding.message


def test_no_waf_unknown_when_the_lockdown_cannot_be_decided() -> None:
    [finding] = unknowns("lb.no_waf", scan(wafv2(), fronted()))
    assert finding.evidence["network"]["state"] == "unknown"
    assert unknowns("lb.no_waf", scan(wafv2(), fronted(), ec2(prefix_lists=OMIT)))
    rules_unread = https_listener(ALB, default=[f.fixed_response()], rules=OMIT)
    assert unknowns("lb.no_waf", scan(wafv2(), fronted(), ec2(), listener=rules_unread))


def test_no_waf_fires_when_a_locked_cloudfront_origin_is_also_behind_an_nlb() -> None:
    nlb = lb("edge", "network")
    tcp = f.listener_entry(f.listener(nlb, 443, "TCP", [f.forward(ALB_TG)]), certificates=[])
    tg = f.target_group(
        "to-inner", protocol="TCP", port=443, target_type="alb", lb_arns=[nlb["LoadBalancerArn"]]
    )
    health = [f.target_health(ALB["LoadBalancerArn"], 443)]
    payload = elbv2(
        entry(ALB, [locked_listener()]),
        entry(nlb, [tcp]),
        target_groups=[f.tg_entry(tg, attrs=[], health=health)],
    )
    s = snap(payload, wafv2(), fronted(), ec2(), no_accelerators())
    [finding] = fails("lb.no_waf", s)
    assert finding.message.startswith(
        "internet-facing ALB without a web ACL, reached from the internet through network "
    )
    assert len(finding.evidence["reached_through"]) == 1


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
NO_ACL = f.payload("wafv2", {"scope": "REGIONAL", "web_acls": []}, region=f.REGION)


def with_waf(snapshot: Snapshot) -> Snapshot:
    """The snapshot with the region's (empty) WAFv2 associations collected."""
    return f.snapshot(*snapshot.payloads, NO_ACL)


def redirect_80(b: dict[str, Any]) -> dict[str, Any]:
    """HTTP:80 that only redirects to HTTPS."""
    return lbs.http_listener(b)


# -- behind CloudFront through a name whose zone's records were not read -----------------------
def _hidden_origin_estate() -> Snapshot:
    """An open ALB; the only distribution's origin is origin.example.com, in a public zone of
    the snapshot whose record sets could not be read (ListResourceRecordSets denied)."""
    b = o.balancer()
    dist = o.distribution(f.custom_origin("alb", "origin.example.com", headers={}))
    zone = f.zone_entry(f.hosted_zone("Z1", "example.com"), f.OMIT)
    return o.snap(
        o.lb_payload(b, o.open_listener(b)),
        o.ec2(o.group(o.anywhere())),
        o.cloudfront(dist),
        lbs.route53(zone),
        f.payload("wafv2", {"scope": "REGIONAL", "web_acls": []}, region=f.REGION),
    )


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


def test_no_waf_unknown_when_an_origin_name_is_in_a_zone_whose_records_were_not_read() -> None:
    [finding] = unknowns("lb.no_waf", _hidden_origin_estate())
    assert "whether CloudFront fronts it is unknown" in finding.message
