"""The Inventory: every parsed resource, by kind, with coverage; lookups in :mod:`.lookups`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from edgekit.model.acm import Certificate
from edgekit.model.cloudfront import Distribution
from edgekit.model.cloudfront_extras import (
    CloudFrontFunction,
    LogDelivery,
    LogDeliverySource,
    OriginAccessControl,
    OriginAccessIdentity,
    RealtimeLogConfig,
    VpcOrigin,
)
from edgekit.model.cloudfront_policies import (
    CachePolicy,
    OriginRequestPolicy,
    ResponseHeadersPolicy,
)
from edgekit.model.coverage import Coverage
from edgekit.model.elbv2 import Listener, ListenerRule, LoadBalancer, SslPolicy, TargetGroup
from edgekit.model.index import Index
from edgekit.model.lookups import Lookups
from edgekit.model.registry import KIND_SOURCES
from edgekit.model.route53 import HostedZone, QueryLoggingConfig, RecordSet
from edgekit.model.wafv2 import IPSet, RegexPatternSet, RuleGroup, WebACL


@dataclass(frozen=True, slots=True)
class Inventory(Lookups):
    """Every resource of a snapshot, as frozen model objects, plus :class:`Coverage`."""

    coverage: Coverage = field(default_factory=Coverage)
    partition: str = "aws"
    collected_at: str = ""
    # cloudfront
    distributions: tuple[Distribution, ...] = ()
    cache_policies: tuple[CachePolicy, ...] = ()
    origin_request_policies: tuple[OriginRequestPolicy, ...] = ()
    response_headers_policies: tuple[ResponseHeadersPolicy, ...] = ()
    origin_access_controls: tuple[OriginAccessControl, ...] = ()
    origin_access_identities: tuple[OriginAccessIdentity, ...] = ()
    vpc_origins: tuple[VpcOrigin, ...] = ()
    cloudfront_functions: tuple[CloudFrontFunction, ...] = ()
    realtime_log_configs: tuple[RealtimeLogConfig, ...] = ()
    log_delivery_sources: tuple[LogDeliverySource, ...] = ()
    log_deliveries: tuple[LogDelivery, ...] = ()
    # wafv2
    web_acls: tuple[WebACL, ...] = ()
    ip_sets: tuple[IPSet, ...] = ()
    regex_pattern_sets: tuple[RegexPatternSet, ...] = ()
    rule_groups: tuple[RuleGroup, ...] = ()
    # elbv2
    load_balancers: tuple[LoadBalancer, ...] = ()
    listeners: tuple[Listener, ...] = ()
    listener_rules: tuple[ListenerRule, ...] = ()
    target_groups: tuple[TargetGroup, ...] = ()
    ssl_policies: tuple[SslPolicy, ...] = ()
    # route53
    hosted_zones: tuple[HostedZone, ...] = ()
    record_sets: tuple[RecordSet, ...] = ()
    query_logging_configs: tuple[QueryLoggingConfig, ...] = ()
    # acm
    certificates: tuple[Certificate, ...] = ()
    _index: Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", Index(self))

    @classmethod
    def kinds(cls) -> tuple[str, ...]:
        """Names of the resource-kind fields."""
        return tuple(f.name for f in fields(cls) if f.name in KIND_SOURCES)

    def counts(self) -> dict[str, int]:
        """Number of resources per kind."""
        return {k: len(getattr(self, k)) for k in self.kinds()}
