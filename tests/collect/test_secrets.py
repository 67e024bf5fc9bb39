"""The secret-bearing fields: one test per row of ``SECRET_FIELDS``, the key, the digest format."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any

import pytest

from edgekit.collect import digests, secrets
from edgekit.collect.digests import DigestKey
from edgekit.collect.secrets import redact
from edgekit.errors import InputError

KEY = DigestKey(b"k" * 32, "test")
S = "planted-Secret-0123"
B64 = base64.b64encode(S.encode()).decode()


def _no_secret(data: Any) -> None:
    text = json.dumps(data)
    assert S not in text and B64 not in text


def _oidc(secret: str) -> dict[str, Any]:
    return {"Type": "authenticate-oidc", "AuthenticateOidcConfig": {"ClientSecret": secret}}


def _byte_match(ftm: dict[str, Any], value: str = B64) -> dict[str, Any]:
    return {"ByteMatchStatement": {"SearchString": value, "FieldToMatch": ftm}}


def test_cloudfront_origin_custom_headers() -> None:
    origins = {"Items": [{"CustomHeaders": {"Items": [{"HeaderName": "X-V", "HeaderValue": S}]}}]}
    data = {
        "distributions": [
            {"Distribution": {"DistributionConfig": {"Origins": copy.deepcopy(origins)}}},
            {"DistributionSummary": {"Origins": copy.deepcopy(origins)}},
        ]
    }
    redact("cloudfront", data, KEY)
    _no_secret(data)
    first = data["distributions"][0]["Distribution"]["DistributionConfig"]["Origins"]
    header = first["Items"][0]["CustomHeaders"]["Items"][0]
    assert header == {"HeaderName": "X-V", "HeaderValue": KEY.digest(S)}


def test_alb_rule_header_values_exact_and_patterns() -> None:
    cond = {"Field": "http-header", "HttpHeaderConfig": {"HttpHeaderName": "X-V", "Values": []}}
    cond["HttpHeaderConfig"]["Values"] = [S, S + "*", "*", "?*"]
    data = {"load_balancers": [{"Listeners": [{"Rules": [{"Conditions": [cond]}]}]}]}
    redact("elbv2", data, KEY)
    _no_secret(data)
    exact, pattern, star, wild = cond["HttpHeaderConfig"]["Values"]
    assert exact == KEY.digest(S)  # equal to CloudFront's digest of the same value
    assert pattern.startswith("hmac-sha256:glob:") and pattern.endswith(f";len={len(S) + 1}")
    assert (star, wild) == ("*", "?*")  # wildcards only: no secret, kept readable


def test_alb_oidc_client_secrets_in_rules_and_default_actions() -> None:
    listener = {"Listener": {"DefaultActions": [_oidc(S)]}, "Rules": [{"Actions": [_oidc(S)]}]}
    data = {"load_balancers": [{"Listeners": [listener]}]}
    redact("elbv2", data, KEY)
    _no_secret(data)
    assert listener["Rules"][0]["Actions"][0]["AuthenticateOidcConfig"]["ClientSecret"] == (
        KEY.digest(S)
    )


@pytest.mark.parametrize("where", ["web_acls", "rule_groups"])
@pytest.mark.parametrize("ftm", [{"SingleHeader": {"Name": "x-v"}}, {"Cookies": {}}])
def test_waf_byte_match_on_headers_is_digested(where: str, ftm: dict[str, Any]) -> None:
    nested = {"NotStatement": {"Statement": _byte_match(ftm)}}
    rules = [{"Name": "r", "Statement": {"AndStatement": {"Statements": [nested]}}}]
    item: dict[str, Any] = {"WebACL": {"Rules": rules}} if where == "web_acls" else {"Rules": rules}
    data = {where: [item]}
    redact("wafv2", data, KEY)
    _no_secret(data)
    stored = nested["NotStatement"]["Statement"]["ByteMatchStatement"]["SearchString"]
    assert base64.b64decode(stored).decode() == KEY.digest(S.encode())


def test_waf_search_string_base64_member_is_digested() -> None:
    stmt = {"ByteMatchStatement": {"SearchStringBase64": B64, "FieldToMatch": {"Headers": {}}}}
    data = {"web_acls": [{"WebACL": {"Rules": [{"Statement": stmt}]}}]}
    redact("wafv2", data, KEY)
    _no_secret(data)


def test_waf_uri_and_query_matches_stay_readable() -> None:
    uri = _byte_match({"UriPath": {}})
    query = _byte_match({"SingleQueryArgument": {"Name": "q"}})
    data = {"web_acls": [{"WebACL": {"Rules": [{"Statement": uri}, {"Statement": query}]}}]}
    redact("wafv2", data, KEY)
    assert uri["ByteMatchStatement"]["SearchString"] == B64
    assert query["ByteMatchStatement"]["SearchString"] == B64


def test_header_secret_and_waf_header_match_digest_alike() -> None:
    """The same secret in a CloudFront header and a WAF byte match compares equal."""
    waf = base64.b64decode(digests.blob(KEY, B64)).decode()
    assert waf == digests.text(KEY, S)


def test_s3_policy_referer_values() -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": "arn:aws:s3:::b/*",
                "Condition": {"StringLike": {"aws:Referer": [S, "other"]}},
            },
            {"Effect": "Deny", "Condition": {"StringNotEquals": {"AWS:REFERER": S}}},
        ],
    }
    data = {"buckets": [{"Name": "b", "Policy": json.dumps(policy)}, {"Name": "c", "Policy": None}]}
    redact("s3", data, KEY)
    _no_secret(data)
    doc = json.loads(data["buckets"][0]["Policy"])
    assert doc["Statement"][0]["Condition"]["StringLike"]["aws:Referer"] == [
        KEY.digest(S),
        KEY.digest("other"),
    ]
    assert doc["Statement"][0]["Resource"] == "arn:aws:s3:::b/*"
    assert data["buckets"][1]["Policy"] is None


def test_s3_policy_without_referer_is_untouched_and_garbage_is_digested() -> None:
    plain = json.dumps({"Statement": [{"Effect": "Allow", "Principal": "*"}]}, indent=2)
    data = {"buckets": [{"Policy": plain}, {"Policy": "not json " + S}]}
    redact("s3", data, KEY)
    assert data["buckets"][0]["Policy"] == plain
    _no_secret(data)


def test_rest_api_stage_variables_and_static_parameters() -> None:
    integ = {
        "requestParameters": {
            "integration.request.header.x-api-key": f"'{S}'",
            "integration.request.path.proxy": "method.request.path.proxy",
        }
    }
    api = {
        "Stages": [{"stageName": "prod", "variables": {"token": S}}],
        "Resources": [{"resourceMethods": {"GET": {"methodIntegration": integ}}}],
    }
    data = {"rest_apis": [api]}
    redact("apigateway", data, KEY)
    _no_secret(data)
    params = integ["requestParameters"]
    assert params["integration.request.header.x-api-key"] == f"'{KEY.digest(S)}'"
    assert params["integration.request.path.proxy"] == "method.request.path.proxy"
    assert api["Stages"][0]["variables"] == {"token": KEY.digest(S)}


def test_http_api_stage_variables_and_static_parameters() -> None:
    integ = {
        "RequestParameters": {
            "append:header.x-key": S,
            "overwrite:header.x-id": "$request.header.x-id",
            "integration.request.header.ws": f"'{S}'",
        }
    }
    data = {"apis": [{"Stages": [{"StageVariables": {"v": S}}], "Integrations": [integ]}]}
    redact("apigatewayv2", data, KEY)
    _no_secret(data)
    assert integ["RequestParameters"]["overwrite:header.x-id"] == "$request.header.x-id"


def test_lambda_edge_environment_values() -> None:
    config = {"FunctionName": "f", "Environment": {"Variables": {"TOKEN": S}}}
    data = {"edge_functions": [{"FunctionArn": "arn", "Configuration": config}]}
    redact("lambda", data, KEY)
    _no_secret(data)
    assert config["Environment"]["Variables"] == {"TOKEN": KEY.digest(S)}


def test_every_row_is_tested_here() -> None:
    """Adding a secret field means adding its test above (one per collector path)."""
    tested = {
        "cloudfront",
        "elbv2",
        "wafv2",
        "s3",
        "apigateway",
        "apigatewayv2",
        "lambda",
    }
    assert {row.collector for row in secrets.SECRET_FIELDS} == tested
    assert len(secrets.SECRET_FIELDS) == 15


def test_redaction_is_idempotent_and_keeps_legacy_digests() -> None:
    legacy = "sha256:" + "0" * 64
    cond = {"HttpHeaderConfig": {"Values": [legacy, KEY.digest(S)]}}
    data = {"load_balancers": [{"Listeners": [{"Rules": [{"Conditions": [cond]}]}]}]}
    redact("elbv2", data, KEY)
    assert cond["HttpHeaderConfig"]["Values"] == [legacy, KEY.digest(S)]


def test_digests_are_keyed() -> None:
    other = DigestKey(b"o" * 32)
    assert KEY.digest(S) != other.digest(S)
    assert KEY.digest(S) == DigestKey(b"k" * 32).digest(S)
    assert DigestKey.random().digest(S) != DigestKey.random().digest(S)
    assert "k" * 32 not in repr(KEY)


def test_key_from_environment_and_file(tmp_path: Path) -> None:
    assert DigestKey.from_environment({}).source == "random per run"
    env_key = DigestKey.from_environment({"EDGEKIT_DIGEST_KEY": "x" * 20})
    assert env_key.secret == b"x" * 20 and env_key.source == "EDGEKIT_DIGEST_KEY"
    path = tmp_path / "key"
    path.write_bytes(b"y" * 32 + b"\n")
    file_key = DigestKey.from_environment({"EDGEKIT_DIGEST_KEY_FILE": str(path)})
    assert file_key.secret == b"y" * 32
    with pytest.raises(InputError, match="at least 16 bytes"):
        DigestKey.from_environment({"EDGEKIT_DIGEST_KEY": "short"})
    with pytest.raises(InputError, match="cannot read"):
        DigestKey.from_environment({"EDGEKIT_DIGEST_KEY_FILE": str(tmp_path / "missing")})
