"""S3 buckets (merged per-account records) and account public access blocks: the ``inv.s3`` lookups
of an inventory.

Same contract as every area (:mod:`edgekit.model.lookups`): ``X | None | NOT_COLLECTED``.
"""

from __future__ import annotations

from edgekit.model.common import NOT_COLLECTED, Collected
from edgekit.model.lookups import Area
from edgekit.model.s3.types import Bucket, BucketRecord, PublicAccessBlock


class S3Lookups(Area):
    """S3 buckets (merged per-account records) and account public access blocks."""

    __slots__ = ()

    def bucket(self, name: str) -> Collected[Bucket | None]:
        """The merged view of a bucket, by name (docs/snapshot.md, s3).

        ``None``: some account's record says the bucket does not exist (NoSuchBucket: takeover
        risk). NOT_COLLECTED: no record, or only records whose existence is unknown (the s3
        collector reads only the buckets the edge uses). Otherwise the :class:`Bucket`.
        """
        return self._index.buckets.get(name.lower(), NOT_COLLECTED)

    def bucket_records_for(self, name: str) -> tuple[BucketRecord, ...]:
        """Every account's record of bucket ``name`` (evidence: who saw what)."""
        return tuple(self._index.bucket_records.get(name.lower(), ()))

    def buckets(self) -> tuple[Bucket, ...]:
        """The merged views of every bucket known to exist, sorted by name."""
        views = sorted(self._index.buckets.items())
        return tuple(view for _, view in views if isinstance(view, Bucket))

    def account_public_access_block(self, account_id: str) -> Collected[PublicAccessBlock | None]:
        """The account-level S3 public access block (None: none set)."""
        blocks = self._index.account_block
        return blocks.get(account_id, NOT_COLLECTED)
