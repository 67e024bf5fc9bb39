"""Review: redundancy.* checks on realistic-but-unusual estates (the request-parameter mapping
every ``{proxy+}`` HTTP proxy integration carries, ...)."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.plan import patterns as p
from tests.rules.checks.helpers import fails, run_check


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
