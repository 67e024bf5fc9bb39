"""nw-shared-edge's house sites: the services built on the edge team's ``static-site`` pattern
(``edgekit/conform/edge-patterns.toml``), and three near misses with one deviation each.

Each is an S3 bucket behind origin access control, served by a distribution with the standard
web ACL, the security headers policy, TLSv1.2_2021, HTTP/2 and 3, IPv6 and standard logging;
``jobs`` keeps an older TLS floor, ``events`` has logging off, ``gifts`` caches with the
``nw-search-everything`` policy.
"""

from __future__ import annotations

from dataclasses import replace

from edgekit.sandbox.sample import cdn
from edgekit.sandbox.sample.accounts import US, ZONE
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
