"""waf.enforces_nothing, rule_shadowed, managed_group_count_only, managed_rules_overridden."""

from __future__ import annotations

from tests.model import factories as f
from tests.rules.checks import waf_snapshots as w
from tests.rules.checks.helpers import fails, run_check, unknowns
from tests.rules.checks.waf_snapshots import (
    CRS,
    KBI,
    REGION,
    acl,
    entry,
    group,
    only,
    regional,
    with_alb,
)

SUMMARY = regional(f.web_acl_summary_entry(acl(f.rule("sqli", 1, f.sqli())), logging=None))
OWN = f.rule_group(
    "own",
    [f.rule("own-sqli", 0, f.sqli()), f.rule("own-xss", 1, f.xss(), action="Count")],
)
OWN_ARN: str = OWN["ARN"]


def _with_group(*rules: dict[str, object], default: str = "Allow") -> object:
    return with_alb(entry(acl(*rules, default=default)), rule_groups=[OWN])


# -- enforces_nothing --------------------------------------------------------------------------
def test_enforces_nothing_fires_when_every_rule_counts() -> None:
    snap = only(
        f.rule("sqli", 1, f.sqli(), action="Count"),
        group(CRS, 2, override="Count"),
        f.rule("office", 3, f.ip_set_ref("arn:x"), action="Allow"),
    )
    [finding] = fails("waf.enforces_nothing", snap)
    assert finding.evidence == {
        "default_action": "Allow",
        "rules": [CRS, "office", "sqli"],
    }


def test_enforces_nothing_fires_when_own_group_overridden_to_count() -> None:
    ref = f.rule("own", 1, f.group_ref(OWN_ARN, {"own-sqli": "Count"}), override="None")
    [finding] = fails("waf.enforces_nothing", _with_group(ref))  # type: ignore[arg-type]
    assert "none of the 1 rule(s)" in finding.message


def test_enforces_nothing_passes_with_a_blocking_rule_or_block_default() -> None:
    assert run_check("waf.enforces_nothing", only(f.rule("sqli", 1, f.sqli()))) == []
    counting = f.rule("sqli", 1, f.sqli(), action="Count")
    assert run_check("waf.enforces_nothing", only(counting, default="Block")) == []


def test_enforces_nothing_passes_with_captcha_challenge_or_enforcing_group() -> None:
    assert run_check("waf.enforces_nothing", only(f.rule("c", 1, f.sqli(), action="Captcha"))) == []
    assert run_check("waf.enforces_nothing", only(group(KBI, 1))) == []
    ref = f.rule("own", 1, f.group_ref(OWN_ARN), override="None")
    assert run_check("waf.enforces_nothing", _with_group(ref)) == []  # type: ignore[arg-type]


def test_enforces_nothing_passes_on_an_empty_acl() -> None:
    assert run_check("waf.enforces_nothing", only()) == []  # waf.acl_empty reports it


def test_enforces_nothing_unknown_when_rules_or_group_not_collected() -> None:
    assert len(unknowns("waf.enforces_nothing", SUMMARY)) == 1
    ref = f.rule("own", 1, f.group_ref(OWN_ARN), override="None")
    snap = only(ref, f.rule("sqli", 2, f.sqli(), action="Count"))  # group not in the payload
    assert len(unknowns("waf.enforces_nothing", snap)) == 1


# -- rule_shadowed -----------------------------------------------------------------------------
WIDE = f.ip_set("wide", ["10.0.0.0/8"], ident="w1")
NARROW = f.ip_set("narrow", ["10.1.0.0/16", "10.2.3.4/32"], ident="n1")


def test_rule_shadowed_fires_for_ip_set_superset() -> None:
    rules = [
        f.rule("late", 20, f.ip_set_ref(NARROW["ARN"]), action="Block"),
        f.rule("block-wide", 10, f.ip_set_ref(WIDE["ARN"]), action="Block"),
    ]
    snap = with_alb(entry(acl(*rules)), ip_sets=[WIDE, NARROW])
    [finding] = fails("waf.rule_shadowed", snap)
    assert finding.evidence == {
        "shadowing_rule": "block-wide",
        "shadowing_priority": 10,
        "shadowing_action": "Block",
        "shadowed_rule": "late",
        "shadowed_priority": 20,
        "reason": "IP set superset",
    }


def test_rule_shadowed_fires_for_match_all_identical_and_uri_prefix() -> None:
    rules = [
        f.rule("api", 1, f.byte_match(b"/api"), action="Allow"),
        f.rule("api-v2", 2, f.byte_match(b"/api/v2"), action="Block"),
        f.rule("geo", 3, f.geo_match(["RU"])),
        f.rule("geo-count", 4, f.geo_match(["RU"]), action="Count"),
        f.rule("everything", 5, f.byte_match(b"/"), action="Block"),
        group(CRS, 6),
    ]
    found = {
        (x.evidence["shadowing_rule"], x.evidence["shadowed_rule"], x.evidence["reason"])
        for x in fails("waf.rule_shadowed", only(*rules))
    }
    assert found == {
        ("api", "api-v2", "URI prefix"),
        ("geo", "geo-count", "identical statement"),
        ("everything", CRS, "match-all"),
    }


