"""redundancy.accelerator_and_cdn, double_waf, apigw_proxy_to_alb, unreferenced_entrypoint."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.plan import patterns as p
from tests.rules.checks.helpers import fails, run_check, unknowns


def test_accelerator_and_cdn_fires_with_both_paths() -> None:
    [found] = fails("redundancy.accelerator_and_cdn", p.accelerator_and_cdn())
    ev = found.evidence
    assert ev["path"][0].startswith("accelerator:") and ev["path"][1].startswith("lb:")
    assert ev["cloudfront_path"][0] == "cloudfront:E1EDGE"
    assert ev["distributions"] == ["E1EDGE"]


def test_accelerator_and_cdn_passes_without_an_accelerator() -> None:
    assert (
        run_check("redundancy.accelerator_and_cdn", p.accelerator_and_cdn(accelerator=False)) == []
    )


def test_accelerator_and_cdn_unknown_when_accelerators_not_collected() -> None:
    snap = p.accelerator_and_cdn(accelerator=False, ga_collected=False)
    [found] = unknowns("redundancy.accelerator_and_cdn", snap)
    assert found.message == "accelerators were not collected"


def test_double_waf_fires_with_common_groups_and_alb_only_rules() -> None:
    [found] = fails("redundancy.double_waf", p.double_waf())
    ev = found.evidence
    assert ev["common_managed_groups"] == ["AWS/AWSManagedRulesCommonRuleSet"]
    assert ev["alb_only_rules"] == ["block-admin"]
    assert ev["lockdown"] == "locked"
    assert ev["alb_web_acl"].startswith("waf:arn:aws:wafv2:us-east-1:111111111111:regional/")


def test_double_waf_passes_without_common_managed_groups() -> None:
    assert run_check("redundancy.double_waf", p.double_waf(common=False)) == []


def test_double_waf_passes_when_the_origin_is_open() -> None:
    assert run_check("redundancy.double_waf", p.double_waf(open_to_world=True)) == []


def test_double_waf_unknown_when_security_groups_not_collected() -> None:
    [found] = unknowns("redundancy.double_waf", p.double_waf(sg_collected=False))
    assert found.evidence["lockdown"] == "unknown"


def test_apigw_proxy_to_alb_fires_on_a_plain_rest_proxy() -> None:
    [found] = fails("redundancy.apigw_proxy_to_alb", p.apigw_proxy())
    ev = found.evidence
    assert ev["path"][:4] == [
        "cloudfront:E1API",
        "behavior:E1API:default",
        "origin:E1API:api",
        "apigw:us-east-1:r3st4p1id0",
    ]
    assert ev["alb"].startswith("lb:") and ev["pre_checks"][0].startswith("default endpoint")


def test_apigw_proxy_to_alb_fires_on_an_http_api_vpc_link() -> None:
    [found] = fails("redundancy.apigw_proxy_to_alb", p.http_api_proxy())
    assert "http-alb" in found.evidence["alb"]


def test_apigw_proxy_to_alb_passes_with_an_authorizer() -> None:
    assert run_check("redundancy.apigw_proxy_to_alb", p.apigw_proxy(auth="CUSTOM")) == []


def test_apigw_proxy_to_alb_passes_with_a_usage_plan() -> None:
    assert run_check("redundancy.apigw_proxy_to_alb", p.apigw_proxy(usage_plan=True)) == []


def test_apigw_proxy_to_alb_passes_with_a_transformation() -> None:
    assert run_check("redundancy.apigw_proxy_to_alb", p.apigw_proxy(templates=True)) == []


def test_apigw_proxy_to_alb_passes_with_a_jwt_route() -> None:
    assert run_check("redundancy.apigw_proxy_to_alb", p.http_api_proxy(jwt=True)) == []


def test_apigw_proxy_to_alb_unknown_when_resources_not_collected() -> None:
    [found] = unknowns("redundancy.apigw_proxy_to_alb", p.apigw_proxy(resources=False))
    assert "not collected" in found.message


def test_unreferenced_entrypoint_fires_and_says_metrics_are_not_collected() -> None:
    [found] = fails("redundancy.unreferenced_entrypoint", p.unreferenced())
    assert "orphan-alb" in found.resource.id
    assert "CloudWatch" in found.evidence["request_metrics"]


def test_unreferenced_entrypoint_passes_when_a_record_points_at_it() -> None:
    assert run_check("redundancy.unreferenced_entrypoint", p.unreferenced(record=True)) == []


def test_unreferenced_entrypoint_unknown_when_records_not_collected() -> None:
    found = unknowns("redundancy.unreferenced_entrypoint", p.unreferenced(records_denied=True))
    assert found and all("Route 53" in x.message for x in found)


def test_unreferenced_entrypoint_unknown_for_an_alias_outside_every_zone() -> None:
    snap = p.s3_website()
    dist = snap.payload("111111111111", "global", "cloudfront")
    assert dist is not None
    cfg = dist["distributions"][0]["Distribution"]["DistributionConfig"]
    cfg["Aliases"] = {"Quantity": 1, "Items": ["www.elsewhere.org"]}
    zones = snap.payload("111111111111", "global", "route53")
    assert zones is not None
    zones["hosted_zones"][0]["ResourceRecordSets"] = []
    [found] = unknowns("redundancy.unreferenced_entrypoint", snap)
    assert "www.elsewhere.org" in found.message


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
def _with_integration(snapshot: Snapshot, **fields: Any) -> Snapshot:
    """The REST proxy estate with ``fields`` added to every methodIntegration."""
    for payload in snapshot.payloads:
        for api in payload["data"].get("rest_apis") or ():
            for res in api.get("Resources") or ():
                for method in (res.get("resourceMethods") or {}).values():
                    if "methodIntegration" in method:
                        method["methodIntegration"].update(fields)
    return snapshot


# -- redundancy.apigw_proxy_to_alb ------------------------------------------------------------
def test_apigw_proxy_to_alb_fires_with_the_proxy_path_parameter_mapping() -> None:
    # What the console / CDK / SAM create for ANY /{proxy+} → http://alb/{proxy}: the greedy
    # path parameter passed through unchanged. Not a transformation.
    snapshot = _with_integration(
        p.apigw_proxy(),
        requestParameters={"integration.request.path.proxy": "method.request.path.proxy"},
        cacheKeyParameters=["method.request.path.proxy"],
    )
    assert fails("redundancy.apigw_proxy_to_alb", snapshot)


def test_apigw_proxy_to_alb_passes_with_a_real_parameter_mapping() -> None:
    # A header injected (static value) or renamed is work API Gateway does.
    for mapping in (
        {"integration.request.header.x-api-version": "'2'"},
        {"integration.request.header.x-user": "method.request.header.x-forwarded-user"},
        {"integration.request.path.proxy": "method.request.querystring.page"},
    ):
        snapshot = _with_integration(p.apigw_proxy(), requestParameters=mapping)
        assert run_check("redundancy.apigw_proxy_to_alb", snapshot) == [], mapping


# -- redundancy.accelerator_and_cdn -----------------------------------------------------------
def test_accelerator_and_cdn_passes_for_an_nlb() -> None:
    # The catalogue's pattern is an ALB behind both: an NLB endpoint gives the accelerator the
    # TCP/UDP path an ALB cannot (CloudFront does not replace it).
    snapshot = p.accelerator_and_cdn()
    for payload in snapshot.payloads:
        for entry in payload["data"].get("load_balancers") or ():
            if "Type" in entry["LoadBalancer"]:
                entry["LoadBalancer"]["Type"] = "network"
    assert run_check("redundancy.accelerator_and_cdn", snapshot) == []


def test_accelerator_and_cdn_fires_for_an_alb() -> None:
    assert fails("redundancy.accelerator_and_cdn", p.accelerator_and_cdn())
