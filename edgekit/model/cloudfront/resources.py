"""CloudFront's other resources: OACs, OAIs, VPC origins, functions, real-time logs, log v2."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from edgekit.model import enums
from edgekit.model.reader import UnitKey


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


def parse_oac(unit: UnitKey, item: object, index: int) -> OriginAccessControl:
    """One ListOriginAccessControls item."""
    f = unit.item(item, f"origin_access_controls[{index}]")
    return OriginAccessControl(
        unit.account_id,
        unit.region,
        id=f.req_str("Id"),
        name=f.req_str("Name"),
        signing_protocol=f.req_enum("SigningProtocol", enums.OAC_SIGNING_PROTOCOL),
        signing_behavior=f.req_enum("SigningBehavior", enums.OAC_SIGNING_BEHAVIOR),
        origin_type=f.req_enum("OriginAccessControlOriginType", enums.OAC_ORIGIN_TYPE),
        description=f.str_or("Description", ""),
    )


def parse_oai(unit: UnitKey, item: object, index: int) -> OriginAccessIdentity:
    """One ListCloudFrontOriginAccessIdentities item."""
    f = unit.item(item, f"origin_access_identities[{index}]")
    return OriginAccessIdentity(
        unit.account_id,
        unit.region,
        id=f.req_str("Id"),
        s3_canonical_user_id=f.req_str("S3CanonicalUserId"),
        comment=f.str_or("Comment", ""),
    )


def parse_vpc_origin(unit: UnitKey, item: object, index: int) -> VpcOrigin:
    """One ListVpcOrigins item."""
    f = unit.item(item, f"vpc_origins[{index}]")
    return VpcOrigin(
        unit.account_id,
        unit.region,
        id=f.req_str("Id"),
        arn=f.req_str("Arn"),
        name=f.req_str("Name"),
        status=f.req_str("Status"),
        origin_endpoint_arn=f.req_str("OriginEndpointArn"),
        owner_account_id=f.nonempty("AccountId"),
        ip_address_type=f.opt_str("IpAddressType"),
    )


def parse_function(unit: UnitKey, item: object, index: int) -> CloudFrontFunction:
    """One ListFunctions item."""
    f = unit.item(item, f"functions[{index}]")
    meta = f.sub("FunctionMetadata")
    cfg = f.sub("FunctionConfig")
    return CloudFrontFunction(
        unit.account_id,
        unit.region,
        name=f.req_str("Name"),
        arn=meta.req_str("FunctionARN"),
        stage=meta.opt_str("Stage"),
        runtime=cfg.req_str("Runtime"),
        status=f.opt_str("Status"),
        comment=cfg.str_or("Comment", ""),
        last_modified_time=meta.opt_datetime("LastModifiedTime"),
    )


def parse_realtime_log_config(unit: UnitKey, item: object, index: int) -> RealtimeLogConfig:
    """One ListRealtimeLogConfigs item."""
    f = unit.item(item, f"realtime_log_configs[{index}]")
    streams = []
    for ep in f.subs("EndPoints"):
        kinesis = ep.opt_sub("KinesisStreamConfig")
        if kinesis is not None:
            streams.append(kinesis.req_str("StreamARN"))
    return RealtimeLogConfig(
        unit.account_id,
        unit.region,
        arn=f.req_str("ARN"),
        name=f.req_str("Name"),
        sampling_rate=f.req_int("SamplingRate"),
        stream_arns=tuple(streams),
        fields=f.strs("Fields"),
    )


def parse_log_delivery_source(unit: UnitKey, item: object, index: int) -> LogDeliverySource:
    """One DescribeDeliverySources item (service cloudfront)."""
    f = unit.item(item, f"log_delivery_sources[{index}]")
    return LogDeliverySource(
        unit.account_id,
        unit.region,
        name=f.req_str("name"),
        arn=f.opt_str("arn"),
        resource_arns=f.strs("resourceArns"),
        log_type=f.opt_str("logType"),
    )


def parse_log_delivery(unit: UnitKey, item: object, index: int) -> LogDelivery:
    """One DescribeDeliveries item."""
    f = unit.item(item, f"log_deliveries[{index}]")
    return LogDelivery(
        unit.account_id,
        unit.region,
        id=f.req_str("id"),
        delivery_source_name=f.req_str("deliverySourceName"),
        delivery_destination_arn=f.opt_str("deliveryDestinationArn"),
        delivery_destination_type=f.opt_str("deliveryDestinationType"),
        arn=f.opt_str("arn"),
    )
