"""The read-only guard: a botocore hook that refuses, before it is sent, any operation that is
not on the allow-list.

The allow-list is a set of IAM actions: exactly those the collectors declare (the list
``edgekit iam-policy`` prints, built by :func:`edgekit.collect.registry.declared_actions`), so a
new collector needs no guard edit. An operation passes when the IAM action that authorises it
(:func:`edgekit.aws.iam.iam_action`, HTTP verb included for API Gateway) is on the list; an
empty list refuses everything. ``cognito-identity:GetId``, ``sts:GetFederationToken`` or
``secretsmanager:GetSecretValue`` are refused although named like reads.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from edgekit.aws.iam import iam_action
from edgekit.errors import ReadOnlyError


def operation_action(model: Any) -> str:
    """The IAM action of a botocore operation model."""
    method = str((getattr(model, "http", None) or {}).get("method", "GET"))
    return iam_action(model.service_model.service_name, model.name, method)


class AllowList:
    """botocore ``before-parameter-build`` handler: raise unless the operation is allowed.

    Runs before the request is serialised, let alone sent.
    """

    def __init__(self, actions: Collection[str]) -> None:
        self.actions = frozenset(actions)

    def allows(self, service: str, operation: str, http_method: str = "GET") -> bool:
        """True when ``service:operation`` is authorised by an allowed action."""
        return iam_action(service, operation, http_method) in self.actions

    def __call__(self, model: Any, **_: Any) -> None:
        """Refuse ``model`` unless its IAM action is on the list."""
        action = operation_action(model)
        if action not in self.actions:
            service = model.service_model.service_name
            raise ReadOnlyError(
                f"edgekit is read-only: refused {service}:{model.name} ({action} is not an "
                "action the collectors declare) before sending it"
            )


def install(client: Any, actions: Collection[str]) -> None:
    """Register the guard, allowing only ``actions``, on a botocore/boto3 client (once)."""
    client.meta.events.register_first(
        "before-parameter-build.*.*", AllowList(actions), unique_id="edgekit-read-only-guard"
    )
