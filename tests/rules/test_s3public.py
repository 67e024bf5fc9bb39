"""Bucket public exposure in three-valued logic: PAB settings (bucket ∪ account), ownership,
policy status."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.model import NOT_COLLECTED, Bucket, BucketRecord, PublicAccessBlock
from edgekit.rules.s3public import assess, effective_flags, t_and, t_not, t_or

ON = PublicAccessBlock(True, True, True, True)
OFF = PublicAccessBlock()


def bucket(
    *,
    pab: Any = ON,
    account: Any = None,
    ownership: Any = "BucketOwnerEnforced",
    public: Any = False,
) -> Bucket:
    record = BucketRecord(
        account_id="111111111111",
        region="global",
        name="b",
        exists=True,
        owned=True,
        bucket_region="us-east-1",
        policy=None,
        policy_text=None,
        policy_is_public=public,
        public_access_block=pab,
        object_ownership=ownership,
        website=NOT_COLLECTED,
    )
    return Bucket("b", (record,), record, account)


def test_kleene() -> None:
    assert t_and(True, None) is None and t_and(False, None) is False
    assert t_or(False, None) is None and t_or(True, None) is True
    assert t_not(None) is None and t_not(True) is False


def test_effective_flags_union_and_unknown_parts() -> None:
    partial = PublicAccessBlock(restrict_public_buckets=True)
    flags = effective_flags([partial, None])
    assert flags["restrict_public_buckets"] is True and flags["block_public_acls"] is False
    flags = effective_flags([partial, NOT_COLLECTED])
    assert flags["restrict_public_buckets"] is True and flags["block_public_acls"] is None


@pytest.mark.parametrize(
    ("kwargs", "public"),
    [
        ({}, False),
        ({"pab": None, "account": ON}, False),
        ({"pab": OFF, "account": None}, True),
        ({"pab": PublicAccessBlock(block_public_policy=True), "account": None}, False),
        (
            {
                "pab": PublicAccessBlock(block_public_policy=True),
                "account": None,
                "ownership": None,
            },
            True,
        ),
        (
            {
                "pab": PublicAccessBlock(block_public_policy=True, ignore_public_acls=True),
                "account": None,
                "public": True,
            },
            True,
        ),
        ({"pab": PublicAccessBlock(restrict_public_buckets=True), "public": True}, False),
        ({"pab": OFF, "account": NOT_COLLECTED}, None),
        ({"pab": ON, "account": NOT_COLLECTED}, False),
        ({"pab": PublicAccessBlock(block_public_policy=True), "ownership": NOT_COLLECTED}, None),
        ({"pab": PublicAccessBlock(restrict_public_buckets=True), "public": NOT_COLLECTED}, False),
    ],
)
def test_assess(kwargs: dict[str, Any], public: bool | None) -> None:
    result = assess(bucket(**kwargs))
    assert result.public is public, result.reasons
    assert bool(result.reasons) == (public is not False)


def test_assess_reasons_and_evidence() -> None:
    result = assess(bucket(pab=OFF, account=None, ownership=None, public=True))
    assert result.reasons == (
        "public policy in effect (RestrictPublicBuckets off)",
        "policy path off (BlockPublicPolicy and RestrictPublicBuckets off)",
        "ACL path off (ACLs enabled, BlockPublicAcls and IgnorePublicAcls off)",
    )
    assert result.evidence["object_ownership"] is None
    assert result.evidence["public_access_block"]["ignore_public_acls"] is False
