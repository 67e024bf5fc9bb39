"""Proposals across edge services: accelerator beside CloudFront, WAF twice, API Gateway as a
plain proxy, entrypoints nothing points at."""

from __future__ import annotations

from typing import Any

from edgekit.graph import nodes as gn
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.model import Accelerator, ClassicLoadBalancer, Distribution, LoadBalancer, RestApi
from edgekit.plan import records
from edgekit.plan.draft import (
    Draft,
    PlanContext,
    dedicated_ip,
    lb_lines,
    origin_on_path,
    pre_checks,
    waf_lines,
)
from edgekit.plan.inputs import CERTIFICATE_ARN, DISTRIBUTION
from edgekit.plan.model import Step
from edgekit.plan.paths import (
    NEW,
    entry_names,
    first_path,
    index_of,
    kind,
    name_of,
    protections_of,
    unused_after,
    with_entry,
)
from edgekit.plan.patterns_cdn import pays_dedicated_ip
from edgekit.plan.prices import GLOBAL, Line
from edgekit.plan.steps import plain, rollback, step
from edgekit.rules.checks.redundancy_paths import REQUEST_METRICS
from edgekit.rules.finding import Finding


def accelerator_and_cdn(f: Finding, ctx: PlanContext) -> Draft:
    """The accelerator's clients go through the distribution; the accelerator (or endpoint) goes."""
    g = ctx.graph
    acc_node, lb_node = f.evidence["path"][0], f.evidence["path"][1]
    names = entry_names(g, acc_node)
    cur = [*names[:1], *f.evidence["path"]]
    cdn = list(f.evidence["cloudfront_path"])
    proposed = [*names[:1], *cdn, *first_path(g, lb_node)[1:]]
    acc: Accelerator = ctx.ref(acc_node)
    fronted = [v for v, d in g.adj[acc_node].items() if d["kind"] == EdgeKind.FRONTS]
    alone = all(ctx.estate.distributions_in_front_of(v) for v in fronted if v in g)
    removed = unused_after(g, [acc_node], proposed, names) if alone else []
    lines: list[Line] = []
    if acc_node in removed:
        lines.append(
            ctx.prices.fixed(f"accelerator {acc.name} fixed fee", "ga_hour", region=GLOBAL)
        )
        gb = ctx.usage.monthly(
            "AWS/GlobalAccelerator", "ProcessedBytesOut", Accelerator=acc.arn.rpartition("/")[2]
        )
        lines.append(
            ctx.prices.usage(
                "DT-premium",
                "ga_dt_premium_gb",
                None if gb is None else gb / 1e9,
                "GB",
                region=GLOBAL,
            )
        )
    else:
        lines.append(Line("accelerator", 0.0, "it keeps other endpoints: only this one goes"))
    dist_id = cdn[0].split(":")[1]
    risks = [
        "Clients may allow-list the accelerator's static anycast IPs "
        f"({', '.join(acc.ip_addresses)}): CloudFront's addresses are not static.",
        "Non-HTTP(S) traffic or ports the accelerator listens on cannot move to CloudFront.",
        "CloudFront adds caching and its web ACL to these clients' requests: check the cache "
        "policy on the paths they use.",
    ]
    if not names:
        risks.append(
            "No DNS name points at the accelerator: clients use its name or IPs and "
            "must move to the distribution's name."
        )
    dist: Distribution = ctx.ref(cdn[0])
    lb_ref = ctx.ref(lb_node)
    values: dict[str, Any] = {
        "dist": dist_id,
        "acc": acc.name,
        "acc_arn": acc.arn,
        "lb": getattr(lb_ref, "name", name_of(g, lb_node)),
        "lb_arn": getattr(lb_ref, "arn", lb_node),
    }
    host_names = [str(g.nodes[n].get("name", n)) for n in names]
    target = records.Target(dist.domain_name, records.CLOUDFRONT_ZONE)
    steps: list[Step] = []
    if host_names:
        steps.append(
            step(
                "accelerator_and_cdn",
                1,
                f"Add {', '.join(host_names)} to {dist_id}'s aliases",
                f"Keeps its {len(dist.aliases)} alias(es) ({', '.join(dist.aliases) or 'none'}); "
                "the certificate must cover every name.",
                aliases=sorted({*dist.aliases, *host_names}),
                inputs=(DISTRIBUTION, CERTIFICATE_ARN),
                **values,
            )
        )
        steps += [
            Step(
                f"Point {g.nodes[n].get('name', n)} at {dist_id}",
                "Alias records to CloudFront; wait for the old records' TTL.",
                cdk=records.cdk(g, ctx.model, n, target),
                terraform=records.terraform(g, n, target),
            )
            for n in names
        ]
    else:
        steps.append(
            plain(
                f"Move the accelerator's clients to {dist_id}",
                "No public record points at the accelerator: its clients use its static IPs "
                f"({', '.join(acc.ip_addresses) or 'unknown'}) or its DNS name; give them a name "
                f"of {dist_id} ({', '.join(dist.aliases) or dist.domain_name}) and confirm in "
                "the accelerator's flow logs that they moved.",
                kind="change",
            )
        )
    gone = acc_node in removed
    steps.append(
        step(
            "accelerator_and_cdn",
            "delete_acc" if gone else "delete_ep",
            f"Delete accelerator {acc.name} (after traffic moved)"
            if gone
            else f"Remove endpoint {values['lb']} from accelerator {acc.name} "
            "(after traffic moved)",
            "Once its ProcessedBytesIn for this endpoint is flat.",
            kind="destructive",
            **values,
        )
    )
    steps.append(
        rollback(
            "Until the accelerator (endpoint) is deleted: point the names back at "
            f"{acc.dns_name or acc.name}. After: re-create it (new static IPs unless you bring "
            "your own)."
        )
    )
    return Draft(
        title=f"One edge path to {name_of(g, lb_node)}: CloudFront",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        lines=lines,
        risks=risks,
        steps=steps,
    )


