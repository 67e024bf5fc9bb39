"""The context-collector part of the ``rich`` estate (account 111111111111): security groups,
a Classic ELB, S3 buckets (owned, public, missing), API Gateway v1/v2 with a custom domain seen
by both APIs, Lambda URLs (one unresolved), WAF Classic, Shield Advanced, Global Accelerator.

It references the rich estate's own resources (web-alb, static-nlb, app-internal, the main
distribution) and adds one distribution, ``E4CONTEXT``, whose origins are two Lambda function
URLs (one no function serves) and an edge-optimized REST API.
"""

from __future__ import annotations

from typing import Any

from tests.model import factories as f

A = f.ACCOUNT
R = "us-east-1"
WEB_SG = "sg-0123456789abcdef0"
CLB_SG = "sg-0c1a551c"
FN_URL_ID = "abcdefghijklmnopqrstuvwxyz012345"
GONE_URL_ID = "zyxwvutsrqponmlkjihgfedcba543210"
API_URL_ID = "apiurl0000000000000000000000000a"
REST_ID = "a1b2c3d4e5"
PRIVATE_REST_ID = "p9r8i7v6a5"
HTTP_ID = "h1t2p3a4p5"
CLASSIC_GLOBAL_ID = "c1a551c0-0000-4000-8000-000000000001"
CLASSIC_REGIONAL_ID = "c1a551c0-0000-4000-8000-000000000002"
EDGE_FN = "arn:aws:lambda:us-east-1:111111111111:function:auth:3"
API_FN = "arn:aws:lambda:us-east-1:111111111111:function:api"
SITE_FN = f.function_arn("site")
EDGE_API_DISTRIBUTION = "d111111abcdef8.cloudfront.net"


def stage_arn(api_id: str, stage: str) -> str:
    """A REST API stage ARN."""
    return f"arn:aws:apigateway:{R}::/restapis/{api_id}/stages/{stage}"


def context_distribution() -> dict[str, Any]:
    """E4CONTEXT: Lambda URL origins (one unresolved) and an edge-optimized REST API."""
    return f.distribution(
        "E4CONTEXT",
        origins=[
            f.custom_origin("fn-url", f"{FN_URL_ID}.lambda-url.{R}.on.aws"),
            f.custom_origin("fn-gone", f"{GONE_URL_ID}.lambda-url.{R}.on.aws"),
            f.custom_origin("rest-api", f"{REST_ID}.execute-api.{R}.amazonaws.com"),
        ],
        default=f.behavior("fn-url"),
        behaviors=[f.behavior("rest-api", "/api/*"), f.behavior("fn-gone", "/old/*")],
        root_object="",
    )


def _ec2() -> dict[str, Any]:
    return {
        "security_groups": [
            f.security_group(
                WEB_SG,
                [
                    f.permission(443, prefix_lists=[f.CF_PREFIX_LIST]),
                    f.permission(80, cidrs=["0.0.0.0/0"], ipv6=["::/0"]),
                    f.permission(8080, groups=[CLB_SG]),
                ],
                name="web-alb-sg",
                tags={"Name": "web-alb"},
            ),
            f.security_group(
                CLB_SG,
                [
                    f.permission(80, cidrs=["0.0.0.0/0"]),
                    f.permission(443, 8443, cidrs=["0.0.0.0/0"]),
                ],
                name="clb-sg",
            ),
        ],
        "managed_prefix_lists": [f.prefix_list()],
    }


def _elb() -> dict[str, Any]:
    clb = f.classic_lb(
        "legacy-clb",
        [
            f.classic_listener("HTTP", 80),
            f.classic_listener(
                "HTTPS",
                443,
                certificate=f"arn:aws:iam::{A}:server-certificate/site",
                policies=["tls-ref"],
            ),
            f.classic_listener(
                "SSL",
                8443,
                8443,
                instance_protocol="SSL",
                certificate=f"arn:aws:iam::{A}:server-certificate/site",
                policies=["tls-explicit", "sticky"],
            ),
        ],
        security_groups=[CLB_SG],
        other_policies=["tls-ref", "tls-explicit", "sticky"],
    )
    return {
        "load_balancers": [
            f.classic_entry(
                clb,
                attrs=f.classic_attributes(draining=(False, 300)),
                policies=[
                    f.ssl_negotiation_policy("tls-ref", reference="ELBSecurityPolicy-2016-08"),
                    f.ssl_negotiation_policy("tls-explicit", protocols=["TLSv1.2"]),
                    f.elb_policy(
                        "sticky", "LBCookieStickinessPolicyType", {"CookieExpirationPeriod": "60"}
                    ),
                ],
                tags=[{"Key": "env", "Value": "legacy"}],
            )
        ],
        "reference_policies": [
            f.ssl_negotiation_policy(
                "ELBSecurityPolicy-2016-08", protocols=["TLSv1", "TLSv1.1", "TLSv1.2"]
            )
        ],
    }


