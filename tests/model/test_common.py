"""The sentinel, frozen maps, DNS names, ARNs and the payload reader."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from edgekit.errors import ModelError
from edgekit.model import GLOBAL, NOT_COLLECTED, Arn, FrozenMap, NotCollected, is_collected
from edgekit.model.common import freeze, normalize_dns_name, parse_datetime
from edgekit.model.reader import Fields, UnitKey


def test_not_collected_has_no_truth_value() -> None:
    assert NOT_COLLECTED is NotCollected.NOT_COLLECTED
    assert repr(NOT_COLLECTED) == str(NOT_COLLECTED) == "NOT_COLLECTED"
    with pytest.raises(TypeError, match="is NOT_COLLECTED"):
        bool(NOT_COLLECTED)
    with pytest.raises(TypeError):
        if NOT_COLLECTED:  # the mistake it prevents
            pass
    assert not is_collected(NOT_COLLECTED) and is_collected(None) and is_collected(())
    assert pickle.loads(pickle.dumps(NOT_COLLECTED)) is NOT_COLLECTED


def test_frozen_map() -> None:
    m = FrozenMap({"a": 1})
    assert m == {"a": 1} and m == FrozenMap({"a": 1}) and hash(m) == hash(FrozenMap({"a": 1}))
    assert dict(m) == {"a": 1} and len(m) == 1 and m.get("b") is None
    with pytest.raises(TypeError):
        m["b"] = 2  # type: ignore[index]
    assert m != ["a"]
    frozen = freeze({"x": [1, {"y": [2]}]})
    assert frozen == {"x": (1, {"y": (2,)})} and hash(frozen)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Example.COM.", "example.com"),
        ("\\052.example.com.", "*.example.com"),
        ("a\\100b.example.com", "a@b.example.com"),
        ("plain", "plain"),
    ],
)
def test_normalize_dns_name(raw: str, normal: str) -> None:
    assert normalize_dns_name(raw) == normal


def test_parse_datetime_is_aware() -> None:
    assert parse_datetime("2026-01-01T00:00:00Z") == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert parse_datetime("2026-01-01T00:00:00").tzinfo == dt.UTC
    assert parse_datetime("2026-01-01T02:00:00+02:00") == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("arn", "parts"),
    [
        ("arn:aws:cloudfront::111:distribution/E1", ("cloudfront", GLOBAL, "111")),
        ("arn:aws:wafv2:us-east-1:111:global/webacl/a/1", ("wafv2", GLOBAL, "111")),
        ("arn:aws:wafv2:eu-west-1:111:regional/webacl/a/1", ("wafv2", "eu-west-1", "111")),
        ("arn:aws-cn:acm:cn-north-1:111:certificate/x", ("acm", "cn-north-1", "111")),
        ("arn:aws:iam::111:role/x", ("iam", GLOBAL, "111")),
    ],
)
def test_arn_parse(arn: str, parts: tuple[str, str, str]) -> None:
    got = Arn.parse(arn)
    assert got is not None and (got.service, got.region, got.account_id) == parts


def test_arn_parse_rejects_non_arns() -> None:
    assert Arn.parse("E1ABC") is None and Arn.parse("arn:aws:x") is None


def test_reader_errors_carry_the_path() -> None:
    unit = UnitKey("123456789012", "eu-west-1", "elbv2")
    assert unit.label == "elbv2 payload (123456789012/eu-west-1)"
    f = unit.item({"A": {"B": [{"C": 1}, {"C": "x"}]}, "N": None, "L": "s"}, "thing T1")
    with pytest.raises(ModelError) as err:
        f.sub("A").subs("B")[1].req_int("C")
    assert str(err.value) == (
        "elbv2 payload (123456789012/eu-west-1): thing T1: "
        "field 'A.B[1].C' must be an integer, got str"
    )
    with pytest.raises(ModelError, match="thing T1: missing field 'N'"):
        f.req("N")
    with pytest.raises(ModelError, match="field 'L' must be a list, got str"):
        f.subs("L")
    with pytest.raises(ModelError, match=r"field 'A\.B' must be an object, got list"):
        f.sub("A").sub("B")
    with pytest.raises(ModelError, match="thing T2: must be an object, got list"):
        Fields.root([], unit.label, "thing T2")


def test_reader_optional_and_defaults() -> None:
    f = UnitKey("1", "r", "c").item({"s": "", "b": False, "i": 0, "t": True, "l": None}, "x")
    assert (f.opt_str("s"), f.nonempty("s"), f.str_or("missing", "d")) == ("", None, "d")
    assert (f.bool_or("b", True), f.int_or("i", 5), f.opt_int("missing")) == (False, 0, None)
    assert f.subs("l") == [] and f.strs("missing") == () and f.wrapped("missing") == []
    assert f.collected_subs("missing", str) is NOT_COLLECTED and f.collected_subs("l", str) == ()
    with pytest.raises(ModelError, match="must be an integer, got bool"):
        f.req_int("t")
    assert f.has("l") and not f.has("missing") and f.raw["i"] == 0
