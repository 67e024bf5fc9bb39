"""waf.acl_empty, logging_disabled, rule_metrics_disabled, unassociated_acl, capacity_over_1500,
duplicate_managed_group."""

from __future__ import annotations

from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.waf_snapshots import (
    CRS,
    KBI,
    acl,
    entry,
    group,
    only,
    regional,
    with_alb,
)

BLOCK_SQLI = f.rule("sqli", 1, f.sqli())


def _summary() -> object:
    return regional(f.web_acl_summary_entry(acl(BLOCK_SQLI), logging=None))


# -- acl_empty ---------------------------------------------------------------------------------
def test_acl_empty_fires_without_rules() -> None:
    [finding] = fails("waf.acl_empty", only())
    assert finding.evidence == {"default_action": "Allow"}
    assert "no rules" in finding.message


def test_acl_empty_passes_with_only_firewall_manager_groups() -> None:
    fms = f.fms_group("fms-baseline", 0, f.managed_group(CRS))
    snap = with_alb(entry(acl(fms_pre=[fms])))
    assert run_check("waf.acl_empty", snap) == []
    assert run_check("waf.acl_empty", only(BLOCK_SQLI)) == []


def test_acl_empty_unknown_when_rules_not_collected() -> None:
    [finding] = unknowns("waf.acl_empty", _summary())  # type: ignore[arg-type]
    assert finding.evidence == {"from_summary": True}


# -- logging_disabled --------------------------------------------------------------------------
def test_logging_disabled_fires_when_logging_is_none() -> None:
    [finding] = fails("waf.logging_disabled", only(BLOCK_SQLI, logging=None))
    assert finding.message == "web ACL has no logging configuration"


def test_logging_disabled_passes_with_a_configuration() -> None:
    assert run_check("waf.logging_disabled", only(BLOCK_SQLI)) == []


def test_logging_disabled_unknown_when_not_collected() -> None:
    snap = only(BLOCK_SQLI, logging=f.OMIT)
    assert fails("waf.logging_disabled", snap) == []
    assert len(unknowns("waf.logging_disabled", snap)) == 1


# -- rule_metrics_disabled ---------------------------------------------------------------------
def test_rule_metrics_disabled_fires_for_a_rule() -> None:
    quiet = f.rule("quiet", 2, f.xss(), metrics=False)
    [finding] = fails("waf.rule_metrics_disabled", only(BLOCK_SQLI, quiet))
    assert finding.evidence == {"acl_metrics_enabled": True, "rules": ["quiet"]}


def test_rule_metrics_disabled_fires_for_the_acl() -> None:
    snap = with_alb(entry(acl(BLOCK_SQLI, metrics=False)))
    [finding] = fails("waf.rule_metrics_disabled", snap)
    assert finding.evidence == {"acl_metrics_enabled": False, "rules": []}
    assert finding.message == "CloudWatch metrics disabled for the web ACL"


def test_rule_metrics_disabled_passes_when_all_enabled() -> None:
    assert run_check("waf.rule_metrics_disabled", only(BLOCK_SQLI, f.rule("x", 2, f.xss()))) == []


def test_rule_metrics_disabled_unknown_from_summary() -> None:
    assert len(unknowns("waf.rule_metrics_disabled", _summary())) == 1  # type: ignore[arg-type]


# -- unassociated_acl --------------------------------------------------------------------------
def test_unassociated_acl_fires_for_regional_acl_with_no_resources() -> None:
    [finding] = fails("waf.unassociated_acl", only(BLOCK_SQLI, resources=[]))
    assert finding.evidence == {"scope": "REGIONAL", "rules": 1}


def test_unassociated_acl_fires_for_cloudfront_acl_no_distribution_uses() -> None:
    web = f.web_acl("edge", scope="CLOUDFRONT")
    dist = f.distribution("E1", web_acl="")
    snap = f.snapshot(
        f.payload(
            "wafv2", {"scope": "CLOUDFRONT", "web_acls": [f.web_acl_entry(web, logging=None)]}
        ),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
    )
    [finding] = fails("waf.unassociated_acl", snap)
    assert finding.evidence["scope"] == "CLOUDFRONT"


def test_unassociated_acl_passes_when_a_distribution_uses_it() -> None:
    web = f.web_acl("edge", scope="CLOUDFRONT")
    dist = f.distribution("E1", web_acl=web["ARN"])
    snap = f.snapshot(
        f.payload(
            "wafv2", {"scope": "CLOUDFRONT", "web_acls": [f.web_acl_entry(web, logging=None)]}
        ),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
    )
    assert run_check("waf.unassociated_acl", snap) == []
    assert run_check("waf.unassociated_acl", only(BLOCK_SQLI)) == []


def test_unassociated_acl_unknown_when_associations_not_collected() -> None:
    assert len(unknowns("waf.unassociated_acl", only(BLOCK_SQLI, resources=f.OMIT))) == 1
    # CLOUDFRONT scope without the account's distributions: unknown as well
    web = f.web_acl("edge", scope="CLOUDFRONT")
    snap = f.snapshot(
        f.payload(
            "wafv2", {"scope": "CLOUDFRONT", "web_acls": [f.web_acl_entry(web, logging=None)]}
        )
    )
    assert len(unknowns("waf.unassociated_acl", snap)) == 1


# -- capacity_over_1500 ------------------------------------------------------------------------
def test_capacity_over_1500_fires() -> None:
    snap = with_alb(entry(acl(BLOCK_SQLI, capacity=1501)))
    [finding] = fails("waf.capacity_over_1500", snap)
    assert finding.evidence == {"capacity": 1501, "limit": 1500}


def test_capacity_over_1500_passes_at_the_limit() -> None:
    assert run_check("waf.capacity_over_1500", with_alb(entry(acl(capacity=1500)))) == []


def test_capacity_over_1500_unknown_from_summary() -> None:
    assert len(unknowns("waf.capacity_over_1500", _summary())) == 1  # type: ignore[arg-type]


# -- duplicate_managed_group -------------------------------------------------------------------
def test_duplicate_managed_group_fires_across_rules_and_versions() -> None:
    first = f.rule("crs-a", 1, f.managed_group(CRS, version="Version_1.10"), override="None")
    second = f.rule(
        "crs-b", 2, f.managed_group(CRS, scope_down=f.byte_match(b"/api")), override="Count"
    )
    [finding] = fails("waf.duplicate_managed_group", only(first, second, group(KBI, 3)))
    assert finding.evidence == {"groups": {f"AWS/{CRS}": ["crs-a", "crs-b"]}}


def test_duplicate_managed_group_fires_with_a_firewall_manager_copy() -> None:
    fms = f.fms_group("fms-crs", 0, f.managed_group(CRS))
    snap = with_alb(entry(acl(group(CRS, 1), fms_post=[fms])))
    [finding] = fails("waf.duplicate_managed_group", snap)
    assert finding.evidence == {
        "groups": {f"AWS/{CRS}": ["AWSManagedRulesCommonRuleSet", "fms-crs"]}
    }


def test_duplicate_managed_group_passes_with_distinct_groups_or_vendors() -> None:
    other_vendor = f.rule("f5", 2, f.managed_group(CRS, vendor="F5"), override="None")
    assert run_check("waf.duplicate_managed_group", only(group(CRS, 1), other_vendor)) == []


def test_duplicate_managed_group_unknown_from_summary() -> None:
    assert len(unknowns("waf.duplicate_managed_group", _summary())) == 1  # type: ignore[arg-type]