def _s3(main_dist_arn: str) -> dict[str, Any]:
    public_read = f.statement(resources="arn:aws:s3:::legacy-bucket/*", sid="PublicRead")
    oai_read = f.statement(
        principal={
            "AWS": "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E3OAIEXAMPLE"
        },
        resources="arn:aws:s3:::legacy-bucket/*",
    )
    elb_write = f.statement(
        principal={"AWS": "arn:aws:iam::127311923021:root"},
        actions=["s3:PutObject"],
        resources=["arn:aws:s3:::alb-logs/AWSLogs/111111111111/*"],
    )
    return {
        "buckets": [
            f.bucket_record(
                "alb-logs",
                policy=f.policy_json(elb_write),
                pab=f.public_access_block(),
                ownership=f.ownership(),
            ),
            f.bucket_record(
                "assets-bucket",
                policy=f.policy_json(f.oac_statement("assets-bucket", main_dist_arn)),
                pab=f.public_access_block(),
                ownership=f.ownership(),
            ),
            f.bucket_record("clb-logs", owned=False),
            f.bucket_record(
                "legacy-bucket",
                policy=f.policy_json(oai_read, public_read, policy_id=None),
                status={"IsPublic": True},
                pab=None,
                ownership=f.ownership("ObjectWriter"),
            ),
            f.bucket_record(
                "logs-bucket",
                policy=None,
                pab=f.public_access_block(),
                ownership=f.ownership("BucketOwnerPreferred"),
            ),
            f.bucket_record("old-site", exists=False, owned=False, region=None),
        ],
        "account_public_access_block": f.public_access_block(
            BlockPublicPolicy=False, RestrictPublicBuckets=False
        ),
    }


def _apigateway(alb_dns: str, nlb_arn: str) -> dict[str, Any]:
    policy = f.policy_json(
        f.statement(
            principal="*",
            actions="execute-api:Invoke",
            resources=f"arn:aws:execute-api:{R}:{A}:{REST_ID}/*",
            conditions={"IpAddress": {"aws:SourceIp": ["198.51.100.0/24"]}},
        )
    )
    lambda_uri = f"arn:aws:apigateway:{R}:lambda:path/2015-03-31/functions/{API_FN}/invocations"
    return {
        "rest_apis": [
            f.rest_api_entry(
                f.rest_api(REST_ID, "orders-api", types=["EDGE"], policy=f.escaped(policy)),
                stages=[
                    f.rest_stage(
                        "prod", settings={"*/*": {"metricsEnabled": True, "loggingLevel": "INFO"}}
                    ),
                    f.rest_stage(
                        "staging",
                        web_acl=f"arn:aws:waf-regional:{R}:{A}:webacl/{CLASSIC_REGIONAL_ID}",
                        cache=True,
                        settings={"*/*": {"cachingEnabled": True, "cacheTtlInSeconds": 300}},
                    ),
                ],
                resources=[
                    f.rest_resource("root0", "/", parent=None),
                    f.rest_resource(
                        "res1",
                        "/orders",
                        [
                            f.method("GET", integ=f.integration(uri=f"https://{alb_dns}/orders")),
                            f.method(
                                "POST", auth="AWS_IAM", integ=f.integration("AWS_PROXY", lambda_uri)
                            ),
                        ],
                    ),
                    f.rest_resource(
                        "res2",
                        "/{proxy+}",
                        [
                            f.method(
                                "ANY",
                                auth="CUSTOM",
                                api_key=True,
                                integ=f.integration(
                                    uri="http://static-nlb/{proxy}", vpc_link="vl0nlb1"
                                ),
                            )
                        ],
                    ),
                ],
            ),
            f.rest_api_entry(
                f.rest_api(PRIVATE_REST_ID, "internal-api", types=["PRIVATE"]),
                stages=[],
                resources=[],
            ),
        ],
        "domain_names": [
            f.domain_v1_entry(
                f.domain_v1(
                    "orders.example.com",
                    endpoint="EDGE",
                    security="TLS_1_0",
                    target=EDGE_API_DISTRIBUTION,
                ),
                [f.base_path_mapping(REST_ID, "prod")],
            )
        ],
        "usage_plans": [f.usage_plan("up1", [(REST_ID, "prod")])],
        "vpc_links": [f.vpc_link_v1("vl0nlb1", [nlb_arn])],
    }