def double_waf(f: Finding, ctx: PlanContext) -> Draft:
    """One web ACL, at CloudFront; the ALB's goes (after its own rules moved)."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    acl_node = f.evidence["alb_web_acl"]
    lb_at = index_of(g, cur, NodeKind.LOAD_BALANCER)
    gone = protections_of(g, [cur[lb_at]])
    removed = [acl_node] if acl_node in gone else []
    moved = list(f.evidence.get("alb_only_rules") or [])
    acl = ctx.ref(acl_node)
    edge_acls = [
        ctx.ref(u)
        for n in cur
        if kind(g, n) == NodeKind.DISTRIBUTION
        for u in g.predecessors(n)
        if g[u][n]["kind"] == EdgeKind.PROTECTS
    ]
    values: dict[str, Any] = {
        "acl": acl.name,
        "acl_arn": acl.arn,
        "lb": name_of(g, cur[lb_at]),
        "edge_acl": ", ".join(sorted({getattr(e, "name", "") for e in edge_acls if e}))
        or "of the distribution",
    }
    return Draft(
        title=f"One web ACL: drop {acl.name} at {name_of(g, cur[lb_at])}",
        entrypoint=cur[0],
        current=cur,
        proposed=list(cur),
        removed=removed,
        region=acl.region,
        lines=waf_lines(ctx, acl, len(moved)),
        risks=[
            *(
                [
                    "Rules only at the ALB must move to the CloudFront ACL first: "
                    + ", ".join(moved)
                    + "."
                ]
                if moved
                else []
            ),
            "At CloudFront, IP-based rules (rate limits, IP sets, geo) see the viewer, not "
            "CloudFront's address: review thresholds when moving them.",
            "The origin must stay locked down (prefix list and secret header): without the "
            "ALB's ACL, a bypass is unprotected.",
            "Managed rule versions and overrides may differ between the two ACLs: compare them.",
            "WAF logs of the ALB's ACL stop.",
        ],
        steps=[
            step(
                "double_waf",
                1,
                "Move the ALB-only rules to the CloudFront web ACL"
                if moved
                else "Confirm the CloudFront web ACL covers every rule",
                "New priorities at CloudFront; watch the rules in COUNT first.",
                kind="change" if moved else "check",
                rules=moved,
                **values,
            ),
            step(
                "double_waf",
                2,
                f"Detach and delete web ACL {acl.name} from {values['lb']}",
                "REGIONAL scope; after a day of CloudFront WAF logs without surprises.",
                kind="destructive",
                **values,
            ),
            rollback(
                f"Until {acl.name} is deleted: re-associate it with {values['lb']}. After: "
                "re-create it from its logged rules (export the ACL's JSON before deleting)."
            ),
        ],
    )


def apigw_proxy_to_alb(f: Finding, ctx: PlanContext) -> Draft:
    """CloudFront VPC origin to the ALB; the API goes."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    k = index_of(g, cur, NodeKind.ORIGIN)
    alb = f.evidence["alb"]
    lb: LoadBalancer = ctx.ref(alb)
    vpc = gn.vpc_origin_id(f"{NEW}{lb.name}")
    proposed = [*cur[: k + 1], vpc, *first_path(g, alb)]
    api_at = next(
        i for i, n in enumerate(cur) if n.startswith(("apigw:", "apigw-stage:", "apigw-domain:"))
    )
    removed = unused_after(g, [cur[api_at]], proposed, cur[:api_at])
    api = ctx.ref(gn.api_id(cur[api_at].split(":")[1], cur[api_at].split(":")[2]))
    rest = isinstance(api, RestApi)
    dims = {"ApiName": api.name} if rest else {"ApiId": api.id}
    count = ctx.usage.monthly("AWS/ApiGateway", "Count", **dims)
    on = origin_on_path(ctx, cur)
    dist, origin_key, at = on.distribution, on.origin_id, on.index
    current_domain = on.domain_name or api.name
    values: dict[str, Any] = {
        "alb": lb.name,
        "alb_arn": lb.arn,
        "alb_dns": lb.dns_name or "",
        "dist": dist.id,
        "origin_id": origin_key,
        "origin_index": at,
        "api": api.name,
        "api_id": api.id,
        "region": api.region,
    }
    risks = pre_checks(f)
    if lb.internet_facing:
        risks.append(
            f"{lb.name} is internet-facing: VPC origins reach internal ALBs — re-create "
            "it internal (or keep it as a locked custom origin)."
        )
    risks += [
        "Stage settings go with the API: throttling, caching, access logs, a stage web ACL "
        "(move it to the distribution's web ACL).",
        "API Gateway's 29-second integration timeout and header handling disappear: CloudFront's "
        "origin timeouts and origin request policy decide now.",
    ]
    return Draft(
        title=f"CloudFront straight to {lb.name}: remove API {api.name}",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        region=api.region,
        lines=[
            ctx.prices.usage(
                "API Gateway requests",
                "apigw_rest_million" if rest else "apigw_http_million",
                None if count is None else count / 1e6,
                "million requests",
                region=api.region,
            )
        ],
        risks=risks,
        steps=[
            step(
                "apigw_proxy_to_alb",
                1,
                f"Create a VPC origin for {lb.name} and switch origin {origin_key} of "
                f"{dist.id} to it",
                "The behaviors using the origin follow it.",
                inputs=(DISTRIBUTION,),
                **values,
            ),
            step(
                "apigw_proxy_to_alb",
                2,
                f"Delete API {api.name} (after traffic moved)",
                "Once its Count metric is 0.",
                kind="destructive",
                **values,
            ),
            rollback(
                f"Until the API is deleted: point origin {origin_key} back at {current_domain}."
            ),
        ],
    )


