"""EC2: SecurityGroup (ingress / egress permissions) and ManagedPrefixList.

The ec2 collector reads only the security groups attached to collected load balancers (ALB,
NLB, Classic ELB) and the CloudFront origin-facing managed prefix list of the region, so a
group id missing from a collected payload is "deleted" only when a collected load balancer of
that account and region names it (see ``Inventory.security_group``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from edgekit.model.common import EMPTY_MAP, FrozenMap

CLOUDFRONT_ORIGIN_FACING: Final = "com.amazonaws.global.cloudfront.origin-facing"
"""Name of the AWS-managed prefix list of CloudFront's origin-facing addresses (IPv4)."""
CLOUDFRONT_ORIGIN_FACING_IPV6: Final = "com.amazonaws.global.ipv6.cloudfront.origin-facing"
"""Its IPv6 counterpart."""
CLOUDFRONT_ORIGIN_FACING_NAMES: Final = frozenset(
    {CLOUDFRONT_ORIGIN_FACING, CLOUDFRONT_ORIGIN_FACING_IPV6}
)

ANYWHERE: Final = frozenset({"0.0.0.0/0", "::/0"})
"""CIDRs that admit the whole internet."""


@dataclass(frozen=True, slots=True)
class IpRange:
    """An IPv4 or IPv6 CIDR of a permission (``IpRanges[].CidrIp`` / ``Ipv6Ranges[].CidrIpv6``)."""

    cidr: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class PrefixListRef:
    """A managed prefix list named by a permission (``PrefixListIds[]``)."""

    prefix_list_id: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class UserIdGroupPair:
    """A security group named by a permission (``UserIdGroupPairs[]``)."""

    group_id: str | None = None
    user_id: str | None = None
    group_name: str | None = None
    vpc_id: str | None = None
    vpc_peering_connection_id: str | None = None
    peering_status: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class IpPermission:
    """One ingress or egress permission: a protocol, a port range and its sources."""

    ip_protocol: str
    """``tcp`` | ``udp`` | ``icmp`` | ``icmpv6`` | a protocol number | ``-1`` (all)."""
    from_port: int | None = None
    to_port: int | None = None
    ip_ranges: tuple[IpRange, ...] = ()
    ipv6_ranges: tuple[IpRange, ...] = ()
    prefix_list_ids: tuple[PrefixListRef, ...] = ()
    user_id_group_pairs: tuple[UserIdGroupPair, ...] = ()

    @property
    def all_traffic(self) -> bool:
        """Every protocol and port (``IpProtocol`` ``-1``)."""
        return self.ip_protocol == "-1"

    def allows_tcp_port(self, port: int) -> bool:
        """True when this permission covers TCP ``port`` (all traffic, or tcp in range)."""
        if self.all_traffic:
            return True
        if self.ip_protocol.lower() not in ("tcp", "6"):
            return False
        if self.from_port is None or self.to_port is None or self.from_port == -1:
            return True
        return self.from_port <= port <= self.to_port

    @property
    def cidrs(self) -> tuple[str, ...]:
        """Every IPv4 and IPv6 CIDR."""
        return tuple(r.cidr for r in (*self.ip_ranges, *self.ipv6_ranges))

    @property
    def open_to_internet(self) -> bool:
        """A source is ``0.0.0.0/0`` or ``::/0``."""
        return any(c in ANYWHERE for c in self.cidrs)

    @property
    def prefix_lists(self) -> tuple[str, ...]:
        """Ids of the managed prefix lists named as sources / destinations."""
        return tuple(p.prefix_list_id for p in self.prefix_list_ids)

    @property
    def group_ids(self) -> tuple[str, ...]:
        """Ids of the security groups named as sources / destinations."""
        return tuple(p.group_id for p in self.user_id_group_pairs if p.group_id)


@dataclass(frozen=True, slots=True)
class SecurityGroup:
    """A security group (DescribeSecurityGroups item)."""

    account_id: str
    region: str
    id: str
    """``GroupId``."""
    name: str | None = None
    description: str | None = None
    vpc_id: str | None = None
    owner_id: str | None = None
    arn: str | None = None
    ingress: tuple[IpPermission, ...] = ()
    """``IpPermissions``."""
    egress: tuple[IpPermission, ...] = ()
    """``IpPermissionsEgress``."""
    tags: FrozenMap[str, str] = EMPTY_MAP
    raw: Mapping[str, Any] = field(default=EMPTY_MAP, compare=False, repr=False)

    def ingress_for_tcp_port(self, port: int) -> tuple[IpPermission, ...]:
        """Ingress permissions covering TCP ``port``."""
        return tuple(p for p in self.ingress if p.allows_tcp_port(port))

    def open_to_internet_on(self, port: int) -> bool:
        """Some ingress permission admits ``0.0.0.0/0`` or ``::/0`` on TCP ``port``."""
        return any(p.open_to_internet for p in self.ingress_for_tcp_port(port))


@dataclass(frozen=True, slots=True)
class ManagedPrefixList:
    """A managed prefix list (DescribeManagedPrefixLists item)."""

    account_id: str
    region: str
    id: str
    """``PrefixListId`` (what a security group permission references)."""
    name: str
    arn: str | None = None
    address_family: str | None = None
    state: str | None = None
    max_entries: int | None = None
    version: int | None = None
    owner_id: str | None = None

    @property
    def is_cloudfront_origin_facing(self) -> bool:
        """One of the AWS-managed lists of CloudFront's origin-facing addresses (IPv4 or IPv6)."""
        return self.name in CLOUDFRONT_ORIGIN_FACING_NAMES
