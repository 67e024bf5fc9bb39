"""Parse an s3 payload (docs/snapshot.md): bucket records and the account public access block."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.common import NOT_COLLECTED, Collected, freeze, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items
from edgekit.model.s3.policy import PolicyDocument, parse_policy
from edgekit.model.s3.types import (
    AccountPublicAccessBlock,
    AclGrant,
    BucketRecord,
    PublicAccessBlock,
    RedirectAllRequestsTo,
    WebsiteConfiguration,
)

KIND_KEYS: Mapping[str, str] = {
    "bucket_records": "buckets",
    "account_public_access_blocks": "account_public_access_block",
}
"""Inventory kind → payload key."""


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every bucket record of one s3 payload, and the account's public access block."""
    blocks: list[AccountPublicAccessBlock] = []
    if "account_public_access_block" in data:
        root = Fields.root(data, unit.label, "account")
        config = root.opt_sub("account_public_access_block")
        blocks.append(
            AccountPublicAccessBlock(
                unit.account_id,
                unit.region,
                None if config is None else public_access_block(config),
            )
        )
    return {
        "bucket_records": parse_items(unit, data, "buckets", _record),
        "account_public_access_blocks": blocks,
    }


def public_access_block(f: Fields) -> PublicAccessBlock:
    """A PublicAccessBlockConfiguration (absent settings are off)."""
    return PublicAccessBlock(
        block_public_acls=f.bool_or("BlockPublicAcls", False),
        ignore_public_acls=f.bool_or("IgnorePublicAcls", False),
        block_public_policy=f.bool_or("BlockPublicPolicy", False),
        restrict_public_buckets=f.bool_or("RestrictPublicBuckets", False),
    )


def _tri(f: Fields, key: str) -> bool | None:
    """An edgekit tri-state: required key, value true / false / null."""
    if not f.has(key):
        raise f.error(key, "missing field")
    return f.opt_bool(key)


def _website(f: Fields) -> WebsiteConfiguration:
    index = f.opt_sub("IndexDocument")
    error = f.opt_sub("ErrorDocument")
    redirect = f.opt_sub("RedirectAllRequestsTo")
    return WebsiteConfiguration(
        index_document_suffix=index.req_str("Suffix") if index else None,
        error_document_key=error.req_str("Key") if error else None,
        redirect_all_requests_to=(
            RedirectAllRequestsTo(redirect.req_str("HostName"), redirect.opt_str("Protocol"))
            if redirect
            else None
        ),
        routing_rules=tuple(freeze(r.raw) for r in f.subs("RoutingRules")),
    )


def _record(unit: UnitKey, item: object, index: int) -> BucketRecord:
    f = unit.named_item(item, f"buckets[{index}]", "bucket", "Name")
    name = f.req_str("Name")
    text: Collected[str | None] = f.opt_str("Policy") if f.has("Policy") else NOT_COLLECTED
    policy: Collected[PolicyDocument | None] = text if not isinstance(text, str) else None
    if isinstance(text, str):
        policy = parse_policy(text, unit.label, f"bucket {name}", "Policy")
    # outside the call: in it, mypy would infer T from the field type and drop the parsers' None
    is_public = f.collected_sub("PolicyStatus", lambda s: s.opt_bool("IsPublic"))
    ownership = f.collected_sub("OwnershipControls", _ownership)
    return BucketRecord(
        account_id=unit.account_id,
        region=unit.region,
        name=name,
        exists=_tri(f, "exists"),
        owned=_tri(f, "owned"),
        bucket_region=f.opt_str("BucketRegion"),
        policy=policy,
        policy_text=text,
        policy_is_public=is_public,
        public_access_block=f.collected_sub("PublicAccessBlockConfiguration", public_access_block),
        object_ownership=ownership,
        website=f.collected_sub("WebsiteConfiguration", _website),
        acl_grants=_acl(f),
        raw=readonly(f.raw),
    )


def _ownership(f: Fields) -> str | None:
    rules = f.req_subs("Rules")
    return rules[0].req_enum("ObjectOwnership", enums.OBJECT_OWNERSHIP) if rules else None


def _acl(f: Fields) -> Collected[tuple[AclGrant, ...]]:
    """``Acl``: GetBucketAcl's output (Owner, Grants); absent = not collected."""
    acl = f.opt_sub("Acl")
    if acl is None:
        return NOT_COLLECTED
    return tuple(
        AclGrant(
            grantee_type=g.sub("Grantee").req_str("Type"),
            permission=g.req_str("Permission"),
            uri=g.sub("Grantee").opt_str("URI"),
            grantee_id=g.sub("Grantee").opt_str("ID"),
        )
        for g in acl.subs("Grants")
    )
