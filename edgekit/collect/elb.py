"""Classic Load Balancer collector (regional): load balancers, listeners, policies, attributes.

Payload ``data`` (absent key = not collected; values are raw API data):

* ``load_balancers``: ``[{"LoadBalancerDescription": DescribeLoadBalancers item (listeners,
  policies in use, security groups, scheme ...), "LoadBalancerAttributes":
  DescribeLoadBalancerAttributes.LoadBalancerAttributes (access log, connection draining,
  cross-zone ...), "PolicyDescriptions": [PolicyDescription] (DescribeLoadBalancerPolicies of
  the load balancer: its SSL negotiation policies with every ``Protocol-*`` / cipher attribute),
  "Tags": [Tag]}]``
* ``reference_policies``: DescribeLoadBalancerPolicies ``PolicyDescriptions`` of the predefined
  policies named by a ``Reference-Security-Policy`` attribute (e.g.
  ``ELBSecurityPolicy-2016-08``), so their TLS protocols are readable; names the endpoint does
  not know are left out

Calls: 1 DescribeLoadBalancers page per 400 load balancers, 2 per load balancer (attributes,
policies), 1 DescribeTags per 20 load balancers, and 1 for the referenced predefined policies.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeLoadBalancerAttributes",
    "elasticloadbalancing:DescribeLoadBalancerPolicies",
    "elasticloadbalancing:DescribeTags",
)

TAG_BATCH = 20
"""DescribeTags accepts at most 20 load balancer names per call."""

LB_GONE = ("LoadBalancerNotFound",)
POLICY_GONE = ("PolicyNotFound", "LoadBalancerNotFound")
"""Codes meaning a named policy is unknown (moto answers LoadBalancerNotFound instead)."""

REFERENCE_ATTRIBUTE = "Reference-Security-Policy"


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the Classic Load Balancers of one region."""
    elb = ctx.client("elb")
    data: dict[str, Any] = {}
    descs = ctx.paginate(
        elb,
        "describe_load_balancers",
        "LoadBalancerDescriptions",
        PaginationConfig={"PageSize": 400},
    )
    if isinstance(descs, Outcome):
        return data
    tags = _tags(ctx, elb, [d["LoadBalancerName"] for d in descs])
    entries = [e for d in descs if (e := _load_balancer(ctx, elb, d, tags)) is not None]
    data["load_balancers"] = entries
    refs = reference_policies(ctx, elb, _referenced(entries))
    if refs is not None:
        data["reference_policies"] = refs
    return data


def _load_balancer(
    ctx: UnitContext, elb: Any, desc: dict[str, Any], tags: dict[str, list[Any]]
) -> dict[str, Any] | None:
    name = desc["LoadBalancerName"]
    entry: dict[str, Any] = {"LoadBalancerDescription": desc}
    attrs = ctx.call(
        elb, "describe_load_balancer_attributes", not_found=LB_GONE, LoadBalancerName=name
    )
    if attrs is Outcome.NOT_FOUND:
        return None
    if not isinstance(attrs, Outcome):
        entry["LoadBalancerAttributes"] = attrs.get("LoadBalancerAttributes") or {}
    policies = ctx.call(
        elb, "describe_load_balancer_policies", not_found=LB_GONE, LoadBalancerName=name
    )
    if policies is Outcome.NOT_FOUND:
        return None
    if not isinstance(policies, Outcome):
        entry["PolicyDescriptions"] = policies.get("PolicyDescriptions") or []
    if name in tags:
        entry["Tags"] = tags[name]
    return entry


def _tags(ctx: UnitContext, elb: Any, names: list[str]) -> dict[str, list[Any]]:
    """Name → tags, in batches of 20; names of denied (or vanished) batches are left out."""
    out: dict[str, list[Any]] = {}
    for start in range(0, len(names), TAG_BATCH):
        got = ctx.call(
            elb,
            "describe_tags",
            not_found=LB_GONE,
            LoadBalancerNames=names[start : start + TAG_BATCH],
        )
        if isinstance(got, Outcome):
            continue
        for desc in got.get("TagDescriptions") or []:
            out[desc["LoadBalancerName"]] = desc.get("Tags") or []
    return out


def _referenced(entries: Iterable[dict[str, Any]]) -> list[str]:
    names: set[str] = set()
    for entry in entries:
        for policy in entry.get("PolicyDescriptions") or []:
            for attr in policy.get("PolicyAttributeDescriptions") or []:
                if attr.get("AttributeName") == REFERENCE_ATTRIBUTE and attr.get("AttributeValue"):
                    names.add(str(attr["AttributeValue"]))
    return sorted(names)


def reference_policies(ctx: UnitContext, elb: Any, names: list[str]) -> list[Any] | None:
    """The predefined policies ``names`` in one call; [] without names, None when denied.

    An unknown name fails the whole call, so then each name is described on its own and the
    unknown ones are left out.
    """
    if not names:
        return []
    got = ctx.call(elb, "describe_load_balancer_policies", not_found=POLICY_GONE, PolicyNames=names)
    if got is Outcome.DENIED:
        return None
    if not isinstance(got, Outcome):
        return list(got.get("PolicyDescriptions") or [])
    found: list[Any] = []
    for name in names:
        one = ctx.call(
            elb, "describe_load_balancer_policies", not_found=POLICY_GONE, PolicyNames=[name]
        )
        if one is Outcome.DENIED:
            return None
        if not isinstance(one, Outcome):
            found.extend(one.get("PolicyDescriptions") or [])
    return found


SPEC = CollectorSpec(
    id="elb",
    service="elb",
    scope="regional",
    actions=ACTIONS,
    collect=collect,
    description="Classic Load Balancers: listeners, SSL policies + predefined, attributes",
)
