"""origin.alb_bypass, origin.secret_header_not_enforced, origin.prefix_list_only."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks import lb_snapshots as lbs
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check, unknowns

BYPASS = "origin.alb_bypass"
NOT_ENFORCED = "origin.secret_header_not_enforced"
PL_ONLY = "origin.prefix_list_only"


# -- origin.alb_bypass ------------------------------------------------------------------------
def test_alb_bypass_fires_open_group_and_default_forward() -> None:
    snap = o.alb_estate(o.open_listener, perms=[o.anywhere(443)])
    [finding] = fails(BYPASS, snap)
    assert finding.resource.id == f.lb_arn("web")
    assert finding.evidence == {
        "distributions": ["E1CDN"],
        "secret_headers": ["x-origin-verify"],
        "bypass": [
            {
                "listener": "HTTPS:443",
                "open_sources": ["sg-0web:0.0.0.0/0"],
                "forwards": ["HTTPS:443 default action"],
            }
        ],
    }
    assert "around CloudFront" in finding.message


def test_alb_bypass_fires_on_all_traffic_rule_ipv6_and_port_ranges() -> None:
    all_traffic = f.permission(protocol="-1", cidrs=["0.0.0.0/0"])
    assert len(fails(BYPASS, o.alb_estate(o.open_listener, perms=[all_traffic]))) == 1
    ranged = o.anywhere(400, 500)
    assert len(fails(BYPASS, o.alb_estate(o.open_listener, perms=[ranged]))) == 1
    dual = o.balancer()
    dual["IpAddressType"] = "dualstack"
    snap = o.alb_estate(o.open_listener, perms=[o.anywhere(443, v6=True)], b=dual)
    [finding] = fails(BYPASS, snap)
    assert finding.evidence["bypass"][0]["open_sources"] == ["sg-0web:::/0"]


def test_alb_bypass_fires_when_an_earlier_rule_forwards_without_the_header() -> None:
    def listener(b: dict[str, object]) -> dict[str, object]:
        li = lbs.https_listener(b, default=[f.fixed_response()])
        return lbs.with_rules(
            li,
            lbs.rule(li, 5, [o.path("/api/*")]),
            lbs.rule(li, 10, [o.secret_condition()]),
        )

    [finding] = fails(BYPASS, o.alb_estate(listener, perms=[o.anywhere()]))
    assert finding.evidence["bypass"][0]["forwards"] == ["HTTPS:443 rule 5"]


def test_alb_bypass_fires_when_header_value_or_name_differs_or_is_a_wildcard() -> None:
    for cond in (
        o.secret_condition(o.OTHER_SECRET),
        o.secret_condition(name="X-Other"),
        o.secret_condition("*"),
        f.condition("http-header", [o.SECRET, "plain"], HttpHeaderName=o.HEADER),
    ):

        def listener(b: dict[str, object], cond: dict[str, object] = cond) -> dict[str, object]:
            li = lbs.https_listener(b, default=[f.fixed_response()])
            return lbs.with_rules(li, lbs.rule(li, 10, [cond]))

        assert len(fails(BYPASS, o.alb_estate(listener, perms=[o.anywhere()]))) == 1, cond


def test_alb_bypass_fires_when_cloudfront_sends_no_header() -> None:
    snap = o.alb_estate(o.locked_listener, perms=[o.anywhere()], headers={})
    [finding] = fails(BYPASS, snap)
    assert finding.evidence["secret_headers"] == []


def test_alb_bypass_passes_when_the_header_is_required() -> None:
    assert run_check(BYPASS, o.alb_estate(o.locked_listener, perms=[o.anywhere()])) == []


def test_alb_bypass_passes_when_a_catch_all_deny_precedes_the_forward() -> None:
    def listener(b: dict[str, object]) -> dict[str, object]:
        li = lbs.https_listener(b)  # default forwards, but is never reached without the header
        return lbs.with_rules(
            li,
            lbs.rule(li, 1, [o.secret_condition()]),
            lbs.rule(li, 2, [o.path("*")], [f.fixed_response()]),
            lbs.rule(li, 3, [o.path("/api/*")]),
        )

    assert run_check(BYPASS, o.alb_estate(listener, perms=[o.anywhere()])) == []


def test_alb_bypass_passes_for_internal_only_source_rules() -> None:
    def listener(b: dict[str, object]) -> dict[str, object]:
        li = lbs.https_listener(b, default=[f.fixed_response()])
        internal = f.condition("source-ip", ["10.0.0.0/8"])
        return lbs.with_rules(
            li, lbs.rule(li, 1, [internal]), lbs.rule(li, 2, [o.secret_condition()])
        )

    assert run_check(BYPASS, o.alb_estate(listener, perms=[o.anywhere()])) == []


def test_alb_bypass_passes_when_only_the_prefix_list_or_narrow_sources_are_admitted() -> None:
    perms = [
        o.cloudfront_only(443),
        f.permission(443, cidrs=["203.0.113.0/24"]),
        f.permission(443, groups=["sg-0peer"]),
        o.anywhere(80),  # not a listener port
    ]
    assert run_check(BYPASS, o.alb_estate(o.open_listener, perms=perms)) == []


def test_alb_bypass_passes_for_ipv6_anywhere_on_an_ipv4_alb() -> None:
    snap = o.alb_estate(o.open_listener, perms=[o.anywhere(443, v6=True)])
    assert run_check(BYPASS, snap) == []


def test_alb_bypass_passes_when_not_behind_cloudfront_or_internal() -> None:
    other = o.distribution(f.custom_origin("api", "api.example.com"))
    assert (
        run_check(BYPASS, o.alb_estate(o.open_listener, perms=[o.anywhere()], dists=[other])) == []
    )
    disabled = o.distribution(o.alb_origin(o.balancer()), enabled=False)
    snap = o.alb_estate(o.open_listener, perms=[o.anywhere()], dists=[disabled])
    assert run_check(BYPASS, snap) == []
    internal = o.balancer(scheme="internal")
    snap = o.alb_estate(o.open_listener, perms=[o.anywhere()], b=internal)
    assert run_check(BYPASS, snap) == []


def test_alb_bypass_unknown_when_security_groups_not_collected() -> None:
    [finding] = unknowns(BYPASS, o.alb_estate(o.open_listener, groups=OMIT))
    assert "security groups were not collected" in finding.message


def test_alb_bypass_unknown_when_rules_not_collected_and_port_open() -> None:
    def listener(b: dict[str, object]) -> dict[str, object]:
        return lbs.https_listener(b, default=[f.fixed_response()], rules=OMIT)

    [finding] = unknowns(BYPASS, o.alb_estate(listener, perms=[o.anywhere()]))
    assert "HTTPS:443 rules not collected" in finding.message


def test_alb_bypass_unknown_for_customer_prefix_list_or_missing_cloudfront_list() -> None:
    snap = o.alb_estate(o.open_listener, perms=[f.permission(443, prefix_lists=["pl-0cust"])])
    [finding] = unknowns(BYPASS, snap)
    assert "pl-0cust" in finding.message
    snap = o.alb_estate(o.open_listener, perms=[o.cloudfront_only()], prefix_lists=OMIT)
    assert len(unknowns(BYPASS, snap)) == 1


def test_alb_bypass_unknown_when_fronting_undecided_but_otherwise_open() -> None:
    [finding] = unknowns(BYPASS, o.alb_estate(o.open_listener, perms=[o.anywhere()], dists=OMIT))
    assert "whether CloudFront fronts it is unknown" in finding.message
    closed = o.alb_estate(o.open_listener, perms=[o.cloudfront_only()], dists=OMIT)
    assert run_check(BYPASS, closed) == []


def test_alb_bypass_unknown_when_listeners_not_collected() -> None:
    b = o.balancer()
    snap = o.snap(
        o.lb_payload(b, omit_listeners=True),
        o.ec2(o.group(o.anywhere())),
        o.cloudfront(o.distribution(o.alb_origin(b))),
    )
    assert len(unknowns(BYPASS, snap)) == 1


def _second_secret(b: dict[str, object]) -> dict[str, object]:
    """Forwards with our secret (digest) or an exact plaintext value (another party's secret)."""
    li = lbs.https_listener(b, default=[f.fixed_response()])
    theirs = f.condition("http-header", ["plain-b-secret"], HttpHeaderName="X-Origin-Verify")
    return lbs.with_rules(li, lbs.rule(li, 1, [o.secret_condition()]), lbs.rule(li, 2, [theirs]))


def _with_uncollected_account(snap: Snapshot) -> Snapshot:
    """Account B joins the snapshot (its route53 read), its distributions not collected."""
    other = f.payload(
        "route53", {"hosted_zones": [], "query_logging_configs": []}, account=f.ACCOUNT_B
    )
    return o.snap(*snap.payloads, other)


def test_alb_bypass_unknown_when_guard_may_be_an_uncollected_distributions_secret() -> None:
    snap = _with_uncollected_account(o.alb_estate(_second_secret, perms=[o.anywhere()]))
    [finding] = unknowns(BYPASS, snap)
    assert "may be the secrets of distributions not collected" in finding.message
    # all accounts' distributions known: another party's value is just not our secret
    assert len(fails(BYPASS, o.alb_estate(_second_secret, perms=[o.anywhere()]))) == 1
    # a gap guarded by nothing still fails
    snap = _with_uncollected_account(o.alb_estate(o.open_listener, perms=[o.anywhere()]))
    assert len(fails(BYPASS, snap)) == 1


# -- origin.secret_header_not_enforced --------------------------------------------------------
def test_secret_header_not_enforced_fires_for_forward_without_header() -> None:
    snap = o.alb_estate(o.open_listener, perms=[o.cloudfront_only()])
    [finding] = fails(NOT_ENFORCED, snap)
    assert finding.evidence["forwards_without_header"] == ["HTTPS:443 default action"]
    assert finding.evidence["secret_headers"] == ["x-origin-verify"]
    assert finding.evidence["distributions"] == ["E1CDN"]


def test_secret_header_not_enforced_fires_for_internal_alb_too() -> None:
    internal = o.balancer(scheme="internal")
    assert len(fails(NOT_ENFORCED, o.alb_estate(o.open_listener, b=internal))) == 1


def test_secret_header_not_enforced_passes_when_required_or_not_sent() -> None:
    assert run_check(NOT_ENFORCED, o.alb_estate(o.locked_listener)) == []
    assert run_check(NOT_ENFORCED, o.alb_estate(o.open_listener, headers={})) == []


def test_secret_header_not_enforced_passes_with_any_fronting_secret() -> None:
    b = o.balancer()
    dists = [
        o.distribution(o.alb_origin(b)),
        o.distribution(o.alb_origin(b, {o.HEADER: o.OTHER_SECRET}), dist_id="E2CDN"),
    ]

    def listener(b: dict[str, object]) -> dict[str, object]:
        li = lbs.https_listener(b, default=[f.fixed_response()])
        cond = f.condition("http-header", [o.SECRET, o.OTHER_SECRET], HttpHeaderName=o.HEADER)
        return lbs.with_rules(li, lbs.rule(li, 1, [cond]))

    assert run_check(NOT_ENFORCED, o.alb_estate(listener, b=b, dists=dists)) == []


def test_secret_header_not_enforced_unknown_when_rules_not_collected() -> None:
    def listener(b: dict[str, object]) -> dict[str, object]:
        return lbs.https_listener(b, default=[f.fixed_response()], rules=OMIT)

    [finding] = unknowns(NOT_ENFORCED, o.alb_estate(listener))
    assert finding.evidence["not_collected"] == ["HTTPS:443 rules"]


def test_secret_header_not_enforced_unknown_when_distributions_not_collected() -> None:
    assert len(unknowns(NOT_ENFORCED, o.alb_estate(o.open_listener, dists=OMIT))) == 1


def test_secret_header_not_enforced_unknown_when_guard_may_be_uncollected_secret() -> None:
    snap = _with_uncollected_account(o.alb_estate(_second_secret))
    assert len(unknowns(NOT_ENFORCED, snap)) == 1
    assert len(fails(NOT_ENFORCED, o.alb_estate(_second_secret))) == 1


# -- origin.prefix_list_only ------------------------------------------------------------------
def test_prefix_list_only_fires_without_secret_header() -> None:
    snap = o.alb_estate(o.open_listener, perms=[o.cloudfront_only()], headers={})
    [finding] = fails(PL_ONLY, snap)
    assert finding.evidence["network"]["cloudfront_prefix_list_ports"] == [443]
    assert finding.evidence["header"]["state"] == "open"


def test_prefix_list_only_fires_when_header_sent_but_not_enforced() -> None:
    snap = o.alb_estate(o.open_listener, perms=[o.cloudfront_only()])
    [finding] = fails(PL_ONLY, snap)
    assert "HTTPS:443 default action" in finding.message


def test_prefix_list_only_fires_for_alb_no_distribution_fronts() -> None:
    other = o.distribution(f.custom_origin("api", "api.example.com"))
    snap = o.alb_estate(o.open_listener, perms=[o.cloudfront_only()], dists=[other])
    assert len(fails(PL_ONLY, snap)) == 1


def test_prefix_list_only_passes_with_secret_header_or_open_group() -> None:
    assert run_check(PL_ONLY, o.alb_estate(o.locked_listener, perms=[o.cloudfront_only()])) == []
    snap = o.alb_estate(o.open_listener, perms=[o.cloudfront_only(), o.anywhere()])
    assert run_check(PL_ONLY, snap) == []  # that is origin.alb_bypass
    snap = o.alb_estate(o.open_listener, perms=[f.permission(443, cidrs=["10.0.0.0/8"])])
    assert run_check(PL_ONLY, snap) == []  # not reachable by CloudFront at all


def test_prefix_list_only_passes_for_exact_header_check_of_an_unknown_distribution() -> None:
    other = o.distribution(f.custom_origin("api", "api.example.com"))

    def listener(b: dict[str, object]) -> dict[str, object]:
        li = lbs.https_listener(b, default=[f.fixed_response()])
        cond = f.condition("http-header", ["plain-secret"], HttpHeaderName="X-Edge")
        return lbs.with_rules(li, lbs.rule(li, 1, [cond]))

    snap = o.alb_estate(listener, perms=[o.cloudfront_only()], dists=[other])
    assert run_check(PL_ONLY, snap) == []


@pytest.mark.parametrize("what", ["groups", "prefix_lists"])
def test_prefix_list_only_unknown_when_network_not_collected(what: str) -> None:
    kwargs = {what: OMIT}
    snap = o.alb_estate(o.open_listener, perms=[o.cloudfront_only()], **kwargs)
    [finding] = unknowns(PL_ONLY, snap)
    assert "undecided" in finding.message


def test_prefix_list_only_unknown_when_listeners_not_collected() -> None:
    b = o.balancer()
    snap = o.snap(o.lb_payload(b, omit_listeners=True), o.ec2(o.group(o.cloudfront_only())))
    assert len(unknowns(PL_ONLY, snap)) == 1


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
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
