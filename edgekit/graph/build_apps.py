"""Graph parts for API Gateway (APIs → stages → integrations; custom domains → mappings), S3
buckets and Lambda function URLs — attached to the nodes their endpoint names identify."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Final

import networkx as nx

from edgekit.graph import nodes as n
from edgekit.graph.nodes import EdgeKind, NodeKind
from edgekit.graph.refs import certificate_node, function_node, placeholder, web_acl_node
from edgekit.graph.resolve import normalize
from edgekit.graph.resolver import Resolver
from edgekit.model import NOT_COLLECTED, Inventory
from edgekit.model.apigateway.domains import DomainName
from edgekit.model.apigateway.types import RestApi, RestApiStage, VpcLink
from edgekit.model.apigatewayv2.types import Api, ApiStage
from edgekit.model.elbv2.types import Listener

_FUNCTION_ARN: Final = re.compile(
    r"arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[^/:]+(?::[^/]+)?"
)
Rule = Callable[[str], "tuple[str, str] | None"]


def domain_target_rule(inv: Inventory) -> Rule:
    """A custom domain by its AWS-side name (``d-….execute-api…`` or edge ``*.cloudfront.net``)."""

    def rule(host: str) -> tuple[str, str] | None:
        found = inv.apigateway.domain_name_by_target(host)
        if isinstance(found, DomainName):
            return n.api_domain_id(found.name), "api-domain-target"
        return None

    return rule


def custom_domain_rule(inv: Inventory) -> Rule:
    """A custom domain by its own name (when no Route 53 record names it)."""

    def rule(host: str) -> tuple[str, str] | None:
        found = inv.apigateway.domain_name(host)
        if isinstance(found, DomainName):
            return n.api_domain_id(found.name), "api-custom-domain"
        return None

    return rule


def stage_node(
    graph: nx.DiGraph, region: str, api: str, name: str, *, ref: object = None, **attrs: Any
) -> str:
    """The node of an API stage (added without a model object when unknown)."""
    node = n.api_stage_id(region, api, name)
    if node not in graph or ref is not None:
        label = f"{api}/{name}"
        n.add_node(
            graph,
            node,
            NodeKind.API_STAGE,
            label,
            region=region,
            ref=ref,
            api_id=api,
            stage=name,
            **attrs,
        )
    return node


def add_apis(graph: nx.DiGraph, inv: Inventory, res: Resolver) -> None:
    """REST and HTTP/WebSocket APIs, their stages and integrations; custom domains."""
    for rest in inv.rest_apis:
        _api(graph, inv, res, rest)
    for api in inv.apis:
        _api(graph, inv, res, api)
    for domain in inv.apigateway.domain_names():
        _domain(graph, inv, domain)


def _api(graph: nx.DiGraph, inv: Inventory, res: Resolver, api: RestApi | Api) -> None:
    if isinstance(api, RestApi):
        public = not api.is_private
        kind, types, edge = "rest", list(api.endpoint_types), api.is_edge_optimized
    else:
        public, kind, types, edge = True, api.protocol_type.lower(), ["REGIONAL"], False
    node = n.add_resource(
        graph,
        n.api_id(api.region, api.id),
        NodeKind.API,
        f"{api.name} ({api.id})",
        api,
        api_id=api.id,
        name=api.name,
        api_type=kind,
        endpoint_types=types,
        edge_optimized=edge,
        has_stages=api.stages is not NOT_COLLECTED and bool(api.stages),
        public=public,
        endpoint=None if api.disable_execute_api_endpoint else api.execute_api_domain,
        lock_facts=_api_facts(api),
    )
    sources = [node]
    if api.stages is not NOT_COLLECTED and api.stages:
        sources = []
        for stage in api.stages:
            s = stage_node(
                graph,
                api.region,
                api.id,
                stage.name,
                account_id=api.account_id,
                arn=_stage_arn(api, stage),
                ref=stage,
                public=public,
            )
            n.add_edge(graph, node, s, EdgeKind.HAS_STAGE)
            acl = getattr(stage, "web_acl_arn", None)
            if acl:
                n.add_edge(graph, web_acl_node(graph, inv, acl), s, EdgeKind.PROTECTS)
            sources.append(s)
    targets = _integration_targets(graph, inv, res, api)
    for source in sources:
        for target, attrs in targets.items():
            n.add_edge(graph, source, target, EdgeKind.INTEGRATES, **attrs)


def _stage_arn(api: RestApi | Api, stage: RestApiStage | ApiStage) -> str | None:
    """A stage's ARN: a REST stage's own; an HTTP / WebSocket stage's built from its API's
    (``…::/apis/<id>/stages/<name>``, the resource the apigw checks' findings name)."""
    if isinstance(stage, RestApiStage):
        return stage.arn
    return api.stage_arn(stage.name) if isinstance(api, Api) else None


def _api_facts(api: RestApi | Api) -> list[str]:
    """What limits direct calls to an API: its default endpoint, resource policy, API keys."""
    facts = ["default endpoint disabled"] if api.disable_execute_api_endpoint else []
    if isinstance(api, RestApi):
        if api.policy is not None:
            facts.append("resource policy")
        methods = api.methods
        if methods is not NOT_COLLECTED and methods and all(m.api_key_required for m in methods):
            facts.append("API key required")
    return facts


def _integration_targets(
    graph: nx.DiGraph, inv: Inventory, res: Resolver, api: RestApi | Api
) -> dict[str, dict[str, Any]]:
    """Backend node → its edge's attributes (``integration``: the first integration's type;
    ``listeners``: for a load balancer, the listener ARNs the VPC link integrations name), for
    every integration of the API."""
    out: dict[str, dict[str, Any]] = {}
    if isinstance(api, RestApi):
        methods = api.methods if api.methods is not NOT_COLLECTED else ()
        specs: Iterable[tuple[str | None, str | None, str | None, str | None]] = (
            (i.type, i.uri, i.connection_type, i.connection_id)
            for m in methods
            if (i := m.integration) is not None
        )
    else:
        integrations = api.integrations if api.integrations is not NOT_COLLECTED else ()
        specs = ((i.type, i.uri, i.connection_type, i.connection_id) for i in integrations)
    for kind, uri, connection, link in specs:
        for target in _backend(graph, inv, res, api, kind, uri, connection, link):
            attrs = out.setdefault(target, {"integration": kind or ""})
            listener = _vpc_link_listener(connection, uri)
            if listener and graph.nodes[target]["kind"] == NodeKind.LOAD_BALANCER:
                attrs["listeners"] = sorted({*attrs.get("listeners", ()), listener})
    return out


def _vpc_link_listener(connection: str | None, uri: str | None) -> str | None:
    """The ALB / NLB listener ARN a VPC link integration of an HTTP API names, else None."""
    return uri if connection == "VPC_LINK" and uri and ":listener/" in uri else None


def _backend(
    graph: nx.DiGraph,
    inv: Inventory,
    res: Resolver,
    api: RestApi | Api,
    kind: str | None,
    uri: str | None,
    connection: str | None,
    link: str | None,
) -> list[str]:
    fn = _FUNCTION_ARN.search(uri or "")
    if fn is not None:
        return [function_node(graph, fn.group(0))]
    listener = _vpc_link_listener(connection, uri)
    if listener is not None:  # HTTP API → ALB/NLB listener
        return [_listener_load_balancer(graph, inv, listener)]
    if connection == "VPC_LINK" and link:  # REST / WebSocket API → NLB through a v1 VPC link
        found = inv.apigateway.vpc_link(link, api.account_id, api.region)
        if isinstance(found, VpcLink):
            return [
                placeholder(
                    graph, n.lb_id(arn), NodeKind.LOAD_BALANCER, arn, inv.elbv2.load_balancer
                )
                for arn in found.target_arns
            ]
    if connection == "VPC_LINK":
        node = n.external_id(f"vpc-link/{api.region}/{link}")
        label = f"VPC link {link}"
        n.add_node(graph, node, NodeKind.EXTERNAL, label, unresolved=True, hint="vpc-link")
        return [node]
    if kind in ("HTTP", "HTTP_PROXY") and uri and "://" in uri:
        host = normalize(uri.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0])
        return [res.resolve(host)[0]] if host else []
    return []


