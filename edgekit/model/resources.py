"""The resource tuples of an inventory (the fields of :class:`~edgekit.model.inventory.Inventory`).

Kept apart from the Inventory so that the index and the lookups, built from these fields, need not
import the Inventory (no import cycle)."""

from __future__ import annotations

from dataclasses import dataclass, field

from edgekit.model.acm.types import Certificate
from edgekit.model.apigateway.types import DomainNameV1, RestApi, UsagePlan, VpcLink
from edgekit.model.apigatewayv2.types import Api, DomainNameV2, VpcLinkV2
from edgekit.model.cloudfront.policies import (
    CachePolicy,
    OriginRequestPolicy,
    ResponseHeadersPolicy,
)
from edgekit.model.cloudfront.resources import (
    CloudFrontFunction,
    LogDelivery,
    LogDeliverySource,
    OriginAccessControl,
    OriginAccessIdentity,
    RealtimeLogConfig,
    VpcOrigin,
)
from edgekit.model.cloudfront.types import Distribution
from edgekit.model.cloudwatch.types import (
    MetricsDisabled,
    MetricSeries,
    MetricWindow,
    MonitoringSubscription,
)
from edgekit.model.coverage import Coverage
from edgekit.model.ec2.types import ManagedPrefixList, SecurityGroup
from edgekit.model.elb.types import ClassicLoadBalancer
from edgekit.model.elbv2.types import Listener, ListenerRule, LoadBalancer, SslPolicy, TargetGroup
from edgekit.model.globalaccelerator.types import Accelerator
from edgekit.model.lambda_.types import EdgeFunction, FunctionUrl, UnresolvedFunctionUrl
from edgekit.model.route53.types import HostedZone, QueryLoggingConfig, RecordSet
from edgekit.model.s3.types import AccountPublicAccessBlock, BucketRecord
from edgekit.model.shield.types import Protection, ProtectionGroup, ShieldSubscription
from edgekit.model.waf_classic.types import ClassicWebACL
from edgekit.model.wafv2.types import IPSet, RegexPatternSet, RuleGroup, WebACL


@dataclass(frozen=True, slots=True)
class Resources:
    """Every resource of a snapshot, by kind, as frozen model objects, plus :class:`Coverage`."""

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
    # ec2 (security groups of collected load balancers; CloudFront origin-facing prefix list)
    security_groups: tuple[SecurityGroup, ...] = ()
    managed_prefix_lists: tuple[ManagedPrefixList, ...] = ()
    # elb (Classic Load Balancers)
    classic_load_balancers: tuple[ClassicLoadBalancer, ...] = ()
    # s3 (one record per bucket per reporting account; merged views: bucket(name))
    bucket_records: tuple[BucketRecord, ...] = ()
    account_public_access_blocks: tuple[AccountPublicAccessBlock, ...] = ()
    # apigateway (v1 REST)
    rest_apis: tuple[RestApi, ...] = ()
    domain_names_v1: tuple[DomainNameV1, ...] = ()
    usage_plans: tuple[UsagePlan, ...] = ()
    vpc_links: tuple[VpcLink, ...] = ()
    # apigatewayv2 (HTTP / WebSocket; merged custom domains: domain_name(name))
    apis: tuple[Api, ...] = ()
    domain_names_v2: tuple[DomainNameV2, ...] = ()
    vpc_links_v2: tuple[VpcLinkV2, ...] = ()
    # lambda
    function_urls: tuple[FunctionUrl, ...] = ()
    unresolved_function_urls: tuple[UnresolvedFunctionUrl, ...] = ()
    edge_functions: tuple[EdgeFunction, ...] = ()
    # waf / waf-regional (WAF Classic, inventory only)
    classic_web_acls: tuple[ClassicWebACL, ...] = ()
    classic_regional_web_acls: tuple[ClassicWebACL, ...] = ()
    # shield (subscriptions only for subscribed accounts: see shield_subscription(account))
    shield_subscriptions: tuple[ShieldSubscription, ...] = ()
    shield_protections: tuple[Protection, ...] = ()
    shield_protection_groups: tuple[ProtectionGroup, ...] = ()
    # globalaccelerator
    accelerators: tuple[Accelerator, ...] = ()
    # cloudwatch (series per resource; edgekit.model.cloudwatch.reading reads them)
    metrics: tuple[MetricSeries, ...] = ()
    metrics_disabled: tuple[MetricsDisabled, ...] = ()
    monitoring_subscriptions: tuple[MonitoringSubscription, ...] = ()
    metric_windows: tuple[MetricWindow, ...] = ()
