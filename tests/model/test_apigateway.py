"""API Gateway v1 / v2: APIs, stages, methods, integrations, routes, merged custom domains,
usage plans, VPC links, and their lookups."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    Api,
    DomainName,
    Inventory,
    RestApi,
    RestApiStage,
)
from tests.model import estates_context as ec
from tests.model import factories as f
from tests.model.factories import parse_strict

A = f.ACCOUNT
R = "us-east-1"


def _inv(*payloads: dict[str, Any], **kw: Any) -> Inventory:
    return parse_strict(f.snapshot(*payloads, **kw))


def _rest(inv: Inventory, api_id: str = ec.REST_ID) -> RestApi:
    api = inv.apigateway.rest_api(api_id, A, R)
    assert isinstance(api, RestApi)
    return api


def _v1(data: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return f.payload("apigateway", data, region=kw.pop("region", R), **kw)


def _v2(data: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return f.payload("apigatewayv2", data, region=kw.pop("region", R), **kw)


def test_rest_api_fields(rich: Inventory) -> None:
    api = _rest(rich)
    assert (api.name, api.region, api.account_id) == ("orders-api", R, A)
    assert api.arn == f"arn:aws:apigateway:{R}::/restapis/{ec.REST_ID}"
    assert api.endpoint_types == ("EDGE",) and api.is_edge_optimized and not api.is_private
    assert not api.disable_execute_api_endpoint and api.api_key_source == "HEADER"
    assert api.tags == {"env": "prod"} and api.created_date is not None
    assert api.execute_api_domain == f"{ec.REST_ID}.execute-api.{R}.amazonaws.com"
    # API Gateway returns the policy with escaped quotes: still read as a document
    assert api.policy is not None and api.policy_text is not None and '\\"' in api.policy_text
    (st,) = api.policy.statements
    assert st.public_principal and st.condition_values("aws:SourceIp") == ("198.51.100.0/24",)
    private = _rest(rich, ec.PRIVATE_REST_ID)
    assert private.is_private and private.vpc_endpoint_ids == ("vpce-0abc",)
    assert private.policy is None and private.stages == () and private.methods == ()
    assert api.raw["RestApi"]["id"] == ec.REST_ID


def test_rest_stages(rich: Inventory) -> None:
    api = _rest(rich)
    assert api.stages is not NOT_COLLECTED
    prod, staging = api.stages
    assert prod.arn == ec.stage_arn(ec.REST_ID, "prod") and prod.rest_api_id == ec.REST_ID
    assert (prod.deployment_id, prod.web_acl_arn, prod.cache_cluster_enabled) == (
        "dep1",
        None,
        False,
    )
    assert prod.tracing_enabled and prod.client_certificate_id is None
    assert prod.access_log_destination_arn == f"arn:aws:logs:{R}:{A}:log-group:api"
    assert prod.tags == {"stage": "prod"} and not prod.caching_enabled
    setting = prod.method_settings["*/*"]
    assert (setting.metrics_enabled, setting.logging_level, setting.caching_enabled) == (
        True,
        "INFO",
        None,
    )
    assert staging.web_acl_arn and staging.web_acl_arn.startswith("arn:aws:waf-regional:")
    assert staging.cache_cluster_enabled and staging.cache_cluster_size == "0.5"
    assert staging.caching_enabled and staging.method_settings["*/*"].cache_ttl_in_seconds == 300
    assert api.stage("prod") == prod and api.stage("nope") is None


def test_rest_resources_methods_and_integrations(rich: Inventory) -> None:
    api = _rest(rich)
    assert api.resources is not NOT_COLLECTED
    root, orders, proxy = api.resources
    assert (root.id, root.path, root.parent_id, root.methods) == ("root0", "/", None, ())
    assert (orders.parent_id, orders.path_part) == ("root0", "orders")
    get, post = orders.methods
    assert (get.http_method, get.path, get.authorization_type, get.api_key_required) == (
        "GET",
        "/orders",
        "NONE",
        False,
    )
    assert get.integration is not None
    assert (get.integration.type, get.integration.connection_type) == ("HTTP_PROXY", "INTERNET")
    assert get.integration.uri == "https://web-alb-1234567890.us-east-1.elb.amazonaws.com/orders"
    assert (get.integration.http_method, get.integration.timeout_in_millis) == ("ANY", 29000)
    assert post.authorization_type == "AWS_IAM" and post.integration is not None
    assert post.integration.type == "AWS_PROXY" and ec.API_FN in (post.integration.uri or "")
    (anym,) = proxy.methods
    assert (anym.authorization_type, anym.authorizer_id, anym.api_key_required) == (
        "CUSTOM",
        "auth1",
        True,
    )
    assert anym.integration is not None
    assert (anym.integration.connection_type, anym.integration.connection_id) == (
        "VPC_LINK",
        "vl0nlb1",
    )
    methods = api.methods
    assert methods is not NOT_COLLECTED and [m.http_method for m in methods] == [
        "GET",
        "POST",
        "ANY",
    ]


def test_method_without_embedded_details() -> None:
    res = {"id": "r", "path": "/x", "resourceMethods": {"GET": {}}}
    inv = _inv(_v1({"rest_apis": [f.rest_api_entry(f.rest_api("x1"), resources=[res])]}))
    (m,) = _rest(inv, "x1").methods  # type: ignore[misc]
    assert (m.http_method, m.authorization_type, m.api_key_required, m.integration) == (
        "GET",
        None,
        False,
        None,
    )


def test_denied_parts_are_not_collected() -> None:
    inv = _inv(_v1({"rest_apis": [f.rest_api_entry(f.rest_api("x1"))]}))
    api = _rest(inv, "x1")
    assert api.stages is NOT_COLLECTED and api.resources is NOT_COLLECTED
    assert api.stage("prod") is NOT_COLLECTED and api.methods is NOT_COLLECTED
    assert (
        inv.apigateway.rest_api_stage(f"arn:aws:apigateway:{R}::/restapis/x1/stages/prod")
        is NOT_COLLECTED
    )
    v2 = _inv(_v2({"apis": [f.api_v2_entry(f.api_v2("h1"))]})).apis[0]
    assert v2.stages is NOT_COLLECTED and v2.integrations is NOT_COLLECTED
    assert v2.routes is NOT_COLLECTED and v2.integration("i") is NOT_COLLECTED


def test_http_api_fields(rich: Inventory) -> None:
    api = rich.apigateway.api(ec.HTTP_ID, A, R)
    assert isinstance(api, Api)
    assert (api.name, api.protocol_type, api.disable_execute_api_endpoint) == (
        "web-http",
        "HTTP",
        False,
    )
    assert api.arn == f"arn:aws:apigateway:{R}::/apis/{ec.HTTP_ID}"
    assert api.api_endpoint == f"https://{ec.HTTP_ID}.execute-api.{R}.amazonaws.com"
    assert api.execute_api_domain == f"{ec.HTTP_ID}.execute-api.{R}.amazonaws.com"
    assert api.tags == {"env": "prod"} and not api.api_gateway_managed and api.created_date
    assert api.stages is not NOT_COLLECTED
    (stage,) = api.stages
    assert (stage.name, stage.auto_deploy, stage.deployment_id) == ("$default", True, "dep2")
    assert (stage.throttling_burst_limit, stage.throttling_rate_limit) == (200, 100.0)
    assert stage.access_log_destination_arn and not stage.api_gateway_managed
    assert api.integrations is not NOT_COLLECTED
    (integ,) = api.integrations
    assert (integ.id, integ.type, integ.connection_type, integ.connection_id) == (
        "int1",
        "HTTP_PROXY",
        "VPC_LINK",
        "vl2link",
    )
    assert integ.uri and ":listener/app/app-internal/" in integ.uri
    assert (integ.method, integ.payload_format_version, integ.timeout_in_millis) == (
        "ANY",
        "1.0",
        30000,
    )
    assert integ.subtype is None
    assert api.routes is not NOT_COLLECTED
    proxy, me = api.routes
    assert (proxy.route_key, proxy.authorization_type, proxy.integration_id) == (
        "ANY /{proxy+}",
        "NONE",
        "int1",
    )
    assert (me.authorization_type, me.authorizer_id, me.api_key_required) == ("JWT", "jwt1", False)
    assert api.integration("int1") == integ and api.integration("zz") is None
    no_target = _inv(
        _v2({"apis": [f.api_v2_entry(f.api_v2("h2"), routes=[f.route_v2("r", "$connect", None)])]})
    ).apis[0]
    assert no_target.routes is not NOT_COLLECTED and no_target.routes[0].integration_id is None


def test_websocket_endpoint_and_fallback_domain() -> None:
    ws = f.api_v2("w1", protocol="WEBSOCKET")
    bare = f.api_v2("w2")
    del bare["ApiEndpoint"]
    inv = _inv(_v2({"apis": [f.api_v2_entry(ws), f.api_v2_entry(bare)]}))
    first, second = inv.apis
    assert first.api_endpoint == f"wss://w1.execute-api.{R}.amazonaws.com"
    assert first.execute_api_domain == f"w1.execute-api.{R}.amazonaws.com"
    assert second.execute_api_domain == f"w2.execute-api.{R}.amazonaws.com"


def test_custom_domain_merged_from_both_apis(rich: Inventory) -> None:
    d = rich.apigateway.domain_name("Orders.Example.com.")
    assert isinstance(d, DomainName)
    assert (d.account_id, d.region, d.name, d.sources) == (
        A,
        R,
        "orders.example.com",
        ("apigateway", "apigatewayv2"),
    )
    assert d.arn == f"arn:aws:apigateway:{R}::/domainnames/orders.example.com"
    assert (d.endpoint_type, d.security_policy) == ("EDGE", "TLS_1_0")
    assert d.distribution_domain_name == ec.EDGE_API_DISTRIBUTION
    assert d.distribution_hosted_zone_id == "Z2FDTNDATAQYW2"
    assert d.regional_domain_name is None and d.target_domain_names == (ec.EDGE_API_DISTRIBUTION,)
    assert d.certificate_arns == (
        f"arn:aws:acm:us-east-1:{A}:certificate/api-cert",
        f"arn:aws:acm:{R}:{A}:certificate/v2-cert",
    )
    assert d.base_path_mappings is not NOT_COLLECTED
    (bpm,) = d.base_path_mappings
    assert (bpm.base_path, bpm.rest_api_id, bpm.stage) == ("(none)", ec.REST_ID, "prod")
    assert d.api_mappings is not NOT_COLLECTED
    (am,) = d.api_mappings
    assert (am.api_id, am.stage, am.key, am.id) == (ec.REST_ID, "prod", "", f"m-{ec.REST_ID}")
    assert d.v1 is not None and d.v1.status == "AVAILABLE" and d.v1.domain_name_id is None
    assert d.v2 is not None and d.v2.configurations[0].status == "AVAILABLE"
    # only in the v2 payload: regional values from its configuration, no v1 mappings
    http = rich.apigateway.domain_name("http.example.com")
    assert isinstance(http, DomainName) and http.sources == ("apigatewayv2",)
    assert (http.endpoint_type, http.security_policy) == ("REGIONAL", "TLS_1_2")
    assert http.regional_domain_name == f"d-abc123.execute-api.{R}.amazonaws.com"
    assert http.regional_hosted_zone_id == "Z1UJRXOUMOOFQ8"
    assert http.base_path_mappings is NOT_COLLECTED
    assert http.api_mappings is not NOT_COLLECTED and http.api_mappings[0].key == "v1"
    assert {x.name for x in rich.apigateway.domain_names()} == {
        "orders.example.com",
        "http.example.com",
    }


def test_v1_only_regional_domain_and_denied_mappings() -> None:
    inv = _inv(_v1({"domain_names": [f.domain_v1_entry(f.domain_v1("r.example.com"))]}))
    d = inv.apigateway.domain_name("r.example.com")
    assert isinstance(d, DomainName) and d.sources == ("apigateway",)
    assert d.regional_domain_name == f"d-abc123.execute-api.{R}.amazonaws.com"
    assert d.distribution_domain_name is None and d.endpoint_type == "REGIONAL"
    assert d.base_path_mappings is NOT_COLLECTED and d.api_mappings is NOT_COLLECTED
    assert d.certificate_arns == (f"arn:aws:acm:{R}:{A}:certificate/api-cert",)
    assert inv.domain_names_v1[0].regional_certificate_arn == d.certificate_arns[0]
    assert inv.apigateway.domain_name_by_target(f"d-abc123.execute-api.{R}.amazonaws.com") == d


def test_domain_lookups_unknown_versus_none(rich: Inventory) -> None:
    assert rich.apigateway.domain_name("nope.example.com") is None
    assert (
        rich.apigateway.domain_name("orders.example.com", account_id=A, region="eu-west-1") is None
    )
    assert rich.apigateway.domain_name("orders.example.com", region=R) is not None
    assert rich.apigateway.domain_name("nope.example.com", account_id=A) is None
    assert rich.apigateway.domain_name("nope.example.com", account_id=f.ACCOUNT_B) is NOT_COLLECTED
    assert rich.apigateway.domain_name_by_target(ec.EDGE_API_DISTRIBUTION + ".") is not None
    assert (
        rich.apigateway.domain_name_by_target("d-zzz.execute-api.us-east-1.amazonaws.com") is None
    )
    assert (
        rich.apigateway.domain_name_by_target("d-zzz.execute-api.ap-south-1.amazonaws.com")
        is NOT_COLLECTED
    )
    # either API's listing is enough: a domain is one resource both list
    only_v2 = _inv(_v2({"domain_names": []}))
    assert only_v2.apigateway.domain_name("x.example.com") is None
    neither = _inv(_v1({"rest_apis": []}), _v2({"apis": []}))
    assert neither.apigateway.domain_name("x.example.com") is NOT_COLLECTED


def test_api_by_execute_domain(rich: Inventory) -> None:
    rest = rich.apigateway.api_by_execute_domain(f"{ec.REST_ID}.execute-api.{R}.amazonaws.com.")
    assert isinstance(rest, RestApi) and rest.id == ec.REST_ID
    http = rich.apigateway.api_by_execute_domain(f"{ec.HTTP_ID}.EXECUTE-API.{R}.amazonaws.com")
    assert isinstance(http, Api) and http.id == ec.HTTP_ID
    assert rich.apigateway.api_by_execute_domain(f"zzzz.execute-api.{R}.amazonaws.com") is None
    assert (
        rich.apigateway.api_by_execute_domain("zzzz.execute-api.ap-south-1.amazonaws.com")
        is NOT_COLLECTED
    )
    assert rich.apigateway.api_by_execute_domain("www.example.com") is None
    # REST APIs listed but the v2 listing denied: a miss is unknown
    v1_only = _inv(_v1({"rest_apis": []}), _v2({"domain_names": []}))
    assert (
        v1_only.apigateway.api_by_execute_domain(f"abc.execute-api.{R}.amazonaws.com")
        is NOT_COLLECTED
    )


def test_rest_api_and_stage_lookups(rich: Inventory) -> None:
    assert rich.apigateway.rest_api("nope", A, R) is None
    assert rich.apigateway.rest_api(ec.REST_ID, A, "ap-south-1") is NOT_COLLECTED
    stage = rich.apigateway.rest_api_stage(ec.stage_arn(ec.REST_ID, "staging"))
    assert isinstance(stage, RestApiStage) and stage.name == "staging"
    assert rich.apigateway.rest_api_stage(ec.stage_arn(ec.REST_ID, "gone")) is None
    assert rich.apigateway.rest_api_stage(ec.stage_arn("noapi", "prod")) is None
    assert (
        rich.apigateway.rest_api_stage("arn:aws:apigateway:ap-south-1::/restapis/x/stages/p")
        is NOT_COLLECTED
    )
    assert rich.apigateway.rest_api_stage(f"arn:aws:apigateway:{R}::/apis/x") is NOT_COLLECTED
    assert rich.apigateway.rest_api_stage("not-an-arn") is NOT_COLLECTED
    assert (
        rich.apigateway.api("nope", A, R) is None
        and rich.apigateway.api(ec.HTTP_ID, A, "ap-south-1") is NOT_COLLECTED
    )


def test_usage_plans_and_vpc_links(rich: Inventory) -> None:
    plans = rich.apigateway.usage_plans_for(ec.REST_ID, "prod", A, R)
    assert plans is not NOT_COLLECTED
    (plan,) = plans
    assert (plan.id, plan.name, plan.arn) == (
        "up1",
        "plan-up1",
        f"arn:aws:apigateway:{R}::/usageplans/up1",
    )
    assert (plan.throttle_burst_limit, plan.throttle_rate_limit) == (100, 50.0)
    assert (plan.quota_limit, plan.quota_period) == (10000, "MONTH")
    assert plan.api_stages[0].api_id == ec.REST_ID and plan.api_stages[0].stage == "prod"
    assert rich.apigateway.usage_plans_for(ec.REST_ID, "staging", A, R) == ()
    assert rich.apigateway.usage_plans_for(ec.REST_ID, "prod", A, "ap-south-1") is NOT_COLLECTED
    link = rich.apigateway.vpc_link("vl0nlb1", A, R)
    assert link is not NOT_COLLECTED and link is not None
    assert link.target_arns == (f.lb_arn("static-nlb", "network"),) and link.status == "AVAILABLE"
    assert (link.name, link.arn) == ("link-vl0nlb1", f"arn:aws:apigateway:{R}::/vpclinks/vl0nlb1")
    assert rich.apigateway.vpc_link("nope", A, R) is None
    v2 = rich.apigateway.vpc_link_v2("vl2link", A, R)
    assert v2 is not NOT_COLLECTED and v2 is not None
    assert (v2.name, v2.subnet_ids, v2.security_group_ids, v2.status) == (
        "http-link",
        ("subnet-a", "subnet-b"),
        ("sg-0link",),
        "AVAILABLE",
    )
    assert rich.apigateway.vpc_link_v2("vl2link", A, "ap-south-1") is NOT_COLLECTED


def test_apigateway_model_errors() -> None:
    bad_stage = f.rest_api_entry(f.rest_api("x1"), stages=[{"deploymentId": "d"}])
    with pytest.raises(
        ModelError,
        match=r"apigateway payload \(111111111111/us-east-1\): REST API x1: missing field "
        r"'Stages\[0\]\.stageName'",
    ):
        _inv(_v1({"rest_apis": [bad_stage]}))
    with pytest.raises(
        ModelError, match=r"REST API x1: field 'RestApi\.policy' is not a JSON policy"
    ):
        _inv(_v1({"rest_apis": [f.rest_api_entry(f.rest_api("x1", policy="{oops"))]}))
    with pytest.raises(ModelError, match=r"must be a number, got str"):
        _inv(
            _v1(
                {
                    "rest_apis": [
                        f.rest_api_entry(
                            f.rest_api("x1"),
                            stages=[
                                f.rest_stage("p", settings={"*/*": {"throttlingRateLimit": "x"}})
                            ],
                        )
                    ]
                }
            )
        )
    with pytest.raises(ModelError, match=r"usage plan u1: missing field 'apiStages\[0\]\.stage'"):
        _inv(_v1({"usage_plans": [{"id": "u1", "apiStages": [{"apiId": "a"}]}]}))
    with pytest.raises(
        ModelError, match=r"domain name a\.com: missing field 'BasePathMappings\[0\]\.restApiId'"
    ):
        _inv(_v1({"domain_names": [f.domain_v1_entry(f.domain_v1("a.com"), [{"basePath": "x"}])]}))
    with pytest.raises(
        ModelError,
        match=r"apigatewayv2 payload \(111111111111/us-east-1\): API h1: "
        r"missing field 'Routes\[0\]\.RouteKey'",
    ):
        _inv(_v2({"apis": [f.api_v2_entry(f.api_v2("h1"), routes=[{"RouteId": "r"}])]}))
    with pytest.raises(ModelError, match=r"VPC link v: missing field 'Name'"):
        _inv(_v2({"vpc_links": [{"VpcLinkId": "v"}]}))
    with pytest.raises(
        ModelError, match=r"domain name d\.com: missing field 'ApiMappings\[0\]\.ApiId'"
    ):
        _inv(_v2({"domain_names": [f.domain_v2_entry(f.domain_v2("d.com"), [{"Stage": "s"}])]}))


def test_china_partition_and_bare_api() -> None:
    api = f.rest_api("cn1")
    del api["tags"], api["endpointConfiguration"]
    inv = _inv(_v1({"rest_apis": [f.rest_api_entry(api)]}, region="cn-north-1"))
    (rest,) = inv.rest_apis
    assert rest.arn == "arn:aws-cn:apigateway:cn-north-1::/restapis/cn1"
    assert rest.execute_api_domain == "cn1.execute-api.cn-north-1.amazonaws.com.cn"
    assert rest.tags == {} and rest.endpoint_types == ()
    assert inv.apigateway.api_by_execute_domain(rest.execute_api_domain) == rest
