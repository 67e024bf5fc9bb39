"""Review: origin.* checks on realistic-but-unusual estates (redirect listeners open to the
world beside a CloudFront-only HTTPS listener, origins named in zones whose records were not
read, ...)."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks import lb_snapshots as lbs
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check, unknowns


def redirect_80(b: dict[str, Any]) -> dict[str, Any]:
    """HTTP:80 that only redirects to HTTPS."""
    return lbs.http_listener(b)


# -- origin.prefix_list_only ------------------------------------------------------------------
def test_prefix_list_only_fires_beside_a_redirect_listener_open_to_the_internet() -> None:
    # The common shape: HTTP:80 redirect open to 0.0.0.0/0, HTTPS:443 forwarding, admitted only
    # from the CloudFront prefix list, no secret header. The redirect reaches no target.
    s = o.alb_estate(
        o.open_listener, redirect_80, perms=[o.cloudfront_only(443), o.anywhere(80)], headers={}
    )
    [finding] = fails("origin.prefix_list_only", s)
    assert finding.evidence["network"]["cloudfront_prefix_list_ports"] == [443]
    assert finding.evidence["network"]["ports"] == [443]


def test_prefix_list_only_passes_when_a_forwarding_port_admits_the_internet() -> None:
    s = o.alb_estate(o.open_listener, perms=[o.cloudfront_only(443), o.anywhere(443)], headers={})
    assert run_check("origin.prefix_list_only", s) == []


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


def test_alb_bypass_unknown_when_an_origin_name_is_in_a_zone_whose_records_were_not_read() -> None:
    [finding] = unknowns("origin.alb_bypass", _hidden_origin_estate())
    assert "whether CloudFront fronts it is unknown" in finding.message


def test_alb_bypass_passes_when_the_origin_name_is_in_no_zone_of_the_snapshot() -> None:
    # DNS hosted elsewhere: "behind CloudFront" is matched by the snapshot's records only.
    b = o.balancer()
    dist = o.distribution(f.custom_origin("alb", "origin.example.org", headers={}))
    s = o.snap(
        o.lb_payload(b, o.open_listener(b)), o.ec2(o.group(o.anywhere())), o.cloudfront(dist)
    )
    assert run_check("origin.alb_bypass", s) == []


def test_no_waf_unknown_when_an_origin_name_is_in_a_zone_whose_records_were_not_read() -> None:
    [finding] = unknowns("lb.no_waf", _hidden_origin_estate())
    assert "whether CloudFront fronts it is unknown" in finding.message


def test_secret_header_not_enforced_unknown_only_when_the_hidden_origin_sends_headers() -> None:
    # Without custom headers the hidden origin cannot make the ALB's rules a "lock": pass.
    assert run_check("origin.secret_header_not_enforced", _hidden_origin_estate()) == []
    b = o.balancer()
    dist = o.distribution(
        f.custom_origin("alb", "origin.example.com", headers={o.HEADER: o.SECRET})
    )
    zone = f.zone_entry(f.hosted_zone("Z1", "example.com"), f.OMIT)
    s = o.snap(o.lb_payload(b, o.open_listener(b)), o.cloudfront(dist), lbs.route53(zone))
    [finding] = unknowns("origin.secret_header_not_enforced", s)
    assert "origin.example.com" in finding.message


# -- origin.https_port_without_listener / keepalive: weighted records to several ALBs ---------
def _blue_green(green_listener: Any, *, green_attrs: Any = None) -> Snapshot:
    """origin app.example.com → weighted alias records → blue (HTTPS:443) and green ALBs."""
    blue, green = o.balancer("blue"), o.balancer("green")
    records = [
        f.alias_record(
            "app.example.com.",
            f"dualstack.{o.dns(x)}.",
            f.ALB_ZONE,
            SetIdentifier=x["LoadBalancerName"],
            Weight=50,
        )
        for x in (blue, green)
    ]
    zone = f.zone_entry(f.hosted_zone("Z1", "example.com"), records)
    elb = lbs.elbv2(
        lbs.entry(blue, [o.open_listener(blue)]),
        lbs.entry(green, [green_listener(green)], attrs=green_attrs),
    )
    dist = o.distribution(f.custom_origin("app", "app.example.com"))
    return o.snap(elb, o.cloudfront(dist), lbs.route53(zone))


def test_https_port_without_listener_fires_when_one_weighted_target_lacks_https() -> None:
    [finding] = fails("origin.https_port_without_listener", _blue_green(lbs.http_listener))
    assert finding.evidence["load_balancer"] == o.balancer("green")["LoadBalancerArn"]


def test_https_port_without_listener_passes_when_every_weighted_target_has_https() -> None:
    assert run_check("origin.https_port_without_listener", _blue_green(o.open_listener)) == []


def test_keepalive_exceeds_idle_timeout_fires_for_one_weighted_target() -> None:
    short = f.attributes(f.ALB_DEFAULT_ATTRIBUTES, idle_timeout__timeout_seconds="5")
    [finding] = fails(
        "origin.keepalive_exceeds_idle_timeout", _blue_green(o.open_listener, green_attrs=short)
    )
    assert finding.evidence["idle_timeout_seconds"] == 5
