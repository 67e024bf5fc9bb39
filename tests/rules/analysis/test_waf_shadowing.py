"""edgekit.rules.analysis.waf_shadowing: match-all, identical, IP set superset, URI prefix,
structure."""

from __future__ import annotations

import pytest

from edgekit.model.common import FrozenMap
from edgekit.model.wafv2.statements import (
    AndStatement,
    ByteMatchStatement,
    FieldToMatch,
    ForwardedIPConfig,
    GeoMatchStatement,
    IPSetReferenceStatement,
    LabelMatchStatement,
    ManagedRuleGroupStatement,
    NotStatement,
    OrStatement,
    RateBasedStatement,
    RegexMatchStatement,
    SizeConstraintStatement,
    Statement,
    TextTransformation,
)
from edgekit.model.wafv2.types import IPSet
from edgekit.rules.analysis import waf_shadowing
from tests.rules.analysis.test_waf_semantics import Lookups, rule

URI = FieldToMatch("UriPath")
NONE = (TextTransformation(0, "NONE"),)


def arn(name: str) -> str:
    return f"arn:aws:wafv2:us-east-1:111111111111:regional/ipset/{name}/x"


def ipset(name: str, *cidrs: str, version: str = "IPV4") -> IPSet:
    return IPSet("111111111111", "us-east-1", "REGIONAL", "x", name, arn(name), version, cidrs)


def uri(prefix: bytes, constraint: str = "STARTS_WITH", transforms: str = "NONE") -> Statement:
    return ByteMatchStatement(prefix, URI, constraint, (TextTransformation(0, transforms),))


def ipref(name: str, fwd: ForwardedIPConfig | None = None) -> IPSetReferenceStatement:
    return IPSetReferenceStatement(arn(name), fwd)


GEO = GeoMatchStatement(("RU",))
LOOKUPS = Lookups(
    ip_sets={
        arn("wide"): ipset("wide", "10.0.0.0/8", "192.168.0.0/16"),
        arn("halves"): ipset("halves", "10.0.0.0/25", "10.0.0.128/25"),
        arn("narrow"): ipset("narrow", "10.1.2.0/24", "192.168.1.1/32"),
        arn("outside"): ipset("outside", "10.1.2.0/24", "172.16.0.0/12"),
        arn("slash24"): ipset("slash24", "10.0.0.0/24"),
        arn("v6"): ipset("v6", "2001:db8::/32", version="IPV6"),
        arn("v6narrow"): ipset("v6narrow", "2001:db8:1::/48", version="IPV6"),
        arn("empty"): ipset("empty"),
        arn("bad"): ipset("bad", "not-an-ip"),
    }
)


@pytest.mark.parametrize(
    "statement",
    [
        uri(b"/"),
        uri(b"/", "CONTAINS"),
        uri(b"/", transforms="URL_DECODE"),
        uri(b"/", transforms="NORMALIZE_PATH"),
        SizeConstraintStatement(FieldToMatch("Body"), "GE", 0),
        SizeConstraintStatement(FieldToMatch("UriPath"), "GE", 0, NONE),
        SizeConstraintStatement(
            FieldToMatch("Body", options=FrozenMap({"OversizeHandling": "CONTINUE"})), "GE", 0
        ),
        RegexMatchStatement(".*", URI),
        OrStatement((GEO, uri(b"/"))),
        AndStatement((uri(b"/"), RegexMatchStatement("^.*$", FieldToMatch("Method")))),
    ],
)
def test_matches_all(statement: Statement) -> None:
    assert waf_shadowing.matches_all(statement)


