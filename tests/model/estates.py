"""The hand-built snapshot fixtures (tests/fixtures/snapshots/*.json) and how they are made.

* ``rich``: one account (111111111111), global + us-east-1 + eu-west-1, every service and most
  features: CloudFront with S3/OAC, legacy OAI, ALB (secret header), S3 website, VPC origin and
  origin-group origins, managed and custom policies, WAF in both scopes, ALB/NLB/internal ALB,
  target groups of every type, Route 53 aliases/CNAMEs, ACM certificates; and the context
  collectors (``estates_context``): security groups, a Classic ELB, S3 buckets, API Gateway
  v1/v2, Lambda URLs, WAF Classic, Shield, Global Accelerator.
* ``partial``: one account (222222222222) where many reads were denied (summary fallbacks,
  missing keys, gaps) and one unit failed: every not-collected case the model distinguishes.
* ``multi_account``: a distribution in 111111111111 whose origin is an ALB in 222222222222.

Regenerate with ``python -m tests.model.estates`` (a test checks the files are up to date).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from edgekit import snapshot as snap
from edgekit.model.cloudfront.policies import (
    CACHING_DISABLED,
    CACHING_OPTIMIZED,
    ORP_ALL_VIEWER_EXCEPT_HOST,
    RHP_SECURITY_HEADERS,
)
from edgekit.snapshot import Snapshot
from tests.model import estates_context
from tests.model import factories as f

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots"
A, B = f.ACCOUNT, f.ACCOUNT_B
SECRET = f.digest("origin-verify-secret-1")
CUSTOM_CACHE_POLICY = "a1b2c3d4-1111-4111-8111-000000000001"
WEAK_RHP = "a1b2c3d4-2222-4222-8222-000000000002"
EDGE_ACL_ID = "e0000000-0000-4000-8000-000000000001"
ALB_ACL_ID = "e0000000-0000-4000-8000-000000000002"


METRICS_WINDOW = {
    "StartTime": "2026-01-01T00:00:00+00:00",
    "EndTime": "2026-01-01T03:00:00+00:00",
    "Period": 3600,
}


def _rich_metrics(alb_arn: str, acl_arn: str) -> dict[str, Any]:
    """A small cloudwatch payload: two ALB series and a WAF rule without metrics."""

    def item(i: int, name: str, values: list[float]) -> dict[str, Any]:
        dims = [{"Name": "LoadBalancer", "Value": alb_arn.partition(":loadbalancer/")[2]}]
        metric = {"Namespace": "AWS/ApplicationELB", "MetricName": name, "Dimensions": dims}
        stamps = ["2026-01-01T00:00:00Z", "2026-01-01T02:00:00Z"][: len(values)]
        return {
            "resource": alb_arn,
            "resource_type": "alb",
            "MetricDataQuery": {
                "Id": f"q{i}",
                "MetricStat": {"Metric": metric, "Period": 3600, "Stat": "Sum"},
                "ReturnData": True,
            },
            "MetricDataResult": {
                "Id": f"q{i}",
                "Label": name,
                "Timestamps": stamps,
                "Values": values,
                "StatusCode": "Complete",
            },
        }

    return {
        "window": METRICS_WINDOW,
        "metrics_disabled": [
            {
                "resource": acl_arn,
                "resource_type": "web_acl_rule",
                "rule": "bots",
                "reason": "CloudWatchMetricsEnabled false",
            }
        ],
        "metric_data": [
            item(0, "RequestCount", [120.0, 80.0]),
            item(1, "HTTPCode_Target_5XX_Count", [1.0]),
        ],
    }


def rich() -> Snapshot:
    """The rich single-account estate."""
    region = "us-east-1"
    alb = f.load_balancer("web-alb")
    nlb = f.load_balancer("static-nlb", "network", security_groups=())
    internal = f.load_balancer("app-internal", scheme="internal")
    web_cert = f.cert_arn("11111111-aaaa-4aaa-8aaa-000000000001")
    alb_cert = f.cert_arn("11111111-aaaa-4aaa-8aaa-000000000002")
    edge_acl = f.web_acl(
        "edge-acl",
        EDGE_ACL_ID,
        scope="CLOUDFRONT",
        rules=[
            f.rule(
                "common",
                0,
                f.managed_group(
                    "AWSManagedRulesCommonRuleSet",
                    version="Version_1.12",
                    overrides={"SizeRestrictions_BODY": "Count"},
                ),
                override="None",
            ),
            f.rule(
                "bad-inputs",
                1,
                f.managed_group("AWSManagedRulesKnownBadInputsRuleSet"),
                override="None",
            ),
            f.rule(
                "ip-reputation",
                2,
                f.managed_group("AWSManagedRulesAmazonIpReputationList"),
                override="Count",
            ),
            f.rule(
                "rate-login",
                3,
                f.rate_based(2000, scope_down=f.byte_match(b"/login", constraint="STARTS_WITH")),
            ),
        ],
        capacity=1200,
    )
    edge_acl_arn = edge_acl["ARN"]
    allow_ips = f.ip_set("office", ["198.51.100.0/24"], ident="f1", scope="REGIONAL")
    bots = f.regex_pattern_set("bad-bots", ["(?i)badbot", "(?i)scrapy"], ident="f2")
    custom_group = f.rule_group(
        "custom-rules",
        [
            f.rule(
                "block-admin",
                0,
                f.and_(f.byte_match(b"/admin"), f.not_(f.ip_set_ref(allow_ips["ARN"]))),
            )
        ],
        ident="f3",
    )
    alb_acl = f.web_acl(
        "alb-acl",
        ALB_ACL_ID,
        rules=[
            f.rule("office", 0, f.ip_set_ref(allow_ips["ARN"]), action="Allow"),
            f.rule("geo", 1, f.geo_match(["KP", "IR"], f.forwarded())),
            f.rule("bots", 2, f.regex_set_ref(bots["ARN"]), action="Count", metrics=False),
            f.rule("custom", 3, f.group_ref(custom_group["ARN"]), override="None"),
            f.rule("sqli", 4, f.or_(f.sqli(), f.xss(), f.size_constraint())),
        ],
        default="Block",
        capacity=300,
    )
    web_tg = f.target_group("web-instances", lb_arns=[alb["LoadBalancerArn"]])
    fn_tg = f.target_group(
        "api-lambda", protocol=None, target_type="lambda", lb_arns=[alb["LoadBalancerArn"]]
    )
    alb_tg = f.target_group(
        "nlb-to-alb", protocol="TCP", port=80, target_type="alb", lb_arns=[nlb["LoadBalancerArn"]]
    )
    app_tg = f.target_group("app-ip", target_type="ip", lb_arns=[internal["LoadBalancerArn"]])
    orphan_tg = f.target_group("orphan", protocol="HTTP", health_enabled=False)
    http = f.listener(alb, 80, "HTTP", [f.redirect_https()])
    https = f.listener(
        alb, 443, "HTTPS", [f.fixed_response("403")], ssl_policy=f.TLS13, certificate=alb_cert
    )
    https_rules = [
        f.listener_rule(
            https,
            10,
            [
                f.condition("http-header", [SECRET], HttpHeaderName="X-Origin-Verify"),
                f.condition("path-pattern", ["/api/*"]),
            ],
            [f.authenticate_oidc(1), {**f.forward(fn_tg["TargetGroupArn"]), "Order": 2}],
        ),
        f.listener_rule(
            https,
            20,
            [f.condition("http-header", [SECRET], HttpHeaderName="X-Origin-Verify")],
            [f.forward((web_tg["TargetGroupArn"], 90), (orphan_tg["TargetGroupArn"], 10))],
        ),
        f.listener_rule(
            https,
            30,
            [
                f.condition("host-header", ["admin.example.com"]),
                f.condition("source-ip", ["198.51.100.0/24"]),
            ],
            [f.authenticate_cognito(1), {**f.forward(web_tg["TargetGroupArn"]), "Order": 2}],
        ),
        f.listener_rule(
            https,
            40,
            [
                f.condition("query-string", [("debug", "1"), (None, "trace")]),
                f.condition("http-request-method", ["POST"]),
            ],
            [f.fixed_response("404", "nope")],
        ),
        f.default_rule(https),
    ]
    nlb_tcp = f.listener(nlb, 80, "TCP", [f.forward(alb_tg["TargetGroupArn"])])
    nlb_tls = f.listener(
        nlb,
        443,
        "TLS",
        [f.forward(alb_tg["TargetGroupArn"])],
        ssl_policy=f.LEGACY_TLS,
        certificate=alb_cert,
    )
    internal_http = f.listener(internal, 80, "HTTP", [f.forward(app_tg["TargetGroupArn"])])
    vpc_origin_id = "vo_0123456789abcdef"
    dist_main = f.distribution(
        "E1MAINDIST",
        aliases=["www.example.com", "example.com"],
        origins=[
            f.s3_origin("s3-assets", "assets-bucket"),
            f.custom_origin(
                "alb-web", alb["DNSName"], headers={"X-Origin-Verify": SECRET}, keepalive=60
            ),
            f.s3_origin(
                "s3-legacy",
                "legacy-bucket",
                oac_id="",
                oai="origin-access-identity/cloudfront/E3OAIEXAMPLE",
            ),
        ],
        groups=[f.origin_group("failover", ["alb-web", "s3-assets"])],
        default=f.behavior(
            "alb-web",
            methods=["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
            cache_policy=CACHING_DISABLED,
            origin_request_policy=ORP_ALL_VIEWER_EXCEPT_HOST,
            response_headers_policy=RHP_SECURITY_HEADERS,
            functions=[("arn:aws:cloudfront::111111111111:function/rewrite", "viewer-request")],
            realtime_log="arn:aws:cloudfront::111111111111:realtime-log-config/edge-rt",
        ),
        behaviors=[
            f.behavior("s3-assets", "/static/*", cache_policy=CACHING_OPTIMIZED),
            f.behavior(
                "failover",
                "/api*",
                viewer="https-only",
                cache_policy=CUSTOM_CACHE_POLICY,
                response_headers_policy=WEAK_RHP,
                lambdas=[
                    ("arn:aws:lambda:us-east-1:111111111111:function:auth:3", "viewer-request")
                ],
            ),
            f.behavior(
                "alb-web",
                "/api/v2/*",
                viewer="allow-all",
                legacy=f.forwarded_values(headers=["*"]),
                ttls=(0, 0, 0),
                field_level_encryption="FLE123",
                trusted_signers=["self"],
            ),
            f.behavior("s3-legacy", "/legacy/*", key_groups=["KG123"], compress=False),
        ],
        certificate=f.viewer_certificate(web_cert),
        web_acl=edge_acl_arn,
        logging=(True, "logs-bucket.s3.amazonaws.com", "cf/"),
        geo=("blacklist", ["KP", "IR"]),
        price_class="PriceClass_All",
        error_responses=[
            f.error_response(503, ttl=300, page="/503.html", response="503"),
            f.error_response(404, ttl=10),
        ],
    )
    dist_legacy = f.distribution(
        "E2LEGACY",
        origins=[
            f.custom_origin(
                "site",
                "old-site.s3-website-us-east-1.amazonaws.com",
                policy="http-only",
                ssl=["TLSv1", "TLSv1.1", "TLSv1.2"],
            )
        ],
        default=f.behavior(
            "site",
            viewer="allow-all",
            legacy=f.forwarded_values(query_string=False, cookies="none", headers=[]),
            ttls=(0, 86400, 31536000),
            compress=False,
        ),
        root_object="",
        enabled=False,
        http_version="http1.1",
        ipv6=False,
        price_class="PriceClass_All",
    )
    dist_vpc = f.distribution(
        "E3VPCORIGIN",
        aliases=["app.example.com"],
        origins=[f.vpc_origin_ref("internal-app", vpc_origin_id)],
        certificate=f.viewer_certificate(web_cert, min_protocol="TLSv1.2_2019"),
        web_acl=edge_acl_arn,
        root_object="",
    )
    main_arn = dist_main["ARN"]
    policies = f.managed_policies()
    policies["cache_policies"].append(
        f.cache_policy(
            CUSTOM_CACHE_POLICY,
            "api-all-qs",
            query_strings=("all", ()),
            headers=("whitelist", ("Authorization",)),
        )
    )
    policies["response_headers_policies"].append(
        f.response_headers_policy(
            WEAK_RHP,
            "weak-hsts",
            hsts=(3600, False, False),
            cors=True,
            custom={"X-Env": "prod"},
            remove=["Server"],
        )
    )
    cloudfront = {
        "distributions": [
            f.distribution_entry(dist_main, f.tags(env="prod", team="web")),
            f.distribution_entry(dist_legacy, []),
            f.distribution_entry(dist_vpc, f.tags(env="prod")),
            f.distribution_entry(estates_context.context_distribution(), []),
        ],
        **policies,
        "origin_access_controls": [f.oac()],
        "origin_access_identities": [f.oai()],
        "vpc_origins": [f.vpc_origin(vpc_origin_id, internal["LoadBalancerArn"])],
        "functions": [f.function("rewrite"), f.function("rewrite", "DEVELOPMENT")],
        "realtime_log_configs": [f.realtime_log_config("edge-rt")],
        "log_delivery_sources": [f.delivery_source("cf-main", main_arn)],
        "log_deliveries": [f.delivery("dlv-1", "cf-main")],
    }
    zone_id = "Z0EXAMPLE1"
    records = [
        f.record("example.com.", "NS", ["ns-1.awsdns-01.org."], ttl=172800),
        f.alias_record("example.com.", dist_main["DomainName"] + ".", "Z2FDTNDATAQYW2"),
        f.alias_record(
            "example.com.", dist_main["DomainName"] + ".", "Z2FDTNDATAQYW2", rtype="AAAA"
        ),
        f.record("www.example.com.", "CNAME", [dist_main["DomainName"]]),
        f.alias_record(
            "api.example.com.", f"dualstack.{alb['DNSName']}.", f.ALB_ZONE, evaluate=True
        ),
        f.alias_record("old.example.com.", "d999gone.cloudfront.net.", "Z2FDTNDATAQYW2"),
        f.record("\\052.example.com.", "CNAME", ["www.example.com"]),
        f.record("w.example.com.", "A", ["192.0.2.1"], SetIdentifier="blue", Weight=80),
        f.record("w.example.com.", "A", ["192.0.2.2"], SetIdentifier="green", Weight=20),
        f.record(
            "geo.example.com.",
            "A",
            ["192.0.2.3"],
            SetIdentifier="eu",
            GeoLocation={"ContinentCode": "EU"},
        ),
        f.record(
            "_3639ac514e785e898d2646601fa951d5.example.com.",
            "CNAME",
            ["_98d2646601fa951d53639ac514e785e8.acm-validations.aws."],
        ),
    ]
    return f.snapshot(
        f.payload("cloudfront", cloudfront),
        f.payload(
            "cloudwatch", _rich_metrics(alb["LoadBalancerArn"], alb_acl["ARN"]), region=region
        ),
        f.payload(
            "cloudwatch",
            {
                "window": METRICS_WINDOW,
                "metrics_disabled": [],
                "metric_data": [],
                "monitoring_subscriptions": [
                    {"DistributionId": dist_main["Id"], "MonitoringSubscription": None}
                ],
            },
        ),
        f.payload(
            "wafv2",
            {
                "scope": "CLOUDFRONT",
                "web_acls": [
                    f.web_acl_entry(edge_acl, logging=f.logging_configuration(edge_acl_arn))
                ],
                "ip_sets": [],
                "regex_pattern_sets": [],
                "rule_groups": [],
            },
        ),
        f.payload(
            "wafv2",
            {
                "scope": "REGIONAL",
                "web_acls": [
                    f.web_acl_entry(alb_acl, logging=None, resources=[alb["LoadBalancerArn"]])
                ],
                "ip_sets": [allow_ips],
                "regex_pattern_sets": [bots],
                "rule_groups": [custom_group],
            },
            region=region,
        ),
        f.payload(
            "wafv2",
            {
                "scope": "REGIONAL",
                "web_acls": [],
                "ip_sets": [],
                "regex_pattern_sets": [],
                "rule_groups": [],
            },
            region="eu-west-1",
        ),
        f.payload(
            "elbv2",
            {
                "load_balancers": [
                    f.lb_entry(
                        alb,
                        attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES),
                        tag_list=f.tags(env="prod"),
                        listeners=[
                            f.listener_entry(http, rules=[f.default_rule(http)], certificates=[]),
                            f.listener_entry(
                                https,
                                rules=https_rules,
                                certificates=[
                                    f.listener_certificate(alb_cert, True),
                                    f.listener_certificate(web_cert),
                                ],
                            ),
                        ],
                    ),
                    f.lb_entry(
                        nlb,
                        attrs=f.attributes(f.NLB_DEFAULT_ATTRIBUTES),
                        tag_list=[],
                        listeners=[
                            f.listener_entry(
                                nlb_tcp, rules=[f.default_rule(nlb_tcp)], certificates=[]
                            ),
                            f.listener_entry(
                                nlb_tls,
                                rules=[f.default_rule(nlb_tls)],
                                certificates=[f.listener_certificate(alb_cert, True)],
                            ),
                        ],
                    ),
                    f.lb_entry(
                        internal,
                        attrs=f.attributes(
                            f.ALB_DEFAULT_ATTRIBUTES,
                            routing__http__desync_mitigation_mode="monitor",
                            waf__fail_open__enabled="true",
                            access_logs__s3__enabled="false",
                        ),
                        tag_list=[],
                        listeners=[
                            f.listener_entry(
                                internal_http,
                                rules=[f.default_rule(internal_http)],
                                certificates=[],
                            )
                        ],
                    ),
                ],
                "target_groups": [
                    f.tg_entry(
                        web_tg,
                        attrs=[{"Key": "deregistration_delay.timeout_seconds", "Value": "300"}],
                        health=[
                            f.target_health("i-0aaa"),
                            f.target_health("i-0bbb", state="unhealthy"),
                        ],
                    ),
                    f.tg_entry(
                        fn_tg,
                        attrs=[],
                        health=[
                            f.target_health(
                                "arn:aws:lambda:us-east-1:111111111111:function:api", None
                            )
                        ],
                    ),
                    f.tg_entry(
                        alb_tg, attrs=[], health=[f.target_health(alb["LoadBalancerArn"], 80)]
                    ),
                    f.tg_entry(app_tg, attrs=[], health=[f.target_health("10.0.1.15", 8080)]),
                    f.tg_entry(orphan_tg, attrs=[], health=[]),
                ],
                "ssl_policies": [
                    f.ssl_policy(f.TLS13, ["TLSv1.3", "TLSv1.2"]),
                    f.ssl_policy(f.LEGACY_TLS, ["TLSv1", "TLSv1.1", "TLSv1.2"]),
                ],
            },
            region=region,
        ),
        f.payload(
            "elbv2",
            {"load_balancers": [], "target_groups": [], "ssl_policies": []},
            region="eu-west-1",
        ),
        f.payload(
            "route53",
            {
                "hosted_zones": [
                    f.zone_entry(
                        f.hosted_zone(zone_id, "example.com", count=len(records)), records
                    ),
                    f.zone_entry(
                        f.hosted_zone("Z0PRIVATE1", "internal.example.com", private=True, count=1),
                        [f.record("db.internal.example.com.", "CNAME", ["db.cluster.local"])],
                    ),
                ],
                "query_logging_configs": [f.query_logging_config("qlc-1", zone_id)],
            },
        ),
        f.payload(
            "acm",
            {
                "certificates": [
                    f.certificate_entry(
                        f.certificate(
                            "11111111-aaaa-4aaa-8aaa-000000000001",
                            "example.com",
                            sans=["*.example.com"],
                            in_use_by=[main_arn, dist_vpc["ARN"]],
                        )
                    ),
                    f.certificate_entry(
                        f.certificate(
                            "11111111-aaaa-4aaa-8aaa-000000000002",
                            "api.example.com",
                            kind="IMPORTED",
                            not_after="2026-02-20T00:00:00Z",
                            in_use_by=[alb["LoadBalancerArn"], nlb["LoadBalancerArn"]],
                            key="RSA_1024",
                            ct="DISABLED",
                            renewal=None,
                        )
                    ),
                ]
            },
            region=region,
        ),
        f.payload(
            "acm",
            {
                "certificates": [
                    f.certificate_entry(
                        f.certificate(
                            "22222222-bbbb-4bbb-8bbb-000000000003",
                            "unused.example.com",
                            region="eu-west-1",
                            key="EC_prime256v1",
                        )
                    )
                ]
            },
            region="eu-west-1",
        ),
        *estates_context.rich_payloads(
            alb=alb,
            nlb=nlb,
            internal_listener_arn=internal_http["ListenerArn"],
            main_dist_arn=main_arn,
        ),
        targets=[(A, region), (A, "eu-west-1")],
    )


def partial() -> Snapshot:
    """An estate where many reads were denied and one unit failed."""
    acct, region = B, "us-east-1"
    alb = f.load_balancer("denied-alb", account=acct)
    https = f.listener(
        alb,
        443,
        "HTTPS",
        [f.forward(f.tg_arn("tg-denied", account=acct))],
        ssl_policy=f.TLS13,
        certificate=f.cert_arn("c1", account=acct),
    )
    http = f.listener(alb, 80, "HTTP", [f.redirect_https()])
    acl = f.web_acl(
        "summary-acl", "e0000000-0000-4000-8000-00000000000b", scope="CLOUDFRONT", account=acct
    )
    regional_acl = f.web_acl("regional-acl", "e0000000-0000-4000-8000-00000000000c", account=acct)
    dist = f.distribution(
        "E9SUMMARY",
        account=acct,
        aliases=["shop.example.org"],
        origins=[f.custom_origin("alb", alb["DNSName"])],
        web_acl=acl["ARN"],
    )
    cert = f.certificate(
        "c1",
        "shop.example.org",
        sans=["www.shop.example.org"],
        account=acct,
        in_use_by=[dist["ARN"]],
    )
    return f.snapshot(
        f.payload(
            "cloudfront",
            {"distributions": [f.summary_entry(dist)], "origin_access_controls": []},
            account=acct,
        ),
        f.payload(
            "wafv2",
            {"scope": "CLOUDFRONT", "web_acls": [f.web_acl_summary_entry(acl)]},
            account=acct,
        ),
        f.payload(
            "wafv2",
            {
                "scope": "REGIONAL",
                "web_acls": [
                    f.web_acl_entry(
                        regional_acl, logging=f.logging_configuration(regional_acl["ARN"], acct)
                    )
                ],
            },
            account=acct,
            region=region,
        ),
        f.payload(
            "elbv2",
            {
                "load_balancers": [
                    f.lb_entry(
                        alb,
                        listeners=[
                            f.listener_entry(https),
                            f.listener_entry(http, rules=[f.default_rule(http)], certificates=[]),
                        ],
                    ),
                ],
                "target_groups": [
                    f.tg_entry(
                        f.target_group("tg-denied", account=acct, lb_arns=[alb["LoadBalancerArn"]])
                    )
                ],
            },
            account=acct,
            region=region,
        ),
        f.payload(
            "route53",
            {"hosted_zones": [f.zone_entry(f.hosted_zone("Z0DENIED", "example.org"))]},
            account=acct,
        ),
        f.payload(
            "acm",
            {"certificates": [f.certificate_summary_entry(cert, truncated=True)]},
            account=acct,
            region=region,
        ),
        gaps=[
            f.gap("cloudfront", "GetDistribution", account=acct),
            f.gap("cloudfront", "ListTagsForResource", account=acct),
            f.gap("cloudfront", "ListCachePolicies", account=acct),
            f.gap("wafv2", "GetWebACL", account=acct),
            f.gap("wafv2", "GetLoggingConfiguration", account=acct),
            f.gap("wafv2", "ListResourcesForWebACL", account=acct, region=region),
            f.gap("elbv2", "DescribeLoadBalancerAttributes", account=acct, region=region),
            f.gap("elbv2", "DescribeTags", account=acct, region=region),
            f.gap("elbv2", "DescribeRules", account=acct, region=region),
            f.gap("elbv2", "DescribeListenerCertificates", account=acct, region=region),
            f.gap("elbv2", "DescribeTargetHealth", account=acct, region=region),
            f.gap("route53", "ListResourceRecordSets", account=acct),
            f.gap("route53", "ListQueryLoggingConfigs", account=acct),
            f.gap("acm", "DescribeCertificate", account=acct, region=region),
        ],
        errors=[f.unit_error("elbv2", "DescribeLoadBalancers", account=acct, region="eu-west-1")],
        targets=[(acct, region), (acct, "eu-west-1")],
    )


def multi_account() -> Snapshot:
    """A distribution in account A in front of an ALB in account B."""
    alb = f.load_balancer("shared-alb", account=B)
    tg = f.target_group("shared-web", account=B, lb_arns=[alb["LoadBalancerArn"]])
    https = f.listener(
        alb,
        443,
        "HTTPS",
        [f.forward(tg["TargetGroupArn"])],
        ssl_policy=f.TLS13,
        certificate=f.cert_arn("b1", account=B),
    )
    acl = f.web_acl(
        "b-acl",
        "e0000000-0000-4000-8000-0000000000b1",
        account=B,
        rules=[f.rule("rate", 0, f.rate_based(1000, key="FORWARDED_IP", fwd=f.forwarded()))],
    )
    dist = f.distribution(
        "E5CROSS", aliases=["cross.example.com"], origins=[f.custom_origin("alb-b", alb["DNSName"])]
    )
    return f.snapshot(
        f.payload(
            "cloudfront",
            {"distributions": [f.distribution_entry(dist, [])], **f.managed_policies()},
        ),
        f.payload(
            "route53",
            {
                "hosted_zones": [
                    f.zone_entry(
                        f.hosted_zone("Z0CROSS", "example.com"),
                        [
                            f.alias_record(
                                "cross.example.com.", dist["DomainName"] + ".", "Z2FDTNDATAQYW2"
                            )
                        ],
                    )
                ],
                "query_logging_configs": [],
            },
        ),
        f.payload(
            "elbv2",
            {"load_balancers": [], "target_groups": [], "ssl_policies": []},
            region="us-east-1",
        ),
        f.payload(
            "elbv2",
            {
                "load_balancers": [
                    f.lb_entry(
                        alb,
                        attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES),
                        tag_list=[],
                        listeners=[
                            f.listener_entry(
                                https,
                                rules=[f.default_rule(https)],
                                certificates=[
                                    f.listener_certificate(
                                        https["Certificates"][0]["CertificateArn"], True
                                    )
                                ],
                            )
                        ],
                    )
                ],
                "target_groups": [f.tg_entry(tg, attrs=[], health=[f.target_health("i-0ccc")])],
                "ssl_policies": [f.ssl_policy(f.TLS13, ["TLSv1.3", "TLSv1.2"])],
            },
            account=B,
            region="us-east-1",
        ),
        f.payload(
            "wafv2",
            {
                "scope": "REGIONAL",
                "web_acls": [
                    f.web_acl_entry(acl, logging=None, resources=[alb["LoadBalancerArn"]])
                ],
                "ip_sets": [],
                "regex_pattern_sets": [],
                "rule_groups": [],
            },
            account=B,
            region="us-east-1",
        ),
        f.payload(
            "acm",
            {
                "certificates": [
                    f.certificate_entry(
                        f.certificate(
                            "b1", "cross.example.com", account=B, in_use_by=[alb["LoadBalancerArn"]]
                        )
                    )
                ]
            },
            account=B,
            region="us-east-1",
        ),
        targets=[(A, "us-east-1"), (B, "us-east-1")],
    )


ESTATES = {"rich": rich, "partial": partial, "multi_account": multi_account}


def render(name: str) -> str:
    """The fixture file content of estate ``name`` (deterministic)."""
    return snap.dumps(ESTATES[name]()) + "\n"


def main() -> None:
    """Write every fixture file."""
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for name in ESTATES:
        (FIXTURES / f"{name}.json").write_text(render(name), encoding="utf-8")
        print(f"wrote {FIXTURES / f'{name}.json'}")


if __name__ == "__main__":
    main()
