"""waf.missing_common_rules, missing_known_bad_inputs, missing_ip_reputation,
missing_sqli_rules, no_rate_based_rule."""

from __future__ import annotations

from tests.model import factories as f
from tests.rules.checks import waf_snapshots as w
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.waf_snapshots import (
    ALB_ARN,
    CRS,
    KBI,
    LOG4J,
    REGION,
    acl,
    entry,
    group,
    only,
    regional,
    with_alb,
)

SUMMARY = regional(f.web_acl_summary_entry(acl(f.rule("sqli", 1, f.sqli())), logging=None))
IPREP = "AWSManagedRulesAmazonIpReputationList"
OWN = f.rule_group(
    "own",
    [
        f.rule("own-sqli", 0, f.and_(f.byte_match(b"/login"), f.sqli())),
        f.rule("own-rate", 1, f.rate_based(500)),
        f.rule("own-xss", 2, f.xss()),
        f.rule("own-size", 3, f.size_constraint()),
    ],
)
REF = f.rule("own", 5, f.group_ref(OWN["ARN"]), override="None")


# -- missing_common_rules ----------------------------------------------------------------------
def test_missing_common_rules_fires_on_internet_facing_acl() -> None:
    [finding] = fails("waf.missing_common_rules", only(group(KBI, 1)))
    assert finding.evidence == {"protects": [ALB_ARN], "custom_xss": False, "custom_size": False}


def test_missing_common_rules_fires_when_crs_only_counts_or_custom_rules_count() -> None:
    rules = (
        group(CRS, 1, override="Count"),
        f.rule("xss", 2, f.xss()),
        f.rule("size", 3, f.size_constraint(), action="Count"),
    )
    [finding] = fails("waf.missing_common_rules", only(*rules))
    assert (finding.evidence["custom_xss"], finding.evidence["custom_size"]) == (True, False)


def test_missing_common_rules_passes_with_crs_or_custom_xss_and_size() -> None:
    assert run_check("waf.missing_common_rules", only(group(CRS, 1))) == []
    custom = (f.rule("xss", 2, f.not_(f.not_(f.xss()))), f.rule("size", 3, f.size_constraint()))
    assert run_check("waf.missing_common_rules", only(*custom)) == []
    snap = with_alb(entry(acl(REF)), rule_groups=[OWN])
    assert run_check("waf.missing_common_rules", snap) == []


def test_missing_common_rules_passes_when_not_internet_facing() -> None:
    assert run_check("waf.missing_common_rules", only(group(KBI, 1), scheme="internal")) == []
    assert run_check("waf.missing_common_rules", only(group(KBI, 1), resources=[])) == []


def test_missing_common_rules_fires_on_an_internal_alb_behind_an_accelerator() -> None:
    alb_arn = f.load_balancer("web", scheme="internal")["LoadBalancerArn"]
    acc = f.accelerator("static-ips")
    li = f.ga_listener(acc)
    group_ = f.endpoint_group(li, f.REGION, [f.ga_endpoint(alb_arn)])
    accs = [f.accelerator_entry(acc, [f.ga_listener_entry(li, [group_])])]
    snap = with_alb(entry(acl(group(KBI, 1))), scheme="internal", accelerators=accs)
    [finding] = fails("waf.missing_common_rules", snap)
    assert finding.status.value == "fail"


def test_missing_common_rules_unknown_for_an_internal_alb_without_accelerator_data() -> None:
    snap = with_alb(entry(acl(group(KBI, 1))), scheme="internal", accelerators=None)
    assert len(unknowns("waf.missing_common_rules", snap)) == 1


def test_missing_common_rules_unknown_when_associations_or_rules_not_collected() -> None:
    [finding] = unknowns("waf.missing_common_rules", only(group(KBI, 1), resources=f.OMIT))
    assert "internet-facing" in finding.message
    assert len(unknowns("waf.missing_common_rules", SUMMARY)) == 1
    # the referenced group was not collected: it might hold the custom rules
    assert len(unknowns("waf.missing_common_rules", only(REF))) == 1


# -- missing_known_bad_inputs ------------------------------------------------------------------
def test_missing_known_bad_inputs_fires_without_the_group() -> None:
    [finding] = fails("waf.missing_known_bad_inputs", only(group(CRS, 1)))
    assert finding.message == "no enforcing AWSManagedRulesKnownBadInputsRuleSet"


