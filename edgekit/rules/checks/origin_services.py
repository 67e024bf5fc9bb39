"""origin.* for serverless origins: Lambda function URLs and API Gateway default endpoints."""

from __future__ import annotations

from typing import Any

from edgekit import endpoints
from edgekit.graph import nodes as gn
from edgekit.model import (
    NOT_COLLECTED,
    Api,
    Collected,
    FunctionUrl,
    OriginAccessControl,
    RestApi,
)
from edgekit.rules.analysis.api_default_endpoint import direct_access_reason
from edgekit.rules.context import CheckContext, OriginSubject
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check


def _signs(s: OriginSubject, ctx: CheckContext) -> bool:
    """The origin has an OAC that signs requests (an OAC set to ``never`` sign does not)."""
    oac_id = s.origin.origin_access_control_id
    if not oac_id:
        return False
    oac = ctx.model.cloudfront.origin_access_control(oac_id, s.distribution.account_id)
    return not (isinstance(oac, OriginAccessControl) and oac.signing_behavior == "never")


@check(
    "origin.lambda_url_public",
    title="Lambda function URL origin is callable directly",
    severity="high",
    category="security",
    applies_to="origin",
    remediation=(
        "Attach an origin access control (type lambda, signing always) to the origin and set "
        "the function URL's AuthType to AWS_IAM, granting lambda:InvokeFunctionUrl to "
        "cloudfront.amazonaws.com with an AWS:SourceArn condition naming the distribution."
    ),
    references=("SH CloudFront.16",),
)
def lambda_url_public(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """An origin on a Lambda function URL (``<id>.lambda-url.<region>.on.aws``) that is not
    locked to CloudFront: the URL's AuthType is ``NONE`` (anyone who learns the URL calls the
    function directly, skipping WAF, caching and any edge auth), or the origin has no origin
    access control (or one set never to sign) — then CloudFront's requests are unsigned, which
    only an AuthType ``NONE`` URL accepts. Unknown when an OAC is attached and the function's
    URL configuration could not be read (another account's function, or a denied read). A URL
    no collected function serves is left to the graph's unresolved origins."""
    domain = s.origin.domain_name
    if endpoints.lambda_url(domain) is None:
        return None
    evidence: dict[str, Any] = {"origin": s.origin.id, "domain": domain}
    url = ctx.model.lambda_.function_url_by_domain(domain)
    if url is None:
        return None
    config = url.config if isinstance(url, FunctionUrl) else url
    auth = getattr(config, "auth_type", None)
    if isinstance(url, FunctionUrl):
        evidence["function"] = url.function_arn
    if auth is not None:
        evidence["auth_type"] = auth
    if auth == "NONE":
        return Fail(f"function URL {domain} has AuthType NONE: callable directly", evidence)
    if not _signs(s, ctx):
        evidence["origin_access_control"] = s.origin.origin_access_control_id
        return Fail(
            f"origin {s.origin.id} has no signing origin access control: CloudFront's requests "
            "are unsigned, so the URL must accept anyone (AuthType NONE) to work",
            evidence,
        )
    if config is NOT_COLLECTED:
        return Unknown(f"function URL {domain}: its AuthType was not collected", evidence)
    return None


def _apis(s: OriginSubject, ctx: CheckContext) -> list[tuple[str, Collected[RestApi | Api | None]]]:
    """``(execute-api host, API)`` for every API the origin reaches: directly, or through a
    custom domain's mappings (the stages' APIs)."""
    estate = ctx.estate
    graph = estate.graph
    try:
        node = estate.resolve_origin(s.distribution, s.origin)
    except KeyError:
        return []
    kind = graph.nodes[node].get("kind")
    if kind in (gn.NodeKind.API, gn.NodeKind.API_STAGE):
        targets = [node]
    elif kind == gn.NodeKind.API_DOMAIN:
        targets = [v for v, d in graph.adj[node].items() if d.get("kind") == gn.EdgeKind.MAPS_TO]
    else:
        return []
    out: dict[str, Collected[RestApi | Api | None]] = {}
    for t in targets:
        attrs = graph.nodes[t]
        host = endpoints.execute_api_host(str(attrs.get("api_id")), str(attrs.get("region")))
        api_node = graph.nodes.get(gn.api_id(str(attrs.get("region")), str(attrs.get("api_id"))))
        ref = api_node.get(gn.REF) if api_node is not None else None
        out[host] = (
            ref
            if isinstance(ref, RestApi | Api)
            else ctx.model.apigateway.api_by_execute_domain(host)
        )
    return sorted(out.items(), key=lambda p: p[0])


@check(
    "origin.apigw_direct_access",
    title="API Gateway origin callable on its default execute-api endpoint",
    severity="medium",
    category="security",
    applies_to="origin",
    remediation=(
        "Disable the default execute-api endpoint (custom domain only), or require an API key "
        "that CloudFront sends as a custom origin header, or add a resource policy that denies "
        "requests not coming through the edge."
    ),
)
def apigw_direct_access(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """An origin that reaches an API Gateway API — its default ``<id>.execute-api.<region>``
    host, or a custom domain (directly or through Route 53) whose mappings name the API — whose
    default endpoint stays enabled and is not otherwise restricted, so clients can call it
    around CloudFront. REST APIs pass with the endpoint disabled, PRIVATE endpoint type, a
    resource policy that restricts (any Deny, or no unconditional Allow for ``*``), or an API
    key required on every method (OPTIONS aside); HTTP/WebSocket APIs have no resource policy
    and pass with the endpoint disabled or (WebSocket) every route requiring an API key.
    Unknown when the API, its methods or routes were not collected."""
    failing: list[dict[str, str]] = []
    unknown: list[str] = []
    for host, api in _apis(s, ctx):
        if api is NOT_COLLECTED:
            unknown.append(host)
            continue
        if api is None:
            continue
        why = direct_access_reason(api)
        if why is NOT_COLLECTED:
            unknown.append(api.execute_api_domain)
        elif why is not None:
            failing.append({"api": api.id, "endpoint": api.execute_api_domain, "why": why})
    if failing:
        names = ", ".join(f["endpoint"] for f in failing)
        return Fail(
            f"default endpoint reachable around CloudFront: {names}",
            {"origin": s.origin.id, "apis": failing},
        )
    if unknown:
        return Unknown(
            f"API Gateway origin not collected: {', '.join(unknown)}",
            {"origin": s.origin.id, "not_collected": unknown},
        )
    return None
