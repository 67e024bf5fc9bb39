"""redundancy.* about load balancers: an ALB for one Lambda, a public ALB behind CloudFront,
a load balancer that only redirects, an NLB in front of an ALB."""

from __future__ import annotations

from typing import Any

from edgekit.graph import nodes as gn
from edgekit.model import NOT_COLLECTED, LoadBalancer, TargetGroup, final_action
from edgekit.rules.analysis.lb_lockdown import lockdown_for
from edgekit.rules.checks.redundancy_paths import (
    authenticates,
    downstream,
    forwards,
    front_unknown,
    fronting,
    host_values,
    lb_node,
    listener_actions,
    only_cloudfront,
    origin_path,
)
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

VPCE_PRE_CHECK = (
    "vpc_endpoint_service: not collected by edgekit (ec2:DescribeVpcEndpointServiceConfigurations"
    " is not read) — confirm no VPC endpoint service (PrivateLink) is backed by this NLB"
)


def _front_path(ctx: CheckContext, lb: LoadBalancer) -> list[str]:
    front = fronting(ctx, lb_node(lb))
    dist, origin = front.pairs[0]
    head = origin_path(ctx, dist, origin)
    return head + downstream(ctx, head[-1])[1:]


def _target_groups(
    ctx: CheckContext, arns: list[str]
) -> tuple[list[TargetGroup], list[str]] | None:
    """The target groups (sorted by ARN) and those that do not exist; None: some not collected."""
    groups: list[TargetGroup] = []
    missing: list[str] = []
    for arn in sorted(set(arns)):
        tg = ctx.model.elbv2.target_group(arn)
        if tg is NOT_COLLECTED:
            return None
        if tg is None:
            missing.append(arn)
        else:
            groups.append(tg)
    return groups, missing


