"""Situations the v2 checks look for (#13), kept apart from the estate they change.

* ``nw-www-site-replica`` (the www origin group's EU member, account nw-web, which has no
  account-level Block Public Access) loses its bucket-level public access block: nothing in
  it is public (OAC-scoped policy, ACLs disabled), but one policy edit would make it so —
  ``origin.s3_public_access_block_off``, not ``origin.s3_bucket_public``.

Already in the estate and found by the v2 checks: the partner NLB forwarding to the internal
``nw-pay-core`` ALB without a web ACL (``lb.no_waf``), API stages without access or execution
logging (``apigw.stage_logging_disabled``), the spring/summer promo distributions differing
only in comment, tags and log prefix (``redundancy.duplicate_distributions``; the prefixes are
set in :mod:`.patterns`).
"""

from __future__ import annotations

from edgekit.sandbox.sample.accounts import EU
from edgekit.sandbox.sample.state import Estate

BPA_OFF_BUCKET = "nw-www-site-replica"


def build(estate: Estate) -> None:
    """Apply the situations above (after the rest of the estate is built)."""
    _public_access_block_off(estate)


def _public_access_block_off(estate: Estate) -> None:
    estate.accounts.web.client("s3", EU).delete_public_access_block(Bucket=BPA_OFF_BUCKET)
