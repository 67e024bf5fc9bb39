"""The model layer: raw snapshot payloads parsed into frozen, typed dataclasses. Pure.

Entry point: :func:`parse` (``edgekit.model.parse(snapshot) -> Inventory``). The
:class:`Inventory` holds one tuple per resource kind (``distributions``, ``cache_policies``,
``web_acls``, ``load_balancers``, ``listeners``, ``record_sets``, ``certificates`` ...), one
lookup object per area (``inv.cloudfront.distribution(id)``, ``inv.elbv2.listener(arn)``,
``inv.waf.web_acl(arn)``, ``inv.s3.bucket(name)`` ...) over one index, and :class:`Coverage`
(which units were collected, failed, or had denied reads).

Layout: one subpackage per service (``model/<service>/``) with the same modules in each:
``types.py`` (the frozen classes; a topic module such as ``cloudfront/policies.py`` or
``elbv2/actions.py`` where a service has many), ``parse.py`` (payload items into them;
``parse_<topic>.py`` beside a topic module) and ``lookups.py`` (the area's queries).

**Unknown versus none** — one pattern everywhere:

* A value that a denied or skipped read can leave unknown is typed ``Collected[X]`` and holds
  either an ``X`` or the sentinel :data:`NOT_COLLECTED`. AWS's own "there is none" stays
  ``None`` or an empty tuple. So ``WebACL.logging`` is ``Collected[LoggingConfiguration | None]``:
  a configuration, ``None`` (collected: logging is off) or ``NOT_COLLECTED`` (report unknown).
* Test with ``value is NOT_COLLECTED`` (mypy narrows on it). The sentinel has **no truth
  value**: ``if acl.logging:`` raises ``TypeError`` rather than read "unknown" as "none".
* Where it applies: distribution ``tags``, ``logging`` and ``default_root_object`` (the
  DistributionSummary fallback), web ACL ``logging`` and ``resource_arns``, load balancer
  ``attributes`` / ``tags`` / ``listeners``, listener ``rules`` / ``certificates``, target group
  ``attributes`` / ``targets``, hosted zone ``record_sets`` / ``query_logging_configs``; and in
  the context kinds: Classic ELB ``attributes`` / ``policies`` / ``tags`` (and a listener's
  ``ssl_policy``), bucket details, REST API ``stages`` / ``resources``, v2 API parts, custom
  domain mappings, function URL configs, classic web ACL rules / associations, accelerator
  listeners / endpoint groups.
* Context collectors (ec2, s3, lambda) read only what the edge references: their lookups answer
  "absent" only where the resource would have been read (see the ``lookups`` module of
  each service). ``inv.s3.bucket(name)`` merges every account's record of a bucket
  (``None`` = it does not exist); ``domain_name(name)`` merges the v1 and v2 views.
* Whole kinds (a denied ListCachePolicies) are answered by the lookups: every lookup returns
  ``X | None | NOT_COLLECTED`` — found; collected where it would live (account and region taken
  from the ARN where there is one) and absent; or not collected there. Reverse lookups
  (``records_pointing_to``, ``target_groups_for``) return what they found, ``()`` only when
  the search was complete, else NOT_COLLECTED. Lower level:
  ``inv.coverage.collected(account, region, collector, key)`` and
  ``inv.coverage.gap_for(account, region, collector, operation)``.
* Summary fallbacks (GetDistribution / GetWebACL / DescribeCertificate denied) parse into the
  same classes with ``from_summary=True`` and the Get-only fields NOT_COLLECTED.

Every resource carries ``account_id`` and ``region`` (``"global"`` for CloudFront, Route 53
and CLOUDFRONT-scope WAF) and its ARN or id. Top-level resources also keep ``raw``, a read-only
view (not a copy) of the payload item, as an escape hatch for fields not modelled yet.

Adding a collector: see :mod:`edgekit.model.registry`.
"""

from __future__ import annotations

