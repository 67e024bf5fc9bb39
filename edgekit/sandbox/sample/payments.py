"""nw-payments (222222222222): the payment platform and its own edge.

eu-west-1: the payment app's internal ALB, reached only through a CloudFront VPC origin (the
golden path ``pay.nwpay.example``); a partner NLB that only forwards to an internal ALB (kept for
partners' static-IP allowlists); an HTTP API that proxies everything to an internal ALB through
a VPC link (``orders.nwpay.example``); the admin ALB, open to the internet, whose regional WAF
only counts; the loyalty REST API with a TLS 1.0 custom domain and no WAF. us-east-1: the
edge-optimized partner REST API that the shared edge puts behind a second CloudFront layer, and
the account's CloudFront distributions, certificates and golden web ACL.
"""

from __future__ import annotations

from edgekit.sandbox.sample import cdn
from edgekit.sandbox.sample import network as net
from edgekit.sandbox.sample.accounts import EU, ORIGIN_SECRET_HEADER, PAY_ZONE, US, secret
from edgekit.sandbox.sample.apis import custom_domain, http_api_to_alb, rest_api
from edgekit.sandbox.sample.certs import request
from edgekit.sandbox.sample.policies import security_headers
from edgekit.sandbox.sample.state import Estate
from edgekit.sandbox.sample.storage import bucket
from edgekit.sandbox.sample.waf import GOLDEN_RULES, MONITOR_RULES, web_acl

LOGS = "nw-pay-alb-logs-eu"
OCTET = 22


def build(estate: Estate) -> None:
    """Everything of nw-payments except its distributions."""
    pay = estate.accounts.payments
    bucket(pay, EU, LOGS)
    vpc = net.vpc(estate, pay, EU, OCTET)
    from_cloudfront = net.security_group(pay, EU, vpc, "nw-pay-app", [(443, "prefix-list")])
    from_vpc = net.security_group(
        pay, EU, vpc, "nw-pay-internal", [(443, vpc.cidr), (80, vpc.cidr)]
    )

    app = net.load_balancer(
        estate, pay, EU, vpc, "nw-pay-app", internal=True, groups=(from_cloudfront,),
        attributes=net.golden_attributes(LOGS, "nw-pay-app"),
    )  # fmt: skip
    pool = net.target_group(pay, EU, vpc, "nw-pay-app", targets=("10.22.1.10", "10.22.2.10"))
    certificate = request(estate, pay, EU, "nw-pay-app", f"pay-app.{PAY_ZONE}")
    net.listener(pay, app, 443, "HTTPS", net.forward(pool), certificate=certificate)

    core = net.load_balancer(
        estate, pay, EU, vpc, "nw-pay-core", internal=True, groups=(from_vpc,),
        attributes=net.golden_attributes(LOGS, "nw-pay-core"),
    )  # fmt: skip
    pool = net.target_group(pay, EU, vpc, "nw-pay-core", targets=("10.22.1.20", "10.22.2.20"))
    certificate = request(estate, pay, EU, "nw-pay-core", f"core.{PAY_ZONE}")
    net.listener(pay, core, 443, "HTTPS", net.forward(pool), certificate=certificate)

    nlb = net.load_balancer(estate, pay, EU, vpc, "nw-pay-partner-nlb", kind="network", zones=1)
    to_alb = net.target_group(
        pay, EU, vpc, "nw-pay-core-alb", kind="alb", protocol="TCP", port=443,
        health_protocol="HTTPS", targets=(core.arn,),
    )  # fmt: skip
    net.listener(pay, nlb, 443, "TCP", net.forward(to_alb))

    orders = net.load_balancer(
        estate, pay, EU, vpc, "nw-pay-orders", internal=True, groups=(from_vpc,)
    )
    pool = net.target_group(
        pay, EU, vpc, "nw-pay-orders", protocol="HTTP", port=8080, targets=("10.22.1.30",)
    )
    listener = net.listener(pay, orders, 80, "HTTP", net.forward(pool))
    http_api_to_alb(
        estate, pay, EU, "nw-orders-api", listener_arn=listener, subnets=vpc.subnets,
        security_group=from_vpc,
    )  # fmt: skip
    _admin(estate)
    _apis(estate)
    pay.client("cloudfront").create_vpc_origin(
        VpcOriginEndpointConfig={
            "Name": "nw-pay-app",
            "Arn": app.arn,
            "HTTPPort": 80,
            "HTTPSPort": 443,
            "OriginProtocolPolicy": "https-only",
            "OriginSslProtocols": cdn.qlist(["TLSv1.2"]),
        }
    )
    origins = pay.client("cloudfront").list_vpc_origins()["VpcOriginList"]["Items"]
    estate.vpc_origins["nw-pay-app"] = str(origins[0]["Id"])


