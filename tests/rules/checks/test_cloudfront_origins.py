"""cloudfront.* origin checks: transport, S3 access, root object, failover, unused origins."""

from __future__ import annotations

from typing import Any

import pytest

from tests.model import factories as f
from tests.rules.checks.cf_snapshots import alb, cf, dist, fails, run_check, unknowns

WEBSITE_DOMAINS = (
    "site.s3-website-us-east-1.amazonaws.com",
    "site.s3-website.eu-central-1.amazonaws.com",
    "site.s3-website.cn-north-1.amazonaws.com.cn",
)
REST_DOMAINS = (
    "bucket.s3.amazonaws.com",
    "bucket.s3.eu-west-1.amazonaws.com",
    "bucket.s3-eu-west-1.amazonaws.com",
    "bucket.s3.dualstack.eu-west-1.amazonaws.com",
    "bucket.s3.cn-north-1.amazonaws.com.cn",
)


def _s3(domain: str, *, oac: str = "", oai: str = "") -> dict[str, Any]:
    origin = f.s3_origin("s3", oac_id=oac, oai=oai)
    origin["DomainName"] = domain
    return origin


# -- origin_http_only --------------------------------------------------------------------------
def test_origin_http_only_fires_on_http_only_alb() -> None:
    d = dist(origins=[alb(policy="http-only")])
    [finding] = fails("cloudfront.origin_http_only", cf(d))
    assert finding.evidence == {
        "origins": {
            "alb": {"domain_name": "web-123.us-east-1.elb.amazonaws.com", "policy": "http-only"}
        }
    }


def test_origin_http_only_fires_on_match_viewer_with_http_behavior_via_group() -> None:
    d = dist(
        origins=[f.s3_origin(), alb("a", policy="match-viewer"), alb("b")],
        groups=[f.origin_group("grp", ["a", "b"])],
        behaviors=[f.behavior("grp", "/api/*", viewer="allow-all")],
    )
    [finding] = fails("cloudfront.origin_http_only", cf(d))
    assert finding.evidence == {
        "origins": {
            "a": {
                "domain_name": "web-123.us-east-1.elb.amazonaws.com",
                "policy": "match-viewer",
                "http_path_patterns": ["/api/*"],
            }
        }
    }


def test_origin_http_only_passes_match_viewer_with_https_behaviors() -> None:
    d = dist(origins=[alb(policy="match-viewer")])
    assert run_check("cloudfront.origin_http_only", cf(d)) == []


@pytest.mark.parametrize("domain", WEBSITE_DOMAINS)
def test_origin_http_only_passes_s3_website_endpoints(domain: str) -> None:
    d = dist(origins=[f.custom_origin("site", domain, policy="http-only")])
    assert run_check("cloudfront.origin_http_only", cf(d)) == []


# -- origin_tls_outdated -----------------------------------------------------------------------
def test_origin_tls_outdated_fires_on_tls10_11_sslv3() -> None:
    d = dist(origins=[alb(ssl=("TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"))])
    [finding] = fails("cloudfront.origin_tls_outdated", cf(d))
    assert finding.evidence == {"origin_ssl_protocols": {"alb": ["SSLv3", "TLSv1", "TLSv1.1"]}}


def test_origin_tls_outdated_fires_whatever_the_protocol_policy() -> None:
    d = dist(origins=[alb(), alb("plain", policy="http-only", ssl=("TLSv1", "TLSv1.2"))])
    [finding] = fails("cloudfront.origin_tls_outdated", cf(d))
    assert finding.evidence == {"origin_ssl_protocols": {"plain": ["TLSv1"]}}


def test_origin_tls_outdated_passes_tls12_only_and_s3_rest() -> None:
    d = dist(origins=[alb(ssl=("TLSv1.2",)), f.s3_origin()])
    assert run_check("cloudfront.origin_tls_outdated", cf(d)) == []


# -- s3_origin_unrestricted --------------------------------------------------------------------
@pytest.mark.parametrize("domain", REST_DOMAINS)
def test_s3_origin_unrestricted_fires_on_every_rest_domain_form(domain: str) -> None:
    [finding] = fails("cloudfront.s3_origin_unrestricted", cf(dist(origins=[_s3(domain)])))
    assert finding.evidence == {"origins": {"s3": domain}}


def test_s3_origin_unrestricted_fires_on_custom_origin_with_rest_domain() -> None:
    d = dist(origins=[f.custom_origin("raw", "bucket.s3.us-east-1.amazonaws.com")])
    assert len(fails("cloudfront.s3_origin_unrestricted", cf(d))) == 1


