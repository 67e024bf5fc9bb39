"""Mapping botocore operations to the IAM actions that authorise them."""

from __future__ import annotations

IAM_PREFIX: dict[str, str] = {
    "elbv2": "elasticloadbalancing",
    "elb": "elasticloadbalancing",
    "apigatewayv2": "apigateway",
    "waf-regional": "waf-regional",
    "logs": "logs",
    "s3control": "s3",
}
"""botocore service names whose IAM prefix differs from the service name."""

OPERATION_ACTIONS: dict[tuple[str, str], str] = {
    ("s3", "ListBuckets"): "s3:ListAllMyBuckets",
    ("s3", "HeadBucket"): "s3:ListBucket",
    ("s3", "GetPublicAccessBlock"): "s3:GetBucketPublicAccessBlock",
    ("s3control", "GetPublicAccessBlock"): "s3:GetAccountPublicAccessBlock",
}
"""Operations whose IAM action is not named after the operation."""

HTTP_VERB_SERVICES = frozenset({"apigateway", "apigatewayv2"})
"""Services authorised by HTTP verb (``apigateway:GET``) rather than by operation name."""


def iam_action(service: str, operation: str, http_method: str = "GET") -> str:
    """Return the IAM action for a botocore ``service`` / ``operation`` (CamelCase) pair.

    ``http_method`` matters for services authorised by verb (``apigateway:DELETE``).
    """
    if (service, operation) in OPERATION_ACTIONS:
        return OPERATION_ACTIONS[(service, operation)]
    prefix = IAM_PREFIX.get(service, service)
    if service in HTTP_VERB_SERVICES:
        return f"{prefix}:{http_method.upper()}"
    return f"{prefix}:{operation}"


def policy_document(actions: list[str]) -> dict[str, object]:
    """A least-privilege, read-only identity policy granting exactly ``actions``."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "EdgekitReadOnlyCollection",
                "Effect": "Allow",
                "Action": sorted(set(actions)),
                "Resource": "*",
            }
        ],
    }
