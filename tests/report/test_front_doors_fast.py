""":func:`front_doors` reads the entrypoints table column by column; it gives exactly the table
the row-by-row reading gave (the sample estate, a generated estate with every site variant)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from benchmarks.estates import generate
from edgekit import snapshot as snap
from edgekit.render.findings import count, worst
from edgekit.report import Report
from edgekit.report.hostnames import COLUMNS, _rank, doors, front_doors, is_generated
from edgekit.rules.finding import Finding
from tests.report.conftest import SAMPLE


def _row_by_row(rep: Report) -> pd.DataFrame:
    """The front doors as first written: a ``.loc`` / ``.at`` look-up per hostname."""
    frame = rep.estate.entrypoints().set_index("hostname")
    door_of = doors(rep)
    groups: dict[str, list[str]] = {}
    for host in rep.lineages:
        groups.setdefault(door_of[host], []).append(host)
    rows = []
    for node, hosts in groups.items():
        seen: dict[int, Finding] = {}
        for host in hosts:
            seen.update((id(f), f) for f in rep.findings_on(host))
        found = count(list(seen.values()))
        kinds = {h: str(frame.at[h, "entry_kind"]) for h in hosts}
        first = frame.loc[hosts[0]]
        attrs = rep.estate.graph.nodes[node] if node in rep.estate.graph else {}
        rows.append(
            {
                "front door": str(attrs.get("label") or node),
                "customer hostnames": ", ".join(h for h in hosts if not is_generated(h, kinds[h])),
                "AWS-generated names": ", ".join(h for h in hosts if is_generated(h, kinds[h])),
                "account": first["account_id"],
                "web ACLs": first["web_acls"],
                "TLS policy": first["tls_policy"],
                "path": first["origin_chain"],
                "worst": worst(found) or "—",
                "findings": ", ".join(f"{n} {k}" for k, n in found.items() if n),
                "_rank": _rank(worst(found)),
            }
        )
    out = pd.DataFrame(rows, columns=[*COLUMNS, "_rank"])
    out = out.sort_values(["_rank", "front door"], kind="stable").drop(columns="_rank")
    return out.reset_index(drop=True)


@pytest.fixture(scope="module", params=["sample", "generated"])
def rep(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp(request.param)
    path: Path = SAMPLE
    if request.param == "generated":
        path = snap.write(generate(20)[0], folder / "generated.json.gz")
    return Report.open(path, folder / "run")


def test_front_doors_equal_the_row_by_row_table(rep: Report) -> None:
    fast, slow = front_doors(rep), _row_by_row(rep)
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    assert [list(map(type, r)) for r in fast.itertuples()] == [
        list(map(type, r)) for r in slow.itertuples()
    ]
    assert len(fast) > 1
