"""CloudFront's other resources: OACs, OAIs, VPC origins, functions, real-time logs, log v2."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OriginAccessControl:
    """An origin access control (OriginAccessControlSummary)."""

    account_id: str
    region: str
    id: str
    name: str
    signing_protocol: str
    signing_behavior: str
    """``always`` | ``never`` | ``no-override`` | ``always-amz-auth``."""
    origin_type: str
    """``s3`` | ``mediastore`` | ``mediapackagev2`` | ``lambda``."""
    description: str = ""


@dataclass(frozen=True, slots=True)
class OriginAccessIdentity:
    """A legacy origin access identity (CloudFrontOriginAccessIdentitySummary)."""

    account_id: str
    region: str
    id: str
    s3_canonical_user_id: str
    comment: str = ""

    @property
    def path(self) -> str:
        """The form S3OriginConfig.OriginAccessIdentity uses."""
        return f"origin-access-identity/cloudfront/{self.id}"


@dataclass(frozen=True, slots=True)
class VpcOrigin:
    """A VPC origin (VpcOriginSummary): CloudFront's private path to an internal ALB/NLB/EC2."""

    account_id: str
    region: str
    id: str
    arn: str
    name: str
    status: str
    origin_endpoint_arn: str
    """The ARN of the load balancer or instance behind it."""
    owner_account_id: str | None = None
    ip_address_type: str | None = None


@dataclass(frozen=True, slots=True)
class CloudFrontFunction:
    """A CloudFront Function (FunctionSummary; one per stage)."""

    account_id: str
    region: str
    name: str
    arn: str
    stage: str | None
    """``DEVELOPMENT`` | ``LIVE``."""
    runtime: str
    status: str | None = None
    comment: str = ""
    last_modified_time: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class RealtimeLogConfig:
    """A real-time log configuration (sampling rate, Kinesis stream endpoints, fields)."""

    account_id: str
    region: str
    arn: str
    name: str
    sampling_rate: int
    stream_arns: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LogDeliverySource:
    """A CloudWatch Logs delivery source for CloudFront (standard logging v2)."""

    account_id: str
    region: str
    name: str
    arn: str | None
    resource_arns: tuple[str, ...]
    """The distributions this source logs."""
    log_type: str | None = None


@dataclass(frozen=True, slots=True)
class LogDelivery:
    """A CloudWatch Logs delivery from a CloudFront delivery source to a destination."""

    account_id: str
    region: str
    id: str
    delivery_source_name: str
    delivery_destination_arn: str | None = None
    delivery_destination_type: str | None = None
    """``S3`` | ``CWL`` | ``FH`` | ``XRAY``."""
    arn: str | None = None
