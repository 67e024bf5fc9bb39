"""Hand-built snapshots exercising every resolution rule of the graph (goldens and unit tests).

* ``rules``: two accounts. Distributions whose origins use each rule — dualstack / upper-case
  ALB names, S3 REST and website endpoints in every regional form, an origin group, Route 53
  CNAME chains and loops, a cross-account NLB → ALB → Lambda chain, VPC origins (found,
  cross-account, missing), another distribution by domain and by alias, ``execute-api`` and
  Lambda URL endpoints, unresolvable names (plain, ELB-like, CloudFront-like), an A record on
  an NLB's static address, a forward to a missing target group, a WAF Classic id; context
  kinds: a Classic ELB by (dualstack) DNS name, an accelerator by DNS name and by address (its
  endpoint an ALB of the other account), an API custom domain by its regional target and by
  its own name (mapped to a stage of an API the snapshot does not have).
"""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f

A, B = f.ACCOUNT, f.ACCOUNT_B
REGION = "us-east-1"
CF_ZONE = "Z2FDTNDATAQYW2"
SHOP_TARGET = "d-rules1.execute-api.us-east-1.amazonaws.com"
EDGE_ACL_ID = "e0000000-0000-4000-8000-0000000000e1"
ALB_ACL_ID = "e0000000-0000-4000-8000-0000000000e2"


def _s3(origin_id: str, domain: str) -> dict[str, Any]:
    origin = f.s3_origin(origin_id, "unused")
    origin["DomainName"] = domain
    return origin


