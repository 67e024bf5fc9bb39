"""TLS protocol data of AWS load balancer security policies — the *fallback* only.

Checks decide "allows TLS 1.0/1.1" from the protocol list collected with the policy
(ELBv2 ``DescribeSSLPolicies`` ``SslProtocols``; Classic ``Protocol-*`` policy attributes).
Only when a policy was not collected do they fall back to :data:`ELBV2_POLICIES` /
:data:`CLASSIC_POLICIES`, and a name in neither answers *unknown* (:func:`resolve` returns
None): a policy AWS releases after this table was written must never raise a false alarm
(ScoutSuite's and KICS's stale allow-lists did).

Sources (AWS documentation, "Security policies for your Application Load Balancer" /
"... Network Load Balancer" protocol tables, and "Predefined SSL security policies for Classic
Load Balancers"). The post-quantum ``*-PQ-2025-09`` policies keep the protocol range their name
states (``TLS13-1-x``: TLS 1.x up to TLS 1.3), as DescribeSSLPolicies reports them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

TLS13: Final = ("TLSv1.3",)
TLS12_13: Final = ("TLSv1.2", "TLSv1.3")
TLS11_13: Final = ("TLSv1.1", "TLSv1.2", "TLSv1.3")
TLS10_13: Final = ("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")
TLS12: Final = ("TLSv1.2",)
TLS11_12: Final = ("TLSv1.1", "TLSv1.2")
TLS10_12: Final = ("TLSv1", "TLSv1.1", "TLSv1.2")

OLD_PROTOCOLS: Final = frozenset({"SSLv2", "SSLv3", "TLSv1", "TLSv1.1"})
"""Protocols below TLS 1.2 (what ``*_tls_policy_outdated`` reports)."""

_PROTOCOL_ORDER: Final = ("SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")


def _tls13_family() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    # TLS 1.3 policies (2021-06), their FIPS (2023-04) and post-quantum (2025-09) variants.
    for variant in ("1-3", "1-2", "1-2-Res", "1-2-Ext1", "1-2-Ext2", "1-1", "1-0"):
        protocols = {"1-3": TLS13, "1-1": TLS11_13, "1-0": TLS10_13}.get(variant, TLS12_13)
        table[f"ELBSecurityPolicy-TLS13-{variant}-2021-06"] = protocols
    for variant in ("1-3", "1-2", "1-2-Res", "1-2-Ext0", "1-2-Ext1", "1-2-Ext2", "1-1", "1-0"):
        protocols = {"1-3": TLS13, "1-1": TLS11_13, "1-0": TLS10_13}.get(variant, TLS12_13)
        table[f"ELBSecurityPolicy-TLS13-{variant}-FIPS-2023-04"] = protocols
    for variant in ("1-3", "1-2", "1-2-Res", "1-2-Ext1", "1-2-Ext2", "1-0"):
        protocols = {"1-3": TLS13, "1-0": TLS10_13}.get(variant, TLS12_13)
        table[f"ELBSecurityPolicy-TLS13-{variant}-PQ-2025-09"] = protocols
    for variant in ("1-3", "1-2", "1-2-Res", "1-2-Ext0", "1-2-Ext1", "1-2-Ext2", "1-0"):
        protocols = {"1-3": TLS13, "1-0": TLS10_13}.get(variant, TLS12_13)
        table[f"ELBSecurityPolicy-TLS13-{variant}-FIPS-PQ-2025-09"] = protocols
    # RFC 9151 (CNSA 1.0) policies: TLS 1.2/1.3 (1-3: TLS 1.3 only); none offers TLS 1.0/1.1.
    table["ELBSecurityPolicy-TLS13-1-3-RFC9151-FIPS-2023-07"] = TLS13
    table["ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07"] = TLS12_13
    table["ELBSecurityPolicy-TLS13-1-2-Ext0-RFC9151-FIPS-2023-07"] = TLS12_13
    for n in range(1, 5):
        table[f"ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP{n}-FIPS-2023-07"] = TLS12_13
    return table


ELBV2_POLICIES: Final[Mapping[str, tuple[str, ...]]] = {
    **_tls13_family(),
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06": TLS12,
    "ELBSecurityPolicy-TLS-1-2-2017-01": TLS12,
    "ELBSecurityPolicy-TLS-1-1-2017-01": TLS11_12,
    "ELBSecurityPolicy-TLS-1-0-2015-04": TLS10_12,
    "ELBSecurityPolicy-2016-08": TLS10_12,
    "ELBSecurityPolicy-2015-05": TLS10_12,
    "ELBSecurityPolicy-FS-1-2-Res-2020-10": TLS12,
    "ELBSecurityPolicy-FS-1-2-Res-2019-08": TLS12,
    "ELBSecurityPolicy-FS-1-2-2019-08": TLS12,
    "ELBSecurityPolicy-FS-1-1-2019-08": TLS11_12,
    "ELBSecurityPolicy-FS-2018-06": TLS10_12,
}
"""ALB/NLB predefined policies → protocols (fallback when DescribeSSLPolicies was not read)."""

CLASSIC_POLICIES: Final[Mapping[str, tuple[str, ...]]] = {
    "ELBSecurityPolicy-TLS-1-2-2017-01": TLS12,
    "ELBSecurityPolicy-TLS-1-1-2017-01": TLS11_12,
    "ELBSecurityPolicy-2016-08": TLS10_12,
    "ELBSecurityPolicy-2015-05": TLS10_12,
    "ELBSecurityPolicy-2015-03": TLS10_12,
    "ELBSecurityPolicy-2015-02": TLS10_12,
    "ELBSecurityPolicy-2014-10": TLS10_12,
    "ELBSecurityPolicy-2014-01": ("SSLv3", *TLS10_12),
    "ELBSecurityPolicy-2011-08": ("SSLv3", "TLSv1"),
    "ELBSample-ELBDefaultCipherPolicy": ("SSLv3", "TLSv1"),
    "ELBSample-ELBDefaultNegotiationPolicy": ("SSLv3", "TLSv1"),
    "ELBSample-OpenSSLDefaultCipherPolicy": ("SSLv3", "TLSv1"),
    "ELBSample-OpenSSLDefaultNegotiationPolicy": ("SSLv3", "TLSv1"),
}
"""Classic ELB predefined policies → protocols (fallback when the policy was not described).

