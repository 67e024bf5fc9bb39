"""What each entrypoint's path carries: the facts a house pattern is compared with.

One :class:`EntryFacts` per service entrypoint (:func:`service_entries`), read from the graph
(hops, origins, protections) and the model (policies, ACL rules, logging, Shield). A fact that
could not be read is an :class:`Unknown` with its reason, never a guess: the matcher reports it
as unknown, not as a deviation.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TypeAlias, TypeVar

import networkx as nx

from edgekit.graph import Estate
from edgekit.graph.lineage import traffic_successors
from edgekit.graph.nodes import REF, TRAFFIC_EDGES, NodeKind
from edgekit.graph.queries import resolve_origin
from edgekit.graph.tables import Entry, entries
from edgekit.model import (
    NOT_COLLECTED,
    CacheBehavior,
    ClassicWebACL,
    Distribution,
    LoadBalancer,
    Origin,
    WebACL,
)
from edgekit.model.wafv2.statements import ManagedRuleGroupStatement, RateBasedStatement
from edgekit.rules.analysis.lb_lockdown import State, lockdown_for
from edgekit.rules.context import CheckContext

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Unknown:
    """A fact that could not be read, and why."""

    reason: str

    def __str__(self) -> str:
        return f"unknown ({self.reason})"


Fact: TypeAlias = T | Unknown
LEGACY_CACHE: str = "(legacy ForwardedValues)"
"""The cache "policy" name of a behavior that has none (legacy cache settings)."""
UNKNOWN_HOP = "?"
"""A hop whose kind the snapshot does not tell."""

DEFAULT_NAMES = frozenset({"distribution-domain", "load-balancer", "api-endpoint", "accelerator"})
"""Entry kinds that are a resource's own AWS name (``*.cloudfront.net``, an ELB or execute-api
name): not a service of their own when a named hostname of the estate leads to that node."""


@dataclass(frozen=True, slots=True)
class Route:
    """One way through the entrypoint: a behavior (CloudFront) and the hops to its origin."""

    behavior: str
    """The behavior's path pattern, ``default``, or ``-`` without CloudFront."""
    kinds: tuple[str, ...]
    """Hop kinds in order (``dns-alias``, ``cloudfront``, ``origin:s3`` ...)."""
    origin: str | None = None
    """The CloudFront origin id."""
    origin_kind: str | None = None
    lock: Fact[str] | None = None
    """The origin's lock method (:data:`~edgekit.conform.vocabulary.LOCK_METHODS`)."""
    protocol: str | None = None
    """OriginProtocolPolicy of a custom origin (None: not a custom origin)."""
    cache_policy: Fact[str] | None = None
    origin_request_policy: Fact[str | None] | None = None
    response_headers_policy: Fact[str | None] | None = None
    viewer_protocol: str | None = None
    functions: tuple[str, ...] = ()
    lambda_at_edge: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Acl:
    """A web ACL as a pattern sees it."""

    name: str
    managed_groups: Fact[tuple[str, ...]]
    """``Vendor/Name`` of the managed groups the ACL enforces with (not count-only)."""
    rate_limit: Fact[bool]


@dataclass(frozen=True, slots=True)
class CloudFrontFacts:
    """The distribution the entrypoint goes through first."""

    id: str
    web_acl: Fact[Acl | None]
    viewer_tls: str
    certificate_source: str
    logging: Fact[bool]
    http_version: str
    ipv6: bool
    price_class: str
    shield: Fact[bool]


@dataclass(frozen=True, slots=True)
class LoadBalancerFacts:
    """A load balancer on the path (entry, accelerator endpoint, origin, behind a VPC origin)."""

    name: str
    lb_type: str
    internet_facing: bool
    tls_policies: Fact[tuple[str, ...]]
    web_acl: Fact[str | None]
    shield: Fact[bool]


@dataclass(frozen=True, slots=True)
class EntryFacts:
    """Everything a pattern can ask of one entrypoint."""

    hostname: str
    entry_kind: str
    node: str
    account_id: str | None
    region: str | None
    routes: tuple[Route, ...]
    cloudfront: CloudFrontFacts | None
    load_balancers: tuple[LoadBalancerFacts, ...]
    service: str
    """The first node past the DNS records (the distribution, load balancer, API ...): the
    service several hostnames may share."""

    @property
    def path(self) -> tuple[str, ...]:
        """The default route's hop kinds."""
        return self.routes[-1].kinds if self.routes else ()