@pytest.mark.parametrize(
    "statement",
    [
        uri(b"/a"),
        uri(b"/", "ENDS_WITH"),
        uri(b"/", "EXACTLY"),
        uri(b"/", transforms="BASE64_DECODE"),
        ByteMatchStatement(b"/", FieldToMatch("SingleHeader", "x"), "STARTS_WITH", NONE),
        SizeConstraintStatement(FieldToMatch("Body"), "GE", 1),
        SizeConstraintStatement(FieldToMatch("Body"), "GT", 0),
        SizeConstraintStatement(
            FieldToMatch("Body", options=FrozenMap({"OversizeHandling": "NO_MATCH"})), "GE", 0
        ),
        SizeConstraintStatement(FieldToMatch("SingleHeader", "x"), "GE", 0),
        RegexMatchStatement(".*", FieldToMatch("SingleHeader", "x")),
        RegexMatchStatement(".+", URI),
        NotStatement(GEO),
        AndStatement((uri(b"/"), GEO)),
        ipref("wide"),
    ],
)
def test_not_match_all(statement: Statement) -> None:
    assert not waf_shadowing.matches_all(statement)


def _covers(earlier: Statement, later: Statement) -> waf_shadowing.Coverage:
    return waf_shadowing.covers(earlier, later, LOOKUPS)


def test_identical_statements_cover() -> None:
    assert _covers(GEO, GeoMatchStatement(("RU",))) == waf_shadowing.Coverage(
        True, "identical statement"
    )
    assert _covers(GEO, GeoMatchStatement(("RU", "CN"))).value is False


def test_identical_label_matches_do_not_cover() -> None:
    label = LabelMatchStatement("LABEL", "awswaf:managed:aws:core-rule-set:NoUserAgent_Header")
    assert _covers(label, label).value is False
    assert _covers(AndStatement((label, GEO)), AndStatement((label, GEO))).value is False


def test_match_all_covers_anything() -> None:
    assert _covers(uri(b"/"), NotStatement(GEO)) == waf_shadowing.Coverage(True, "match-all")


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        ("wide", "narrow", True),
        ("halves", "slash24", True),  # two /25 collapse to the /24
        ("slash24", "halves", True),
        ("wide", "outside", False),
        ("narrow", "wide", False),
        ("v6", "v6narrow", True),
        ("wide", "v6narrow", False),  # other address family
        ("wide", "empty", False),  # an empty set matches nothing: not reported
        ("wide", "bad", False),
        ("wide", "uncollected", None),
        ("uncollected", "narrow", None),
    ],
)
def test_ip_set_superset(earlier: str, later: str, expected: bool | None) -> None:
    found = _covers(ipref(earlier), ipref(later))
    assert found.value is expected
    if expected:
        assert found.reason == "IP set superset"


def test_ip_set_superset_needs_the_same_forwarded_ip_config() -> None:
    xff = ForwardedIPConfig("X-Forwarded-For", "MATCH", "FIRST")
    assert _covers(ipref("wide", xff), ipref("narrow")).value is False
    assert _covers(ipref("wide"), ipref("narrow", xff)).value is False
    same = ForwardedIPConfig("x-forwarded-for", "MATCH", "FIRST")
    assert _covers(ipref("wide", xff), ipref("narrow", same)).value is True
    other = ForwardedIPConfig("X-Forwarded-For", "NO_MATCH", "FIRST")
    assert _covers(ipref("wide", xff), ipref("narrow", other)).value is False


def test_cidrs_cover_handles_mixed_families() -> None:
    assert waf_shadowing.cidrs_cover(
        ["10.0.0.0/8", "2001:db8::/32"], ["2001:db8::1/128", "10.1.1.1"]
    )
    assert not waf_shadowing.cidrs_cover(["10.0.0.0/8"], [])


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        (uri(b"/api"), uri(b"/api/v2"), True),
        (uri(b"/api"), uri(b"/api/login", "EXACTLY"), True),
        (uri(b"/api"), uri(b"/apix"), True),
        (uri(b"/api/v2"), uri(b"/api"), False),
        (uri(b"/api"), uri(b"/api/v2", "CONTAINS"), False),
        (uri(b"/api", "EXACTLY"), uri(b"/api/v2"), False),
        (uri(b"/api"), uri(b"/api/v2", transforms="LOWERCASE"), False),
        (
            ByteMatchStatement(b"/api", FieldToMatch("SingleHeader", "x"), "STARTS_WITH", NONE),
            ByteMatchStatement(b"/api/v2", FieldToMatch("SingleHeader", "x"), "STARTS_WITH", NONE),
            False,
        ),
    ],
)
def test_uri_prefix(earlier: Statement, later: Statement, expected: bool) -> None:
    found = _covers(earlier, later)
    assert found.value is expected
    if expected:
        assert found.reason == "URI prefix"


