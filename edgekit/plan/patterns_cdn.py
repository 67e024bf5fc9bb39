"""Proposals for the CloudFront patterns: edge API behind CloudFront, distribution chains, S3
website origins, duplicate distributions."""

from __future__ import annotations

from edgekit.graph import nodes as gn
from edgekit.graph.nodes import NodeKind
from edgekit.model import Distribution
from edgekit.plan import prices
from edgekit.plan.draft import Draft, PlanContext, dedicated_ip
from edgekit.plan.paths import first_path, index_of, unused_after, with_entry
from edgekit.plan.prices import Line
from edgekit.plan.steps import plain, step
from edgekit.rules.finding import Finding


def cdn_before_edge_api(f: Finding, ctx: PlanContext) -> Draft:
    """Regional endpoint behind the one distribution: same nodes, one hidden layer fewer."""
    cur = with_entry(ctx.graph, f.evidence["path"])
    name = f.evidence.get("api") or f.evidence.get("api_domain") or "api"
    origin = cur[index_of(ctx.graph, cur, NodeKind.ORIGIN)]
    api_at = max(
        index_of(ctx.graph, cur, NodeKind.API), index_of(ctx.graph, cur, NodeKind.API_DOMAIN)
    )
    region = ctx.graph.nodes[cur[api_at]].get("region") if api_at >= 0 else None
    return Draft(
        title=f"Make API {name} REGIONAL behind the distribution",
        entrypoint=cur[0],
        current=cur,
        proposed=list(cur),
        removed=[],
        hidden_hops=1,
        region=region,
        lines=[
            Line(
                "API Gateway",
                0.0,
                "edge-optimized and regional REST endpoints have the same list price; the gain "
                "is one CloudFront layer fewer (latency, double TLS, unmanaged caching)",
            )
        ],
        risks=[
            f"Other clients may call the edge-optimized endpoint of {name} directly: check the "
            "API's access logs (or CloudWatch Count) for callers other than CloudFront first; "
            "far-away direct callers lose the edge when the endpoint becomes regional.",
            "An EDGE custom domain has its certificate in us-east-1; a REGIONAL one needs an "
            "ACM certificate in the API's region.",
            "CloudFront must not forward the viewer's Host header to API Gateway (origin request "
            "policy AllViewerExceptHostHeader), or API Gateway answers 403.",
            "The distribution's cache policy now applies directly: keep caching disabled on "
            "dynamic API paths.",
        ],
        steps=[
            step(
                "cdn_before_edge_api",
                1,
                "Switch the API endpoint type to REGIONAL",
                "UpdateRestApi endpointConfiguration.types = REGIONAL (the id and stages stay).",
                api=str(name).replace(".", "_"),
            ),
            step(
                "cdn_before_edge_api",
                2,
                "Point the origin at the regional endpoint",
                "Needed when the origin is the EDGE custom domain; a default execute-api origin "
                "keeps its name.",
                origin_id=origin.rpartition(":")[2],
                regional_domain=f"{name}.execute-api.<region>.amazonaws.com",
            ),
            plain(
                "Watch, then clean up",
                "Compare 4xx/5xx and origin latency for a day; remove the EDGE custom domain "
                "mapping when nothing else uses it.",
            ),
        ],
    )


