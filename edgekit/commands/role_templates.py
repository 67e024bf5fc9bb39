"""``edgekit iam-policy``: the read-only policy, or a deployable role around it."""

from __future__ import annotations

import argparse
import json

from edgekit.errors import InputError

FORMATS = ("json", "cloudformation", "stackset", "terraform")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit iam-policy``."""
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: the identity policy (default); cloudformation / stackset / terraform: a role",
    )
    p.add_argument(
        "--principal",
        help="who may assume the role: an account id (e.g. the organisation's management "
        "account) or an IAM role/user ARN; required for the role formats",
    )
    p.add_argument("--role-name", default="EdgekitReadOnly", help="default EdgekitReadOnly")
    p.add_argument("--external-id", help="require this sts:ExternalId to assume the role")
    p.add_argument("--partition", default="aws", choices=("aws", "aws-cn", "aws-us-gov"))


def run(args: argparse.Namespace) -> int:
    """Print the policy or the template."""
    from edgekit.aws import iam_templates as t
    from edgekit.aws.iam import policy_document
    from edgekit.collect.registry import declared_actions

    actions = declared_actions()
    if args.format == "json":
        print(json.dumps(policy_document(actions), indent=2))
        return 0
    if not args.principal:
        raise InputError(f"--format {args.format} needs --principal ACCOUNT_ID|ARN")
    try:
        spec = t.RoleSpec(args.role_name, args.principal, actions, args.external_id, args.partition)
        if args.format == "terraform":
            text = t.terraform(spec)
        else:
            template = t.cloudformation(spec, stackset=args.format == "stackset")
            text = json.dumps(template, indent=2) + "\n"
    except ValueError as err:
        raise InputError(str(err)) from None
    print(text, end="")
    return 0