def _admin(estate: Estate) -> None:
    """The admin ALB: internet-facing, no secret-header rule, monitor-only WAF, no targets."""
    pay = estate.accounts.payments
    vpc = net.vpc(estate, pay, EU, OCTET)
    group = net.security_group(pay, EU, vpc, "nw-pay-admin", [(443, net.ANYWHERE)])
    admin = net.load_balancer(
        estate, pay, EU, vpc, "nw-pay-admin", groups=(group,),
        attributes={"routing.http.desync_mitigation_mode": "monitor"},
    )  # fmt: skip
    pool = net.target_group(pay, EU, vpc, "nw-pay-admin")
    certificate = request(estate, pay, EU, "nw-pay-admin", f"admin-origin.{PAY_ZONE}")
    net.listener(pay, admin, 443, "HTTPS", net.forward(pool), certificate=certificate)
    acl = web_acl(estate, pay, "nw-pay-admin-monitor", MONITOR_RULES, scope="REGIONAL", region=EU)
    pay.client("wafv2", EU).associate_web_acl(WebACLArn=acl, ResourceArn=admin.arn)


def _apis(estate: Estate) -> None:
    pay = estate.accounts.payments
    rest_api(estate, pay, US, "nw-partners-api", endpoint="EDGE")
    loyalty = rest_api(estate, pay, EU, "nw-loyalty-api", endpoint="REGIONAL")
    certificate = request(estate, pay, EU, "nw-loyalty", f"loyalty.{PAY_ZONE}")
    custom_domain(
        estate, pay, EU, f"loyalty.{PAY_ZONE}", loyalty, certificate, security_policy="TLS_1_0"
    )


def build_distributions(estate: Estate) -> None:
    """pay (golden, VPC origin), admin (header sent, never checked), orders (API → ALB)."""
    pay = estate.accounts.payments
    certificate = request(estate, pay, US, "nw-pay-edge", f"*.{PAY_ZONE}", sans=(PAY_ZONE,))
    acl = web_acl(estate, pay, "nw-pay-edge", GOLDEN_RULES, logging=True)
    headers = security_headers(estate, pay, "nw-pay-security-headers")
    app = estate.balancers["nw-pay-app"]
    golden = cdn.Spec(
        name="pay", aliases=(f"pay.{PAY_ZONE}",), certificate=certificate, web_acl=acl,
        origins=[cdn.vpc_origin("pay-app", app.dns_name, estate.vpc_origins["nw-pay-app"])],
        default=cdn.dynamic("pay-app", headers_policy=headers),
        comment="pay.nwpay.example: checkout (VPC origin to an internal ALB)",
    )  # fmt: skip
    cdn.distribution(estate, pay, golden)
    admin_origin = cdn.custom_origin(
        "admin-alb", f"admin-origin.{PAY_ZONE}",
        headers={ORIGIN_SECRET_HEADER: secret("pay-admin")},
    )  # fmt: skip
    admin = cdn.Spec(
        name="pay-admin", aliases=(f"admin.{PAY_ZONE}",), certificate=certificate, web_acl=acl,
        origins=[admin_origin], default=cdn.dynamic("admin-alb", headers_policy=headers),
        comment="admin.nwpay.example: back office",
    )  # fmt: skip
    cdn.distribution(estate, pay, admin)
    orders = cdn.Spec(
        name="orders", aliases=(f"orders.{PAY_ZONE}",), certificate=certificate, web_acl=acl,
        origins=[cdn.custom_origin("orders-api", estate.apis["nw-orders-api"])],
        default=cdn.dynamic("orders-api", headers_policy=headers),
        comment="orders.nwpay.example: order API (HTTP API → VPC link → ALB)",
    )  # fmt: skip
    cdn.distribution(estate, pay, orders)
