"""EC2 collector (regional): the security groups in front of collected load balancers.

Runs after ``elbv2`` and ``elb``; a region with no collected load balancer security group is
skipped (no payload). Payload ``data`` (absent key = not collected):

* ``security_groups``: DescribeSecurityGroups ``SecurityGroups`` items for every group attached
  to a collected ALB/NLB or Classic ELB of the region (``IpPermissions`` /
  ``IpPermissionsEgress`` with ``IpRanges``, ``Ipv6Ranges``, ``PrefixListIds`` and
  ``UserIdGroupPairs`` as returned). Groups deleted since the load balancers were read are
  simply not in the list.
* ``managed_prefix_lists``: DescribeManagedPrefixLists ``PrefixLists`` items named
  ``com.amazonaws.global.cloudfront.origin-facing`` (normally one per region: its
  ``PrefixListId`` is what an origin-locked security group references)

Calls: one DescribeSecurityGroups per 100 groups (a ``group-id`` filter, so a vanished group does
not fail the batch) plus one DescribeManagedPrefixLists per region.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from edgekit.collect import refs
from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeManagedPrefixLists",
)

CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing"
"""The AWS-managed prefix list of CloudFront's origin-facing addresses (IPv4)."""
CLOUDFRONT_PREFIX_LIST_IPV6 = "com.amazonaws.global.ipv6.cloudfront.origin-facing"
"""Its IPv6 counterpart (origins reached over IPv6, e.g. dual-stack ALBs)."""

GROUP_BATCH = 100
"""Group ids per DescribeSecurityGroups filter (AWS allows up to 200 filter values)."""


def select_inputs(prior: Sequence[dict[str, Any]], account_id: str, region: str) -> Any:
    """The security group ids of this account/region's load balancers; None skips the unit."""
    groups = refs.load_balancer_security_groups(prior, account_id, region)
    return tuple(groups) if groups else None


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the security groups named in ``ctx.inputs`` and the CloudFront prefix list id."""
    ec2 = ctx.client("ec2")
    data: dict[str, Any] = {}
    group_ids: list[str] = list(ctx.inputs or ())
    groups: list[Any] = []
    for start in range(0, len(group_ids), GROUP_BATCH):
        batch = group_ids[start : start + GROUP_BATCH]
        got = ctx.paginate(
            ec2,
            "describe_security_groups",
            "SecurityGroups",
            Filters=[{"Name": "group-id", "Values": batch}],
        )
        if isinstance(got, Outcome):
            break
        groups.extend(got)
    else:
        data["security_groups"] = sorted(groups, key=lambda g: str(g.get("GroupId")))
    lists = ctx.paginate(
        ec2,
        "describe_managed_prefix_lists",
        "PrefixLists",
        Filters=[
            {
                "Name": "prefix-list-name",
                "Values": [CLOUDFRONT_PREFIX_LIST, CLOUDFRONT_PREFIX_LIST_IPV6],
            }
        ],
    )
    if not isinstance(lists, Outcome):
        data["managed_prefix_lists"] = lists
    return data


SPEC = CollectorSpec(
    id="ec2",
    service="ec2",
    scope="regional",
    actions=ACTIONS,
    collect=collect,
    description="Security groups of collected load balancers; CloudFront origin-facing prefix list",
    depends_on=("elbv2", "elb"),
    select_inputs=select_inputs,
)