@pytest.mark.parametrize(
    ("oac", "oai"), [("E2OAC", ""), ("", "origin-access-identity/cloudfront/E3")]
)
def test_s3_origin_unrestricted_passes_with_oac_or_oai(oac: str, oai: str) -> None:
    d = dist(origins=[_s3("bucket.s3.amazonaws.com", oac=oac, oai=oai)])
    assert run_check("cloudfront.s3_origin_unrestricted", cf(d)) == []


def test_s3_origin_unrestricted_passes_website_endpoint() -> None:
    d = dist(origins=[f.custom_origin("site", WEBSITE_DOMAINS[0], policy="http-only")])
    assert run_check("cloudfront.s3_origin_unrestricted", cf(d)) == []


# -- s3_origin_legacy_oai ----------------------------------------------------------------------
def test_s3_origin_legacy_oai_fires() -> None:
    d = dist(origins=[_s3("b.s3.amazonaws.com", oai="origin-access-identity/cloudfront/E3OAI")])
    [finding] = fails("cloudfront.s3_origin_legacy_oai", cf(d))
    assert finding.evidence == {"origins": {"s3": "E3OAI"}}


def test_s3_origin_legacy_oai_passes_with_oac() -> None:
    assert run_check("cloudfront.s3_origin_legacy_oai", cf(dist())) == []


# -- s3_origin_missing_bucket -----------------------------------------------------------------
def _buckets(*records: dict[str, Any], account: str = f.ACCOUNT) -> dict[str, Any]:
    return f.payload("s3", {"buckets": list(records)}, account=account)


def _two_buckets() -> dict[str, Any]:
    site = f.custom_origin(
        "site", "gone-site.s3-website.eu-west-1.amazonaws.com", policy="http-only"
    )
    return dist(origins=[f.s3_origin("s3", "assets-bucket"), site, alb()])


def test_s3_origin_missing_bucket_fires_on_no_such_bucket() -> None:
    s3 = _buckets(
        f.bucket_record("assets-bucket"),
        f.bucket_record("gone-site", exists=False, owned=False, region=None),
    )
    [finding] = fails("cloudfront.s3_origin_missing_bucket", cf(_two_buckets(), payloads=[s3]))
    assert finding.severity.label == "critical"
    assert finding.evidence == {"missing": {"site": "gone-site"}, "undetermined": {}}


def test_s3_origin_missing_bucket_fires_when_any_account_says_missing() -> None:
    s3 = _buckets(f.bucket_record("assets-bucket"), f.bucket_record("gone-site", exists=None))
    other = _buckets(
        f.bucket_record("gone-site", exists=False, owned=False, region=None), account="222222222222"
    )
    snap = cf(_two_buckets(), payloads=[s3, other])
    assert len(fails("cloudfront.s3_origin_missing_bucket", snap)) == 1


def test_s3_origin_missing_bucket_passes_when_buckets_exist() -> None:
    s3 = _buckets(
        f.bucket_record("assets-bucket"),
        f.bucket_record("gone-site", owned=False),  # exists, owned elsewhere
    )
    assert run_check("cloudfront.s3_origin_missing_bucket", cf(_two_buckets(), payloads=[s3])) == []
    assert run_check("cloudfront.s3_origin_missing_bucket", cf(dist(origins=[alb()]))) == []


def test_s3_origin_missing_bucket_unknown_without_record_or_only_null() -> None:
    s3 = _buckets(f.bucket_record("assets-bucket", exists=None))
    [finding] = unknowns("cloudfront.s3_origin_missing_bucket", cf(_two_buckets(), payloads=[s3]))
    assert finding.evidence == {"undetermined": {"s3": "assets-bucket", "site": "gone-site"}}
    assert len(unknowns("cloudfront.s3_origin_missing_bucket", cf(_two_buckets()))) == 1


# -- no_default_root_object --------------------------------------------------------------------
def test_no_default_root_object_fires_for_s3_default() -> None:
    [finding] = fails("cloudfront.no_default_root_object", cf(dist(root_object="")))
    assert finding.evidence == {"origins": ["s3-assets"]}


def test_no_default_root_object_fires_for_group_with_s3_member() -> None:
    d = dist(
        root_object="",
        origins=[f.s3_origin("p"), f.s3_origin("s", "replica")],
        groups=[f.origin_group("grp", ["p", "s"])],
        default=f.behavior("grp"),
    )
    [finding] = fails("cloudfront.no_default_root_object", cf(d))
    assert finding.evidence == {"origins": ["p", "s"]}


def test_no_default_root_object_passes_for_alb_default_or_root_set() -> None:
    d = dist(root_object="", origins=[alb(), f.s3_origin()])
    assert run_check("cloudfront.no_default_root_object", cf(d)) == []
    assert run_check("cloudfront.no_default_root_object", cf(dist())) == []


