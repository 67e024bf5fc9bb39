"""``edgekit lineage``: formats, output files, exit 2 on bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.graph import Estate

RICH = str(Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "rich.json")


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps tables to the terminal width; keep rows on one line for the assertions."""
    monkeypatch.setenv("COLUMNS", "300")


def test_table_default(capsys: pytest.CaptureFixture[str]) -> None:
    frame = Estate.load(RICH).entrypoints()
    assert main(["lineage", RICH]) == 0
    out = capsys.readouterr().out
    assert "public entrypoints" in out and "www.example.com" in out
    assert f"{len(frame)} entrypoints, {frame['unresolved'].sum()} with an unresolved path" in out


def test_json_entrypoints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", RICH, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "edgekit.entrypoints/1"
    assert doc["snapshot"]["collected_at"] == "2026-02-01T12:00:00Z"
    hosts = [e["hostname"] for e in doc["entrypoints"]]
    assert hosts == sorted(hosts) and "api.example.com" in hosts
    api = next(e for e in doc["entrypoints"] if e["hostname"] == "api.example.com")
    assert api["hops"] == 2 and api["unresolved"] is False and api["web_acls"] == "alb-acl"


def test_csv_entrypoints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", RICH, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(Estate.load(RICH).entrypoints())
    assert rows[0]["hostname"] == "*.example.com"
    assert set(rows[0]) >= {"hostname", "entry_kind", "origin_chain", "hops", "unresolved"}


def test_one_entrypoint_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", RICH, "--entrypoint", "app.example.com"]) == 0
    out = capsys.readouterr().out
    assert "lineage of app.example.com" in out and "VPC origin (private)" in out
    assert main(["lineage", RICH, "--entrypoint", "app.example.com", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "edgekit.lineage/1" and doc["entry"] == "cloudfront:E3VPCORIGIN"
    assert [h["kind"] for h in doc["hops"]][:3] == ["distribution", "behavior", "origin"]
    assert main(["lineage", RICH, "--entrypoint", "app.example.com", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["node"] == "cloudfront:E3VPCORIGIN" and len(rows) == len(doc["hops"])


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sub" / "entry.json"
    assert main(["lineage", RICH, "--format", "json", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["entrypoints"]
    table = tmp_path / "table.txt"
    assert main(["lineage", RICH, "--entrypoint", "www.example.com", "-o", str(table)]) == 0
    text = table.read_text(encoding="utf-8")
    assert "E1MAINDIST" in text and "\x1b[" not in text
    # byte-stable across runs
    again = tmp_path / "again.json"
    assert main(["lineage", RICH, "--format", "json", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_unknown_entrypoint_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", RICH, "--entrypoint", "nope.example.com"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "edgekit: error: unknown entrypoint 'nope.example.com': no such hostname, ARN, name or "
        "node (did you mean old.example.com, geo.example.com, app.example.com?)\n"
    )


@pytest.mark.parametrize("content", ["{", '{"schema": "other/1"}', "[]"])
def test_bad_snapshot_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["lineage", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("edgekit: error: ") and err.count("\n") == 1


def test_missing_snapshot_and_bad_format_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lineage", "/nonexistent/snap.json"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(SystemExit) as exc:
        main(["lineage", RICH, "--format", "xml"])
    assert exc.value.code == 2


def test_console_script() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "edgekit.cli", "lineage", RICH, "--entrypoint", "x.invalid"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
