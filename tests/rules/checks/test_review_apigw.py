"""Review of the apigw.* checks against realistic estates (judged correct; locked)."""

from __future__ import annotations

import pytest

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check

REGION = "us-east-1"


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
