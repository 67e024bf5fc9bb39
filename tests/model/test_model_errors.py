"""One malformed item does not stop the model: it is left out, named, and its kind unknown."""

from __future__ import annotations

import pytest

from edgekit.errors import ModelError
from edgekit.model import NOT_COLLECTED, parse
from tests.model import factories as f


def _bad_origin_snapshot() -> f.Snapshot:
    good = f.distribution("E1GOOD", aliases=["www.example.com"])
    bad = f.distribution("E2BAD", aliases=["shop.example.com"])
    origin = bad["DistributionConfig"]["Origins"]["Items"][0]
    origin.pop("S3OriginConfig", None)  # neither S3OriginConfig nor CustomOriginConfig
    return f.snapshot(
        f.payload(
            "cloudfront",
            {"distributions": [f.distribution_entry(bad), f.distribution_entry(good)]},
        )
    )


def test_malformed_distribution_is_left_out_and_named() -> None:
    inv = parse(_bad_origin_snapshot())
    assert [d.id for d in inv.distributions] == ["E1GOOD"]
    (issue,) = inv.coverage.model_errors
    assert (issue.collector, issue.account_id, issue.region, issue.key) == (
        "cloudfront",
        f.ACCOUNT,
        "global",
        "distributions",
    )
    assert issue.resource == "distribution E2BAD"
    assert (
        issue.field
        == "DistributionConfig.Origins.Items[0].S3OriginConfig|CustomOriginConfig|VpcOriginConfig"
    )
    assert "missing field" in issue.message
    assert issue.to_json()["unit"] == f"{f.ACCOUNT}/global/cloudfront"


def test_kind_with_a_left_out_item_reads_as_not_collected() -> None:
    inv = parse(_bad_origin_snapshot())
    assert not inv.coverage.collected(f.ACCOUNT, "global", "cloudfront", "distributions")
    # other kinds of the same unit are still known
    assert inv.coverage.collected(f.ACCOUNT, "global", "cloudfront")
    # "no distribution has this alias" can no longer be stated: the left-out one might
    assert inv.cloudfront.distribution_for_alias("shop.example.com") is NOT_COLLECTED
    assert inv.cloudfront.distribution_for_alias("www.example.com") is not NOT_COLLECTED


def test_strict_parse_raises_the_first_error() -> None:
    with pytest.raises(ModelError, match=r"distribution E2BAD: missing field"):
        parse(_bad_origin_snapshot(), strict=True)


def test_unreadable_unit_is_named_and_not_collected() -> None:
    snap = f.snapshot(
        f.payload("acm", {"certificates": {"not": "a list"}}, region="us-east-1"),
        f.payload("cloudfront", {"distributions": [f.distribution_entry(f.distribution())]}),
    )
    inv = parse(snap)
    assert [d.id for d in inv.distributions] == ["E1EXAMPLE"]
    (issue,) = inv.coverage.model_errors
    assert (issue.collector, issue.key, issue.resource) == (
        "acm",
        "",
        "acm payload (111111111111/us-east-1)",
    )
    assert not inv.coverage.collected(f.ACCOUNT, "us-east-1", "acm")
    assert not inv.coverage.collected(f.ACCOUNT, "us-east-1", "acm", "certificates")


def test_wrong_type_in_a_summary_is_one_item() -> None:
    ok = f.summary_entry(f.distribution("E1OK"))
    bad = f.summary_entry(f.distribution("E2WRONG"))
    bad["DistributionSummary"]["Enabled"] = "true"  # a string, not a boolean
    missing = f.summary_entry(f.distribution("E3MISSING"))
    del missing["DistributionSummary"]["DomainName"]
    inv = parse(f.snapshot(f.payload("cloudfront", {"distributions": [ok, bad, missing]})))
    assert [d.id for d in inv.distributions] == ["E1OK"]
    assert [(e.resource, e.field) for e in inv.coverage.model_errors] == [
        ("distribution E2WRONG", "Enabled"),
        ("distribution E3MISSING", "DomainName"),
    ]


def test_model_error_line_escapes_control_characters() -> None:
    bad = f.summary_entry(f.distribution("E1\x1b[31mRED"))
    del bad["DistributionSummary"]["DomainName"]
    inv = parse(f.snapshot(f.payload("cloudfront", {"distributions": [bad]})))
    (issue,) = inv.coverage.model_errors
    assert "\x1b" in issue.message  # the record keeps the data as sent ...
    assert "\x1b" not in issue.line() and "\\x1b[31mRED" in issue.line()  # ... the line not
