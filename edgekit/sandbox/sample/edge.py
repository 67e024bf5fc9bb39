"""nw-shared-edge (111111111111): shared edge infrastructure and the golden distributions.

Certificates, CloudFront policies, origin access, the CloudFront Function, the edge team's
Lambda functions, the CLOUDFRONT-scope web ACLs and the WAF Classic ACL; then the four golden
paths of the shared edge (``www``, ``assets``, ``api``, ``thumbs``); and, once every
distribution exists, the bucket policies that name them and the Shield Advanced protections.
"""

from __future__ import annotations

from edgekit.sandbox.sample import cdn
from edgekit.sandbox.sample.accounts import (
    EU,
    LEGACY_ZONE,
    ORIGIN_SECRET_HEADER,
    US,
    ZONE,
    Account,
    secret,
)
from edgekit.sandbox.sample.certs import imported, request
from edgekit.sandbox.sample.policies import (
    cache_policy,
    origin_access_control,
    origin_access_identity,
    security_headers,
)
from edgekit.sandbox.sample.state import Estate
from edgekit.sandbox.sample.storage import BLOCK_ALL, bucket, function, oac_read, policy, read_by
from edgekit.sandbox.sample.waf import GOLDEN_RULES, LEGACY_RULES, classic_web_acl, web_acl
from edgekit.sandbox.seed_edge import publish_function

GOLDEN = ("www", "assets", "api", "thumbs")
"""The shared edge's golden-path distributions (Shield-protected)."""


def build(estate: Estate) -> None:
    """The shared edge's infrastructure, then its golden distributions."""
    edge = estate.accounts.edge
    bucket(edge, US, cdn.LOG_BUCKET, ownership="BucketOwnerPreferred")
    for account in (edge, estate.accounts.payments):
        account.client("s3control", US).put_public_access_block(
            AccountId=account.account_id, PublicAccessBlockConfiguration=BLOCK_ALL
        )
    request(estate, edge, US, "nw-wildcard", f"*.{ZONE}", sans=(ZONE,))
    request(estate, edge, US, "nw-spring", f"spring.{ZONE}")
    request(estate, edge, US, "nw-summer", f"summer.{ZONE}")
    request(
        estate, edge, US, "nw-partners", f"partners.{ZONE}",
        publish_validation=False, transparency=False,
    )  # fmt: skip
    imported(
        estate, edge, US, "nw-legacy", f"www.{LEGACY_ZONE}", sans=(LEGACY_ZONE,),
        days_left=20, serial=0x4E57_0101,
    )  # fmt: skip
    request(estate, edge, US, "nw-intranet", f"intranet.{ZONE}")
    estate.functions["nw-index-rewrite"] = publish_function(
        edge.client("cloudfront"), "nw-index-rewrite"
    )
    function(estate, edge, US, "nw-thumbnails", url_auth="AWS_IAM")
    function(estate, edge, US, "nw-legacy-auth", publish=True)
    origin_access_control(estate, edge, "nw-s3-oac", "s3")
    origin_access_control(estate, edge, "nw-lambda-oac", "lambda")
    origin_access_identity(estate, edge, "nw-media-oai")
    security_headers(estate, edge, "nw-security-headers")
    security_headers(estate, edge, "nw-weak-hsts", max_age=86400, subdomains=False, preload=False)
    cache_policy(estate, edge, "nw-api-cache-60s", ttl=(60, 60, 300))
    cache_policy(
        estate, edge, "nw-search-everything", ttl=(0, 3600, 86400),
        query_strings="all", cookies="all", headers=("User-Agent",),
    )  # fmt: skip
    web_acl(estate, edge, "nw-edge-standard", GOLDEN_RULES, logging=True)
    web_acl(estate, edge, "nw-edge-legacy", LEGACY_RULES)
    classic_web_acl(estate, edge)
    _golden(estate, edge)


