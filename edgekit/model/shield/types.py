"""Shield Advanced: ShieldSubscription, Protection, ProtectionGroup.

The payload's ``subscription`` is tri-state (docs/snapshot.md): an object (subscribed), null
(not subscribed: data, not a gap) or absent (could not be read). Only subscribed accounts get a
:class:`ShieldSubscription`; ``Inventory.shield_subscription(account)`` answers the tri-state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.model.common import EMPTY_MAP, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items

KIND_KEYS: Mapping[str, str] = {
    "shield_subscriptions": "subscription",
    "shield_protections": "protections",
    "shield_protection_groups": "protection_groups",
}
"""Inventory kind → payload key."""


@dataclass(frozen=True, slots=True)
class ShieldSubscription:
    """An account's Shield Advanced subscription (DescribeSubscription.Subscription)."""

    account_id: str
    region: str
    arn: str | None = None
    start_time: dt.datetime | None = None
    end_time: dt.datetime | None = None
    auto_renew: str | None = None
    """``ENABLED`` | ``DISABLED``."""
    proactive_engagement_status: str | None = None
    time_commitment_in_seconds: int | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def key(self) -> str:
        """The subscription ARN, else the account id (one subscription per account)."""
        return self.arn or self.account_id


@dataclass(frozen=True, slots=True)
class Protection:
    """A Shield Advanced protection of one resource."""

    account_id: str
    region: str
    id: str
    resource_arn: str
    name: str | None = None
    arn: str | None = None
    health_check_ids: tuple[str, ...] = ()
    application_layer_automatic_response: str | None = None
    """``ENABLED`` | ``DISABLED`` (None: not configured)."""


@dataclass(frozen=True, slots=True)
class ProtectionGroup:
    """A Shield Advanced protection group."""

    account_id: str
    region: str
    id: str
    aggregation: str
    """``SUM`` | ``MEAN`` | ``MAX``."""
    pattern: str
    """``ALL`` | ``ARBITRARY`` | ``BY_RESOURCE_TYPE``."""
    members: tuple[str, ...] = ()
    resource_type: str | None = None
    arn: str | None = None


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
