"""What ``redundancy.apigw_proxy_to_alb`` reads of an API (no checks here): is every route a
plain HTTP proxy to one ALB, without authorizer, API key, usage plan or transformation?

Transformations are not modelled by :mod:`edgekit.model` yet; they are read from the payload
item kept as ``raw`` (GetResources ``methodIntegration`` request templates / parameters and
integration responses; GetIntegrations ``RequestParameters`` / ``ResponseParameters`` /
``RequestTemplates``). A REST request parameter mapped onto itself
(``integration.request.path.proxy`` ← ``method.request.path.proxy``, what every ``/{proxy+}``
HTTP proxy carries) passes the request through and is no transformation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from edgekit.graph import nodes as gn
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.model import NOT_COLLECTED, Api, Listener, RestApi
from edgekit.rules.context import CheckContext
from edgekit.rules.finding import Unknown

_V1_RESPONSE = ("responseTemplates", "responseParameters")
_V2_TRANSFORMS = ("RequestParameters", "ResponseParameters", "RequestTemplates")


def api_nodes(ctx: CheckContext, api: RestApi | Api) -> list[str]:
    """The API's node followed by its stage nodes (sorted)."""
    node = gn.api_id(api.region, api.id)
    graph = ctx.estate.graph
    if node not in graph:
        return [node]
    stages = sorted(v for v, d in graph.adj[node].items() if d["kind"] == EdgeKind.HAS_STAGE)
    return [node, *stages]


def _passes_through(target: str, source: object) -> bool:
    """``integration.request.<loc>.<name>`` ← ``method.request.<loc>.<name>``: the request
    parameter handed on unchanged (every ``/{proxy+}`` HTTP proxy maps ``path.proxy`` so)."""
    loc, _, name = target.lower().removeprefix("integration.request.").partition(".")
    return (
        target.lower().startswith("integration.request.")
        and bool(name)
        and isinstance(source, str)
        and source.lower() == f"method.request.{loc}.{name}"
    )


def _v1_integration_transforms(integ: Mapping[str, Any]) -> list[str]:
    params = integ.get("requestParameters") or {}
    found = ["requestTemplates"] if integ.get("requestTemplates") else []
    if any(not _passes_through(str(k), v) for k, v in params.items()):
        found.append("requestParameters")
    return found


def _v1_transforms(api: RestApi) -> list[str]:
    found: list[str] = []
    for res in api.raw.get("Resources") or ():
        for verb, method in (res.get("resourceMethods") or {}).items():
            integ = method.get("methodIntegration") or {}
            where = f"{verb} {res.get('path')}"
            found += [f"{where}: {k}" for k in _v1_integration_transforms(integ)]
            responses = (integ.get("integrationResponses") or {}).values()
            if any(r.get(k) for r in responses for k in _V1_RESPONSE):
                found.append(f"{where}: integration response mapping")
    return sorted(found)


def _v2_transforms(api: Api) -> list[str]:
    found: list[str] = []
    for integ in api.raw.get("Integrations") or ():
        found += [f"{integ.get('IntegrationId')}: {k}" for k in _V2_TRANSFORMS if integ.get(k)]
    return sorted(found)


def _auth(items: Iterable[tuple[str, str | None, bool]]) -> list[str]:
    return sorted(
        f"{where}: {kind or 'NONE'}{' + API key' if key else ''}"
        for where, kind, key in items
        if (kind or "NONE") != "NONE" or key
    )


def _features(api: RestApi | Api, ctx: CheckContext) -> dict[str, Any] | Unknown | None:
    """Integration types and the guarded features, or None when a guard holds."""
    if isinstance(api, RestApi):
        methods = api.methods
        if methods is NOT_COLLECTED or api.stages is NOT_COLLECTED:
            return Unknown("the API's resources/methods or stages were not collected", {})
        types = [m.integration.type if m.integration else None for m in methods]
        auth = _auth(
            (f"{m.http_method} {m.path}", m.authorization_type, m.api_key_required) for m in methods
        )
        plans: list[str] = []
        for stage in api.stages:
            found = ctx.model.apigateway.usage_plans_for(
                api.id, stage.name, api.account_id, api.region
            )
            if found is NOT_COLLECTED:
                return Unknown("usage plans were not collected", {})
            plans += [p.id for p in found]
        transforms = _v1_transforms(api)
    else:
        if api.protocol_type != "HTTP":
            return None
        if api.integrations is NOT_COLLECTED or api.routes is NOT_COLLECTED:
            return Unknown("the API's routes or integrations were not collected", {})
        types = [i.type for i in api.integrations]
        auth = _auth((r.route_key, r.authorization_type, r.api_key_required) for r in api.routes)
        plans, transforms = [], _v2_transforms(api)
    if not types or any(t != "HTTP_PROXY" for t in types) or auth or plans or transforms:
        return None
    return {"integrations": len(types)}


def _alb_of(ctx: CheckContext, node: str) -> str | Unknown | None:
    """The ALB node an integration target stands for (through DNS names and listeners)."""
    graph = ctx.estate.graph
    seen = {node}
    while graph.nodes[node]["kind"] == NodeKind.DNS:
        nxt = [v for v, d in graph.adj[node].items() if d["kind"] == EdgeKind.RESOLVES_TO]
        if len(nxt) != 1 or nxt[0] in seen:
            return None
        node = nxt[0]
        seen.add(node)
    attrs: Mapping[str, Any] = graph.nodes[node]
    if attrs["kind"] == NodeKind.LISTENER:
        listener = ctx.model.elbv2.listener(str(attrs.get("arn")))
        if listener is NOT_COLLECTED:
            return Unknown("the integration's listener was not collected", {})
        if not isinstance(listener, Listener):
            return None
        node = gn.lb_id(listener.load_balancer_arn)
        if node not in graph:
            return None
        attrs = graph.nodes[node]
    if attrs["kind"] == NodeKind.LOAD_BALANCER and attrs.get("lb_type") == "alb":
        return node
    return None


def proxy_facts(api: RestApi | Api, ctx: CheckContext) -> dict[str, Any] | Unknown | None:
    """``{"alb", "alb_name", "integrations", "pre_checks"}`` when the API is a plain proxy to one
    ALB; an Unknown when that depends on data not collected; None otherwise."""
    features = _features(api, ctx)
    if not isinstance(features, dict):
        return features
    graph = ctx.estate.graph
    targets = sorted(
        {
            v
            for n in api_nodes(ctx, api)
            if n in graph
            for v, d in graph.adj[n].items()
            if d["kind"] == EdgeKind.INTEGRATES
        }
    )
    albs: set[str] = set()
    for t in targets:
        found = _alb_of(ctx, t)
        if found is None or isinstance(found, Unknown):
            return found
        albs.add(found)
    if len(albs) != 1:
        return None
    alb = albs.pop()
    pre: list[str] = []
    if not api.disable_execute_api_endpoint:
        pre.append(
            f"default endpoint {api.execute_api_domain} is enabled: confirm no client calls it "
            "directly (access logs), or disable it first"
        )
    return {
        "alb": alb,
        "alb_name": graph.nodes[alb].get("name") or alb,
        "integrations": features["integrations"],
        "pre_checks": pre,
    }
