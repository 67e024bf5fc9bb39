"""Deviation → fix: CDK and Terraform snippets validated like the migration plans' (``tsc`` in
the CDK harness, the AWS provider schema, no empty assignment, hostile values as literals)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import hcl2

from edgekit.conform import conform, load_patterns, parse_patterns
from edgekit.conform.fixes import fix_for
from edgekit.conform.match import match
from edgekit.conform.schema import EXAMPLE_FILE
from edgekit.graph import Estate
from edgekit.plan.model import Step
from tests.conform.facts import cloudfront, entry, route
from tests.plan import provider_schema
from tests.plan.snippets import HOSTILE, destructive_assignments, hcl_string, tsc, typescript

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "sample.json.gz"
VAR = re.compile(r"\bvar\.([a-z_]+)")
EVERY_FIX = {
    "cloudfront": {
        "web_acl": ["house-*"], "viewer_tls_min": "TLSv1.2_2021", "http_versions": ["http2and3"],
        "ipv6": True, "price_class": ["PriceClass_100"], "logging": True,
        "viewer_protocol": ["redirect-to-https"], "cache_policies": ["house-*"],
        "response_headers_policy": ["house-*"], "origin_request_policies": [],
        "lambda_at_edge": False,
    }
}  # fmt: skip


def _hand_built() -> list[Step]:
    """A distribution deviating on every key a fix exists for, behind a hostile path pattern."""
    bad = route(behavior=f"/st{HOSTILE}/*", viewer_protocol="allow-all",
                cache_policy="(legacy ForwardedValues)",
                response_headers_policy=None, origin_request_policy="Managed-AllViewer",
                lambda_at_edge=("arn:aws:lambda:us-east-1:1:function:auth:3",))  # fmt: skip
    facts = entry(
        routes=(bad, route(cache_policy="legacy")),
        cloudfront=cloudfront(id=f"E{HOSTILE}", web_acl=None, viewer_tls="TLSv1",
                              http_version="http1.1", ipv6=False, price_class="PriceClass_All",
                              logging=False),
    )  # fmt: skip
    doc = {
        "pattern": [{"name": "all", "path": ["dns-alias", "cloudfront", "origin:s3"], **EVERY_FIX}]
    }
    result = match(facts, parse_patterns(doc)[0])
    steps = [fix_for(d, facts) for d in result.deviations]
    assert all(s is not None for s in steps), [d.key for d in result.deviations]
    return [s for s in steps if s is not None]


@cache
def _steps() -> list[Step]:
    found = conform(Estate.load(SAMPLE), load_patterns(EXAMPLE_FILE))
    steps = [
        s
        for e in found.entries
        if e.match is not None
        for d in e.match.deviations
        if (s := fix_for(d, e.facts)) is not None
    ]
    return steps + _hand_built()


def test_every_key_with_a_fix_gets_one() -> None:
    keys = {s.title.split(":")[0] for s in _hand_built()}
    assert keys == {f"cloudfront.{k}" for k in EVERY_FIX["cloudfront"]}


def test_path_and_lock_deviations_have_no_snippet() -> None:
    found = conform(Estate.load(SAMPLE), load_patterns(EXAMPLE_FILE)).by_hostname()
    shop = found["shop.northwind.example"]
    assert shop.match is not None
    for d in shop.match.deviations:
        if d.key in ("path", "origin.lockdown"):
            assert fix_for(d, shop.facts) is None


def test_every_cdk_fix_compiles() -> None:
    steps = _steps()
    assert len(steps) >= 30
    files = {f"fix{i:03d}.ts": typescript((s,)) for i, s in enumerate(steps)}
    code, output = tsc(files)
    assert code == 0, output


def test_every_terraform_fix_parses_and_matches_the_provider_schema() -> None:
    checked = 0
    for s in _steps():
        if not s.terraform:
            continue
        parsed = hcl2.loads(s.terraform + "\n")
        assert provider_schema.check(parsed) == [], s.title
        assert set(VAR.findall(s.terraform)) <= {i.name for i in s.inputs if i.tf_type}, s.title
        assert destructive_assignments(s.terraform) == [], s.title
        checked += 1
    assert checked >= 25


def test_hostile_values_reach_the_code_as_literals() -> None:
    steps = _hand_built()
    tf = "\n".join(s.terraform for s in steps)
    assert "${" not in tf.replace("$${", "")
    patterns = [hcl_string(m) for m in re.findall(r'path_pattern = ("(?:[^"\\]|\\.)*")', tf)]
    assert f"/st{HOSTILE}/*" in patterns
    prefixes = [hcl_string(m) for m in re.findall(r'prefix\s+= ("(?:[^"\\]|\\.)*")', tf)]
    assert prefixes == [f"E{HOSTILE}/"]
