"""Is a bucket public — or is nothing stopping it from being public? (three-valued)

S3 applies, per setting, the stricter of the bucket's and the owner account's public access
block (PAB). The four settings guard two paths:

* **policy path** — ``RestrictPublicBuckets`` neutralises a public bucket policy that is in
  place (only AWS services and the owner account's principals keep access);
  ``BlockPublicPolicy`` refuses new public policies.
* **ACL path** — ``IgnorePublicAcls`` neutralises public bucket/object ACLs in place;
  ``BlockPublicAcls`` refuses new ones. Object ownership ``BucketOwnerEnforced`` disables ACLs
  altogether.

A bucket :func:`assess` reports as public when any of these holds:

1. a **public policy is in effect**: S3's PolicyStatus ``IsPublic`` (or, when that was not
   read, an Allow for ``*`` without a restricting condition, :mod:`edgekit.rules.s3policy`)
   and ``RestrictPublicBuckets`` off;
2. the **policy path is off**: neither ``BlockPublicPolicy`` nor ``RestrictPublicBuckets``;
3. the **ACL path is off**: ACLs enabled (ownership not ``BucketOwnerEnforced``) and neither
   ``BlockPublicAcls`` nor ``IgnorePublicAcls`` (ACLs are not collected, so a public ACL can
   be neither seen nor excluded).

Each input is tri-state (True / False / None = not collected: a PAB part unread can only turn
settings on) and combined in Kleene logic, so the answer is True, False or None (unknown).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from edgekit.model import NOT_COLLECTED, Bucket, PublicAccessBlock
from edgekit.rules.s3policy import public_statements

Tri = bool | None
FLAGS: Final = (
    "block_public_acls",
    "ignore_public_acls",
    "block_public_policy",
    "restrict_public_buckets",
)


def t_not(a: Tri) -> Tri:
    """Kleene NOT."""
    return None if a is None else not a


def t_and(*xs: Tri) -> Tri:
    """Kleene AND."""
    if any(x is False for x in xs):
        return False
    return None if any(x is None for x in xs) else True


def t_or(*xs: Tri) -> Tri:
    """Kleene OR."""
    if any(x is True for x in xs):
        return True
    return None if any(x is None for x in xs) else False


def effective_flags(parts: Iterable[object]) -> dict[str, Tri]:
    """Each PAB setting: True when a known part sets it, False when every part is known and
    none does, None otherwise (parts: PublicAccessBlock, None = none set, NOT_COLLECTED)."""
    items = list(parts)
    known = [p for p in items if p is not NOT_COLLECTED]
    complete = len(known) == len(items)
    out: dict[str, Tri] = {}
    for flag in FLAGS:
        on = any(isinstance(p, PublicAccessBlock) and getattr(p, flag) for p in known)
        out[flag] = True if on else (False if complete else None)
    return out


@dataclass(frozen=True)
class Assessment:
    """The verdict, the paths that make it so (or could), and JSON evidence."""

    public: Tri
    reasons: tuple[str, ...]
    evidence: dict[str, Any] = field(default_factory=dict)


def _policy_public(bucket: Bucket) -> tuple[Tri, list[str]]:
    statements: list[str] = []
    policy = bucket.policy
    if policy is not NOT_COLLECTED and policy is not None:
        statements = public_statements(policy)
    status = bucket.policy_is_public
    if status is not NOT_COLLECTED:
        return bool(status), statements
    if policy is NOT_COLLECTED:
        return None, statements
    return bool(statements), statements


def assess(bucket: Bucket) -> Assessment:
    """Whether ``bucket`` is public (see the module docstring)."""
    flags = effective_flags((bucket.public_access_block, bucket.account_public_access_block))
    ownership = bucket.object_ownership
    acls_enabled: Tri = None if ownership is NOT_COLLECTED else ownership != "BucketOwnerEnforced"
    policy_public, statements = _policy_public(bucket)
    restrict = flags["restrict_public_buckets"]
    paths: dict[str, Tri] = {
        "public policy in effect (RestrictPublicBuckets off)": t_and(
            policy_public, t_not(restrict)
        ),
        "policy path off (BlockPublicPolicy and RestrictPublicBuckets off)": t_and(
            t_not(flags["block_public_policy"]), t_not(restrict)
        ),
        "ACL path off (ACLs enabled, BlockPublicAcls and IgnorePublicAcls off)": t_and(
            acls_enabled, t_not(flags["block_public_acls"]), t_not(flags["ignore_public_acls"])
        ),
    }
    verdict = t_or(*paths.values())
    picked = [p for p, v in paths.items() if v is True] or [
        p for p, v in paths.items() if v is None
    ]
    evidence: dict[str, Any] = {
        "bucket": bucket.name,
        "owner_account": bucket.owner_account_id,
        "public_access_block": flags,
        "object_ownership": None if ownership is NOT_COLLECTED else ownership,
        "policy_is_public": policy_public,
        "public_statements": statements,
    }
    return Assessment(verdict, tuple(picked) if verdict is not False else (), evidence)
