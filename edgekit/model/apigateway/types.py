"""API Gateway v1 (REST): RestApi with stages and resources/methods, usage plans, VPC links,
and the v1 view of custom domain names (merged with v2's in :mod:`.apigateway_domains`).

ARNs are API Gateway's own (``arn:aws:apigateway:<region>::/restapis/<id>``; a stage's
``.../stages/<name>`` is what WAF associations name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit import endpoints
from edgekit.model.common import EMPTY_MAP, NOT_COLLECTED, Collected, FrozenMap
from edgekit.model.elb.types import partition_of
from edgekit.model.s3.policy import PolicyDocument


def apigateway_arn(region: str, path: str) -> str:
    """An API Gateway resource ARN (``path`` like ``/restapis/abc``)."""
    return f"arn:{partition_of(region)}:apigateway:{region}::{path}"


@dataclass(frozen=True, slots=True)
class MethodSetting:
    """A stage method setting (``methodSettings`` value; key ``*/*`` = every method)."""

    caching_enabled: bool | None = None
    cache_ttl_in_seconds: int | None = None
    cache_data_encrypted: bool | None = None
    require_authorization_for_cache_control: bool | None = None
    metrics_enabled: bool | None = None
    logging_level: str | None = None
    data_trace_enabled: bool | None = None
    throttling_burst_limit: int | None = None
    throttling_rate_limit: float | None = None


@dataclass(frozen=True, slots=True)
class RestApiStage:
    """A REST API stage (GetStages item)."""

    account_id: str
    region: str
    rest_api_id: str
    name: str
    arn: str
    deployment_id: str | None = None
    web_acl_arn: str | None = None
    """The WAF web ACL associated with the stage (v2 ARN or a classic regional ARN)."""
    cache_cluster_enabled: bool = False
    cache_cluster_size: str | None = None
    method_settings: FrozenMap[str, MethodSetting] = EMPTY_MAP
    tracing_enabled: bool = False
    access_log_destination_arn: str | None = None
    client_certificate_id: str | None = None
    tags: FrozenMap[str, str] = EMPTY_MAP

    @property
    def caching_enabled(self) -> bool:
        """A cache cluster is on and some method setting enables caching."""
        return self.cache_cluster_enabled and any(
            s.caching_enabled for s in self.method_settings.values()
        )


@dataclass(frozen=True, slots=True)
class MethodIntegration:
    """A method's integration (``methodIntegration``)."""

    type: str | None = None
    """``HTTP`` | ``HTTP_PROXY`` | ``AWS`` | ``AWS_PROXY`` | ``MOCK``."""
    uri: str | None = None
    http_method: str | None = None
    connection_type: str | None = None
    """``INTERNET`` | ``VPC_LINK``."""
    connection_id: str | None = None
    """The VPC link id (``VPC_LINK``)."""
    timeout_in_millis: int | None = None


@dataclass(frozen=True, slots=True)
class RestApiMethod:
    """A method of a resource (``resourceMethods`` value, embedded)."""

    http_method: str
    path: str
    authorization_type: str | None = None
    """``NONE`` | ``AWS_IAM`` | ``CUSTOM`` | ``COGNITO_USER_POOLS``."""
    authorizer_id: str | None = None
    api_key_required: bool = False
    integration: MethodIntegration | None = None


@dataclass(frozen=True, slots=True)
class RestApiResource:
    """A resource (path) of a REST API with its methods."""

    id: str
    path: str
    parent_id: str | None = None
    path_part: str | None = None
    methods: tuple[RestApiMethod, ...] = ()


@dataclass(frozen=True, slots=True)
class RestApi:
    """A REST API (GetRestApis item) with its stages and resources.

    ``stages`` / ``resources`` are NOT_COLLECTED when GetStages / GetResources was denied.
    """

    account_id: str
    region: str
    id: str
    arn: str
    name: str
    stages: Collected[tuple[RestApiStage, ...]]
    resources: Collected[tuple[RestApiResource, ...]]
    endpoint_types: tuple[str, ...] = ()
    """``EDGE`` | ``REGIONAL`` | ``PRIVATE``."""
    vpc_endpoint_ids: tuple[str, ...] = ()
    disable_execute_api_endpoint: bool = False
    policy: PolicyDocument | None = None
    policy_text: str | None = None
    api_key_source: str | None = None
    tags: FrozenMap[str, str] = EMPTY_MAP
    created_date: dt.datetime | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def execute_api_domain(self) -> str:
        """The default endpoint host (``<id>.execute-api.<region>.amazonaws.com``)."""
        return endpoints.execute_api_host(self.id, self.region)

    @property
    def is_edge_optimized(self) -> bool:
        """Endpoint type EDGE (API Gateway fronts it with its own CloudFront distribution)."""
        return "EDGE" in self.endpoint_types

    @property
    def is_private(self) -> bool:
        """Endpoint type PRIVATE (reachable only through VPC endpoints)."""
        return "PRIVATE" in self.endpoint_types

    def stage(self, name: str) -> Collected[RestApiStage | None]:
        """The stage ``name``."""
        if self.stages is NOT_COLLECTED:
            return NOT_COLLECTED
        return next((s for s in self.stages if s.name == name), None)

    @property
    def methods(self) -> Collected[tuple[RestApiMethod, ...]]:
        """Every method of every resource."""
        if self.resources is NOT_COLLECTED:
            return NOT_COLLECTED
        return tuple(m for r in self.resources for m in r.methods)


@dataclass(frozen=True, slots=True)
class UsagePlanApiStage:
    """An API stage a usage plan applies to."""

    api_id: str
    stage: str


@dataclass(frozen=True, slots=True)
class UsagePlan:
    """A usage plan (GetUsagePlans item)."""

    account_id: str
    region: str
    id: str
    arn: str
    name: str | None = None
    api_stages: tuple[UsagePlanApiStage, ...] = ()
    throttle_burst_limit: int | None = None
    throttle_rate_limit: float | None = None
    quota_limit: int | None = None
    quota_period: str | None = None


@dataclass(frozen=True, slots=True)
class VpcLink:
    """A REST API VPC link (GetVpcLinks item): ``target_arns`` are the NLBs it reaches."""

    account_id: str
    region: str
    id: str
    arn: str
    name: str | None = None
    target_arns: tuple[str, ...] = ()
    status: str | None = None


@dataclass(frozen=True, slots=True)
class BasePathMapping:
    """A base path of a custom domain mapped to a REST API stage (``(none)`` = root)."""

    base_path: str
    rest_api_id: str
    stage: str | None = None


@dataclass(frozen=True, slots=True)
class DomainNameV1:
    """A custom domain name as the v1 API returns it (GetDomainNames item + base paths).

    ``base_path_mappings`` is NOT_COLLECTED when GetBasePathMappings was denied.
    """

    account_id: str
    region: str
    name: str
    """Lower-cased."""
    arn: str
    base_path_mappings: Collected[tuple[BasePathMapping, ...]]
    endpoint_types: tuple[str, ...] = ()
    security_policy: str | None = None
    """``TLS_1_0`` | ``TLS_1_2`` | ``SecurityPolicy_*``."""
    distribution_domain_name: str | None = None
    """EDGE: the CloudFront distribution API Gateway runs for the domain (lower-cased)."""
    distribution_hosted_zone_id: str | None = None
    regional_domain_name: str | None = None
    """REGIONAL: ``d-xxxx.execute-api.<region>.amazonaws.com`` (lower-cased)."""
    regional_hosted_zone_id: str | None = None
    certificate_arn: str | None = None
    regional_certificate_arn: str | None = None
    status: str | None = None
    domain_name_id: str | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)