def test_missing_known_bad_inputs_fires_when_count_only() -> None:
    [finding] = fails("waf.missing_known_bad_inputs", only(group(KBI, 1, override="Count")))
    assert "only with OverrideAction Count" in finding.message
    assert finding.evidence == {"count_only": [KBI]}


def test_missing_known_bad_inputs_fires_when_log4j_rules_overridden() -> None:
    overrides = {"Log4JRCE_HEADER": "Count", "PROPFIND_METHOD": "Count"}
    kbi = group(KBI, 1, overrides=overrides, excluded=["Log4JRCE_BODY"])
    [finding] = fails("waf.missing_known_bad_inputs", only(kbi))
    assert finding.message == "Log4JRCE rules overridden: Log4JRCE_BODY, Log4JRCE_HEADER"
    assert finding.evidence["groups"][0]["overridden"] == [
        {"name": "Log4JRCE_BODY", "action": "Count", "via": "ExcludedRules"},
        {"name": "Log4JRCE_HEADER", "action": "Count", "via": "RuleActionOverrides"},
    ]


def test_missing_known_bad_inputs_passes_with_enforcing_group() -> None:
    # other rules overridden, Log4J rules overridden to Block only: still protected
    overrides = {"PROPFIND_METHOD": "Count", **dict.fromkeys(LOG4J, "Block")}
    assert run_check("waf.missing_known_bad_inputs", only(group(KBI, 1, overrides=overrides))) == []
    # one clean enforcing copy is enough
    weak = f.rule("kbi-weak", 2, f.managed_group(KBI, excluded=list(LOG4J)), override="None")
    assert run_check("waf.missing_known_bad_inputs", only(group(KBI, 1), weak)) == []
    # a Firewall Manager group provides it too
    fms = f.fms_group("fms-kbi", 0, f.managed_group(KBI))
    assert run_check("waf.missing_known_bad_inputs", with_alb(entry(acl(fms_pre=[fms])))) == []


def test_missing_known_bad_inputs_unknown_from_summary() -> None:
    assert len(unknowns("waf.missing_known_bad_inputs", SUMMARY)) == 1


# -- missing_ip_reputation ---------------------------------------------------------------------
def test_missing_ip_reputation_fires() -> None:
    [finding] = fails("waf.missing_ip_reputation", only(group(CRS, 1)))
    assert IPREP in finding.message


def test_missing_ip_reputation_passes_even_in_count() -> None:
    assert run_check("waf.missing_ip_reputation", only(group(IPREP, 1, override="Count"))) == []
    fms = f.fms_group("fms", 0, f.managed_group(IPREP))
    assert run_check("waf.missing_ip_reputation", with_alb(entry(acl(fms_post=[fms])))) == []


def test_missing_ip_reputation_unknown_from_summary() -> None:
    assert len(unknowns("waf.missing_ip_reputation", SUMMARY)) == 1


# -- missing_sqli_rules ------------------------------------------------------------------------
def test_missing_sqli_rules_fires() -> None:
    [finding] = fails("waf.missing_sqli_rules", only(group(CRS, 1), f.rule("x", 2, f.xss())))
    assert "SqliMatchStatement" in finding.message


def test_missing_sqli_rules_passes_with_group_nested_or_own_group_statement() -> None:
    assert run_check("waf.missing_sqli_rules", only(group("AWSManagedRulesSQLiRuleSet", 1))) == []
    nested = f.rule("n", 1, f.or_(f.geo_match(["RU"]), f.not_(f.and_(f.xss(), f.sqli()))))
    assert run_check("waf.missing_sqli_rules", only(nested)) == []
    scoped = f.rule("rate", 1, f.rate_based(100, scope_down=f.sqli()))
    assert run_check("waf.missing_sqli_rules", only(scoped)) == []
    assert run_check("waf.missing_sqli_rules", with_alb(entry(acl(REF)), rule_groups=[OWN])) == []
    vendor = f.rule("f5", 1, f.managed_group("SQLi_Signatures", vendor="F5"), override="None")
    assert run_check("waf.missing_sqli_rules", only(vendor)) == []


