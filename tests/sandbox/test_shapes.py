"""The shape checker itself finds what it must (so the bridge tests can rely on it)."""

from __future__ import annotations

import datetime as dt

from botocore.model import Shape

from tests.sandbox.shapes import output_problems, problems, request_problems, service_model


def _shape(name: str) -> Shape:
    return service_model("cloudfront").shape_for(name)


def test_conforming_value_has_no_problems() -> None:
    value = {"Enabled": True, "OriginShieldRegion": "us-east-1"}
    assert problems(value, _shape("OriginShield")) == []


def test_unknown_member_missing_required_and_wrong_type_are_reported() -> None:
    found = problems({"Bogus": 1, "OriginShieldRegion": 3}, _shape("OriginShield"))
    assert any("required member 'Enabled'" in p for p in found)
    assert any("unknown member 'Bogus'" in p for p in found)
    assert any("OriginShieldRegion: int" in p for p in found)


def test_nested_lists_enums_bools_and_timestamps_are_checked() -> None:
    bad = {"Quantity": True, "Items": ["GET", "FETCH"]}
    found = problems(bad, _shape("AllowedMethods"))
    assert any("Quantity: bool" in p for p in found)  # bool is not an integer
    assert any("'FETCH' is not one of" in p for p in found)
    missing_items = problems({"Quantity": 0}, _shape("AllowedMethods"))
    assert any("required member 'Items'" in p for p in missing_items)
    config = {"Name": "n", "MinTTL": 0}
    policy: dict[str, object] = {
        "Id": "x",
        "LastModifiedTime": "yesterday",
        "CachePolicyConfig": config,
    }
    assert any("LastModifiedTime: str" in p for p in problems(policy, _shape("CachePolicy")))
    policy["LastModifiedTime"] = dt.datetime.now(dt.UTC)
    assert problems(policy, _shape("CachePolicy")) == []


def test_output_and_request_helpers() -> None:
    parsed = {"ResponseMetadata": {}, "CachePolicyList": {"MaxItems": 1, "Quantity": 0}}
    assert output_problems("cloudfront", "ListCachePolicies", parsed) == []
    assert output_problems("cloudfront", "ListCachePolicies", {"Nope": 1}) != []
    assert request_problems("cloudfront", "GetCachePolicy", {"Id": "x"}) == []
    assert request_problems("cloudfront", "GetCachePolicy", {"Identifier": "x"}) != []
