"""Shield Advanced: subscription, protections and protection groups of an account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model.common import readonly
from edgekit.model.reader import Fields, UnitKey, parse_items
from edgekit.model.shield.types import Protection, ProtectionGroup, ShieldSubscription

KIND_KEYS: Mapping[str, str] = {
    "shield_subscriptions": "subscription",
    "shield_protections": "protections",
    "shield_protection_groups": "protection_groups",
}
"""Inventory kind → payload key."""


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one shield payload (a subscription only when subscribed)."""
    subscriptions: list[ShieldSubscription] = []
    if data.get("subscription") is not None:
        sub = Fields.root(data, unit.label, "subscription").sub("subscription")
        subscriptions.append(
            ShieldSubscription(
                account_id=unit.account_id,
                region=unit.region,
                arn=sub.opt_str("SubscriptionArn"),
                start_time=sub.opt_datetime("StartTime"),
                end_time=sub.opt_datetime("EndTime"),
                auto_renew=sub.opt_str("AutoRenew"),
                proactive_engagement_status=sub.opt_str("ProactiveEngagementStatus"),
                time_commitment_in_seconds=sub.opt_int("TimeCommitmentInSeconds"),
                raw=readonly(sub.raw),
            )
        )
    return {
        "shield_subscriptions": subscriptions,
        "shield_protections": parse_items(unit, data, "protections", _protection),
        "shield_protection_groups": parse_items(unit, data, "protection_groups", _group),
    }


def _protection(unit: UnitKey, item: object, index: int) -> Protection:
    f = unit.named_item(item, f"protections[{index}]", "protection", "Id")
    l7 = f.opt_sub("ApplicationLayerAutomaticResponseConfiguration")
    return Protection(
        account_id=unit.account_id,
        region=unit.region,
        id=f.req_str("Id"),
        resource_arn=f.req_str("ResourceArn"),
        name=f.opt_str("Name"),
        arn=f.opt_str("ProtectionArn"),
        health_check_ids=f.strs("HealthCheckIds"),
        application_layer_automatic_response=l7.opt_str("Status") if l7 else None,
    )


def _group(unit: UnitKey, item: object, index: int) -> ProtectionGroup:
    f = unit.named_item(
        item, f"protection_groups[{index}]", "protection group", "ProtectionGroupId"
    )
    return ProtectionGroup(
        account_id=unit.account_id,
        region=unit.region,
        id=f.req_str("ProtectionGroupId"),
        aggregation=f.req_str("Aggregation"),
        pattern=f.req_str("Pattern"),
        members=f.strs("Members"),
        resource_type=f.opt_str("ResourceType"),
        arn=f.opt_str("ProtectionGroupArn"),
    )
