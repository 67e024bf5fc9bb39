"""apigw.stage_no_waf and apigw.domain_tls_outdated."""

from __future__ import annotations

from typing import Any

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
) -> Snapshot:
    api = f.rest_api("a1", types=types)
    entry = f.rest_api_entry(api, stages=list(stages) if stages_collected else f.OMIT)
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
    behind = _api_snap(f.rest_stage("prod"), distributions=[_front()])
    assert run_check("apigw.stage_no_waf", behind) == []


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
    snap = f.snapshot(
        f.payload("apigateway", {"rest_apis": [api], "domain_names": [domain]}, region=REGION),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(dist)]}),
    )
    [finding] = fails("apigw.stage_no_waf", snap)
    assert finding.evidence["stage"] == "dev"
