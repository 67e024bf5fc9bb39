"""Northwind's AWS accounts, regions and domains, and how the seed reaches each account.

The caller (moto's default account 123456789012, Northwind's organisation management account)
assumes ``OrganizationAccountAccessRole`` in each member account, the role AWS Organizations
creates there; moto maps the assumed-role credentials to the role's account, so everything
created with them lands in that account. In each member account the seed then creates (for a
faithful IAM picture) that role and ``EdgekitReadOnly``, the role ``edgekit collect
--role-name EdgekitReadOnly`` assumes, with exactly the permissions ``edgekit iam-policy``
prints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from edgekit.sandbox.clients import SandboxClients

MANAGEMENT_ACCOUNT = "123456789012"
"""moto's default account: where the fake base credentials live."""
EDGE = "111111111111"
"""nw-shared-edge: CloudFront, CLOUDFRONT-scope WAF, Route 53, Shield Advanced."""
PAYMENTS = "222222222222"
"""nw-payments: the payment platform (eu-west-1) and its own edge and zone."""
WEB = "333333333333"
"""nw-web: web shop, marketing sites, content buckets, Lambda functions."""
ACCOUNTS: dict[str, str] = {EDGE: "nw-shared-edge", PAYMENTS: "nw-payments", WEB: "nw-web"}
"""Member account id → account name."""

US = "us-east-1"
EU = "eu-west-1"
REGIONS = (US, EU)
GA_REGION = "us-west-2"
"""The only region serving the Global Accelerator API."""

ZONE = "northwind.example"
LEGACY_ZONE = "northwind-legacy.example"
PAY_ZONE = "nwpay.example"
CAMPAIGN_BUCKET = f"campaign2019.{LEGACY_ZONE}"
"""A bucket that no longer exists: origin of a disabled distribution, target of a CNAME."""

ACCESS_ROLE = "OrganizationAccountAccessRole"
READ_ONLY_ROLE = "EdgekitReadOnly"
LAMBDA_ROLE = "nw-lambda-exec"
ORIGIN_SECRET_HEADER = "X-Origin-Verify"
"""The header CloudFront sends and locked ALBs require (values per service, below)."""


def secret(service: str) -> str:
    """The (fake, fixed) origin-verify secret of a service."""
    return f"nw-{service}-origin-verify-2f9c1e"


@dataclass
class Account:
    """One member account: guarded clients acting in it, and its role ARNs."""

    account_id: str
    name: str
    clients: SandboxClients
    lambda_role_arn: str = ""
    _cache: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)

    def client(self, service: str, region: str = US) -> Any:
        """A guarded boto3 client in this account (one per service and region)."""
        key = (service, region)
        if key not in self._cache:
            self._cache[key] = self.clients.client(service, region)
        return self._cache[key]

    def arn(self, service: str, region: str, resource: str) -> str:
        """An ARN of this account."""
        return f"arn:aws:{service}:{region}:{self.account_id}:{resource}"


@dataclass
class Accounts:
    """The three member accounts, by role."""

    edge: Account
    payments: Account
    web: Account
    all: list[Account] = field(default_factory=list)


ADMIN = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
)
"""What Organizations grants ``OrganizationAccountAccessRole`` (AdministratorAccess)."""


def _trust(principal: dict[str, str]) -> str:
    statement = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


READ_ONLY_SERVICES = (
    "acm", "apigateway", "cloudfront", "ec2", "elasticloadbalancing", "globalaccelerator",
    "lambda", "logs", "route53", "s3", "shield", "sts", "waf", "waf-regional", "wafv2",
)  # fmt: skip


def read_only_policy() -> str:
    """The ``EdgekitReadOnly`` permissions: read-only access to the services edgekit reads.

    (``edgekit iam-policy`` prints the exact least-privilege list; moto does not enforce IAM,
    so the sandbox keeps the broader, stable form.)
    """
    actions = [f"{s}:{verb}*" for s in READ_ONLY_SERVICES for verb in ("Describe", "Get", "List")]
    statement = {"Effect": "Allow", "Action": actions, "Resource": "*"}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


def open_accounts(base: SandboxClients) -> Accounts:
    """Assume into each member account and create its IAM roles."""
    opened: list[Account] = []
    policy = read_only_policy()
    management = {"AWS": f"arn:aws:iam::{MANAGEMENT_ACCOUNT}:root"}
    for account_id, name in ACCOUNTS.items():
        clients = base.assume_role(f"arn:aws:iam::{account_id}:role/{ACCESS_ROLE}", "nw-seed")
        iam = clients.client("iam", US)
        iam.create_role(RoleName=ACCESS_ROLE, AssumeRolePolicyDocument=_trust(management))
        iam.put_role_policy(RoleName=ACCESS_ROLE, PolicyName="admin", PolicyDocument=ADMIN)
        iam.create_role(
            RoleName=READ_ONLY_ROLE,
            AssumeRolePolicyDocument=_trust(management),
            Description="edgekit collection (read-only)",
        )
        iam.put_role_policy(RoleName=READ_ONLY_ROLE, PolicyName="edgekit", PolicyDocument=policy)
        role = iam.create_role(
            RoleName=LAMBDA_ROLE,
            AssumeRolePolicyDocument=_trust({"Service": "lambda.amazonaws.com"}),
        )["Role"]["Arn"]
        opened.append(Account(account_id, name, clients, lambda_role_arn=str(role)))
    edge, payments, web = opened
    return Accounts(edge=edge, payments=payments, web=web, all=opened)
