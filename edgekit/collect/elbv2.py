"""ELBv2 collector (regional): load balancers (ALB, NLB, GWLB), listeners, rules, target groups.

Payload ``data`` (absent key = not collected; every value is raw API data, never interpreted):

* ``load_balancers``: ``[{"LoadBalancer": DescribeLoadBalancers item, "Attributes": [Attribute],
  "Tags": [Tag], "Listeners": [{"Listener": DescribeListeners item, "Rules": [Rule],
  "Certificates": [Certificate]}]}]``. ``Certificates`` come from DescribeListenerCertificates
  (default and extra certificates) for HTTPS/TLS listeners and are ``[]`` for other protocols.
* ``target_groups``: ``[{"TargetGroup": DescribeTargetGroups item, "Attributes": [Attribute],
  "TargetHealthDescriptions": [TargetHealthDescription]}]``, every target group of the region
  (attached or not)
* ``ssl_policies``: DescribeSSLPolicies items for every distinct ``SslPolicy`` a listener names
  (one call per region)

Resources that vanish between listing and reading are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from botocore.exceptions import ClientError

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeLoadBalancerAttributes",
    "elasticloadbalancing:DescribeTags",
    "elasticloadbalancing:DescribeListeners",
    "elasticloadbalancing:DescribeRules",
    "elasticloadbalancing:DescribeListenerCertificates",
    "elasticloadbalancing:DescribeTargetGroups",
    "elasticloadbalancing:DescribeTargetGroupAttributes",
    "elasticloadbalancing:DescribeTargetHealth",
    "elasticloadbalancing:DescribeSSLPolicies",
)

TLS_PROTOCOLS = frozenset({"HTTPS", "TLS"})
"""Listener protocols that carry certificates."""

TAG_BATCH = 20
"""DescribeTags accepts at most 20 ARNs per call."""

PAGE = {"PageSize": 400}
"""The largest page ELBv2 describe calls allow (fewest calls)."""

LB_GONE = ("LoadBalancerNotFound",)
LISTENER_GONE = ("ListenerNotFound",)
TG_GONE = ("TargetGroupNotFound",)


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect the load balancers, target groups and SSL policies of one region."""
    elb = ctx.client("elbv2")
    data: dict[str, Any] = {}
    lbs = ctx.paginate(elb, "describe_load_balancers", "LoadBalancers", PaginationConfig=PAGE)
    if not isinstance(lbs, Outcome):
        data["load_balancers"] = _load_balancers(ctx, elb, lbs)
        policies = ssl_policies(ctx, elb, _policy_names(data["load_balancers"]))
        if policies is not None:
            data["ssl_policies"] = policies
    tgs = ctx.paginate(elb, "describe_target_groups", "TargetGroups", PaginationConfig=PAGE)
    if not isinstance(tgs, Outcome):
        data["target_groups"] = [e for tg in tgs if (e := _target_group(ctx, elb, tg)) is not None]
    return data


def _load_balancers(ctx: UnitContext, elb: Any, lbs: list[dict[str, Any]]) -> list[Any]:
    tags = _tags(ctx, elb, [lb["LoadBalancerArn"] for lb in lbs])
    out: list[dict[str, Any]] = []
    for lb in lbs:
        arn = lb["LoadBalancerArn"]
        entry: dict[str, Any] = {"LoadBalancer": lb}
        attrs = ctx.call(
            elb, "describe_load_balancer_attributes", not_found=LB_GONE, LoadBalancerArn=arn
        )
        if attrs is Outcome.NOT_FOUND:
            continue
        if not isinstance(attrs, Outcome):
            entry["Attributes"] = attrs.get("Attributes") or []
        if arn in tags:
            entry["Tags"] = tags[arn]
        listeners = ctx.paginate(
            elb,
            "describe_listeners",
            "Listeners",
            not_found=LB_GONE,
            LoadBalancerArn=arn,
            PaginationConfig=PAGE,
        )
        if listeners is Outcome.NOT_FOUND:
            continue
        if not isinstance(listeners, Outcome):
            entry["Listeners"] = [
                e for li in listeners if (e := _listener(ctx, elb, li)) is not None
            ]
        out.append(entry)
    return out


