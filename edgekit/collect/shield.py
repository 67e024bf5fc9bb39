"""Shield Advanced collector (global): subscription, protections, protection groups.

Payload ``data`` (absent key = not collected):

* ``subscription``: DescribeSubscription.Subscription, or **null when the account has no Shield
  Advanced subscription** (ResourceNotFoundException). Not being subscribed is data, not a
  gap: ``shield.entrypoint_unprotected`` then does not apply (null), whereas an absent key
  (DescribeSubscription denied) makes it *unknown*. No gap is recorded for "not subscribed",
  so ``--strict`` does not fail every account that simply does not buy Shield Advanced.
* ``protections``: ListProtections items (ResourceArn, HealthCheckIds = the Route 53 health-check
  associations, ApplicationLayerAutomaticResponseConfiguration); only read when subscribed
* ``protection_groups``: ListProtectionGroups items; only read when subscribed

Calls: 1 when not subscribed; otherwise 1 + 1 per 100 protections + 1 per 100 groups.
"""

from __future__ import annotations

from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "shield:DescribeSubscription",
    "shield:ListProtections",
    "shield:ListProtectionGroups",
)

NONE = ("ResourceNotFoundException",)
"""Shield answers ResourceNotFoundException for "no subscription" and for empty lists."""


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the Shield Advanced state of one account."""
    shield = ctx.client("shield")
    sub = ctx.call(shield, "describe_subscription", not_found=NONE)
    if sub is Outcome.DENIED:
        return {}
    if sub is Outcome.NOT_FOUND:
        return {"subscription": None}
    data: dict[str, Any] = {"subscription": sub.get("Subscription")}
    protections = ctx.paginate(
        shield,
        "list_protections",
        "Protections",
        not_found=NONE,
        PaginationConfig={"PageSize": 100},
    )
    if protections is Outcome.NOT_FOUND:
        data["protections"] = []
    elif not isinstance(protections, Outcome):
        data["protections"] = protections
    groups = ctx.pages(
        shield,
        "list_protection_groups",
        input_token="NextToken",
        output_token="NextToken",
        not_found=NONE,
        MaxResults=100,
    )
    if groups is Outcome.NOT_FOUND:
        data["protection_groups"] = []
    elif not isinstance(groups, Outcome):
        data["protection_groups"] = [
            g for page in groups for g in page.get("ProtectionGroups") or []
        ]
    return data


SPEC = CollectorSpec(
    id="shield",
    service="shield",
    scope="global",
    actions=ACTIONS,
    collect=collect,
    description="Shield Advanced subscription, protections and protection groups",
)
