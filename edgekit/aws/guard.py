"""The read-only guard: a botocore hook that refuses any mutating operation before it is sent.

Every client edgekit creates carries it, so a bug can never change an account. An operation is
allowed when its name starts with Describe, List or Get, or is in :data:`ALLOWED_OPERATIONS`
(operations that read but are named otherwise, e.g. ``sts:AssumeRole``).
"""

from __future__ import annotations

from typing import Any

from edgekit.errors import ReadOnlyError

READ_PREFIXES: tuple[str, ...] = ("Describe", "List", "Get")

ALLOWED_OPERATIONS: frozenset[tuple[str, str]] = frozenset(
    {
        ("sts", "AssumeRole"),
        ("sts", "GetCallerIdentity"),
        ("s3", "HeadBucket"),  # existence and region of a bucket (HEAD, reads nothing else)
        # apigatewayv2/apigateway reads are all Get*; nothing else needed yet.
    }
)
"""(botocore service name, operation) pairs allowed although not named Describe/List/Get."""


def is_read_only(service: str, operation: str) -> bool:
    """Return True when ``service:operation`` may be called by edgekit."""
    return operation.startswith(READ_PREFIXES) or (service, operation) in ALLOWED_OPERATIONS


def refuse_mutations(model: Any, **_: Any) -> None:
    """botocore ``before-parameter-build`` handler: raise on a non-read-only operation.

    Runs before the request is serialised, let alone sent.
    """
    service = model.service_model.service_name
    if not is_read_only(service, model.name):
        raise ReadOnlyError(
            f"edgekit is read-only: refused {service}:{model.name} before sending it"
        )


def install(client: Any) -> None:
    """Register the guard on a botocore/boto3 client (idempotent per client)."""
    client.meta.events.register_first(
        "before-parameter-build.*.*", refuse_mutations, unique_id="edgekit-read-only-guard"
    )
