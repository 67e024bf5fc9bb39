"""Proposals for the load balancer patterns: ALB for one Lambda, public ALB behind CloudFront,
redirect-only load balancer, NLB in front of an ALB."""

from __future__ import annotations

from typing import Any

from edgekit.graph import nodes as gn
from edgekit.graph.nodes import NodeKind
from edgekit.model import NOT_COLLECTED, FunctionUrlConfig, LoadBalancer
from edgekit.plan import literals, records
from edgekit.plan.draft import (
    Draft,
    PlanContext,
    lb_lines,
    origin_on_path,
    pre_checks,
    public_ipv4s,
)
from edgekit.plan.inputs import ALB_SECURITY_GROUP_IDS, DISTRIBUTION, FN, PRIVATE_SUBNET_IDS, VPC
from edgekit.plan.model import Step
from edgekit.plan.paths import NEW, index_of, name_of, unused_after, with_entry
from edgekit.plan.prices import Line
from edgekit.plan.steps import plain, rollback, step
from edgekit.plan.usage import elb_dimension
from edgekit.rules.finding import Finding

LAMBDA_LIMITS = (
    "Payload limits change: an ALB passes at most 1 MB of request body and 1 MB of response "
    "JSON to Lambda; a function URL allows 6 MB (BUFFERED) or streams responses "
    "(RESPONSE_STREAM). The event format changes too (ALB event → payload format 2.0): the "
    "handler must read both during the switch."
)


def _lb_index(ctx: PlanContext, path: list[str], start: int = 0) -> int:
    return index_of(ctx.graph, path, NodeKind.LOAD_BALANCER, start)


