"""waf.classic_in_use."""

from __future__ import annotations

from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns

REGION = "us-east-1"


def _classic(*entries: dict[str, object], regional: bool = False) -> dict[str, object]:
    collector = "waf-regional" if regional else "waf"
    return f.payload(
        collector, {"web_acls": list(entries)}, region=REGION if regional else "global"
    )


def test_classic_in_use_fires_for_collected_global_and_regional_acls() -> None:
    glob = f.classic_acl("g-1", "global-acl", rules=[f.classic_rule("r1", 1)])
    reg = f.classic_acl("r-1", "regional-acl", regional=True)
    snap = f.snapshot(
        _classic(f.classic_acl_entry(glob)),
        _classic(f.classic_acl_entry(reg, resources=[]), regional=True),
    )
    found = {x.resource.id: x for x in fails("waf.classic_in_use", snap)}
    assert set(found) == {glob["WebACLArn"], reg["WebACLArn"]}
    assert found[glob["WebACLArn"]].evidence == {
        "source": "inventory",
        "name": "global-acl",
        "rules": 1,
    }
    assert found[glob["WebACLArn"]].resource.type == "AWS::WAF::WebACL"
    assert found[reg["WebACLArn"]].resource.type == "AWS::WAFRegional::WebACL"
    assert found[reg["WebACLArn"]].resource.region == REGION


def test_classic_in_use_fires_from_a_distribution_webaclid_without_the_collector() -> None:
    dist = f.distribution("E1", web_acl="0f1e2d3c-classic-id")
    snap = f.snapshot(f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}))
    [finding] = fails("waf.classic_in_use", snap)
    assert finding.resource.id == f"arn:aws:waf::{f.ACCOUNT}:webacl/0f1e2d3c-classic-id"
    assert finding.evidence == {"source": "distribution WebACLId", "distributions": ["E1"]}


def test_classic_in_use_fires_from_an_api_stage_webaclarn() -> None:
    arn = f"arn:aws:waf-regional:{REGION}:{f.ACCOUNT}:webacl/c-9"
    api = f.rest_api_entry(f.rest_api("a1"), stages=[f.rest_stage("prod", web_acl=arn)])
    snap = f.snapshot(f.payload("apigateway", {"rest_apis": [api]}, region=REGION))
    [finding] = fails("waf.classic_in_use", snap)
    assert finding.resource.id == arn
    assert finding.evidence["stages"] == [f"arn:aws:apigateway:{REGION}::/restapis/a1/stages/prod"]


def test_classic_in_use_merges_reference_and_inventory() -> None:
    glob = f.classic_acl("g-1", "global-acl")
    dist = f.distribution("E1", web_acl="g-1")
    snap = f.snapshot(
        _classic(f.classic_acl_entry(glob)),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
    )
    [finding] = fails("waf.classic_in_use", snap)
    assert finding.evidence == {
        "source": "inventory",
        "name": "global-acl",
        "rules": 0,
        "distributions": ["E1"],
    }


def test_classic_in_use_passes_with_wafv2_only() -> None:
    web = f.web_acl("edge", scope="CLOUDFRONT")
    dist = f.distribution("E1", web_acl=web["ARN"])
    snap = f.snapshot(
        _classic(),
        _classic(regional=True),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
    )
    assert run_check("waf.classic_in_use", snap) == []


def test_classic_in_use_unknown_when_listing_denied() -> None:
    snap = f.snapshot(
        _classic(),
        gaps=[f.gap("waf-regional", "ListWebACLs", region=REGION)],
        targets=[(f.ACCOUNT, REGION)],
    )
    [finding] = unknowns("waf.classic_in_use", snap)
    assert finding.evidence == {"units": [f"waf-regional {REGION}"]}
    assert finding.resource.id == f"arn:aws:iam::{f.ACCOUNT}:root"


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
# -- classic_in_use ------------------------------------------------------------------------------
def _cdn_only() -> dict[str, object]:
    dist = f.distribution("E1", web_acl=f.waf_arn("webacl", "edge", "1", scope="CLOUDFRONT"))
    return f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]})


def test_classic_in_use_unknown_when_classic_waf_was_not_collected() -> None:
    """No waf / waf-regional payload and no gap: the service was not collected, which says
    nothing about classic ACLs (never a pass)."""
    snap = f.snapshot(_cdn_only(), targets=[(f.ACCOUNT, REGION)])
    [finding] = unknowns("waf.classic_in_use", snap)
    assert finding.evidence == {"units": ["waf global", f"waf-regional {REGION}"]}


def test_classic_in_use_unknown_when_one_target_region_was_not_collected() -> None:
    snap = f.snapshot(
        _cdn_only(),
        f.payload("waf", {"web_acls": []}),
        f.payload("waf-regional", {"web_acls": []}, region=REGION),
        targets=[(f.ACCOUNT, REGION), (f.ACCOUNT, "eu-west-1")],
    )
    [finding] = unknowns("waf.classic_in_use", snap)
    assert finding.evidence == {"units": ["waf-regional eu-west-1"]}


def test_classic_in_use_passes_when_every_classic_unit_was_listed_empty() -> None:
    snap = f.snapshot(
        _cdn_only(),
        f.payload("waf", {"web_acls": []}),
        f.payload("waf-regional", {"web_acls": []}, region=REGION),
        targets=[(f.ACCOUNT, REGION)],
    )
    assert run_check("waf.classic_in_use", snap) == []


def test_classic_in_use_fires_from_a_reference_even_without_the_collectors() -> None:
    dist = f.distribution("E1", web_acl="0f1e2d3c-classic-id")
    snap = f.snapshot(
        f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
        targets=[(f.ACCOUNT, REGION)],
    )
    assert len(fails("waf.classic_in_use", snap)) == 1
