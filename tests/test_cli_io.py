"""Bad input and output paths in every command except collect/sandbox: one line, exit 2,
nothing written (issue #11 items 7 and 9)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from edgekit.cli import main

SAMPLE = Path(__file__).parent / "fixtures" / "snapshots" / "sample.json.gz"


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("edgekit: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "plain.txt"
    path.write_text("x")
    return path


FILE_OUTPUT = [
    ["scan", str(SAMPLE)],
    ["scan", str(SAMPLE), "--format", "json"],
    ["plan", str(SAMPLE)],
    ["plan", str(SAMPLE), "--format", "md"],
    ["lineage", str(SAMPLE)],
    ["lineage", str(SAMPLE), "--format", "csv"],
]


@pytest.mark.parametrize("args", FILE_OUTPUT, ids=lambda a: " ".join(a[:1] + a[2:]))
def test_output_file_that_is_a_folder(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "-o", str(tmp_path)]) == 2
    assert "is a folder" in _error(capsys)


@pytest.mark.parametrize("args", FILE_OUTPUT[:3], ids=lambda a: " ".join(a[:1] + a[2:]))
def test_output_file_under_a_file(
    args: list[str], a_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "-o", str(a_file / "out.txt")]) == 2
    assert "cannot write there" in _error(capsys)


@pytest.mark.parametrize("args", FILE_OUTPUT[:3], ids=lambda a: " ".join(a[:1] + a[2:]))
def test_empty_output_name(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*args, "-o", ""]) == 2
    assert "empty file name" in _error(capsys)


def test_unwritable_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(SAMPLE), "-o", "/proc/edgekit-findings.json"]) == 2
    _error(capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["diagram", str(SAMPLE), "--overview"],
        ["report", "edge_report", str(SAMPLE)],
        ["demo"],
    ],
    ids=lambda a: a[0],
)
def test_output_folder_that_is_a_file(
    argv: list[str], a_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "-o", str(a_file)]) == 2
    assert "is not a folder" in _error(capsys)
    assert a_file.read_text() == "x"


def test_suppress_file_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(SAMPLE), "--suppress", str(tmp_path)]) == 2
    assert "is a folder, not a suppression file" in _error(capsys)


def test_suppress_file_that_is_binary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "s.toml"
    binary.write_bytes(gzip.compress(b"[[suppress]]"))
    assert main(["scan", str(SAMPLE), "--suppress", str(binary)]) == 2
    assert "not UTF-8 text" in _error(capsys)


def test_table_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "findings.txt"
    assert main(["scan", str(SAMPLE), "-o", str(target)]) == 0
    assert "findings — snapshot" in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["findings.txt"]  # no temp file left


def test_report_on_a_snapshot_with_a_malformed_item_is_partial(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One unreadable item (issue 13): the rest is reported, the item is named, exit 3."""
    doc = json.loads(gzip.decompress(SAMPLE.read_bytes()))
    lbs = next(
        p for p in doc["payloads"] if p["collector"] == "elbv2" and p["data"]["load_balancers"]
    )
    lbs["data"]["load_balancers"][0] = {"Listeners": []}  # the model needs 'LoadBalancer'
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "out"
    code = main(["report", "edge_report", str(bad), "-o", str(out), "--quiet", "--no-html"])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "missing field 'LoadBalancer'" in err
    assert list((out / "reports").glob("*/edge_report.ipynb"))


def test_report_on_an_invalid_envelope_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "edgekit.snapshot/1", "gaps": ["x"]}), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "edge_report", str(bad), "-o", str(out)]) == 2
    _error(capsys)
    assert not out.exists()


def test_diagram_with_a_malformed_item_draws_the_rest_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads(gzip.decompress(SAMPLE.read_bytes()))
    lbs = next(
        p for p in doc["payloads"] if p["collector"] == "elbv2" and p["data"]["load_balancers"]
    )
    lbs["data"]["load_balancers"][0] = {"Listeners": []}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "pictures"
    argv = ["diagram", str(bad), "--entrypoint", "www.northwind.example", "--format", "svg"]
    code = main([*argv, "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "missing field 'LoadBalancer'" in err
    assert list(out.glob("*.svg"))
