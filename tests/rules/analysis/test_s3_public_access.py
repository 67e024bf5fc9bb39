"""Bucket public exposure in three-valued logic: PAB settings (bucket ∪ account), ownership,
policy status."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.model import NOT_COLLECTED, AclGrant, Bucket, BucketRecord, PublicAccessBlock
from edgekit.rules.analysis.s3_public_access import (
    assess,
    effective_flags,
    hardening,
    t_and,
    t_not,
    t_or,
)

ON = PublicAccessBlock(True, True, True, True)
OFF = PublicAccessBlock()


def bucket(
    *,
    pab: Any = ON,
    account: Any = None,
    ownership: Any = "BucketOwnerEnforced",
    public: Any = False,
    acl: Any = (),
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
        acl_grants=acl,
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


ALL_USERS_READ = AclGrant("Group", "READ", "http://acs.amazonaws.com/groups/global/AllUsers")
OWNER_FULL = AclGrant("CanonicalUser", "FULL_CONTROL", grantee_id="owner")


@pytest.mark.parametrize(
    ("kwargs", "public"),
    [
        ({}, False),
        ({"pab": None, "account": ON}, False),
        # Block Public Access off, nothing public: not public (hardening's business)
        ({"pab": OFF, "account": None}, False),
        ({"pab": OFF, "account": None, "ownership": None, "acl": (OWNER_FULL,)}, False),
        # a public policy in effect / neutralised by RestrictPublicBuckets
        ({"pab": PublicAccessBlock(block_public_policy=True), "public": True}, True),
        ({"pab": PublicAccessBlock(restrict_public_buckets=True), "public": True}, False),
        # a public ACL grant in effect / ACLs disabled / IgnorePublicAcls
        ({"pab": OFF, "account": None, "ownership": None, "acl": (ALL_USERS_READ,)}, True),
        ({"pab": OFF, "account": None, "acl": (ALL_USERS_READ,)}, False),
        (
            {
                "pab": PublicAccessBlock(ignore_public_acls=True),
                "ownership": None,
                "acl": (ALL_USERS_READ,),
            },
            False,
        ),
        # undecided inputs
        ({"pab": OFF, "account": None, "ownership": None, "acl": NOT_COLLECTED}, None),
        ({"pab": OFF, "account": NOT_COLLECTED, "public": True}, None),
        ({"pab": ON, "account": NOT_COLLECTED, "public": True}, False),
        ({"pab": OFF, "ownership": NOT_COLLECTED, "acl": NOT_COLLECTED}, None),
        ({"pab": PublicAccessBlock(restrict_public_buckets=True), "public": NOT_COLLECTED}, False),
    ],
)
def test_assess(kwargs: dict[str, Any], public: bool | None) -> None:
    result = assess(bucket(**kwargs))
    assert result.public is public, result.reasons
    assert bool(result.reasons) == (public is not False)


def test_assess_reasons_name_facts_or_missing_inputs_only() -> None:
    result = assess(bucket(pab=OFF, account=None, ownership=None, public=True))
    assert result.public is True
    assert result.reasons == ("its bucket policy allows anyone and RestrictPublicBuckets is off",)
    assert result.evidence["object_ownership"] is None
    assert result.evidence["public_access_block"]["ignore_public_acls"] is False
    unknown = assess(
        bucket(pab=OFF, account=NOT_COLLECTED, ownership=NOT_COLLECTED, acl=NOT_COLLECTED)
    )
    assert unknown.public is None
    assert unknown.reasons == (
        "bucket ACL not collected",
        "object ownership not collected",
        "public access block (ignore_public_acls) not collected",
    )


def test_hardening() -> None:
    assert hardening(bucket()).public is False
    off = hardening(bucket(pab=PublicAccessBlock(True, True, True, False), account=None))
    assert off.public is True and off.reasons == ("RestrictPublicBuckets",)
    acls = hardening(bucket(ownership="ObjectWriter"))
    assert acls.reasons == ("ACLs enabled (object ownership not BucketOwnerEnforced)",)
    unknown = hardening(bucket(pab=NOT_COLLECTED, account=NOT_COLLECTED))
    assert unknown.public is None and "BlockPublicAcls not collected" in unknown.reasons
    assert hardening(bucket(pab=NOT_COLLECTED, account=ON)).public is False
