"""What the sample seed has created so far: names → ids, ARNs and DNS names.

The builders of :mod:`edgekit.sandbox.sample` run in a fixed order and record here what later
ones need (an ALB's DNS name for a Route 53 alias, a distribution's ARN for a bucket policy).
Names are the sample's own (``nw-shop``, ``www``); nothing depends on the ids moto generates
except through this record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from edgekit.sandbox.sample.accounts import Account, Accounts


@dataclass(frozen=True)
class Balancer:
    """A load balancer the seed created."""

    name: str
    account_id: str
    region: str
    arn: str
    dns_name: str
    zone_id: str
    kind: str
    """``application``, ``network`` or ``classic``."""
    listeners: dict[int, str] = field(default_factory=dict)
    """Port → listener ARN (ALB / NLB)."""


@dataclass(frozen=True)
class Distribution:
    """A CloudFront distribution the seed created."""

    name: str
    account_id: str
    id: str
    arn: str
    domain: str
    aliases: tuple[str, ...]
    enabled: bool


@dataclass
class Estate:
    """Everything created so far, by the sample's own names."""

    accounts: Accounts
    certificates: dict[str, str] = field(default_factory=dict)
    validation_records: dict[str, dict[str, str]] = field(default_factory=dict)
    """Zone → record name → value (CNAMEs of DNS-validated certificates)."""
    balancers: dict[str, Balancer] = field(default_factory=dict)
    distributions: dict[str, Distribution] = field(default_factory=dict)
    web_acls: dict[str, str] = field(default_factory=dict)
    classic_web_acl: str = ""
    policies: dict[str, str] = field(default_factory=dict)
    """Custom CloudFront policy name → id (per account names are unique in the sample)."""
    access: dict[str, str] = field(default_factory=dict)
    """OAC / OAI name → id."""
    functions: dict[str, str] = field(default_factory=dict)
    """Lambda or CloudFront function name → ARN."""
    function_urls: dict[str, str] = field(default_factory=dict)
    """Lambda function name → its URL's host name."""
    apis: dict[str, str] = field(default_factory=dict)
    """API name → the host name its origin or record uses."""
    api_domains: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Custom domain name → (regional target DNS name, hosted zone id)."""
    vpc_origins: dict[str, str] = field(default_factory=dict)
    accelerators: dict[str, str] = field(default_factory=dict)
    hosted_zones: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def account(self, account_id: str) -> Account:
        """The member account with this id."""
        return next(a for a in self.accounts.all if a.account_id == account_id)
