"""EC2: security groups and managed prefix lists of a payload into the model classes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from edgekit.model import enums
from edgekit.model.common import readonly
from edgekit.model.ec2.types import (
    IpPermission,
    IpRange,
    ManagedPrefixList,
    PrefixListRef,
    SecurityGroup,
    UserIdGroupPair,
)
from edgekit.model.reader import Fields, UnitKey, parse_items, tags_map

KIND_KEYS: Mapping[str, str] = {
    "security_groups": "security_groups",
    "managed_prefix_lists": "managed_prefix_lists",
}
"""Inventory kind → payload key."""


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
