"""ELBv2: LoadBalancer, Listener, ListenerRule, TargetGroup, SslPolicy (ALB, NLB, GWLB).

The load balancer ``type`` is AWS's ``Type`` field, never guessed from the ARN. Attributes are
kept as strings with typed accessors that return None when the attribute does not exist for
this load balancer type (collected, but not applicable).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from edgekit.model.common import EMPTY_MAP, NOT_COLLECTED, Collected, FrozenMap
from edgekit.model.elbv2.actions import Action, RuleCondition

OLD_TLS: Final = frozenset({"SSLv3", "TLSv1", "TLSv1.1"})


@dataclass(frozen=True, slots=True)
class Attributes:
    """``Key``/``Value`` attributes as a frozen map, with typed reads."""

    values: FrozenMap[str, str] = EMPTY_MAP

    def get(self, key: str) -> str | None:
        """The raw value, or None when the attribute is not present."""
        return self.values.get(key)

    def flag(self, key: str) -> bool | None:
        """A ``"true"``/``"false"`` attribute."""
        value = self.values.get(key)
        return None if value is None else value.strip().lower() == "true"

    def number(self, key: str) -> int | None:
        """An integer attribute."""
        value = self.values.get(key)
        try:
            return None if value is None else int(value)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class LoadBalancerAttributes(Attributes):
    """DescribeLoadBalancerAttributes, with accessors for the attributes checks read."""

    @property
    def drop_invalid_header_fields(self) -> bool | None:
        """routing.http.drop_invalid_header_fields.enabled (ALB)."""
        return self.flag("routing.http.drop_invalid_header_fields.enabled")

    @property
    def desync_mitigation_mode(self) -> str | None:
        """routing.http.desync_mitigation_mode: monitor | defensive | strictest (ALB)."""
        return self.get("routing.http.desync_mitigation_mode")

    @property
    def access_logs_enabled(self) -> bool | None:
        """access_logs.s3.enabled."""
        return self.flag("access_logs.s3.enabled")

    @property
    def access_logs_bucket(self) -> str | None:
        """access_logs.s3.bucket."""
        return self.get("access_logs.s3.bucket") or None

    @property
    def deletion_protection(self) -> bool | None:
        """deletion_protection.enabled."""
        return self.flag("deletion_protection.enabled")

    @property
    def cross_zone_enabled(self) -> bool | None:
        """load_balancing.cross_zone.enabled (NLB, GWLB; always on for ALB)."""
        return self.flag("load_balancing.cross_zone.enabled")

    @property
    def waf_fail_open(self) -> bool | None:
        """waf.fail_open.enabled (ALB)."""
        return self.flag("waf.fail_open.enabled")

    @property
    def idle_timeout_seconds(self) -> int | None:
        """idle_timeout.timeout_seconds (ALB)."""
        return self.number("idle_timeout.timeout_seconds")

    @property
    def http2_enabled(self) -> bool | None:
        """routing.http2.enabled (ALB)."""
        return self.flag("routing.http2.enabled")


@dataclass(frozen=True, slots=True)
class ListenerCertificate:
    """A listener certificate (``is_default`` for the listener's default certificate)."""

    certificate_arn: str
    is_default: bool = False


@dataclass(frozen=True, slots=True)
class ListenerRule:
    """A listener rule. The default rule has ``is_default`` and ``priority`` None."""

    account_id: str
    region: str
    arn: str
    listener_arn: str
    priority: int | None
    is_default: bool
    conditions: tuple[RuleCondition, ...]
    actions: tuple[Action, ...]

    @property
    def sort_key(self) -> tuple[bool, int]:
        """Evaluation order: by priority, the default rule last."""
        return (self.is_default, self.priority or 0)


@dataclass(frozen=True, slots=True)
class Listener:
    """A listener with its rules and certificates.

    ``default_certificates`` come with DescribeListeners; ``certificates`` (default and extra,
    from DescribeListenerCertificates) and ``rules`` (DescribeRules, default rule included, in
    evaluation order) are NOT_COLLECTED when those reads were denied.
    """

    account_id: str
    region: str
    arn: str
    load_balancer_arn: str
    port: int | None
    protocol: str | None
    default_actions: tuple[Action, ...]
    rules: Collected[tuple[ListenerRule, ...]]
    certificates: Collected[tuple[ListenerCertificate, ...]]
    ssl_policy: str | None = None
    default_certificates: tuple[ListenerCertificate, ...] = ()
    alpn_policy: tuple[str, ...] = ()
    mutual_authentication_mode: str | None = None

    @property
    def default_certificate_arn(self) -> str | None:
        """The default certificate (from DescribeListeners)."""
        return self.default_certificates[0].certificate_arn if self.default_certificates else None

    @property
    def certificate_arns(self) -> Collected[tuple[str, ...]]:
        """Default and extra certificates, or NOT_COLLECTED when the extra ones are unknown."""
        if self.certificates is NOT_COLLECTED:
            return NOT_COLLECTED
        arns = [c.certificate_arn for c in (*self.default_certificates, *self.certificates)]
        return tuple(dict.fromkeys(arns))


@dataclass(frozen=True, slots=True)
class AvailabilityZone:
    """An availability zone (subnet) a load balancer is in."""

    zone_name: str
    subnet_id: str | None = None
    addresses: tuple[str, ...] = ()
    """Static IPs (NLB): public, private and IPv6 addresses listed."""


@dataclass(frozen=True, slots=True)
class LoadBalancer:
    """An ALB, NLB or GWLB with its attributes, tags and listeners."""

    account_id: str
    region: str
    arn: str
    name: str
    type: str
    """``application`` | ``network`` | ``gateway`` (AWS's Type field)."""
    scheme: str | None
    """``internet-facing`` | ``internal``."""
    attributes: Collected[LoadBalancerAttributes]
    tags: Collected[FrozenMap[str, str]]
    listeners: Collected[tuple[Listener, ...]]
    dns_name: str | None = None
    """Lower-cased, no trailing dot."""
    canonical_hosted_zone_id: str | None = None
    vpc_id: str | None = None
    state: str | None = None
    availability_zones: tuple[AvailabilityZone, ...] = ()
    security_groups: tuple[str, ...] = ()
    ip_address_type: str | None = None
    created_time: dt.datetime | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def internet_facing(self) -> bool:
        """Scheme is internet-facing."""
        return self.scheme == "internet-facing"


@dataclass(frozen=True, slots=True)
class HealthCheck:
    """A target group's health check."""

    enabled: bool
    protocol: str | None = None
    port: str | None = None
    path: str | None = None
    interval_seconds: int | None = None
    timeout_seconds: int | None = None
    healthy_threshold: int | None = None
    unhealthy_threshold: int | None = None
    matcher_http_code: str | None = None
    matcher_grpc_code: str | None = None


@dataclass(frozen=True, slots=True)
class TargetHealth:
    """A registered target and its health (DescribeTargetHealth)."""

    target_id: str
    """Instance id, IP address, Lambda ARN or ALB ARN."""
    port: int | None = None
    availability_zone: str | None = None
    state: str | None = None
    reason: str | None = None
    description: str | None = None
    health_check_port: str | None = None


@dataclass(frozen=True, slots=True)
class TargetGroup:
    """A target group with its attributes and registered targets."""

    account_id: str
    region: str
    arn: str
    name: str
    target_type: str
    """``instance`` | ``ip`` | ``lambda`` | ``alb``."""
    attributes: Collected[Attributes]
    targets: Collected[tuple[TargetHealth, ...]]
    health_check: HealthCheck
    protocol: str | None = None
    port: int | None = None
    vpc_id: str | None = None
    protocol_version: str | None = None
    ip_address_type: str | None = None
    load_balancer_arns: tuple[str, ...] = ()
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Cipher:
    """A cipher of an SSL policy."""

    name: str
    priority: int | None = None


@dataclass(frozen=True, slots=True)
class SslPolicy:
    """An ELBv2 TLS security policy (DescribeSSLPolicies)."""

    account_id: str
    region: str
    name: str
    ssl_protocols: tuple[str, ...]
    ciphers: tuple[Cipher, ...] = ()
    supported_load_balancer_types: tuple[str, ...] = ()

    @property
    def allows_tls_below_1_2(self) -> bool:
        """The policy offers SSLv3, TLS 1.0 or TLS 1.1."""
        return any(p in OLD_TLS for p in self.ssl_protocols)

    @property
    def post_quantum(self) -> bool:
        """A post-quantum hybrid key exchange policy (``*-PQ-*``)."""
        return "-PQ-" in self.name.upper()
