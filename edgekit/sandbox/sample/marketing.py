"""nw-web's own distributions: what the marketing and forms teams set up without the edge team.

No web ACL, no response headers policy: ``blog`` puts its CloudFront distribution in front of
the shared edge's ``media`` distribution, ``forms`` fronts an ALB whose only target is a Lambda
function (and still sends HTTPS to port 8443, where the ALB no longer listens), ``recs`` exposes
a public Lambda function URL.
"""

from __future__ import annotations

from edgekit.sandbox.sample import cdn
from edgekit.sandbox.sample.accounts import US, ZONE
from edgekit.sandbox.sample.certs import request
from edgekit.sandbox.sample.state import Estate


def build(estate: Estate) -> None:
    """Create the blog, forms and recommendations distributions (after the shared edge's)."""
    web = estate.accounts.web
    certificate = request(
        estate, web, US, "nw-web-sites", f"blog.{ZONE}", sans=(f"forms.{ZONE}", f"recs.{ZONE}")
    )
    media = estate.distributions["media"].domain
    specs = [
        cdn.Spec(
            name="blog", aliases=(f"blog.{ZONE}",), certificate=certificate, logging=False,
            origins=[cdn.custom_origin("media-cdn", media)], default=cdn.behavior("media-cdn"),
            comment="blog.northwind.example: marketing blog (images via media.northwind.example)",
        ),
        cdn.Spec(
            name="forms", aliases=(f"forms.{ZONE}",), certificate=certificate,
            origins=[cdn.custom_origin("forms-alb", f"forms-origin.{ZONE}", https_port=8443)],
            default=cdn.dynamic("forms-alb"),
            comment="forms.northwind.example: contact and newsletter forms (ALB → Lambda)",
        ),
        cdn.Spec(
            name="recs", aliases=(f"recs.{ZONE}",), certificate=certificate, logging=False,
            origins=[
                cdn.custom_origin("recs-fn", estate.function_urls["nw-recommendations"])
            ],
            default=cdn.dynamic("recs-fn"),
            comment="recs.northwind.example: product recommendations (Lambda function URL)",
        ),
    ]  # fmt: skip
    for spec in specs:
        cdn.distribution(estate, web, spec)
