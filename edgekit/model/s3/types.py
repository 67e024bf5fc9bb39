"""S3: BucketRecord (one account's record of a bucket), Bucket (the merged view per name).

The s3 collector reads only the buckets the edge uses, in **every** account: the owner reports
the details, an account that merely references a bucket reports a probe (``exists`` /
``owned`` / region). :func:`merge_buckets` joins the records of one bucket name into a
:class:`Bucket`; ``inv.s3.bucket(name)`` answers with it (docs/snapshot.md, s3):

* some record ``exists: false`` → ``None`` (NoSuchBucket: the bucket does not exist);
* else some record ``exists: true`` → the :class:`Bucket`;
* no record, or only ``exists: null`` → NOT_COLLECTED.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from edgekit.model.common import EMPTY_MAP, GLOBAL, NOT_COLLECTED, Collected, FrozenMap
from edgekit.model.s3.policy import PolicyDocument


@dataclass(frozen=True, slots=True)
class PublicAccessBlock:
    """A PublicAccessBlockConfiguration (bucket or account); absent settings read False."""

    block_public_acls: bool = False
    ignore_public_acls: bool = False
    block_public_policy: bool = False
    restrict_public_buckets: bool = False

    @property
    def all_blocked(self) -> bool:
        """Every one of the four settings is on."""
        return (
            self.block_public_acls
            and self.ignore_public_acls
            and self.block_public_policy
            and self.restrict_public_buckets
        )

    def union(self, other: PublicAccessBlock | None) -> PublicAccessBlock:
        """The effective settings when both apply (S3 honours the stricter of each)."""
        if other is None:
            return self
        return PublicAccessBlock(
            self.block_public_acls or other.block_public_acls,
            self.ignore_public_acls or other.ignore_public_acls,
            self.block_public_policy or other.block_public_policy,
            self.restrict_public_buckets or other.restrict_public_buckets,
        )


NO_BLOCK = PublicAccessBlock()
"""No public access block at all (every setting off)."""


@dataclass(frozen=True, slots=True)
class AccountPublicAccessBlock:
    """An account's s3control public access block (``configuration`` None: none set)."""

    account_id: str
    region: str
    configuration: PublicAccessBlock | None

    @property
    def key(self) -> str:
        """The account id (one per account)."""
        return self.account_id


@dataclass(frozen=True, slots=True)
class RedirectAllRequestsTo:
    """A website that redirects every request."""

    host_name: str
    protocol: str | None = None


@dataclass(frozen=True, slots=True)
class WebsiteConfiguration:
    """GetBucketWebsite: index / error documents, redirect-all, routing rules (kept raw)."""

    index_document_suffix: str | None = None
    error_document_key: str | None = None
    redirect_all_requests_to: RedirectAllRequestsTo | None = None
    routing_rules: tuple[FrozenMap[str, Any], ...] = ()


PUBLIC_GRANTEE_GROUPS: Final = frozenset(
    {
        "http://acs.amazonaws.com/groups/global/AllUsers",
        "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
    }
)
"""ACL grantee groups that mean "anyone" (AuthenticatedUsers: any AWS account)."""


@dataclass(frozen=True, slots=True)
class AclGrant:
    """One grant of a bucket ACL (GetBucketAcl ``Grants`` item)."""

    grantee_type: str
    """CanonicalUser | AmazonCustomerByEmail | Group."""
    permission: str
    """FULL_CONTROL | WRITE | WRITE_ACP | READ | READ_ACP."""
    uri: str | None = None
    grantee_id: str | None = None

    @property
    def is_public(self) -> bool:
        """Granted to everyone or to every AWS account."""
        return self.grantee_type == "Group" and self.uri in PUBLIC_GRANTEE_GROUPS


