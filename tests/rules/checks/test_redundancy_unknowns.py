"""The unknown branches of the load-balancer redundancy checks, one test each.

Each test takes the firing snapshot of a pattern (tests/plan/patterns.py) and removes exactly the
data a branch depends on, as a denied read would (a key absent = not collected). A check that
returned ``None`` there instead of ``Unknown`` would claim a near-miss it cannot know.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.plan import patterns as p
from tests.rules.checks.helpers import fails, run_check, unknowns


def _edit(snap: Snapshot, collector: str, change: Callable[[dict[str, Any]], None]) -> Snapshot:
    """A copy of ``snap`` whose ``collector`` payloads went through ``change``."""
    out = copy.deepcopy(snap)
    for payload in out.payloads:
        if payload["collector"] == collector:
            change(payload["data"])
    return out


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.pop(key, None)


def _lb_entry(data: dict[str, Any], name: str) -> dict[str, Any]:
    [entry] = [e for e in data["load_balancers"] if e["LoadBalancer"]["LoadBalancerName"] == name]
    return entry


def _without_listeners(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda data: _lb_entry(data, name).pop("Listeners")


def _without_rules(name: str, port: int) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for li in _lb_entry(data, name)["Listeners"]:
            if li["Listener"]["Port"] == port:
                li.pop("Rules")

    return change


# -- alb_single_lambda ---------------------------------------------------------------------------
def test_alb_single_lambda_unknown_when_the_target_group_was_not_collected() -> None:
    snap = _edit(p.alb_single_lambda(), "elbv2", _drop("target_groups"))
    [found] = unknowns("redundancy.alb_single_lambda", snap)
    assert found.message == "the forwarded target group was not collected"
    assert found.evidence["target_group"].startswith("arn:aws:elasticloadbalancing:")


def test_alb_single_lambda_unknown_when_distributions_were_not_collected() -> None:
    snap = _edit(p.alb_single_lambda(), "cloudfront", _drop("distributions"))
    [found] = unknowns("redundancy.alb_single_lambda", snap)
    assert "CloudFront" in found.message or "distribution" in found.message


def test_alb_single_lambda_unknown_when_other_clients_cannot_be_ruled_out() -> None:
    snap = _edit(p.alb_single_lambda(), "route53", _drop("hosted_zones"))
    [found] = unknowns("redundancy.alb_single_lambda", snap)
    assert "cannot be ruled out" in found.message
    assert found.evidence["path"][0] == "cloudfront:E1LAMBDA"


# -- public_alb_behind_cdn -----------------------------------------------------------------------
def test_public_alb_behind_cdn_unknown_when_listeners_were_not_collected() -> None:
    snap = _edit(p.public_alb(), "elbv2", _without_listeners("web-alb"))
    [found] = unknowns("redundancy.public_alb_behind_cdn", snap)
    assert found.message == "listeners or rules were not collected"


def test_public_alb_behind_cdn_unknown_when_target_groups_were_not_collected() -> None:
    snap = _edit(p.public_alb(), "elbv2", _drop("target_groups"))
    [found] = unknowns("redundancy.public_alb_behind_cdn", snap)
    assert found.message == "target groups were not collected"


# -- redirect_only_lb ----------------------------------------------------------------------------
def test_redirect_only_lb_unknown_when_a_redirecting_listeners_rules_were_not_collected() -> None:
    snap = _edit(p.redirect_only(), "elbv2", _without_rules("redirect-alb", 443))
    [found] = unknowns("redundancy.redirect_only_lb", snap)
    assert found.message == "rules of HTTPS:443 were not collected"


def test_redirect_only_lb_passes_when_rules_are_missing_but_the_default_forwards() -> None:
    snap = p.redirect_only(forwards=True)

    def forward_by_default(data: dict[str, Any]) -> None:
        [tg] = data["target_groups"]
        for li in _lb_entry(data, "redirect-alb")["Listeners"]:
            if li["Listener"]["Port"] == 443:
                li["Listener"]["DefaultActions"] = [
                    {"Type": "forward", "TargetGroupArn": tg["TargetGroup"]["TargetGroupArn"]}
                ]
                li.pop("Rules")

    assert run_check("redundancy.redirect_only_lb", _edit(snap, "elbv2", forward_by_default)) == []


# -- nlb_to_alb ----------------------------------------------------------------------------------
def test_nlb_to_alb_unknown_when_listeners_were_not_collected() -> None:
    snap = _edit(p.nlb_to_alb(), "elbv2", _without_listeners("edge-nlb"))
    [found] = unknowns("redundancy.nlb_to_alb", snap)
    assert found.message == "listeners were not collected"


def test_nlb_to_alb_unknown_when_target_groups_were_not_collected() -> None:
    snap = _edit(p.nlb_to_alb(), "elbv2", _drop("target_groups"))
    [found] = unknowns("redundancy.nlb_to_alb", snap)
    assert found.message == "target groups were not collected"


# -- double_waf ----------------------------------------------------------------------------------
def _waf_scope(
    scope: str, change: Callable[[dict[str, Any]], None]
) -> Callable[[dict[str, Any]], None]:
    def in_scope(data: dict[str, Any]) -> None:
        if data.get("scope") == scope:
            change(data)

    return in_scope


def _associations_unread(data: dict[str, Any]) -> None:
    for entry in data["web_acls"]:
        entry.pop("ResourceArns", None)


def _rules_unread(data: dict[str, Any]) -> None:
    data["web_acls"] = [f.web_acl_summary_entry(e["WebACL"]) for e in data["web_acls"]]


def test_double_waf_unknown_when_the_regions_associations_were_not_collected() -> None:
    snap = _edit(p.double_waf(), "wafv2", _waf_scope("REGIONAL", _associations_unread))
    [found] = unknowns("redundancy.double_waf", snap)
    assert found.message == "WAF associations of the region were not collected"


def test_double_waf_unknown_when_distributions_were_not_collected() -> None:
    snap = _edit(p.double_waf(), "cloudfront", _drop("distributions"))
    [found] = unknowns("redundancy.double_waf", snap)
    assert found.message.startswith("whether CloudFront fronts it is unknown")


def test_double_waf_unknown_when_the_distributions_web_acl_was_not_collected() -> None:
    snap = _edit(p.double_waf(), "wafv2", _waf_scope("CLOUDFRONT", _drop("web_acls")))
    [found] = unknowns("redundancy.double_waf", snap)
    assert found.message == "web ACL of E1WAF was not collected"


def test_double_waf_unknown_when_web_acl_rules_were_not_collected() -> None:
    snap = _edit(p.double_waf(), "wafv2", _waf_scope("CLOUDFRONT", _rules_unread))
    [found] = unknowns("redundancy.double_waf", snap)
    assert found.message == "web ACL rules were not collected"


def test_double_waf_unknown_when_the_lockdown_is_undecided() -> None:
    [found] = unknowns("redundancy.double_waf", p.double_waf(sg_collected=False))
    assert found.message == "WAF twice on the path; origin lockdown undecided"
    assert found.evidence["common_managed_groups"] == ["AWS/AWSManagedRulesCommonRuleSet"]


# -- accelerator_and_cdn, apigw_proxy_to_alb -----------------------------------------------------
def test_accelerator_and_cdn_unknown_when_distributions_were_not_collected() -> None:
    snap = _edit(p.accelerator_and_cdn(), "cloudfront", _drop("distributions"))
    [found] = unknowns("redundancy.accelerator_and_cdn", snap)
    assert found.message.startswith("whether CloudFront fronts it is unknown")


def test_apigw_proxy_to_alb_unknown_when_other_clients_cannot_be_ruled_out() -> None:
    snap = _edit(p.apigw_proxy(), "route53", _drop("hosted_zones"))
    [found] = unknowns("redundancy.apigw_proxy_to_alb", snap)
    assert found.message == "a plain proxy; other clients cannot be ruled out (records)"
    assert found.evidence["path"][0] == "cloudfront:E1API"


def test_apigw_proxy_to_alb_unknown_when_usage_plans_were_not_collected() -> None:
    snap = _edit(p.apigw_proxy(), "apigateway", _drop("usage_plans"))
    [found] = unknowns("redundancy.apigw_proxy_to_alb", snap)
    assert found.message == "usage plans were not collected"


def test_apigw_proxy_to_alb_unknown_when_http_api_routes_were_not_collected() -> None:
    def routes_unread(data: dict[str, Any]) -> None:
        for entry in data["apis"]:
            entry.pop("Routes")

    snap = _edit(p.http_api_proxy(), "apigatewayv2", routes_unread)
    [found] = unknowns("redundancy.apigw_proxy_to_alb", snap)
    assert found.message == "the API's routes or integrations were not collected"


def test_apigw_proxy_to_alb_unknown_when_the_integrations_listener_was_not_collected() -> None:
    snap = _edit(p.http_api_proxy(), "elbv2", _without_listeners("http-alb"))
    [found] = unknowns("redundancy.apigw_proxy_to_alb", snap)
    assert found.message == "the integration's listener was not collected"


# -- unreferenced_entrypoint with CloudWatch metrics (CHECKS.md v2) -------------------------------
def _with_requests(snap: Snapshot, values: list[float] | None) -> Snapshot:
    """``snap`` plus a cloudwatch payload: the orphan ALB's RequestCount (None: denied)."""
    from tests.rules.checks.test_traffic import cloudwatch, series

    out = copy.deepcopy(snap)
    [lb] = next(p for p in out.payloads if p["collector"] == "elbv2")["data"]["load_balancers"]
    arn = lb["LoadBalancer"]["LoadBalancerArn"]
    items = None if values is None else [series(arn, "RequestCount", values)]
    out.payloads.append(cloudwatch(items))
    return out


def test_unreferenced_entrypoint_fires_stating_zero_requests_as_fact() -> None:
    [found] = fails("redundancy.unreferenced_entrypoint", _with_requests(p.unreferenced(), []))
    assert found.evidence["requests_in_window"] == 0
    assert found.evidence["request_metrics"].startswith("0 requests between ")


def test_unreferenced_entrypoint_passes_when_metrics_show_requests() -> None:
    snap = _with_requests(p.unreferenced(), [0.0, 12.0])
    assert run_check("redundancy.unreferenced_entrypoint", snap) == []


def test_unreferenced_entrypoint_says_why_requests_are_unknown() -> None:
    found = run_check("redundancy.unreferenced_entrypoint", _with_requests(p.unreferenced(), None))
    assert len(found) == 1
    assert found[0].evidence["request_metrics"].startswith("requests in the window unknown")