def cdn_chain(f: Finding, ctx: PlanContext) -> Draft:
    """The outer distribution takes the inner's origins and behaviors."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    inner_id = f.evidence["inner_distribution"]
    inner_node = gn.distribution_id(inner_id)
    outer_origin = index_of(g, cur, NodeKind.ORIGIN)
    outer_id = cur[outer_origin].split(":")[1]
    i = cur.index(inner_node)
    j = index_of(g, cur, NodeKind.ORIGIN, i)
    inner_origin = cur[j].split(":")[2]
    merged = gn.origin_id(outer_id, f"{inner_id}-{inner_origin}")
    head = cur[:outer_origin]
    pattern = g.nodes[cur[i + 1]].get("path_pattern")
    if not g.nodes[cur[i + 1]].get("is_default") and pattern:
        head = [*cur[: outer_origin - 1], gn.behavior_id(outer_id, pattern)]
    proposed = [*head, merged, *cur[j + 1 :]]
    routing = [u for u in g.predecessors(cur[outer_origin])]
    removed = unused_after(g, [cur[outer_origin], inner_node], proposed, routing + cur[:i])
    inner: Distribution = ctx.ref(inner_node)
    also = f.evidence.get("inner_also_used_by") or []
    risks = [
        f"{inner_id}'s behaviors ({', '.join(b.path_pattern for b in inner.behaviors)}) are "
        f"evaluated under {outer_id}'s behavior: check their order and the behaviors quota.",
        f"Carry over per behavior what {inner_id} does: cache / origin-request / response-"
        "headers policies, functions and Lambda@Edge, web ACL, geo restriction, signed URLs.",
        "Logs and metrics of the inner layer stop; cache hit ratios change (one cache layer).",
    ]
    if also:
        risks.append(f"{inner_id} also serves {', '.join(also)}: it stays for them.")
    if inner.account_id != ctx.ref(gn.distribution_id(outer_id)).account_id:
        risks.append(f"{inner_id} is in account {inner.account_id}: merge across owners.")
    return Draft(
        title=f"Merge {inner_id} into {outer_id}",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        lines=[
            *dedicated_ip(
                f"{inner_id} dedicated-IP SSL", inner_node in removed and pays_dedicated_ip(inner)
            ),
            Line(
                "inner CloudFront requests and transfer",
                None,
                f"{inner_id}'s request and data-transfer charges for {outer_id}'s traffic: not "
                "in the price table, usage unknown",
            ),
        ],
        risks=risks,
        steps=[
            step(
                "cdn_chain",
                1,
                f"Copy {inner_id}'s origins and behaviors into {outer_id}",
                "Point the outer behavior at the copied origins; keep the inner policies.",
                outer=outer_id,
                inner=inner_id,
                behaviors=[b.path_pattern for b in inner.cache_behaviors],
            ),
            step(
                "cdn_chain",
                2,
                f"Retire {inner_id}" if inner_node in removed else f"Keep {inner_id} for its names",
                "Once the outer distribution serves every path directly.",
                inner=inner_id,
            ),
        ],
    )


def pays_dedicated_ip(d: Distribution) -> bool:
    """Pays the dedicated-IP fee: a custom certificate served with SSLSupportMethod vip."""
    vc = d.viewer_certificate
    return vc.source != "cloudfront" and (vc.ssl_support_method or "") == "vip"


def s3_website_origin(f: Finding, ctx: PlanContext) -> Draft:
    """REST endpoint + OAC, index documents by a CloudFront Function."""
    cur = with_entry(ctx.graph, f.evidence["path"])
    bucket = f.evidence["bucket"]
    site = f.evidence.get("website")
    index = site.get("index_document") if isinstance(site, dict) else None
    dist = cur[index_of(ctx.graph, cur, NodeKind.DISTRIBUTION)].split(":")[1]
    requests = ctx.usage.monthly("AWS/CloudFront", "Requests", DistributionId=dist, Region="Global")
    risks = [
        "Website features move to the edge: index documents and the "
        f"{site.get('routing_rules', 0) if isinstance(site, dict) else 'unknown number of'} "
        "routing rule(s) into a CloudFront Function, the error document into custom error "
        "responses (S3 REST answers 403 for missing keys unless s3:ListBucket is granted).",
        f"Clients using http://{bucket}.s3-website-… directly lose access once public access "
        "is blocked (check S3 server access logs).",
    ]
    if isinstance(site, dict) and site.get("redirect_all_to"):
        risks.append("The bucket redirects every request: a CloudFront Function can do it alone.")
    return Draft(
        title=f"Serve {bucket} through its REST endpoint with OAC",
        entrypoint=cur[0],
        current=cur,
        proposed=list(cur),
        removed=[],
        lines=[
            prices.usage(
                "CloudFront Function invocations (added)",
                "cloudfront_function_million",
                None if requests is None else requests / 1e6,
                "million invocations",
                sign=-1.0,
            )
        ],
        risks=risks,
        steps=[
            step(
                "s3_website_origin",
                1,
                "Origin: REST endpoint with origin access control",
                "Origin protocol becomes HTTPS; the bucket policy grants the distribution only.",
                bucket=bucket,
                bucket_id=bucket.replace(".", "_").replace("-", "_"),
            ),
            step(
                "s3_website_origin",
                2,
                "Index documents (and routing rules) in a CloudFront Function",
                "Viewer-request function on the behaviors that served the website.",
                index=index or "index.html",
                bucket_id=bucket.replace(".", "_").replace("-", "_"),
            ),
            step(
                "s3_website_origin",
                3,
                "Make the bucket private",
                "Bucket policy for cloudfront.amazonaws.com with AWS:SourceArn; block public "
                "access; delete the website configuration.",
                bucket=bucket,
                bucket_id=bucket.replace(".", "_").replace("-", "_"),
            ),
        ],
    )


def duplicate_distributions(f: Finding, ctx: PlanContext) -> Draft:
    """Keep the first; the others' aliases move to it."""
    g = ctx.graph
    keep, *drop = f.evidence["duplicates"]
    aliases = [a for d in f.evidence["duplicates"] for a in f.evidence["aliases"][d]]
    first = gn.distribution_id(drop[0])
    cur = with_entry(g, first_path(g, first))
    kept = first_path(g, gn.distribution_id(keep))
    proposed = [*cur[: cur.index(first)], *kept]
    dropped = [gn.distribution_id(d) for d in drop]
    names = [u for d in dropped for u in g.predecessors(d)]
    removed = unused_after(g, dropped, proposed, names)
    vip = any(pays_dedicated_ip(ctx.ref(d)) for d in dropped)
    return Draft(
        title=f"Serve {', '.join(drop)}'s aliases from {keep}",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        lines=dedicated_ip("dedicated-IP SSL of the removed distributions", vip)
        or [Line("CloudFront", 0.0, "no per-distribution fee; traffic is billed the same")],
        risks=[
            f"{keep} needs a certificate covering every alias ({', '.join(aliases)}).",
            "DNS cut-over follows the records' TTL; keep the old distributions until traffic "
            "has moved.",
            "The removed distributions' *.cloudfront.net names may be used directly.",
            "Logs, metrics and alarms per distribution merge into one.",
        ],
        steps=[
            step(
                "duplicate_distributions",
                1,
                f"Add every alias to {keep}",
                "With one certificate (SNI) covering them all.",
                keep=keep,
                aliases=aliases,
            ),
            step(
                "duplicate_distributions",
                2,
                f"Point the records at {keep}",
                "Alias records to the kept distribution.",
                keep=keep,
            ),
            step(
                "duplicate_distributions",
                3,
                "Delete the duplicates",
                "Disable, then delete.",
                drop=drop,
            ),
        ],
    )
