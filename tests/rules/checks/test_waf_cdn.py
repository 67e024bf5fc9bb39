"""waf.client_ip_behind_cdn."""

from __future__ import annotations

import pytest

from edgekit.model.common import FrozenMap
from edgekit.model.wafv2.statements import LabelMatchStatement, RateBasedStatement
from edgekit.rules.checks.waf_cdn import peer_ip_use
from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks import waf_snapshots as w
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.waf_snapshots import ALB_ARN, acl, cdn_in_front, entry, only, with_alb

BLOCKED = f.ip_set("blocked", ["198.51.100.0/24"], ident="b9")


def test_client_ip_behind_cdn_fires_for_ip_rate_ip_set_and_geo() -> None:
    rules = (
        f.rule("rate", 1, f.rate_based(1000)),
        f.rule("deny", 2, f.ip_set_ref(BLOCKED["ARN"])),
        f.rule("geo", 3, f.and_(f.byte_match(b"/admin"), f.geo_match(["RU"])), action="Count"),
        f.rule("fine", 4, f.rate_based(1000, key="FORWARDED_IP", fwd=f.forwarded())),
    )
    snap = only(*rules, distributions=[cdn_in_front()])
    [finding] = fails("waf.client_ip_behind_cdn", snap)
    assert finding.evidence == {
        "rules": [
            {"rule": "rate", "priority": 1, "uses": ["rate-based per IP"]},
            {"rule": "deny", "priority": 2, "uses": ["IPSetReferenceStatement"]},
            {"rule": "geo", "priority": 3, "uses": ["GeoMatchStatement"]},
        ],
        "behind_cloudfront": [{"load_balancer": ALB_ARN, "distributions": ["E1CDN"]}],
    }


def test_client_ip_behind_cdn_fires_inside_referenced_group() -> None:
    group = f.rule_group("own", [f.rule("inner-rate", 0, f.rate_based(100))])
    ref = f.rule("own", 1, f.group_ref(group["ARN"]), override="None")
    snap = with_alb(entry(acl(ref)), rule_groups=[group], distributions=[cdn_in_front()])
    [finding] = fails("waf.client_ip_behind_cdn", snap)
    assert finding.evidence["rules"] == [
        {"rule": "own", "priority": 1, "uses": ["rate-based per IP"]}
    ]


def test_client_ip_behind_cdn_passes_with_forwarded_ip_configs() -> None:
    rules = (
        f.rule("rate", 1, f.rate_based(1000, key="FORWARDED_IP", fwd=f.forwarded())),
        f.rule("deny", 2, f.ip_set_ref(BLOCKED["ARN"], f.forwarded(position="FIRST"))),
        f.rule("geo", 3, f.geo_match(["RU"], f.forwarded())),
    )
    assert run_check("waf.client_ip_behind_cdn", only(*rules, distributions=[cdn_in_front()])) == []


def test_client_ip_behind_cdn_passes_when_alb_not_behind_cloudfront() -> None:
    other = f.distribution("E2", origins=[f.custom_origin("api", "api.example.com")])
    snap = only(f.rule("rate", 1, f.rate_based(1000)), distributions=[other])
    assert run_check("waf.client_ip_behind_cdn", snap) == []


def test_client_ip_behind_cdn_unknown_when_distributions_not_collected() -> None:
    snap = only(f.rule("rate", 1, f.rate_based(1000)), distributions=None)
    [finding] = unknowns("waf.client_ip_behind_cdn", snap)
    assert "behind CloudFront" in finding.message
    snap = only(f.rule("rate", 1, f.rate_based(1000)), resources=f.OMIT)
    assert len(unknowns("waf.client_ip_behind_cdn", snap)) == 1


def test_client_ip_behind_cdn_unknown_when_referenced_group_not_collected() -> None:
    ref = f.rule(
        "own",
        1,
        f.group_ref("arn:aws:wafv2:us-east-1:111111111111:regional/rulegroup/x/y"),
        override="None",
    )
    snap = only(ref, distributions=[cdn_in_front()])
    assert len(unknowns("waf.client_ip_behind_cdn", snap)) == 1


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            RateBasedStatement(10, "CUSTOM_KEYS", custom_keys=(FrozenMap({"IP": FrozenMap()}),)),
            "rate-based custom key IP",
        ),
        (
            RateBasedStatement(
                10, "CUSTOM_KEYS", custom_keys=(FrozenMap({"ForwardedIP": FrozenMap()}),)
            ),
            None,
        ),
        (RateBasedStatement(10, "CONSTANT"), None),
        (LabelMatchStatement("NAMESPACE", "awswaf:clientip:geo:country:"), "client IP label"),
        (LabelMatchStatement("NAMESPACE", "awswaf:forwardedip:geo:country:"), None),
    ],
)
def test_peer_ip_use(statement: object, expected: str | None) -> None:
    assert peer_ip_use(statement) == expected  # type: ignore[arg-type]


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
# -- client_ip_behind_cdn ------------------------------------------------------------------------
def _alb_not_collected(*distributions: dict[str, object]) -> Snapshot:
    """A REGIONAL ACL keyed on the peer IP, associated with an ALB whose region's load
    balancers were not collected (so its DNS name, which origins name, is unknown)."""
    web = w.entry(w.acl(f.rule("per-ip", 1, f.rate_based(100))))
    return w.regional(web, extra=(w.cloudfront(*distributions),))


def test_client_ip_behind_cdn_unknown_when_the_protected_alb_was_not_collected() -> None:
    """A distribution's origin names an ELB domain: without the ALB in the snapshot nothing
    says whether that is the protected ALB, so "not behind CloudFront" is not shown."""
    [finding] = unknowns("waf.client_ip_behind_cdn", _alb_not_collected(w.cdn_in_front()))
    assert finding.message == "cannot tell whether the protected ALB is behind CloudFront"


def test_client_ip_behind_cdn_passes_uncollected_alb_when_there_is_no_distribution() -> None:
    assert run_check("waf.client_ip_behind_cdn", _alb_not_collected()) == []


# -- realistic statement shapes (judged correct; locked) -----------------------------------------
def test_client_ip_behind_cdn_passes_custom_keys_on_the_forwarded_ip() -> None:
    rb = f.rate_based(100, key="CUSTOM_KEYS", fwd=f.forwarded())
    rb["RateBasedStatement"]["CustomKeys"] = [{"ForwardedIP": {}}, {"HTTPMethod": {}}]
    snap = w.only(f.rule("per-client", 1, rb), distributions=[w.cdn_in_front()])
    assert run_check("waf.client_ip_behind_cdn", snap) == []


def test_client_ip_behind_cdn_fires_for_a_peer_ip_set_in_a_rule_group_scope_down() -> None:
    """FORWARDED_IP rate limit, but scoped down to an IP set matched on the peer address,
    inside an own rule group."""
    ips = f.ip_set("office", ["203.0.113.0/24"])
    inner = f.rate_based(
        100, key="FORWARDED_IP", fwd=f.forwarded(), scope_down=f.ip_set_ref(ips["ARN"])
    )
    group = f.rule_group("limits", [f.rule("scoped", 1, inner)])
    web = w.entry(w.acl(f.rule("limits", 1, f.group_ref(group["ARN"]), override="None")))
    snap = w.with_alb(web, distributions=[w.cdn_in_front()], ip_sets=[ips], rule_groups=[group])
    [finding] = fails("waf.client_ip_behind_cdn", snap)
    assert finding.evidence["rules"] == [
        {"rule": "limits", "priority": 1, "uses": ["IPSetReferenceStatement"]}
    ]
