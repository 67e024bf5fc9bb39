"""Proposals for the load balancer patterns: ALB for one Lambda, public ALB behind CloudFront,
redirect-only load balancer, NLB in front of an ALB."""

from __future__ import annotations

from edgekit.graph import nodes as gn
from edgekit.graph.nodes import NodeKind
from edgekit.model import NOT_COLLECTED, FunctionUrlConfig, LoadBalancer
from edgekit.plan import prices
from edgekit.plan.draft import Draft, PlanContext, lb_lines, pre_checks, public_ipv4s
from edgekit.plan.paths import NEW, index_of, name_of, unused_after, with_entry
from edgekit.plan.prices import Line
from edgekit.plan.steps import plain, step
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
    config = ctx.model.function_url_config(fn_arn)
    fn_name = fn_arn.split(":")[6] if fn_arn.count(":") >= 6 else name_of(g, fn)
    if isinstance(config, FunctionUrlConfig) and config.function_url:
        host = config.function_url.split("//")[-1].split(".")[0]
        url = gn.lambda_url_id(lb.region, host)
    else:
        url = gn.lambda_url_id(lb.region, f"{NEW}{fn_name}")
    proposed = [*cur[: k + 1], url, fn]
    removed = unused_after(g, [cur[lb_at]], proposed, cur[:lb_at])
    dist_arn = ctx.ref(cur[index_of(g, cur, NodeKind.DISTRIBUTION)]).arn
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
                "alb_single_lambda", 1, "Create the function URL", "AuthType AWS_IAM.", fn=fn_name
            ),
            step(
                "alb_single_lambda",
                2,
                "Make the URL the origin, with origin access control",
                "Switch the behaviors that used the ALB; keep the ALB until traffic moved.",
                fn=fn_name,
                distribution_arn=dist_arn,
            ),
            step(
                "alb_single_lambda",
                3,
                f"Delete {lb.name}",
                "Listeners, target group, ALB.",
                lb=lb.name,
                tg=name_of(g, cur[index_of(g, cur, NodeKind.TARGET_GROUP)]),
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
    return Draft(
        title=f"Reach {lb.name} through a CloudFront VPC origin (internal ALB)",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=[],
        region=lb.region,
        lines=[prices.fixed(f"{ips} public IPv4 address(es)", "public_ipv4_hour", ips)],
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
                "Create the internal ALB",
                "Same listeners, rules and targets; private subnets.",
                lb=lb.name,
            ),
            step(
                "public_alb_behind_cdn",
                2,
                "Create the VPC origin and switch the origin",
                "Switch behavior by behavior; watch 5xx.",
                lb=lb.name,
            ),
            step(
                "public_alb_behind_cdn",
                3,
                f"Delete the public {lb.name}",
                "And its origin-lock machinery.",
                lb=lb.name,
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
            prices.usage(
                "CloudFront Function invocations (added)",
                "cloudfront_function_million",
                None if dist is None else dist / 1e6,
                "million invocations",
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
                lb=lb.name,
                target=_redirect_host(lb, g.nodes[cur[0]].get("name") or "example.com"),
            ),
            plain("Point the names at the distribution", "Alias records; wait for the TTL."),
            step("redirect_only_lb", 2, f"Delete {lb.name}", "Listeners, then the LB.", lb=lb.name),
        ],
    )


def _redirect_host(lb: LoadBalancer, default: str) -> str:
    for li in lb.listeners if lb.listeners is not NOT_COLLECTED else ():
        for a in li.default_actions:
            host = a.redirect.host if a.redirect else None
            if host and "#{" not in host:
                return host
    return default


def nlb_to_alb(f: Finding, ctx: PlanContext) -> Draft:
    """Clients straight to the ALB (or an accelerator, for an internal ALB)."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    nlb_at = _lb_index(ctx, cur)
    alb_at = _lb_index(ctx, cur, nlb_at + 1)
    nlb: LoadBalancer = ctx.ref(cur[nlb_at])
    alb: LoadBalancer = ctx.ref(cur[alb_at])
    via = [] if alb.internet_facing else [gn.accelerator_id(f"{NEW}{nlb.name}")]
    proposed = [*cur[:nlb_at], *via, *cur[alb_at:]]
    removed = unused_after(g, [cur[nlb_at]], proposed, cur[:nlb_at])
    lines = lb_lines(ctx, nlb)
    risks = pre_checks(f)
    if via:
        lines.append(prices.fixed("Global Accelerator fixed fee (added)", "ga_hour", -1))
        lines.append(prices.usage("accelerator DT-premium (added)", "ga_dt_premium_gb", None, "GB"))
        risks.append(
            f"{alb.name} is internal: an accelerator (which can target internal ALBs) "
            "takes the NLB's place as the public entry."
        )
    static = f.evidence.get("static_addresses") or []
    if static:
        risks.append(
            f"Clients may pin the NLB's static addresses ({', '.join(static)}): the ALB's "
            "addresses change; an accelerator gives new static anycast IPs (or bring your own)."
        )
    risks += [
        "TLS terminated on the NLB (TLS listeners) moves to the ALB's HTTPS listeners.",
        "Client IP: the ALB sees the client directly (X-Forwarded-For) instead of through the "
        "NLB; review source-IP logic and security groups.",
    ]
    name = g.nodes[cur[0]].get("name") if cur[0].startswith("dns:") else None
    return Draft(
        title=f"Remove NLB {nlb.name} in front of {alb.name}",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        region=nlb.region,
        lines=lines,
        risks=risks,
        steps=[
            step(
                "nlb_to_alb",
                1,
                "Point the name at the new entry",
                "Alias record.",
                name=name or nlb.name,
                record=(name or nlb.name).replace(".", "_"),
                alb=alb.name,
            ),
            step(
                "nlb_to_alb",
                2,
                "Accelerator in front of the ALB"
                if via
                else "Only if static IPs are needed: an accelerator",
                "Endpoint group: the ALB.",
                alb=alb.name,
            ),
            step(
                "nlb_to_alb",
                3,
                f"Delete {nlb.name}",
                "Listeners, alb target group, NLB.",
                nlb=nlb.name,
            ),
        ],
    )
