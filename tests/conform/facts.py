"""Hand-built entrypoint facts (the matcher and the derivation read nothing else)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from edgekit.conform.facts import (
    Acl,
    CloudFrontFacts,
    EntryFacts,
    LoadBalancerFacts,
    Route,
)

GROUPS = ("AWS/AWSManagedRulesCommonRuleSet", "AWS/AWSManagedRulesKnownBadInputsRuleSet")


def route(**kw: Any) -> Route:
    """A default-behavior route to an S3 origin behind OAC, on house settings."""
    base = Route(
        behavior="default",
        kinds=("dns-alias", "cloudfront", "origin:s3"),
        origin="site",
        origin_kind="s3",
        lock="oac",
        protocol=None,
        cache_policy="Managed-CachingOptimized",
        origin_request_policy=None,
        response_headers_policy="house-headers",
        viewer_protocol="redirect-to-https",
        functions=(),
        lambda_at_edge=(),
    )
    return replace(base, **kw)


def cloudfront(**kw: Any) -> CloudFrontFacts:
    """A distribution on house settings."""
    base = CloudFrontFacts(
        id="E1",
        web_acl=Acl("edge-baseline", GROUPS, True),
        viewer_tls="TLSv1.2_2021",
        certificate_source="acm",
        logging=True,
        http_version="http2and3",
        ipv6=True,
        price_class="PriceClass_100",
        shield=True,
    )
    return replace(base, **kw)


def lb(**kw: Any) -> LoadBalancerFacts:
    """An internet-facing ALB on house settings."""
    base = LoadBalancerFacts(
        name="app-alb",
        lb_type="alb",
        internet_facing=True,
        tls_policies=("ELBSecurityPolicy-TLS13-1-2-2021-06",),
        web_acl="regional-baseline",
        shield=True,
    )
    return replace(base, **kw)


def entry(host: str = "www.example.com", *, service: str | None = None, **kw: Any) -> EntryFacts:
    """An entrypoint: ``routes`` / ``cloudfront`` / ``load_balancers`` as given or house."""
    return EntryFacts(
        hostname=host,
        entry_kind="dns-record",
        node=f"dns:{host}",
        account_id=kw.pop("account_id", "111111111111"),
        region="global",
        routes=kw.pop("routes", (route(),)),
        cloudfront=kw.pop("cloudfront", cloudfront()),
        load_balancers=kw.pop("load_balancers", ()),
        service=service or f"cloudfront:{host}",
    )
