"""One hand-built snapshot per redundancy pattern (firing by default; keyword knobs make the
guards' near-misses and the unknown cases). Also the inputs of tests/goldens/plan/."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.plan.estate import (
    SECRET,
    WEB_SG,
    A,
    Estate,
    R,
    alb,
    distribution,
    https,
    rules,
    target_group,
    web_group,
)

REST_ID = "r3st4p1id0"
HTTP_ID = "h77p4p1id0"
FN = f.function_arn("app")


def edge_api(*, endpoint: str = "EDGE", omit: frozenset[str] = frozenset()) -> Snapshot:
    """E1EDGEAPI → edge-optimized REST API (its default endpoint) → Lambda."""
    est = Estate(omit=set(omit))
    origin = f.custom_origin("api", f"{REST_ID}.execute-api.{R}.amazonaws.com")
    dist = distribution("E1EDGEAPI", "api.example.com", origin)
    est.distributions.append(f.distribution_entry(dist, []))
    est.record("api.example.com", dist["DomainName"])
    uri = f"arn:aws:apigateway:{R}:lambda:path/2015-03-31/functions/{FN}/invocations"
    est.rest_apis.append(
        f.rest_api_entry(
            f.rest_api(REST_ID, "orders", types=[endpoint]),
            stages=[f.rest_stage("prod")],
            resources=[
                f.rest_resource("root0", "/", parent=None),
                f.rest_resource(
                    "res1", "/{proxy+}", [f.method("ANY", integ=f.integration("AWS_PROXY", uri))]
                ),
            ],
        )
    )
    return est.snapshot()


def cdn_chain(*, inner_domain: str | None = None, extra_account: bool = False) -> Snapshot:
    """E1OUTER (www) → E2INNER (two behaviors: S3 assets, default ALB) → backends."""
    est = Estate()
    if extra_account:
        est.extra_targets.append((f.ACCOUNT_B, R))
    lb = f.load_balancer("inner-alb")
    tg = target_group(est, "inner-web", lb["LoadBalancerArn"], [("i-0inner", 80)])
    li = https(lb, [f.forward(tg)])
    alb(est, "inner-alb", [(li, rules(li))], lb)
    inner = f.distribution(
        "E2INNER",
        aliases=["media.example.com"],
        origins=[f.s3_origin("assets", "inner-assets"), f.custom_origin("web", lb["DNSName"])],
        default=f.behavior("web"),
        behaviors=[f.behavior("assets", "/static/*")],
        certificate=f.viewer_certificate(f.cert_arn("edge")),
    )
    domain = inner_domain or inner["DomainName"]
    outer = distribution("E1OUTER", "www.example.com", f.custom_origin("inner", domain))
    est.distributions += [f.distribution_entry(outer, []), f.distribution_entry(inner, [])]
    est.record("www.example.com", outer["DomainName"])
    est.record("media.example.com", inner["DomainName"])
    return est.snapshot()


def alb_single_lambda(
    *, auth: bool = False, direct_record: bool = False, rules_collected: bool = True
) -> Snapshot:
    """E1LAMBDA (app) → internet-facing ALB → one Lambda target group."""
    est = Estate()
    lb = f.load_balancer("fn-alb")
    tg = target_group(
        est, "fn-tg", lb["LoadBalancerArn"], [(FN, None)], protocol=None, target_type="lambda"
    )
    li = https(lb, [f.forward(tg)])
    extra = (
        [
            f.listener_rule(
                li,
                10,
                [f.condition("path-pattern", ["/admin/*"])],
                [f.authenticate_oidc(1), {**f.forward(tg), "Order": 2}],
            )
        ]
        if auth
        else []
    )
    est.load_balancers.append(
        f.lb_entry(
            lb,
            attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES),
            tag_list=[],
            listeners=[
                f.listener_entry(
                    li, rules=rules(li, *extra) if rules_collected else f.OMIT, certificates=[]
                )
            ],
        )
    )
    est.function_urls.append(f.function_url_entry(FN, None))
    dist = distribution("E1LAMBDA", "app.example.com", f.custom_origin("alb", lb["DNSName"]))
    est.distributions.append(f.distribution_entry(dist, []))
    est.record("app.example.com", dist["DomainName"])
    if direct_record:
        est.record("direct.example.com", f"dualstack.{lb['DNSName']}", f.ALB_ZONE)
    return est.snapshot()


def _web_alb(
    est: Estate,
    *,
    secret_rules: bool = True,
    open_to_world: bool = False,
    web_acl: dict[str, Any] | None = None,
) -> dict[str, Any]:
    lb = f.load_balancer("web-alb", security_groups=[WEB_SG])
    tg = target_group(est, "web-tg", lb["LoadBalancerArn"], [("i-0web1", 80), ("i-0web2", 80)])
    li = https(lb, [f.fixed_response("403")] if secret_rules else [f.forward(tg)])
    extra = (
        [
            f.listener_rule(
                li,
                1,
                [f.condition("http-header", [SECRET], HttpHeaderName="X-Origin-Verify")],
                [f.forward(tg)],
            )
        ]
        if secret_rules
        else []
    )
    alb(est, "web-alb", [(li, rules(li, *extra))], lb)
    est.security_groups.append(web_group(open_to_world=open_to_world))
    if web_acl is not None:
        est.regional_acls.append(
            f.web_acl_entry(web_acl, logging=None, resources=[lb["LoadBalancerArn"]])
        )
    return lb


def public_alb(*, accelerator: bool = False, records_denied: bool = False) -> Snapshot:
    """E1WEB (www) → internet-facing ALB (locked by prefix list + secret header) → instances."""
    est = Estate()
    lb = _web_alb(est)
    origin = f.custom_origin("web", lb["DNSName"], headers={"X-Origin-Verify": SECRET})
    dist = distribution("E1WEB", "www.example.com", origin)
    est.distributions.append(f.distribution_entry(dist, []))
    est.record("www.example.com", dist["DomainName"])
    if accelerator:
        _accelerator(est, lb["LoadBalancerArn"])
    snap = est.snapshot()
    if records_denied:
        zone = snap.payload(A, "global", "route53")
        assert zone is not None
        zone["hosted_zones"][0].pop("ResourceRecordSets")
    return snap


def _accelerator(est: Estate, lb_arn: str) -> None:
    acc = f.accelerator("web-accelerator")
    li = f.ga_listener(acc)
    groups = [f.endpoint_group(li, R, [f.ga_endpoint(lb_arn)])]
    est.accelerators.append(f.accelerator_entry(acc, [f.ga_listener_entry(li, groups)]))


def redirect_only(*, forwards: bool = False, listeners: bool = True) -> Snapshot:
    """old.example.com → ALB whose listeners only redirect (80) or answer 404 (443)."""
    est = Estate()
    lb = f.load_balancer("redirect-alb")
    http = f.listener(lb, 80, "HTTP", [f.redirect_https()])
    final = f.redirect_https()
    final["RedirectConfig"] = {**final["RedirectConfig"], "Host": "www.example.com"}
    tls = https(lb, [final])
    extra = []
    if forwards:
        tg = target_group(est, "legacy", lb["LoadBalancerArn"], [("i-0legacy", 80)])
        extra = [
            f.listener_rule(tls, 5, [f.condition("path-pattern", ["/api/*"])], [f.forward(tg)])
        ]
    else:
        extra = [
            f.listener_rule(
                tls, 5, [f.condition("path-pattern", ["/gone"])], [f.fixed_response("404", "gone")]
            )
        ]
    entry = f.lb_entry(
        lb,
        attrs=f.attributes(f.ALB_DEFAULT_ATTRIBUTES),
        tag_list=[],
        listeners=[
            f.listener_entry(http, rules=rules(http), certificates=[]),
            f.listener_entry(tls, rules=rules(tls, *extra), certificates=[]),
        ]
        if listeners
        else f.OMIT,
    )
    est.load_balancers.append(entry)
    est.record("old.example.com", f"dualstack.{lb['DNSName']}", f.ALB_ZONE)
    return est.snapshot()


def nlb_to_alb(
    *,
    vpc_link: bool = False,
    links_collected: bool = True,
    alb_scheme: str = "internal",
    elastic_ip: bool = True,
) -> Snapshot:
    """tcp.example.com → NLB (static addresses) → alb target group → ALB → instances.
    ``alb_scheme`` internet-facing: a direct variant exists; ``elastic_ip`` False: the NLB's
    addresses are AWS-assigned (no Elastic IP allocation, no stated static-IP guarantee)."""
    est = Estate(omit=set() if links_collected else {"apigateway.vpc_links"})
    nlb = f.load_balancer("edge-nlb", "network", security_groups=())
    if not elastic_ip:
        for z in nlb["AvailabilityZones"]:
            for address in z["LoadBalancerAddresses"]:
                address.pop("AllocationId", None)
    app = f.load_balancer("app-alb", scheme=alb_scheme)
    web_tg = target_group(est, "app-web", app["LoadBalancerArn"], [("i-0app", 80)])
    app_li = https(app, [f.forward(web_tg)])
    alb(est, "app-alb", [(app_li, rules(app_li))], app)
    alb_tg = target_group(
        est,
        "to-alb",
        nlb["LoadBalancerArn"],
        [(app["LoadBalancerArn"], 443)],
        protocol="TCP",
        port=443,
        target_type="alb",
    )
    tcp = f.listener(nlb, 443, "TCP", [f.forward(alb_tg)])
    est.load_balancers.append(
        f.lb_entry(
            nlb,
            attrs=f.attributes(f.NLB_DEFAULT_ATTRIBUTES),
            tag_list=[],
            listeners=[f.listener_entry(tcp, rules=rules(tcp), certificates=[])],
        )
    )
    if vpc_link:
        est.vpc_links.append(f.vpc_link_v1("vl0edge", [nlb["LoadBalancerArn"]]))
    est.record("tcp.example.com", f"dualstack.{nlb['DNSName']}", f.NLB_ZONE)
    return est.snapshot()


def accelerator_and_cdn(*, accelerator: bool = True, ga_collected: bool = True) -> Snapshot:
    """E1EDGE (www) and an accelerator (ga.example.com) both in front of the same ALB."""
    est = Estate(omit=set() if ga_collected else {"globalaccelerator"})
    lb = f.load_balancer("shared-alb")
    tg = target_group(est, "shared-web", lb["LoadBalancerArn"], [("i-0shared", 80)])
    li = https(lb, [f.forward(tg)])
    alb(est, "shared-alb", [(li, rules(li))], lb)
    dist = distribution("E1EDGE", "www.example.com", f.custom_origin("alb", lb["DNSName"]))
    est.distributions.append(f.distribution_entry(dist, []))
    est.record("www.example.com", dist["DomainName"])
    if accelerator:
        _accelerator(est, lb["LoadBalancerArn"])
        dns = est.accelerators[0]["Accelerator"]["DnsName"]
        est.record("ga.example.com", dns, "Z2BJ6XQ5FK7U4H")
    return est.snapshot()


def s3_website(*, rest: bool = False) -> Snapshot:
    """E1SITE (site) → S3 website endpoint of bucket ``site-bucket``."""
    est = Estate()
    origin = (
        f.s3_origin("site", "site-bucket")
        if rest
        else f.custom_origin(
            "site", f"site-bucket.s3-website-{R}.amazonaws.com", policy="http-only"
        )
    )
    dist = distribution("E1SITE", "site.example.com", origin)
    est.distributions.append(f.distribution_entry(dist, []))
    est.record("site.example.com", dist["DomainName"])
    est.buckets.append(
        f.bucket_record(
            "site-bucket",
            policy=f.policy_json(f.statement(resources="arn:aws:s3:::site-bucket/*")),
            pab=None,
            ownership=f.ownership(),
            site=f.website(),
        )
    )
    return est.snapshot()


def _acl(
    name: str, ident: str, scope: str, groups: list[str], extra: bool = False
) -> dict[str, Any]:
    rules_ = [f.rule(g, i, f.managed_group(g), override="None") for i, g in enumerate(groups)]
    if extra:
        rules_.append(f.rule("block-admin", len(rules_), f.byte_match(b"/admin")))
    return f.web_acl(name, ident, scope=scope, rules=rules_)


def double_waf(
    *, common: bool = True, open_to_world: bool = False, sg_collected: bool = True
) -> Snapshot:
    """E1WAF (CommonRuleSet) → locked-down ALB whose own ACL repeats CommonRuleSet."""
    est = Estate(omit=set() if sg_collected else {"ec2.security_groups"})
    edge_acl = _acl(
        "edge",
        "e0000000-0000-4000-8000-00000000000a",
        "CLOUDFRONT",
        ["AWSManagedRulesCommonRuleSet"],
    )
    alb_groups = ["AWSManagedRulesCommonRuleSet"] if common else ["AWSManagedRulesSQLiRuleSet"]
    alb_acl = _acl("alb", "e0000000-0000-4000-8000-00000000000b", "REGIONAL", alb_groups, True)
    lb = _web_alb(est, open_to_world=open_to_world, web_acl=alb_acl)
    est.cf_acls.append(f.web_acl_entry(edge_acl, logging=None))
    origin = f.custom_origin("web", lb["DNSName"], headers={"X-Origin-Verify": SECRET})
    dist = distribution("E1WAF", "www.example.com", origin, web_acl=edge_acl["ARN"])
    est.distributions.append(f.distribution_entry(dist, []))
    est.record("www.example.com", dist["DomainName"])
    return est.snapshot()


def apigw_proxy(
    *,
    auth: str = "NONE",
    usage_plan: bool = False,
    templates: bool = False,
    resources: bool = True,
) -> Snapshot:
    """E1API (api) → REST API (regional, execute-api) → HTTP_PROXY to an ALB → instances."""
    est = Estate()
    lb = f.load_balancer("api-alb")
    tg = target_group(est, "api-web", lb["LoadBalancerArn"], [("i-0api", 8080)])
    li = https(lb, [f.forward(tg)])
    alb(est, "api-alb", [(li, rules(li))], lb)
    integ = f.integration(uri=f"https://{lb['DNSName']}/{{proxy}}")
    if templates:
        integ["requestTemplates"] = {"application/json": '{"x": 1}'}
    resource = f.rest_resource("res1", "/{proxy+}", [f.method("ANY", auth=auth, integ=integ)])
    est.rest_apis.append(
        f.rest_api_entry(
            f.rest_api(REST_ID, "proxy-api"),
            stages=[f.rest_stage("prod")],
            resources=[f.rest_resource("root0", "/", parent=None), resource]
            if resources
            else f.OMIT,
        )
    )
    if usage_plan:
        est.usage_plans.append(f.usage_plan("up1", [(REST_ID, "prod")]))
    origin = f.custom_origin("api", f"{REST_ID}.execute-api.{R}.amazonaws.com")
    dist = distribution("E1API", "api.example.com", origin)
    est.distributions.append(f.distribution_entry(dist, []))
    est.record("api.example.com", dist["DomainName"])
    return est.snapshot()


def http_api_proxy(*, jwt: bool = False) -> Snapshot:
    """E1HTTP (http) → HTTP API → VPC link → internal ALB listener → instances."""
    est = Estate()
    lb = f.load_balancer("http-alb", scheme="internal")
    tg = target_group(
        est, "http-web", lb["LoadBalancerArn"], [("10.0.1.20", 8080)], target_type="ip"
    )
    li = https(lb, [f.forward(tg)])
    alb(est, "http-alb", [(li, rules(li))], lb)
    est.apis.append(
        f.api_v2_entry(
            f.api_v2(HTTP_ID, "http-proxy"),
            stages=[f.stage_v2()],
            integrations=[f.integration_v2("int1", uri=li["ListenerArn"], vpc_link="vl2link")],
            routes=[f.route_v2("rt1", "ANY /{proxy+}", "int1", auth="JWT" if jwt else "NONE")],
        )
    )
    origin = f.custom_origin("api", f"{HTTP_ID}.execute-api.{R}.amazonaws.com")
    dist = distribution("E1HTTP", "http.example.com", origin)
    est.distributions.append(f.distribution_entry(dist, []))
    est.record("http.example.com", dist["DomainName"])
    return est.snapshot()


def duplicates(*, differ: bool = False, staging: bool = False, summary: bool = False) -> Snapshot:
    """E1DUPA (a) and E2DUPB (b): the same S3 origin and behaviors, different aliases."""
    est = Estate()
    extra = [f.behavior("assets", "/img/*")] if differ else []
    for ident, alias, behaviors in (
        ("E1DUPA", "a.example.com", []),
        ("E2DUPB", "b.example.com", extra),
    ):
        dist = f.distribution(
            ident,
            aliases=[alias],
            origins=[f.s3_origin("assets", "shared-assets")],
            behaviors=behaviors,
            certificate=f.viewer_certificate(f.cert_arn(ident.lower())),
        )
        if staging and ident == "E2DUPB":
            dist["DistributionConfig"]["Staging"] = True
        entry = (
            f.summary_entry(dist, [])
            if summary and ident == "E2DUPB"
            else f.distribution_entry(dist, [])
        )
        est.distributions.append(entry)
        est.record(alias, dist["DomainName"])
    return est.snapshot()


def unreferenced(*, record: bool = False, records_denied: bool = False) -> Snapshot:
    """An internet-facing ALB ``orphan-alb`` that no record points at."""
    est = Estate()
    lb = f.load_balancer("orphan-alb")
    tg = target_group(est, "orphan-web", lb["LoadBalancerArn"], [("i-0orphan", 80)])
    li = https(lb, [f.forward(tg)])
    alb(est, "orphan-alb", [(li, rules(li))], lb)
    if record:
        est.record("orphan.example.com", f"dualstack.{lb['DNSName']}", f.ALB_ZONE)
    snap = est.snapshot()
    if records_denied:
        zone = snap.payload(A, "global", "route53")
        assert zone is not None
        zone["hosted_zones"][0].pop("ResourceRecordSets")
    return snap


PATTERNS: dict[str, Callable[[], Snapshot]] = {
    "cdn_before_edge_api": edge_api,
    "cdn_chain": cdn_chain,
    "alb_single_lambda": alb_single_lambda,
    "public_alb_behind_cdn": public_alb,
    "redirect_only_lb": redirect_only,
    "nlb_to_alb": nlb_to_alb,
    "accelerator_and_cdn": accelerator_and_cdn,
    "s3_website_origin": s3_website,
    "double_waf": double_waf,
    "apigw_proxy_to_alb": apigw_proxy,
    "apigw_proxy_to_alb_http": http_api_proxy,
    "duplicate_distributions": duplicates,
    "unreferenced_entrypoint": unreferenced,
}
"""Golden name → firing snapshot."""
