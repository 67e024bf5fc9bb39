"""TLS policy data: collected protocols win, the table is a fallback, unknown names stay unknown."""

from __future__ import annotations

import pytest

from edgekit.rules.analysis import tls_policy_data
from edgekit.rules.analysis.tls_policy_data import CLASSIC_POLICIES, ELBV2_POLICIES, resolve


def test_collected_protocols_win_over_the_table() -> None:
    got = resolve("ELBSecurityPolicy-2016-08", ["TLSv1.2", "TLSv1.3"], ELBV2_POLICIES)
    assert got is not None
    assert got.source == "collected"
    assert got.protocols == ("TLSv1.2", "TLSv1.3")
    assert got.outdated == ()


def test_table_is_the_fallback_when_nothing_was_collected() -> None:
    got = resolve("ELBSecurityPolicy-2016-08", None, ELBV2_POLICIES)
    assert got is not None
    assert got.source == "table"
    assert got.outdated == ("TLSv1", "TLSv1.1")
    assert got.evidence()["protocols_source"] == "table"


def test_empty_collected_list_falls_back_to_the_table() -> None:
    got = resolve("ELBSecurityPolicy-TLS-1-1-2017-01", [], ELBV2_POLICIES)
    assert got is not None and got.source == "table" and got.outdated == ("TLSv1.1",)


def test_unknown_name_is_unknown_never_a_guess() -> None:
    assert (
        resolve("ELBSecurityPolicy-TLS13-1-2-CNSA2-FIPS-PQ-2026-07", None, ELBV2_POLICIES) is None
    )
    assert resolve("ELBSecurityPolicy-TLS13-1-2-2021-06", None, CLASSIC_POLICIES) is None


@pytest.mark.parametrize(
    ("name", "outdated"),
    [
        ("ELBSecurityPolicy-2016-08", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-2015-05", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-TLS-1-0-2015-04", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-TLS-1-1-2017-01", ("TLSv1.1",)),
        ("ELBSecurityPolicy-TLS-1-2-2017-01", ()),
        ("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", ()),
        ("ELBSecurityPolicy-FS-2018-06", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-FS-1-1-2019-08", ("TLSv1.1",)),
        ("ELBSecurityPolicy-FS-1-2-2019-08", ()),
        ("ELBSecurityPolicy-FS-1-2-Res-2019-08", ()),
        ("ELBSecurityPolicy-FS-1-2-Res-2020-10", ()),
        ("ELBSecurityPolicy-TLS13-1-0-2021-06", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-TLS13-1-1-2021-06", ("TLSv1.1",)),
        ("ELBSecurityPolicy-TLS13-1-2-2021-06", ()),
        ("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", ()),
        ("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", ()),
        ("ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06", ()),
        ("ELBSecurityPolicy-TLS13-1-3-2021-06", ()),
        ("ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04", ("TLSv1.1",)),
        ("ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04", ()),
        ("ELBSecurityPolicy-TLS13-1-0-PQ-2025-09", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-TLS13-1-2-PQ-2025-09", ()),
        ("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", ()),
        ("ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09", ()),
        ("ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09", ()),
        ("ELBSecurityPolicy-TLS13-1-3-PQ-2025-09", ()),
        ("ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09", ()),
        ("ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07", ()),
    ],
)
def test_elbv2_table_matches_the_aws_protocol_tables(name: str, outdated: tuple[str, ...]) -> None:
    got = resolve(name, None, ELBV2_POLICIES)
    assert got is not None, name
    assert got.outdated == outdated


@pytest.mark.parametrize(
    ("name", "outdated"),
    [
        ("ELBSecurityPolicy-2016-08", ("TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-TLS-1-1-2017-01", ("TLSv1.1",)),
        ("ELBSecurityPolicy-TLS-1-2-2017-01", ()),
        ("ELBSecurityPolicy-2014-01", ("SSLv3", "TLSv1", "TLSv1.1")),
        ("ELBSecurityPolicy-2011-08", ("SSLv3", "TLSv1")),
    ],
)
def test_classic_table(name: str, outdated: tuple[str, ...]) -> None:
    got = resolve(name, None, CLASSIC_POLICIES)
    assert got is not None and got.outdated == outdated


def test_every_table_entry_is_normalised_and_ordered() -> None:
    for table in (ELBV2_POLICIES, CLASSIC_POLICIES):
        for name, protocols in table.items():
            assert tls_policy_data.normalize_protocols(protocols) == tuple(
                sorted(protocols, key=tls_policy_data._PROTOCOL_ORDER.index)
            ), name


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("Protocol-TLSv1", "TLSv1"),
        ("TLSv1.0", "TLSv1"),
        ("tlsv1.2", "TLSv1.2"),
        ("Protocol-SSLv3", "SSLv3"),
        ("TLSv1.3", "TLSv1.3"),
        ("QUIC", "QUIC"),
    ],
)
def test_normalize_protocol(raw: str, norm: str) -> None:
    assert tls_policy_data.normalize_protocol(raw) == norm


def test_normalize_protocols_orders_and_dedupes() -> None:
    assert tls_policy_data.normalize_protocols(["TLSv1.2", "Protocol-TLSv1", "TLSv1.0", "X"]) == (
        "TLSv1",
        "TLSv1.2",
        "X",
    )


@pytest.mark.parametrize(
    ("name", "pq"),
    [
        ("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", True),
        ("ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09", True),
        ("ELBSecurityPolicy-TLS13-1-3-CNSA2-INTEROP1-FIPS-PQ-2026-07", True),
        ("ELBSecurityPolicy-TLS13-1-2-2021-06", False),
        ("ELBSecurityPolicy-2016-08", False),
        ("MyPQPolicy", False),
    ],
)
def test_is_post_quantum(name: str, pq: bool) -> None:
    assert tls_policy_data.is_post_quantum(name) is pq
