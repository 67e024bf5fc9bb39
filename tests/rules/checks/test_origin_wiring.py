"""origin.https_port_without_listener, origin.keepalive_exceeds_idle_timeout."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks import lb_snapshots as lbs
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check, unknowns

HTTPS_PORT = "origin.https_port_without_listener"
KEEPALIVE = "origin.keepalive_exceeds_idle_timeout"


def estate(
    *listeners: dict[str, Any] | None,
    origin: dict[str, Any] | None = None,
    attrs: Any = None,
    b: dict[str, Any] | None = None,
    with_lb: bool = True,
) -> Snapshot:
    """E1CDN → ALB ``b`` with ``listeners`` (a None listener: listeners not collected)."""
    b = b or o.balancer()
    dist = o.distribution(origin or o.alb_origin(b))
    payloads = [o.cloudfront(dist)]
    if with_lb:
        omit = any(li is None for li in listeners)
        real = [li for li in listeners if li is not None]
        payloads.append(o.lb_payload(b, *real, attrs=attrs, omit_listeners=omit))
    return o.snap(*payloads)


# -- origin.https_port_without_listener -------------------------------------------------------
def test_https_port_without_listener_fires_when_no_listener_on_port() -> None:
    b = o.balancer()
    snap = estate(o.open_listener(b, 8443), lbs.http_listener(b), b=b)
    [finding] = fails(HTTPS_PORT, snap)
    assert finding.evidence == {
        "origin": "alb",
        "origin_protocol_policy": "https-only",
        "https_port": 443,
        "load_balancer": b["LoadBalancerArn"],
        "listeners": ["HTTP:80", "HTTPS:8443"],
    }
    assert "no listener there" in finding.message


def test_https_port_without_listener_fires_for_http_listener_and_match_viewer() -> None:
    b = o.balancer()
    plain = lbs.http_listener(b, port=443)
    [finding] = fails(HTTPS_PORT, estate(plain, b=b))
    assert "an HTTP listener" in finding.message
    match = o.alb_origin(b, policy="match-viewer")
    [finding] = fails(HTTPS_PORT, estate(plain, origin=match, b=b))
    assert "HTTPS viewers" in finding.message


def test_https_port_without_listener_passes_with_https_listener_or_http_only() -> None:
    b = o.balancer()
    assert run_check(HTTPS_PORT, estate(o.open_listener(b), b=b)) == []
    custom_port = o.alb_origin(b, https_port=8443)
    assert run_check(HTTPS_PORT, estate(o.open_listener(b, 8443), origin=custom_port, b=b)) == []
    http_only = o.alb_origin(b, policy="http-only")
    assert run_check(HTTPS_PORT, estate(lbs.http_listener(b), origin=http_only, b=b)) == []


def test_https_port_without_listener_passes_for_non_alb_origins() -> None:
    origin = f.custom_origin("web", "www.example.com")
    assert run_check(HTTPS_PORT, estate(origin=origin, with_lb=False)) == []
    nlb = f.load_balancer("tcp", "network")
    origin = f.custom_origin("nlb", o.dns(nlb))
    assert run_check(HTTPS_PORT, estate(lbs.http_listener(nlb), origin=origin, b=nlb)) == []


def test_https_port_without_listener_unknown_when_listeners_or_lb_not_collected() -> None:
    [finding] = unknowns(HTTPS_PORT, estate(None))
    assert "listeners of web were not collected" in finding.message
    [finding] = unknowns(HTTPS_PORT, estate(with_lb=False))
    assert "names a load balancer that was not collected" in finding.message


# -- origin.keepalive_exceeds_idle_timeout ----------------------------------------------------
def test_keepalive_exceeds_idle_timeout_fires_at_or_above_idle_timeout() -> None:
    b = o.balancer()
    attrs = f.attributes(f.ALB_DEFAULT_ATTRIBUTES, idle_timeout__timeout_seconds="30")
    snap = estate(o.open_listener(b), origin=o.alb_origin(b, keepalive=30), attrs=attrs, b=b)
    [finding] = fails(KEEPALIVE, snap)
    assert finding.evidence == {
        "origin": "alb",
        "origin_keepalive_timeout": 30,
        "idle_timeout_seconds": 30,
        "load_balancer": b["LoadBalancerArn"],
    }


def test_keepalive_exceeds_idle_timeout_fires_against_default_idle_timeout() -> None:
    b = o.balancer()
    attrs = f.attributes({"deletion_protection.enabled": "true"})  # idle timeout absent: 60 s
    snap = estate(o.open_listener(b), origin=o.alb_origin(b, keepalive=60), attrs=attrs, b=b)
    [finding] = fails(KEEPALIVE, snap)
    assert finding.evidence["idle_timeout_seconds"] == 60


def test_keepalive_exceeds_idle_timeout_passes_below_idle_timeout() -> None:
    b = o.balancer()
    snap = estate(o.open_listener(b), origin=o.alb_origin(b, keepalive=59), b=b)
    assert run_check(KEEPALIVE, snap) == []


def test_keepalive_exceeds_idle_timeout_unknown_when_attributes_not_collected() -> None:
    b = o.balancer()
    snap = estate(o.open_listener(b), origin=o.alb_origin(b, keepalive=60), attrs=OMIT, b=b)
    [finding] = unknowns(KEEPALIVE, snap)
    assert "attributes of web were not collected" in finding.message


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
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