def test_rule_shadowed_passes_for_narrower_first_and_count_or_captcha_earlier() -> None:
    rules = [
        f.rule("narrow", 1, f.ip_set_ref(NARROW["ARN"])),
        f.rule("wide", 2, f.ip_set_ref(WIDE["ARN"])),
        f.rule("all-count", 3, f.byte_match(b"/"), action="Count"),
        f.rule("all-captcha", 4, f.byte_match(b"/"), action="Captcha"),
        f.rule("sqli", 5, f.sqli()),
    ]
    snap = with_alb(entry(acl(*rules)), ip_sets=[WIDE, NARROW])
    assert run_check("waf.rule_shadowed", snap) == []


def test_rule_shadowed_passes_when_forwarded_ip_configs_differ() -> None:
    rules = [
        f.rule("wide", 1, f.ip_set_ref(WIDE["ARN"], f.forwarded(position="FIRST"))),
        f.rule("narrow", 2, f.ip_set_ref(NARROW["ARN"])),
    ]
    snap = with_alb(entry(acl(*rules)), ip_sets=[WIDE, NARROW])
    assert run_check("waf.rule_shadowed", snap) == []


def test_rule_shadowed_unknown_when_ip_set_not_collected() -> None:
    rules = [
        f.rule("wide", 1, f.ip_set_ref(WIDE["ARN"])),
        f.rule("narrow", 2, f.ip_set_ref(NARROW["ARN"])),
    ]
    data = {"scope": "REGIONAL", "web_acls": [entry(acl(*rules))]}  # ip_sets not collected
    snap = f.snapshot(f.payload("wafv2", data, region=REGION))
    [finding] = unknowns("waf.rule_shadowed", snap)
    assert finding.evidence == {"pairs": [["wide", "narrow"]]}
    assert len(unknowns("waf.rule_shadowed", SUMMARY)) == 1


# -- managed_group_count_only ------------------------------------------------------------------
def test_managed_group_count_only_fires() -> None:
    fms = f.fms_group("fms-kbi", 0, f.managed_group(KBI), override="Count")
    snap = with_alb(entry(acl(group(CRS, 1, override="Count"), group(KBI, 2), fms_pre=[fms])))
    [finding] = fails("waf.managed_group_count_only", snap)
    assert finding.evidence == {
        "groups": [
            {"rule": "fms-kbi", "priority": 0, "source": "firewall_manager", "group": f"AWS/{KBI}"},
            {"rule": CRS, "priority": 1, "source": "rule", "group": f"AWS/{CRS}"},
        ]
    }


def test_managed_group_count_only_passes_for_own_groups_and_none_override() -> None:
    ref = f.rule("own", 1, f.group_ref(OWN_ARN), override="Count")
    assert run_check("waf.managed_group_count_only", _with_group(ref, group(CRS, 2))) == []  # type: ignore[arg-type]


def test_managed_group_count_only_unknown_from_summary() -> None:
    assert len(unknowns("waf.managed_group_count_only", SUMMARY)) == 1


# -- managed_rules_overridden ------------------------------------------------------------------
def test_managed_rules_overridden_fires_with_overrides_and_excluded_rules() -> None:
    crs = f.rule(
        "crs",
        1,
        f.managed_group(
            CRS,
            excluded=["SizeRestrictions_BODY"],
            overrides={"NoUserAgent_HEADER": "Count", "CrossSiteScripting_BODY": "Block"},
        ),
        override="None",
    )
    kbi = f.rule(
        "kbi",
        2,
        f.managed_group(KBI, overrides={"Host_localhost_HEADER": "Allow"}),
        override="None",
    )
    [finding] = fails("waf.managed_rules_overridden", only(crs, kbi))
    assert finding.evidence["groups"] == [
        {
            "rule": "crs",
            "priority": 1,
            "source": "rule",
            "group": f"AWS/{CRS}",
            "overridden": [
                {"name": "NoUserAgent_HEADER", "action": "Count", "via": "RuleActionOverrides"},
                {"name": "SizeRestrictions_BODY", "action": "Count", "via": "ExcludedRules"},
            ],
        },
        {
            "rule": "kbi",
            "priority": 2,
            "source": "rule",
            "group": f"AWS/{KBI}",
            "overridden": [
                {"name": "Host_localhost_HEADER", "action": "Allow", "via": "RuleActionOverrides"}
            ],
        },
    ]
    assert finding.message.startswith("3 managed rule(s)")


def test_managed_rules_overridden_passes_for_stricter_overrides() -> None:
    crs = f.rule(
        "crs",
        1,
        f.managed_group(CRS, overrides={"NoUserAgent_HEADER": "Challenge", "X": "Block"}),
        override="None",
    )
    assert run_check("waf.managed_rules_overridden", only(crs)) == []


def test_managed_rules_overridden_unknown_from_summary() -> None:
    assert len(unknowns("waf.managed_rules_overridden", SUMMARY)) == 1


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
def test_enforces_nothing_passes_count_group_rule_overridden_to_captcha() -> None:
    group = f.rule_group("mine", [f.rule("geo", 1, f.geo_match(["KP"]), action="Count")])
    ref = f.rule("mine", 1, f.group_ref(group["ARN"], {"geo": "Captcha"}), override="None")
    snap = w.regional(w.entry(w.acl(ref)), rule_groups=[group])
    assert run_check("waf.enforces_nothing", snap) == []


def test_managed_rules_overridden_passes_overrides_to_challenge_and_captcha() -> None:
    use = w.group(
        w.CRS, overrides={"SizeRestrictions_BODY": "Challenge", "EC2MetaDataSSRF_BODY": "Captcha"}
    )
    assert run_check("waf.managed_rules_overridden", w.only(use)) == []
