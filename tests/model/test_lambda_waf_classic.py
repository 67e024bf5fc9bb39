"""lambda (function URLs, unresolved URL ids, Lambda@Edge) and WAF Classic (global / regional)."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    ClassicWebACL,
    FunctionConfiguration,
    FunctionUrl,
    FunctionUrlConfig,
    Inventory,
    WebACL,
)
from tests.model import estates_context as ec
from tests.model import factories as f
from tests.model.factories import parse_strict

A, B = f.ACCOUNT, f.ACCOUNT_B
R = "us-east-1"


def _inv(*payloads: dict[str, Any], **kw: Any) -> Inventory:
    return parse_strict(f.snapshot(*payloads, **kw))


def _lambda(data: dict[str, Any], account: str = A, region: str = R) -> dict[str, Any]:
    return f.payload("lambda", data, account=account, region=region)


# -- lambda --------------------------------------------------------------------------------------
def test_function_url_fields(rich: Inventory) -> None:
    api, site = rich.function_urls
    assert (api.account_id, api.region, api.function_arn, api.arn) == (A, R, ec.API_FN, ec.API_FN)
    config = api.config
    assert isinstance(config, FunctionUrlConfig)
    assert config.function_url == f"https://{ec.API_URL_ID}.lambda-url.{R}.on.aws/"
    assert (config.function_arn, config.auth_type, config.invoke_mode) == (
        ec.API_FN,
        "NONE",
        "BUFFERED",
    )
    assert config.domain == f"{ec.API_URL_ID}.lambda-url.{R}.on.aws"
    assert config.url_id == ec.API_URL_ID
    assert config.cors is not None and config.cors["MaxAge"] == 300
    assert config.creation_time is not None and config.last_modified_time is not None
    assert isinstance(site.config, FunctionUrlConfig) and site.config.auth_type == "AWS_IAM"
    assert api.raw["FunctionArn"] == ec.API_FN


def test_function_url_lookups(rich: Inventory) -> None:
    config = rich.lambda_.function_url_config(ec.API_FN)
    assert isinstance(config, FunctionUrlConfig) and config.auth_type == "NONE"
    assert rich.lambda_.function_url_config(f.function_arn("unreferenced")) is NOT_COLLECTED
    found = rich.lambda_.function_url_by_domain(f"{ec.FN_URL_ID}.lambda-url.{R}.on.aws.")
    assert isinstance(found, FunctionUrl) and found.function_arn == ec.SITE_FN
    # every account searched its functions for this id and none serves it
    assert rich.lambda_.function_url_by_domain(f"{ec.GONE_URL_ID}.lambda-url.{R}.on.aws") is None
    (unresolved,) = rich.unresolved_function_urls
    assert (unresolved.id, unresolved.region) == (ec.GONE_URL_ID, R)
    assert unresolved.domain == f"{ec.GONE_URL_ID}.lambda-url.{R}.on.aws"
    # an id nobody searched for
    assert rich.lambda_.function_url_by_domain(f"other.lambda-url.{R}.on.aws") is NOT_COLLECTED
    assert rich.lambda_.function_url_by_domain("www.example.com") is None


def test_function_without_url_and_denied_reads() -> None:
    fn, denied = f.function_arn("nourl"), f.function_arn("denied")
    inv = _inv(
        _lambda({"function_urls": [f.function_url_entry(fn, None), f.function_url_entry(denied)]})
    )
    assert inv.lambda_.function_url_config(fn) is None
    assert inv.lambda_.function_url_config(denied) is NOT_COLLECTED
    assert inv.unresolved_function_urls == ()
    # unresolved in one account only: the URL may belong to the other account
    url = f"gone.lambda-url.{R}.on.aws"
    two = _inv(
        _lambda({"unresolved_url_ids": ["gone"]}),
        _lambda({"function_urls": []}, account=B),
    )
    assert two.lambda_.function_url_by_domain(url) is NOT_COLLECTED
    both = _inv(
        _lambda({"unresolved_url_ids": ["gone"]}),
        _lambda({"unresolved_url_ids": ["gone"]}, account=B),
    )
    assert both.lambda_.function_url_by_domain(url) is None
    # the search could not complete (denied): the key is absent
    assert _inv(_lambda({"function_urls": []})).lambda_.function_url_by_domain(url) is NOT_COLLECTED
    assert _inv(_lambda({"unresolved_url_ids": None})).unresolved_function_urls == ()


def test_edge_functions(rich: Inventory) -> None:
    (edge,) = rich.edge_functions
    assert (edge.function_arn, edge.arn, edge.region) == (ec.EDGE_FN, ec.EDGE_FN, R)
    cfg = rich.lambda_.edge_function_configuration(ec.EDGE_FN)
    assert isinstance(cfg, FunctionConfiguration)
    assert (cfg.function_name, cfg.function_arn, cfg.runtime, cfg.version) == (
        "auth",
        ec.EDGE_FN,
        "nodejs20.x",
        "3",
    )
    assert (cfg.memory_size, cfg.timeout, cfg.code_size, cfg.handler) == (
        128,
        5,
        1024,
        "index.handler",
    )
    assert cfg.role == f"arn:aws:iam::{A}:role/edge" and cfg.state == "Active"
    assert (cfg.package_type, cfg.architectures) == ("Zip", ("x86_64",))
    assert cfg.last_modified == "2025-06-01T09:00:00.000+0000"
    assert rich.lambda_.edge_function_configuration(ec.EDGE_FN.replace(":3", ":4")) is NOT_COLLECTED
    gone, denied = ec.EDGE_FN.replace(":3", ":1"), ec.EDGE_FN.replace(":3", ":2")
    inv = _inv(
        _lambda(
            {
                "edge_functions": [
                    f.edge_function_entry(gone, None),
                    f.edge_function_entry(denied),
                ]
            }
        )
    )
    assert inv.lambda_.edge_function_configuration(gone) is None
    assert inv.lambda_.edge_function_configuration(denied) is NOT_COLLECTED


def test_lambda_model_errors() -> None:
    with pytest.raises(
        ModelError,
        match=r"lambda payload \(111111111111/us-east-1\): function arn:x: missing field "
        r"'FunctionUrlConfig\.AuthType'",
    ):
        config = f.url_config("arn:x", "id")
        del config["AuthType"]
        _inv(_lambda({"function_urls": [f.function_url_entry("arn:x", config)]}))
    with pytest.raises(ModelError, match=r"function_urls\[0\]: missing field 'FunctionArn'"):
        _inv(_lambda({"function_urls": [{"FunctionUrlConfig": None}]}))
    with pytest.raises(ModelError, match=r"field 'unresolved_url_ids\[0\]' must be a string"):
        _inv(_lambda({"unresolved_url_ids": [1]}))
    with pytest.raises(ModelError, match=r"'Configuration\.FunctionName'"):
        _inv(_lambda({"edge_functions": [f.edge_function_entry("arn:e", {"FunctionArn": "x"})]}))


# -- WAF Classic ----------------------------------------------------------------------------------
def test_classic_global_acl(rich: Inventory) -> None:
    (acl,) = rich.classic_web_acls
    assert (acl.id, acl.name, acl.scope, acl.region, acl.from_summary) == (
        ec.CLASSIC_GLOBAL_ID,
        "legacy-global",
        "global",
        "global",
        False,
    )
    assert acl.arn == f"arn:aws:waf::{A}:webacl/{ec.CLASSIC_GLOBAL_ID}"
    assert (acl.default_action, acl.metric_name, acl.rule_count) == ("ALLOW", "legacyglobal", 2)
    assert acl.rules is not NOT_COLLECTED
    regular, group = acl.rules
    assert (regular.rule_id, regular.priority, regular.type, regular.action) == (
        "r-ip",
        1,
        "REGULAR",
        "BLOCK",
    )
    assert regular.override_action is None and regular.excluded_rule_ids == ()
    assert (group.type, group.action, group.override_action, group.excluded_rule_ids) == (
        "GROUP",
        None,
        "NONE",
        ("excluded-1",),
    )
    assert acl.resource_arns is NOT_COLLECTED  # global: attached by distributions
    assert rich.waf.classic_web_acl_associations(acl) == ()
    assert acl.raw["WebACL"]["WebACLId"] == ec.CLASSIC_GLOBAL_ID


def test_classic_regional_acl_and_associations(rich: Inventory) -> None:
    (acl,) = rich.classic_regional_web_acls
    assert (acl.scope, acl.region, acl.default_action) == ("regional", R, "BLOCK")
    assert acl.arn == f"arn:aws:waf-regional:{R}:{A}:webacl/{ec.CLASSIC_REGIONAL_ID}"
    stage = ec.stage_arn(ec.REST_ID, "staging")
    assert acl.resource_arns == (stage,) and rich.waf.classic_web_acl_associations(acl) == (stage,)
    assert rich.waf.web_acl_for_resource(stage) == acl
    assert rich.waf.web_acl(acl.arn) == acl and rich.waf.classic_web_acl(acl.arn) == acl
    # a REST stage without any ACL, in a unit whose associations were read
    assert rich.waf.web_acl_for_resource(ec.stage_arn(ec.REST_ID, "prod")) is None


def test_classic_lookups_by_id_and_arn(rich: Inventory) -> None:
    acl = rich.classic_web_acls[0]
    assert rich.waf.web_acl(ec.CLASSIC_GLOBAL_ID) == acl
    assert rich.waf.classic_web_acl(ec.CLASSIC_GLOBAL_ID, A) == acl
    assert rich.waf.classic_web_acl("missing-id") is None
    assert rich.waf.classic_web_acl("missing-id", B) is NOT_COLLECTED
    assert rich.waf.classic_web_acl(f"arn:aws:waf::{A}:webacl/missing") is None
    assert rich.waf.classic_web_acl(f"arn:aws:waf::{B}:webacl/missing") is NOT_COLLECTED
    assert rich.waf.classic_web_acl(f"arn:aws:waf-regional:eu-west-1:{A}:webacl/x") is None
    assert (
        rich.waf.classic_web_acl(f"arn:aws:waf-regional:ap-south-1:{A}:webacl/x") is NOT_COLLECTED
    )
    assert rich.waf.classic_web_acl(f.lb_arn("web-alb")) is None  # not a classic ACL ARN
    # WAFv2 ARNs still resolve to WAFv2
    v2 = next(a for a in rich.web_acls if a.scope == "CLOUDFRONT")
    assert isinstance(rich.waf.web_acl(v2.arn), WebACL)


def test_distribution_with_classic_acl() -> None:
    acl_id = "c1a551c0-0000-4000-8000-0000000000aa"
    dist = f.distribution("E7CLASSIC", web_acl=acl_id)
    cf = f.payload("cloudfront", {"distributions": [f.distribution_entry(dist, [])]})
    waf = f.payload("waf", {"web_acls": [f.classic_acl_entry(f.classic_acl(acl_id))]})
    inv = _inv(cf, waf)
    found = inv.waf.web_acl_for_resource(dist["ARN"])
    assert isinstance(found, ClassicWebACL) and found.id == acl_id
    assert inv.waf.classic_web_acl_associations(found) == (dist["ARN"],)
    # the ACL's own account did not collect classic ACLs: unknown
    inv = _inv(cf)
    assert inv.waf.web_acl_for_resource(dist["ARN"]) is NOT_COLLECTED
    # distributions not collected: global associations unknown
    inv = _inv(waf)
    assert inv.waf.classic_web_acl_associations(inv.classic_web_acls[0]) is NOT_COLLECTED


def test_classic_summary_fallback_and_denied_associations() -> None:
    acl = f.classic_acl("c-sum", "summary-acl", regional=True)
    lb = f.lb_arn("web-alb")
    inv = _inv(
        f.payload("waf-regional", {"web_acls": [f.classic_acl_summary_entry(acl)]}, region=R),
        f.payload("wafv2", {"scope": "REGIONAL", "web_acls": []}, region=R),
    )
    (summary,) = inv.classic_regional_web_acls
    assert summary.from_summary and summary.name == "summary-acl"
    assert summary.default_action is NOT_COLLECTED and summary.rules is NOT_COLLECTED
    assert summary.rule_count is NOT_COLLECTED and summary.metric_name is None
    assert summary.arn == f"arn:aws:waf-regional:{R}:{A}:webacl/c-sum"
    assert summary.resource_arns is NOT_COLLECTED
    assert inv.waf.classic_web_acl_associations(summary) is NOT_COLLECTED
    # WAFv2 read and found nothing, but the classic associations are unknown here
    assert inv.waf.web_acl_for_resource(lb) is NOT_COLLECTED
    known = _inv(
        f.payload(
            "waf-regional",
            {"web_acls": [f.classic_acl_summary_entry(acl, resources=[lb])]},
            region=R,
        ),
    )
    assert known.waf.web_acl_for_resource(lb) == known.classic_regional_web_acls[0]


def test_waf_classic_model_errors() -> None:
    with pytest.raises(
        ModelError,
        match=r"waf payload \(111111111111/global\): classic web ACL c1: missing field "
        r"'WebACL\.Rules\[0\]\.RuleId'",
    ):
        acl = f.classic_acl("c1", rules=[{"Priority": 1}])
        _inv(f.payload("waf", {"web_acls": [f.classic_acl_entry(acl)]}))
    with pytest.raises(
        ModelError, match=r"classic web ACL c2: missing field 'WebACL\.DefaultAction'"
    ):
        acl = f.classic_acl("c2")
        del acl["DefaultAction"]
        _inv(f.payload("waf", {"web_acls": [f.classic_acl_entry(acl)]}))
    with pytest.raises(ModelError, match=r"web_acls\[0\]: missing field 'WebACL'"):
        _inv(f.payload("waf-regional", {"web_acls": [{"ResourceArns": []}]}, region=R))


def test_stage_arns_resolve_in_their_api_account() -> None:
    stage = f.rest_stage("prod")
    api = f.payload(
        "apigateway",
        {"rest_apis": [f.rest_api_entry(f.rest_api("x1"), stages=[stage])]},
        region=R,
    )
    arn = ec.stage_arn("x1", "prod")
    wafv2 = f.payload("wafv2", {"scope": "REGIONAL", "web_acls": []}, region=R)
    assert _inv(api, wafv2).waf.web_acl_for_resource(arn) is None
    assert _inv(api).waf.web_acl_for_resource(arn) is NOT_COLLECTED  # WAFv2 not collected there
    assert _inv(wafv2).waf.web_acl_for_resource(arn) is NOT_COLLECTED  # the stage is unknown
    denied = f.payload(
        "wafv2",
        {"scope": "REGIONAL", "web_acls": [f.web_acl_entry(f.web_acl(), logging=None)]},
        region=R,
    )
    assert _inv(api, denied).waf.web_acl_for_resource(arn) is NOT_COLLECTED


def test_global_summary_gets_a_built_arn() -> None:
    acl = f.classic_acl("g-sum", "global-summary")
    inv = _inv(f.payload("waf", {"web_acls": [f.classic_acl_summary_entry(acl)]}))
    (summary,) = inv.classic_web_acls
    assert summary.arn == f"arn:aws:waf::{A}:webacl/g-sum" and summary.scope == "global"
    assert inv.waf.classic_web_acl("g-sum") == summary
