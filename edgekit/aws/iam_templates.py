"""Deployable scan role: CloudFormation, StackSet and Terraform templates around the policy.

The permissions are exactly :func:`edgekit.aws.iam.policy_document` of the collectors' declared
actions (the caller passes them in; the read-only guard uses the same declarations). The trust
policy lets one principal assume the role -- an account (``arn:...:root``), or a role or user
ARN, typically the organisation's management or delegated-admin account where edgekit runs --
optionally only with an ``sts:ExternalId``. Every user-supplied value is validated against
IAM's own grammar first, and string literals are encoded for their target language, so no
input can change a template's structure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from edgekit.aws.iam import policy_document

ROLE_NAME = re.compile(r"^[\w+=,.@-]{1,64}$")
EXTERNAL_ID = re.compile(r"^[\w+=,.@:/-]{2,1224}$")
ACCOUNT_ID = re.compile(r"^\d{12}$")
PRINCIPAL_ARN = re.compile(
    r"^arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|(role|user)/[\w+=,.@/-]{1,512})$"
)
POLICY_NAME = "EdgekitReadOnlyCollection"
INLINE_POLICY_LIMIT = 10240
"""IAM's limit on a role's inline policies, in characters without whitespace."""


@dataclass(frozen=True)
class RoleSpec:
    """What the role template needs: its name, who may assume it, and the actions it grants."""

    role_name: str
    principal: str
    """Account id or IAM principal ARN."""
    actions: Sequence[str]
    external_id: str | None = None
    partition: str = "aws"

    def __post_init__(self) -> None:
        if not ROLE_NAME.match(self.role_name):
            raise ValueError(f"--role-name: {self.role_name!r} is not a valid IAM role name")
        if not (ACCOUNT_ID.match(self.principal) or PRINCIPAL_ARN.match(self.principal)):
            raise ValueError(
                f"--principal: {self.principal!r} is neither a 12-digit account id nor an IAM "
                "principal ARN (arn:aws:iam::ACCOUNT:root|role/NAME|user/NAME)"
            )
        if self.external_id is not None and not EXTERNAL_ID.match(self.external_id):
            raise ValueError("--external-id: 2 to 1224 characters of [A-Za-z0-9+=,.@:/_-]")

    @property
    def principal_arn(self) -> str:
        """The principal as an ARN (an account id becomes its ``root``)."""
        if ACCOUNT_ID.match(self.principal):
            return f"arn:{self.partition}:iam::{self.principal}:root"
        return self.principal


def trust_policy(spec: RoleSpec) -> dict[str, Any]:
    """The role's assume-role policy document."""
    statement: dict[str, Any] = {
        "Sid": "EdgekitScanner",
        "Effect": "Allow",
        "Principal": {"AWS": spec.principal_arn},
        "Action": "sts:AssumeRole",
    }
    if spec.external_id:
        statement["Condition"] = {"StringEquals": {"sts:ExternalId": spec.external_id}}
    return {"Version": "2012-10-17", "Statement": [statement]}


def permissions(spec: RoleSpec) -> dict[str, object]:
    """The identity policy (exactly the declared actions); ValueError past IAM's size limit."""
    doc = policy_document(list(spec.actions))
    size = len(re.sub(r"\s", "", json.dumps(doc)))
    if size > INLINE_POLICY_LIMIT:
        raise ValueError(f"the policy is {size} characters, above IAM's {INLINE_POLICY_LIMIT}")
    return doc


def cloudformation(spec: RoleSpec, *, stackset: bool = False) -> dict[str, Any]:
    """A CloudFormation template (JSON) creating the role.

    ``stackset``: the same role parameterised for a service-managed StackSet deployed to every
    member account (principal and external id become parameters with the given defaults).
    """
    trust = trust_policy(spec)
    params: dict[str, Any] = {}
    if stackset:
        params["TrustedPrincipal"] = {
            "Type": "String",
            "Default": spec.principal_arn,
            "Description": "IAM principal allowed to assume the role (where edgekit runs)",
        }
        trust["Statement"][0]["Principal"] = {"AWS": {"Ref": "TrustedPrincipal"}}
        if spec.external_id:
            params["ExternalId"] = {"Type": "String", "Default": spec.external_id, "NoEcho": True}
            trust["Statement"][0]["Condition"] = {
                "StringEquals": {"sts:ExternalId": {"Ref": "ExternalId"}}
            }
    kind = "StackSet (service-managed, every member account)" if stackset else "stack"
    template: dict[str, Any] = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"edgekit read-only scan role ({kind}): exactly the collectors' actions",
    }
    if params:
        template["Parameters"] = params
    template["Resources"] = {
        "EdgekitScanRole": {
            "Type": "AWS::IAM::Role",
            "Metadata": {
                "com.aws.cloudformation.Context": {
                    "why": "lets edgekit read the public edge (CloudFront, WAF, load balancers, "
                    "DNS, certificates) read-only; the actions are exactly what its collectors call"
                }
            },
            "Properties": {
                "RoleName": spec.role_name,
                "Description": "edgekit: read-only collection of the public edge",
                "MaxSessionDuration": 3600,
                "AssumeRolePolicyDocument": trust,
                "Policies": [{"PolicyName": POLICY_NAME, "PolicyDocument": permissions(spec)}],
            },
        }
    }
    template["Outputs"] = {"RoleArn": {"Value": {"Fn::GetAtt": ["EdgekitScanRole", "Arn"]}}}
    return template


def hcl_string(value: str) -> str:
    """A Terraform string literal: JSON escapes plus ``$${`` / ``%%{`` for template markers."""
    return json.dumps(value).replace("${", "$${").replace("%{", "%%{")


def hcl_value(value: Any, indent: int = 0) -> str:
    """A Terraform expression for a JSON-like value (objects with quoted keys)."""
    pad = "  " * (indent + 1)
    if isinstance(value, Mapping):
        body = "".join(
            f"{pad}{hcl_string(str(k))} = {hcl_value(v, indent + 1)}\n" for k, v in value.items()
        )
        return "{\n" + body + "  " * indent + "}"
    if isinstance(value, list | tuple):
        items = "".join(f"{pad}{hcl_value(v, indent + 1)},\n" for v in value)
        return "[\n" + items + "  " * indent + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    return hcl_string(str(value))


def terraform(spec: RoleSpec) -> str:
    """Terraform (HCL) for the role and its inline policy."""
    return (
        "# edgekit read-only scan role: exactly the collectors' actions (edgekit iam-policy)\n"
        'resource "aws_iam_role" "edgekit_scan" {\n'
        f"  name                 = {hcl_string(spec.role_name)}\n"
        '  description          = "edgekit: read-only collection of the public edge"\n'
        "  max_session_duration = 3600\n"
        f"  assume_role_policy   = jsonencode({hcl_value(trust_policy(spec), 1)})\n"
        "}\n\n"
        'resource "aws_iam_role_policy" "edgekit_scan" {\n'
        f"  name   = {hcl_string(POLICY_NAME)}\n"
        "  role   = aws_iam_role.edgekit_scan.id\n"
        f"  policy = jsonencode({hcl_value(permissions(spec), 1)})\n"
        "}\n\n"
        'output "edgekit_scan_role_arn" {\n'
        "  value = aws_iam_role.edgekit_scan.arn\n"
        "}\n"
    )
