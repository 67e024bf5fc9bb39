"""Review: dns.* checks on realistic-but-unusual records (CloudFront wildcard aliases, ...)."""

from __future__ import annotations

from tests.rules.checks.helpers import fails, run_check
from tests.rules.checks.test_dns import DIST_DOMAIN, NOT_ON_DIST, alias, cname, dist, snap, zone


# -- dns.alias_not_on_distribution ------------------------------------------------------------
def test_alias_not_on_distribution_passes_names_deeper_under_a_wildcard_alias() -> None:
    # CloudFront routes every name ending in .example.com to the distribution with the
    # alternate domain name *.example.com (AWS: "marketing.product-name.example.com").
    records = [
        cname("a.b.example.com", DIST_DOMAIN),
        alias("*.b.example.com", DIST_DOMAIN),
        alias("*.example.com", DIST_DOMAIN),
    ]
    assert run_check(NOT_ON_DIST, snap(zone(*records), dist("*.example.com"))) == []


def test_alias_not_on_distribution_fires_for_the_apex_under_a_wildcard_alias() -> None:
    records = [alias("example.com", DIST_DOMAIN), cname("a.b.example.org", DIST_DOMAIN)]
    found = fails(NOT_ON_DIST, snap(zone(*records), dist("*.example.com")))
    assert sorted(x.resource.id.split(":")[2] for x in found) == ["a.b.example.org", "example.com"]