def alb_single_lambda(f: Finding, ctx: PlanContext) -> Draft:
    """Function URL origin with OAC; the ALB goes."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    k = index_of(g, cur, NodeKind.ORIGIN)
    lb_at = _lb_index(ctx, cur)
    lb: LoadBalancer = ctx.ref(cur[lb_at])
    fn = cur[-1]
    fn_arn = fn.removeprefix("lambda:")
    config = ctx.model.lambda_.function_url_config(fn_arn)
    fn_name = fn_arn.split(":")[6] if fn_arn.count(":") >= 6 else name_of(g, fn)
    if isinstance(config, FunctionUrlConfig) and config.function_url:
        host = config.function_url.split("//")[-1].split(".")[0]
        url = gn.lambda_url_id(lb.region, host)
    else:
        url = gn.lambda_url_id(lb.region, f"{NEW}{fn_name}")
    proposed = [*cur[: k + 1], url, fn]
    removed = unused_after(g, [cur[lb_at]], proposed, cur[:lb_at])
    on = origin_on_path(ctx, cur)
    dist, origin_key, at = on.distribution, on.origin_id, on.index
    current_domain = on.domain_name or lb.dns_name
    values: dict[str, Any] = {
        "fn": fn_name,
        "dist": dist.id,
        "distribution_arn": dist.arn,
        "origin_id": origin_key,
        "origin_index": at,
        "lb": lb.name,
        "lb_arn": lb.arn,
        "tg": name_of(g, cur[index_of(g, cur, NodeKind.TARGET_GROUP)]),
    }
    return Draft(
        title=f"Replace ALB {lb.name} by {fn_name}'s function URL",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        region=lb.region,
        lines=[
            *lb_lines(ctx, lb),
            Line("function URL", 0.0, "no charge for function URLs; invocations are unchanged"),
        ],
        risks=[
            LAMBDA_LIMITS,
            "Origin access control for Lambda URLs needs AuthType AWS_IAM and a "
            "lambda:InvokeFunctionUrl permission for cloudfront.amazonaws.com; viewers sending "
            "PUT/POST bodies must add the x-amz-content-sha256 header.",
            "Source-IP logic in the function: it sees CloudFront's address; the viewer's is in "
            "CloudFront-Viewer-Address / X-Forwarded-For.",
            "ALB-only features go: sticky sessions, health checks, listener rules, and any web "
            "ACL on the ALB (move its rules to the distribution's web ACL).",
            "WebSocket: neither an ALB Lambda target nor a function URL supports it.",
        ],
        steps=[
            step(
                "alb_single_lambda",
                1,
                f"Create {fn_name}'s function URL (AWS_IAM) and let CloudFront invoke it",
                "Nothing changes for viewers yet.",
                inputs=(FN,),
                **values,
            ),
            step(
                "alb_single_lambda",
                2,
                f"Switch origin {origin_key} of {dist.id} to the function URL, with origin "
                "access control",
                "The behaviors using the origin follow it; the ALB stays until traffic moved.",
                inputs=(DISTRIBUTION,),
                **values,
            ),
            step(
                "alb_single_lambda",
                3,
                f"Delete {lb.name} (after traffic moved)",
                "Listeners, target group, ALB: once its RequestCount is 0.",
                kind="destructive",
                **values,
            ),
            rollback(
                f"Until {lb.name} is deleted: point origin {origin_key} back at "
                f"{current_domain}. After: re-create the ALB with a lambda target group for "
                f"{fn_name}."
            ),
        ],
    )


def public_alb_behind_cdn(f: Finding, ctx: PlanContext) -> Draft:
    """A VPC origin to the ALB, re-created internal."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    k = index_of(g, cur, NodeKind.ORIGIN)
    lb_at = _lb_index(ctx, cur)
    lb: LoadBalancer = ctx.ref(cur[lb_at])
    vpc = gn.vpc_origin_id(f"{NEW}{lb.name}")
    proposed = [*cur[: k + 1], vpc, *cur[lb_at:]]
    ips = public_ipv4s(lb)
    on = origin_on_path(ctx, cur)
    dist, origin_key, at = on.distribution, on.origin_id, on.index
    current_domain = on.domain_name or lb.dns_name
    values: dict[str, Any] = {
        "lb": lb.name,
        "lb_arn": lb.arn,
        "internal_name": f"{lb.name[:23]}-internal",
        "dist": dist.id,
        "origin_id": origin_key,
        "origin_index": at,
    }
    return Draft(
        title=f"Reach {lb.name} through a CloudFront VPC origin (internal ALB)",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=[],
        region=lb.region,
        lines=[
            ctx.prices.fixed(
                f"{ips} public IPv4 address(es)", "public_ipv4_hour", ips, region=lb.region
            )
        ],
        risks=[
            "An ALB's scheme cannot change: a new internal ALB is created in private subnets, "
            "with its own listeners and target groups registering the same targets.",
            "The internal ALB's security group must admit the VPC origin's service-managed "
            "security group; check VPC origin support for the account and region (a VPC origin "
            "in another account needs AWS RAM sharing).",
            "Anyone calling the public ALB name directly (not through Route 53) loses access: "
            "check the ALB's access logs for non-CloudFront clients first.",
            "Keep the secret-header rules and prefix-list ingress until the cut-over is done.",
        ],
        steps=[
            step(
                "public_alb_behind_cdn",
                1,
                f"Create an internal copy of {lb.name}",
                "Same listeners, rules and targets; private subnets.",
                inputs=(VPC, PRIVATE_SUBNET_IDS, ALB_SECURITY_GROUP_IDS),
                **values,
            ),
            step(
                "public_alb_behind_cdn",
                2,
                f"Create the VPC origin and switch origin {origin_key} of {dist.id} to it",
                "Watch 5xx and origin latency while the change deploys.",
                inputs=(DISTRIBUTION,),
                **values,
            ),
            step(
                "public_alb_behind_cdn",
                3,
                f"Delete the internet-facing {lb.name} (after traffic moved)",
                "And its origin-lock machinery, once its RequestCount is 0.",
                kind="destructive",
                **values,
            ),
            rollback(
                f"Until {lb.name} is deleted: point origin {origin_key} back at "
                f"{current_domain} (custom origin, HTTPS)."
            ),
        ],
    )


