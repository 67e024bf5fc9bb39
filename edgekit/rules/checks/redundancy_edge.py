"""redundancy.* across edge services: Global Accelerator beside CloudFront, WAF twice on one
path, API Gateway as a plain proxy to an ALB, and entrypoints nothing points at."""

from __future__ import annotations

from typing import Any

from edgekit.graph import nodes as gn
from edgekit.graph.nodes import EdgeKind
from edgekit.model import (
    NOT_COLLECTED,
    Api,
    ClassicLoadBalancer,
    Distribution,
    LoadBalancer,
    RestApi,
    WebACL,
)
from edgekit.rules.analysis.lb_lockdown import State, lockdown_for
from edgekit.rules.analysis.waf_semantics import acl_rules, managed_uses
from edgekit.rules.checks.redundancy_apis import api_nodes, proxy_facts
from edgekit.rules.checks.redundancy_paths import (
    REQUEST_METRICS,
    downstream,
    front_unknown,
    fronting,
    lb_node,
    only_cloudfront,
    origin_path,
)
from edgekit.rules.checks.traffic import requests_evidence, served_requests
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


@check(
    "redundancy.accelerator_and_cdn",
    title="Global Accelerator and CloudFront in front of the same ALB",
    severity="low",
    category="cost",
    applies_to="load_balancer",
    remediation=(
        "Choose one edge path: serve the accelerator's HTTP clients through the distribution "
        "(or the distribution's through the accelerator) and remove the other."
    ),
)
def accelerator_and_cdn(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB that is both an endpoint of a Global Accelerator and the origin of an enabled
    distribution: two edge networks, two sets of edge protections and logs, for one backend.
    NLBs (and GWLBs) are not evaluated: an accelerator gives an NLB the TCP/UDP edge path
    CloudFront does not offer. Unknown when the ALB is behind CloudFront and the accelerators
    (or their endpoint groups) were not all collected, or when an accelerator targets it and
    the distributions were not collected. Evidence: both paths."""
    if lb.type != "application":
        return None
    node = lb_node(lb)
    front = fronting(ctx, node)
    accs = ctx.model.globalaccelerator.accelerators_targeting(lb.arn)
    if accs is NOT_COLLECTED:
        return Unknown("accelerators were not collected", {}) if front.pairs else None
    if not accs:
        return None
    if not front.pairs:
        return None if front.decided else front_unknown(ctx)
    dist, origin = front.pairs[0]
    cdn_path = origin_path(ctx, dist, origin)
    acc_nodes = sorted(gn.accelerator_id(a.arn) for a in accs)
    return Fail(
        f"{lb.name} is behind accelerator(s) and CloudFront distribution(s)",
        {
            "path": [acc_nodes[0], *downstream(ctx, node)],
            "cloudfront_path": cdn_path,
            "accelerators": acc_nodes,
            "distributions": front.distribution_ids,
        },
    )


def _groups(acl: WebACL) -> set[str] | None:
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return None
    return {u.label for u in managed_uses(rules) if not u.counts_only}


def _rule_names(acl: WebACL) -> set[str]:
    rules = acl_rules(acl)
    return set() if rules is NOT_COLLECTED else {r.name for r in rules}


def _alb_only_rules(acl: WebACL, edge: list[WebACL]) -> list[str]:
    """Rules of the ALB's ACL with no rule of the same name in every distribution ACL."""
    rules = acl_rules(acl)
    if rules is NOT_COLLECTED:
        return []
    names = [_rule_names(e) for e in edge]
    return sorted(r.name for r in rules if not all(r.name in n for n in names))


@check(
    "redundancy.double_waf",
    title="WAF at CloudFront and again at the locked-down ALB behind it",
    severity="low",
    category="cost",
    applies_to="load_balancer",
    remediation=(
        "Move the rules only the ALB's web ACL has to the distribution's web ACL, then "
        "disassociate (and delete) the ALB's web ACL."
    ),
)
def double_waf(lb: LoadBalancer, ctx: CheckContext) -> Fail | Unknown | None:
    """An ALB with a WAFv2 web ACL whose every enabled fronting distribution has a WAFv2 web
    ACL too, with enforcing AWS managed rule groups in common, and whose origin is locked down
    (security groups admit only CloudFront's origin-facing prefix list and every forward needs
    the secret header — :mod:`edgekit.rules.analysis.lb_lockdown`). The same managed rules run
    twice per
    request, billed twice. Guards (no finding): a fronting distribution without WAF, no common
    managed group, an origin reachable around CloudFront (then the ALB's WAF is needed).
    Unknown when an ACL's rules, the associations, the distributions or the lockdown facts
    were not collected. Evidence: the path, the ACLs, the common groups and the ALB-only
    rules (they must move first)."""
    acl = ctx.model.waf.web_acl_for_resource(lb.arn)
    if acl is NOT_COLLECTED:
        return Unknown("WAF associations of the region were not collected", {})
    if not isinstance(acl, WebACL):
        return None
    front = fronting(ctx, lb_node(lb))
    if not front.pairs:
        return None if front.decided else front_unknown(ctx)
    edge: list[WebACL] = []
    for dist, _ in front.pairs:
        found = ctx.model.waf.web_acl(dist.web_acl_id) if dist.web_acl_id else None
        if found is NOT_COLLECTED:
            return Unknown(f"web ACL of {dist.id} was not collected", {})
        if not isinstance(found, WebACL):
            return None
        edge.append(found)
    mine = _groups(acl)
    theirs = [_groups(e) for e in edge]
    if mine is None or any(t is None for t in theirs):
        return Unknown("web ACL rules were not collected", {})
    common = sorted(set.intersection(mine, *[t for t in theirs if t is not None]))
    if not common:
        return None
    lock = lockdown_for(ctx, lb, [o for _, o in front.pairs])
    if lock.state is State.OPEN:
        return None
    dist, origin = front.pairs[0]
    head = origin_path(ctx, dist, origin)
    evidence: dict[str, Any] = {
        "path": head + downstream(ctx, head[-1])[1:],
        "alb_web_acl": gn.web_acl_id(acl.arn),
        "distribution_web_acls": sorted({gn.web_acl_id(e.arn) for e in edge}),
        "common_managed_groups": common,
        "alb_only_rules": _alb_only_rules(acl, edge),
        **lock.evidence(),
    }
    if lock.state is State.UNKNOWN:
        return Unknown("WAF twice on the path; origin lockdown undecided", evidence)
    return Fail(f"managed rules run twice: {', '.join(common)}", evidence)


@check(
    "redundancy.apigw_proxy_to_alb",
    title="API Gateway behind CloudFront is a plain proxy to an ALB",
    severity="medium",
    category="cost",
    applies_to="api",
    remediation=(
        "Point the distribution at the ALB through a CloudFront VPC origin (internal ALB) and "
        "remove the API, once nothing else calls it."
    ),
)
def apigw_proxy_to_alb(api: RestApi | Api, ctx: CheckContext) -> Fail | Unknown | None:
    """A REST or HTTP API, used as origin by enabled distributions, whose every integration
    is an HTTP proxy (public URL or VPC link) to the same ALB, with no authorizer or IAM auth,
    no API key, no usage plan and no transformation (request/response templates or parameter
    mappings; a REST parameter handed on unchanged, like the ``path.proxy`` mapping of every
    ``/{proxy+}`` proxy, is none): API Gateway adds a hop and per-request cost and does
    nothing CloudFront cannot.
    Guards (no finding): any of those features, another backend, a WebSocket API, or other
    clients (DNS names for its custom domain that CloudFront does not use). Unknown when the
    API's methods/routes/integrations, usage plans or the integration's load balancer were not
    collected. The default ``execute-api`` endpoint, when enabled, may have direct callers: a
    pre-check in ``pre_checks``. Evidence: the path and the features checked."""
    facts = proxy_facts(api, ctx)
    if facts is None:
        return None
    if isinstance(facts, Unknown):
        return facts
    nodes = api_nodes(ctx, api)
    front = fronting(ctx, nodes[0])
    if not front.pairs:
        return None
    alone = only_cloudfront(ctx, nodes, None)
    if alone is False:
        return None
    dist, origin = front.pairs[0]
    head = origin_path(ctx, dist, origin)
    evidence: dict[str, Any] = {
        "path": head + downstream(ctx, head[-1])[1:],
        "alb": facts["alb"],
        "integrations": facts["integrations"],
        "pre_checks": facts["pre_checks"],
    }
    if alone is None:
        return Unknown("a plain proxy; other clients cannot be ruled out (records)", evidence)
    return Fail(f"API {api.name} ({api.id}) only proxies to ALB {facts['alb_name']}", evidence)


def _entry_node(item: Distribution | LoadBalancer | ClassicLoadBalancer) -> str:
    if isinstance(item, Distribution):
        return gn.distribution_id(item.id)
    return gn.lb_id(item.arn)


def _public_zones(ctx: CheckContext) -> list[str]:
    return ctx.memo(
        "redundancy.public_zone_names",
        lambda: sorted(z.name for z in ctx.model.hosted_zones if not z.private_zone),
    )


@check(
    "redundancy.unreferenced_entrypoint",
    title="Internet-facing entrypoint that nothing in the snapshot points at",
    severity="low",
    category="hygiene",
    applies_to="edge_entrypoint",
    remediation=(
        "Confirm it receives no requests (CloudWatch Requests / RequestCount), then delete it."
    ),
)
def unreferenced_entrypoint(
    item: Distribution | LoadBalancer | ClassicLoadBalancer, ctx: CheckContext
) -> Fail | Unknown | None:
    """An enabled distribution or an internet-facing ALB/NLB/Classic ELB that no public
    Route 53 record, distribution origin, accelerator, API integration or NLB target points
    at. Only said when Route 53 was collected completely (every account's zones and records),
    else unknown; a distribution alias outside every public hosted zone of the snapshot (DNS
    hosted elsewhere) is unknown too, and so is a load balancer when the snapshot has no
    public hosted zone at all. With CloudWatch metrics, an entrypoint that served requests in
    the window is not reported (clients use its AWS-assigned name) and zero requests is stated
    as fact; without them the evidence says "no requests in the window" is unverified."""
    if isinstance(item, Distribution) and not item.enabled:
        return None
    if isinstance(item, LoadBalancer | ClassicLoadBalancer) and (
        not item.internet_facing or getattr(item, "type", "classic") == "gateway"
    ):
        return None
    node = _entry_node(item)
    graph = ctx.estate.graph
    if node in graph and any(
        graph[u][node]["kind"] != EdgeKind.PROTECTS for u in graph.predecessors(node)
    ):
        return None
    evidence: dict[str, Any] = {"path": [node], "request_metrics": REQUEST_METRICS}
    reading = served_requests(item.arn, ctx)
    if reading is not None:
        if reading.value:
            return None  # it served requests in the window: something uses it
        evidence.update(requests_evidence(reading))
    if not ctx.model.route53.records_complete:
        return Unknown("Route 53 records were not collected completely", evidence)
    zones = _public_zones(ctx)
    if isinstance(item, Distribution):
        outside = [a for a in item.aliases if not any(_under(a, z) for z in zones)]
        evidence["aliases"] = list(item.aliases)
        if outside:
            return Unknown(
                "aliases outside every public hosted zone of the snapshot: " + ", ".join(outside),
                evidence,
            )
    elif not zones:
        return Unknown("no public hosted zone in the snapshot (DNS hosted elsewhere?)", evidence)
    return Fail(f"no DNS record or other resource in the snapshot points at {node}", evidence)


def _under(name: str, zone: str) -> bool:
    return name == zone or name.endswith("." + zone)