def service_entries(graph: nx.DiGraph, found: Sequence[Entry] | None = None) -> list[Entry]:
    """Entrypoints that are services: every public hostname, except a resource's own AWS name
    (``*.cloudfront.net``, ELB, execute-api, accelerator) when a named hostname reaches it.
    ``found``: the graph's :func:`~edgekit.graph.tables.entries`, when the caller has them."""
    all_entries = entries(graph) if found is None else list(found)
    reached = _reach(graph, [e.node for e in all_entries if e.entry_kind not in DEFAULT_NAMES])
    return [e for e in all_entries if e.entry_kind not in DEFAULT_NAMES or e.node not in reached]


def _reach(graph: nx.DiGraph, starts: Iterable[str]) -> set[str]:
    """Every node a traffic path from one of ``starts`` reaches (the starts included): one
    walk for all of them, each node expanded once."""
    seen = set(starts)
    stack = list(seen)
    while stack:
        for child, data in graph.adj[stack.pop()].items():
            if child not in seen and data["kind"] in TRAFFIC_EDGES:
                seen.add(child)
                stack.append(child)
    return seen


def collect_facts(estate: Estate) -> list[EntryFacts]:
    """The facts of every service entrypoint, sorted by hostname (linear in the estate)."""
    reader = _Reader(estate)
    return [reader.entry(e) for e in service_entries(estate.graph, estate.entries())]


def glob_any(name: str, globs: Iterable[str]) -> bool:
    """``name`` matches one of the ``fnmatch`` globs (case-sensitive, as AWS names are)."""
    return any(fnmatch.fnmatchcase(name, g) for g in globs)


