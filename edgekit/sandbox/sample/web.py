"""nw-web (333333333333): the web shop, marketing sites and their content.

us-east-1: the shop ALB (public, open to the internet, also behind CloudFront and a Global
Accelerator), the forms ALB (one Lambda target), an ALB that only redirects, the legacy Classic
ELB, Lambda functions. eu-west-1: the API ALB of www (the golden, locked origin), the partner
portal ALB (locked, but with its own WAF too), an ALB nobody uses, an orphaned target group, an
empty web ACL and the catalogue REST API (regional, API key). Content buckets live here too;
their CloudFront-facing policies are written once the distributions exist (:mod:`.edge`).
"""

from __future__ import annotations

from edgekit.sandbox.sample import network as net
from edgekit.sandbox.sample.accounts import (
    EU,
    GA_REGION,
    LEGACY_ZONE,
    ORIGIN_SECRET_HEADER,
    US,
    ZONE,
    secret,
)
from edgekit.sandbox.sample.apis import rest_api
from edgekit.sandbox.sample.certs import imported, request
from edgekit.sandbox.sample.state import Balancer, Estate
from edgekit.sandbox.sample.storage import bucket, function, policy, read_by, website
from edgekit.sandbox.sample.waf import ip_rule, ip_set, managed, rate_limit, web_acl

LOGS_US = "nw-web-alb-logs-us"
LOGS_EU = "nw-web-alb-logs-eu"
PUBLIC_BUCKETS = ("nw-docs-site", "nw-downloads")


def build(estate: Estate) -> None:
    """Everything of nw-web except its distributions."""
    _buckets(estate)
    web = estate.accounts.web
    function(estate, web, US, "nw-forms-handler")
    function(estate, web, US, "nw-recommendations", url_auth="NONE")
    _shop(estate)
    _forms_and_redirect(estate)
    _legacy_elb(estate)
    _web_api(estate)
    _portal(estate)
    _unused(estate)
    rest_api(estate, web, EU, "nw-catalog-api", endpoint="REGIONAL", api_key=True)


def _buckets(estate: Estate) -> None:
    web = estate.accounts.web
    for name in ("nw-www-site", "nw-assets", "nw-media-legacy", "nw-promo-site", LOGS_US):
        bucket(web, US, name)
    for name in ("nw-www-site-replica", LOGS_EU):
        bucket(web, EU, name)
    for name in PUBLIC_BUCKETS:
        bucket(web, US, name, private=False)
        policy(web, US, name, [read_by(name, "*")])
    website(web, US, "nw-docs-site")


def _shop(estate: Estate) -> None:
    """The shop ALB: open to the world, forwarding plain HTTP, TLS 1.0 policy, shadowed rule."""
    web = estate.accounts.web
    vpc = net.vpc(estate, web, US, 31)
    group = net.security_group(
        web, US, vpc, "nw-shop-alb", [(80, net.ANYWHERE), (443, net.ANYWHERE)]
    )
    site = net.target_group(
        web, US, vpc, "nw-shop-web", protocol="HTTP", port=8080, health_protocol="HTTPS",
        targets=("10.31.1.21", "10.31.2.21"),
    )  # fmt: skip
    api = net.target_group(
        web, US, vpc, "nw-shop-api", protocol="HTTP", port=8080,
        targets=("10.31.1.31", "10.31.2.31"),
    )  # fmt: skip
    shop = net.load_balancer(estate, web, US, vpc, "nw-shop", groups=(group,))
    certificate = request(
        estate, web, US, "nw-shop-origin", f"shop-origin.{ZONE}", sans=(f"shop.{ZONE}",)
    )
    net.listener(web, shop, 80, "HTTP", net.forward(site))
    net.listener(
        web, shop, 443, "HTTPS", net.forward(site), certificate=certificate,
        policy="ELBSecurityPolicy-2016-08",
    )  # fmt: skip
    net.rule(web, shop, 443, 10, [net.host_is(f"store.{ZONE}")], net.forward(site))
    net.rule(web, shop, 443, 20, [net.path_is("/api/*")], net.forward(api))
    net.rule(
        web, shop, 443, 30, [net.path_is("/api/*"), net.host_is(f"shop.{ZONE}")], net.forward(api)
    )
    _accelerator(estate, shop)


