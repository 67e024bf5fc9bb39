"""lb.rule_shadowed: priority shadowing of ALB listener rules."""

from __future__ import annotations

from typing import Any

from tests.model import factories as f
from tests.rules.checks.helpers import fails, run_check
from tests.rules.checks.lb_snapshots import elbv2, entry, https_listener, lb, rule, snap, with_rules

ALB = lb()


def _scan(*rules_of: Any) -> Any:
    li = https_listener(ALB)
    li = with_rules(li, *(rule(li, p, conds) for p, conds in rules_of))
    return snap(elbv2(entry(ALB, [li])))


def test_rule_shadowed_fires_on_a_broader_earlier_path() -> None:
    s = _scan(
        (10, [f.condition("path-pattern", ["/api*"])]),
        (
            20,
            [
                f.condition("path-pattern", ["/api/v2/*"]),
                f.condition("host-header", ["api.example.com"]),
            ],
        ),
    )
    [finding] = fails("lb.rule_shadowed", s)
    assert finding.message == "rule 20 can never match: rule 10 takes every request it matches"
    assert finding.resource.id.endswith("/r20")
    assert finding.evidence["shadowed_by_priority"] == 10
    assert finding.evidence["conditions"] == [
        "host-header=api.example.com",
        "path-pattern=/api/v2/*",
    ]
    assert finding.evidence["shadowed_by_conditions"] == ["path-pattern=/api*"]


def test_rule_shadowed_fires_on_host_wildcards_case_insensitively() -> None:
    s = _scan(
        (1, [f.condition("host-header", ["*.EXAMPLE.com"])]),
        (2, [f.condition("host-header", ["www.example.com", "api.example.com"])]),
        (3, [f.condition("host-header", ["example.com"])]),
    )
    [finding] = fails("lb.rule_shadowed", s)
    assert finding.evidence["priority"] == 2


def test_rule_shadowed_fires_on_headers_methods_query_and_source_ip() -> None:
    s = _scan(
        (1, [f.condition("http-header", ["mobile*"], HttpHeaderName="User-Agent")]),
        (
            2,
            [
                f.condition("http-header", ["Mobile Safari"], HttpHeaderName="user-agent"),
                f.condition("http-request-method", ["GET"]),
            ],
        ),
        (3, [f.condition("query-string", [(None, "debug*")])]),
        (4, [f.condition("query-string", [("mode", "debug1")])]),
        (5, [f.condition("source-ip", ["10.0.0.0/8"])]),
        (6, [f.condition("source-ip", ["10.1.2.0/24"]), f.condition("path-pattern", ["/x"])]),
    )
    assert sorted(x.evidence["priority"] for x in fails("lb.rule_shadowed", s)) == [2, 4, 6]


def test_rule_shadowed_passes_narrower_earlier_rules_and_case_sensitive_paths() -> None:
    s = _scan(
        (10, [f.condition("path-pattern", ["/api/v2/*"])]),
        (20, [f.condition("path-pattern", ["/api*"])]),
        (30, [f.condition("path-pattern", ["/API/*"])]),
        (
            35,
            [
                f.condition("host-header", ["a.example.com"]),
                f.condition("http-request-method", ["GET"]),
            ],
        ),
        (
            40,
            [f.condition("path-pattern", ["/v3/*"]), f.condition("host-header", ["a.example.com"])],
        ),
        (50, [f.condition("source-ip", ["10.0.0.0/8"])]),
        (60, [f.condition("source-ip", ["10.0.0.0/8", "192.168.0.0/16"])]),
    )
    assert run_check("lb.rule_shadowed", s) == []


def test_rule_shadowed_passes_regex_conditions() -> None:
    regex = {"Field": "path-pattern", "PathPatternConfig": {"RegexValues": ["^/api/.*"]}}
    s = _scan((1, [regex]), (2, [f.condition("path-pattern", ["/api/x"])]))
    assert run_check("lb.rule_shadowed", s) == []