@check(
    "redundancy.alb_single_lambda",
    title="ALB behind CloudFront only forwards to one Lambda function",
    severity="medium",
    category="cost",
    applies_to="load_balancer",
    remediation=(
        "Give the function a function URL, make it a CloudFront origin with origin access "
        "control (AuthType AWS_IAM), and delete the ALB."
    ),
)
def alb_single_lambda(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB that enabled distributions use as origin and whose every forward (every listener,
    every rule, default actions) goes to one target group of type ``lambda``: CloudFront can
    invoke the function URL directly (origin access control signs the requests), so the ALB
    hour and LCUs buy nothing. Guards (no finding): the ALB authenticates (OIDC / Cognito —
    a function URL cannot), routes by host to several services, or serves other clients too
    (Route 53 names, accelerators, APIs). Unknown when listeners, rules or the target group
    were not collected, or when other clients cannot be ruled out (records or accelerators not
    collected). Evidence: the path from the distribution to the function."""
    if lb.type != "application":
        return None
    node = lb_node(lb)
    front = fronting(ctx, node)
    found = forwards(lb)
    if found is NOT_COLLECTED:
        return Unknown("listeners or rules were not collected", {}) if front.pairs else None
    arns = sorted({arn for _, arn in found})
    if len(arns) != 1:
        return None
    tgs = _target_groups(ctx, arns)
    if tgs is None:
        return Unknown("the forwarded target group was not collected", {"target_group": arns[0]})
    if not tgs[0] or tgs[0][0].target_type != "lambda":
        return None
    if not front.pairs:
        return None if front.decided else front_unknown(ctx)
    if authenticates(lb) or len(host_values(lb)) > 1:
        return None
    alone = only_cloudfront(ctx, [node], lb.arn)
    if alone is False:
        return None
    tg = tgs[0][0]
    evidence: dict[str, Any] = {
        "path": _front_path(ctx, lb),
        "distributions": front.distribution_ids,
        "target_group": tg.arn,
        "functions": sorted(t.target_id for t in tg.targets)
        if tg.targets is not NOT_COLLECTED
        else "not collected",
    }
    if alone is None:
        return Unknown(
            "only a Lambda behind it, but other clients cannot be ruled out (Route 53 records "
            "or accelerators not collected)",
            evidence,
        )
    return Fail(f"ALB {lb.name} only forwards to Lambda target group {tg.name}", evidence)


@check(
    "redundancy.public_alb_behind_cdn",
    title="Internet-facing ALB used only through CloudFront",
    severity="medium",
    category="security",
    applies_to="load_balancer",
    remediation=(
        "Re-create the ALB as internal in private subnets, reach it through a CloudFront VPC "
        "origin, and drop the origin-lock machinery (prefix-list rules, secret header)."
    ),
)
def public_alb_behind_cdn(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An internet-facing ALB that enabled distributions reach by its public DNS name and that
    forwards to instance or IP targets. A CloudFront VPC origin reaches an internal ALB in
    private subnets: no public addresses (each public IPv4 is billed), nothing to lock down
    (prefix list, secret header, WAF at the ALB). Guards (no finding): anything but CloudFront
    uses the ALB (Route 53 names, accelerators, APIs), or it is already a VPC origin. Unknown
    when listeners, rules or target groups were not collected, or other clients cannot be ruled
    out. Evidence: the path and the current lock-down facets (what can be removed)."""
    if lb.type != "application" or not lb.internet_facing:
        return None
    node = lb_node(lb)
    front = fronting(ctx, node)
    if not front.pairs:
        return None
    if any(o.vpc_origin_config is not None for _, o in front.pairs):
        return None
    found = forwards(lb)
    if found is NOT_COLLECTED:
        return Unknown("listeners or rules were not collected", {})
    tgs = _target_groups(ctx, [arn for _, arn in found])
    if tgs is None:
        return Unknown("target groups were not collected", {})
    kinds = sorted({tg.target_type for tg in tgs[0]})
    if not {"instance", "ip"} & set(kinds):
        return None
    alone = only_cloudfront(ctx, [node], lb.arn)
    if alone is False:
        return None
    lock = lockdown_for(ctx, lb, [o for _, o in front.pairs])
    evidence = {
        "path": _front_path(ctx, lb),
        "distributions": front.distribution_ids,
        "target_types": kinds,
        **lock.evidence(),
    }
    if alone is None:
        return Unknown(
            "used through CloudFront; other clients cannot be ruled out (Route 53 records or "
            "accelerators not collected)",
            evidence,
        )
    return Fail(f"internet-facing ALB {lb.name} is only used through CloudFront", evidence)


@check(
    "redundancy.redirect_only_lb",
    title="Load balancer that only redirects or returns fixed responses",
    severity="medium",
    category="cost",
    applies_to="load_balancer",
    remediation=(
        "Serve the redirects from CloudFront (a CloudFront Function or an S3 redirect bucket) "
        "and delete the load balancer."
    ),
)
def redirect_only_lb(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """A load balancer with listeners, none of whose rules or default actions forwards: every
    path ends in a redirect or a fixed response. It pays an hour rate to answer with constant
    responses a CloudFront Function can give at the edge. Unknown when listeners or rules were
    not collected (unless a default action already forwards). Evidence: the listeners'
    actions and the path from the entry to the load balancer."""
    if lb.listeners is NOT_COLLECTED:
        return Unknown("listeners were not collected", {})
    if not lb.listeners:
        return None
    actions: list[str] = []
    for li in sorted(lb.listeners, key=lambda x: (x.port or 0, x.arn)):
        found = listener_actions(li)
        if found is NOT_COLLECTED:
            last = final_action(li.default_actions)
            if last is not None and last.type == "forward":
                return None
            return Unknown(f"rules of {li.protocol}:{li.port} were not collected", {})
        for where, kind, _ in found:
            if kind not in ("redirect", "fixed-response"):
                return None
            actions.append(f"{where}: {kind}")
    node = lb_node(lb)
    return Fail(
        f"every listener of {lb.name} only redirects or returns fixed responses",
        {"path": _entry_path(ctx, node), "actions": actions},
    )


def _entry_path(ctx: CheckContext, node: str) -> list[str]:
    """A name that reaches ``node`` (first predecessor chain) followed by its first path."""
    graph = ctx.estate.graph
    head = [node]
    while True:
        preds = sorted(u for u in graph.predecessors(head[0]) if u not in head)
        preds = [u for u in preds if graph[u][head[0]]["kind"] in gn.TRAFFIC_EDGES]
        if not preds:
            break
        head.insert(0, preds[0])
    return head[:-1] + downstream(ctx, node)


@check(
    "redundancy.nlb_to_alb",
    title="NLB in front of an ALB",
    severity="medium",
    category="cost",
    applies_to="load_balancer",
    remediation=(
        "Point clients at the ALB directly; where static IPs are needed, put Global "
        "Accelerator in front of the ALB instead of the NLB."
    ),
)
def nlb_to_alb(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An NLB whose every forward goes to ``alb``-type target groups: two load balancers on one
    path. Guards (no finding): the NLB also forwards to other targets, or it is the target of
    an API Gateway REST VPC link (those require an NLB). Unknown when listeners, target groups
    or the region's VPC links were not collected. VPC endpoint services are never collected,
    so a finding always carries the pre-check "no PrivateLink endpoint service uses this NLB"
    (``pre_checks``). Evidence: the path NLB → ALB → backend, and the NLB's static
    addresses (clients may pin them)."""
    if lb.type != "network":
        return None
    found = forwards(lb)
    if found is NOT_COLLECTED:
        return Unknown("listeners were not collected", {})
    tgs = _target_groups(ctx, [arn for _, arn in found])
    if tgs is None:
        return Unknown("target groups were not collected", {})
    groups = tgs[0]
    if not groups or tgs[1] or any(tg.target_type != "alb" for tg in groups):
        return None
    if not ctx.model.known("vpc_links", lb.account_id, lb.region):
        return Unknown("API Gateway VPC links of the region were not collected", {})
    links = [v.id for v in ctx.model.vpc_links if lb.arn in v.target_arns]
    if links:
        return None
    albs = sorted(
        {t.target_id for tg in groups if tg.targets is not NOT_COLLECTED for t in tg.targets}
    )
    return Fail(
        f"NLB {lb.name} only forwards to ALB target groups (VPC endpoint services not "
        "collected: pre-check)",
        {
            "path": _entry_path(ctx, lb_node(lb)),
            "albs": albs,
            "static_addresses": sorted(a for z in lb.availability_zones for a in z.addresses),
            "pre_checks": [VPCE_PRE_CHECK],
        },
    )