def _accelerator(estate: Estate, shop: Balancer) -> None:
    """Global Accelerator in front of the shop ALB (which CloudFront also uses as origin)."""
    ga = estate.accounts.web.client("globalaccelerator", GA_REGION)
    accelerator = ga.create_accelerator(
        Name="nw-shop-accelerator",
        IpAddressType="IPV4",
        Enabled=True,
        IdempotencyToken="nw-shop-accelerator",
        Tags=[{"Key": "Name", "Value": "nw-shop-accelerator"}],
    )["Accelerator"]
    listener = ga.create_listener(
        AcceleratorArn=accelerator["AcceleratorArn"],
        PortRanges=[{"FromPort": 443, "ToPort": 443}],
        Protocol="TCP",
        IdempotencyToken="nw-shop-accelerator-443",
    )["Listener"]
    ga.create_endpoint_group(
        ListenerArn=listener["ListenerArn"],
        EndpointGroupRegion=US,
        EndpointConfigurations=[{"EndpointId": shop.arn, "ClientIPPreservationEnabled": True}],
        HealthCheckProtocol="HTTPS",
        HealthCheckPath="/healthz",
        IdempotencyToken="nw-shop-accelerator-us",
    )
    estate.accelerators["nw-shop-accelerator"] = str(accelerator["DnsName"])


def _forms_and_redirect(estate: Estate) -> None:
    """Forms: an ALB whose only target is a Lambda; old.*: an ALB that only redirects."""
    web = estate.accounts.web
    vpc = net.vpc(estate, web, US, 31)
    cloudfront_only = net.security_group(web, US, vpc, "nw-forms-alb", [(443, "prefix-list")])
    handler = net.target_group(
        web, US, None, "nw-forms-fn", kind="lambda",
        targets=(estate.functions["nw-forms-handler"],),
    )  # fmt: skip
    forms = net.load_balancer(
        estate, web, US, vpc, "nw-forms", groups=(cloudfront_only,),
        attributes={"routing.http.drop_invalid_header_fields.enabled": "true"},
    )  # fmt: skip
    certificate = request(estate, web, US, "nw-forms-origin", f"forms-origin.{ZONE}")
    net.listener(web, forms, 443, "HTTPS", net.forward(handler), certificate=certificate)

    open_group = net.security_group(
        web, US, vpc, "nw-redirect-alb", [(80, net.ANYWHERE), (443, net.ANYWHERE)]
    )
    old = net.load_balancer(estate, web, US, vpc, "nw-legacy-redirect", groups=(open_group,))
    certificate = request(estate, web, US, "nw-old", f"old.{ZONE}")
    to_www = net.redirect(host=f"www.{ZONE}")
    net.listener(web, old, 80, "HTTP", to_www)
    net.listener(web, old, 443, "HTTPS", to_www, certificate=certificate)


def _legacy_elb(estate: Estate) -> None:
    """The legacy site's Classic ELB: plain HTTP, TLS 1.0, weak key, no logs, no draining."""
    web = estate.accounts.web
    vpc = net.vpc(estate, web, US, 31)
    group = net.security_group(
        web, US, vpc, "nw-legacy-elb", [(80, net.ANYWHERE), (443, net.ANYWHERE)]
    )
    certificate = imported(
        estate, web, US, "nw-legacy-origin", f"legacy-origin.{LEGACY_ZONE}",
        days_left=200, key_size=1024, serial=0x4E57_0102,
    )  # fmt: skip
    elb = web.client("elb", US)
    name = "nw-legacy-elb"
    created = elb.create_load_balancer(
        LoadBalancerName=name,
        Listeners=[
            {"Protocol": "HTTP", "LoadBalancerPort": 80, "InstanceProtocol": "HTTP",
             "InstancePort": 8080},
            {"Protocol": "HTTPS", "LoadBalancerPort": 443, "InstanceProtocol": "HTTP",
             "InstancePort": 8080, "SSLCertificateId": certificate},
        ],
        Subnets=list(vpc.subnets),
        SecurityGroups=[group],
        Tags=[{"Key": "Name", "Value": name}],
    )  # fmt: skip
    tls = {
        "Reference-Security-Policy": "ELBSecurityPolicy-2011-08",
        "Protocol-TLSv1": "true",
        "Protocol-TLSv1.1": "true",
        "Protocol-TLSv1.2": "true",
    }
    elb.create_load_balancer_policy(
        LoadBalancerName=name,
        PolicyName="nw-legacy-tls",
        PolicyTypeName="SSLNegotiationPolicyType",
        PolicyAttributes=[{"AttributeName": k, "AttributeValue": v} for k, v in tls.items()],
    )
    elb.set_load_balancer_policies_of_listener(
        LoadBalancerName=name, LoadBalancerPort=443, PolicyNames=["nw-legacy-tls"]
    )
    elb.modify_load_balancer_attributes(
        LoadBalancerName=name,
        LoadBalancerAttributes={
            "AccessLog": {"Enabled": False},
            "ConnectionDraining": {"Enabled": False},
            "CrossZoneLoadBalancing": {"Enabled": True},
        },
    )
    estate.balancers[name] = Balancer(
        name=name, account_id=web.account_id, region=US,
        arn=web.arn("elasticloadbalancing", US, f"loadbalancer/{name}"),
        dns_name=str(created["DNSName"]), zone_id="Z35SXDOTRQ7X7K", kind="classic",
    )  # fmt: skip


