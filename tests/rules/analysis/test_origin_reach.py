"""Port exposure to the whole internet (origins.port_exposure)."""

from __future__ import annotations

from dataclasses import replace

from edgekit.model import (
    NOT_COLLECTED,
    IpPermission,
    IpRange,
    LoadBalancer,
    PrefixListRef,
    SecurityGroup,
)
from edgekit.rules.analysis.origin_reach import Exposure, port_exposure

LB = LoadBalancer(
    "1",
    "r",
    "arn:lb",
    "web",
    "application",
    "internet-facing",
    NOT_COLLECTED,
    NOT_COLLECTED,
    NOT_COLLECTED,
    ip_address_type="ipv4",
)
CF = frozenset({"pl-cf"})


def sg(*perms: IpPermission) -> SecurityGroup:
    return SecurityGroup("1", "r", "sg-1", ingress=perms)


def tcp(lo: int, hi: int, *cidrs: str, pls: tuple[str, ...] = ()) -> IpPermission:
    v4 = tuple(IpRange(c) for c in cidrs if ":" not in c)
    v6 = tuple(IpRange(c) for c in cidrs if ":" in c)
    return IpPermission("tcp", lo, hi, v4, v6, tuple(PrefixListRef(p) for p in pls))


def test_anywhere_only_for_reachable_families() -> None:
    v6 = sg(tcp(443, 443, "::/0"))
    assert port_exposure(LB, [v6], CF, 443).state is Exposure.CLOSED
    dual = replace(LB, ip_address_type="dualstack")
    assert port_exposure(dual, [v6], CF, 443).sources == ("sg-1:::/0",)
    v4 = sg(tcp(443, 443, "0.0.0.0/0"))
    no_v4 = replace(LB, ip_address_type="dualstack-without-public-ipv4")
    assert port_exposure(no_v4, [v4], CF, 443).state is Exposure.CLOSED
    assert port_exposure(LB, [v4], CF, 443).state is Exposure.ANYWHERE


def test_all_traffic_ranges_and_other_ports() -> None:
    everything = sg(IpPermission("-1", ip_ranges=(IpRange("0.0.0.0/0"),)))
    assert port_exposure(LB, [everything], CF, 8443).state is Exposure.ANYWHERE
    assert port_exposure(LB, [sg(tcp(80, 80, "0.0.0.0/0"))], CF, 443).state is Exposure.CLOSED
    udp = sg(IpPermission("udp", 0, 65535, (IpRange("0.0.0.0/0"),)))
    assert port_exposure(LB, [udp], CF, 443).state is Exposure.CLOSED


def test_prefix_lists_and_unknowns() -> None:
    cf_only = sg(tcp(443, 443, pls=("pl-cf",)))
    assert port_exposure(LB, [cf_only], CF, 443).state is Exposure.CLOSED
    assert port_exposure(LB, [cf_only], NOT_COLLECTED, 443).state is Exposure.UNDECIDED
    custom = port_exposure(LB, [sg(tcp(443, 443, pls=("pl-own",)))], CF, 443)
    assert (custom.state, custom.sources) == (Exposure.UNDECIDED, ("sg-1:pl-own",))
    assert port_exposure(LB, NOT_COLLECTED, CF, 443).state is Exposure.UNDECIDED
    assert port_exposure(LB, [], CF, 443).state is Exposure.UNDECIDED
    bogus = port_exposure(LB, [sg(tcp(443, 443, "not-a-cidr"))], CF, 443)
    assert bogus.state is Exposure.UNDECIDED
    mixed = port_exposure(LB, [sg(tcp(443, 443, "0.0.0.0/0", pls=("pl-own",)))], CF, 443)
    assert mixed.state is Exposure.ANYWHERE
