"""moto is an extra: without it ``edgekit sandbox`` / ``demo`` fail with one line naming it."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from edgekit.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("argv", [["sandbox", "--port", "0"], ["demo", "-o", "ignored"]])
def test_missing_moto_is_one_clear_line(
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setitem(sys.modules, "moto", None)  # `import moto` now raises ImportError
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'edgekit[sandbox]'" in err
    assert not (tmp_path / "ignored").exists()


def test_packaging_metadata() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = meta["project"]
    assert project["license"] == "Apache-2.0"  # an SPDX expression, not the deprecated table
    assert not any(d.startswith("moto") for d in project["dependencies"])
    assert project["optional-dependencies"]["sandbox"] == ["moto[server]==5.2.5"]
    assert "dev,sandbox" in (ROOT / "Makefile").read_text(encoding="utf-8")
