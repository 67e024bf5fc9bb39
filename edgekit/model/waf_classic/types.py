"""WAF Classic (inventory only): ClassicWebACL from the ``waf`` (global) and ``waf-regional``
collectors.

Two collectors, two inventory kinds: ``classic_web_acls`` (global: attached by distributions'
``WebACLId``) and ``classic_regional_web_acls`` (``ResourceArns`` = ALBs and API stages).
When GetWebACL was denied the item is a ListWebACLs summary: ``from_summary`` is set and the
default action and rules are NOT_COLLECTED.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit.model.common import EMPTY_MAP, GLOBAL, NOT_COLLECTED, Collected
from edgekit.model.elb.types import partition_of


@dataclass(frozen=True, slots=True)
class ClassicActivatedRule:
    """A rule of a classic web ACL (ActivatedRule)."""

    rule_id: str
    priority: int
    type: str | None = None
    """``REGULAR`` | ``RATE_BASED`` | ``GROUP``."""
    action: str | None = None
    """``BLOCK`` | ``ALLOW`` | ``COUNT`` (rules)."""
    override_action: str | None = None
    """``NONE`` | ``COUNT`` (rule groups)."""
    excluded_rule_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClassicWebACL:
    """A WAF Classic web ACL (global for CloudFront, or regional for ALB / API Gateway).

    ``resource_arns`` (regional only) is NOT_COLLECTED when ListResourcesForWebACL was denied;
    global ACLs' associations are the distributions naming the ACL (see the lookups).
    """

    account_id: str
    region: str
    id: str
    name: str
    scope: str
    """``global`` (``waf``) | ``regional`` (``waf-regional``)."""
    arn: str
    default_action: Collected[str]
    rules: Collected[tuple[ClassicActivatedRule, ...]]
    resource_arns: Collected[tuple[str, ...]]
    metric_name: str | None = None
    from_summary: bool = False
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def rule_count(self) -> Collected[int]:
        """Number of rules."""
        return NOT_COLLECTED if self.rules is NOT_COLLECTED else len(self.rules)


def classic_acl_arn(acl_id: str, account_id: str, region: str) -> str:
    """The ARN of a classic web ACL (``arn:aws:waf::<acct>:webacl/<id>`` when global)."""
    if region == GLOBAL:
        return f"arn:aws:waf::{account_id}:webacl/{acl_id}"
    return f"arn:{partition_of(region)}:waf-regional:{region}:{account_id}:webacl/{acl_id}"
