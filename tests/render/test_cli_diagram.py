"""``edgekit diagram``: pictures written where asked, paths printed, bad input exits 2."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.render.common import run_id
from tests.render.helpers import RICH, rich


def test_one_entrypoint_svg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "diagram",
            str(RICH),
            "--entrypoint",
            "www.example.com",
            "-o",
            str(tmp_path),
            "--format",
            "svg",
        ]
    )
    out = capsys.readouterr().out.split()
    assert code == 0
    assert [Path(p).name for p in out] == ["www-example-com.svg", "index.json"]
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert index["pictures"][0]["subject"] == "www.example.com"


def test_overview_only_default_folder_is_the_run_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["diagram", str(RICH), "--overview", "--format", "png"]) == 0
    out = capsys.readouterr().out.split()
    snapshot = rich().snapshot
    assert snapshot is not None
    folder = Path("diagrams") / run_id(snapshot)
    assert out == [str(folder / "overview-111111111111.png"), str(folder / "index.json")]
    assert (tmp_path / out[0]).is_file()


def test_all_entrypoints_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["diagram", str(RICH), "-o", str(tmp_path), "--format", "svg", "--max-pictures", "2"]
    )
    captured = capsys.readouterr()
    assert code == 0
    names = [Path(p).name for p in captured.out.split()]
    assert names == [
        "wildcard-example-com.svg",
        "a1b2c3d4e5-execute-api-us-east-1-amazonaws-com.svg",
        "overview-111111111111.svg",
        "index.json",
    ]
    assert "drew 2 of 19 entrypoint pictures" in captured.err


def _run(argv: list[str]) -> int:
    """The exit code of the CLI, usage errors (argparse's SystemExit) included."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--entrypoint", "nowhere.example.org"], "unknown entrypoint"),
        (["--format", "gif"], "unknown format"),
        (["--max-pictures", "-3"], "not a count"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run(["diagram", str(RICH), "-o", str(tmp_path / "out"), *argv])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_missing_snapshot_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagram", os.devnull + "-missing.json"]) == 2
    assert "no such snapshot" in capsys.readouterr().err
