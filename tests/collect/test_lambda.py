"""The lambda collector: function URLs behind CloudFront / ALB, Lambda@Edge versions."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from edgekit.collect import lambda_
from edgekit.collect.runner import UnitResult, WorkUnit, run_unit
from tests.collect import shapes
from tests.collect.builders import ACCESS, ACCOUNT, assert_calls_declared, fail, shared_moto

R = "eu-west-1"
EDGE_REGION = "us-east-1"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return {}\n")
    return buf.getvalue()


@pytest.fixture(scope="module")
def estate() -> Iterator[dict[str, Any]]:
    """Three functions in R (two with URLs), one published Lambda@Edge version in us-east-1."""
    with shared_moto():
        yield build()


def build() -> dict[str, Any]:
    role = boto3.client("iam").create_role(
        RoleName="fn",
        AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": []}),
    )["Role"]["Arn"]
    out: dict[str, Any] = {}
    for region, names in ((R, ("alpha", "beta", "gamma")), (EDGE_REGION, ("edge",))):
        lam = boto3.client("lambda", region_name=region)
        for name in names:
            out[name] = lam.create_function(
                FunctionName=name,
                Runtime="python3.12",
                Role=role,
                Handler="index.handler",
                Code={"ZipFile": _zip()},
            )["FunctionArn"]
    lam = boto3.client("lambda", region_name=R)
    for name, auth in (("alpha", "NONE"), ("gamma", "AWS_IAM")):
        url = lam.create_function_url_config(FunctionName=name, AuthType=auth)["FunctionUrl"]
        out[f"{name}_url_id"] = url.split("//")[1].split(".")[0]
    edge = boto3.client("lambda", region_name=EDGE_REGION).publish_version(FunctionName="edge")
    out["edge_version"] = edge["FunctionArn"]
    return out


def _run(region: str, inputs: dict[str, list[str]], *hooks: Any) -> UnitResult:
    return run_unit(WorkUnit("lambda", ACCESS, region, region, tuple(hooks), inputs))


def test_finds_the_function_behind_a_url_origin(estate: dict[str, Any]) -> None:
    inputs = {"url_ids": [estate["gamma_url_id"], "nosuchurlid"], "targets": [estate["beta"]]}
    res = _run(R, inputs)
    assert res.error is None and res.gaps == []
    data = res.data
    assert data is not None
    urls = {u["FunctionArn"]: u for u in data["function_urls"]}
    assert urls[estate["beta"]]["FunctionUrlConfig"] is None  # ALB target without a URL
    gamma = urls[estate["gamma"]]["FunctionUrlConfig"]
    assert gamma["AuthType"] == "AWS_IAM"
    assert estate["gamma_url_id"] in gamma["FunctionUrl"]
    assert estate["alpha"] not in urls  # searched, but its URL is not an origin
    assert data["unresolved_url_ids"] == ["nosuchurlid"]
    assert "edge_functions" not in data
    # moto 5.2.5 answers InvokeMode "Buffered" (AWS: "BUFFERED"): enums checked loosely here
    shapes.assert_conforms(gamma, "lambda", "GetFunctionUrlConfig", enums=False)
    assert_calls_declared(res)
    # 1 listing, then URL configs until every wanted id is found (all 3 here: one is missing)
    assert res.calls == {("lambda", "ListFunctions"): 1, ("lambda", "GetFunctionUrlConfig"): 4}


def test_search_stops_once_every_url_is_found(estate: dict[str, Any]) -> None:
    res = _run(R, {"url_ids": [estate["alpha_url_id"]]})
    assert res.data is not None
    assert [u["FunctionArn"] for u in res.data["function_urls"]] == [estate["alpha"]]
    assert res.data["unresolved_url_ids"] == []
    assert res.calls[("lambda", "GetFunctionUrlConfig")] == 1  # alpha is listed first


def test_alb_target_with_url(estate: dict[str, Any]) -> None:
    res = _run(R, {"targets": [estate["alpha"]]})
    assert res.data is not None
    [entry] = res.data["function_urls"]
    assert entry["FunctionUrlConfig"]["AuthType"] == "NONE"
    assert "unresolved_url_ids" not in res.data  # no URL search needed
    assert res.calls == {("lambda", "GetFunctionUrlConfig"): 1}


def test_edge_function_versions(estate: dict[str, Any]) -> None:
    gone = estate["edge"] + ":99"
    res = _run(EDGE_REGION, {"edge_functions": [estate["edge_version"], gone]})
    assert res.data is not None
    edges = {e["FunctionArn"]: e for e in res.data["edge_functions"]}
    assert edges[estate["edge_version"]]["Configuration"]["FunctionName"] == "edge"
    assert edges[gone]["Configuration"] is None
    assert "function_urls" not in res.data
    shapes.assert_conforms(
        edges[estate["edge_version"]]["Configuration"], "lambda", "GetFunctionConfiguration"
    )
    assert_calls_declared(res)


def test_denied_listing_leaves_url_search_uncollected(estate: dict[str, Any]) -> None:
    res = _run(R, {"url_ids": [estate["alpha_url_id"]]}, fail("ListFunctions"))
    assert res.data == {"function_urls": []}
    assert [g["operation"] for g in res.gaps] == ["ListFunctions"]


def test_denied_url_config_is_absent_and_search_incomplete(estate: dict[str, Any]) -> None:
    inputs = {"url_ids": ["nosuchurlid"], "targets": [estate["beta"]]}
    res = _run(R, inputs, fail("GetFunctionUrlConfig"))
    assert res.data is not None
    assert res.data["function_urls"] == [{"FunctionArn": estate["beta"]}]
    assert "unresolved_url_ids" not in res.data  # a denied function may have been the one


def _cloudfront(account: str, origins: list[str], edge_arns: list[str]) -> dict[str, Any]:
    assoc = {"Quantity": len(edge_arns), "Items": [{"LambdaFunctionARN": a} for a in edge_arns]}
    config = {
        "Origins": {"Items": [{"DomainName": d} for d in origins]},
        "DefaultCacheBehavior": {"LambdaFunctionAssociations": assoc},
        "CacheBehaviors": {"Items": [{"LambdaFunctionAssociations": assoc}]},
    }
    return {
        "account_id": account,
        "region": "global",
        "collector": "cloudfront",
        "data": {"distributions": [{"Distribution": {"DistributionConfig": config}}]},
    }


def test_select_inputs() -> None:
    edge = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:edge:3"
    target = f"arn:aws:lambda:{R}:{ACCOUNT}:function:api"
    elsewhere = f"arn:aws:lambda:{R}:999999999999:function:api"
    prior = [
        _cloudfront(ACCOUNT, ["abc123.lambda-url.eu-west-1.on.aws", "x.example.com"], [edge]),
        _cloudfront("999999999999", ["zzz.lambda-url.eu-west-1.on.aws"], []),
        {
            "account_id": ACCOUNT,
            "region": R,
            "collector": "elbv2",
            "data": {
                "target_groups": [
                    {
                        "TargetGroup": {"TargetType": "lambda"},
                        "TargetHealthDescriptions": [
                            {"Target": {"Id": target}},
                            {"Target": {"Id": elsewhere}},
                        ],
                    },
                    {
                        "TargetGroup": {"TargetType": "ip"},
                        "TargetHealthDescriptions": [{"Target": {"Id": "10.0.0.1"}}],
                    },
                ]
            },
        },
    ]
    assert lambda_.select_inputs(prior, ACCOUNT, R) == {
        "url_ids": ["abc123"],
        "targets": [target],
        "edge_functions": [],
    }
    assert lambda_.select_inputs(prior, ACCOUNT, "us-east-1") == {
        "url_ids": [],
        "targets": [],
        "edge_functions": [edge],
    }
    assert lambda_.select_inputs(prior, ACCOUNT, "eu-central-1") is None
    assert lambda_.select_inputs(prior, "999999999999", R) == {
        "url_ids": ["zzz"],
        "targets": [elsewhere],
        "edge_functions": [],
    }