def unreferenced_entrypoint(f: Finding, ctx: PlanContext) -> Draft:
    """Remove it (after checking it receives no requests)."""
    g = ctx.graph
    node = f.evidence["path"][0]
    cur = first_path(g, node)
    item = ctx.ref(node)
    removed = unused_after(g, [node], [], [])
    if isinstance(item, Distribution):
        lines = dedicated_ip(ctx, "dedicated-IP SSL", pays_dedicated_ip(item))
        lines = lines or [Line("CloudFront", 0.0, "no fixed fee; traffic billed only when used")]
        ns, metric = "AWS/CloudFront", "Requests"
    else:
        lines = lb_lines(ctx, item)
        classic = isinstance(item, ClassicLoadBalancer)
        ns = "AWS/ELB" if classic else "AWS/ApplicationELB"
        metric = "RequestCount"
    name = getattr(item, "name", None) or getattr(item, "id", node)
    ident = getattr(item, "arn", None) or node
    return Draft(
        title=f"Delete unreferenced {name}",
        entrypoint=node,
        current=cur,
        proposed=[],
        removed=removed,
        region=getattr(item, "region", None),
        lines=lines,
        risks=[
            f"Pre-check: {REQUEST_METRICS}; read {ns} {metric} for 30 days before deleting.",
            "Clients may use the AWS-assigned name directly, or DNS outside the snapshot.",
        ],
        steps=[
            step(
                "unreferenced_entrypoint",
                1,
                "Confirm no requests",
                "30 days of metrics.",
                kind="check",
                metric=metric,
                namespace=ns,
                name=name,
                ident=ident,
            ),
            step(
                "unreferenced_entrypoint",
                2,
                f"Delete {name}",
                "Disable first where possible.",
                kind="destructive",
                name=name,
                ident=ident,
            ),
            rollback(
                f"Re-create {name} from its configuration (export it before deleting); its AWS "
                "name and addresses will be new."
            ),
        ],
    )
