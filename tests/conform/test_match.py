"""Every pattern key: met, deviating and unknown, on hand-built facts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pytest

from edgekit.conform import match, parse_patterns
from edgekit.conform.facts import LEGACY_CACHE, Acl, EntryFacts, Unknown
from edgekit.conform.match import EVALUATORS, best_match, path_differences
from edgekit.conform.patterns import PathStep
from edgekit.conform.vocabulary import KEYS
from tests.conform.facts import GROUPS, cloudfront, entry, lb, route

U = Unknown("not collected")


@dataclass(frozen=True)
class Case:
    key: str
    value: Any
    good: EntryFacts
    bad: EntryFacts
    unknown: EntryFacts | None
    """None: the key reads nothing that can be missing (a setting AWS always returns)."""


def cf(**kw: Any) -> EntryFacts:
    return entry(cloudfront=cloudfront(**kw))


def rt(**kw: Any) -> EntryFacts:
    return entry(routes=(route(**kw),))


def lbs(**kw: Any) -> EntryFacts:
    return entry(load_balancers=(lb(**kw),))


CASES = [
    Case("cloudfront.web_acl", ["edge-*"], cf(), cf(web_acl=None), cf(web_acl=U)),
    Case("cloudfront.web_acl_managed_groups", ["AWSManagedRulesCommonRuleSet"], cf(),
         cf(web_acl=Acl("edge-baseline", GROUPS[1:], True)),
         cf(web_acl=Acl("edge-baseline", U, True))),
    Case("cloudfront.web_acl_rate_limit", True, cf(),
         cf(web_acl=Acl("edge-baseline", GROUPS, False)),
         cf(web_acl=Acl("edge-baseline", GROUPS, U))),
    Case("cloudfront.viewer_tls_min", "TLSv1.2_2021", cf(viewer_tls="TLSv1.2_2025"),
         cf(viewer_tls="TLSv1.2_2019"), cf(viewer_tls="TLSv9_2099")),
    Case("cloudfront.certificate_source", ["acm"], cf(), cf(certificate_source="iam"), None),
    Case("cloudfront.viewer_protocol", ["redirect-to-https"], rt(),
         rt(viewer_protocol="allow-all"), None),
    Case("cloudfront.cache_policies", ["Managed-*"], rt(), rt(cache_policy=LEGACY_CACHE),
         rt(cache_policy=U)),
    Case("cloudfront.origin_request_policies", [], rt(),
         rt(origin_request_policy="Managed-AllViewer"), rt(origin_request_policy=U)),
    Case("cloudfront.response_headers_policy", ["house-*"], rt(),
         rt(response_headers_policy=None), rt(response_headers_policy=U)),
    Case("cloudfront.functions", ["house-*"], rt(functions=("house-rewrite",)),
         rt(functions=("legacy-redirect",)), None),
    Case("cloudfront.lambda_at_edge", False, rt(),
         rt(lambda_at_edge=("arn:aws:lambda:us-east-1:1:function:auth:3",)), None),
    Case("cloudfront.logging", True, cf(), cf(logging=False), cf(logging=U)),
    Case("cloudfront.http_versions", ["http2and3"], cf(), cf(http_version="http1.1"), None),
    Case("cloudfront.ipv6", True, cf(), cf(ipv6=False), None),
    Case("cloudfront.price_class", ["PriceClass_100"], cf(), cf(price_class="PriceClass_All"),
         None),
    Case("cloudfront.shield", True, cf(), cf(shield=False), cf(shield=U)),
    Case("origin.protocol", ["https-only"], rt(protocol="https-only"), rt(protocol="http-only"),
         None),
    Case("origin.lockdown", ["oac", "vpc-origin"], rt(), rt(lock="oai"), rt(lock=U)),
    Case("load_balancer.tls_policy", ["ELBSecurityPolicy-TLS13-*"], lbs(),
         lbs(tls_policies=("ELBSecurityPolicy-2016-08",)), lbs(tls_policies=U)),
    Case("load_balancer.web_acl", ["regional-*"], lbs(), lbs(web_acl=None), lbs(web_acl=U)),
    Case("load_balancer.shield", True, lbs(), lbs(shield=False), lbs(shield=U)),
]  # fmt: skip


def _pattern(key: str, value: Any) -> Any:
    section, name = key.split(".")
    doc = {"pattern": [{"name": "p", "path": ["dns-alias", "cloudfront", "origin:s3"],
                        section: {name: value}}]}  # fmt: skip
    return parse_patterns(doc)[0]


def test_every_key_has_an_evaluator_and_a_case() -> None:
    keys = {f"{k.section}.{k.name}" for k in KEYS}
    assert {f"{s}.{n}" for s, n in EVALUATORS} == keys
    assert {c.key for c in CASES} == keys


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.key)
def test_key_met(case: Case) -> None:
    result = match(case.good, _pattern(case.key, case.value))
    assert result.status == "conforms", result
    assert result.met == 2 and result.score == 1.0


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.key)
def test_key_deviates(case: Case) -> None:
    result = match(case.bad, _pattern(case.key, case.value))
    assert result.status == "deviates"
    assert [d.key for d in result.deviations] == [case.key]
    assert result.deviating == 1 and result.met == 1 and result.score == 0.5
    assert result.deviations[0].message


@pytest.mark.parametrize("case", [c for c in CASES if c.unknown], ids=lambda c: c.key)
def test_key_unknown_is_not_a_deviation(case: Case) -> None:
    assert case.unknown is not None
    result = match(case.unknown, _pattern(case.key, case.value))
    assert result.status == "unknown"
    assert result.deviations == ()
    assert [u.key for u in result.unknowns] == [case.key]
    assert result.unknown == 1 and result.met == 1 and result.score == 1.0


def test_keys_do_not_apply_where_the_path_has_nothing_of_theirs() -> None:
    direct = entry(routes=(route(behavior="-", kinds=("dns-alias", "alb"), origin=None),),
                   cloudfront=None)  # fmt: skip
    pattern = _pattern("cloudfront.logging", True)
    result = match(direct, pattern)
    assert (result.met, result.deviating, result.unknown) == (0, 1, 0)  # only the path
    assert [d.message for d in result.deviations] == [
        "alb where the pattern has cloudfront",
        "missing hop: origin:s3",
    ]


def test_path_differences_in_words() -> None:
    steps = [PathStep(("dns-alias",)), PathStep(("alb",))]
    assert path_differences(("dns-alias", "nlb", "alb"), steps) == [
        "extra hop: nlb in front of alb"
    ]
    assert path_differences(("dns-cname", "alb"), steps) == [
        "dns-cname where the pattern has dns-alias"
    ]
    assert path_differences(("dns-alias",), steps) == ["missing hop: alb"]


def test_path_alternatives_and_unknown_hop() -> None:
    doc = {
        "pattern": [{"name": "app", "path": ["dns-alias", "cloudfront", "origin:vpc-origin|alb"]}]
    }
    pattern = parse_patterns(doc)[0]
    alb = rt(kinds=("dns-alias", "cloudfront", "origin:alb"))
    assert match(alb, pattern).status == "conforms"
    hidden = rt(kinds=("dns-alias", "cloudfront", "?"))
    assert match(hidden, pattern).status == "unknown"


def test_best_match_prefers_score_then_fewer_deviations_then_file_order() -> None:
    doc = {"pattern": [
        {"name": "strict", "path": ["dns-alias", "cloudfront", "origin:s3"],
         "cloudfront": {"logging": True, "ipv6": True}},
        {"name": "loose", "path": ["dns-alias", "cloudfront", "origin:s3"]},
        {"name": "same", "path": ["dns-alias", "cloudfront", "origin:s3"]},
    ]}  # fmt: skip
    patterns = parse_patterns(doc)
    assert best_match(cf(logging=False), patterns).pattern == "loose"
    assert best_match(cf(), patterns).pattern == "strict"  # ties at 1.0: first in the file


def test_deviations_name_every_behavior() -> None:
    facts = entry(routes=(route(behavior="/api/*", cache_policy="legacy-fwd-all"), route()))
    result = match(facts, _pattern("cloudfront.cache_policies", ["Managed-*"]))
    assert [(d.where, d.message) for d in result.deviations] == [
        ("behavior /api/*", "cache policy legacy-fwd-all not in the house set")
    ]


def test_replace_keeps_facts_frozen() -> None:
    facts = entry()
    with pytest.raises(AttributeError):
        facts.hostname = "x"  # type: ignore[misc]
    assert replace(facts, hostname="y").hostname == "y"
