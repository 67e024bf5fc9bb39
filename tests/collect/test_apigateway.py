"""The apigateway (v1 REST) collector against in-process moto."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from tests.collect import shapes
from tests.collect.builders import assert_calls_declared, fail, run, shared_moto

R = "eu-west-1"
EMPTY = "us-west-2"
NLB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/nlb/0123456789abcdef"
FN = "arn:aws:lambda:eu-west-1:123456789012:function:api"
POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke"}],
}


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, Any]]:
    """Built once per module; tests only read it."""
    with shared_moto():
        yield build()


def build() -> dict[str, Any]:
    api = boto3.client("apigateway", region_name=R)
    link = api.create_vpc_link(name="link", targetArns=[NLB])["id"]
    edge = api.create_rest_api(name="edge")["id"]
    regional = api.create_rest_api(
        name="regional",
        endpointConfiguration={"types": ["REGIONAL"]},
        disableExecuteApiEndpoint=True,
        policy=json.dumps(POLICY),
    )["id"]
    api.create_rest_api(name="private", endpointConfiguration={"types": ["PRIVATE"]})
    root = api.get_resources(restApiId=regional)["items"][0]["id"]
    items = api.create_resource(restApiId=regional, parentId=root, pathPart="items")["id"]
    api.put_method(
        restApiId=regional,
        resourceId=items,
        httpMethod="GET",
        authorizationType="NONE",
        apiKeyRequired=True,
    )
    api.put_integration(
        restApiId=regional,
        resourceId=items,
        httpMethod="GET",
        type="HTTP_PROXY",
        integrationHttpMethod="GET",
        uri="http://internal.example.com/items",
        connectionType="VPC_LINK",
        connectionId=link,
    )
    api.put_method(
        restApiId=regional, resourceId=root, httpMethod="ANY", authorizationType="AWS_IAM"
    )
    api.put_integration(
        restApiId=regional,
        resourceId=root,
        httpMethod="ANY",
        type="AWS_PROXY",
        integrationHttpMethod="POST",
        uri=f"arn:aws:apigateway:{R}:lambda:path/2015-03-31/functions/{FN}/invocations",
    )
    deployment = api.create_deployment(restApiId=regional)["id"]
    api.create_stage(
        restApiId=regional,
        stageName="prod",
        deploymentId=deployment,
        cacheClusterEnabled=True,
        cacheClusterSize="0.5",
    )
    api.create_domain_name(
        domainName="api.example.com",
        regionalCertificateArn=f"arn:aws:acm:{R}:123456789012:certificate/abc",
        endpointConfiguration={"types": ["REGIONAL"]},
        securityPolicy="TLS_1_0",
    )
    api.create_base_path_mapping(
        domainName="api.example.com", restApiId=regional, basePath="v1", stage="prod"
    )
    api.create_usage_plan(name="plan", apiStages=[{"apiId": regional, "stage": "prod"}])
    return {"edge": edge, "regional": regional, "link": link}


def test_collects_apis_resources_domains_plans_links(estate: dict[str, Any]) -> None:
    res = run("apigateway", R)
    assert res.error is None and res.gaps == []
    data = res.data
    assert data is not None
    apis = {a["RestApi"]["name"]: a for a in data["rest_apis"]}
    assert {n: a["RestApi"]["endpointConfiguration"]["types"] for n, a in apis.items()} == {
        "edge": ["EDGE"],
        "regional": ["REGIONAL"],
        "private": ["PRIVATE"],
    }
    regional = apis["regional"]
    assert regional["RestApi"]["disableExecuteApiEndpoint"] is True
    assert json.loads(regional["RestApi"]["policy"]) == POLICY
    [stage] = regional["Stages"]
    assert (stage["stageName"], stage["cacheClusterEnabled"]) == ("prod", True)
    by_path = {r["path"]: r for r in regional["Resources"]}
    get = by_path["/items"]["resourceMethods"]["GET"]
    assert (get["authorizationType"], get["apiKeyRequired"]) == ("NONE", True)
    assert get["methodIntegration"]["type"] == "HTTP_PROXY"
    assert get["methodIntegration"]["connectionType"] == "VPC_LINK"
    # moto 5.2.5 drops connectionId from stored integrations (AWS returns the VPC link id)
    assert get["methodIntegration"].get("connectionId") in (None, estate["link"])
    root = by_path["/"]["resourceMethods"]["ANY"]
    assert (root["authorizationType"], root["methodIntegration"]["type"]) == (
        "AWS_IAM",
        "AWS_PROXY",
    )
    assert apis["edge"]["Stages"] == [] and len(apis["edge"]["Resources"]) == 1
    [domain] = data["domain_names"]
    assert domain["DomainName"]["securityPolicy"] == "TLS_1_0"
    assert [(m["basePath"], m["restApiId"]) for m in domain["BasePathMappings"]] == [
        ("v1", estate["regional"])
    ]
    [plan] = data["usage_plans"]
    assert plan["apiStages"] == [{"apiId": estate["regional"], "stage": "prod"}]
    [link] = data["vpc_links"]
    assert link["targetArns"] == [NLB]
    for a in data["rest_apis"]:
        shapes.assert_conforms(a["RestApi"], "apigateway", "GetRestApis", "items[]")
        shapes.assert_conforms(a["Stages"], "apigateway", "GetStages", "item")
        shapes.assert_conforms(a["Resources"], "apigateway", "GetResources", "items")
    shapes.assert_conforms(domain["DomainName"], "apigateway", "GetDomainNames", "items[]")
    shapes.assert_conforms(domain["BasePathMappings"], "apigateway", "GetBasePathMappings", "items")
    shapes.assert_conforms(data["usage_plans"], "apigateway", "GetUsagePlans", "items")
    shapes.assert_conforms(data["vpc_links"], "apigateway", "GetVpcLinks", "items")
    assert_calls_declared(res)


def test_call_counts(estate: dict[str, Any]) -> None:
    res = run("apigateway", R)
    assert res.calls == {
        ("apigateway", "GetRestApis"): 1,
        ("apigateway", "GetStages"): 3,
        ("apigateway", "GetResources"): 3,  # methods and integrations embedded
        ("apigateway", "GetDomainNames"): 1,
        ("apigateway", "GetBasePathMappings"): 1,
        ("apigateway", "GetUsagePlans"): 1,
        ("apigateway", "GetVpcLinks"): 1,
    }


def test_empty_region_is_collected_as_none(estate: dict[str, Any]) -> None:
    res = run("apigateway", EMPTY)
    assert res.data == {"rest_apis": [], "domain_names": [], "usage_plans": [], "vpc_links": []}


def test_denied_listing_leaves_key_out(estate: dict[str, Any]) -> None:
    res = run("apigateway", R, fail("GetRestApis"))
    assert res.data is not None
    assert "rest_apis" not in res.data and "domain_names" in res.data
    assert [(g["operation"], g["error_code"]) for g in res.gaps] == [
        ("GetRestApis", "AccessDenied")
    ]


def test_denied_stages_leave_their_key_out(estate: dict[str, Any]) -> None:
    res = run("apigateway", R, fail("GetStages"))
    assert res.data is not None
    for api in res.data["rest_apis"]:
        assert "Stages" not in api and "Resources" in api
    assert len(res.gaps) == 3