def test_structure_and_or_scope_down() -> None:
    narrow, wide = ipref("narrow"), ipref("wide")
    # a later And is covered by one of its members
    assert _covers(wide, AndStatement((narrow, uri(b"/x")))).value is True
    # a later Or only when every member is
    assert _covers(wide, OrStatement((narrow, ipref("slash24")))).value is True
    assert _covers(wide, OrStatement((narrow, GEO))).value is False
    # an earlier Or when one member covers; an earlier And when all do
    assert _covers(OrStatement((GEO, wide)), narrow).value is True
    assert _covers(AndStatement((wide, GEO)), narrow).value is False
    assert _covers(AndStatement((wide, GEO)), AndStatement((narrow, GEO, uri(b"/x")))).value
    # rate-based and managed groups act only inside their scope-down
    rate = RateBasedStatement(100, "IP", scope_down_statement=narrow)
    assert _covers(wide, rate) == waf_shadowing.Coverage(True, "IP set superset")
    assert _covers(wide, RateBasedStatement(100, "IP")).value is False
    group = ManagedRuleGroupStatement("AWS", "X", scope_down_statement=uri(b"/api/v2"))
    assert _covers(uri(b"/api"), group).value is True


def test_undecided_when_an_ip_set_was_not_collected() -> None:
    found = _covers(OrStatement((GEO, ipref("uncollected"))), ipref("narrow"))
    assert found.value is None
    later_or = OrStatement((ipref("narrow"), ipref("uncollected")))
    assert _covers(ipref("wide"), later_or).value is None


def test_shadows_by_priority_and_terminating_actions() -> None:
    rules = [
        rule("late", 30, ipref("narrow")),
        rule("count-all", 5, uri(b"/"), "Count"),  # Count does not terminate
        rule("captcha", 6, ipref("wide"), "Captcha"),  # valid tokens continue
        rule("allow-wide", 10, ipref("wide"), "Allow"),
        rule("geo", 20, GEO),
        rule("geo-again", 25, GeoMatchStatement(("RU",)), "Count"),
    ]
    proven, undecided = waf_shadowing.shadows(rules, LOOKUPS)
    assert [(s.by.name, s.shadowed.name, s.reason) for s in proven] == [
        ("geo", "geo-again", "identical statement"),
        ("allow-wide", "late", "IP set superset"),
    ]
    assert undecided == []
    assert proven[1].evidence() == {
        "shadowing_rule": "allow-wide",
        "shadowing_priority": 10,
        "shadowing_action": "Allow",
        "shadowed_rule": "late",
        "shadowed_priority": 30,
        "reason": "IP set superset",
    }


def test_shadows_reports_undecided_once() -> None:
    rules = [
        rule("a", 1, ipref("uncollected")),
        rule("b", 2, ipref("uncollected2")),
        rule("c", 3, ipref("narrow")),
    ]
    proven, undecided = waf_shadowing.shadows(rules, LOOKUPS)
    assert proven == []
    assert [(s.by.name, s.shadowed.name) for s in undecided] == [("a", "b"), ("a", "c")]


def test_proven_wins_over_undecided() -> None:
    rules = [
        rule("a", 1, ipref("uncollected")),
        rule("b", 2, ipref("wide")),
        rule("c", 3, ipref("narrow")),
    ]
    proven, undecided = waf_shadowing.shadows(rules, LOOKUPS)
    assert [(s.by.name, s.shadowed.name) for s in proven] == [("b", "c")]
    assert [(s.by.name, s.shadowed.name) for s in undecided] == [("a", "b")]