def _apigatewayv2(internal_listener_arn: str) -> dict[str, Any]:
    return {
        "apis": [
            f.api_v2_entry(
                f.api_v2(HTTP_ID, "web-http"),
                stages=[f.stage_v2()],
                integrations=[
                    f.integration_v2("int1", uri=internal_listener_arn, vpc_link="vl2link")
                ],
                routes=[
                    f.route_v2("rt1", "ANY /{proxy+}", "int1"),
                    f.route_v2("rt2", "GET /me", "int1", auth="JWT"),
                ],
            )
        ],
        "domain_names": [
            f.domain_v2_entry(
                f.domain_v2(
                    "orders.example.com",
                    endpoint="EDGE",
                    target=EDGE_API_DISTRIBUTION,
                    security="TLS_1_0",
                ),
                [f.api_mapping(REST_ID, "prod")],
            ),
            f.domain_v2_entry(f.domain_v2("http.example.com"), [f.api_mapping(HTTP_ID, key="v1")]),
        ],
        "vpc_links": [f.vpc_link_v2("vl2link")],
    }


def _lambda() -> dict[str, Any]:
    return {
        "function_urls": [
            f.function_url_entry(API_FN, f.url_config(API_FN, API_URL_ID)),
            f.function_url_entry(SITE_FN, f.url_config(SITE_FN, FN_URL_ID, auth="AWS_IAM")),
        ],
        "unresolved_url_ids": [GONE_URL_ID],
        "edge_functions": [f.edge_function_entry(EDGE_FN, f.function_configuration(EDGE_FN))],
    }


def _empty_regional() -> list[dict[str, Any]]:
    region = "eu-west-1"
    return [
        f.payload("elb", {"load_balancers": [], "reference_policies": []}, region=region),
        f.payload(
            "apigateway",
            {"rest_apis": [], "domain_names": [], "usage_plans": [], "vpc_links": []},
            region=region,
        ),
        f.payload("apigatewayv2", {"apis": [], "domain_names": [], "vpc_links": []}, region=region),
        f.payload("waf-regional", {"web_acls": []}, region=region),
    ]


def rich_payloads(
    *, alb: dict[str, Any], nlb: dict[str, Any], internal_listener_arn: str, main_dist_arn: str
) -> list[dict[str, Any]]:
    """The context payloads of the rich estate."""
    stage = stage_arn(REST_ID, "staging")
    accel = f.accelerator("web-accelerator")
    ga_li = f.ga_listener(accel)
    return [
        f.payload("ec2", _ec2(), region=R),
        f.payload("elb", _elb(), region=R),
        f.payload("s3", _s3(main_dist_arn)),
        f.payload("apigateway", _apigateway(alb["DNSName"], nlb["LoadBalancerArn"]), region=R),
        f.payload("apigatewayv2", _apigatewayv2(internal_listener_arn), region=R),
        f.payload("lambda", _lambda(), region=R),
        f.payload(
            "waf",
            {
                "web_acls": [
                    f.classic_acl_entry(
                        f.classic_acl(
                            CLASSIC_GLOBAL_ID,
                            "legacy-global",
                            rules=[
                                f.classic_rule("r-ip", 1),
                                f.classic_rule("r-group", 2, "NONE", kind="GROUP"),
                            ],
                        )
                    )
                ]
            },
        ),
        f.payload(
            "waf-regional",
            {
                "web_acls": [
                    f.classic_acl_entry(
                        f.classic_acl(
                            CLASSIC_REGIONAL_ID,
                            "legacy-regional",
                            default="BLOCK",
                            rules=[f.classic_rule("r-allow", 1, "ALLOW")],
                            regional=True,
                        ),
                        resources=[stage],
                    )
                ]
            },
            region=R,
        ),
        f.payload(
            "shield",
            {
                "subscription": f.subscription(),
                "protections": [
                    f.protection("p-dist", main_dist_arn),
                    f.protection("p-alb", alb["LoadBalancerArn"], l7=None),
                ],
                "protection_groups": [
                    f.protection_group("edge", [main_dist_arn, alb["LoadBalancerArn"]]),
                    f.protection_group(
                        "all-eips",
                        pattern="BY_RESOURCE_TYPE",
                        resource_type="ELASTIC_IP_ALLOCATION",
                    ),
                ],
            },
        ),
        f.payload(
            "globalaccelerator",
            {
                "accelerators": [
                    f.accelerator_entry(
                        accel,
                        [
                            f.ga_listener_entry(
                                ga_li,
                                [
                                    f.endpoint_group(
                                        ga_li,
                                        R,
                                        [
                                            f.ga_endpoint(alb["LoadBalancerArn"]),
                                            f.ga_endpoint("eipalloc-0abc", 64, preserve_ip=False),
                                        ],
                                    )
                                ],
                            )
                        ],
                    )
                ]
            },
        ),
        *_empty_regional(),
    ]
