"""The house services: nw-shared-edge's sites on the edge team's ``static-site`` pattern
(``edgekit/conform/edge-patterns.toml``) with three near misses of one deviation each, and
nw-payments' apps on the ``web-app`` pattern.

Each is an S3 bucket behind origin access control, served by a distribution with the standard
web ACL, the security headers policy, TLSv1.2_2021, HTTP/2 and 3, IPv6 and standard logging;
``jobs`` keeps an older TLS floor, ``events`` has logging off, ``gifts`` caches with the
``nw-search-everything`` policy.
"""

from __future__ import annotations

from dataclasses import replace

from edgekit.sandbox.sample import cdn, payments
from edgekit.sandbox.sample import network as net
from edgekit.sandbox.sample.accounts import EU, PAY_ZONE, US, ZONE
from edgekit.sandbox.sample.certs import request
from edgekit.sandbox.sample.state import Estate
from edgekit.sandbox.sample.storage import bucket, oac_read, policy

HOUSE_SITES = ("brand", "careers", "help", "investors", "legal", "press", "status")
"""Sites on the house ``static-site`` pattern."""
NEAR_MISSES = ("events", "gifts", "jobs")
"""Sites one deviation away from it."""


def build(estate: Estate) -> None:
    """The house sites and the near misses (after the shared edge's infrastructure)."""
    edge = estate.accounts.edge
    for name in (*HOUSE_SITES, *NEAR_MISSES):
        site = f"nw-{name}-site"
        bucket(edge, US, site)
        cache = (
            estate.policies["nw-search-everything"] if name == "gifts" else cdn.CACHING_OPTIMIZED
        )
        spec = cdn.Spec(
            name=name, aliases=(f"{name}.{ZONE}",), certificate=estate.certificates["nw-wildcard"],
            web_acl=estate.web_acls["nw-edge-standard"], root="index.html",
            origins=[cdn.s3_origin(name, site, US, oac=estate.access["nw-s3-oac"])],
            default=cdn.behavior(
                name, headers_policy=estate.policies["nw-security-headers"], cache=cache
            ),
            comment=f"{name}.{ZONE}: static site on the house pattern",
        )  # fmt: skip
        if name == "jobs":
            spec = replace(spec, tls="TLSv1.2_2019")
        if name == "events":
            spec = replace(spec, logging=False)
        created = cdn.distribution(estate, edge, spec)
        policy(edge, US, site, [oac_read(site, [created.arn])])


HOUSE_APPS = {"wallet": 40, "invoices": 50}
"""nw-payments apps on the house ``web-app`` pattern (name → last octet of their targets)."""


def build_apps(estate: Estate) -> None:
    """Two payment apps built like ``pay``: a VPC origin to an internal ALB (after
    :func:`~edgekit.sandbox.sample.payments.build_distributions`: its ACL and headers policy)."""
    pay = estate.accounts.payments
    vpc = net.vpc(estate, pay, EU, payments.OCTET)
    certificate = request(estate, pay, EU, "nw-pay-apps", f"*.apps.{PAY_ZONE}")
    cf = pay.client("cloudfront")
    for name, octet in HOUSE_APPS.items():
        group = net.security_group(pay, EU, vpc, f"nw-{name}", [(443, "prefix-list")])
        app = net.load_balancer(
            estate, pay, EU, vpc, f"nw-{name}", internal=True, groups=(group,),
            attributes=net.golden_attributes(payments.LOGS, f"nw-{name}"),
        )  # fmt: skip
        targets = (f"10.22.1.{octet}", f"10.22.2.{octet}")
        pool = net.target_group(pay, EU, vpc, f"nw-{name}", targets=targets)
        net.listener(pay, app, 443, "HTTPS", net.forward(pool), certificate=certificate)
        created = cf.create_vpc_origin(
            VpcOriginEndpointConfig={
                "Name": f"nw-{name}", "Arn": app.arn, "HTTPPort": 80, "HTTPSPort": 443,
                "OriginProtocolPolicy": "https-only", "OriginSslProtocols": cdn.qlist(["TLSv1.2"]),
            }
        )["VpcOrigin"]  # fmt: skip
        spec = cdn.Spec(
            name=name, aliases=(f"{name}.{PAY_ZONE}",),
            certificate=estate.certificates["nw-pay-edge"], web_acl=estate.web_acls["nw-pay-edge"],
            origins=[cdn.vpc_origin(name, app.dns_name, str(created["Id"]))],
            default=cdn.dynamic(name, headers_policy=estate.policies["nw-pay-security-headers"]),
            comment=f"{name}.{PAY_ZONE}: payment app on the house pattern (VPC origin)",
        )  # fmt: skip
        cdn.distribution(estate, pay, spec)
