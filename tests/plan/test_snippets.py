"""Snippets are real code (issue 12 items 1-3, issue 11 item 13): every CDK snippet of every
proposal variant compiles with tsc against the pinned aws-cdk-lib; every Terraform snippet parses
(python-hcl2) and names only resource types, arguments and blocks of the AWS provider's schema;
nothing is assigned an empty list or string; nothing is a placeholder; hostile AWS strings reach
the code as literals. Over every pattern snapshot, the rich fixture, the sample estate and hostile
variants (tests/plan/snippets.py)."""

from __future__ import annotations

import json
import re

import hcl2
import pytest

from edgekit.plan import literals
from edgekit.plan.model import Step
from tests.plan import provider_schema
from tests.plan.snippets import (
    HOSTILE,
    PLACEHOLDER,
    destructive_assignments,
    hcl_string,
    plans,
    tsc,
    typescript,
    variants,
)

VAR = re.compile(r"\bvar\.(\w+)")
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def _steps() -> list[tuple[str, Step]]:
    return [(f"{v.where}/{v.proposal.id}/{v.name}", s) for v in variants() for s in v.steps]


def test_every_cdk_snippet_compiles_in_one_tsc_run() -> None:
    files = {f"v{i:03d}.ts": typescript(v.steps) for i, v in enumerate(variants())}
    assert len(files) >= 35
    code, output = tsc(files)
    assert code == 0, output


def test_tsc_rejects_a_snippet_naming_an_undeclared_construct() -> None:
    bad = typescript((Step("t", "d", cdk='distributon.addBehavior("/a/*", origin);'),))
    code, output = tsc({"bad.ts": bad})
    assert code != 0 and "Cannot find name 'distributon'" in output


def test_every_terraform_snippet_parses_and_matches_the_provider_schema() -> None:
    checked = 0
    for where, s in _steps():
        if not s.terraform:
            continue
        parsed = hcl2.loads(s.terraform + "\n")
        assert provider_schema.check(parsed) == [], (where, s.title)
        names = {i.name for i in s.inputs if i.tf_type}
        assert set(VAR.findall(s.terraform)) <= names, (where, s.title)
        checked += 1
    assert checked >= 40


def test_a_misspelled_attribute_or_block_fails_the_schema_check() -> None:
    good = 'resource "aws_cloudfront_distribution" "d" {\n  aliases = ["a.example"]\n}\n'
    assert provider_schema.check(hcl2.loads(good)) == []
    typo = good.replace("aliases", "alias")
    assert provider_schema.check(hcl2.loads(typo)) == [
        "aws_cloudfront_distribution.d: unknown argument 'alias'"
    ]
    block = (
        'resource "aws_cloudfront_distribution" "d" {\n  origins {\n    origin_id = "o"\n  }\n}\n'
    )
    assert provider_schema.check(hcl2.loads(block)) == [
        "aws_cloudfront_distribution.d: unknown block 'origins'"
    ]
    nested = (
        'resource "aws_cloudfront_distribution" "d" {\n  origin {\n    origin_ids = "o"\n  }\n}\n'
    )
    assert provider_schema.check(hcl2.loads(nested)) == [
        "aws_cloudfront_distribution.d.origin: unknown argument 'origin_ids'"
    ]
    assert provider_schema.check(hcl2.loads('resource "aws_cloudfront_distrib" "d" {}\n')) == [
        "unknown resource type 'aws_cloudfront_distrib'"
    ]


def test_no_snippet_assigns_an_empty_list_or_string() -> None:
    for where, s in _steps():
        for code in (s.cdk, s.terraform):
            assert destructive_assignments(code) == [], (where, s.title, code)


@pytest.mark.parametrize(
    "code",
    [
        'resource "aws_cloudfront_distribution" "d" {\n  aliases = []\n}',
        "domainNames: [],",
        'comment = ""',
        'cfn.addPropertyOverride("DistributionConfig.Aliases", []);',
    ],
)
def test_the_destructive_lint_fails_on_a_planted_empty_assignment(code: str) -> None:
    assert destructive_assignments(code)


def test_destructive_steps_say_so_and_come_after_the_changes() -> None:
    verbs = re.compile(r"\b(Delete|Remove|Detach|Disable|delete)\b")
    for v in variants():
        kinds = [s.kind for s in v.steps]
        assert kinds[-1] == "rollback" and kinds.count("rollback") == 1, v.where
        if "destructive" in kinds:
            first = kinds.index("destructive")
            assert "change" not in kinds[first:], (v.where, v.proposal.id, kinds)
        for s in v.steps:
            if s.kind == "destructive":
                assert verbs.search(s.title), s.title
            snippet = f"{s.cdk}\n{s.terraform}"
            if re.search(r"\b(?:delete|remove|destroy)\b", snippet, re.IGNORECASE):
                assert s.kind == "destructive", (v.where, s.title)
            assert "state rm`" not in snippet.replace("`terraform state rm` would", "")


def test_no_placeholder_anywhere_in_steps() -> None:
    for where, s in _steps():
        for text in (s.title, s.detail, s.cdk, s.terraform):
            assert not PLACEHOLDER.search(text), (where, s.title, PLACEHOLDER.search(text))


def test_hostile_strings_reach_the_code_as_literals() -> None:
    seen_tf = seen_ts = 0
    for name in ("hostile_cdn_chain", "hostile_redirect", "hostile_s3_index"):
        for p in plans()[name].proposals:
            for s in p.steps:
                for key, value in _hcl_strings(hcl2.loads(s.terraform + "\n")):
                    if "%{b}" in hcl_string(value) or HOSTILE in hcl_string(value):
                        seen_tf += 1
                        assert "${a}" in hcl_string(value), key
                if any("%{b}" in json.loads(m) for m in STRING.findall(s.cdk)):
                    seen_ts += 1
                assert "`" not in STRING.sub('""', s.cdk), "a template literal"
                assert "<<" not in s.terraform
    assert seen_tf >= 3 and seen_ts >= 2


def _hcl_strings(node: object, key: str = "") -> list[tuple[str, str]]:
    if isinstance(node, dict):
        return [kv for k, v in node.items() for kv in _hcl_strings(v, str(k))]
    if isinstance(node, list):
        return [kv for v in node for kv in _hcl_strings(v, key)]
    if isinstance(node, str) and node.startswith('"'):
        return [(key, node)]
    return []


@pytest.mark.parametrize(
    "value", [HOSTILE, "${x}", "%{if a}b%{endif}", "$${x}", "a\u2028b", "", "plain"]
)
def test_hcl_and_ts_encoders_round_trip(value: str) -> None:
    parsed = hcl2.loads(f"x = {literals.hcl(value)}\n")
    assert hcl_string(parsed["x"]) == value
    assert "\n" not in literals.ts(value) and "\u2028" not in literals.ts(value)
    assert json.loads(literals.ts(value)) == value


def test_markdown_escapes_aws_strings_and_fences_cannot_close() -> None:
    from edgekit.plan.formats import fence, markdown, md

    hostile = "a|b`c*d_e[f](g)<script>\nh\\i"
    out = md(hostile)
    assert "\n" not in out and "<script>" not in out
    for ch in "|`*_[]":
        assert f"\\{ch}" in out
    assert "&lt;script&gt;" in out  # HTML-significant characters as entities (escape.mdtext)
    code = 'x = "```"\ny = "````"'
    assert len(fence(code)) == 5 and fence("plain") == "```"
    doc = markdown(plans()["hostile_cdn_chain"], {})
    assert "/st" in doc and "<script>" not in doc
