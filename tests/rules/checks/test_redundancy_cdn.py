"""redundancy.cdn_before_edge_api, cdn_chain, s3_website_origin, duplicate_distributions."""

from __future__ import annotations

from typing import Any

from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.plan import patterns as p
from tests.rules.checks.helpers import fails, run_check, unknowns


def test_cdn_before_edge_api_fires_on_an_edge_optimized_rest_api() -> None:
    [found] = fails("redundancy.cdn_before_edge_api", p.edge_api())
    assert found.resource.id == "origin:E1EDGEAPI:api"
    assert found.evidence["endpoint_type"] == "EDGE"
    assert found.evidence["path"][:4] == [
        "cloudfront:E1EDGEAPI",
        "behavior:E1EDGEAPI:default",
        "origin:E1EDGEAPI:api",
        "apigw:us-east-1:r3st4p1id0",
    ]
    assert found.evidence["path"][-1].startswith("lambda:")


def test_cdn_before_edge_api_passes_a_regional_api() -> None:
    assert run_check("redundancy.cdn_before_edge_api", p.edge_api(endpoint="REGIONAL")) == []


def test_cdn_before_edge_api_unknown_when_apis_not_collected() -> None:
    [found] = unknowns("redundancy.cdn_before_edge_api", p.edge_api(omit=frozenset({"apigateway"})))
    assert "not collected" in found.message


def test_cdn_chain_fires_on_a_distribution_behind_a_distribution() -> None:
    [found] = fails("redundancy.cdn_chain", p.cdn_chain())
    ev = found.evidence
    assert ev["inner_distribution"] == "E2INNER" and ev["inner_behaviors"] == 2
    assert ev["path"][:4] == [
        "cloudfront:E1OUTER",
        "behavior:E1OUTER:default",
        "origin:E1OUTER:inner",
        "cloudfront:E2INNER",
    ]
    assert ev["inner_also_used_by"] == ["dns:media.example.com"]


def test_cdn_chain_passes_a_third_party_cloudfront_name() -> None:
    assert (
        run_check("redundancy.cdn_chain", p.cdn_chain(inner_domain="d9thirdparty.cloudfront.net"))
        == []
    )


def test_cdn_chain_unknown_when_another_accounts_distributions_are_missing() -> None:
    snap = p.cdn_chain(inner_domain="d9elsewhere.cloudfront.net", extra_account=True)
    [found] = unknowns("redundancy.cdn_chain", snap)
    assert found.evidence["origin_domain"] == "d9elsewhere.cloudfront.net"


def test_s3_website_origin_fires_with_the_website_configuration() -> None:
    [found] = fails("redundancy.s3_website_origin", p.s3_website())
    ev = found.evidence
    assert ev["bucket"] == "site-bucket"
    assert ev["website"] == {
        "index_document": "index.html",
        "redirect_all_to": None,
        "routing_rules": 1,
    }
    assert ev["path"] == [
        "cloudfront:E1SITE",
        "behavior:E1SITE:default",
        "origin:E1SITE:site",
        "s3:site-bucket",
    ]


def test_s3_website_origin_passes_a_rest_origin() -> None:
    assert run_check("redundancy.s3_website_origin", p.s3_website(rest=True)) == []


def test_duplicate_distributions_fires_once_per_group() -> None:
    [found] = fails("redundancy.duplicate_distributions", p.duplicates())
    assert found.evidence["duplicates"] == ["E1DUPA", "E2DUPB"]
    assert found.evidence["aliases"] == {"E1DUPA": ["a.example.com"], "E2DUPB": ["b.example.com"]}


def test_duplicate_distributions_passes_different_behaviors() -> None:
    assert run_check("redundancy.duplicate_distributions", p.duplicates(differ=True)) == []


def test_duplicate_distributions_passes_a_staging_distribution() -> None:
    assert run_check("redundancy.duplicate_distributions", p.duplicates(staging=True)) == []


def test_duplicate_distributions_unknown_with_a_summary_fallback() -> None:
    [found] = unknowns("redundancy.duplicate_distributions", p.duplicates(summary=True))
    assert found.evidence["candidates"] == ["E2DUPB"]


def _pair(**b_changes: Any) -> Snapshot:
    """E1DUPA and E2DUPB: same origin and behaviors; E2DUPB takes ``b_changes`` (factory
    keywords) - logging, price class, comment, geo, web ACL."""
    entries = []
    for ident, alias, changes in (
        ("E1DUPA", "a.example.com", {}),
        ("E2DUPB", "b.example.com", b_changes),
    ):
        kwargs: dict[str, Any] = {
            "aliases": [alias],
            "origins": [f.s3_origin("assets", "shared-assets")],
            "logging": (True, "logs.s3.amazonaws.com", "a/"),
            "comment": "site a",
            **changes,
        }
        dist = f.distribution(ident, **kwargs)
        entries.append(f.distribution_entry(dist, f.tags(team=ident)))
    return f.snapshot(f.payload("cloudfront", {"distributions": entries}))


def test_duplicate_distributions_fires_despite_logging_price_class_comment_and_tags() -> None:
    snap = _pair(
        logging=(True, "logs.s3.amazonaws.com", "b/"),
        price_class="PriceClass_All",
        comment="site b",
    )
    [found] = fails("redundancy.duplicate_distributions", snap)
    assert found.evidence["merge_differences"] == {
        "logging": {"E1DUPA": "logs.s3.amazonaws.com/a/", "E2DUPB": "logs.s3.amazonaws.com/b/"},
        "price_class": {"E1DUPA": "PriceClass_100", "E2DUPB": "PriceClass_All"},
        "comment": {"E1DUPA": "site a", "E2DUPB": "site b"},
        "tags": {"E1DUPA": {"team": "E1DUPA"}, "E2DUPB": {"team": "E2DUPB"}},
    }
    assert found.message.endswith("(also differ in logging, price_class, comment, tags)")
    off = _pair(logging=None)
    [found] = fails("redundancy.duplicate_distributions", off)
    assert found.evidence["merge_differences"]["logging"]["E2DUPB"] == "off"


def test_duplicate_distributions_passes_different_geo_or_waf() -> None:
    geo = _pair(geo=("whitelist", ["DE", "FR"]))
    assert run_check("redundancy.duplicate_distributions", geo) == []
    waf = _pair(web_acl="arn:aws:wafv2:us-east-1:111111111111:global/webacl/edge/x1")
    assert run_check("redundancy.duplicate_distributions", waf) == []