def _golden(estate: Estate, edge: Account) -> None:
    certificate = estate.certificates["nw-wildcard"]
    acl = estate.web_acls["nw-edge-standard"]
    headers = estate.policies["nw-security-headers"]
    oac = estate.access["nw-s3-oac"]
    site = cdn.behavior(
        "site", headers_policy=headers, function=estate.functions["nw-index-rewrite"]
    )
    api_origin = cdn.custom_origin(
        "api-alb", f"api-origin.{ZONE}", headers={ORIGIN_SECRET_HEADER: secret("api")}
    )
    www = cdn.Spec(
        name="www", aliases=(f"www.{ZONE}", ZONE), certificate=certificate, web_acl=acl,
        root="index.html",
        origins=[
            cdn.s3_origin("site-us", "nw-www-site", US, oac=oac),
            cdn.s3_origin("site-eu", "nw-www-site-replica", EU, oac=oac),
            api_origin,
        ],
        groups=[cdn.origin_group("site", "site-us", "site-eu")],
        default=site,
        behaviors=[cdn.dynamic("api-alb", path="/api/*", headers_policy=headers)],
        comment="www.northwind.example: storefront (S3 with failover, /api/* to a locked ALB)",
    )  # fmt: skip
    cdn.distribution(estate, edge, www)
    assets = cdn.Spec(
        name="assets", aliases=(f"assets.{ZONE}",), certificate=certificate, web_acl=acl,
        origins=[cdn.s3_origin("assets", "nw-assets", US, oac=oac)],
        default=cdn.behavior("assets", headers_policy=headers), root="index.html",
        comment="assets.northwind.example: static assets",
    )  # fmt: skip
    cdn.distribution(estate, edge, assets)
    api_key = estate.extra["nw-catalog-api/api-key"]
    catalog = cdn.custom_origin(
        "catalog-api", estate.apis["nw-catalog-api"], path="/prod", headers={"x-api-key": api_key}
    )
    api = cdn.Spec(
        name="api", aliases=(f"api.{ZONE}",), certificate=certificate, web_acl=acl,
        origins=[catalog], default=cdn.dynamic("catalog-api", headers_policy=headers),
        comment="api.northwind.example: catalogue API (regional REST API, API key)",
    )  # fmt: skip
    cdn.distribution(estate, edge, api)
    thumbnails = cdn.custom_origin(
        "thumbnails", estate.function_urls["nw-thumbnails"], oac=estate.access["nw-lambda-oac"]
    )
    thumbs = cdn.Spec(
        name="thumbs", aliases=(f"thumbs.{ZONE}",), certificate=certificate, web_acl=acl,
        origins=[thumbnails],
        default=cdn.behavior(
            "thumbnails", headers_policy=headers, origin_request=cdn.ALL_VIEWER_EXCEPT_HOST
        ),
        comment="thumbs.northwind.example: image thumbnails (Lambda URL with OAC)",
    )  # fmt: skip
    cdn.distribution(estate, edge, thumbs)


def finish(estate: Estate) -> None:
    """Bucket policies naming the distributions, the Lambda permission, Shield Advanced."""
    web = estate.accounts.web
    arns = {name: d.arn for name, d in estate.distributions.items()}
    policy(web, US, "nw-www-site", [oac_read("nw-www-site", [arns["www"]])])
    policy(web, EU, "nw-www-site-replica", [oac_read("nw-www-site-replica", [arns["www"]])])
    policy(web, US, "nw-assets", [oac_read("nw-assets", [arns["assets"]])])
    oai = estate.access["nw-media-oai"]
    identity = f"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity {oai}"
    policy(web, US, "nw-media-legacy", [read_by("nw-media-legacy", {"AWS": identity})])
    unscoped = read_by("nw-promo-site", {"Service": "cloudfront.amazonaws.com"})
    policy(web, US, "nw-promo-site", [unscoped])
    edge = estate.accounts.edge
    edge.client("lambda", US).add_permission(
        FunctionName="nw-thumbnails",
        StatementId="cloudfront-oac",
        Action="lambda:InvokeFunctionUrl",
        Principal="cloudfront.amazonaws.com",
        SourceArn=arns["thumbs"],
    )
    shield = edge.client("shield", US)
    shield.create_subscription()
    for name in ("www", "shop", *GOLDEN[1:]):
        shield.create_protection(Name=f"nw-{name}", ResourceArn=arns[name])
