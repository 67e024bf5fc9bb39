"""``edgekit history`` on a folder of generated snapshots of one evolving estate."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from edgekit.report.history import history, snapshot_paths
from tests.model import factories as f

DAYS = ("2026-01-01T00:00:00Z", "2026-01-08T00:00:00Z", "2026-01-15T00:00:00Z")


def _dist(dist_id: str, host: str, viewer: str) -> dict[str, Any]:
    origin = f.s3_origin()
    d = f.distribution(
        dist_id,
        aliases=[host],
        origins=[origin],
        default=f.behavior(origin["Id"], viewer=viewer),
        certificate=f.viewer_certificate(f.cert_arn("c1")),
    )
    return f.distribution_entry(d, [])


def _write(folder: Path, name: str, when: str, *entries: dict[str, Any]) -> Path:
    s = f.snapshot(f.payload("cloudfront", {"distributions": list(entries)}))
    path = folder / name
    snap.write(dataclasses.replace(s, collected_at=when), path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Week 1: E1 allows HTTP. Week 2: E1 fixed, E2 added (allows HTTP). Week 3: E2 removed.
    File names are out of time order on purpose."""
    _write(tmp_path, "c.json", DAYS[0], _dist("E1", "a.example.com", "allow-all"))
    _write(
        tmp_path,
        "a.json.gz",
        DAYS[1],
        _dist("E1", "a.example.com", "redirect-to-https"),
        _dist("E2", "b.example.com", "allow-all"),
    )
    _write(tmp_path, "b.json", DAYS[2], _dist("E1", "a.example.com", "redirect-to-https"))
    (tmp_path / "notes.txt").write_text("not a snapshot", encoding="utf-8")
    return tmp_path


E1 = f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E1"
E2 = f"arn:aws:cloudfront::{f.ACCOUNT}:distribution/E2"


def test_trend_changes_and_time_to_fix(folder: Path) -> None:
    h = history(snapshot_paths([folder]))
    assert list(h.trend["collected_at"]) == list(DAYS)  # ordered by time, not by file name
    assert list(h.trend["snapshot"]) == ["c.json", "a.json.gz", "b.json"]
    high = list(h.trend["high"])
    # week 2: E1 fixed one high (HTTP), E2 brought two (HTTP, no web ACL); week 3: E2 gone
    assert (high[1] - high[0], high[2] - high[1]) == (1, -2)
    assert h.changes["entrypoints_added"].iloc[0] == "b.example.com, de2.cloudfront.net"
    assert h.changes["entrypoints_removed"].iloc[1] == "b.example.com, de2.cloudfront.net"
    fixes = {(r.check_id, r.resource): r for r in h.time_to_fix.itertuples()}
    e1 = fixes[("cloudfront.viewer_http_allowed", E1)]
    assert (e1.first_seen, e1.fixed_at, e1.days_to_fix) == (DAYS[0], DAYS[1], 7.0)
    e2 = fixes[("cloudfront.viewer_http_allowed", E2)]
    assert (e2.first_seen, e2.fixed_at, e2.days_to_fix) == (DAYS[1], DAYS[2], 7.0)
    assert ("cloudfront.no_waf", E1) not in fixes  # still failing


def test_a_finding_that_comes_back_is_not_fixed(tmp_path: Path) -> None:
    _write(tmp_path, "1.json", DAYS[0], _dist("E1", "a.example.com", "allow-all"))
    _write(tmp_path, "2.json", DAYS[1], _dist("E1", "a.example.com", "https-only"))
    _write(tmp_path, "3.json", DAYS[2], _dist("E1", "a.example.com", "allow-all"))
    h = history(snapshot_paths([tmp_path]))
    assert "cloudfront.viewer_http_allowed" not in set(h.time_to_fix["check_id"])


def test_cli_formats_and_errors(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(folder), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "edgekit.history/1" and len(doc["trend"]) == 3
    out = folder / "out" / "trend.csv"
    assert main(["history", str(folder), "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("collected_at,snapshot")
    assert main(["history", str(folder)]) == 0
    assert "time to fix" in capsys.readouterr().out
    assert main(["history", str(folder / "c.json")]) == 2
    assert "at least two" in capsys.readouterr().err
    assert main(["history", str(folder / "missing.json"), str(folder)]) == 2
