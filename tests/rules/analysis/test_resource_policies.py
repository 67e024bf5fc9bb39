"""Resource-policy semantics: operators, CloudFront scoping, public statements."""

from __future__ import annotations

import json
from typing import Any

import pytest

from edgekit.model.s3.policy import PolicyDocument, parse_policy
from edgekit.rules.analysis.resource_policies import (
    Operator,
    public_statements,
    unconditional_public_allows,
    unscoped_cloudfront_statements,
)

DIST = "arn:aws:cloudfront::111111111111:distribution/E1CDN"
CF = {"Service": "cloudfront.amazonaws.com"}


def doc(*statements: dict[str, Any]) -> PolicyDocument:
    text = json.dumps({"Version": "2012-10-17", "Statement": list(statements)})
    return parse_policy(text, "test", "bucket b", "Policy")


def st(
    principal: Any = "*",
    cond: dict[str, Any] | None = None,
    effect: str = "Allow",
    action: Any = "s3:GetObject",
    sid: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    out: dict[str, Any] = {"Effect": effect, "Action": action, "Resource": "arn:aws:s3:::b/*"}
    if principal is not None:
        out["Principal"] = principal
    if cond:
        out["Condition"] = cond
    if sid:
        out["Sid"] = sid
    out.update(extra)
    return out


@pytest.mark.parametrize(
    ("text", "base", "prefix", "if_exists", "absent_ok"),
    [
        ("StringEquals", "stringequals", None, False, False),
        ("ArnLikeIfExists", "arnlike", None, True, True),
        ("ForAnyValue:StringLike", "stringlike", "foranyvalue", False, False),
        ("ForAllValues:StringEquals", "stringequals", "forallvalues", False, True),
    ],
)
def test_operator_parse(
    text: str, base: str, prefix: str | None, if_exists: bool, absent_ok: bool
) -> None:
    op = Operator.parse(text)
    assert (op.base, op.set_prefix, op.if_exists, op.matches_absent_key) == (
        base,
        prefix,
        if_exists,
        absent_ok,
    )


def test_cloudfront_scoping() -> None:
    scoped = st(CF, {"StringEquals": {"AWS:SourceArn": DIST}}, sid="ok")
    loose = st(CF, sid="loose")
    wildcard = st(CF, {"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::1:distribution/*"}})
    account = st(CF, {"StringEquals": {"AWS:SourceAccount": "111111111111"}})
    mixed = st(CF, {"ArnEquals": {"AWS:SourceArn": [DIST, "arn:aws:cloudfront::1:distribution/*"]}})
    assert unscoped_cloudfront_statements(doc(scoped, loose, wildcard, account, mixed)) == [
        "loose",
        "#2",
        "#3",
        "#4",
    ]


def test_cloudfront_scoping_ignores_other_principals() -> None:
    assert unscoped_cloudfront_statements(doc(st("*"), st({"AWS": "arn:aws:iam::1:root"}))) == []


def test_deny_scopes_only_with_a_lone_negated_source_arn_covering_the_actions() -> None:
    loose = st(CF)
    deny = st(CF, {"StringNotEquals": {"AWS:SourceArn": DIST}}, effect="Deny", action="s3:Get*")
    assert unscoped_cloudfront_statements(doc(loose, deny)) == []
    narrow = st(CF, {"StringNotEquals": {"AWS:SourceArn": DIST}}, effect="Deny", action="s3:Put*")
    assert unscoped_cloudfront_statements(doc(loose, narrow)) == ["#0"]
    extra = st(
        CF,
        {"StringNotEquals": {"AWS:SourceArn": DIST}, "Bool": {"aws:SecureTransport": "false"}},
        effect="Deny",
    )
    assert unscoped_cloudfront_statements(doc(loose, extra)) == ["#0"]
    wild = st("*", {"ArnNotLike": {"AWS:SourceArn": "arn:aws:cloudfront::1:*"}}, effect="Deny")
    assert unscoped_cloudfront_statements(doc(loose, wild)) == ["#0"]


def test_public_statements() -> None:
    anyone = st("*", sid="anyone")
    aws_star = st({"AWS": "*"}, sid="aws-star")
    referer = st("*", {"StringLike": {"aws:Referer": "secret"}}, sid="referer")
    vpce = st("*", {"StringEquals": {"aws:SourceVpce": "vpce-1"}})
    org = st("*", {"StringEquals": {"aws:PrincipalOrgID": "o-123"}})
    wide_ip = st("*", {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}, sid="wide-ip")
    narrow_ip = st("*", {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}})
    if_exists = st("*", {"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}, sid="if-exists")
    wildcard = st("*", {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*"}}, sid="wild")
    not_principal = st(None, sid="not-principal", NotPrincipal={"AWS": "arn:aws:iam::1:root"})
    deny = st("*", effect="Deny")
    policy = doc(
        anyone,
        aws_star,
        referer,
        vpce,
        org,
        wide_ip,
        narrow_ip,
        if_exists,
        wildcard,
        not_principal,
        deny,
    )
    assert public_statements(policy) == [
        "anyone",
        "aws-star",
        "referer",
        "wide-ip",
        "if-exists",
        "wild",
        "not-principal",
    ]
    assert unconditional_public_allows(policy) == ["anyone", "aws-star", "not-principal"]
