"""redundancy.alb_single_lambda, public_alb_behind_cdn, redirect_only_lb, nlb_to_alb."""

from __future__ import annotations

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.plan import patterns as p
from tests.rules.checks.helpers import fails, run_check, unknowns

FN = "lambda:arn:aws:lambda:us-east-1:111111111111:function:app"
ELB = "arn:aws:elasticloadbalancing:us-east-1:111111111111"
APP_ALB = f"{ELB}:loadbalancer/app/app-alb/50dc6c495c0c9188"


def test_alb_single_lambda_fires_with_the_path_to_the_function() -> None:
    [found] = fails("redundancy.alb_single_lambda", p.alb_single_lambda())
    path = found.evidence["path"]
    assert path[0] == "cloudfront:E1LAMBDA" and path[-1] == FN
    assert any(n.startswith("lb:") for n in path) and any(n.startswith("tg:") for n in path)
    assert found.evidence["functions"] == [FN.removeprefix("lambda:")]


def test_alb_single_lambda_passes_when_the_alb_authenticates() -> None:
    assert run_check("redundancy.alb_single_lambda", p.alb_single_lambda(auth=True)) == []


def test_alb_single_lambda_passes_when_a_record_points_at_the_alb() -> None:
    assert run_check("redundancy.alb_single_lambda", p.alb_single_lambda(direct_record=True)) == []


def test_alb_single_lambda_unknown_when_rules_not_collected() -> None:
    [found] = unknowns("redundancy.alb_single_lambda", p.alb_single_lambda(rules_collected=False))
    assert "not collected" in found.message


def test_public_alb_behind_cdn_fires_with_the_lock_machinery() -> None:
    [found] = fails("redundancy.public_alb_behind_cdn", p.public_alb())
    ev = found.evidence
    assert ev["lockdown"] == "locked" and ev["target_types"] == ["instance"]
    assert ev["path"][0] == "cloudfront:E1WEB" and ev["path"][-1].startswith("target:")


def test_public_alb_behind_cdn_passes_when_an_accelerator_also_uses_it() -> None:
    assert run_check("redundancy.public_alb_behind_cdn", p.public_alb(accelerator=True)) == []


def test_public_alb_behind_cdn_unknown_when_records_not_collected() -> None:
    [found] = unknowns("redundancy.public_alb_behind_cdn", p.public_alb(records_denied=True))
    assert "cannot be ruled out" in found.message


def test_redirect_only_lb_fires_with_the_actions() -> None:
    [found] = fails("redundancy.redirect_only_lb", p.redirect_only())
    assert found.evidence["actions"] == [
        "HTTP:80 default: redirect",
        "HTTPS:443 rule 5: fixed-response",
        "HTTPS:443 default: redirect",
    ]
    assert found.evidence["path"][0] == "dns:old.example.com"


def test_redirect_only_lb_passes_when_a_rule_forwards() -> None:
    assert run_check("redundancy.redirect_only_lb", p.redirect_only(forwards=True)) == []


def test_redirect_only_lb_unknown_when_listeners_not_collected() -> None:
    [found] = unknowns("redundancy.redirect_only_lb", p.redirect_only(listeners=False))
    assert found.message == "listeners were not collected"


def test_nlb_to_alb_fires_with_the_vpc_endpoint_pre_check() -> None:
    [found] = fails("redundancy.nlb_to_alb", p.nlb_to_alb())
    ev = found.evidence
    assert ev["pre_checks"][0].startswith("vpc_endpoint_service: not collected")
    assert "pre-check" in found.message
    assert ev["path"] == [
        "dns:tcp.example.com",
        f"lb:{ELB}:loadbalancer/net/edge-nlb/50dc6c495c0c9188",
        f"listener:{ELB}:listener/net/edge-nlb/50dc6c495c0c9188/l00443",
        f"rule:{ELB}:listener-rule/net/edge-nlb/50dc6c495c0c9188/l00443/default",
        f"tg:{ELB}:targetgroup/to-alb/73e2d6bc24d8a067",
        f"target:{ELB}:targetgroup/to-alb/73e2d6bc24d8a067:{APP_ALB}:443",
        f"lb:{APP_ALB}",
        f"listener:{ELB}:listener/app/app-alb/50dc6c495c0c9188/l00443",
        f"rule:{ELB}:listener-rule/app/app-alb/50dc6c495c0c9188/l00443/default",
        f"tg:{ELB}:targetgroup/app-web/73e2d6bc24d8a067",
        f"target:{ELB}:targetgroup/app-web/73e2d6bc24d8a067:i-0app:80",
    ]
    assert ev["static_addresses"] == ["203.0.113.10", "203.0.113.11"]


def test_nlb_to_alb_passes_when_a_rest_vpc_link_needs_the_nlb() -> None:
    assert run_check("redundancy.nlb_to_alb", p.nlb_to_alb(vpc_link=True)) == []


def test_nlb_to_alb_unknown_when_vpc_links_not_collected() -> None:
    [found] = unknowns("redundancy.nlb_to_alb", p.nlb_to_alb(links_collected=False))
    assert "VPC links" in found.message


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
# -- guards: a Route 53 wildcard record in front of the ALB ------------------------------------
def _via_wildcard(snapshot: Snapshot) -> Snapshot:
    """The pattern with its distribution's ALB origin reached through *.example.com instead
    of the ALB's DNS name (the wildcard answers for every other name under example.com)."""
    alb_dns = ""
    for payload in snapshot.payloads:
        for dist in payload["data"].get("distributions") or ():
            for origin in dist["Distribution"]["DistributionConfig"]["Origins"]["Items"]:
                if ".elb." in origin["DomainName"]:
                    alb_dns, origin["DomainName"] = origin["DomainName"], "origin.example.com"
    for payload in snapshot.payloads:
        for zone in payload["data"].get("hosted_zones") or ():
            zone["ResourceRecordSets"].append(
                f.alias_record("*.example.com.", f"dualstack.{alb_dns}.", f.ALB_ZONE)
            )
    assert alb_dns
    return snapshot


def test_alb_single_lambda_passes_when_a_wildcard_record_sends_other_names_to_the_alb() -> None:
    assert run_check("redundancy.alb_single_lambda", _via_wildcard(p.alb_single_lambda())) == []


def test_public_alb_behind_cdn_passes_when_a_wildcard_record_sends_other_names_to_it() -> None:
    assert run_check("redundancy.public_alb_behind_cdn", _via_wildcard(p.public_alb())) == []