The pre-2015 policies predate TLS 1.2-only configurations; all of them offer TLS 1.0 (and the
2014-01 and older ones SSLv3)."""

Source = Literal["collected", "table"]


@dataclass(frozen=True, slots=True)
class PolicyProtocols:
    """The protocols of a named policy and where they came from."""

    name: str
    protocols: tuple[str, ...]
    """Normalised (``TLSv1``, ``TLSv1.1`` ...), oldest first, without duplicates."""
    source: Source

    @property
    def outdated(self) -> tuple[str, ...]:
        """The protocols below TLS 1.2 it offers (empty: none)."""
        return tuple(p for p in self.protocols if p in OLD_PROTOCOLS)

    def evidence(self) -> dict[str, object]:
        """Small JSON evidence: policy, protocols, and whether they were collected."""
        return {
            "ssl_policy": self.name,
            "protocols": list(self.protocols),
            "protocols_source": self.source,
        }


def normalize_protocol(name: str) -> str:
    """``Protocol-TLSv1.1`` / ``TLSv1.0`` / ``tlsv1.2`` → AWS's ``TLSv1.1`` / ``TLSv1`` spelling."""
    p = name.strip().removeprefix("Protocol-")
    lowered = p.lower()
    if lowered in ("tlsv1.0", "tlsv1"):
        return "TLSv1"
    for known in _PROTOCOL_ORDER:
        if lowered == known.lower():
            return known
    return p


def normalize_protocols(names: Iterable[str]) -> tuple[str, ...]:
    """Normalised, de-duplicated, oldest first (unknown spellings last, as given)."""
    seen = list(dict.fromkeys(normalize_protocol(n) for n in names))

    def order(p: str) -> int:
        return _PROTOCOL_ORDER.index(p) if p in _PROTOCOL_ORDER else len(_PROTOCOL_ORDER)

    return tuple(sorted(seen, key=order))


def resolve(
    name: str,
    collected: Iterable[str] | None,
    table: Mapping[str, tuple[str, ...]],
) -> PolicyProtocols | None:
    """The protocols of policy ``name``: the collected list when there is one (non-empty),
    else the built-in ``table``; None when neither knows it (the caller says *unknown*)."""
    protocols = normalize_protocols(collected or ())
    if protocols:
        return PolicyProtocols(name, protocols, "collected")
    known = table.get(name)
    if known is None:
        return None
    return PolicyProtocols(name, normalize_protocols(known), "table")


def is_post_quantum(name: str) -> bool:
    """AWS names its hybrid post-quantum key-exchange policies with a ``PQ`` segment
    (``ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09``, ``...-FIPS-PQ-2025-09``)."""
    return "PQ" in name.upper().split("-")
