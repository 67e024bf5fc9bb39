"""Review: redundancy.* checks on realistic-but-unusual estates (the request-parameter mapping
every ``{proxy+}`` HTTP proxy integration carries, ...)."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
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
