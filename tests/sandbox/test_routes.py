"""Every bridged operation is routed, in-process and in the server, to a method of the bridge."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from moto.core.utils import camelcase_to_underscores

from edgekit.sandbox import bridge
from edgekit.sandbox.bridge.cloudfront_responses import BridgedCloudFrontResponse
from edgekit.sandbox.bridge.wafv2 import BridgedWAFV2Response
from tests.sandbox.shapes import service_model

CLOUDFRONT_OPERATIONS = [
    f"{verb}{kind}"
    for kind in ("CachePolicy", "OriginRequestPolicy", "ResponseHeadersPolicy")
    for verb in ("Create", "Get", "Update", "Delete")
] + [
    "GetCachePolicyConfig",
    "GetOriginRequestPolicyConfig",
    "GetResponseHeadersPolicyConfig",
    "ListCachePolicies",
    "ListOriginRequestPolicies",
    "ListResponseHeadersPolicies",
    "CreateCloudFrontOriginAccessIdentity",
    "GetCloudFrontOriginAccessIdentity",
    "GetCloudFrontOriginAccessIdentityConfig",
    "ListCloudFrontOriginAccessIdentities",
    "UpdateCloudFrontOriginAccessIdentity",
    "DeleteCloudFrontOriginAccessIdentity",
    "CreateVpcOrigin",
    "GetVpcOrigin",
    "ListVpcOrigins",
    "UpdateVpcOrigin",
    "DeleteVpcOrigin",
    "CreateRealtimeLogConfig",
    "GetRealtimeLogConfig",
    "ListRealtimeLogConfigs",
    "UpdateRealtimeLogConfig",
    "DeleteRealtimeLogConfig",
    "PublishFunction",
    "DescribeFunction",
    "ListFunctions",
    "DeleteFunction",
]


def _path(operation: str) -> str:
    uri = service_model("cloudfront").operation_model(operation).http["requestUri"]
    return re.sub(r"\{[^}]+\}", "X1", uri.split("?")[0])


@pytest.fixture
def installed() -> Iterator[None]:
    with bridge.bridged():
        yield


@pytest.mark.parametrize("operation", CLOUDFRONT_OPERATIONS)
def test_cloudfront_operation_is_routed_in_process(installed: None, operation: str) -> None:
    from moto.cloudfront.models import cloudfront_backends

    assert callable(getattr(BridgedCloudFrontResponse, camelcase_to_underscores(operation)))
    url = f"https://cloudfront.amazonaws.com{_path(operation)}"
    handlers = [
        handler
        for pattern, handler in cloudfront_backends["123456789012"]["aws"].urls.items()
        if re.compile(pattern).match(url)
    ]
    assert handlers and all(
        getattr(h, "__self__", None) is BridgedCloudFrontResponse for h in handlers
    )


def test_cloudfront_and_wafv2_operations_are_routed_in_the_server(installed: None) -> None:
    from moto.moto_server.werkzeug_app import create_backend_app

    adapter = create_backend_app("cloudfront").url_map.bind("localhost")
    for operation in CLOUDFRONT_OPERATIONS:
        method = service_model("cloudfront").operation_model(operation).http["method"]
        endpoint, _ = adapter.match(_path(operation), method=method)
        assert endpoint.startswith("BridgedCloudFrontResponse.dispatch"), operation
    waf = create_backend_app("wafv2").url_map.bind("localhost")
    assert waf.match("/", method="POST")[0].startswith("BridgedWAFV2Response.dispatch")
    assert callable(BridgedWAFV2Response.list_resources_for_web_acl)


EXTRA_SERVICES = {
    # service: (endpoint URL, signing region, backend key: partition or region)
    "globalaccelerator": ("https://globalaccelerator.us-west-2.amazonaws.com/", "us-west-2", "aws"),
    "waf": ("https://waf.amazonaws.com/", "us-east-1", "aws"),
    "waf-regional": ("https://waf-regional.eu-west-1.amazonaws.com/", "eu-west-1", "eu-west-1"),
}


@pytest.mark.parametrize("service", sorted(EXTRA_SERVICES))
def test_extra_services_are_routed_in_process_and_in_the_server(
    installed: None, service: str
) -> None:
    import moto.backend_index as backend_index
    import moto.backends as moto_backends
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    url, region, key = EXTRA_SERVICES[service]
    matched = [name for name, pattern in backend_index.backend_url_patterns if pattern.match(url)]
    assert matched == [service]
    backend = moto_backends.get_backend(service)["123456789012"]  # type: ignore[call-overload]
    assert any(re.compile(u).match(url) for u in backend[key].urls)
    dispatcher = DomainDispatcherApplication(create_backend_app)
    auth = f"AWS4-HMAC-SHA256 Credential=testing/20250101/{region}/{service}/aws4_request, x"
    host = dispatcher.infer_service_region_host({"HTTP_AUTHORIZATION": auth}, "/")
    assert dispatcher.get_backend_for_host(host) == service
    app = create_backend_app(service)  # type: ignore[arg-type]
    endpoint, _ = app.url_map.bind("localhost").match("/", method="POST")
    assert endpoint.endswith(".dispatch")


def test_extra_services_are_gone_after_uninstall() -> None:
    import moto.backend_index as backend_index

    with bridge.bridged():
        pass
    if not bridge.installed():
        names = {name for name, _ in backend_index.backend_url_patterns}
        assert not names & set(EXTRA_SERVICES)
