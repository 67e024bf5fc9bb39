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

from edgekit.model import enums
from edgekit.model.common import EMPTY_MAP, FrozenMap, readonly
from edgekit.model.reader import Fields, UnitKey, parse_items, tags_map

KIND_KEYS: Mapping[str, str] = {
    "security_groups": "security_groups",
    "managed_prefix_lists": "managed_prefix_lists",
}
"""Inventory kind → payload key."""

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


def parse_unit(unit: UnitKey, data: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Every resource of one ec2 payload, by inventory kind."""
    return {
        "security_groups": parse_items(unit, data, "security_groups", _security_group),
        "managed_prefix_lists": parse_items(unit, data, "managed_prefix_lists", _prefix_list),
    }


def _ranges(p: Fields, key: str, cidr_key: str) -> tuple[IpRange, ...]:
    return tuple(IpRange(r.req_str(cidr_key), r.opt_str("Description")) for r in p.subs(key))


def _permission(p: Fields) -> IpPermission:
    return IpPermission(
        ip_protocol=p.req_enum("IpProtocol", enums.IP_PROTOCOL),
        from_port=p.opt_int("FromPort"),
        to_port=p.opt_int("ToPort"),
        ip_ranges=_ranges(p, "IpRanges", "CidrIp"),
        ipv6_ranges=_ranges(p, "Ipv6Ranges", "CidrIpv6"),
        prefix_list_ids=tuple(
            PrefixListRef(r.req_str("PrefixListId"), r.opt_str("Description"))
            for r in p.subs("PrefixListIds")
        ),
        user_id_group_pairs=tuple(
            UserIdGroupPair(
                group_id=g.opt_str("GroupId"),
                user_id=g.opt_str("UserId"),
                group_name=g.opt_str("GroupName"),
                vpc_id=g.opt_str("VpcId"),
                vpc_peering_connection_id=g.opt_str("VpcPeeringConnectionId"),
                peering_status=g.opt_str("PeeringStatus"),
                description=g.opt_str("Description"),
            )
            for g in p.subs("UserIdGroupPairs")
        ),
    )


def _security_group(unit: UnitKey, item: object, index: int) -> SecurityGroup:
    f = unit.named_item(item, f"security_groups[{index}]", "security group", "GroupId")
    return SecurityGroup(
        account_id=unit.account_id,
        region=unit.region,
        id=f.req_str("GroupId"),
        name=f.opt_str("GroupName"),
        description=f.opt_str("Description"),
        vpc_id=f.opt_str("VpcId"),
        owner_id=f.opt_str("OwnerId"),
        arn=f.opt_str("SecurityGroupArn"),
        ingress=tuple(_permission(p) for p in f.subs("IpPermissions")),
        egress=tuple(_permission(p) for p in f.subs("IpPermissionsEgress")),
        tags=tags_map(f.subs("Tags")),
        raw=readonly(f.raw),
    )


def _prefix_list(unit: UnitKey, item: object, index: int) -> ManagedPrefixList:
    f = unit.named_item(item, f"managed_prefix_lists[{index}]", "prefix list", "PrefixListId")
    return ManagedPrefixList(
        account_id=unit.account_id,
        region=unit.region,
        id=f.req_str("PrefixListId"),
        name=f.req_str("PrefixListName"),
        arn=f.opt_str("PrefixListArn"),
        address_family=f.opt_str("AddressFamily"),
        state=f.opt_str("State"),
        max_entries=f.opt_int("MaxEntries"),
        version=f.opt_int("Version"),
        owner_id=f.opt_str("OwnerId"),
    )
