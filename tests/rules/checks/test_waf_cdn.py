"""waf.client_ip_behind_cdn."""

from __future__ import annotations

import pytest

from edgekit.model.common import FrozenMap
from edgekit.model.wafv2.statements import LabelMatchStatement, RateBasedStatement
from edgekit.rules.checks.waf_cdn import peer_ip_use
from tests.model import factories as f
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