def redirect_only_lb(f: Finding, ctx: PlanContext) -> Draft:
    """Redirects at the edge: a CloudFront Function; the load balancer goes."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    lb_at = _lb_index(ctx, cur)
    lb: LoadBalancer = ctx.ref(cur[lb_at])
    behavior = index_of(g, cur[:lb_at], NodeKind.BEHAVIOR)
    if behavior >= 0:
        proposed = cur[: behavior + 1]
    else:
        proposed = [*cur[:lb_at], gn.distribution_id(f"{NEW}redirect-{lb.name}")]
    removed = unused_after(g, [cur[lb_at]], proposed, cur[:lb_at])
    dist = ctx.usage.monthly(
        "AWS/ApplicationELB", "RequestCount", LoadBalancer=elb_dimension(lb.arn)
    )
    target_host = _redirect_host(lb, g.nodes[cur[0]].get("name") or lb.dns_name or lb.name)
    values: dict[str, Any] = {
        "lb": lb.name,
        "lb_arn": lb.arn,
        "function_name": f"{literals.tf_name(lb.name)[:55]}-redirect",
        "code": redirect_function(target_host),
    }
    risks = [
        "Fixed responses (bodies, status codes) move into the function (function code ≤ 10 KB).",
        "The names need to be aliases of a distribution with an ACM certificate in us-east-1.",
    ]
    if lb_at == 0:
        risks.append(f"Clients use {lb.name}'s AWS-assigned name: they must move to the new name.")
    return Draft(
        title=f"Serve {lb.name}'s redirects from CloudFront",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        region=lb.region,
        lines=[
            *lb_lines(ctx, lb),
            ctx.prices.usage(
                "CloudFront Function invocations (added)",
                "cloudfront_function_million",
                None if dist is None else dist / 1e6,
                "million invocations",
                region="global",
                sign=-1.0,
            ),
        ],
        risks=risks,
        steps=[
            step(
                "redirect_only_lb",
                1,
                "Write the redirect function",
                "Viewer-request; redirect-to-https replaces the port-80 listener.",
                **values,
            ),
            plain(
                "Point the names at "
                + ("the distribution" if behavior >= 0 else "a new distribution"),
                "Alias records to the distribution whose behavior runs the function"
                + ("" if behavior >= 0 else " (create one with the names as aliases first)")
                + "; wait for the old records' TTL.",
                kind="change",
            ),
            step(
                "redirect_only_lb",
                2,
                f"Delete {lb.name} (after traffic moved)",
                "Listeners, then the load balancer, once its RequestCount is 0.",
                kind="destructive",
                **values,
            ),
            rollback(f"Until {lb.name} is deleted: point the names back at {lb.dns_name}."),
        ],
    )


def redirect_function(host: str) -> str:
    """CloudFront Function code answering 301 to ``https://<host><uri>`` (the host is a
    JavaScript string literal inside the code, which the templates encode again)."""
    target = literals.ts(f"https://{host}")
    return (
        "function handler(event) {\n"
        "  return {\n"
        "    statusCode: 301,\n"
        "    statusDescription: 'Moved Permanently',\n"
        f"    headers: {{ location: {{ value: {target} + event.request.uri }} }},\n"
        "  };\n"
        "}\n"
    )


def _redirect_host(lb: LoadBalancer, default: str) -> str:
    for li in lb.listeners if lb.listeners is not NOT_COLLECTED else ():
        for a in li.default_actions:
            host = a.redirect.host if a.redirect else None
            if host and "#{" not in host:
                return host
    return default


def elastic_ips(lb: LoadBalancer) -> list[str]:
    """Public addresses the NLB holds through Elastic IP allocations (a stated static-IP
    guarantee: someone allocated them so that clients can pin them)."""
    out = []
    item = lb.raw.get("LoadBalancer") or lb.raw
    for z in item.get("AvailabilityZones") or ():
        for a in z.get("LoadBalancerAddresses") or ():
            if a.get("AllocationId") and a.get("IpAddress"):
                out.append(str(a["IpAddress"]))
    return sorted(out)


def _ports(lb: LoadBalancer) -> list[int]:
    found = (
        {li.port for li in lb.listeners if li.port} if lb.listeners is not NOT_COLLECTED else set()
    )
    return sorted(found) or [443]


def nlb_to_alb(f: Finding, ctx: PlanContext) -> Draft:
    """Clients straight to the ALB (internet-facing) or through an accelerator (internal ALB,
    or static IPs kept): two variants when the ALB is internet-facing."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    nlb_at = _lb_index(ctx, cur)
    alb_at = _lb_index(ctx, cur, nlb_at + 1)
    nlb: LoadBalancer = ctx.ref(cur[nlb_at])
    alb: LoadBalancer = ctx.ref(cur[alb_at])
    eips = elastic_ips(nlb)
    base_risks = [
        *pre_checks(f),
        "TLS terminated on the NLB (TLS listeners) moves to the ALB's HTTPS listeners.",
        "Client IP: the ALB sees the client directly (X-Forwarded-For) instead of through the "
        "NLB; review source-IP logic and security groups.",
    ]
    values: dict[str, Any] = {
        "nlb": nlb.name,
        "nlb_arn": nlb.arn,
        "alb": alb.name,
        "alb_arn": alb.arn,
        "region": alb.region,
        "ports": _ports(nlb),
    }
    acc_node = gn.accelerator_id(f"{NEW}{nlb.name}")
    via = _nlb_variant(f, ctx, cur, nlb_at, alb_at, [acc_node], values, base_risks)
    via.variant, via.summary = (
        "accelerator",
        "an accelerator (static anycast IPs) in front of the ALB",
    )
    via.risks.insert(
        0,
        f"{alb.name} is internal: the accelerator (which targets internal ALBs) becomes the "
        "public entry."
        if not alb.internet_facing
        else "The accelerator gives two new static anycast IPs: clients pinning the NLB's "
        "addresses move to them (or bring your own addresses).",
    )
    if not alb.internet_facing:
        return via
    direct = _nlb_variant(f, ctx, cur, nlb_at, alb_at, [], values, base_risks)
    direct.variant, direct.summary = "direct", "the name points at the internet-facing ALB"
    if eips:
        direct.drops.append(f"static IP addresses (Elastic IPs {', '.join(eips)})")
    direct.risks.insert(
        0,
        "The ALB's addresses change over time: clients pinning the NLB's static addresses "
        f"({', '.join(eips or f.evidence.get('static_addresses') or []) or 'none recorded'}) "
        "need the accelerator variant.",
    )
    direct.alternatives = [via]
    return direct


