"""Is a bucket public *now* — and is it hardened against becoming public? (three-valued)

S3 applies, per setting, the stricter of the bucket's and the owner account's public access
block (PAB). The four settings guard two paths:

* **policy path** — ``RestrictPublicBuckets`` neutralises a public bucket policy that is in
  place (only AWS services and the owner account's principals keep access);
  ``BlockPublicPolicy`` refuses new public policies.
* **ACL path** — ``IgnorePublicAcls`` neutralises public bucket/object ACLs in place;
  ``BlockPublicAcls`` refuses new ones. Object ownership ``BucketOwnerEnforced`` disables ACLs
  altogether.

:func:`assess` (``origin.s3_bucket_public``) says a bucket **is public** when anyone can read
its objects now:

1. a **public policy is in effect**: S3's PolicyStatus ``IsPublic`` (or, when that was not
   read, an Allow for ``*`` without a restricting condition,
   :mod:`edgekit.rules.analysis.resource_policies`)
   and ``RestrictPublicBuckets`` off; or
2. a **public ACL grant is in effect**: the bucket ACL grants AllUsers or AuthenticatedUsers,
   ACLs are enabled (ownership not ``BucketOwnerEnforced``) and ``IgnorePublicAcls`` is off.
   When the ACL was not collected (payload key ``Acl``) while ACLs are enabled and
   ``IgnorePublicAcls`` is off, that path is undecided.

:func:`hardening` (``origin.s3_public_access_block_off``) says what stands between the
bucket and becoming public: any of the four settings off (bucket and account level merged), or
ACLs enabled.

Each input is tri-state (True / False / None = not collected: a PAB part unread can only turn
settings on) and combined in Kleene logic. Reasons name facts only when they are known; an
undecided answer names the inputs that were not collected, never a guessed condition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from edgekit.model import NOT_COLLECTED, Bucket, PublicAccessBlock
from edgekit.rules.analysis.resource_policies import public_statements

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
    """The verdict, the reasons for it (facts when True, missing inputs when None), evidence."""

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


def _acl_public(bucket: Bucket) -> tuple[Tri, list[str]]:
    grants = bucket.acl_grants
    if grants is NOT_COLLECTED:
        return None, []
    public = sorted(
        {f"{g.uri.rpartition('/')[2]}:{g.permission}" for g in grants if g.is_public and g.uri}
    )
    return bool(public), public


def _acls_enabled(bucket: Bucket) -> Tri:
    ownership = bucket.object_ownership
    return None if ownership is NOT_COLLECTED else ownership != "BucketOwnerEnforced"


def _pab_missing(flags: dict[str, Tri], *names: str) -> list[str]:
    return [f"public access block ({n}) not collected" for n in names if flags[n] is None][:1]


def assess(bucket: Bucket) -> Assessment:
    """Whether anyone can read ``bucket``'s objects now (see the module docstring)."""
    flags = effective_flags((bucket.public_access_block, bucket.account_public_access_block))
    acls_enabled = _acls_enabled(bucket)
    policy_public, statements = _policy_public(bucket)
    acl_public, grants = _acl_public(bucket)
    restrict, ignore = flags["restrict_public_buckets"], flags["ignore_public_acls"]
    by_policy = t_and(policy_public, t_not(restrict))
    by_acl = t_and(acl_public, acls_enabled, t_not(ignore))
    verdict = t_or(by_policy, by_acl)
    reasons: list[str] = []
    if verdict is True:
        if by_policy:
            named = f" (statements {', '.join(statements)})" if statements else ""
            reasons.append(
                f"its bucket policy allows anyone{named} and RestrictPublicBuckets is off"
            )
        if by_acl:
            reasons.append(f"its ACL grants {', '.join(grants)} and IgnorePublicAcls is off")
    elif verdict is None:
        if by_policy is None:
            if policy_public is None:
                reasons.append("bucket policy and policy status not collected")
            reasons += _pab_missing(flags, "restrict_public_buckets")
        if by_acl is None:
            if acl_public is None:
                reasons.append("bucket ACL not collected")
            if acls_enabled is None:
                reasons.append("object ownership not collected")
            reasons += _pab_missing(flags, "ignore_public_acls")
    evidence: dict[str, Any] = {
        "bucket": bucket.name,
        "owner_account": bucket.owner_account_id,
        "public_access_block": flags,
        "object_ownership": _ownership(bucket),
        "policy_is_public": policy_public,
        "public_statements": statements,
        "public_acl_grants": grants if acl_public is not None else None,
    }
    return Assessment(verdict, tuple(dict.fromkeys(reasons)), evidence)


def _ownership(bucket: Bucket) -> str | None:
    ownership = bucket.object_ownership
    return None if ownership is NOT_COLLECTED else ownership


def hardening(bucket: Bucket) -> Assessment:
    """Whether ``bucket`` lacks protection against becoming public (``public`` True: a setting
    is off or ACLs are enabled; None: not collected; False: all four on and ACLs disabled).
    ``reasons``: the settings that are off (or the inputs not collected)."""
    flags = effective_flags((bucket.public_access_block, bucket.account_public_access_block))
    acls_enabled = _acls_enabled(bucket)
    off = [_FLAG_NAMES[f] for f in FLAGS if flags[f] is False]
    if acls_enabled is True:
        off.append("ACLs enabled (object ownership not BucketOwnerEnforced)")
    evidence: dict[str, Any] = {
        "bucket": bucket.name,
        "owner_account": bucket.owner_account_id,
        "public_access_block": flags,
        "object_ownership": _ownership(bucket),
    }
    if off:
        return Assessment(True, tuple(off), evidence)
    missing = [f"{_FLAG_NAMES[f]} not collected" for f in FLAGS if flags[f] is None]
    if acls_enabled is None:
        missing.append("object ownership not collected")
    return (
        Assessment(None, tuple(missing), evidence) if missing else Assessment(False, (), evidence)
    )


_FLAG_NAMES: Final = {
    "block_public_acls": "BlockPublicAcls",
    "ignore_public_acls": "IgnorePublicAcls",
    "block_public_policy": "BlockPublicPolicy",
    "restrict_public_buckets": "RestrictPublicBuckets",
}
