"""Dialects on hand-built estates with known families: deterministic, emitted as patterns."""

from __future__ import annotations

import random
import tomllib

from edgekit.conform import match, parse_patterns
from edgekit.conform.derive import derive, emit_patterns
from tests.conform.facts import cloudfront, entry, route

APP = ("dns-alias", "cloudfront", "origin:vpc-origin")


def _estate() -> list:  # type: ignore[type-arg]
    """5 static sites, 3 apps (one with two hostnames), 2 one-offs."""
    sites = [entry(f"site{i}.example.com") for i in range(5)]
    app_route = route(kinds=APP, origin="app", origin_kind="vpc-origin", lock="vpc-origin",
                      protocol="https-only", cache_policy="Managed-CachingDisabled")  # fmt: skip
    apps = [entry(f"app{i}.example.com", routes=(app_route,)) for i in range(3)]
    apps.append(
        entry("app0-alt.example.com", routes=(app_route,), service="cloudfront:app0.example.com")
    )
    odd = [
        entry("old.example.com", cloudfront=cloudfront(viewer_tls="TLSv1")),
        entry("solo.example.com", routes=(app_route,), service="s1"),
    ]
    # solo shares the apps' fingerprint?  no: make it differ by logging
    odd[1] = entry("solo.example.com", routes=(app_route,), cloudfront=cloudfront(logging=False))
    return [*sites, *apps, *odd]


def test_families_and_one_offs_are_found() -> None:
    found = derive(_estate())
    assert [(f.id, f.size) for f in found.families] == [("A", 5), ("B", 4)]
    assert found.families[0].hostnames[0] == "site0.example.com"
    assert "app0-alt.example.com" in found.families[1].hostnames
    assert [f.hostnames for f in found.one_offs] == [("old.example.com",), ("solo.example.com",)]
    assert found.summary() == "5 entrypoints share configuration A, 4 share B, 2 are one-offs"


def test_what_distinguishes_a_family_and_a_one_off() -> None:
    found = derive(_estate())
    old, solo = found.one_offs
    assert old.compared_with == "A"
    assert old.distinct == (("viewer_tls", "TLSv1", "TLSv1.2_2021"),)
    assert solo.compared_with == "B" and solo.distinct == (("logging", "off", "on"),)
    a = found.families[0]
    assert a.compared_with == "B"
    assert (
        "path",
        " > ".join(("dns-alias", "cloudfront", "origin:s3")),
        " > ".join(APP),
    ) in a.distinct


def test_hostnames_of_one_service_are_not_a_family() -> None:
    both = [entry("a.example.com", service="cf:1"), entry("b.example.com", service="cf:1")]
    found = derive(both)
    assert found.families == () and len(found.one_offs) == 1
    assert found.one_offs[0].hostnames == ("a.example.com", "b.example.com")


def test_derivation_is_deterministic() -> None:
    facts = _estate()
    first = derive(facts)
    for seed in range(5):
        shuffled = list(facts)
        random.Random(seed).shuffle(shuffled)
        again = derive(shuffled)
        assert again == first
        assert emit_patterns(again) == emit_patterns(first)


def test_emitted_patterns_load_and_their_families_conform() -> None:
    found = derive(_estate())
    text = emit_patterns(found)
    patterns = parse_patterns(tomllib.loads(text))
    assert [p.name for p in patterns] == ["family-a", "family-b"]
    for family, pattern in zip(found.families, patterns, strict=True):
        for member in family.members:
            assert match(member, pattern).status == "conforms"
    for one_off in found.one_offs:
        assert all(match(one_off.members[0], p).status == "deviates" for p in patterns)
    assert emit_patterns(found, limit=1).count("[[pattern]]") == 1


def test_emitted_strings_are_toml_literals() -> None:
    hostile = entry('x"y\\z\n.example.com', cloudfront=cloudfront(price_class="PriceClass_All"))
    other = entry(
        "b.example.com", service="s2", cloudfront=cloudfront(price_class="PriceClass_All")
    )
    found = derive([hostile, other])
    doc = tomllib.loads(emit_patterns(found))
    assert 'x"y\\z\n.example.com' in doc["pattern"][0]["description"]