def _nlb_variant(
    f: Finding,
    ctx: PlanContext,
    cur: list[str],
    nlb_at: int,
    alb_at: int,
    via: list[str],
    values: dict[str, Any],
    risks: list[str],
) -> Draft:
    g = ctx.graph
    nlb: LoadBalancer = ctx.ref(cur[nlb_at])
    alb: LoadBalancer = ctx.ref(cur[alb_at])
    proposed = [*cur[:nlb_at], *via, *cur[alb_at:]]
    removed = unused_after(g, [cur[nlb_at]], proposed, cur[:nlb_at])
    lines = lb_lines(ctx, nlb)
    steps: list[Step] = []
    if via:
        lines.append(
            ctx.prices.fixed(
                "Global Accelerator fixed fee (added)", "ga_hour", -1, region=alb.region
            )
        )
        lines.append(
            ctx.prices.usage(
                "accelerator DT-premium (added)",
                "ga_dt_premium_gb",
                None,
                "GB",
                region=alb.region,
                sign=-1.0,
            )
        )
        steps.append(
            step(
                "nlb_to_alb",
                "acc",
                f"Create an accelerator in front of {alb.name}",
                "Listener on the NLB's ports, endpoint group in the ALB's region; wait until "
                "the accelerator is deployed and the endpoint healthy.",
                **values,
            )
        )
    entry = cur[0] if cur[0].startswith("dns:") else None
    if entry:
        acc = f"aws_globalaccelerator_accelerator.{literals.tf_name(nlb.name)}_replacement"
        target = (
            records.Target(
                "",
                None,
                tf_dns=f"{acc}.dns_name",
                tf_zone=f"{acc}.hosted_zone_id",
                cdk_target="route53.RecordTarget.fromAlias("
                "new targets.GlobalAcceleratorTarget(accelerator))",
            )
            if via
            else records.Target(alb.dns_name or "", alb.canonical_hosted_zone_id)
        )
        name = g.nodes[entry].get("name", entry)
        steps.append(
            Step(
                f"Point {name} at the {'accelerator' if via else alb.name}",
                "Alias records (evaluate_target_health off); wait for the old records' TTL.",
                cdk=records.cdk(g, ctx.model, entry, target),
                terraform=records.terraform(g, entry, target),
            )
        )
    else:
        steps.append(
            plain(
                f"Move {nlb.name}'s clients to the {'accelerator' if via else alb.name}",
                f"No public record points at {nlb.name}: its clients use its AWS name "
                f"{nlb.dns_name}; give them the new name.",
                kind="change",
            )
        )
    steps.append(
        step(
            "nlb_to_alb",
            "delete",
            f"Delete {nlb.name} (after traffic moved)",
            "Listeners, alb-type target group, NLB: once its CloudWatch ActiveFlowCount is 0.",
            kind="destructive",
            **values,
        )
    )
    steps.append(
        rollback(
            f"Until {nlb.name} is deleted: point the records back at {nlb.dns_name} "
            f"(zone {nlb.canonical_hosted_zone_id}). After: re-create an NLB with an alb-type "
            f"target group on {alb.name}."
        )
    )
    return Draft(
        title=f"Remove NLB {nlb.name} in front of {alb.name}",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        region=nlb.region,
        lines=lines,
        risks=list(risks),
        steps=steps,
    )
