"""The apigatewayv2 (HTTP / WebSocket) collector against in-process moto."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from tests.collect import shapes
from tests.collect.builders import assert_calls_declared, fail, run, shared_moto

R = "eu-west-1"
EMPTY = "us-west-2"
LISTENER = (
    "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/alb/0123456789abcdef/"
    "fedcba9876543210"
)


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, Any]]:
    """Built once per module; tests only read it."""
    with shared_moto():
        yield build()


def build() -> dict[str, Any]:
    v2 = boto3.client("apigatewayv2", region_name=R)
    link = v2.create_vpc_link(Name="link", SubnetIds=["subnet-1"], SecurityGroupIds=["sg-1"])[
        "VpcLinkId"
    ]
    http = v2.create_api(Name="http", ProtocolType="HTTP", DisableExecuteApiEndpoint=True)["ApiId"]
    ws = v2.create_api(
        Name="ws", ProtocolType="WEBSOCKET", RouteSelectionExpression="$request.body.action"
    )["ApiId"]
    integ = v2.create_integration(
        ApiId=http,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="ANY",
        IntegrationUri=LISTENER,
        ConnectionType="VPC_LINK",
        ConnectionId=link,
        PayloadFormatVersion="1.0",
    )["IntegrationId"]
    v2.create_route(
        ApiId=http,
        RouteKey="ANY /{proxy+}",
        AuthorizationType="NONE",
        Target=f"integrations/{integ}",
    )
    v2.create_stage(ApiId=http, StageName="$default", AutoDeploy=True)
    v2.create_domain_name(
        DomainName="http.example.com",
        DomainNameConfigurations=[
            {
                "CertificateArn": f"arn:aws:acm:{R}:123456789012:certificate/abc",
                "EndpointType": "REGIONAL",
                "SecurityPolicy": "TLS_1_2",
            }
        ],
    )
    v2.create_api_mapping(DomainName="http.example.com", ApiId=http, Stage="$default")
    return {"http": http, "ws": ws, "link": link, "integration": integ}


def test_collects_apis_integrations_routes_domains_links(estate: dict[str, Any]) -> None:
    res = run("apigatewayv2", R)
    assert res.error is None and res.gaps == []
    data = res.data
    assert data is not None
    apis = {a["Api"]["Name"]: a for a in data["apis"]}
    http = apis["http"]
    assert (http["Api"]["ProtocolType"], http["Api"]["DisableExecuteApiEndpoint"]) == ("HTTP", True)
    [integ] = http["Integrations"]
    assert (integ["IntegrationType"], integ["ConnectionType"], integ["ConnectionId"]) == (
        "HTTP_PROXY",
        "VPC_LINK",
        estate["link"],
    )
    assert integ["IntegrationUri"] == LISTENER
    [route] = http["Routes"]
    assert (route["RouteKey"], route["AuthorizationType"]) == ("ANY /{proxy+}", "NONE")
    assert route["Target"] == f"integrations/{estate['integration']}"
    assert [s["StageName"] for s in http["Stages"]] == ["$default"]
    assert apis["ws"]["Api"]["ProtocolType"] == "WEBSOCKET"
    assert (apis["ws"]["Routes"], apis["ws"]["Integrations"]) == ([], [])
    [domain] = data["domain_names"]
    [conf] = domain["DomainName"]["DomainNameConfigurations"]
    assert (conf["EndpointType"], conf["SecurityPolicy"]) == ("REGIONAL", "TLS_1_2")
    assert [m["ApiId"] for m in domain["ApiMappings"]] == [estate["http"]]
    assert [link["VpcLinkId"] for link in data["vpc_links"]] == [estate["link"]]
    for api in data["apis"]:
        shapes.assert_conforms(api["Api"], "apigatewayv2", "GetApis", "Items[]")
        for key, op in (("Stages", "GetStages"), ("Integrations", "GetIntegrations")):
            shapes.assert_conforms(api[key], "apigatewayv2", op, "Items")
        shapes.assert_conforms(api["Routes"], "apigatewayv2", "GetRoutes", "Items")
    shapes.assert_conforms(domain["DomainName"], "apigatewayv2", "GetDomainNames", "Items[]")
    shapes.assert_conforms(domain["ApiMappings"], "apigatewayv2", "GetApiMappings", "Items")
    shapes.assert_conforms(data["vpc_links"], "apigatewayv2", "GetVpcLinks", "Items")
    assert_calls_declared(res)


def test_call_counts(estate: dict[str, Any]) -> None:
    res = run("apigatewayv2", R)
    assert res.calls == {
        ("apigatewayv2", "GetApis"): 1,
        ("apigatewayv2", "GetStages"): 2,
        ("apigatewayv2", "GetIntegrations"): 2,
        ("apigatewayv2", "GetRoutes"): 2,
        ("apigatewayv2", "GetDomainNames"): 1,
        ("apigatewayv2", "GetApiMappings"): 1,
        ("apigatewayv2", "GetVpcLinks"): 1,
    }


def test_empty_region_is_collected_as_none(estate: dict[str, Any]) -> None:
    assert run("apigatewayv2", EMPTY).data == {"apis": [], "domain_names": [], "vpc_links": []}


def test_denied_reads_leave_keys_out(estate: dict[str, Any]) -> None:
    res = run("apigatewayv2", R, fail("GetRoutes"), fail("GetVpcLinks"))
    assert res.data is not None
    assert all("Routes" not in a and "Integrations" in a for a in res.data["apis"])
    assert "vpc_links" not in res.data and "domain_names" in res.data
    assert sorted(g["operation"] for g in res.gaps) == ["GetRoutes", "GetRoutes", "GetVpcLinks"]
