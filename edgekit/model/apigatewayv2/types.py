"""API Gateway v2 (HTTP / WebSocket): Api with stages, integrations and routes; VpcLinkV2; the v2
view of custom domain names (merged with v1's in :mod:`.apigateway_domains`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from edgekit import endpoints
from edgekit.model.common import (
    EMPTY_MAP,
    NOT_COLLECTED,
    Collected,
    FrozenMap,
)


@dataclass(frozen=True, slots=True)
class ApiStage:
    """An HTTP / WebSocket API stage."""

    name: str
    auto_deploy: bool = False
    deployment_id: str | None = None
    throttling_burst_limit: int | None = None
    """``DefaultRouteSettings``."""
    throttling_rate_limit: float | None = None
    access_log_destination_arn: str | None = None
    api_gateway_managed: bool = False
    logging_level: str | None = None
    """``DefaultRouteSettings.LoggingLevel`` (WebSocket execution logging: OFF | ERROR | INFO)."""
    route_logging_levels: tuple[str, ...] = ()
    """Every ``RouteSettings.<route>.LoggingLevel`` set, sorted."""


@dataclass(frozen=True, slots=True)
class ApiIntegration:
    """An integration of an HTTP / WebSocket API."""

    id: str
    type: str | None = None
    """``HTTP_PROXY`` | ``AWS_PROXY`` | ``HTTP`` | ``AWS`` | ``MOCK``."""
    uri: str | None = None
    """URL, Lambda ARN, or (VPC link) the ALB/NLB listener or Cloud Map service ARN."""
    method: str | None = None
    connection_type: str | None = None
    """``INTERNET`` | ``VPC_LINK``."""
    connection_id: str | None = None
    """The VPC link id (``VPC_LINK``)."""
    subtype: str | None = None
    payload_format_version: str | None = None
    timeout_in_millis: int | None = None


@dataclass(frozen=True, slots=True)
class ApiRoute:
    """A route (``RouteKey`` like ``GET /items`` or ``$default``)."""

    id: str
    route_key: str
    authorization_type: str | None = None
    """``NONE`` | ``AWS_IAM`` | ``CUSTOM`` | ``JWT``."""
    authorizer_id: str | None = None
    api_key_required: bool = False
    target: str | None = None
    """``integrations/<id>``."""

    @property
    def integration_id(self) -> str | None:
        """The integration the route targets."""
        if self.target and self.target.startswith("integrations/"):
            return self.target.removeprefix("integrations/")
        return None


@dataclass(frozen=True, slots=True)
class Api:
    """An HTTP or WebSocket API (GetApis item); parts NOT_COLLECTED when their read was denied."""

    account_id: str
    region: str
    id: str
    arn: str
    name: str
    protocol_type: str
    """``HTTP`` | ``WEBSOCKET``."""
    stages: Collected[tuple[ApiStage, ...]]
    integrations: Collected[tuple[ApiIntegration, ...]]
    routes: Collected[tuple[ApiRoute, ...]]
    api_endpoint: str | None = None
    disable_execute_api_endpoint: bool = False
    api_gateway_managed: bool = False
    tags: FrozenMap[str, str] = EMPTY_MAP
    created_date: dt.datetime | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def execute_api_domain(self) -> str:
        """The default endpoint host (from ``ApiEndpoint``, else built from id and region)."""
        host = endpoints.url_host(self.api_endpoint or "")
        if endpoints.execute_api(host) is not None:
            return host
        return endpoints.execute_api_host(self.id, self.region)

    def stage_arn(self, stage_name: str) -> str:
        """The ARN of the stage ``stage_name`` (``arn:aws:apigateway:<region>::/apis/<id>/stages/
        <name>``; a v2 stage read returns none)."""
        return f"{self.arn}/stages/{stage_name}"

    def integration(self, integration_id: str) -> Collected[ApiIntegration | None]:
        """The integration ``integration_id``."""
        if self.integrations is NOT_COLLECTED:
            return NOT_COLLECTED
        return next((i for i in self.integrations if i.id == integration_id), None)


@dataclass(frozen=True, slots=True)
class ApiMapping:
    """An API mapping of a custom domain (HTTP, WebSocket or REST API stage)."""

    api_id: str
    stage: str
    key: str = ""
    """``ApiMappingKey`` (the path; empty = root)."""
    id: str | None = None


@dataclass(frozen=True, slots=True)
class DomainNameConfiguration:
    """One endpoint configuration of a v2 custom domain name."""

    endpoint_type: str | None = None
    """``REGIONAL`` | ``EDGE``."""
    security_policy: str | None = None
    api_gateway_domain_name: str | None = None
    """The AWS-side name DNS points at (lower-cased)."""
    hosted_zone_id: str | None = None
    certificate_arn: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class DomainNameV2:
    """A custom domain name as the v2 API returns it (``api_mappings`` NOT_COLLECTED: denied)."""

    account_id: str
    region: str
    name: str
    """Lower-cased."""
    arn: str
    api_mappings: Collected[tuple[ApiMapping, ...]]
    configurations: tuple[DomainNameConfiguration, ...] = ()
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class VpcLinkV2:
    """An HTTP API VPC link (subnets and security groups; targets are named by integrations)."""

    account_id: str
    region: str
    id: str
    arn: str
    name: str
    subnet_ids: tuple[str, ...] = ()
    security_group_ids: tuple[str, ...] = ()
    status: str | None = None
