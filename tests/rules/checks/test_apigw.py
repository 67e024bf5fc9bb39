"""apigw.stage_no_waf and apigw.domain_tls_outdated."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check, unknowns

REGION = "us-east-1"
STAGE_ARN = f"arn:aws:apigateway:{REGION}::/restapis/a1/stages/prod"
ACL_ARN = f.waf_arn("webacl", "api-acl", "x1")


def _api_snap(
    *stages: dict[str, Any],
    types: tuple[str, ...] = ("REGIONAL",),
    distributions: list[dict[str, Any]] | None = None,
    stages_collected: bool = True,
    disable_default: bool = False,
    resources: Any = f.OMIT,
) -> Snapshot:
    api = f.rest_api("a1", types=types, disable_default=disable_default)
    entry = f.rest_api_entry(
        api, stages=list(stages) if stages_collected else f.OMIT, resources=resources
    )
    payloads = [f.payload("apigateway", {"rest_apis": [entry]}, region=REGION)]
    if distributions is not None:
        items = [f.distribution_entry(d) for d in distributions]
        payloads.append(f.payload("cloudfront", {"distributions": items}))
    return f.snapshot(*payloads)


def _front(dist_id: str = "E1") -> dict[str, Any]:
    origin = f.custom_origin("api", f"a1.execute-api.{REGION}.amazonaws.com")
    return f.distribution(dist_id, origins=[origin])


# -- stage_no_waf ------------------------------------------------------------------------------
def test_stage_no_waf_fires_for_public_stage_without_acl() -> None:
    snap = _api_snap(f.rest_stage("prod"), f.rest_stage("dev", web_acl=ACL_ARN), distributions=[])
    [finding] = fails("apigw.stage_no_waf", snap)
    assert finding.resource.id == STAGE_ARN
    assert finding.resource.type == "AWS::ApiGateway::Stage"
    assert finding.evidence == {"api": "a1", "stage": "prod", "endpoint_types": ["REGIONAL"]}


def test_stage_no_waf_fires_for_edge_optimized_api() -> None:
    snap = _api_snap(f.rest_stage("prod"), types=("EDGE",), distributions=[])
    assert len(fails("apigw.stage_no_waf", snap)) == 1


def test_stage_no_waf_passes_with_acl_private_or_behind_cloudfront() -> None:
    assert run_check("apigw.stage_no_waf", _api_snap(f.rest_stage("prod", web_acl=ACL_ARN))) == []
    private = _api_snap(f.rest_stage("prod"), types=("PRIVATE",))
    assert run_check("apigw.stage_no_waf", private) == []
    behind = _api_snap(f.rest_stage("prod"), distributions=[_front()], disable_default=True)
    assert run_check("apigw.stage_no_waf", behind) == []


def test_stage_no_waf_passes_behind_cloudfront_when_every_method_needs_an_api_key() -> None:
    keyed = [f.rest_resource("r1", "/", [f.method("GET", api_key=True), f.method("OPTIONS")])]
    snap = _api_snap(f.rest_stage("prod"), distributions=[_front()], resources=keyed)
    assert run_check("apigw.stage_no_waf", snap) == []


def test_stage_no_waf_fires_behind_cloudfront_with_a_callable_default_endpoint() -> None:
    open_ = [f.rest_resource("r1", "/", [f.method("GET")])]
    snap = _api_snap(f.rest_stage("prod"), distributions=[_front()], resources=open_)
    [finding] = fails("apigw.stage_no_waf", snap)
    assert finding.evidence["distributions"] == ["E1"]
    assert finding.evidence["default_endpoint"] == f"a1.execute-api.{REGION}.amazonaws.com"
    assert "callable around it (no resource policy, 1 method(s) without an API key)" in (
        finding.message
    )


def test_stage_no_waf_unknown_behind_cloudfront_when_methods_not_collected() -> None:
    snap = _api_snap(f.rest_stage("prod"), distributions=[_front()])
    [finding] = unknowns("apigw.stage_no_waf", snap)
    assert "methods not collected" in finding.message


def test_stage_no_waf_passes_with_a_wafv2_association() -> None:
    acl = f.web_acl("api-acl", "x1")
    waf = f.payload(
        "wafv2",
        {
            "scope": "REGIONAL",
            "web_acls": [f.web_acl_entry(acl, logging=None, resources=[STAGE_ARN])],
        },
        region=REGION,
    )
    api = f.rest_api_entry(f.rest_api("a1"), stages=[f.rest_stage("prod")])
    snap = f.snapshot(
        f.payload("apigateway", {"rest_apis": [api]}, region=REGION),
        waf,
        f.payload("cloudfront", {"distributions": []}),
    )
    assert run_check("apigw.stage_no_waf", snap) == []


def test_stage_no_waf_unknown_when_stages_or_distributions_not_collected() -> None:
    [finding] = unknowns("apigw.stage_no_waf", _api_snap(stages_collected=False))
    assert finding.evidence == {"api": "a1"}
    [finding] = unknowns("apigw.stage_no_waf", _api_snap(f.rest_stage("prod")))
    assert finding.resource.id == STAGE_ARN
    assert fails("apigw.stage_no_waf", _api_snap(f.rest_stage("prod"))) == []


# -- domain_tls_outdated -----------------------------------------------------------------------
def _domains(*v1: dict[str, Any], v2: tuple[dict[str, Any], ...] = ()) -> Snapshot:
    return f.snapshot(
        f.payload(
            "apigateway",
            {"rest_apis": [], "domain_names": [f.domain_v1_entry(d, []) for d in v1]},
            region=REGION,
        ),
        f.payload(
            "apigatewayv2",
            {"apis": [], "domain_names": [f.domain_v2_entry(d, []) for d in v2]},
            region=REGION,
        ),
    )


def test_domain_tls_outdated_fires_for_tls_1_0() -> None:
    [finding] = fails(
        "apigw.domain_tls_outdated", _domains(f.domain_v1("api.example.com", security="TLS_1_0"))
    )
    assert finding.evidence == {"domain": "api.example.com", "security_policies": ["TLS_1_0"]}


def test_domain_tls_outdated_fires_from_a_v2_configuration() -> None:
    snap = _domains(v2=(f.domain_v2("ws.example.com", security="TLS_1_0"),))
    assert len(fails("apigw.domain_tls_outdated", snap)) == 1


def test_domain_tls_outdated_passes_for_tls_1_2_and_enhanced_policies() -> None:
    snap = _domains(
        f.domain_v1("a.example.com"),
        f.domain_v1("b.example.com", security="SecurityPolicy_TLS13_1_3_2025_09"),
        f.domain_v1("c.example.com", endpoint="EDGE", security="SecurityPolicy_TLS12_2018_EDGE"),
    )
    assert run_check("apigw.domain_tls_outdated", snap) == []


def test_domain_tls_outdated_unknown_without_a_policy() -> None:
    domain = f.domain_v1("old.example.com")
    del domain["securityPolicy"]
    [finding] = unknowns("apigw.domain_tls_outdated", _domains(domain))
    assert finding.evidence == {"domain": "old.example.com"}


def test_stage_no_waf_fires_only_for_stages_not_mapped_behind_cloudfront() -> None:
    api = f.rest_api_entry(f.rest_api("a1"), stages=[f.rest_stage("prod"), f.rest_stage("dev")])
    domain = f.domain_v1_entry(f.domain_v1("api.example.com"), [f.base_path_mapping("a1", "prod")])
    dist = f.distribution("E1", origins=[f.custom_origin("api", "api.example.com")])
    api["RestApi"]["disableExecuteApiEndpoint"] = True  # custom domain only
    snap = f.snapshot(
        f.payload("apigateway", {"rest_apis": [api], "domain_names": [domain]}, region=REGION),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
    )
    [finding] = fails("apigw.stage_no_waf", snap)
    assert finding.evidence["stage"] == "dev"


# -- stage_logging_disabled --------------------------------------------------------------------
def _silent(stage: dict[str, Any]) -> dict[str, Any]:
    """The stage without its access log settings (the factories log by default)."""
    stage.pop("accessLogSettings", None)
    stage.pop("AccessLogSettings", None)
    return stage


def _v2_snap(*stages: dict[str, Any], protocol: str = "HTTP", collected: bool = True) -> Snapshot:
    api = f.api_v2_entry(
        f.api_v2("h1", protocol=protocol), stages=list(stages) if collected else f.OMIT
    )
    return f.snapshot(f.payload("apigatewayv2", {"apis": [api]}, region=REGION))


def test_stage_logging_disabled_fires_for_a_rest_stage_logging_nothing() -> None:
    off = {"*/*": {"loggingLevel": "OFF", "metricsEnabled": True}}
    snap = _api_snap(_silent(f.rest_stage("prod", settings=off)), f.rest_stage("dev"))
    [finding] = fails("apigw.stage_logging_disabled", snap)
    assert finding.resource.id == STAGE_ARN
    assert finding.evidence == {"api": "a1", "stage": "prod", "protocol": "REST"}


def test_stage_logging_disabled_fires_for_http_and_websocket_stages() -> None:
    [http] = fails("apigw.stage_logging_disabled", _v2_snap(_silent(f.stage_v2())))
    assert http.resource.id == f"arn:aws:apigateway:{REGION}::/apis/h1/stages/$default"
    assert http.resource.type == "AWS::ApiGatewayV2::Stage"
    assert http.message.startswith("HTTP API stage $default logs nothing")
    ws = _v2_snap(_silent(f.stage_v2("prod")), protocol="WEBSOCKET")
    assert len(fails("apigw.stage_logging_disabled", ws)) == 1


def test_stage_logging_disabled_passes_with_access_or_execution_logging() -> None:
    assert run_check("apigw.stage_logging_disabled", _api_snap(f.rest_stage("prod"))) == []
    info = {"pets/GET": {"loggingLevel": "info"}}  # one method, lower-case as some tools write it
    snap = _api_snap(_silent(f.rest_stage("prod", settings=info)))
    assert run_check("apigw.stage_logging_disabled", snap) == []
    ws = _silent(f.stage_v2("prod"))
    ws["DefaultRouteSettings"]["LoggingLevel"] = "ERROR"
    assert run_check("apigw.stage_logging_disabled", _v2_snap(ws, protocol="WEBSOCKET")) == []
    private = _api_snap(_silent(f.rest_stage("prod")), types=("PRIVATE",))
    assert run_check("apigw.stage_logging_disabled", private) == []


def test_stage_logging_disabled_unknown_when_stages_not_collected() -> None:
    [rest] = unknowns("apigw.stage_logging_disabled", _api_snap(stages_collected=False))
    assert rest.evidence == {"api": "a1"}
    assert len(unknowns("apigw.stage_logging_disabled", _v2_snap(collected=False))) == 1


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
def _domain(endpoint: str, security: str) -> Snapshot:
    d = f.domain_v1("api.example.com", endpoint=endpoint, security=security)
    return f.snapshot(
        f.payload(
            "apigateway",
            {"rest_apis": [], "domain_names": [f.domain_v1_entry(d, [])]},
            region=REGION,
        )
    )


def test_domain_tls_outdated_fires_for_an_edge_optimized_domain_on_tls_1_0() -> None:
    [finding] = fails("apigw.domain_tls_outdated", _domain(endpoint="EDGE", security="TLS_1_0"))
    assert finding.evidence["security_policies"] == ["TLS_1_0"]


@pytest.mark.parametrize(
    "policy",
    [
        "SecurityPolicy_TLS12_2018_EDGE",
        "SecurityPolicy_TLS13_2025_EDGE",
        "SecurityPolicy_TLS13_1_2_PQ_2025_09",
    ],
)
def test_domain_tls_outdated_passes_enhanced_policies(policy: str) -> None:
    endpoint = "EDGE" if policy.endswith("_EDGE") else "REGIONAL"
    assert run_check("apigw.domain_tls_outdated", _domain(endpoint=endpoint, security=policy)) == []


def test_stage_no_waf_passes_private_api_even_without_cloudfront_data() -> None:
    api = f.rest_api_entry(f.rest_api("p1", types=("PRIVATE",)), stages=[f.rest_stage("prod")])
    snap = f.snapshot(f.payload("apigateway", {"rest_apis": [api]}, region=REGION))
    assert run_check("apigw.stage_no_waf", snap) == []
