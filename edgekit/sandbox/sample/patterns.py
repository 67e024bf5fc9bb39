"""The shared edge's misconfigured and redundant distributions (nw-shared-edge, 111111111111).

Each one is a realistic way an estate goes wrong; the check ids each is meant to trigger are
listed in ``docs/sample-estate.md`` and in the comment of its :class:`~.cdn.Spec`.
"""

from __future__ import annotations

from edgekit.sandbox.sample import cdn
from edgekit.sandbox.sample.accounts import (
    CAMPAIGN_BUCKET,
    LEGACY_ZONE,
    ORIGIN_SECRET_HEADER,
    US,
    ZONE,
    secret,
)
from edgekit.sandbox.sample.state import Estate


def build(estate: Estate) -> None:
    """Create the shared edge's other distributions (the ``beta`` one is deleted later)."""
    edge = estate.accounts.edge
    for spec in _shop_and_apis(estate) + _content(estate) + _leftovers(estate):
        cdn.distribution(estate, edge, spec)


def _shop_and_apis(estate: Estate) -> list[cdn.Spec]:
    wildcard = estate.certificates["nw-wildcard"]
    standard = estate.web_acls["nw-edge-standard"]
    headers = estate.policies["nw-security-headers"]
    shop = cdn.Spec(
        name="shop", aliases=(f"shop.{ZONE}",), certificate=wildcard, web_acl=standard,
        origins=[cdn.custom_origin("shop-alb", f"shop-origin.{ZONE}", protocol="match-viewer")],
        default=cdn.behavior(
            "shop-alb", methods=cdn.ALL_METHODS, origin_request=cdn.ALL_VIEWER_EXCEPT_HOST,
            headers_policy=headers, compress=False,
        ),
        behaviors=[
            cdn.behavior("shop-alb", path="/images/*", viewer="allow-all", headers_policy=headers),
            cdn.behavior(
                "shop-alb", path="/api*", methods=cdn.ALL_METHODS,
                cache=estate.policies["nw-api-cache-60s"],
                origin_request=cdn.ALL_VIEWER_EXCEPT_HOST, headers_policy=headers,
            ),
            cdn.dynamic("shop-alb", path="/api/v2/*", headers_policy=headers),
            cdn.behavior(
                "shop-alb", path="/search*", cache=estate.policies["nw-search-everything"],
                headers_policy=headers,
            ),
        ],
        comment="shop.northwind.example: web shop (public ALB, also behind Global Accelerator)",
    )  # fmt: skip
    partners = cdn.Spec(
        name="partners", aliases=(f"partners.{ZONE}",),
        certificate=estate.certificates["nw-partners"],
        web_acl=estate.web_acls["nw-edge-legacy"], price="PriceClass_All",
        origins=[cdn.custom_origin("partners-api", estate.apis["nw-partners-api"], path="/prod")],
        default=cdn.dynamic("partners-api"),
        comment="partners.northwind.example: partner API (edge-optimized API Gateway)",
    )  # fmt: skip
    portal_origin = cdn.custom_origin(
        "portal-alb", f"portal-origin.{ZONE}", keepalive=60,
        headers={ORIGIN_SECRET_HEADER: secret("portal")},
    )  # fmt: skip
    portal = cdn.Spec(
        name="portal", aliases=(f"portal.{ZONE}",), certificate=wildcard, web_acl=standard,
        origins=[portal_origin], default=cdn.dynamic("portal-alb", headers_policy=headers),
        comment="portal.northwind.example: partner portal (WAF here and on the ALB)",
    )  # fmt: skip
    return [shop, partners, portal]