from edgekit.model.acm.types import Certificate, DomainValidation, RenewalSummary, ResourceRecord
from edgekit.model.apigateway.domains import DomainName
from edgekit.model.apigateway.types import (
    BasePathMapping,
    DomainNameV1,
    MethodIntegration,
    MethodSetting,
    RestApi,
    RestApiMethod,
    RestApiResource,
    RestApiStage,
    UsagePlan,
    UsagePlanApiStage,
    VpcLink,
)
from edgekit.model.apigatewayv2.types import (
    Api,
    ApiIntegration,
    ApiMapping,
    ApiRoute,
    ApiStage,
    DomainNameConfiguration,
    DomainNameV2,
    VpcLinkV2,
)
from edgekit.model.cloudfront.origins import (
    CustomOriginConfig,
    Origin,
    OriginCustomHeader,
    OriginGroup,
    OriginShield,
    S3OriginConfig,
    VpcOriginConfig,
)
from edgekit.model.cloudfront.policies import (
    CachePolicy,
    KeyItems,
    OriginRequestPolicy,
    ResponseHeadersPolicy,
    StrictTransportSecurity,
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
from edgekit.model.cloudfront.types import (
    CacheBehavior,
    CustomErrorResponse,
    Distribution,
    ForwardedValues,
    FunctionAssociation,
    GeoRestriction,
    LambdaFunctionAssociation,
    StandardLogging,
    TrustedSigners,
    ViewerCertificate,
)
from edgekit.model.common import (
    GLOBAL,
    NOT_COLLECTED,
    Arn,
    Collected,
    FrozenMap,
    NotCollected,
    is_collected,
    normalize_dns_name,
)
from edgekit.model.coverage import Coverage, UnitCoverage, UnitError
from edgekit.model.ec2.types import (
    IpPermission,
    IpRange,
    ManagedPrefixList,
    PrefixListRef,
    SecurityGroup,
    UserIdGroupPair,
)
from edgekit.model.elb.types import (
    ClassicHealthCheck,
    ClassicListener,
    ClassicLoadBalancer,
    ClassicLoadBalancerAttributes,
    ElbPolicy,
)
from edgekit.model.elbv2.actions import Action, RuleCondition, final_action
from edgekit.model.elbv2.types import (
    Attributes,
    HealthCheck,
    Listener,
    ListenerCertificate,
    ListenerRule,
    LoadBalancer,
    LoadBalancerAttributes,
    SslPolicy,
    TargetGroup,
    TargetHealth,
)
from edgekit.model.globalaccelerator.types import (
    Accelerator,
    AcceleratorEndpoint,
    AcceleratorListener,
    EndpointGroup,
)
from edgekit.model.inventory import Inventory
from edgekit.model.lambda_.types import (
    EdgeFunction,
    FunctionConfiguration,
    FunctionUrl,
    FunctionUrlConfig,
    UnresolvedFunctionUrl,
)
from edgekit.model.parsing import parse
from edgekit.model.route53.types import AliasTarget, HostedZone, QueryLoggingConfig, RecordSet
from edgekit.model.s3.policy import Condition, PolicyDocument, PolicyStatement, Principal
from edgekit.model.s3.types import (
    AccountPublicAccessBlock,
    AclGrant,
    Bucket,
    BucketRecord,
    PublicAccessBlock,
    RedirectAllRequestsTo,
    WebsiteConfiguration,
)
from edgekit.model.shield.types import Protection, ProtectionGroup, ShieldSubscription
from edgekit.model.waf_classic.types import ClassicActivatedRule, ClassicWebACL
from edgekit.model.wafv2.statements import RuleAction, Statement
from edgekit.model.wafv2.types import (
    FirewallManagerRuleGroup,
    IPSet,
    LoggingConfiguration,
    RegexPatternSet,
    Rule,
    RuleGroup,
    VisibilityConfig,
    WebACL,
)
from edgekit.snapshot import Gap

__all__ = [
    "GLOBAL",
    "NOT_COLLECTED",
    "Accelerator",
    "AcceleratorEndpoint",
    "AcceleratorListener",
    "AccountPublicAccessBlock",
    "AclGrant",
    "Action",
    "AliasTarget",
    "Api",
    "ApiIntegration",
    "ApiMapping",
    "ApiRoute",
    "ApiStage",
    "Arn",
    "Attributes",
    "BasePathMapping",
    "Bucket",
    "BucketRecord",
    "CacheBehavior",
    "CachePolicy",
    "Certificate",
    "ClassicActivatedRule",
    "ClassicHealthCheck",
    "ClassicListener",
    "ClassicLoadBalancer",
    "ClassicLoadBalancerAttributes",
    "ClassicWebACL",
    "CloudFrontFunction",
    "Collected",
    "Condition",
    "Coverage",
    "CustomErrorResponse",
    "CustomOriginConfig",
    "Distribution",
    "DomainName",
    "DomainNameConfiguration",
    "DomainNameV1",
    "DomainNameV2",
    "DomainValidation",
    "EdgeFunction",
    "ElbPolicy",
    "EndpointGroup",
    "FirewallManagerRuleGroup",
    "ForwardedValues",
    "FrozenMap",
    "FunctionAssociation",
    "FunctionConfiguration",
    "FunctionUrl",
    "FunctionUrlConfig",
    "Gap",
    "GeoRestriction",
    "HealthCheck",
    "HostedZone",
    "IPSet",
    "Inventory",
    "IpPermission",
    "IpRange",
    "KeyItems",
    "LambdaFunctionAssociation",
    "Listener",
    "ListenerCertificate",
    "ListenerRule",
    "LoadBalancer",
    "LoadBalancerAttributes",
    "LogDelivery",
    "LogDeliverySource",
    "LoggingConfiguration",
    "ManagedPrefixList",
    "MethodIntegration",
    "MethodSetting",
    "NotCollected",
    "Origin",
    "OriginAccessControl",
    "OriginAccessIdentity",
    "OriginCustomHeader",
    "OriginGroup",
    "OriginRequestPolicy",
    "OriginShield",
    "PolicyDocument",
    "PolicyStatement",
    "PrefixListRef",
    "Principal",
    "Protection",
    "ProtectionGroup",
    "PublicAccessBlock",
    "QueryLoggingConfig",
    "RealtimeLogConfig",
    "RecordSet",
    "RedirectAllRequestsTo",
    "RegexPatternSet",
    "RenewalSummary",
    "ResourceRecord",
    "ResponseHeadersPolicy",
    "RestApi",
    "RestApiMethod",
    "RestApiResource",
    "RestApiStage",
    "Rule",
    "RuleAction",
    "RuleCondition",
    "RuleGroup",
    "S3OriginConfig",
    "SecurityGroup",
    "ShieldSubscription",
    "SslPolicy",
    "StandardLogging",
    "Statement",
    "StrictTransportSecurity",
    "TargetGroup",
    "TargetHealth",
    "TrustedSigners",
    "UnitCoverage",
    "UnitError",
    "UnresolvedFunctionUrl",
    "UsagePlan",
    "UsagePlanApiStage",
    "UserIdGroupPair",
    "ViewerCertificate",
    "VisibilityConfig",
    "VpcLink",
    "VpcLinkV2",
    "VpcOrigin",
    "VpcOriginConfig",
    "WebACL",
    "WebsiteConfiguration",
    "final_action",
    "is_collected",
    "normalize_dns_name",
    "parse",
]
