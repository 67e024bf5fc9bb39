"""WAF Classic (waf, waf-regional) collectors, Stubber-driven: moto 5.2.5 serves neither."""

from __future__ import annotations

from typing import Any

from tests.collect import shapes
from tests.collect.builders import assert_calls_declared, run
from tests.collect.stubs import Stubs

R = "eu-west-1"
ALB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/alb/0123456789abcdef"
STAGE = "arn:aws:apigateway:eu-west-1::/restapis/abc123/stages/prod"


def _acl(acl_id: str) -> dict[str, Any]:
    return {
        "WebACLId": acl_id,
        "Name": f"classic-{acl_id}",
        "MetricName": f"classic{acl_id}",
        "DefaultAction": {"Type": "ALLOW"},
        "Rules": [
            {"Priority": 1, "RuleId": "rule-1", "Action": {"Type": "BLOCK"}, "Type": "REGULAR"}
        ],
        "WebACLArn": f"arn:aws:waf::123456789012:webacl/{acl_id}",
    }


def test_global_acls_paginated_and_read() -> None:
    stubs = (
        Stubs("waf")
        .ok("list_web_acls", {"WebACLs": [{"WebACLId": "a1", "Name": "n"}], "NextMarker": "m"})
        .ok(
            "list_web_acls",
            {"WebACLs": [{"WebACLId": "a2", "Name": "n"}]},
            {"Limit": 100, "NextMarker": "m"},
        )
        .ok("get_web_acl", {"WebACL": _acl("a1")}, {"WebACLId": "a1"})
        .ok("get_web_acl", {"WebACL": _acl("a2")}, {"WebACLId": "a2"})
    )
    res = run("waf", "global", stubs)
    stubs.assert_done()
    assert res.error is None and res.gaps == []
    assert res.data == {"web_acls": [{"WebACL": _acl("a1")}, {"WebACL": _acl("a2")}]}
    for acl in res.data["web_acls"]:
        shapes.assert_conforms(acl["WebACL"], "waf", "GetWebACL", "WebACL")
    assert stubs.regions in (["us-east-1"], ["aws-global"])  # botocore names WAF's global endpoint
    assert_calls_declared(res)


def test_regional_acls_with_associations_of_both_types() -> None:
    stubs = (
        Stubs("waf-regional")
        .ok("list_web_acls", {"WebACLs": [{"WebACLId": "r1", "Name": "n"}]})
        .ok("get_web_acl", {"WebACL": _acl("r1")})
        .ok(
            "list_resources_for_web_acl",
            {"ResourceArns": [ALB]},
            {"WebACLId": "r1", "ResourceType": "APPLICATION_LOAD_BALANCER"},
        )
        .ok(
            "list_resources_for_web_acl",
            {"ResourceArns": [STAGE]},
            {"WebACLId": "r1", "ResourceType": "API_GATEWAY"},
        )
    )
    res = run("waf-regional", R, stubs)
    stubs.assert_done()
    assert res.data == {"web_acls": [{"WebACL": _acl("r1"), "ResourceArns": [ALB, STAGE]}]}
    assert stubs.regions == [R]
    assert res.calls == {
        ("waf-regional", "ListWebACLs"): 1,
        ("waf-regional", "GetWebACL"): 1,
        ("waf-regional", "ListResourcesForWebACL"): 2,
    }
    assert_calls_declared(res)


def test_no_acls_is_an_empty_list() -> None:
    stubs = Stubs("waf-regional").ok("list_web_acls", {"WebACLs": []})
    assert run("waf-regional", R, stubs).data == {"web_acls": []}
    stubs.assert_done()


def test_denied_listing_is_a_gap_and_nothing_collected() -> None:
    stubs = Stubs("waf").error("list_web_acls", "WAFAccessDeniedException")
    res = run("waf", "global", stubs)
    stubs.assert_done()
    assert res.data == {}
    assert [(g["operation"], g["error_code"]) for g in res.gaps] == [
        ("ListWebACLs", "WAFAccessDeniedException")
    ]


def test_denied_get_keeps_the_summary_and_denied_associations_are_absent() -> None:
    summary = {"WebACLId": "r1", "Name": "n"}
    stubs = (
        Stubs("waf-regional")
        .ok("list_web_acls", {"WebACLs": [summary]})
        .error("get_web_acl", "AccessDeniedException")
        .error("list_resources_for_web_acl", "AccessDeniedException")
    )
    res = run("waf-regional", R, stubs)
    stubs.assert_done()
    assert res.data == {"web_acls": [{"WebACLSummary": summary}]}
    assert [g["operation"] for g in res.gaps] == ["GetWebACL", "ListResourcesForWebACL"]


def test_acl_deleted_between_list_and_get_is_left_out() -> None:
    stubs = (
        Stubs("waf")
        .ok("list_web_acls", {"WebACLs": [{"WebACLId": "a1", "Name": "n"}]})
        .error("get_web_acl", "WAFNonexistentItemException")
    )
    res = run("waf", "global", stubs)
    stubs.assert_done()
    assert res.data == {"web_acls": []} and res.gaps == []
