"""Shield Advanced: ShieldSubscription, Protection, ProtectionGroup.

The payload's ``subscription`` is tri-state (docs/snapshot.md): an object (subscribed), null
(not subscribed: data, not a gap) or absent (could not be read). Only subscribed accounts get a
:class:`ShieldSubscription`; ``inv.shield.shield_subscription(account)`` answers the tri-state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.model.common import EMPTY_MAP


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
