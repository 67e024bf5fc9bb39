"""Shield Advanced protection groups (moto 5.2.5 has protections and subscriptions only).

``CreateProtectionGroup``, ``DescribeProtectionGroup``, ``ListProtectionGroups``,
``UpdateProtectionGroup`` and ``DeleteProtectionGroup``, stored in the ``__dict__`` of the
account's moto ``ShieldBackend`` (cleared by moto's reset). As in AWS, a group needs a
subscription, ``Members`` are given only for the ``ARBITRARY`` pattern and ``ResourceType`` only
for ``BY_RESOURCE_TYPE``; an empty listing answers an empty list.
"""

from __future__ import annotations

import json
from typing import Any

from moto.core.common_types import TYPE_RESPONSE
from moto.shield.exceptions import (
    InvalidParameterException,
    ResourceAlreadyExistsException,
    ResourceNotFoundException,
)
from moto.shield.models import ShieldBackend
from moto.shield.responses import ShieldResponse

GROUPS = "edgekit_sandbox_protection_groups"


def groups(backend: ShieldBackend) -> dict[str, dict[str, Any]]:
    """The account's protection groups by id (created on first use)."""
    found = backend.__dict__.get(GROUPS)
    if not isinstance(found, dict):
        found = {}
        backend.__dict__[GROUPS] = found
    return found


def _group(backend: ShieldBackend, params: dict[str, Any]) -> dict[str, Any]:
    pattern = params["Pattern"]
    if (pattern == "ARBITRARY") != ("Members" in params):
        raise InvalidParameterException("Members must be set exactly for the ARBITRARY pattern.")
    if (pattern == "BY_RESOURCE_TYPE") != ("ResourceType" in params):
        raise InvalidParameterException("ResourceType must be set for BY_RESOURCE_TYPE only.")
    group_id = params["ProtectionGroupId"]
    group = {
        "ProtectionGroupId": group_id,
        "Aggregation": params["Aggregation"],
        "Pattern": pattern,
        "Members": list(params.get("Members") or []),
        "ProtectionGroupArn": (
            f"arn:{backend.partition}:shield::{backend.account_id}:protection-group/{group_id}"
        ),
    }
    if "ResourceType" in params:
        group["ResourceType"] = params["ResourceType"]
    return group


class BridgedShieldResponse(ShieldResponse):
    """moto's Shield responses plus protection groups."""

    @property
    def params(self) -> dict[str, Any]:
        """The JSON request body."""
        body: dict[str, Any] = json.loads(self.body or "{}")
        return body

    def _existing(self) -> dict[str, Any]:
        found = groups(self.shield_backend).get(self.params["ProtectionGroupId"])
        if found is None:
            raise ResourceNotFoundException("The referenced protection group does not exist.")
        return found

    def create_protection_group(self) -> TYPE_RESPONSE:
        """CreateProtectionGroup (needs a subscription; ids are unique)."""
        backend = self.shield_backend
        if backend.subscription is None:
            raise ResourceNotFoundException("The subscription does not exist.")
        found = groups(backend)
        if self.params["ProtectionGroupId"] in found:
            raise ResourceAlreadyExistsException("The protection group already exists.")
        group = _group(backend, self.params)
        found[group["ProtectionGroupId"]] = group
        return 200, {}, "{}"

    def describe_protection_group(self) -> TYPE_RESPONSE:
        """DescribeProtectionGroup."""
        return 200, {}, json.dumps({"ProtectionGroup": self._existing()})

    def update_protection_group(self) -> TYPE_RESPONSE:
        """UpdateProtectionGroup (the whole definition is replaced)."""
        self._existing()
        group = _group(self.shield_backend, self.params)
        groups(self.shield_backend)[group["ProtectionGroupId"]] = group
        return 200, {}, "{}"

    def delete_protection_group(self) -> TYPE_RESPONSE:
        """DeleteProtectionGroup."""
        self._existing()
        del groups(self.shield_backend)[self.params["ProtectionGroupId"]]
        return 200, {}, "{}"

    def list_protection_groups(self) -> TYPE_RESPONSE:
        """ListProtectionGroups (NextToken = index of the next group)."""
        items = sorted(groups(self.shield_backend).values(), key=lambda g: g["ProtectionGroupId"])
        limit = int(self.params.get("MaxResults") or 100)
        start = int(self.params.get("NextToken") or 0)
        body: dict[str, Any] = {"ProtectionGroups": items[start : start + limit]}
        if start + limit < len(items):
            body["NextToken"] = str(start + limit)
        return 200, {}, json.dumps(body)