def locked_alb(estate: Estate, name: str, service: str, region: str, octet: int) -> Balancer:
    """The golden origin ALB: CloudFront prefix list only, secret header required, 403 else.

    HTTPS only (TLS 1.3/1.2 policy), HTTPS targets in two AZs, invalid headers dropped, access
    logs, deletion protection.
    """
    web = estate.accounts.web
    vpc = net.vpc(estate, web, region, octet)
    group = net.security_group(web, region, vpc, name, [(443, "prefix-list")])
    targets = tuple(f"10.{octet}.{i}.{40 + len(estate.balancers)}" for i in (1, 2))
    pool = net.target_group(web, region, vpc, name, targets=targets)
    balancer = net.load_balancer(
        estate, web, region, vpc, name, groups=(group,),
        attributes=net.golden_attributes(LOGS_EU if region == EU else LOGS_US, name),
    )  # fmt: skip
    certificate = request(estate, web, region, name, f"{service}-origin.{ZONE}")
    net.listener(
        web, balancer, 443, "HTTPS", net.fixed("403", "Forbidden"), certificate=certificate
    )
    condition = net.header_is(ORIGIN_SECRET_HEADER, secret(service))
    net.rule(web, balancer, 443, 10, [condition], net.forward(pool))
    return balancer


def _web_api(estate: Estate) -> None:
    locked_alb(estate, "nw-web-api", "api", EU, 32)


def _portal(estate: Estate) -> None:
    """Partner portal: locked origin, yet its own (overlapping, fail-open) regional WAF."""
    web = estate.accounts.web
    portal = locked_alb(estate, "nw-portal", "portal", EU, 32)
    web.client("elbv2", EU).modify_load_balancer_attributes(
        LoadBalancerArn=portal.arn, Attributes=[{"Key": "waf.fail_open.enabled", "Value": "true"}]
    )
    office = ip_set(web, EU, "nw-office", ["198.51.100.0/24"])
    acl = web_acl(
        estate, web, "nw-portal-regional",
        [
            ip_rule("allow-office", 0, office, "Allow"),
            ip_rule("allow-office-vpn", 1, office, "Allow"),
            managed("AWSManagedRulesCommonRuleSet", 2),
            rate_limit(3, 500),
        ],
        scope="REGIONAL", region=EU, logging=True,
    )  # fmt: skip
    web.client("wafv2", EU).associate_web_acl(WebACLArn=acl, ResourceArn=portal.arn)


def _unused(estate: Estate) -> None:
    """An ALB without listeners or DNS, an orphaned target group, an empty web ACL."""
    web = estate.accounts.web
    vpc = net.vpc(estate, web, EU, 32)
    group = net.security_group(web, EU, vpc, "nw-reports-alb", [(443, net.ANYWHERE)])
    net.load_balancer(estate, web, EU, vpc, "nw-reports", groups=(group,))
    net.target_group(web, EU, vpc, "nw-old-blue", protocol="HTTP", port=80)
    web_acl(estate, web, "nw-web-staging", [], scope="REGIONAL", region=EU)
    doomed = net.load_balancer(estate, web, EU, vpc, "nw-old-api", groups=(group,))
    estate.extra["doomed_balancer"] = doomed
