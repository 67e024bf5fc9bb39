"""What the lineage goldens of the rich estate say, as facts a reviewer can read.

tests/goldens/graph/rich/ holds the full documents (one file per entrypoint and per node kind);
these assertions state the design of the fixture (tests/model/estates.py) in a few lines, so a
golden change that breaks one of them is visibly a behaviour change, not noise."""

from __future__ import annotations

import pytest

from edgekit.graph import Estate
from tests.model import estates


@pytest.fixture(scope="module")
def rich() -> Estate:
    return Estate.from_snapshot(estates.rich())


def _row(estate: Estate, host: str) -> dict[str, object]:
    frame = estate.entrypoints()
    [row] = frame[frame["hostname"] == host].to_dict("records")
    return row


def test_every_public_name_is_an_entrypoint(rich: Estate) -> None:
    hosts = set(rich.entrypoints()["hostname"])
    assert len(hosts) == 19
    assert {"www.example.com", "example.com", "*.example.com", "api.example.com"} <= hosts
    assert {"app.example.com", "http.example.com", "orders.example.com"} <= hosts


def test_the_main_site_reaches_the_alb_and_both_buckets_in_three_hops(rich: Estate) -> None:
    row = _row(rich, "www.example.com")
    assert (row["entry_kind"], row["hops"], row["unresolved"]) == ("dns-record", 3, False)
    chain = str(row["origin_chain"])
    assert chain.startswith("www.example.com → cloudfront E1MAINDIST → ")
    for hop in ("alb web-alb", "s3 assets-bucket", "s3 legacy-bucket", "lambda api"):
        assert hop in chain


def test_a_vpc_origin_reaches_the_internal_alb(rich: Estate) -> None:
    row = _row(rich, "app.example.com")
    assert row["entry_kind"] == "distribution-alias" and row["hops"] == 3
    assert row["origin_chain"] == (
        "cloudfront E3VPCORIGIN → vpc-origin vo_0123456789abcdef-name → alb app-internal → "
        "tg app-ip"
    )


def test_the_nlb_to_alb_chain_is_followed_through(rich: Estate) -> None:
    row = _row(rich, "static-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com")
    assert row["hops"] == 3
    assert str(row["origin_chain"]).startswith("nlb static-nlb → tg nlb-to-alb → alb web-alb")


def test_names_pointing_nowhere_known_are_unresolved_not_dropped(rich: Estate) -> None:
    assert _row(rich, "old.example.com")["origin_chain"] == (
        "old.example.com → ext d999gone.cloudfront.net"
    )
    assert _row(rich, "old.example.com")["unresolved"] is True
    assert _row(rich, "geo.example.com")["unresolved"] is True
    assert _row(rich, "w.example.com")["origin_chain"] == (
        "w.example.com → [ext 192.0.2.1 | ext 192.0.2.2]"
    )