def _tags(ctx: UnitContext, elb: Any, arns: list[str]) -> dict[str, list[Any]]:
    """ARN → tags, in batches of 20; ARNs of denied (or vanished) batches are left out."""
    out: dict[str, list[Any]] = {}
    for start in range(0, len(arns), TAG_BATCH):
        got = ctx.call(
            elb, "describe_tags", not_found=LB_GONE, ResourceArns=arns[start : start + TAG_BATCH]
        )
        if isinstance(got, Outcome):
            continue
        for desc in got.get("TagDescriptions") or []:
            out[desc["ResourceArn"]] = desc.get("Tags") or []
    return out


def _listener(ctx: UnitContext, elb: Any, listener: dict[str, Any]) -> dict[str, Any] | None:
    arn = listener["ListenerArn"]
    entry: dict[str, Any] = {"Listener": listener}
    rules = ctx.paginate(
        elb,
        "describe_rules",
        "Rules",
        not_found=LISTENER_GONE,
        ListenerArn=arn,
        PaginationConfig=PAGE,
    )
    if rules is Outcome.NOT_FOUND:
        return None
    if not isinstance(rules, Outcome):
        entry["Rules"] = rules
    if listener.get("Protocol") not in TLS_PROTOCOLS:
        entry["Certificates"] = []
        return entry
    certs = ctx.paginate(
        elb,
        "describe_listener_certificates",
        "Certificates",
        not_found=LISTENER_GONE,
        ListenerArn=arn,
        PaginationConfig=PAGE,
    )
    if certs is Outcome.NOT_FOUND:
        return None
    if not isinstance(certs, Outcome):
        entry["Certificates"] = certs
    return entry


def _target_group(ctx: UnitContext, elb: Any, tg: dict[str, Any]) -> dict[str, Any] | None:
    arn = tg["TargetGroupArn"]
    entry: dict[str, Any] = {"TargetGroup": tg}
    attrs = ctx.call(elb, "describe_target_group_attributes", not_found=TG_GONE, TargetGroupArn=arn)
    if attrs is Outcome.NOT_FOUND:
        return None
    if not isinstance(attrs, Outcome):
        entry["Attributes"] = attrs.get("Attributes") or []
    health = ctx.call(elb, "describe_target_health", not_found=TG_GONE, TargetGroupArn=arn)
    if health is Outcome.NOT_FOUND:
        return None
    if not isinstance(health, Outcome):
        entry["TargetHealthDescriptions"] = health.get("TargetHealthDescriptions") or []
    return entry


def _policy_names(load_balancers: Iterable[dict[str, Any]]) -> list[str]:
    """Distinct SslPolicy names of every collected listener (as returned, any protocol)."""
    names = {
        li["Listener"]["SslPolicy"]
        for lb in load_balancers
        for li in lb.get("Listeners") or []
        if li["Listener"].get("SslPolicy")
    }
    return sorted(names)


def ssl_policies(ctx: UnitContext, elb: Any, names: list[str]) -> list[Any] | None:
    """The named SSL policies in one DescribeSSLPolicies call; [] without names, None if denied.

    Should a name be unknown to the endpoint (SSLPolicyNotFound fails the whole call), every
    policy is listed instead and the named ones kept.
    """
    if not names:
        return []
    try:
        got = ctx.paginate(elb, "describe_ssl_policies", "SslPolicies", Names=names)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "SSLPolicyNotFound":
            raise
        got = ctx.paginate(elb, "describe_ssl_policies", "SslPolicies", PaginationConfig=PAGE)
        if not isinstance(got, Outcome):
            got = [p for p in got if p.get("Name") in names]
    return None if isinstance(got, Outcome) else got


SPEC = CollectorSpec(
    id="elbv2",
    service="elbv2",
    scope="regional",
    actions=ACTIONS,
    collect=collect,
    description="ALB/NLB/GWLB load balancers, listeners, rules, certificates, target groups",
)
