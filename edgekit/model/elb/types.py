"""Classic Load Balancers (elb): ClassicLoadBalancer, ClassicListener, ElbPolicy, attributes.

Classic load balancers have no ARN in the API; the model builds the one Shield, WAF and tags
use: ``arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/<name>``.

TLS protocols of an HTTPS/SSL listener come from its ``SSLNegotiationPolicyType`` policy: real
AWS describes every ``Protocol-*`` attribute (``"true"`` / ``"false"``) of the load balancer's
policies; when a policy only names a predefined one (``Reference-Security-Policy``, as moto
does), the predefined policy of the payload's ``reference_policies`` is read instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from edgekit.model.common import EMPTY_MAP, NOT_COLLECTED, Collected, FrozenMap

SSL_NEGOTIATION: Final = "SSLNegotiationPolicyType"
REFERENCE_ATTRIBUTE: Final = "Reference-Security-Policy"
OLD_TLS: Final = frozenset({"SSLv2", "SSLv3", "TLSv1", "TLSv1.1"})
_NOT_CIPHERS: Final = (REFERENCE_ATTRIBUTE, "Server-Defined-Cipher-Order")


def partition_of(region: str) -> str:
    """The ARN partition of a region name (``aws``, ``aws-cn``, ``aws-us-gov``)."""
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


def classic_arn(name: str, account_id: str, region: str) -> str:
    """The ARN of a Classic Load Balancer."""
    return (
        f"arn:{partition_of(region)}:elasticloadbalancing:{region}:{account_id}:loadbalancer/{name}"
    )


@dataclass(frozen=True, slots=True)
class ElbPolicy:
    """A load balancer policy (PolicyDescription) with its attribute descriptions.

    ``predefined`` is the policy named by ``Reference-Security-Policy``, as described in the
    payload's ``reference_policies``: None when there is no reference or the endpoint did not
    know the name; NOT_COLLECTED when ``reference_policies`` was not collected.
    """

    name: str
    type_name: str | None
    attributes: FrozenMap[str, str] = EMPTY_MAP
    """``AttributeName`` → ``AttributeValue``, in the order described."""
    predefined: Collected[ElbPolicy | None] = None

    @property
    def reference_security_policy(self) -> str | None:
        """The predefined policy this one is based on (``Reference-Security-Policy``)."""
        return self.attributes.get(REFERENCE_ATTRIBUTE) or None

    @property
    def own_ssl_protocols(self) -> tuple[str, ...] | None:
        """Protocols whose ``Protocol-*`` attribute is ``true``; None without such attributes."""
        flags = [(k, v) for k, v in self.attributes.items() if k.startswith("Protocol-")]
        if not flags:
            return None
        return tuple(k.removeprefix("Protocol-") for k, v in flags if v.lower() == "true")

    @property
    def ssl_protocols(self) -> Collected[tuple[str, ...]]:
        """The protocols this policy enables, from its own attributes or its predefined policy.

        NOT_COLLECTED when neither lists ``Protocol-*`` attributes (use
        :attr:`reference_security_policy` with a built-in table as a fallback).
        """
        own = self.own_ssl_protocols
        if own is not None:
            return own
        if isinstance(self.predefined, ElbPolicy):
            inherited = self.predefined.own_ssl_protocols
            if inherited is not None:
                return inherited
        return NOT_COLLECTED

    @property
    def ciphers(self) -> tuple[str, ...]:
        """Cipher attributes set to ``true`` (own attributes only)."""
        return tuple(
            k
            for k, v in self.attributes.items()
            if v.lower() == "true" and not k.startswith("Protocol-") and k not in _NOT_CIPHERS
        )


@dataclass(frozen=True, slots=True)
class ClassicListener:
    """A Classic ELB listener (ListenerDescription).

    ``ssl_policy`` is the ``SSLNegotiationPolicyType`` policy among ``policy_names`` (the load
    balancer's own policies, else a described predefined policy of that name): None when none
    is attached, NOT_COLLECTED when the load balancer's policies were not read or a named
    policy is described nowhere.
    """

    protocol: str
    """Front end: ``HTTP`` | ``HTTPS`` | ``TCP`` | ``SSL``."""
    load_balancer_port: int
    instance_port: int
    instance_protocol: str | None = None
    ssl_certificate_id: str | None = None
    policy_names: tuple[str, ...] = ()
    ssl_policy: Collected[ElbPolicy | None] = None

    @property
    def is_secure(self) -> bool:
        """Front end HTTPS or SSL."""
        return self.protocol.upper() in ("HTTPS", "SSL")

    @property
    def ssl_protocols(self) -> Collected[tuple[str, ...] | None]:
        """TLS protocols offered (None: no SSL negotiation policy; NOT_COLLECTED: unknown)."""
        if self.ssl_policy is NOT_COLLECTED or self.ssl_policy is None:
            return self.ssl_policy
        return self.ssl_policy.ssl_protocols

    @property
    def allows_tls_below_1_2(self) -> Collected[bool | None]:
        """The listener's policy offers SSLv3, TLS 1.0 or TLS 1.1 (None: no SSL policy)."""
        protocols = self.ssl_protocols
        if protocols is NOT_COLLECTED or protocols is None:
            return protocols
        return any(p in OLD_TLS for p in protocols)


@dataclass(frozen=True, slots=True)
class ClassicHealthCheck:
    """A Classic ELB health check (``Target`` is ``PROTOCOL:PORT[/path]``)."""

    target: str
    interval: int
    timeout: int
    unhealthy_threshold: int
    healthy_threshold: int


@dataclass(frozen=True, slots=True)
class ClassicLoadBalancerAttributes:
    """DescribeLoadBalancerAttributes of a Classic ELB (absent parts are None)."""

    access_log_enabled: bool | None = None
    access_log_bucket: str | None = None
    access_log_prefix: str | None = None
    access_log_emit_interval: int | None = None
    connection_draining_enabled: bool | None = None
    connection_draining_timeout: int | None = None
    cross_zone_enabled: bool | None = None
    idle_timeout: int | None = None
    additional: FrozenMap[str, str] = EMPTY_MAP
    """``AdditionalAttributes`` (e.g. ``elb.http.desyncmitigationmode``)."""


@dataclass(frozen=True, slots=True)
class ClassicLoadBalancer:
    """A Classic Load Balancer with listeners, attributes, policies and tags.

    ``attributes``, ``policies`` and ``tags`` are NOT_COLLECTED when their reads were denied.
    """

    account_id: str
    region: str
    arn: str
    """Built from name, account and region (the API has no ARN)."""
    name: str
    scheme: str | None
    listeners: tuple[ClassicListener, ...]
    attributes: Collected[ClassicLoadBalancerAttributes]
    policies: Collected[tuple[ElbPolicy, ...]]
    tags: Collected[FrozenMap[str, str]]
    dns_name: str | None = None
    """Lower-cased, no trailing dot."""
    canonical_hosted_zone_name: str | None = None
    canonical_hosted_zone_id: str | None = None
    vpc_id: str | None = None
    availability_zones: tuple[str, ...] = ()
    subnets: tuple[str, ...] = ()
    security_groups: tuple[str, ...] = ()
    instances: tuple[str, ...] = ()
    """Registered instance ids."""
    health_check: ClassicHealthCheck | None = None
    source_security_group: str | None = None
    """``OwnerAlias/GroupName`` of the source security group."""
    backend_policies: FrozenMap[int, tuple[str, ...]] = EMPTY_MAP
    """Instance port → policy names (BackendServerDescriptions)."""
    other_policies: tuple[str, ...] = ()
    """``Policies.OtherPolicies`` (names of the policies in use)."""
    created_time: dt.datetime | None = None
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    @property
    def internet_facing(self) -> bool:
        """Scheme is internet-facing."""
        return self.scheme == "internet-facing"

    def policy(self, name: str) -> Collected[ElbPolicy | None]:
        """The policy ``name`` of this load balancer."""
        if self.policies is NOT_COLLECTED:
            return NOT_COLLECTED
        return next((p for p in self.policies if p.name == name), None)
