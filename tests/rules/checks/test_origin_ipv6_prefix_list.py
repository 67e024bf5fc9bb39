"""The IPv6 CloudFront origin-facing prefix list locks a dual-stack ALB like the IPv4 one."""

from __future__ import annotations

from edgekit.rules.finding import Status
from edgekit.snapshot import Snapshot
from tests.model import factories as f
from tests.rules.checks import origin_snapshots as o
from tests.rules.checks.helpers import fails, run_check

IPV6_PL = "pl-0cf6ffacing"
IPV6_NAME = "com.amazonaws.global.ipv6.cloudfront.origin-facing"


def _dual_stack_estate(*perms: dict[str, object]) -> Snapshot:
    dual = o.balancer()
    dual["IpAddressType"] = "dualstack"
    lists = [f.prefix_list(), f.prefix_list(IPV6_PL, IPV6_NAME)]
    return o.alb_estate(o.open_listener, perms=list(perms), b=dual, prefix_lists=lists)


def test_ipv6_origin_facing_list_is_cloudfront_only() -> None:
    snap = _dual_stack_estate(
        f.permission(443, prefix_lists=[o.CF_PL]), f.permission(443, prefix_lists=[IPV6_PL])
    )
    assert fails("origin.alb_bypass", snap) == []
    # only the CloudFront lists admit traffic: the ALB is prefix-list-locked, header missing
    assert len(fails("origin.prefix_list_only", snap)) == 1
    unknown = [r for r in run_check("origin.prefix_list_only", snap) if r.status is Status.UNKNOWN]
    assert unknown == []


def test_an_unknown_customer_prefix_list_stays_undecided() -> None:
    snap = _dual_stack_estate(
        f.permission(443, prefix_lists=[o.CF_PL]), f.permission(443, prefix_lists=["pl-0customer"])
    )
    assert fails("origin.prefix_list_only", snap) == []