class _Reader:
    """Reads facts, remembering per-resource answers (shared distributions, ACLs, origins)."""

    def __init__(self, estate: Estate) -> None:
        self.estate = estate
        self.graph = estate.graph
        self.model = estate.model
        self.ctx = CheckContext.from_estate(estate)
        self._cf: dict[str, CloudFrontFacts] = {}
        self._routes: dict[str, tuple[Route, ...]] = {}
        self._acls: dict[str, Fact[Acl | None]] = {}
        self._lbs: dict[str, LoadBalancerFacts] = {}
        self._locks: dict[str, Fact[str]] = {}
        self._fronted: dict[tuple[str, tuple[str, ...]], tuple[Route, ...]] = {}
        self._dist_lbs: dict[str, tuple[LoadBalancerFacts, ...]] = {}

    # -- path ------------------------------------------------------------------------------------
    def entry(self, e: Entry) -> EntryFacts:
        attrs = self.graph.nodes[e.node]
        front: list[str] = []
        node: str | None = e.node
        routes: tuple[Route, ...] = ()
        cf: CloudFrontFacts | None = None
        lbs: list[LoadBalancerFacts] = []
        seen: set[str] = set()
        service = e.node
        while node is not None and node not in seen:
            seen.add(node)
            kind = self.graph.nodes[node]["kind"]
            if service == e.node and kind != NodeKind.DNS:
                service = node
            if kind == NodeKind.DISTRIBUTION and self.graph.nodes[node].get(REF) is not None:
                routes = self._fronted_routes(node, tuple(front))
                front.append("cloudfront")
                cf = self._cloudfront(node)
                lbs.extend(self._distribution_lbs(node))
                break
            node = self._front_step(node, front, lbs)
        if not routes:
            routes = (Route(behavior="-", kinds=tuple(front)),)
        return EntryFacts(
            hostname=e.hostname,
            entry_kind=e.entry_kind,
            node=e.node,
            account_id=attrs.get("account_id"),
            region=attrs.get("region"),
            routes=routes,
            cloudfront=cf,
            load_balancers=tuple(_unique_lbs(lbs)),
            service=service,
        )

    def _front_step(self, node: str, front: list[str], lbs: list[LoadBalancerFacts]) -> str | None:
        """Append ``node``'s hop kind; the next node of the front path (None: the path ends)."""
        attrs = self.graph.nodes[node]
        kind = attrs["kind"]
        succ = traffic_successors(self.graph, node)
        if kind == NodeKind.DNS:
            edges = [self.graph[node][v] for v in succ]
            front.append(
                "dns-alias" if edges and all(d.get("alias") for d in edges) else "dns-cname"
            )
            return succ[0] if len(succ) == 1 else None
        if kind == NodeKind.LOAD_BALANCER:
            lb_type = attrs.get("lb_type")
            front.append({"classic": "classic-elb"}.get(lb_type or "", lb_type or UNKNOWN_HOP))
            if attrs.get("modelled"):
                lbs.append(self._lb(node))
            return self._lb_behind(node) if lb_type == "nlb" else None
        if kind == NodeKind.ACCELERATOR:
            front.append("accelerator")
            return succ[0] if len(succ) == 1 else None
        if kind in (NodeKind.API, NodeKind.API_DOMAIN, NodeKind.API_STAGE):
            front.append("api-gateway")
            return None
        front.append(
            {
                NodeKind.LAMBDA_URL: "lambda-url",
                NodeKind.S3_BUCKET: "s3",
                NodeKind.EXTERNAL: "external",
            }.get(kind, UNKNOWN_HOP)
        )
        return None

    def _lb_behind(self, node: str) -> str | None:
        """The load balancer an NLB forwards to (an ``alb`` target group), if any."""
        stack, seen = [node], {node}
        while stack:
            current = stack.pop()
            for child in traffic_successors(self.graph, current):
                if child in seen:
                    continue
                seen.add(child)
                kind = self.graph.nodes[child]["kind"]
                if kind == NodeKind.LOAD_BALANCER:
                    return child
                if kind in (
                    NodeKind.LISTENER,
                    NodeKind.LISTENER_RULE,
                    NodeKind.TARGET_GROUP,
                    NodeKind.TARGET,
                ):
                    stack.append(child)
        return None

    # -- CloudFront ------------------------------------------------------------------------------
    def _fronted_routes(self, node: str, front: tuple[str, ...]) -> tuple[Route, ...]:
        """The distribution's routes behind the hops ``front`` (the same tuple for every
        entrypoint with that front path: a distribution's aliases share it)."""
        found = self._fronted.get((node, front))
        if found is None:
            found = tuple(
                replace(r, kinds=(*front, *r.kinds)) for r in self._distribution_routes(node)
            )
            self._fronted[(node, front)] = found
        return found

    def _distribution_lbs(self, node: str) -> tuple[LoadBalancerFacts, ...]:
        """The modelled load balancers the distribution's routes reach, route by route."""
        found = self._dist_lbs.get(node)
        if found is None:
            found = self._dist_lbs[node] = tuple(
                lb for r in self._distribution_routes(node) for lb in self._origin_lbs(node, r)
            )
        return found

    def _distribution_routes(self, node: str) -> tuple[Route, ...]:
        found = self._routes.get(node)
        if found is not None:
            return found
        dist: Distribution = self.graph.nodes[node][REF]
        out = []
        for behavior in dist.behaviors:
            origins = dist.origins_for(behavior.target_origin_id)
            origin = origins[0] if origins else None
            out.append(self._route(dist, behavior, origin))
        self._routes[node] = tuple(out)
        return self._routes[node]

    def _route(self, dist: Distribution, b: CacheBehavior, origin: Origin | None) -> Route:
        lock: Fact[str]
        protocol: str | None = None
        if origin is None:
            kind, lock = UNKNOWN_HOP, Unknown("the behavior's origin is missing")
        else:
            kind, lock = self._origin(dist, origin)
            cfg = origin.custom_origin_config
            protocol = cfg.origin_protocol_policy if cfg and kind != "vpc-origin" else None
        return Route(
            behavior="default" if b.is_default else b.path_pattern,
            kinds=("cloudfront", f"origin:{kind}"),
            origin=origin.id if origin else None,
            origin_kind=kind,
            lock=lock,
            protocol=protocol,
            cache_policy=self._cache_policy(dist, b),
            origin_request_policy=self._policy_name(
                "origin_request", dist, b.origin_request_policy_id
            ),
            response_headers_policy=self._policy_name(
                "response_headers", dist, b.response_headers_policy_id
            ),
            viewer_protocol=b.viewer_protocol_policy,
            functions=tuple(a.function_arn.rpartition("/")[2] for a in b.function_associations),
            lambda_at_edge=tuple(a.lambda_function_arn for a in b.lambda_function_associations),
        )

    def _cache_policy(self, dist: Distribution, b: CacheBehavior) -> Fact[str]:
        if b.cache_policy_id is None:
            return LEGACY_CACHE
        name = self._policy_name("cache", dist, b.cache_policy_id)
        return name if name is not None else Unknown("cache policy id names nothing")

    def _policy_name(self, kind: str, dist: Distribution, ident: str | None) -> Fact[str | None]:
        if ident is None:
            return None
        cf = self.model.cloudfront
        lookup = {
            "cache": cf.cache_policy,
            "origin_request": cf.origin_request_policy,
            "response_headers": cf.response_headers_policy,
        }[kind]
        found = lookup(ident, dist.account_id)
        if found is NOT_COLLECTED:
            return Unknown(f"{kind.replace('_', ' ')} policies were not collected")
        if found is None:
            return Unknown(f"{kind.replace('_', ' ')} policy {ident} is not in the snapshot")
        return str(found.name)

    def _origin(self, dist: Distribution, origin: Origin) -> tuple[str, Fact[str]]:
        """The origin's kind and lock method."""
        node = f"origin:{dist.id}:{origin.id}"
        if origin.kind == "vpc":
            return "vpc-origin", "vpc-origin"
        if origin.is_s3_website:
            return "s3-website", "none"
        if origin.is_s3_rest:
            if origin.origin_access_control_id:
                return "s3", "oac"
            return "s3", "oai" if origin.origin_access_identity_id else "none"
        target = resolve_origin(self.graph, node)
        attrs = self.graph.nodes[target]
        kind = attrs["kind"]
        if kind == NodeKind.LOAD_BALANCER:
            lb_type = attrs.get("lb_type")
            name = {"classic": "classic-elb"}.get(lb_type or "", lb_type or UNKNOWN_HOP)
            return name, self._lb_lock(target)
        if kind == NodeKind.LAMBDA_URL:
            return "lambda-url", "oac" if origin.origin_access_control_id else "none"
        if kind in (NodeKind.API, NodeKind.API_DOMAIN, NodeKind.API_STAGE):
            return "api-gateway", Unknown(
                "whether API Gateway checks what CloudFront sends (key, header) is not evaluated"
            )
        if kind == NodeKind.DISTRIBUTION:
            return "cloudfront", "none"
        return "custom", Unknown("the origin's server is not in the snapshot")

    def _lb_lock(self, node: str) -> Fact[str]:
        if node in self._locks:
            return self._locks[node]
        lb = self.graph.nodes[node].get(REF)
        if not isinstance(lb, LoadBalancer):
            lock: Fact[str] = Unknown("the load balancer's lockdown is not evaluated")
        else:
            origins = [o for d, o in self.estate.distributions_in_front_of(node)]
            found = lockdown_for(self.ctx, lb, origins)
            net, head = found.network.state, found.header.state
            if State.UNKNOWN in (net, head):
                lock = Unknown("; ".join(found.reasons) or "lockdown unknown")
            elif net is State.LOCKED and head is State.LOCKED:
                lock = "prefix-list+secret-header"
            elif net is State.LOCKED:
                lock = "prefix-list"
            elif head is State.LOCKED:
                lock = "secret-header"
            else:
                lock = "none"
        self._locks[node] = lock
        return lock

    def _cloudfront(self, node: str) -> CloudFrontFacts:
        found = self._cf.get(node)
        if found is not None:
            return found
        dist: Distribution = self.graph.nodes[node][REF]
        facts = CloudFrontFacts(
            id=dist.id,
            web_acl=self._acl(dist.web_acl_id),
            viewer_tls=str(self.graph.nodes[node].get("tls_policy") or ""),
            certificate_source=dist.viewer_certificate.source,
            logging=self._logging(dist),
            http_version=dist.http_version,
            ipv6=dist.is_ipv6_enabled,
            price_class=dist.price_class,
            shield=self._shield(dist.arn),
        )
        self._cf[node] = facts
        return facts

    def _logging(self, dist: Distribution) -> Fact[bool]:
        """On by standard logging, real-time logs or a v2 delivery (as ``cloudfront.logging_
        disabled`` decides); unknown only when none logs and standard logging was not read."""
        standard = dist.logging
        if standard is not NOT_COLLECTED and standard.enabled:
            return True
        if any(b.realtime_log_config_arn for b in dist.behaviors):
            return True
        deliveries = self.model.cloudfront.log_deliveries_for(dist)
        if deliveries is not NOT_COLLECTED and deliveries:
            return True
        if standard is NOT_COLLECTED:
            return Unknown("standard logging was not collected (GetDistribution)")
        return False

    def _shield(self, arn: str) -> Fact[bool]:
        found = self.model.shield.shield_protection_for(arn)
        if found is NOT_COLLECTED:
            return Unknown("Shield Advanced was not collected")
        return found is not None

    def _acl(self, ref: str | None) -> Fact[Acl | None]:
        if not ref:
            return None
        if ref in self._acls:
            return self._acls[ref]
        found = self.model.waf.web_acl(ref)
        acl: Fact[Acl | None]
        if found is NOT_COLLECTED or found is None:
            acl = Unknown(f"web ACL {ref} was not collected")
        elif isinstance(found, ClassicWebACL):
            acl = Acl(found.name, (), False)
        else:
            acl = _acl_facts(found)
        self._acls[ref] = acl
        return acl

    # -- load balancers --------------------------------------------------------------------------
    def _origin_lbs(self, dist_node: str, route: Route) -> Iterator[LoadBalancerFacts]:
        if route.origin is None or route.origin_kind not in ("alb", "nlb", "classic-elb"):
            return
        target = resolve_origin(self.graph, f"origin:{dist_node.partition(':')[2]}:{route.origin}")
        attrs = self.graph.nodes[target]
        if attrs["kind"] == NodeKind.LOAD_BALANCER and attrs.get("modelled"):
            yield self._lb(target)

    def _lb(self, node: str) -> LoadBalancerFacts:
        found = self._lbs.get(node)
        if found is not None:
            return found
        attrs = self.graph.nodes[node]
        ref = attrs.get(REF)
        arn = str(attrs.get("arn") or "")
        tls: Fact[tuple[str, ...]]
        if isinstance(ref, LoadBalancer):
            if ref.listeners is NOT_COLLECTED:
                tls = Unknown("listeners were not collected")
            else:
                tls = tuple(
                    sorted({ln.ssl_policy for ln in ref.listeners if ln.ssl_policy and
                            (ln.protocol or "").upper() in ("HTTPS", "TLS")})
                )  # fmt: skip
        else:
            tls = Unknown("Classic ELB listener policies are not evaluated")
        acl: Fact[str | None]
        if attrs.get("lb_type") == "alb":
            found_acl = self.model.waf.web_acl_for_resource(arn)
            if found_acl is NOT_COLLECTED:
                acl = Unknown("web ACL associations were not collected")
            else:
                acl = found_acl.name if isinstance(found_acl, WebACL | ClassicWebACL) else None
        else:
            acl = None
        facts = LoadBalancerFacts(
            name=str(attrs.get("label") or arn),
            lb_type=str(attrs.get("lb_type") or UNKNOWN_HOP),
            internet_facing=bool(attrs.get("internet_facing")),
            tls_policies=tls,
            web_acl=acl,
            shield=self._shield(arn),
        )
        self._lbs[node] = facts
        return facts


def _acl_facts(acl: WebACL) -> Acl:
    groups: Fact[tuple[str, ...]]
    rate: Fact[bool]
    if acl.rules is NOT_COLLECTED:
        groups = Unknown("the web ACL's rules were not collected")
        rate = Unknown("the web ACL's rules were not collected")
    else:
        names = {
            f"{r.statement.vendor_name}/{r.statement.name}"
            for r in acl.rules
            if isinstance(r.statement, ManagedRuleGroupStatement) and not r.counts_only
        }
        fms = acl.firewall_manager_rule_groups
        if fms is not NOT_COLLECTED:
            names.update(
                f"{g.statement.vendor_name}/{g.statement.name}"
                for g in fms
                if isinstance(g.statement, ManagedRuleGroupStatement)
                and g.override_action != "Count"
            )
        groups = tuple(sorted(names))
        rate = any(
            not r.counts_only and any(isinstance(s, RateBasedStatement) for s in r.statement.walk())
            for r in acl.rules
        )
    return Acl(acl.name, groups, rate)


def _unique_lbs(lbs: Iterable[LoadBalancerFacts]) -> list[LoadBalancerFacts]:
    return list({id(lb): lb for lb in lbs}.values())
