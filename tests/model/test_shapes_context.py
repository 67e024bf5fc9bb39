"""The context collectors' factories conform to botocore's output shapes and payload layouts."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from edgekit.snapshot import load
from tests.model import estates
from tests.model import factories as f
from tests.model.shapes import errors, payload_errors

ACC = f.accelerator("a")
GA_LISTENER = f.ga_listener(ACC)
FN = f.function_arn("api")
EDGE_FN = f.function_arn("auth") + ":3"

CASES: list[tuple[str, Callable[[], Any], str, str]] = [
    (
        "security group",
        lambda: f.security_group(
            "sg-1",
            [
                f.permission(443, cidrs=["0.0.0.0/0"], ipv6=["::/0"]),
                f.permission(80, 90, prefix_lists=[f.CF_PREFIX_LIST], groups=["sg-2"]),
                f.permission(protocol="-1", groups=["sg-3"]),
            ],
            tags={"Name": "web"},
        ),
        "ec2",
        "SecurityGroup",
    ),
    ("prefix list", f.prefix_list, "ec2", "ManagedPrefixList"),
    (
        "classic lb",
        lambda: f.classic_lb(
            "c",
            [f.classic_listener("HTTPS", 443, certificate="arn:c", policies=["p"])],
            other_policies=["p"],
        ),
        "elb",
        "LoadBalancerDescription",
    ),
    ("classic attributes", f.classic_attributes, "elb", "LoadBalancerAttributes"),
    (
        "ssl negotiation policy",
        lambda: f.ssl_negotiation_policy("p", reference="ELBSecurityPolicy-2016-08", protocols=[]),
        "elb",
        "PolicyDescription",
    ),
    ("classic acl", lambda: f.classic_acl("a", rules=[f.classic_rule("r", 1)]), "waf", "WebACL"),
    (
        "classic regional acl",
        lambda: f.classic_acl(
            "a", regional=True, rules=[f.classic_rule("g", 2, "COUNT", kind="GROUP")]
        ),
        "waf-regional",
        "WebACL",
    ),
    (
        "classic summary",
        lambda: f.classic_acl_summary_entry(f.classic_acl("a"))["WebACLSummary"],
        "waf",
        "WebACLSummary",
    ),
    ("subscription", f.subscription, "shield", "Subscription"),
    ("protection", lambda: f.protection("p", "arn:x"), "shield", "Protection"),
    (
        "protection group",
        lambda: f.protection_group(
            "g", pattern="BY_RESOURCE_TYPE", resource_type="ELASTIC_IP_ALLOCATION"
        ),
        "shield",
        "ProtectionGroup",
    ),
    ("accelerator", lambda: ACC, "globalaccelerator", "Accelerator"),
    ("ga listener", lambda: GA_LISTENER, "globalaccelerator", "Listener"),
    (
        "endpoint group",
        lambda: f.endpoint_group(GA_LISTENER, "us-east-1", [f.ga_endpoint("eipalloc-1")]),
        "globalaccelerator",
        "EndpointGroup",
    ),
    ("bucket pab", f.public_access_block, "s3", "PublicAccessBlockConfiguration"),
    ("ownership", f.ownership, "s3", "OwnershipControls"),
    ("website", f.website, "s3", "GetBucketWebsiteOutput"),
    ("redirect website", lambda: f.website(redirect="x.com"), "s3", "GetBucketWebsiteOutput"),
    (
        "rest api",
        lambda: f.rest_api("a", types=["PRIVATE"], policy=f.escaped(f.policy_json(f.statement()))),
        "apigateway",
        "RestApi",
    ),
    (
        "rest stage",
        lambda: f.rest_stage(
            "prod", web_acl="arn:w", cache=True, settings={"*/*": {"cachingEnabled": True}}
        ),
        "apigateway",
        "Stage",
    ),
    (
        "rest resource",
        lambda: f.rest_resource(
            "r1",
            "/items",
            [
                f.method("GET", auth="CUSTOM", api_key=True, integ=f.integration(vpc_link="vl1")),
                f.method("POST", integ=f.integration("AWS_PROXY", FN)),
            ],
        ),
        "apigateway",
        "Resource",
    ),
    (
        "domain v1 edge",
        lambda: f.domain_v1("a.example.com", endpoint="EDGE"),
        "apigateway",
        "DomainName",
    ),
    ("domain v1 regional", lambda: f.domain_v1("a.example.com"), "apigateway", "DomainName"),
    ("base path", lambda: f.base_path_mapping("a"), "apigateway", "BasePathMapping"),
    ("usage plan", lambda: f.usage_plan("u", [("a", "prod")]), "apigateway", "UsagePlan"),
    ("vpc link v1", lambda: f.vpc_link_v1("v", ["arn:nlb"]), "apigateway", "VpcLink"),
    ("api v2", lambda: f.api_v2("h", protocol="WEBSOCKET"), "apigatewayv2", "Api"),
    ("stage v2", f.stage_v2, "apigatewayv2", "Stage"),
    (
        "integration v2",
        lambda: f.integration_v2("i", uri="arn:listener", vpc_link="vl2"),
        "apigatewayv2",
        "Integration",
    ),
    ("route v2", lambda: f.route_v2("r", "GET /x", "i", auth="JWT"), "apigatewayv2", "Route"),
    ("domain v2", lambda: f.domain_v2("a.example.com"), "apigatewayv2", "DomainName"),
    ("api mapping", lambda: f.api_mapping("h", key="v1"), "apigatewayv2", "ApiMapping"),
    ("vpc link v2", lambda: f.vpc_link_v2("v"), "apigatewayv2", "VpcLink"),
    ("url config", lambda: f.url_config(FN, "abc"), "lambda", "GetFunctionUrlConfigResponse"),
    (
        "function config",
        lambda: f.function_configuration(EDGE_FN),
        "lambda",
        "FunctionConfiguration",
    ),
]


@pytest.mark.parametrize(("name", "build", "service", "shape"), CASES, ids=[c[0] for c in CASES])
def test_factory_output_matches_botocore(
    name: str, build: Callable[[], Any], service: str, shape: str
) -> None:
    assert errors(build(), service, shape) == []


def test_composite_payloads_match_their_layouts() -> None:
    policy = f.policy_json(f.oac_statement("b", "arn:aws:cloudfront::1:distribution/E1"))
    payloads: dict[str, dict[str, Any]] = {
        "s3": {
            "buckets": [
                f.bucket_record(
                    "b",
                    policy=policy,
                    pab=f.public_access_block(),
                    ownership=f.ownership(),
                    site=f.website(),
                ),
                f.bucket_record("gone", exists=False, owned=False, region=None),
                {
                    **f.bucket_record("acls", ownership=None),
                    "Acl": f.bucket_acl(
                        ("http://acs.amazonaws.com/groups/global/AllUsers", "READ")
                    ),
                },
            ],
            "account_public_access_block": None,
        },
        "lambda": {
            "function_urls": [
                f.function_url_entry(FN, f.url_config(FN, "abc")),
                f.function_url_entry(FN, None),
            ],
            "unresolved_url_ids": ["zzz"],
            "edge_functions": [f.edge_function_entry(EDGE_FN, f.function_configuration(EDGE_FN))],
        },
        "shield": {"subscription": f.subscription(), "protections": [], "protection_groups": []},
        "waf-regional": {
            "web_acls": [f.classic_acl_entry(f.classic_acl("a", regional=True), resources=[])]
        },
        "globalaccelerator": {
            "accelerators": [
                f.accelerator_entry(
                    ACC,
                    [
                        f.ga_listener_entry(
                            GA_LISTENER, [f.endpoint_group(GA_LISTENER, "us-east-1", [])]
                        )
                    ],
                )
            ]
        },
    }
    for collector, data in payloads.items():
        assert payload_errors(collector, data) == [], collector


def test_layout_validator_catches_context_mistakes() -> None:
    bad = {"buckets": [{"Name": "b", "exists": "yes", "owned": None, "Policy": "{not json"}]}
    found = payload_errors("s3", bad)
    assert len(found) == 2 and "'yes' is not tri" in found[0]
    assert payload_errors("shield", {"subscription": {}}) == [
        "shield.subscription: missing required member 'SubscriptionLimits' of Subscription"
    ]
    assert payload_errors("lambda", {"unresolved_url_ids": [1]}) == [
        "lambda.unresolved_url_ids[0]: 1 is not str"
    ]


def test_globalaccelerator_fixture_matches_the_layout() -> None:
    snap = load(estates.FIXTURES / "globalaccelerator.json")
    assert [e for p in snap.payloads for e in payload_errors(p["collector"], p["data"])] == []
    assert json.loads((estates.FIXTURES / "globalaccelerator.json").read_text())["payloads"]
