"""The wafv2 collector against in-process moto: both scopes, logging, sets, associations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from edgekit.aws.session import SessionSpec
from edgekit.collect import wafv2
from tests.collect import shapes
from tests.collect.builders import (
    ACCOUNT,
    VISIBILITY,
    answer,
    assert_calls_declared,
    fail,
    load_balancer,
    network,
    run,
    shared_moto,
)

R = "eu-west-1"
LOGS = "arn:aws:firehose:us-east-1:123456789012:deliverystream/aws-waf-logs-edge"


def _acl(waf: Any, name: str, scope: str, rules: list[dict[str, Any]] | None = None) -> str:
    acl = waf.create_web_acl(
        Name=name,
        Scope=scope,
        DefaultAction={"Allow": {}},
        Rules=rules or [],
        VisibilityConfig=VISIBILITY,
    )
    return str(acl["Summary"]["ARN"])


def _sets(waf: Any, scope: str) -> str:
    """An IP set, a regex pattern set and a rule group of ``scope``; returns the IP set ARN."""
    ip_set = waf.create_ip_set(
        Name=f"block-{scope.lower()}",
        Scope=scope,
        IPAddressVersion="IPV4",
        Addresses=["192.0.2.0/24"],
    )["Summary"]["ARN"]
    waf.create_regex_pattern_set(
        Name="paths", Scope=scope, RegularExpressionList=[{"RegexString": "^/admin"}]
    )
    waf.create_rule_group(Name="group", Scope=scope, Capacity=10, VisibilityConfig=VISIBILITY)
    return str(ip_set)


def _stage(region: str) -> str:
    """A REST API with one deployed stage; returns the stage ARN."""
    apigw = boto3.client("apigateway", region_name=region)
    api = apigw.create_rest_api(name="api")["id"]
    root = apigw.get_resources(restApiId=api)["items"][0]["id"]
    apigw.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(restApiId=api, resourceId=root, httpMethod="GET", type="MOCK")
    apigw.create_deployment(restApiId=api, stageName="prod")
    return f"arn:aws:apigateway:{region}::/restapis/{api}/stages/prod"


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, Any]]:
    """CLOUDFRONT scope: one logged ACL using an IP set. eu-west-1: two ACLs, ALBs, a stage."""
    with shared_moto():
        edge = boto3.client("wafv2", region_name="us-east-1")
        ip_set = _sets(edge, "CLOUDFRONT")
        rule = {
            "Name": "block",
            "Priority": 0,
            "Statement": {"IPSetReferenceStatement": {"ARN": ip_set}},
            "Action": {"Block": {}},
            "VisibilityConfig": VISIBILITY,
        }
        cf_acl = _acl(edge, "edge", "CLOUDFRONT", [rule])
        edge.put_logging_configuration(
            LoggingConfiguration={"ResourceArn": cf_acl, "LogDestinationConfigs": [LOGS]}
        )
        _acl(edge, "us-east-regional", "REGIONAL")  # must not appear in the CLOUDFRONT unit
        waf = boto3.client("wafv2", region_name=R)
        _sets(waf, "REGIONAL")
        app, idle = _acl(waf, "app", "REGIONAL"), _acl(waf, "idle", "REGIONAL")
        _, subnets = network(R)
        alb, other = load_balancer(R, "alb", subnets), load_balancer(R, "other", subnets)
        load_balancer(R, "nlb", subnets, "network")  # not an ALB: never looked up
        stage = _stage(R)
        for resource in (alb, stage):
            waf.associate_web_acl(WebACLArn=app, ResourceArn=resource)
        yield {
            "cf_acl": cf_acl,
            "app": app,
            "idle": idle,
            "alb": alb,
            "other": other,
            "stage": stage,
        }


def _acls(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {(e.get("WebACL") or e.get("WebACLSummary"))["ARN"]: e for e in data["web_acls"]}


def test_global_unit_collects_cloudfront_scope(estate: dict[str, Any]) -> None:
    res = run("wafv2", "global")
    assert res.error is None and res.gaps == [] and res.data is not None
    assert res.data["scope"] == "CLOUDFRONT"
    acls = _acls(res.data)
    assert list(acls) == [estate["cf_acl"]]
    acl = acls[estate["cf_acl"]]
    assert acl["WebACL"]["Rules"][0]["Action"] == {"Block": {}}
    assert acl["LoggingConfiguration"]["LogDestinationConfigs"] == [LOGS]
    assert "ResourceArns" not in acl  # REGIONAL only
    assert [s["Addresses"] for s in res.data["ip_sets"]] == [["192.0.2.0/24"]]
    assert ":global/ipset/" in res.data["ip_sets"][0]["ARN"]
    assert [s["RegularExpressionList"] for s in res.data["regex_pattern_sets"]] == [
        [{"RegexString": "^/admin"}]
    ]
    assert [g["Name"] for g in res.data["rule_groups"]] == ["group"]


def test_regional_unit_derives_associations_when_listing_is_unimplemented(
    estate: dict[str, Any],
) -> None:
    res = run("wafv2", R)
    assert res.error is None and res.gaps == [] and res.data is not None
    assert res.data["scope"] == "REGIONAL"
    acls = _acls(res.data)
    assert sorted(acls[estate["app"]]["ResourceArns"]) == sorted([estate["alb"], estate["stage"]])
    assert acls[estate["idle"]]["ResourceArns"] == []
    assert acls[estate["idle"]]["LoggingConfiguration"] is None  # collected: no logging
    assert ":regional/ipset/" in res.data["ip_sets"][0]["ARN"]
    assert_calls_declared(res, exact=True)  # moto needs the fallback, so all are used
    calls = {op: n for (_, op), n in res.calls.items()}
    assert calls == {
        "ListWebACLs": 1,
        "GetWebACL": 2,
        "GetLoggingConfiguration": 2,
        "ListResourcesForWebACL": 1,  # moto: NotImplementedError, asked once only
        "DescribeLoadBalancers": 1,
        "GetRestApis": 1,
        "GetStages": 1,
        "GetWebACLForResource": 3,  # two ALBs and one stage; the NLB is skipped
        "ListIPSets": 1,
        "GetIPSet": 1,
        "ListRegexPatternSets": 1,
        "GetRegexPatternSet": 1,
        "ListRuleGroups": 1,
        "GetRuleGroup": 1,
    }


def test_list_resources_for_web_acl_is_used_when_available(estate: dict[str, Any]) -> None:
    def listed(params: dict[str, Any]) -> dict[str, Any]:
        if params["WebACLArn"] != estate["app"]:
            return {"ResourceArns": []}
        by_type = {"APPLICATION_LOAD_BALANCER": estate["alb"], "API_GATEWAY": estate["stage"]}
        found = by_type.get(params["ResourceType"])
        return {"ResourceArns": [found] if found else []}

    res = run("wafv2", R, answer("ListResourcesForWebACL", listed))
    assert res.data is not None
    acls = _acls(res.data)
    assert acls[estate["app"]]["ResourceArns"] == [estate["alb"], estate["stage"]]
    assert acls[estate["idle"]]["ResourceArns"] == []
    types = len(
        SessionSpec().client("wafv2", "us-east-1").meta.service_model.shape_for("ResourceType").enum
    )
    assert types >= 7  # ALB, API Gateway, AppSync, Cognito, App Runner, Verified Access, Amplify
    assert res.calls[("wafv2", "ListResourcesForWebACL")] == 2 * types  # every type, per ACL
    fallback = {"GetWebACLForResource", "DescribeLoadBalancers", "GetRestApis", "GetStages"}
    assert not fallback & {op for _, op in res.calls}


@pytest.mark.parametrize("status", [404, 500])
def test_moto_server_unimplemented_answer_triggers_the_fallback(
    estate: dict[str, Any], status: int
) -> None:
    res = run("wafv2", R, fail("ListResourcesForWebACL", str(status), status=status))
    assert res.error is None and res.gaps == [] and res.data is not None
    assert _acls(res.data)[estate["app"]]["ResourceArns"]
    assert res.calls[("wafv2", "GetWebACLForResource")] == 3


def test_is_unimplemented_only_matches_bare_status_answers() -> None:
    def err(code: str, status: int) -> ClientError:
        return ClientError(
            {
                "Error": {"Code": code, "Message": "x"},
                "ResponseMetadata": {"HTTPStatusCode": status},
            },
            "ListResourcesForWebACL",
        )

    assert wafv2.is_unimplemented(err("500", 500))
    assert wafv2.is_unimplemented(err("404", 404))
    assert not wafv2.is_unimplemented(err("WAFInternalErrorException", 500))
    assert not wafv2.is_unimplemented(err("WAFInvalidParameterException", 400))
    assert not wafv2.is_unimplemented(err("400", 400))


def test_denied_list_resources_leaves_resource_arns_absent(estate: dict[str, Any]) -> None:
    res = run("wafv2", R, fail("ListResourcesForWebACL", "WAFAccessDeniedException"))
    assert res.error is None and res.data is not None
    assert all("ResourceArns" not in acl for acl in res.data["web_acls"])
    assert {g["operation"] for g in res.gaps} == {"ListResourcesForWebACL"}
    assert ("wafv2", "GetWebACLForResource") not in res.calls  # a denial is not "unavailable"


def test_denied_fallback_lookup_leaves_resource_arns_absent(estate: dict[str, Any]) -> None:
    deny_one = fail("GetWebACLForResource", when=lambda p: p["ResourceArn"] == estate["other"])
    res = run("wafv2", R, deny_one)
    assert res.error is None and res.data is not None
    assert all("ResourceArns" not in acl for acl in res.data["web_acls"])
    assert [g["operation"] for g in res.gaps] == ["GetWebACLForResource"]


def test_per_resource_denials_are_gaps_and_absent_keys(estate: dict[str, Any]) -> None:
    res = run(
        "wafv2",
        R,
        fail("GetLoggingConfiguration"),
        fail("GetIPSet", "AccessDeniedException"),
        fail("GetWebACL", when=lambda p: p["Name"] == "idle"),
    )
    assert res.error is None and res.data is not None
    acls = _acls(res.data)
    assert all("LoggingConfiguration" not in acl for acl in acls.values())
    assert "WebACL" in acls[estate["app"]]
    assert acls[estate["idle"]]["WebACLSummary"]["Name"] == "idle"
    assert "WebACL" not in acls[estate["idle"]]
    assert "ip_sets" not in res.data and "regex_pattern_sets" in res.data
    gaps = sorted((g["operation"], g["error_code"]) for g in res.gaps)
    assert gaps == [
        ("GetIPSet", "AccessDeniedException"),
        ("GetLoggingConfiguration", "AccessDenied"),
        ("GetLoggingConfiguration", "AccessDenied"),
        ("GetWebACL", "AccessDenied"),
    ]
    assert {(g["account_id"], g["region"], g["collector"]) for g in res.gaps} == {
        (ACCOUNT, R, "wafv2")
    }


def test_denied_listing_leaves_key_absent(estate: dict[str, Any]) -> None:
    res = run("wafv2", "global", fail("ListWebACLs"))
    assert res.error is None and res.data is not None
    assert "web_acls" not in res.data and "ip_sets" in res.data
    assert [(g["region"], g["operation"]) for g in res.gaps] == [("global", "ListWebACLs")]


def test_lists_are_paginated(estate: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wafv2, "PAGE_LIMIT", 1)
    res = run("wafv2", R)
    assert res.data is not None
    assert len(res.data["web_acls"]) == 2
    assert res.calls[("wafv2", "ListWebACLs")] >= 2


def test_items_conform_to_botocore_output_shapes(estate: dict[str, Any]) -> None:
    for region in ("global", R):
        res = run("wafv2", region)
        assert res.data is not None
        for acl in res.data["web_acls"]:
            shapes.assert_conforms(acl["WebACL"], "wafv2", "GetWebACL", "WebACL")
            if region != "global":
                shapes.assert_conforms(
                    acl["ResourceArns"], "wafv2", "ListResourcesForWebACL", "ResourceArns"
                )
            if acl["LoggingConfiguration"] is not None:
                shapes.assert_conforms(
                    acl["LoggingConfiguration"],
                    "wafv2",
                    "GetLoggingConfiguration",
                    "LoggingConfiguration",
                )
        for key, operation, member in (
            ("ip_sets", "GetIPSet", "IPSet"),
            ("regex_pattern_sets", "GetRegexPatternSet", "RegexPatternSet"),
            ("rule_groups", "GetRuleGroup", "RuleGroup"),
        ):
            for item in res.data[key]:
                shapes.assert_conforms(item, "wafv2", operation, member)
    denied = run("wafv2", R, fail("GetWebACL"))
    assert denied.data is not None
    for acl in denied.data["web_acls"]:
        shapes.assert_conforms(acl["WebACLSummary"], "wafv2", "ListWebACLs", "WebACLs[]")


def test_acl_attached_only_to_an_appsync_api_is_associated(estate: dict[str, Any]) -> None:
    """An ACL whose only resource is not an ALB or API stage is still "associated"."""
    appsync = "arn:aws:appsync:eu-west-1:123456789012:apis/abcdefghijklmnopqrstuvwxyz"

    def listed(params: dict[str, Any]) -> dict[str, Any]:
        if params["WebACLArn"] == estate["idle"] and params["ResourceType"] == "APPSYNC":
            return {"ResourceArns": [appsync]}
        return {"ResourceArns": []}

    res = run("wafv2", R, answer("ListResourcesForWebACL", listed))
    assert res.data is not None
    assert _acls(res.data)[estate["idle"]]["ResourceArns"] == [appsync]


def test_resource_type_not_offered_in_the_region_is_skipped(estate: dict[str, Any]) -> None:
    def listed(params: dict[str, Any]) -> dict[str, Any]:
        if params["ResourceType"] == "AMPLIFY":
            raise ClientError(
                {"Error": {"Code": "WAFInvalidParameterException", "Message": "bad type"}},
                "ListResourcesForWebACL",
            )
        return {"ResourceArns": []}

    res = run("wafv2", R, answer("ListResourcesForWebACL", listed))
    assert res.data is not None and res.error is None
    assert all(a["ResourceArns"] == [] for a in _acls(res.data).values())