@dataclass(frozen=True, slots=True)
class BucketRecord:
    """One account's record of a bucket (a ``buckets`` payload item).

    ``exists`` / ``owned`` are tri-state (None: could not be told). The details (policy,
    status, public access block, ownership, website) are NOT_COLLECTED on probes of buckets
    owned elsewhere and where their read was denied; ``None`` means "there is none".
    """

    account_id: str
    """The account whose payload holds this record (owner or referencing account)."""
    region: str
    """``global`` (the s3 collector's unit)."""
    name: str
    exists: bool | None
    owned: bool | None
    bucket_region: str | None
    policy: Collected[PolicyDocument | None]
    policy_text: Collected[str | None]
    """The policy JSON as returned (for evidence)."""
    policy_is_public: Collected[bool | None]
    """GetBucketPolicyStatus IsPublic (None: no policy status)."""
    public_access_block: Collected[PublicAccessBlock | None]
    object_ownership: Collected[str | None]
    """OwnershipControls rule: BucketOwnerEnforced | BucketOwnerPreferred | ObjectWriter."""
    website: Collected[WebsiteConfiguration | None]
    """Read only for buckets used through a website endpoint (else NOT_COLLECTED)."""
    acl_grants: Collected[tuple[AclGrant, ...]] = NOT_COLLECTED
    """GetBucketAcl ``Grants`` (payload key ``Acl``; NOT_COLLECTED when absent)."""
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Bucket:
    """Every record of one bucket name, merged: the owner's details plus the probes.

    Only built for buckets known to exist (see the module docstring). Detail fields are the
    owner's record's, NOT_COLLECTED when no collected account owns the bucket.
    """

    name: str
    records: tuple[BucketRecord, ...]
    owner: BucketRecord | None
    """The record of the account that owns the bucket (``owned: true``), if collected."""
    account_public_access_block: Collected[PublicAccessBlock | None] = NOT_COLLECTED
    """The owner account's s3control public access block."""
    region: str = GLOBAL

    @property
    def owner_account_id(self) -> str | None:
        """The owning account, when one of the collected accounts owns the bucket."""
        return self.owner.account_id if self.owner is not None else None

    @property
    def bucket_region(self) -> str | None:
        """The bucket's region (owner's record first, then any probe's)."""
        found = [r.bucket_region for r in (self.owner, *self.records) if r and r.bucket_region]
        return found[0] if found else None

    def _detail(self, name: str) -> Any:
        return NOT_COLLECTED if self.owner is None else getattr(self.owner, name)

    @property
    def policy(self) -> Collected[PolicyDocument | None]:
        """The bucket policy (None: no policy)."""
        value: Collected[PolicyDocument | None] = self._detail("policy")
        return value

    @property
    def policy_is_public(self) -> Collected[bool | None]:
        """GetBucketPolicyStatus IsPublic."""
        value: Collected[bool | None] = self._detail("policy_is_public")
        return value

    @property
    def public_access_block(self) -> Collected[PublicAccessBlock | None]:
        """The bucket's own public access block (None: none)."""
        value: Collected[PublicAccessBlock | None] = self._detail("public_access_block")
        return value

    @property
    def object_ownership(self) -> Collected[str | None]:
        """The bucket's object ownership setting."""
        value: Collected[str | None] = self._detail("object_ownership")
        return value

    @property
    def acl_grants(self) -> Collected[tuple[AclGrant, ...]]:
        """The bucket ACL's grants."""
        value: Collected[tuple[AclGrant, ...]] = self._detail("acl_grants")
        return value

    @property
    def website(self) -> Collected[WebsiteConfiguration | None]:
        """The website configuration (None: no website)."""
        value: Collected[WebsiteConfiguration | None] = self._detail("website")
        return value

    @property
    def effective_public_access_block(self) -> Collected[PublicAccessBlock]:
        """Bucket and account settings combined (each setting on if either turns it on).

        NOT_COLLECTED when either part is unknown, unless the known part blocks everything.
        """
        parts = (self.public_access_block, self.account_public_access_block)
        known = [p for p in parts if p is not NOT_COLLECTED]
        merged = NO_BLOCK
        for p in known:
            merged = merged.union(p)
        if len(known) < len(parts) and not merged.all_blocked:
            return NOT_COLLECTED
        return merged


def bucket_state(records: Iterable[BucketRecord]) -> bool | None:
    """Merged existence: False if any record says so, True if any says it exists, else None."""
    states = {r.exists for r in records}
    if False in states:
        return False
    return True if True in states else None


def merge_buckets(
    records: Iterable[BucketRecord],
    account_blocks: Mapping[str, PublicAccessBlock | None],
) -> dict[str, Collected[Bucket | None]]:
    """Bucket name → merged view, None (does not exist) or NOT_COLLECTED (existence unknown).

    ``account_blocks``: account id → its public access block, for the accounts that read it.
    """
    by_name: dict[str, list[BucketRecord]] = {}
    for r in records:
        by_name.setdefault(r.name, []).append(r)
    out: dict[str, Collected[Bucket | None]] = {}
    for name, recs in by_name.items():
        state = bucket_state(recs)
        if state is not True:
            out[name] = None if state is False else NOT_COLLECTED
            continue
        owner = next((r for r in recs if r.owned and r.exists), None)
        account_block: Collected[PublicAccessBlock | None] = NOT_COLLECTED
        if owner is not None and owner.account_id in account_blocks:
            account_block = account_blocks[owner.account_id]
        out[name] = Bucket(name, tuple(recs), owner, account_block)
    return out
