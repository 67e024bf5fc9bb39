"""s3: bucket records, policies, public access blocks, websites, and the merge across accounts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from edgekit.errors import ModelError
from edgekit.model import (
    NOT_COLLECTED,
    Bucket,
    BucketRecord,
    Inventory,
    PolicyDocument,
    PublicAccessBlock,
)
from tests.model import factories as f
from tests.model.factories import parse_strict

A, B = f.ACCOUNT, f.ACCOUNT_B
DIST = f"arn:aws:cloudfront::{A}:distribution/E1MAINDIST"


def _inv(*payloads: dict[str, Any], **kw: Any) -> Inventory:
    return parse_strict(f.snapshot(*payloads, **kw))


def _s3(*records: dict[str, Any], account: str = A, **extra: Any) -> dict[str, Any]:
    return f.payload("s3", {"buckets": list(records), **extra}, account=account)


def _bucket(inv: Inventory, name: str) -> Bucket:
    b = inv.s3.bucket(name)
    assert isinstance(b, Bucket)
    return b


def _record(inv: Inventory, name: str) -> BucketRecord:
    return next(r for r in inv.bucket_records if r.name == name)


def test_owned_bucket_record_fields(rich: Inventory) -> None:
    r = _record(rich, "assets-bucket")
    assert (r.account_id, r.region, r.exists, r.owned, r.bucket_region) == (
        A,
        "global",
        True,
        True,
        "us-east-1",
    )
    assert isinstance(r.policy, PolicyDocument) and isinstance(r.policy_text, str)
    assert json.loads(r.policy_text)["Id"] == "p1"
    assert r.policy_is_public is False
    assert r.public_access_block == PublicAccessBlock(True, True, True, True)
    assert r.object_ownership == "BucketOwnerEnforced"
    assert r.website is NOT_COLLECTED  # only read for website origins
    assert r.raw["Name"] == "assets-bucket"
    logs = _record(rich, "logs-bucket")
    assert logs.policy is None and logs.policy_text is None and logs.policy_is_public is None
    assert logs.object_ownership == "BucketOwnerPreferred"
    legacy = _record(rich, "legacy-bucket")
    assert legacy.public_access_block is None and legacy.policy_is_public is True
    assert legacy.object_ownership == "ObjectWriter"


def test_policy_document_structure(rich: Inventory) -> None:
    policy = _bucket(rich, "assets-bucket").policy
    assert isinstance(policy, PolicyDocument)
    assert (policy.version, policy.id) == ("2012-10-17", "p1")
    (st,) = policy.statements
    assert (st.sid, st.effect, st.allows) == ("AllowCloudFrontServicePrincipal", "Allow", True)
    assert st.principal is not None and st.principal.service == ("cloudfront.amazonaws.com",)
    assert st.has_service_principal("CloudFront.amazonaws.com") and not st.public_principal
    assert (st.actions, st.resources) == (("s3:GetObject",), ("arn:aws:s3:::assets-bucket/*",))
    (cond,) = st.conditions
    assert (cond.operator, cond.key, cond.values) == ("StringEquals", "AWS:SourceArn", (DIST,))
    assert st.condition_values("aws:sourcearn") == (DIST,)
    legacy = _bucket(rich, "legacy-bucket").policy
    assert isinstance(legacy, PolicyDocument) and legacy.id is None
    oai, public = legacy.statements
    assert oai.principal is not None and oai.principal.aws[0].endswith("E3OAIEXAMPLE")
    assert public.public_principal and public.principal is not None and public.principal.wildcard
    assert public.conditions == () and len(legacy.allow_statements) == 2


def test_policy_variants() -> None:
    doc = {
        "Statement": {
            "Effect": "Deny",
            "NotPrincipal": {"AWS": ["arn:aws:iam::1:root", "*"], "CanonicalUser": "abc"},
            "NotAction": ["s3:Get*"],
            "NotResource": "arn:aws:s3:::b",
            "Principal": {"Federated": "cognito-identity.amazonaws.com"},
            "Condition": {
                "Bool": {"aws:SecureTransport": False},
                "NumericLessThan": {"s3:TlsVersion": 1.2},
                "StringLike": {"aws:Referer": ["a", "b"]},
            },
        }
    }
    inv = _inv(_s3(f.bucket_record("b", policy=json.dumps(doc))))
    policy = _record(inv, "b").policy
    assert isinstance(policy, PolicyDocument) and policy.version is None
    (st,) = policy.statements
    assert not st.allows and policy.allow_statements == ()
    assert st.not_principal is not None and st.not_principal.is_public
    assert st.not_principal.canonical_user == ("abc",)
    assert st.principal is not None and st.principal.federated == (
        "cognito-identity.amazonaws.com",
    )
    assert (st.not_actions, st.not_resources, st.actions, st.resources) == (
        ("s3:Get*",),
        ("arn:aws:s3:::b",),
        (),
        (),
    )
    assert st.condition_values("AWS:SecureTransport") == ("false",)
    assert st.condition_values("s3:TlsVersion") == ("1.2",)
    assert st.condition_values("aws:referer") == ("a", "b")


def test_probe_records_and_the_merge(rich: Inventory) -> None:
    probe = _record(rich, "clb-logs")
    assert (probe.exists, probe.owned, probe.bucket_region) == (True, False, "us-east-1")
    for detail in ("policy", "policy_text", "policy_is_public", "public_access_block", "website"):
        assert getattr(probe, detail) is NOT_COLLECTED, detail
    view = _bucket(rich, "clb-logs")
    assert view.owner is None and view.owner_account_id is None
    assert view.bucket_region == "us-east-1" and view.records == (probe,)
    assert view.policy is NOT_COLLECTED and view.object_ownership is NOT_COLLECTED
    assert view.account_public_access_block is NOT_COLLECTED
    assert view.effective_public_access_block is NOT_COLLECTED


def test_bucket_lookup_tri_state(rich: Inventory) -> None:
    # exists: false → None (the bucket does not exist: takeover risk)
    assert rich.s3.bucket("old-site") is None
    (gone,) = rich.s3.bucket_records_for("old-site")
    assert (gone.exists, gone.owned, gone.bucket_region) == (False, False, None)
    # no record at all → NOT_COLLECTED (the collector only reads used buckets)
    assert rich.s3.bucket("never-heard-of") is NOT_COLLECTED
    assert rich.s3.bucket_records_for("never-heard-of") == ()
    assert [b.name for b in rich.s3.buckets()] == [
        "alb-logs",
        "assets-bucket",
        "clb-logs",
        "legacy-bucket",
        "logs-bucket",
    ]
    assert _bucket(rich, "Assets-Bucket").name == "assets-bucket"


def test_merge_across_accounts() -> None:
    owner = _s3(
        f.bucket_record("shared", policy=None, pab=None, ownership=None, site=f.website()),
        account=B,
        account_public_access_block=f.public_access_block(),
    )
    referrer = _s3(f.bucket_record("shared", owned=False, region="eu-west-1"), account=A)
    inv = _inv(referrer, owner)
    view = _bucket(inv, "shared")
    assert view.owner_account_id == B and len(view.records) == 2
    assert view.bucket_region == "us-east-1"  # the owner's record first
    assert view.policy is None and view.policy_is_public is None
    assert view.public_access_block is None and view.object_ownership is None
    assert view.account_public_access_block == PublicAccessBlock(True, True, True, True)
    assert view.effective_public_access_block == PublicAccessBlock(True, True, True, True)
    site = view.website
    assert site is not NOT_COLLECTED and site is not None
    assert (site.index_document_suffix, site.error_document_key) == ("index.html", "error.html")
    assert site.redirect_all_requests_to is None
    assert site.routing_rules[0]["Redirect"]["HttpRedirectCode"] == "301"
    assert inv.s3.account_public_access_block(A) is NOT_COLLECTED
    assert inv.s3.account_public_access_block(B) == PublicAccessBlock(True, True, True, True)


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        ([True, False], None),  # some record says NoSuchBucket: fail wins
        ([None, True], "view"),
        ([None, None], NOT_COLLECTED),
        ([None], NOT_COLLECTED),
        ([False], None),
    ],
)
def test_existence_merge_rules(states: list[bool | None], expected: Any) -> None:
    payloads = [
        _s3(f.bucket_record("b", exists=s, owned=None if s is None else False), account=acct)
        for s, acct in zip(states, (A, B), strict=False)
    ]
    got = _inv(*payloads).s3.bucket("b")
    assert isinstance(got, Bucket) if expected == "view" else got is expected


def test_effective_public_access_block() -> None:
    half = f.public_access_block(BlockPublicPolicy=False, RestrictPublicBuckets=False)
    inv = _inv(
        _s3(
            f.bucket_record("a", pab=half),
            f.bucket_record("b", pab=f.public_access_block()),
            f.bucket_record("c", pab=None),
            f.bucket_record("d"),
            account_public_access_block=f.public_access_block(False, RestrictPublicBuckets=True),
        )
    )
    a = _bucket(inv, "a").effective_public_access_block
    assert a == PublicAccessBlock(True, True, False, True) and not a.all_blocked  # type: ignore[union-attr]
    assert _bucket(inv, "b").effective_public_access_block == PublicAccessBlock(
        True, True, True, True
    )
    assert _bucket(inv, "c").effective_public_access_block == PublicAccessBlock(
        False, False, False, True
    )
    assert _bucket(inv, "d").effective_public_access_block is NOT_COLLECTED  # bucket PAB denied
    # account block unknown, but the bucket's own block already blocks everything
    only_bucket = _inv(_s3(f.bucket_record("e", pab=f.public_access_block())))
    assert _bucket(only_bucket, "e").effective_public_access_block == PublicAccessBlock(
        True, True, True, True
    )
    assert _bucket(only_bucket, "e").account_public_access_block is NOT_COLLECTED
    none_set = _inv(_s3(f.bucket_record("g", pab=None), account_public_access_block=None))
    assert none_set.s3.account_public_access_block(A) is None
    assert _bucket(none_set, "g").effective_public_access_block == PublicAccessBlock()


def test_website_redirect_and_denied_reads() -> None:
    inv = _inv(
        _s3(
            f.bucket_record("r", site=f.website(redirect="www.example.com")),
            f.bucket_record("n", site=None, status=None, policy=f.OMIT),
            f.bucket_record("o", ownership={"Rules": []}),
        )
    )
    site = _record(inv, "r").website
    assert site is not NOT_COLLECTED and site is not None
    assert site.redirect_all_requests_to is not None
    assert (site.redirect_all_requests_to.host_name, site.redirect_all_requests_to.protocol) == (
        "www.example.com",
        "https",
    )
    assert site.index_document_suffix is None and site.routing_rules == ()
    n = _record(inv, "n")
    assert n.website is None and n.policy is NOT_COLLECTED and n.policy_is_public is None
    assert _record(inv, "o").object_ownership is None


def test_owned_unknown_when_list_buckets_denied() -> None:
    inv = _inv(_s3(f.bucket_record("x", owned=None, region=None)))
    r = _record(inv, "x")
    assert r.owned is None and r.bucket_region is None
    view = _bucket(inv, "x")
    assert view.owner is None and view.bucket_region is None


def test_s3_model_errors() -> None:
    with pytest.raises(
        ModelError,
        match=r"s3 payload \(111111111111/global\): bucket b: field 'Policy' is not a JSON policy",
    ):
        _inv(_s3(f.bucket_record("b", policy="{not json")))
    with pytest.raises(ModelError, match=r"bucket b: field 'Policy' must be a JSON object"):
        _inv(_s3(f.bucket_record("b", policy="[1]")))
    with pytest.raises(ModelError, match=r"bucket b: missing field 'Policy\.Statement'"):
        _inv(_s3(f.bucket_record("b", policy='{"Version": "2012-10-17"}')))
    with pytest.raises(
        ModelError, match=r"bucket b: missing field 'Policy\.Statement\[0\]\.Effect'"
    ):
        _inv(_s3(f.bucket_record("b", policy='{"Statement": [{"Action": "s3:*"}]}')))
    bad_cond = json.dumps({"Statement": [{"Effect": "Allow", "Condition": {"Null": {"k": {}}}}]})
    with pytest.raises(
        ModelError, match=r"field 'Policy\.Statement\[0\]\.Condition\.Null\.k' must be"
    ):
        _inv(_s3(f.bucket_record("b", policy=bad_cond)))
    record = f.bucket_record("b")
    del record["exists"]
    with pytest.raises(ModelError, match=r"bucket b: missing field 'exists'"):
        _inv(_s3(record))
    with pytest.raises(ModelError, match=r"bucket b: field 'owned' must be a boolean"):
        _inv(_s3(f.bucket_record("b", owned="yes")))  # type: ignore[arg-type]
    with pytest.raises(ModelError, match=r"buckets\[0\]: missing field 'Name'"):
        _inv(_s3({"exists": True, "owned": True}))
    with pytest.raises(ModelError, match=r"'WebsiteConfiguration\.IndexDocument\.Suffix'"):
        _inv(_s3(f.bucket_record("b", site={"IndexDocument": {}})))
