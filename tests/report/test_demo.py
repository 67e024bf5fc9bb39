"""``edgekit demo`` end to end, in a subprocess (it starts its own sandbox): the sample estate
collected, scanned, planned, drawn and reported, and a second run replaces the first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.report.conftest import html_text


@pytest.mark.slow
def test_demo_end_to_end(tmp_path: Path) -> None:
    stale = tmp_path / "reports" / "demo" / "stale.txt"
    stale.parent.mkdir(parents=True)
    stale.write_text("from an earlier run", encoding="utf-8")
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "edgekit.cli", "demo", "-o", str(tmp_path), "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    reports, diagrams = tmp_path / "reports" / "demo", tmp_path / "diagrams" / "demo"
    for path in (
        tmp_path / "snapshots" / "sample.json.gz",
        reports / "edge_report.html",
        reports / "edge_report.ipynb",
        reports / "findings.json",
        reports / "findings.csv",
        reports / "findings.sarif",
        reports / "proposals.json",
        reports / "proposals.md",
        reports / "conformance.json",
        diagrams / "index.json",
    ):
        assert path.is_file(), path
    assert not stale.exists(), "a run replaces the demo folders (idempotent)"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir() if p.is_dir()) == ["demo"]
    index = json.loads((tmp_path / "reports" / "index.json").read_text(encoding="utf-8"))
    assert [(r["run_id"], r["path"]) for r in index["runs"]] == [("demo", "demo/edge_report.html")]
    findings = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    assert findings["snapshot"]["accounts"] == ["111111111111", "222222222222", "333333333333"]
    assert findings["snapshot"]["gaps"] == 0 and findings["findings"]
    pictures = json.loads((diagrams / "index.json").read_text(encoding="utf-8"))["pictures"]
    kinds = {p["kind"] for p in pictures}
    assert {"entrypoint", "overview", "before-after"} <= kinds
    page = html_text(reports / "edge_report.html")
    assert "www.northwind.example" in page or "shop.northwind.example" in page
    for printed in (
        "sample.json.gz",
        "edge_report.html",
        "findings.json",
        "proposals.md",
        "conformance.json",
        "12 of 51 entrypoints conform",
        "done in",
    ):
        assert printed in done.stdout, printed
    conformance = json.loads((reports / "conformance.json").read_text(encoding="utf-8"))
    assert conformance["schema"] == "edgekit.conformance/1"
    assert conformance["summary"]["by_pattern"]["static-site"]["conforms"] == 8
