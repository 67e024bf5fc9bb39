"""origin.lambda_url_public, origin.apigw_direct_access."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.model.factories import OMIT
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check, unknowns

LAMBDA = "origin.lambda_url_public"
APIGW = "origin.apigw_direct_access"
URL_ID = "abcdefghijklmnop1234"
URL_HOST = f"{URL_ID}.lambda-url.us-east-1.on.aws"
FN = f.function_arn("api")
OAC_ID = "E4OACLAMBDA"
API_ID = "a1b2c3d4e5"
API_HOST = f"{API_ID}.execute-api.us-east-1.amazonaws.com"


# -- origin.lambda_url_public -----------------------------------------------------------------
def lambda_origin(oac: str | None = OAC_ID) -> dict[str, Any]:
    origin = f.custom_origin("fn", URL_HOST)
    origin["OriginAccessControlId"] = oac or ""
    return origin


def lambda_oac(signing: str = "always") -> dict[str, Any]:
    oac = f.oac(OAC_ID, "fn-oac")
    oac.update(OriginAccessControlOriginType="lambda", SigningBehavior=signing)
    return oac


def lambda_estate(config: Any, *, oac: str | None = OAC_ID, signing: str = "always") -> Snapshot:
    """E1CDN → function URL origin; ``config`` the URL config (OMIT: read denied)."""
    dist = o.distribution(lambda_origin(oac))
    payloads = [o.cloudfront(dist, origin_access_controls=[lambda_oac(signing)])]
    if config is not None:
        entry = f.function_url_entry(FN, config)
        payloads.append(f.payload("lambda", {"function_urls": [entry]}, region=o.REGION))
    return o.snap(*payloads)


def test_lambda_url_public_fires_for_auth_type_none() -> None:
    [finding] = fails(LAMBDA, lambda_estate(f.url_config(FN, URL_ID, auth="NONE")))
    assert finding.evidence == {
        "origin": "fn",
        "domain": URL_HOST,
        "function": FN,
        "auth_type": "NONE",
    }
    assert "AuthType NONE" in finding.message


def test_lambda_url_public_fires_without_signing_oac() -> None:
    [finding] = fails(LAMBDA, lambda_estate(None, oac=None))
    assert "no signing origin access control" in finding.message
    never = lambda_estate(f.url_config(FN, URL_ID, auth="AWS_IAM"), signing="never")
    assert len(fails(LAMBDA, never)) == 1


def test_lambda_url_public_passes_with_oac_and_iam_auth() -> None:
    assert run_check(LAMBDA, lambda_estate(f.url_config(FN, URL_ID, auth="AWS_IAM"))) == []


def test_lambda_url_public_passes_for_other_origins() -> None:
    origin = f.custom_origin("web", "www.example.com")
    assert run_check(LAMBDA, o.snap(o.cloudfront(o.distribution(origin)))) == []


def test_lambda_url_public_passes_for_url_no_function_serves() -> None:
    data = {"function_urls": [], "unresolved_url_ids": [URL_ID]}
    dist = o.distribution(lambda_origin(None))
    snap = o.snap(o.cloudfront(dist), f.payload("lambda", data, region=o.REGION))
    assert run_check(LAMBDA, snap) == []


def test_lambda_url_public_unknown_when_url_config_not_collected() -> None:
    [finding] = unknowns(LAMBDA, lambda_estate(OMIT))
    assert "AuthType was not collected" in finding.message
    assert len(unknowns(LAMBDA, lambda_estate(None))) == 1  # no lambda payload at all


# -- origin.apigw_direct_access ---------------------------------------------------------------
def rest(
    *,
    policy: str | None = None,
    disable: bool = False,
    types: tuple[str, ...] = ("REGIONAL",),
    methods: Any = None,
) -> dict[str, Any]:
    """A ``rest_apis`` item (one GET method without API key unless told)."""
    api = f.rest_api(API_ID, disable_default=disable, policy=policy, types=types)
    resources = (
        OMIT
        if methods is OMIT
        else [f.rest_resource("root0", "/", methods or [f.method("GET")], parent=None)]
    )
    return f.rest_api_entry(api, stages=[f.rest_stage("prod")], resources=resources)


def api_payloads(*rest_items: dict[str, Any], v2: Any = ()) -> list[dict[str, Any]]:
    v1_data = {
        "rest_apis": list(rest_items),
        "domain_names": [],
        "usage_plans": [],
        "vpc_links": [],
    }
    v2_data = {"apis": list(v2), "domain_names": [], "vpc_links": []}
    return [
        f.payload("apigateway", v1_data, region=o.REGION),
        f.payload("apigatewayv2", v2_data, region=o.REGION),
    ]


def api_estate(*payloads: dict[str, Any], host: str = API_HOST) -> Snapshot:
    dist = o.distribution(f.custom_origin("api", host))
    return o.snap(o.cloudfront(dist), *payloads)


def test_apigw_direct_access_fires_for_open_rest_api() -> None:
    [finding] = fails(APIGW, api_estate(*api_payloads(rest())))
    assert finding.evidence == {
        "origin": "api",
        "apis": [
            {
                "api": API_ID,
                "endpoint": API_HOST,
                "why": "no resource policy, 1 method(s) without an API key",
            }
        ],
    }


def test_apigw_direct_access_fires_for_allow_all_policy_and_http_api() -> None:
    allow_all = f.policy_json(f.statement(actions="execute-api:Invoke", resources="*"))
    assert len(fails(APIGW, api_estate(*api_payloads(rest(policy=allow_all))))) == 1
    http = f.api_v2_entry(
        f.api_v2(API_ID), stages=[f.stage_v2()], routes=[f.route_v2("r1", "GET /", None)]
    )
    assert len(fails(APIGW, api_estate(*api_payloads(v2=[http])))) == 1


def test_apigw_direct_access_fires_through_custom_domain_mapping() -> None:
    v1 = api_payloads(rest())
    v1[0]["data"]["domain_names"] = [
        f.domain_v1_entry(f.domain_v1("api.example.com"), [f.base_path_mapping(API_ID)])
    ]
    [finding] = fails(APIGW, api_estate(*v1, host="api.example.com"))
    assert finding.evidence["apis"][0]["api"] == API_ID


def test_apigw_direct_access_passes_when_restricted() -> None:
    deny = f.policy_json(
        f.statement(actions="execute-api:Invoke", resources="*"),
        f.statement(
            effect="Deny",
            actions="execute-api:Invoke",
            resources="*",
            conditions={"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}},
        ),
    )
    keyed = [f.method("GET", api_key=True), f.method("OPTIONS")]
    for item in (
        rest(disable=True),
        rest(policy=deny),
        rest(methods=keyed),
        rest(types=("PRIVATE",)),
    ):
        assert run_check(APIGW, api_estate(*api_payloads(item))) == []


def test_apigw_direct_access_passes_for_http_api_disabled_or_without_routes() -> None:
    disabled = f.api_v2_entry(f.api_v2(API_ID, disable_default=True), routes=[])
    empty = f.api_v2_entry(f.api_v2(API_ID), routes=[])
    for item in (disabled, empty):
        assert run_check(APIGW, api_estate(*api_payloads(v2=[item]))) == []


def test_apigw_direct_access_passes_for_non_api_origins() -> None:
    assert run_check(APIGW, api_estate(host="www.example.com")) == []


def test_apigw_direct_access_unknown_when_api_or_methods_not_collected() -> None:
    [finding] = unknowns(APIGW, api_estate())
    assert finding.evidence["not_collected"] == [API_HOST]
    assert len(unknowns(APIGW, api_estate(*api_payloads(rest(methods=OMIT))))) == 1
    no_routes = f.api_v2_entry(f.api_v2(API_ID))  # GetRoutes denied
    assert len(unknowns(APIGW, api_estate(*api_payloads(v2=[no_routes])))) == 1