def test_no_default_root_object_unknown_from_summary() -> None:
    [finding] = unknowns("cloudfront.no_default_root_object", cf(dist(), summary=True))
    assert finding.message == "DefaultRootObject was not collected"


# -- no_origin_failover ------------------------------------------------------------------------
def test_no_origin_failover_fires_without_groups() -> None:
    [finding] = fails("cloudfront.no_origin_failover", cf(dist()))
    assert finding.evidence == {"origin_groups": {}}


def test_no_origin_failover_fires_with_single_member_group() -> None:
    d = dist(groups=[f.origin_group("grp", ["s3-assets"])])
    [finding] = fails("cloudfront.no_origin_failover", cf(d))
    assert finding.evidence == {"origin_groups": {"grp": 1}}


def test_no_origin_failover_passes_with_two_members() -> None:
    d = dist(origins=[f.s3_origin(), alb()], groups=[f.origin_group("grp", ["s3-assets", "alb"])])
    assert run_check("cloudfront.no_origin_failover", cf(d)) == []


# -- unused_origin -----------------------------------------------------------------------------
def test_unused_origin_fires() -> None:
    d = dist(origins=[f.s3_origin(), alb("zombie"), alb("old")])
    [finding] = fails("cloudfront.unused_origin", cf(d))
    assert finding.evidence == {"origins": ["old", "zombie"]}


def test_unused_origin_passes_when_used_by_behavior_or_group() -> None:
    d = dist(
        origins=[f.s3_origin(), alb("a"), alb("b"), alb("c")],
        groups=[f.origin_group("grp", ["b", "c"])],
        behaviors=[f.behavior("a", "/api/*")],
    )
    assert run_check("cloudfront.unused_origin", cf(d)) == []


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
def _origin_on(domain: str) -> dict[str, Any]:
    origin = f.s3_origin("ap")
    origin["DomainName"] = domain
    return origin


# -- origin groups as behavior targets (judged correct; locked) ----------------------------------
def _grouped(**behavior: Any) -> dict[str, Any]:
    """An ordered /api/* behavior targeting an origin group: ALB primary, S3 failover."""
    origins = [alb(policy="match-viewer"), f.s3_origin("s3", "fallback-bucket")]
    ordered = f.behavior("grp", "/api/*", **behavior)
    return dist(
        origins=origins,
        groups=[f.origin_group("grp", ["alb", "s3"])],
        behaviors=[ordered],
        default=f.behavior("s3"),
    )


@pytest.mark.parametrize(
    "domain",
    [
        # S3 access point alias, Object Lambda access point alias, Multi-Region Access Point
        "assets-ap-abcdefghijklmnopqrstuvwxyz1234-s3alias.s3.us-east-1.amazonaws.com",
        "assets-olap-abcdefghijklmnopqrstuvwxyz12--ol-s3.s3.us-east-1.amazonaws.com",
        "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com",
    ],
)
def test_s3_origin_missing_bucket_passes_access_point_origins(domain: str) -> None:
    """Access point aliases and Multi-Region Access Points are not bucket names (the s3
    collector never probes them, and they cannot be claimed by someone else): no bucket
    existence to decide, so never an eternal unknown."""
    snap = cf(dist(origins=[_origin_on(domain)]), payloads=[_buckets()])
    assert run_check("cloudfront.s3_origin_missing_bucket", snap) == []


def test_s3_origin_missing_bucket_fires_next_to_an_access_point_origin() -> None:
    d = dist(
        origins=[
            _origin_on("mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com"),
            f.s3_origin("gone", "gone-bucket"),
        ]
    )
    s3 = _buckets(f.bucket_record("gone-bucket", exists=False, owned=False, region=None))
    [finding] = fails("cloudfront.s3_origin_missing_bucket", cf(d, payloads=[s3]))
    assert finding.evidence == {"missing": {"gone": "gone-bucket"}, "undetermined": {}}


def test_s3_origin_missing_bucket_unknown_for_a_plain_bucket_without_record() -> None:
    snap = cf(dist(origins=[f.s3_origin("s3", "plain-bucket")]), payloads=[_buckets()])
    [finding] = unknowns("cloudfront.s3_origin_missing_bucket", snap)
    assert finding.evidence == {"undetermined": {"s3": "plain-bucket"}}


def test_origin_http_only_fires_through_an_ordered_behavior_to_an_origin_group() -> None:
    [finding] = fails("cloudfront.origin_http_only", cf(_grouped(viewer="allow-all")))
    assert finding.evidence["origins"]["alb"]["http_path_patterns"] == ["/api/*"]


def test_unused_origin_passes_when_origins_are_only_group_members() -> None:
    assert run_check("cloudfront.unused_origin", cf(_grouped())) == []