def test_missing_sqli_rules_unknown_when_group_or_rules_not_collected() -> None:
    [finding] = unknowns("waf.missing_sqli_rules", only(REF))
    assert finding.evidence == {"rule_groups": [OWN["ARN"]]}
    assert len(unknowns("waf.missing_sqli_rules", SUMMARY)) == 1


# -- no_rate_based_rule ------------------------------------------------------------------------
def test_no_rate_based_rule_fires_on_internet_facing_acl() -> None:
    [finding] = fails("waf.no_rate_based_rule", only(group(CRS, 1)))
    assert finding.evidence == {"protects": [ALB_ARN]}


def test_no_rate_based_rule_fires_for_cloudfront_scope_on_enabled_distribution() -> None:
    web = f.web_acl("edge", scope="CLOUDFRONT", rules=[group(CRS, 1)])
    dist = f.distribution("E1", web_acl=web["ARN"])
    snap = f.snapshot(
        f.payload(
            "wafv2", {"scope": "CLOUDFRONT", "web_acls": [f.web_acl_entry(web, logging=None)]}
        ),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
    )
    [finding] = fails("waf.no_rate_based_rule", snap)
    assert finding.evidence == {"protects": [dist["ARN"]]}


def test_no_rate_based_rule_passes_nested_in_group_or_not_facing() -> None:
    nested = f.rule("n", 1, f.or_(f.geo_match(["RU"]), f.rate_based(100)), action="Count")
    assert run_check("waf.no_rate_based_rule", only(nested)) == []
    assert run_check("waf.no_rate_based_rule", with_alb(entry(acl(REF)), rule_groups=[OWN])) == []
    assert run_check("waf.no_rate_based_rule", only(group(CRS, 1), scheme="internal")) == []
    web = f.web_acl("edge", scope="CLOUDFRONT", rules=[group(CRS, 1)])
    disabled = f.distribution("E1", web_acl=web["ARN"], enabled=False)
    snap = f.snapshot(
        f.payload(
            "wafv2", {"scope": "CLOUDFRONT", "web_acls": [f.web_acl_entry(web, logging=None)]}
        ),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(disabled)]}),
    )
    assert run_check("waf.no_rate_based_rule", snap) == []


def test_no_rate_based_rule_unknown_when_not_collected() -> None:
    assert len(unknowns("waf.no_rate_based_rule", only(group(CRS, 1), resources=f.OMIT))) == 1
    assert len(unknowns("waf.no_rate_based_rule", only(REF))) == 1
    assert len(unknowns("waf.no_rate_based_rule", SUMMARY)) == 1
    # associated with an API stage while API Gateway was not collected
    stage = f"arn:aws:apigateway:{REGION}::/restapis/abc123/stages/prod"
    assert len(unknowns("waf.no_rate_based_rule", only(group(CRS, 1), resources=[stage]))) == 1


def test_no_rate_based_rule_fires_for_a_public_api_stage_not_for_a_private_one() -> None:
    stage_arn = f"arn:aws:apigateway:{REGION}::/restapis/a1/stages/prod"
    for types, expected in ((["REGIONAL"], 1), (["PRIVATE"], 0)):
        api = f.rest_api_entry(f.rest_api("a1", types=types), stages=[f.rest_stage("prod")])
        snap = regional(
            entry(acl(group(CRS, 1)), resources=[stage_arn]),
            extra=[f.payload("apigateway", {"rest_apis": [api]}, region=REGION)],
        )
        assert len(fails("waf.no_rate_based_rule", snap)) == expected, types
        assert unknowns("waf.no_rate_based_rule", snap) == []


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
def test_missing_known_bad_inputs_passes_log4j_rule_overridden_to_challenge() -> None:
    use = w.group(w.KBI, overrides={"Log4JRCE_HEADER": "Challenge"})
    assert run_check("waf.missing_known_bad_inputs", w.only(use)) == []


def test_no_rate_based_rule_passes_with_a_rate_rule_inside_an_own_rule_group() -> None:
    group = f.rule_group("limits", [f.rule("per-ip", 1, f.rate_based(2000))])
    web = w.entry(w.acl(f.rule("limits", 1, f.group_ref(group["ARN"]), override="None")))
    assert run_check("waf.no_rate_based_rule", w.with_alb(web, rule_groups=[group])) == []
