"""The one "did you mean" helper (edgekit.errors): prefix, substring, then difflib."""

from __future__ import annotations

from edgekit.errors import close_matches, did_you_mean

HOSTS = ["pay.example.com", "pay-app.example.com", "api.example.com", "shop.example.com"]


def test_prefix_then_substring_then_similar() -> None:
    assert close_matches("pay", HOSTS) == ["pay.example.com", "pay-app.example.com"]
    assert close_matches("shop", HOSTS) == ["shop.example.com"]
    assert close_matches("shpo.example.com", HOSTS)[0] == "shop.example.com"


def test_case_insensitive_and_keeps_the_choice_spelling() -> None:
    assert close_matches("CLOUDFRONT.NO_WAFX", ["cloudfront.no_waf", "lb.no_waf"], n=1) == [
        "cloudfront.no_waf"
    ]


def test_nothing_close_gives_no_hint() -> None:
    assert close_matches("zzzz", HOSTS) == []
    assert did_you_mean("zzzz", HOSTS) == ""
    assert close_matches("  ", HOSTS) == []


def test_did_you_mean_text() -> None:
    assert did_you_mean("severty", ["severity", "status"]) == " (did you mean severity?)"
    assert (
        did_you_mean("pay", HOSTS, n=2) == " (did you mean pay.example.com, pay-app.example.com?)"
    )
