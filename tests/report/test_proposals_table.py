"""The report's proposals tables: an unknown usage part never reads as $0.00 (issue 12 item 5).

On ``rich.json`` (no CloudWatch metrics) the Classic ELB removal saves $25.55/month for certain
plus the data it would have processed (usage unknown): every view (displayed tables, the HTML
they render to, ``proposals.csv``) says so.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.report import Report, show
from edgekit.report import proposals as prop
from edgekit.report.display import Table
from tests.report.conftest import RICH

CLB = "unreferenced_entrypoint-40dd89e85d"
CLB_SAVINGS = "≥ $25.55/month + usage (unknown)"


@pytest.fixture(scope="module")
def rep(tmp_path_factory: pytest.TempPathFactory, fake_aws: None) -> Report:
    return Report.open(RICH, tmp_path_factory.mktemp("proposals"))


@pytest.fixture(scope="module")
def shown(rep: Report) -> Iterator[list[Any]]:
    """What ``show.proposals`` displays (the objects passed to IPython's display)."""
    items: list[Any] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(show, "_display", lambda *xs: items.extend(xs))
        show.proposals(rep)
    yield items


def test_proposals_frame_pairs_the_certain_part_with_the_unknown_usage(rep: Report) -> None:
    frame = prop.proposals_frame(rep)
    rows = {
        r["id"]: (r["savings"], r[prop.CERTAIN], r[prop.USAGE_UNKNOWN])
        for r in frame.to_dict("records")
    }
    assert rows == {
        CLB: (CLB_SAVINGS, 25.55, "data processed (saving)"),
        "cdn_before_edge_api-2f5664aee6": ("$0.00/month", 0.0, ""),
        "unreferenced_entrypoint-661dff2209": ("$0.00/month", 0.0, ""),
        "unreferenced_entrypoint-9c0ef73121": ("$0.00/month", 0.0, ""),
        "accelerator_and_cdn-9b271b7496": ("$0.00/month", 0.0, ""),
    }
    assert frame["id"].iloc[0] == CLB  # largest certain part first
    assert "$/month" not in frame.columns  # no bare amount column any more


def test_savings_by_pattern_keeps_the_unknown_part(rep: Report) -> None:
    frame = prop.savings_by_check(rep)
    assert frame.to_dict("records") == [
        {
            "pattern": "unreferenced_entrypoint",
            "proposals": 3,
            "hops saved": 3,
            "savings": CLB_SAVINGS,
            prop.CERTAIN: 25.55,
            prop.USAGE_UNKNOWN: "data processed (saving)",
        },
        {
            "pattern": "accelerator_and_cdn",
            "proposals": 1,
            "hops saved": 0,
            "savings": "$0.00/month",
            prop.CERTAIN: 0.0,
            prop.USAGE_UNKNOWN: "",
        },
        {
            "pattern": "cdn_before_edge_api",
            "proposals": 1,
            "hops saved": 1,
            "savings": "$0.00/month",
            prop.CERTAIN: 0.0,
            prop.USAGE_UNKNOWN: "",
        },
    ]


def test_displayed_tables_show_the_reviewer_text_only(shown: list[Any]) -> None:
    tables = [t for t in shown if isinstance(t, Table)]
    assert len(tables) == 2
    per_pattern, per_proposal = tables
    assert list(per_pattern.frame.columns) == ["pattern", "proposals", "hops saved", "savings"]
    assert list(per_proposal.frame.columns) == [
        "id",
        "what",
        "entrypoint",
        "removes",
        "hops saved",
        "savings",
    ]
    for t in tables:
        html = t._repr_html_()
        assert CLB_SAVINGS in html
        assert ">25.55<" not in html  # the certain part alone is never shown as the saving
    assert per_proposal.source == "proposals.csv"


def test_proposals_csv_has_the_text_and_the_column_pair(rep: Report, shown: list[Any]) -> None:
    path = Path(rep.run_dir) / "proposals.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert (rows[CLB]["savings"], rows[CLB][prop.CERTAIN], rows[CLB][prop.USAGE_UNKNOWN]) == (
        CLB_SAVINGS,
        "25.55",
        "data processed (saving)",
    )
    assert rows["accelerator_and_cdn-9b271b7496"]["savings"] == "$0.00/month"
    assert rows["accelerator_and_cdn-9b271b7496"][prop.USAGE_UNKNOWN] == ""


def test_unknown_target_suggests_proposal_ids(rep: Report) -> None:
    from edgekit.graph import UnknownEntrypointError

    real = str(rep.proposals[0]["id"])
    typo = real[:-1] + ("x" if real[-1] != "x" else "y")
    with pytest.raises(
        UnknownEntrypointError, match=rf"no proposal '{typo}' either \(did you mean {real}"
    ):
        prop.for_target(rep, typo)
