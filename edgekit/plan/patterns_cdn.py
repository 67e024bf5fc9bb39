"""Proposals for the CloudFront patterns: edge API behind CloudFront, distribution chains, S3
website origins, duplicate distributions."""

from __future__ import annotations

from typing import Any

from edgekit.graph import nodes as gn
from edgekit.graph.nodes import NodeKind
from edgekit.model import Distribution
from edgekit.plan import literals, prices, records
from edgekit.plan.draft import Draft, PlanContext, dedicated_ip, origin_on_path
from edgekit.plan.inputs import (
    API,
    BUCKET,
    CERTIFICATE_ARN,
    DISTRIBUTION,
    INNER_DISTRIBUTION,
    KEPT_DISTRIBUTION,
    OAC_ID,
    OUTER_DISTRIBUTION,
)
from edgekit.plan.literals import ts_name
from edgekit.plan.model import Step
from edgekit.plan.paths import first_path, index_of, unused_after, with_entry
from edgekit.plan.prices import Line
from edgekit.plan.steps import plain, rollback, step
from edgekit.rules.finding import Finding

HIDDEN = "hidden:edge-cloudfront:"
"""Id prefix of the CloudFront layer inside an edge-optimized API (not a graph node)."""


def cdn_before_edge_api(f: Finding, ctx: PlanContext) -> Draft:
    """Regional endpoint behind the one distribution: the hidden CloudFront layer goes."""
    g = ctx.graph
    cur = with_entry(g, f.evidence["path"])
    name = f.evidence.get("api") or f.evidence.get("api_domain") or "api"
    api_at = max(index_of(g, cur, NodeKind.API), index_of(g, cur, NodeKind.API_DOMAIN))
    stage_at = index_of(g, cur, NodeKind.API_STAGE)
    first_api = (
        min(i for i in (api_at, stage_at) if i >= 0) if max(api_at, stage_at) >= 0 else len(cur)
    )
    attrs = g.nodes[cur[api_at]] if api_at >= 0 else {}
    region = attrs.get("region") or ""
    api_id = str(attrs.get("api_id") or f.evidence.get("api") or name)
    hidden = f"{HIDDEN}{api_id}"
    on = origin_on_path(ctx, cur)
    dist, origin_key, index = on.distribution, on.origin_id, on.index
    current_origin = dist.origins[index] if dist.origins else None
    api_obj = ctx.ref(cur[api_at]) if api_at >= 0 else None
    api_name = getattr(api_obj, "name", None) or api_id
    regional = f"{api_id}.execute-api.{region}.amazonaws.com"
    origin_path = (current_origin.origin_path if current_origin else "") or ""
    return Draft(
        title=f"Make API {name} REGIONAL behind the distribution",
        entrypoint=cur[0],
        current=[*cur[:first_api], hidden, *cur[first_api:]],
        proposed=list(cur),
        removed=[],
        hidden=[hidden],
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
            f"ACM certificate in {region or 'the API region'}.",
            "CloudFront must not forward the viewer's Host header to API Gateway (origin request "
            "policy AllViewerExceptHostHeader), or API Gateway answers 403.",
            "The distribution's cache policy now applies directly: keep caching disabled on "
            "dynamic API paths.",
        ],
        steps=[
            step(
                "cdn_before_edge_api",
                1,
                f"Switch API {api_name} to a REGIONAL endpoint",
                "UpdateRestApi endpointConfiguration.types = REGIONAL (the id and stages stay; "
                "the execute-api name keeps resolving).",
                api_id=api_id,
                api_name=api_name,
                region=region,
                inputs=(API,),
            ),
            step(
                "cdn_before_edge_api",
                2,
                f"Point origin {origin_key} of {dist.id} at {regional}",
                "Origin request policy AllViewerExceptHostHeader on the behaviors using it.",
                dist=dist.id,
                origin_id=origin_key,
                origin_index=index,
                origin_path=origin_path,
                regional_domain=regional,
                inputs=(DISTRIBUTION,),
            ),
            plain(
                "Watch, then clean up",
                "Compare 4xx/5xx and origin latency for a day; remove the EDGE custom domain "
                "mapping when nothing else uses it.",
            ),
            rollback(
                f"Switch {api_name} back to EDGE (UpdateRestApi) and the origin back to "
                f"{current_origin.domain_name if current_origin else 'its previous name'}."
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
    outer: Distribution = ctx.ref(gn.distribution_id(outer_id))
    values = _chain_values(outer, inner, cur[outer_origin].split(":", 2)[2])
    retire = inner_node in removed
    steps = [
        step(
            "cdn_chain",
            1,
            f"Copy {inner_id}'s origins and behaviors into {outer_id}",
            "Origins get the ids shown (inner id + origin id); each behavior keeps the inner "
            "path pattern, methods and cache policy; the behavior that forwarded to "
            f"{inner_id} targets its default origin.",
            outer=outer_id,
            inner=inner_id,
            inputs=(
                OUTER_DISTRIBUTION,
                *((OAC_ID,) if any(o["s3"] for o in values["origins"]) else ()),
            ),
            **values,
        )
    ]
    if retire:
        steps.append(
            step(
                "cdn_chain",
                2,
                f"Disable, then delete {inner_id} (after traffic moved)",
                "Once the outer distribution serves every path directly and the inner one's "
                "Requests metric is flat.",
                kind="destructive",
                inner=inner_id,
                inputs=(INNER_DISTRIBUTION,),
            )
        )
    else:
        steps.append(
            plain(
                f"Keep {inner_id}: it still serves {', '.join(also) or 'other clients'}",
                "No change to it; only the outer distribution stops going through it.",
            )
        )
    steps.append(
        rollback(
            f"Point {outer_id}'s behavior back at origin {values['outer_origin']} "
            f"({inner.domain_name}); the copied origins can stay unused"
            + (f"; re-enable {inner_id} if it was disabled." if retire else ".")
        )
    )
    return Draft(
        title=f"Merge {inner_id} into {outer_id}",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        lines=[
            *dedicated_ip(
                ctx,
                f"{inner_id} dedicated-IP SSL",
                retire and pays_dedicated_ip(inner),
            ),
            ctx.prices.usage(
                f"{inner_id}'s requests for {outer_id}'s traffic",
                "cloudfront_https_10k",
                None,
                "10,000 requests",
                region="us-east-1",
            ),
        ],
        risks=risks,
        steps=steps,
    )


_VPP = {
    "allow-all": "cloudfront.ViewerProtocolPolicy.ALLOW_ALL",
    "https-only": "cloudfront.ViewerProtocolPolicy.HTTPS_ONLY",
    "redirect-to-https": "cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS",
}


def _methods_cdk(methods: tuple[str, ...]) -> str:
    if len(methods) >= 7:
        return "cloudfront.AllowedMethods.ALLOW_ALL"
    if "OPTIONS" in methods:
        return "cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS"
    return "cloudfront.AllowedMethods.ALLOW_GET_HEAD"


def _chain_values(outer: Distribution, inner: Distribution, outer_origin: str) -> dict[str, Any]:
    """Template values of the merge: the copied origins and behaviors, and the switch."""
    origins = []
    ids = {}
    for o in inner.origins:
        new_id = f"{inner.id}-{o.id}"
        ids[o.id] = new_id
        s3 = ".s3." in o.domain_name and "s3-website" not in o.domain_name
        origins.append(
            {
                "id": new_id,
                "var": ts_name(f"origin {new_id}"),
                "domain": o.domain_name,
                "s3": s3,
                "bucket": o.domain_name.split(".s3.")[0],
            }
        )
    var = {o["id"]: o["var"] for o in origins}
    behaviors = [
        {
            "path": b.path_pattern,
            "origin": ids.get(b.target_origin_id, f"{inner.id}-{b.target_origin_id}"),
            "var": var.get(ids.get(b.target_origin_id, ""), origins[0]["var"] if origins else ""),
            "vpp": b.viewer_protocol_policy,
            "vpp_cdk": _VPP.get(b.viewer_protocol_policy, _VPP["redirect-to-https"]),
            "allowed": list(b.allowed_methods),
            "cached": list(b.cached_methods),
            "methods_cdk": _methods_cdk(b.allowed_methods),
            "cache_policy": b.cache_policy_id or "",
        }
        for b in inner.cache_behaviors
    ]
    default_origin = ids.get(
        inner.default_cache_behavior.target_origin_id, inner.default_cache_behavior.target_origin_id
    )
    switch = next(
        (i for i, b in enumerate(outer.cache_behaviors) if b.target_origin_id == outer_origin), None
    )
    return {
        "origins": origins,
        "behaviors": [b for b in behaviors if b["var"]],
        "default_origin": default_origin,
        "outer_origin": outer_origin,
        "switch_block": "default_cache_behavior" if switch is None else "ordered_cache_behavior",
        "switch_pattern": "" if switch is None else outer.cache_behaviors[switch].path_pattern,
        "switch_path": "DistributionConfig.DefaultCacheBehavior.TargetOriginId"
        if switch is None
        else f"DistributionConfig.CacheBehaviors.{switch}.TargetOriginId",
    }


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
    on = origin_on_path(ctx, cur)
    distribution, origin_key, at = on.distribution, on.origin_id, on.index
    website_domain = on.domain_name or bucket
    _, website, tail = website_domain.partition("s3-website")
    region = (tail.strip(".-").split(".")[0] if website else "") or distribution.region
    index_doc = index or "index.html"
    values: dict[str, Any] = {
        "bucket": bucket,
        "dist": dist,
        "dist_arn": distribution.arn,
        "origin_id": origin_key,
        "origin_index": at,
        "rest_domain": f"{bucket}.s3.{region}.amazonaws.com",
        "function_name": f"{literals.tf_name(bucket)[:50]}-index",
        "code": index_function(index_doc),
    }
    risks = [
        "Website features move to the edge: index documents and the "
        f"{site.get('routing_rules', 0) if isinstance(site, dict) else 'unknown number of'} "
        "routing rule(s) into a CloudFront Function, the error document into custom error "
        "responses (S3 REST answers 403 for missing keys unless s3:ListBucket is granted).",
        f"Clients using http://{website_domain} directly lose access once public access "
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
                region="global",
                sign=-1.0,
            )
        ],
        risks=risks,
        steps=[
            step(
                "s3_website_origin",
                1,
                f"Origin {origin_key}: {bucket}'s REST endpoint with origin access control",
                "Origin protocol becomes HTTPS; the website endpoint keeps serving meanwhile.",
                inputs=(DISTRIBUTION,),
                **values,
            ),
            step(
                "s3_website_origin",
                2,
                "Index documents in a CloudFront Function",
                "Viewer-request function on the behaviors that served the website (port the "
                "routing rules into it).",
                **values,
            ),
            step(
                "s3_website_origin",
                3,
                f"Grant the distribution read access to {bucket}",
                "Bucket policy for cloudfront.amazonaws.com with AWS:SourceArn.",
                inputs=(BUCKET,),
                **values,
            ),
            step(
                "s3_website_origin",
                4,
                f"Make {bucket} private: delete its website configuration, block public access",
                "After the distribution serves from the REST endpoint without errors.",
                kind="destructive",
                inputs=(BUCKET,),
                **values,
            ),
            rollback(
                f"Until step 4: point origin {origin_key} back at {website_domain}. After: "
                f"restore {bucket}'s website configuration and public-read policy first."
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
    kept_dist: Distribution = ctx.ref(gn.distribution_id(keep))
    all_aliases = sorted({*kept_dist.aliases, *aliases})
    kept_target = records.Target(kept_dist.domain_name, records.CLOUDFRONT_ZONE)
    repoint = [
        u for d in dropped for u in g.predecessors(d) if g.nodes[u].get("kind") == NodeKind.DNS
    ]
    return Draft(
        title=f"Serve {', '.join(drop)}'s aliases from {keep}",
        entrypoint=cur[0],
        current=cur,
        proposed=proposed,
        removed=removed,
        lines=dedicated_ip(ctx, "dedicated-IP SSL of the removed distributions", vip)
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
                f"Move every alias to {keep}",
                "CloudFront refuses an alias two distributions hold: move each with "
                f"`aws cloudfront associate-alias --target-distribution-id {keep} --alias NAME` "
                f"(it needs a TXT record _NAME → {kept_dist.domain_name}); one certificate "
                "(SNI) covers them all.",
                keep=keep,
                aliases=all_aliases,
                inputs=(KEPT_DISTRIBUTION, CERTIFICATE_ARN),
            ),
            *[
                Step(
                    f"Point {g.nodes[n].get('name', n)} at {keep}",
                    "Alias records to the kept distribution; wait for the old records' TTL.",
                    cdk=records.cdk(g, ctx.model, n, kept_target),
                    terraform=records.terraform(g, n, kept_target),
                )
                for n in repoint
            ],
            step(
                "duplicate_distributions",
                3,
                f"Disable, then delete {', '.join(drop)}",
                "After their Requests metric is flat.",
                kind="destructive",
                drop=drop,
            ),
            rollback(
                "Until the duplicates are deleted: re-enable them, move the aliases back with "
                "associate-alias and point the records at their domains again."
            ),
        ],
    )


def index_function(index: str) -> str:
    """CloudFront Function code appending ``index`` to directory URIs (the document name is a
    JavaScript string literal inside the code, which is itself encoded by the templates)."""
    doc = literals.ts(index)
    return (
        "function handler(event) {\n"
        "  var request = event.request;\n"
        f"  if (request.uri.endsWith('/')) {{ request.uri += {doc}; }}\n"
        f"  else if (!request.uri.includes('.')) {{ request.uri += '/' + {doc}; }}\n"
        "  return request;\n"
        "}\n"
    )