def _listener_load_balancer(graph: nx.DiGraph, inv: Inventory, listener: str) -> str:
    """The node a VPC link integration naming ``listener`` (an ALB / NLB listener ARN) sends
    traffic to: the listener's load balancer, which requests cross on their way to the listener
    (so the load balancer is on the API's paths, as for any other client of it). A placeholder
    of the listener (``unresolved``, ``missing``) when the snapshot lacks it: absent, or its
    load balancer's listeners (or the load balancer) not collected."""
    found = inv.elbv2.listener(listener)
    if isinstance(found, Listener):
        lb = found.load_balancer_arn
        return placeholder(graph, n.lb_id(lb), NodeKind.LOAD_BALANCER, lb, inv.elbv2.load_balancer)
    return placeholder(
        graph, n.listener_id(listener), NodeKind.LISTENER, listener, inv.elbv2.listener
    )


def _domain(graph: nx.DiGraph, inv: Inventory, d: DomainName) -> None:
    node = n.add_resource(
        graph,
        n.api_domain_id(d.name),
        NodeKind.API_DOMAIN,
        d.name,
        d,
        domain_name=d.name,
        endpoint_type=d.endpoint_type,
        security_policy=d.security_policy,
        public=d.endpoint_type != "PRIVATE",
        regional_domain_name=d.regional_domain_name,
        distribution_domain_name=d.distribution_domain_name,
    )
    for cert in d.certificate_arns:
        n.add_edge(graph, node, certificate_node(graph, inv, cert), EdgeKind.SERVES_CERTIFICATE)
    mappings: list[tuple[str, str | None, str]] = []
    if d.base_path_mappings is not NOT_COLLECTED:
        mappings += [(m.rest_api_id, m.stage, m.base_path) for m in d.base_path_mappings]
    if d.api_mappings is not NOT_COLLECTED:
        mappings += [(m.api_id, m.stage, m.key) for m in d.api_mappings]
    for api, stage, path in mappings:
        missing = _api_missing(inv, api, d.account_id, d.region)
        gone: dict[str, Any] = {"unresolved": True, "missing": missing} if missing else {}
        if stage is None:
            target = n.api_id(d.region, api)
            if target not in graph:
                n.add_node(graph, target, NodeKind.API, api, region=d.region, api_id=api, **gone)
        else:
            target = stage_node(graph, d.region, api, stage, **gone)
        n.add_edge(graph, node, target, EdgeKind.MAPS_TO, base_path=path or "/")


def _api_missing(inv: Inventory, api: str, account: str, region: str) -> str | None:
    """``absent`` / ``not-collected`` for a mapped API the snapshot does not have, else None."""
    found = [
        inv.apigateway.rest_api(api, account, region),
        inv.apigateway.api(api, account, region),
    ]
    if any(x is not None and x is not NOT_COLLECTED for x in found):
        return None
    return "not-collected" if NOT_COLLECTED in found else "absent"
