"""The context every check receives: the model, the estate graph (lazily) and resource kinds.

``CheckContext.resources(kind)`` enumerates what a check ``applies_to``; ``ref`` names a
resource in findings (its ARN, or for sub-resources such as cache behaviors and origins a
stable node id). ``today`` is the snapshot's collection date, so results do not depend on when
the scan runs (byte-stable goldens; an expiry check answers "as of the snapshot").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from edgekit.graph import nodes as gn
from edgekit.model import CacheBehavior, Distribution, Inventory, Origin
from edgekit.model.cloudwatch.reading import metered
from edgekit.rules.finding import ResourceRef

if TYPE_CHECKING:
    from edgekit.graph.estate import Estate
    from edgekit.rules.deploytime import World
    from edgekit.snapshot import Snapshot

T = TypeVar("T")


@dataclass(frozen=True)
class BehaviorSubject:
    """One cache behavior (default or ordered) of a distribution; ``position`` 0 = default."""

    distribution: Distribution
    behavior: CacheBehavior
    position: int

    @property
    def path(self) -> str:
        """The path pattern, or ``Default (*)`` for the default behavior."""
        return "Default (*)" if self.behavior.is_default else self.behavior.path_pattern


@dataclass(frozen=True)
class OriginSubject:
    """One origin of a distribution."""

    distribution: Distribution
    origin: Origin


def iter_behaviors(dist: Distribution) -> Iterator[BehaviorSubject]:
    """Ordered behaviors in evaluation order (position 1..n), then the default (position 0)."""
    for i, b in enumerate(dist.cache_behaviors, 1):
        yield BehaviorSubject(dist, b, i)
    yield BehaviorSubject(dist, dist.default_cache_behavior, 0)


@dataclass(frozen=True)
class AccountSubject:
    """One AWS account of the snapshot (checks about account-wide settings: Shield, WAF Classic)."""

    account_id: str


@dataclass(frozen=True)
class Kind:
    """How to enumerate and name one kind of resource."""

    type: str
    """Resource type in findings (CloudFormation names; sub-resources with a ``/`` suffix)."""
    enumerate: Callable[[CheckContext], Iterable[Any]]
    ref: Callable[[CheckContext, Any], tuple[str, str, str]]
    """``(ctx, resource) -> (id, account_id, region)``."""


def _arn_ref(_: CheckContext, r: Any) -> tuple[str, str, str]:
    return (r.arn, r.account_id, r.region)


KINDS: dict[str, Kind] = {
    "distribution": Kind(
        "AWS::CloudFront::Distribution", lambda c: c.model.distributions, _arn_ref
    ),
    "cache_behavior": Kind(
        "AWS::CloudFront::Distribution/CacheBehavior",
        lambda c: (b for d in c.model.distributions for b in iter_behaviors(d)),
        lambda _, s: (
            gn.behavior_node_id(s.distribution.id, s.behavior),
            s.distribution.account_id,
            s.distribution.region,
        ),
    ),
    "origin": Kind(
        "AWS::CloudFront::Distribution/Origin",
        lambda c: (OriginSubject(d, o) for d in c.model.distributions for o in d.origins),
        lambda _, s: (
            gn.origin_id(s.distribution.id, s.origin.id),
            s.distribution.account_id,
            s.distribution.region,
        ),
    ),
    "web_acl": Kind("AWS::WAFv2::WebACL", lambda c: c.model.web_acls, _arn_ref),
    "load_balancer": Kind(
        "AWS::ElasticLoadBalancingV2::LoadBalancer", lambda c: c.model.load_balancers, _arn_ref
    ),
    "listener": Kind(
        "AWS::ElasticLoadBalancingV2::Listener", lambda c: c.model.listeners, _arn_ref
    ),
    "listener_rule": Kind(
        "AWS::ElasticLoadBalancingV2::ListenerRule", lambda c: c.model.listener_rules, _arn_ref
    ),
    "target_group": Kind(
        "AWS::ElasticLoadBalancingV2::TargetGroup", lambda c: c.model.target_groups, _arn_ref
    ),
    "certificate": Kind(
        "AWS::CertificateManager::Certificate", lambda c: c.model.certificates, _arn_ref
    ),
    "hosted_zone": Kind(
        "AWS::Route53::HostedZone",
        lambda c: c.model.hosted_zones,
        lambda c, z: (
            f"arn:{c.model.partition}:route53:::hostedzone/{z.id}",
            z.account_id,
            z.region,
        ),
    ),
    "record_set": Kind(
        "AWS::Route53::RecordSet",
        lambda c: c.model.record_sets,
        lambda _, r: (
            f"record:{r.hosted_zone_id}:{r.name}:{r.type}{_set_suffix(r)}",
            r.account_id,
            r.region,
        ),
    ),
    "tls_endpoint": Kind(
        "AWS::CloudFront::Distribution|AWS::ElasticLoadBalancingV2::Listener",
        lambda c: (
            *c.model.distributions,
            *(li for li in c.model.listeners if (li.protocol or "").upper() == "HTTPS"),
        ),
        _arn_ref,
    ),
    "classic_load_balancer": Kind(
        "AWS::ElasticLoadBalancing::LoadBalancer",
        lambda c: c.model.classic_load_balancers,
        _arn_ref,
    ),
    "account": Kind(
        "AWS::::Account",
        lambda c: (AccountSubject(a) for a in c.model.coverage.accounts()),
        lambda c, a: (f"arn:{c.model.partition}:iam::{a.account_id}:root", a.account_id, "global"),
    ),
    "rest_api": Kind("AWS::ApiGateway::RestApi", lambda c: c.model.rest_apis, _arn_ref),
    "api_domain": Kind(
        "AWS::ApiGateway::DomainName", lambda c: c.model.apigateway.domain_names(), _arn_ref
    ),
    "api": Kind(
        "AWS::ApiGateway::RestApi|AWS::ApiGatewayV2::Api",
        lambda c: (*c.model.rest_apis, *c.model.apis),
        _arn_ref,
    ),
    "metered": Kind(
        "AWS::CloudFront::Distribution|AWS::ElasticLoadBalancingV2::LoadBalancer"
        "|AWS::ElasticLoadBalancing::LoadBalancer|AWS::ApiGateway::Stage|AWS::ApiGatewayV2::Stage"
        "|AWS::Lambda::Url|AWS::GlobalAccelerator::Accelerator",
        lambda c: c.memo("metered", lambda: metered(c.model)),
        lambda _, m: (m.resource_id, m.account_id, m.region),
    ),
    "edge_entrypoint": Kind(
        "AWS::CloudFront::Distribution|AWS::ElasticLoadBalancingV2::LoadBalancer"
        "|AWS::ElasticLoadBalancing::LoadBalancer",
        lambda c: (
            *c.model.distributions,
            *c.model.load_balancers,
            *c.model.classic_load_balancers,
        ),
        _arn_ref,
    ),
}
"""Every ``applies_to`` value a check may use. Add a kind here when a new resource kind appears."""


def _set_suffix(record: Any) -> str:
    ident = getattr(record, "set_identifier", None)
    return f":{ident}" if ident else ""


class CheckContext:
    """What every check receives as ``ctx`` (implements the runner's ``Subject`` protocol)."""

    model: Inventory
    today: dt.date

    def __init__(
        self,
        model: Inventory,
        *,
        estate: Estate | None = None,
        settings: Mapping[str, float] | None = None,
        snapshot: Snapshot | None = None,
    ) -> None:
        self.model = model
        self.settings: Mapping[str, float] = dict(settings or {})
        """Check thresholds by ``<check id>.<name>``
        (e.g. ``traffic.origin_errors_high.threshold``)."""
        self._estate = estate
        self._snapshot = snapshot if snapshot is not None else getattr(estate, "snapshot", None)
        self._memo: dict[str, Any] = {}
        self.today = _collection_date(model.collected_at)

    @classmethod
    def from_estate(cls, estate: Estate) -> CheckContext:
        """A context over an already built estate (graph shared with lineage and planning)."""
        return cls(estate.model, estate=estate)

    def deploy_time_worlds(self) -> list[tuple[World, CheckContext]]:
        """Contexts over the alternative worlds of an IaC snapshot's unresolved values
        (:mod:`edgekit.rules.deploytime`); none without a snapshot or unresolved values."""
        from edgekit.model import parse
        from edgekit.rules.deploytime import has_unresolved, worlds

        if self._snapshot is None or not has_unresolved(self._snapshot):
            return []
        return [(w, CheckContext(parse(w.snapshot))) for w in worlds(self._snapshot)]

    @property
    def estate(self) -> Estate:
        """The traffic graph and its cross-resource helpers (built on first use)."""
        if self._estate is None:
            from edgekit.graph.estate import Estate

            self._estate = Estate.from_model(self.model)
        return self._estate

    def entrypoints_of(self, resource_id: str) -> tuple[str, ...]:
        """Hostnames whose paths cross the resource a finding names (the estate's
        :class:`~edgekit.graph.reach.EntrypointIndex`, built once per context)."""
        graph = self.estate.graph
        return self.estate.entrypoint_index.of(graph, resource_id)

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """A value computed once per context (e.g. an index for a cross-resource check).

        Checks run once per resource; anything that looks at *all* resources of a kind must go
        through here so a scan stays linear in the estate's size.
        """
        if key not in self._memo:
            self._memo[key] = build()
        value: T = self._memo[key]
        return value

    def resources(self, kind: str) -> Iterable[Any]:
        """Every resource of ``kind``; an unknown kind is a programming error."""
        try:
            spec = KINDS[kind]
        except KeyError:
            raise KeyError(f"no resource kind {kind!r} (known: {', '.join(KINDS)})") from None
        return spec.enumerate(self)

    def ref(self, resource: Any, kind: str) -> ResourceRef:
        """The finding's resource reference."""
        spec = KINDS[kind]
        rid, account, region = spec.ref(self, resource)
        return ResourceRef(rid, spec.type, account, region)


def _collection_date(collected_at: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(collected_at.replace("Z", "+00:00")).date()
    except ValueError:
        return dt.datetime.now(dt.UTC).date()