def rules() -> Snapshot:
    """The estate covering every rule (see the module docstring)."""
    web_alb = f.load_balancer("web-alb")
    b_nlb = f.load_balancer("edge-nlb", "network", account=B, security_groups=())
    b_alb = f.load_balancer("app-alb", account=B)
    b_internal = f.load_balancer("private-alb", scheme="internal", account=B)
    web_tg = f.target_group("web", lb_arns=[web_alb["LoadBalancerArn"]])
    missing_tg = f.tg_arn("deleted-tg")
    b_alb_tg = f.target_group(
        "nlb-to-alb",
        protocol="TCP",
        target_type="alb",
        account=B,
        lb_arns=[b_nlb["LoadBalancerArn"]],
    )
    b_fn_tg = f.target_group(
        "fn", protocol=None, target_type="lambda", account=B, lb_arns=[b_alb["LoadBalancerArn"]]
    )
    b_ip_tg = f.target_group(
        "private-ip", target_type="ip", account=B, lb_arns=[b_internal["LoadBalancerArn"]]
    )
    web_https = f.listener(
        web_alb,
        443,
        "HTTPS",
        [f.forward(web_tg["TargetGroupArn"])],
        ssl_policy=f.TLS13,
        certificate=f.cert_arn("web"),
    )
    web_rules = [
        f.listener_rule(
            web_https, 5, [f.condition("path-pattern", ["/old/*"])], [f.forward(missing_tg)]
        ),
        f.default_rule(web_https),
    ]
    nlb_tcp = f.listener(b_nlb, 443, "TCP", [f.forward(b_alb_tg["TargetGroupArn"])])
    b_https = f.listener(
        b_alb,
        443,
        "HTTPS",
        [f.forward(b_fn_tg["TargetGroupArn"])],
        ssl_policy=f.TLS13,
        certificate=f.cert_arn("b-app", account=B),
    )
    b_private = f.listener(b_internal, 80, "HTTP", [f.forward(b_ip_tg["TargetGroupArn"])])
    fn_arn = f"arn:aws:lambda:{REGION}:{B}:function:app"

    alb_dns = web_alb["DNSName"]
    edge_acl = f.web_acl("edge", EDGE_ACL_ID, scope="CLOUDFRONT")
    alb_acl = f.web_acl("b-alb", ALB_ACL_ID, account=B)
    dual = f.distribution(
        "E1DUAL",
        aliases=["www.example.com"],
        origins=[
            f.custom_origin("alb", f"DUALSTACK.{alb_dns.upper()}."),
            f.s3_origin("assets", "assets"),
        ],
        groups=[f.origin_group("ha", ["alb", "assets"])],
        default=f.behavior("ha"),
        web_acl=edge_acl["ARN"],
    )
    s3_forms = f.distribution(
        "E2S3FORMS",
        aliases=["static.example.net"],
        origins=[
            f.custom_origin(
                "web-dash", "site-a.s3-website-us-east-1.amazonaws.com", policy="http-only"
            ),
            f.custom_origin(
                "web-dot", "site-b.s3-website.eu-central-1.amazonaws.com", policy="http-only"
            ),
            f.custom_origin(
                "web-cn", "site-c.s3-website.cn-north-1.amazonaws.com.cn", policy="http-only"
            ),
            _s3("rest-global", "rest-a.s3.amazonaws.com"),
            _s3("rest-dash", "rest-b.s3-eu-west-1.amazonaws.com"),
            _s3("rest-dot", "rest-c.s3.eu-west-1.amazonaws.com"),
            _s3("rest-dualstack", "rest-d.s3.dualstack.eu-west-1.amazonaws.com"),
            _s3("rest-external", "rest-e.s3-external-1.amazonaws.com"),
            _s3("rest-cn", "my.dotted.bucket.s3.cn-north-1.amazonaws.com.cn"),
        ],
        default=f.behavior("web-dash"),
        behaviors=[
            f.behavior(o, f"/{o}/*")
            for o in (
                *("web-dot", "web-cn", "rest-global", "rest-dash", "rest-dot"),
                *("rest-dualstack", "rest-external", "rest-cn"),
            )
        ],
        web_acl="2f1c3a6e-0000-4000-8000-00000000c1a5",
    )
    chain = f.distribution(
        "E3CHAIN",
        origins=[
            f.custom_origin("via-dns", "app.example.com"),
            f.custom_origin("loop", "loop-a.example.com"),
        ],
        behaviors=[f.behavior("loop", "/loop/*")],
    )
    cross = f.distribution("E4CROSS", origins=[f.custom_origin("nlb-b", b_nlb["DNSName"])])
    vpc = f.distribution(
        "E5VPC",
        origins=[
            f.vpc_origin_ref("private", "vo_private", owner=B),
            f.vpc_origin_ref("gone", "vo_missing"),
        ],
        behaviors=[f.behavior("gone", "/gone/*")],
    )
    cdn = f.distribution(
        "E6CDNCHAIN",
        origins=[
            f.custom_origin("by-domain", "de1dual.cloudfront.net"),
            f.custom_origin("by-alias", "static.example.net"),
        ],
        behaviors=[f.behavior("by-alias", "/static/*")],
    )
    apps = f.distribution(
        "E7APPS",
        origins=[
            f.custom_origin("api", "abc123defg.execute-api.us-east-1.amazonaws.com"),
            f.custom_origin("url", "xyz789abc.lambda-url.eu-west-1.on.aws"),
            f.custom_origin("partner", "origin.partner.example"),
            f.custom_origin("old-elb", "gone-alb-999.us-east-1.elb.amazonaws.com"),
            f.custom_origin("old-cdn", "dgone12345.cloudfront.net"),
            f.custom_origin("shop", "shop.rules.example"),
        ],
        behaviors=[
            f.behavior(o, f"/{o}/*") for o in ("url", "partner", "old-elb", "old-cdn", "shop")
        ],
    )
    clb = f.classic_lb("rules-clb", [f.classic_listener("HTTP", 80)], security_groups=())
    accel = f.accelerator("rules-accelerator")
    ga_li = f.ga_listener(accel)
    ga_group = f.endpoint_group(ga_li, REGION, [f.ga_endpoint(b_alb["LoadBalancerArn"])])
    shop = f.domain_v2("shop.rules.example", target=SHOP_TARGET)
    records = [
        f.alias_record("www.example.com.", dual["DomainName"] + ".", CF_ZONE),
        f.alias_record("www.example.com.", dual["DomainName"] + ".", CF_ZONE, rtype="AAAA"),
        f.alias_record("api.example.com.", f"dualstack.{alb_dns}.", f.ALB_ZONE),
        f.record("app.example.com.", "CNAME", ["app2.example.com"]),
        f.alias_record("app2.example.com.", f"dualstack.{alb_dns.upper()}.", f.ALB_ZONE),
        f.record("loop-a.example.com.", "CNAME", ["loop-b.example.com"]),
        f.record("loop-b.example.com.", "CNAME", ["loop-a.example.com."]),
        f.record("self.example.com.", "CNAME", ["self.example.com"]),
        f.record("nlb.example.com.", "A", ["203.0.113.10"]),
        f.record("blue.example.com.", "CNAME", ["www.example.com"], SetIdentifier="b", Weight=90),
        f.record("blue.example.com.", "CNAME", ["api.example.com"], SetIdentifier="g", Weight=10),
        f.record("_acme.example.com.", "CNAME", ["x.acm-validations.aws."]),
        f.alias_record("legacy.example.com.", f"dualstack.{clb['DNSName']}.", f.ALB_ZONE),
        f.record("ga.example.com.", "A", ["75.2.10.1"]),
        f.alias_record("ga2.example.com.", accel["DnsName"] + ".", "Z2BJ6XQ5FK7U4H"),
        f.alias_record("api2.example.com.", f"{SHOP_TARGET}.", "Z1UJRXOUMOOFQ8"),
        f.record("mail.example.com.", "MX", ["10 mx.example.com."]),
    ]
    cloudfront = {
        "distributions": [
            f.distribution_entry(d, []) for d in (dual, s3_forms, chain, cross, vpc, cdn, apps)
        ],
        **f.managed_policies(),
        "origin_access_controls": [f.oac()],
        "vpc_origins": [],
    }
    regional_b = {
        "load_balancers": [
            f.lb_entry(
                b_nlb,
                attrs=f.attributes(f.NLB_DEFAULT_ATTRIBUTES),
                tag_list=[],
                listeners=[
                    f.listener_entry(nlb_tcp, rules=[f.default_rule(nlb_tcp)], certificates=[])
                ],
            ),
            f.lb_entry(
                b_alb,
                attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES),
                tag_list=[],
                listeners=[f.listener_entry(b_https, rules=[f.default_rule(b_https)])],
            ),
            f.lb_entry(
                b_internal,
                attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES),
                tag_list=[],
                listeners=[f.listener_entry(b_private)],
            ),
        ],
        "target_groups": [
            f.tg_entry(b_alb_tg, attrs=[], health=[f.target_health(b_alb["LoadBalancerArn"], 443)]),
            f.tg_entry(b_fn_tg, attrs=[], health=[f.target_health(fn_arn, None)]),
            f.tg_entry(b_ip_tg, attrs=[], health=[f.target_health("10.1.0.7", 8080)]),
        ],
        "ssl_policies": [f.ssl_policy(f.TLS13, ["TLSv1.3", "TLSv1.2"])],
    }
    return f.snapshot(
        f.payload("cloudfront", cloudfront),
        f.payload(
            "cloudfront",
            {
                "distributions": [],
                "vpc_origins": [
                    f.vpc_origin("vo_private", b_internal["LoadBalancerArn"], account=B)
                ],
            },
            account=B,
        ),
        f.payload(
            "wafv2",
            {"scope": "CLOUDFRONT", "web_acls": [f.web_acl_entry(edge_acl, logging=None)]},
        ),
        f.payload(
            "wafv2",
            {
                "scope": "REGIONAL",
                "web_acls": [
                    f.web_acl_entry(alb_acl, logging=None, resources=[b_alb["LoadBalancerArn"]])
                ],
            },
            account=B,
            region=REGION,
        ),
        f.payload(
            "elbv2",
            {
                "load_balancers": [
                    f.lb_entry(
                        web_alb,
                        attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES),
                        tag_list=[],
                        listeners=[f.listener_entry(web_https, rules=web_rules, certificates=[])],
                    )
                ],
                "target_groups": [
                    f.tg_entry(web_tg, attrs=[], health=[f.target_health("i-0web", 443)])
                ],
                "ssl_policies": [f.ssl_policy(f.TLS13, ["TLSv1.3", "TLSv1.2"])],
            },
            region=REGION,
        ),
        f.payload("elbv2", regional_b, account=B, region=REGION),
        f.payload(
            "route53",
            {
                "hosted_zones": [
                    f.zone_entry(f.hosted_zone("Z0RULES", "example.com"), records),
                    f.zone_entry(
                        f.hosted_zone("Z0PRIV", "example.com", private=True),
                        [f.record("app.example.com.", "CNAME", ["internal.example.local"])],
                    ),
                ],
                "query_logging_configs": [],
            },
        ),
        f.payload("route53", {"hosted_zones": [], "query_logging_configs": []}, account=B),
        f.payload(
            "elb",
            {"load_balancers": [f.classic_entry(clb, attrs=f.classic_attributes())]},
            region=REGION,
        ),
        f.payload(
            "globalaccelerator",
            {
                "accelerators": [
                    f.accelerator_entry(accel, [f.ga_listener_entry(ga_li, [ga_group])])
                ]
            },
        ),
        f.payload(
            "apigatewayv2",
            {
                "apis": [],
                "domain_names": [f.domain_v2_entry(shop, [f.api_mapping("zz9gone", "live")])],
                "vpc_links": [],
            },
            region=REGION,
        ),
        f.payload(
            "acm",
            {
                "certificates": [
                    f.certificate_entry(
                        f.certificate(
                            "web", "*.example.com", in_use_by=[web_alb["LoadBalancerArn"]]
                        )
                    )
                ]
            },
            region=REGION,
        ),
        targets=[(A, REGION), (B, REGION)],
    )


ESTATES = {"rules": rules}
