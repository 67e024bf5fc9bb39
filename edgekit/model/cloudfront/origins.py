"""CloudFront origins and origin groups (S3, custom, VPC origins)."""

from __future__ import annotations

from dataclasses import dataclass

from edgekit import endpoints


@dataclass(frozen=True, slots=True)
class OriginCustomHeader:
    """An origin custom header; ``value`` is a digest (``hmac-sha256:`` keyed, or ``sha256:`` in
    older snapshots): secrets never on disk."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class S3OriginConfig:
    """S3OriginConfig: ``origin_access_identity`` is ``origin-access-identity/cloudfront/ID``."""

    origin_access_identity: str | None
    origin_read_timeout: int | None = None


@dataclass(frozen=True, slots=True)
class CustomOriginConfig:
    """CustomOriginConfig (timeouts default to AWS's 30 s read / 5 s keep-alive)."""

    http_port: int
    https_port: int
    origin_protocol_policy: str
    origin_ssl_protocols: tuple[str, ...] = ()
    origin_read_timeout: int = 30
    origin_keepalive_timeout: int = 5
    ip_address_type: str | None = None
    origin_http_version: str | None = None


@dataclass(frozen=True, slots=True)
class VpcOriginConfig:
    """VpcOriginConfig: the VPC origin (an internal ALB/NLB/instance) this origin targets."""

    vpc_origin_id: str
    owner_account_id: str | None = None
    origin_read_timeout: int = 30
    origin_keepalive_timeout: int = 5


@dataclass(frozen=True, slots=True)
class OriginShield:
    """OriginShield."""

    enabled: bool
    region: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    """One origin of a distribution. Exactly one of the three ``*_config`` is set."""

    id: str
    domain_name: str
    """Lower-cased, no trailing dot."""
    origin_path: str = ""
    custom_headers: tuple[OriginCustomHeader, ...] = ()
    s3_origin_config: S3OriginConfig | None = None
    custom_origin_config: CustomOriginConfig | None = None
    vpc_origin_config: VpcOriginConfig | None = None
    origin_access_control_id: str | None = None
    origin_shield: OriginShield | None = None
    connection_attempts: int = 3
    connection_timeout: int = 10
    response_completion_timeout: int | None = None

    @property
    def kind(self) -> str:
        """``s3`` (S3OriginConfig), ``vpc`` (VpcOriginConfig) or ``custom``.

        An S3 *website* endpoint is a ``custom`` origin; see :attr:`is_s3_website`.
        """
        if self.s3_origin_config is not None:
            return "s3"
        if self.vpc_origin_config is not None:
            return "vpc"
        return "custom"

    @property
    def s3_endpoint(self) -> endpoints.S3Endpoint | None:
        """What the domain says as an S3 endpoint (:func:`edgekit.endpoints.s3_endpoint`)."""
        return endpoints.s3_endpoint(self.domain_name)

    @property
    def is_s3_website(self) -> bool:
        """The domain is an S3 static-website endpoint (``<bucket>.s3-website[-.]<region>…``)."""
        found = self.s3_endpoint
        return found is not None and found.website

    @property
    def is_s3_rest(self) -> bool:
        """An S3 REST endpoint: S3OriginConfig, or a custom origin on an S3 REST domain (a
        bucket's, or an access point alias, directory bucket or Multi-Region Access Point)."""
        if self.kind == "s3":
            return True
        found = self.s3_endpoint
        return found is not None and not found.website

    @property
    def s3_bucket_name(self) -> str | None:
        """The general-purpose bucket an S3 REST or website domain names; None for other
        origins, and for access point aliases, directory buckets and Multi-Region Access
        Points (not bucket names)."""
        found = self.s3_endpoint
        return None if found is None else found.bucket

    @property
    def origin_access_identity_id(self) -> str | None:
        """The OAI id (last segment of ``origin-access-identity/cloudfront/ID``), if any."""
        oai = self.s3_origin_config.origin_access_identity if self.s3_origin_config else None
        return oai.rpartition("/")[2] if oai else None

    def header(self, name: str) -> str | None:
        """The (digested) value of custom header ``name`` (case-insensitive), if sent."""
        lowered = name.lower()
        for h in self.custom_headers:
            if h.name.lower() == lowered:
                return h.value
        return None


@dataclass(frozen=True, slots=True)
class OriginGroup:
    """An origin group: failover from the first member to the second on the status codes."""

    id: str
    member_origin_ids: tuple[str, ...]
    failover_status_codes: tuple[int, ...]
    selection_criteria: str = "default"
