"""Review of the waf.* checks against realistic estates."""

from __future__ import annotations

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks import waf_snapshots as w
from tests.rules.checks.helpers import fails, run_check, unknowns

REGION = "us-east-1"


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


def test_missing_known_bad_inputs_passes_log4j_rule_overridden_to_challenge() -> None:
    use = w.group(w.KBI, overrides={"Log4JRCE_HEADER": "Challenge"})
    assert run_check("waf.missing_known_bad_inputs", w.only(use)) == []


def test_no_rate_based_rule_passes_with_a_rate_rule_inside_an_own_rule_group() -> None:
    group = f.rule_group("limits", [f.rule("per-ip", 1, f.rate_based(2000))])
    web = w.entry(w.acl(f.rule("limits", 1, f.group_ref(group["ARN"]), override="None")))
    assert run_check("waf.no_rate_based_rule", w.with_alb(web, rule_groups=[group])) == []
