"""``edgekit plan``: formats, output file, input errors (exit 2, one line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit import snapshot as snap
from edgekit.cli import main
from tests.plan.patterns import PATTERNS


@pytest.fixture
def snapshot_file(tmp_path: Path) -> Path:
    return snap.write(PATTERNS["alb_single_lambda"](), tmp_path / "s.json.gz")


def test_json_to_stdout(snapshot_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(snapshot_file), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "edgekit.proposals/1"
    assert doc["prices"]["source_date"] == "2026-11-28"
    assert [p["check_id"] for p in doc["proposals"]] == ["redundancy.alb_single_lambda"]
    assert doc["proposals"][0]["steps"][0]["order"] == 1


def test_markdown_to_a_file(snapshot_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "plans" / "plan.md"
    assert main(["plan", str(snapshot_file), "--format", "md", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Simplification plan") and "```hcl" in text and "```ts" in text
    assert "- [ ] " in text


def test_table(snapshot_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "table.txt"
    assert main(["plan", str(snapshot_file), "-o", str(out)]) == 0
    assert "alb_single_lambda" in out.read_text(encoding="utf-8")


def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["plan", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("edgekit: error:")
    with pytest.raises(SystemExit) as exc:
        main(["plan", str(bad), "--format", "pdf"])
    assert exc.value.code == 2