def _content(estate: Estate) -> list[cdn.Spec]:
    wildcard = estate.certificates["nw-wildcard"]
    legacy_acl = estate.web_acls["nw-edge-legacy"]
    oac = estate.access["nw-s3-oac"]
    docs = cdn.Spec(
        name="docs", aliases=(f"docs.{ZONE}",), certificate=wildcard, logging=False,
        http="http2",
        origins=[
            cdn.custom_origin(
                "docs-site", "nw-docs-site.s3-website-us-east-1.amazonaws.com",
                protocol="http-only",
            )
        ],
        default=cdn.behavior("docs-site"),
        comment="docs.northwind.example: product documentation (S3 website endpoint)",
    )  # fmt: skip
    media = cdn.Spec(
        name="media", aliases=(f"media.{ZONE}",), certificate=wildcard, web_acl=legacy_acl,
        price="PriceClass_All",
        origins=[
            cdn.s3_origin("media", "nw-media-legacy", US, oai=estate.access["nw-media-oai"])
        ],
        default=cdn.behavior("media", forwarded=cdn.legacy_forwarding()),
        behaviors=[cdn.behavior("media", path="/video/*", cache=cdn.CACHING_DISABLED)],
        comment="media.northwind.example: images and video (origin access identity)",
    )  # fmt: skip
    legacy = cdn.Spec(
        name="legacy", aliases=(f"www.{LEGACY_ZONE}", LEGACY_ZONE),
        certificate=estate.certificates["nw-legacy"], tls="TLSv1", ssl="vip", http="http1.1",
        ipv6=False, logging=False, web_acl=estate.classic_web_acl,
        origins=[
            cdn.custom_origin(
                "legacy-elb", f"legacy-origin.{LEGACY_ZONE}", protocol="http-only",
                tls=("SSLv3", "TLSv1"),
            )
        ],
        default=cdn.behavior(
            "legacy-elb", methods=cdn.ALL_METHODS,
            forwarded=cdn.legacy_forwarding(headers=("*",)),
            edge_lambda=estate.functions["nw-legacy-auth"],
        ),
        errors=[
            {
                "ErrorCode": 503, "ResponsePagePath": "/maintenance.html",
                "ResponseCode": "503", "ErrorCachingMinTTL": 300,
            }
        ],
        comment="www.northwind-legacy.example: the old brand's site (Classic ELB)",
    )  # fmt: skip
    downloads = cdn.Spec(
        name="downloads", aliases=(f"downloads.{ZONE}",), certificate=wildcard,
        tls="TLSv1.2_2019",
        origins=[cdn.s3_origin("downloads", "nw-downloads", US)],
        default=cdn.behavior("downloads", trusted_signers=True),
        behaviors=[
            cdn.behavior(
                "downloads", path="/uploads/*", methods=cdn.ALL_METHODS,
                cache=cdn.CACHING_DISABLED, origin_request=cdn.ALL_VIEWER,
            )
        ],
        comment="downloads.northwind.example: signed downloads and partner uploads",
    )  # fmt: skip
    promos = [
        cdn.Spec(
            name=season, aliases=(f"{season}.{ZONE}",),
            certificate=estate.certificates[f"nw-{season}"], web_acl=legacy_acl,
            tls="TLSv1.2_2019", root="index.html", log_prefix=f"promo/{season}/",  # #13
            origins=[cdn.s3_origin("promo", "nw-promo-site", US, oac=oac)],
            default=cdn.behavior("promo", headers_policy=estate.policies["nw-weak-hsts"]),
            comment=f"{season}.northwind.example: {season} sale landing page",
        )
        for season in ("spring", "summer")
    ]  # fmt: skip
    return [docs, media, legacy, downloads, *promos]


def _leftovers(estate: Estate) -> list[cdn.Spec]:
    wildcard = estate.certificates["nw-wildcard"]
    oac = estate.access["nw-s3-oac"]
    campaign = cdn.Spec(
        name="campaign-2019", aliases=(f"spring2019.{ZONE}",), certificate=wildcard,
        enabled=False, logging=False,
        origins=[cdn.s3_origin("campaign", CAMPAIGN_BUCKET, US, oac=oac)],
        default=cdn.behavior("campaign"), root="index.html",
        comment="spring2019.northwind.example: 2019 campaign (bucket deleted)",
    )  # fmt: skip
    test = cdn.Spec(
        name="edge-test", aliases=(), logging=False, price="PriceClass_All",
        origins=[
            cdn.s3_origin("assets", "nw-assets", US, oac=oac),
            cdn.custom_origin("old-api", f"old-api.{ZONE}"),
        ],
        default=cdn.behavior("assets"), root="index.html",
        comment="load test 2023 - to be removed",
    )  # fmt: skip
    beta = cdn.Spec(
        name="beta", aliases=(f"beta.{ZONE}",), certificate=wildcard,
        web_acl=estate.web_acls["nw-edge-standard"],
        origins=[cdn.s3_origin("assets", "nw-assets", US, oac=oac)],
        default=cdn.behavior("assets"), root="index.html",
        comment="beta.northwind.example: beta site (deleted; its DNS record was not)",
    )  # fmt: skip
    return [campaign, test, beta]
