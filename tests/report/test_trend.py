"""The edge report's trend section (``-p history_dir DIR``) and the index of past runs.

A folder of generated snapshots of one evolving estate (three weekly collections); the report
runs twice into one output folder: the executed notebook shows the trend chart as an image,
and ``reports/index.json`` / ``index.md`` list both runs.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from edgekit.report import RunResult, run_report
from edgekit.report import runs_index as ri
from tests.integrations.test_history import DAYS, folder  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow  # executes the edge report twice in a Jupyter kernel


def _trend_outputs(run: RunResult) -> list[dict[str, object]]:
    nb = nbformat.read(run.notebook, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "show_trend(" in c.source)
    outputs: list[dict[str, object]] = nb.cells[index].outputs
    return outputs


def test_trend_chart_and_index_of_two_runs(
    folder: Path,  # noqa: F811
    tmp_path: Path,
    fake_aws: None,
) -> None:
    latest = folder / "b.json"  # collected DAYS[2], also in the folder: counted once
    out = tmp_path / "out"
    first = run_report(
        "edge_report", latest, {"history_dir": str(folder)}, out, progress=False, html=True
    )
    outputs = _trend_outputs(first)
    pictures = [str(o.get("data", {}).get("text/html", "")) for o in outputs]  # type: ignore[attr-defined]
    assert any('src="data:image/png;base64,' in p for p in pictures), outputs  # embedded
    assert (first.run_dir / "trend.png").stat().st_size > 0
    trend = (first.run_dir / "trend.csv").read_text(encoding="utf-8").splitlines()
    assert len(trend) == 4  # header + the three snapshots, oldest first
    assert [line.split(",")[0] for line in trend[1:]] == list(DAYS)

    second = run_report(
        "edge_report", latest, {"history_dir": str(folder), "top_n": 5}, out, progress=False
    )
    assert second.run_id != first.run_id
    doc = json.loads((out / "reports" / "index.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "edgekit.report-index/1"
    runs = doc["runs"]
    assert [r["run_id"] for r in runs] == [first.run_id, second.run_id]
    for r in runs:
        assert r["notebook"] == "edge_report"
        assert r["collected_at"] == DAYS[2]
        assert r["snapshot"] == str(latest.resolve())
        assert r["path"] == f"{r['run_id']}/edge_report.html"
        assert (out / "reports" / r["path"]).is_file()
    findings = json.loads((first.run_dir / "findings.json").read_text(encoding="utf-8"))
    fails = [f for f in findings["findings"] if f["status"] == "fail"]
    assert sum(runs[0]["failing"].values()) == len(fails) > 0
    assert runs[0]["failing"] == runs[1]["failing"]
    table = (out / "reports" / "index.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| 20")]
    assert len(rows) == 2
    assert second.run_id in rows[0] and first.run_id in rows[1]  # newest first
    assert ri.read_index(out / "reports") == runs
