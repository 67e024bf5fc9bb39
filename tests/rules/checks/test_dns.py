"""dns.dangling_record, dns.alias_not_on_distribution, dns.cname_instead_of_alias,
dns.query_logging_disabled."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks import lb_snapshots as lbs
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check, unknowns

DANGLING = "dns.dangling_record"
NOT_ON_DIST = "dns.alias_not_on_distribution"
CNAME = "dns.cname_instead_of_alias"
QUERY_LOG = "dns.query_logging_disabled"
ZONE = "Z1PUBLIC"
GONE_ALB = "gone-1234567890.us-east-1.elb.amazonaws.com"
GONE_NLB = "gone-0123456789abcdef.elb.us-east-1.amazonaws.com"
GONE_API = "zzzz9999zz.execute-api.us-east-1.amazonaws.com"
DIST_DOMAIN = "de1cdn.cloudfront.net"


def zone(
    *records: dict[str, Any], private: bool = False, account: str = f.ACCOUNT
) -> dict[str, Any]:
    """A route53 payload with one zone (example.com) holding ``records``."""
    entry = f.zone_entry(f.hosted_zone(ZONE, "example.com", private=private), records=list(records))
    data = {"hosted_zones": [entry], "query_logging_configs": []}
    return f.payload("route53", data, account=account)


def regional(account: str = f.ACCOUNT, region: str = o.REGION, **lbs_: Any) -> list[dict[str, Any]]:
    """Empty-but-collected elbv2, elb, apigateway and apigatewayv2 payloads (``lbs_`` adds
    ``v2=[entries]``)."""
    return [
        lbs.elbv2(*lbs_.get("v2", ()), account=account, region=region),
        f.payload(
            "elb", {"load_balancers": [], "reference_policies": []}, account=account, region=region
        ),
        f.payload(
            "apigateway",
            {"rest_apis": [], "domain_names": [], "usage_plans": [], "vpc_links": []},
            account=account,
            region=region,
        ),
        f.payload(
            "apigatewayv2",
            {"apis": [], "domain_names": [], "vpc_links": []},
            account=account,
            region=region,
        ),
    ]


def cname(name: str, target: str) -> dict[str, Any]:
    return f.record(name, "CNAME", [target])


def alias(name: str, target: str, zone_id: str = "Z2FDTNDATAQYW2") -> dict[str, Any]:
    return f.alias_record(name, target, zone_id)


def snap(*payloads: dict[str, Any]) -> Snapshot:
    return o.snap(*payloads)


# -- dns.dangling_record ----------------------------------------------------------------------
def test_dangling_record_fires_for_missing_elb_in_collected_region() -> None:
    snapshot = snap(zone(cname("app.example.com", GONE_ALB)), *regional())
    [finding] = fails(DANGLING, snapshot)
    assert finding.evidence == {"target": GONE_ALB, "kind": "elb", "region": "us-east-1"}
    assert finding.resource.id == f"record:{ZONE}:app.example.com:CNAME"


def test_dangling_record_fires_for_alias_to_dualstack_nlb_and_missing_api() -> None:
    records = [
        alias("nlb.example.com", f"dualstack.{GONE_NLB}.", f.NLB_ZONE),
        alias("api.example.com", GONE_API, "Z1UJRXOUMOOFQ8"),
        cname("regional.example.com", "d-zzzz99.execute-api.us-east-1.amazonaws.com"),
    ]
    found = fails(DANGLING, snap(zone(*records), *regional()))
    assert sorted(x.evidence["kind"] for x in found) == ["api-domain", "elb", "execute-api"]


def test_dangling_record_fires_for_s3_website_bucket_that_does_not_exist() -> None:
    records = [alias("www.example.com", "s3-website-us-east-1.amazonaws.com", "Z3AQBSTGFYJSTF")]
    gone = f.bucket_record("www.example.com", exists=False, owned=False, region=None)
    s3 = f.payload("s3", {"buckets": [gone]})
    [finding] = fails(DANGLING, snap(zone(*records), s3))
    assert finding.evidence["bucket"] == "www.example.com"
    assert "anyone can create it" in finding.message


def test_dangling_record_passes_when_target_exists_in_any_account() -> None:
    b = f.load_balancer("live", account=f.ACCOUNT_B)
    record = cname("app.example.com", o.dns(b))
    payloads = [*regional(), *regional(f.ACCOUNT_B, v2=[lbs.entry(b)])]
    assert run_check(DANGLING, snap(zone(record), *payloads)) == []


def test_dangling_record_passes_for_cloudfront_names_not_in_snapshot() -> None:
    records = [cname("shop.example.com", "d1saasvendor.cloudfront.net")]
    snapshot = snap(zone(*records), lbs.cloudfront(o.distribution(o.alb_origin(o.balancer()))))
    assert run_check(DANGLING, snapshot) == []


def test_dangling_record_passes_for_other_records() -> None:
    records = [
        f.record("example.com", "A", ["203.0.113.10"]),
        cname("docs.example.com", "example.github.io"),
        alias("www.example.com", "example.com.", ZONE),
    ]
    assert run_check(DANGLING, snap(zone(*records), *regional())) == []


def test_dangling_record_unknown_when_region_or_kind_not_collected() -> None:
    record = cname("app.example.com", GONE_ALB.replace("us-east-1", "eu-west-1"))
    [finding] = unknowns(DANGLING, snap(zone(record), *regional()))
    assert "elb in eu-west-1 not collected" in finding.message
    # ALB-form name: a Classic ELB listing missing leaves it open
    classicless = [p for p in regional() if p["collector"] != "elb"]
    assert (
        len(unknowns(DANGLING, snap(zone(cname("app.example.com", GONE_ALB)), *classicless))) == 1
    )


def test_dangling_record_unknown_when_another_account_did_not_collect_the_region() -> None:
    other_zone = zone(account=f.ACCOUNT_B)  # account B is in the snapshot, its ELBs are not
    snapshot = snap(zone(cname("app.example.com", GONE_ALB)), other_zone, *regional())
    assert len(unknowns(DANGLING, snapshot)) == 1


def test_dangling_record_unknown_when_website_bucket_not_probed() -> None:
    record = cname("www.example.com", "www.example.com.s3-website-us-east-1.amazonaws.com")
    [finding] = unknowns(DANGLING, snap(zone(record)))
    assert "bucket www.example.com not collected" in finding.message


# -- dns.alias_not_on_distribution ------------------------------------------------------------
def dist(*aliases: str) -> dict[str, Any]:
    return lbs.cloudfront(o.distribution(o.alb_origin(o.balancer()), aliases=list(aliases)))


def test_alias_not_on_distribution_fires_when_name_not_listed() -> None:
    snapshot = snap(zone(alias("www.example.com", f"{DIST_DOMAIN}.")), dist("shop.example.com"))
    [finding] = fails(NOT_ON_DIST, snapshot)
    assert finding.evidence == {
        "target": DIST_DOMAIN,
        "served_by": "distribution E1CDN",
        "aliases": ["shop.example.com"],
    }


def test_alias_not_on_distribution_fires_for_apex_under_wildcard_and_for_cname() -> None:
    records = [
        cname("a.b.example.com", DIST_DOMAIN),
        alias("example.com", DIST_DOMAIN),
        alias("*.example.com", DIST_DOMAIN),
    ]
    snapshot = snap(zone(*records), dist("x.example.com"))
    assert len(fails(NOT_ON_DIST, snapshot)) == 3
    # *.example.com routes a.b.example.com too (any depth), never the apex
    snapshot = snap(zone(*records[:2]), dist("*.example.com"))
    [apex] = fails(NOT_ON_DIST, snapshot)
    assert apex.resource.id == f"record:{ZONE}:example.com:A"


def test_alias_not_on_distribution_fires_for_edge_api_domain_of_another_name() -> None:
    domain = f.domain_v1("api.example.com", endpoint="EDGE", target="d9edgeapi.cloudfront.net")
    v1 = {
        "rest_apis": [],
        "domain_names": [f.domain_v1_entry(domain, [])],
        "usage_plans": [],
        "vpc_links": [],
    }
    snapshot = snap(
        zone(alias("old-api.example.com", "d9edgeapi.cloudfront.net")),
        lbs.cloudfront(),
        f.payload("apigateway", v1, region=o.REGION),
    )
    [finding] = fails(NOT_ON_DIST, snapshot)
    assert finding.evidence["served_by"] == "API Gateway custom domain api.example.com"


def test_alias_not_on_distribution_passes_exact_and_one_label_wildcard() -> None:
    records = [alias("www.example.com", DIST_DOMAIN), cname("a.example.com", DIST_DOMAIN)]
    assert (
        run_check(NOT_ON_DIST, snap(zone(*records), dist("WWW.example.com", "*.example.com"))) == []
    )


def test_alias_not_on_distribution_passes_for_unknown_party_and_other_targets() -> None:
    records = [
        cname("shop.example.com", "d1saasvendor.cloudfront.net"),
        cname("x.example.com", GONE_ALB),
    ]
    snapshot = snap(zone(*records), dist("www.example.com"), *regional())
    assert run_check(NOT_ON_DIST, snapshot) == []


def test_alias_not_on_distribution_unknown_when_distributions_not_collected() -> None:
    [finding] = unknowns(NOT_ON_DIST, snap(zone(alias("www.example.com", DIST_DOMAIN))))
    assert finding.evidence == {"target": DIST_DOMAIN}
    # an edge-optimized API custom domain could serve the name: its listing matters too
    shop = zone(cname("shop.example.com", "d1saasvendor.cloudfront.net"))
    assert len(unknowns(NOT_ON_DIST, snap(shop, dist("www.example.com")))) == 1


# -- dns.cname_instead_of_alias ---------------------------------------------------------------
def test_cname_instead_of_alias_fires_for_cloudfront_and_elb_names() -> None:
    records = [
        cname("www.example.com", DIST_DOMAIN),
        cname("app.example.com", f"dualstack.{GONE_ALB}"),
    ]
    found = fails(CNAME, snap(zone(*records)))
    assert sorted((x.evidence["kind"], x.evidence["target"]) for x in found) == [
        ("cloudfront", DIST_DOMAIN),
        ("elb", GONE_ALB),
    ]


def test_cname_instead_of_alias_fires_for_elb_in_private_zone() -> None:
    assert len(fails(CNAME, snap(zone(cname("app.example.com", GONE_ALB), private=True)))) == 1


def test_cname_instead_of_alias_passes_for_alias_other_targets_and_private_cloudfront() -> None:
    public = [alias("www.example.com", DIST_DOMAIN), cname("docs.example.com", "example.github.io")]
    assert run_check(CNAME, snap(zone(*public))) == []
    private = zone(cname("www.example.com", DIST_DOMAIN), private=True)
    assert run_check(CNAME, snap(private)) == []


# -- dns.query_logging_disabled ---------------------------------------------------------------
def test_query_logging_disabled_fires_for_public_zone_without_config() -> None:
    [finding] = fails(QUERY_LOG, snap(zone()))
    assert finding.evidence == {"zone": "example.com"}
    assert finding.resource.id == f"arn:aws:route53:::hostedzone/{ZONE}"


def test_query_logging_disabled_passes_with_config_or_private_zone() -> None:
    payload = zone()
    payload["data"]["query_logging_configs"] = [f.query_logging_config("q1", ZONE)]
    assert run_check(QUERY_LOG, snap(payload)) == []
    assert run_check(QUERY_LOG, snap(zone(private=True))) == []


def test_query_logging_disabled_unknown_when_configs_not_collected() -> None:
    payload = zone()
    del payload["data"]["query_logging_configs"]
    [finding] = unknowns(QUERY_LOG, snap(payload))
    assert "not collected" in finding.message


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
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
