"""Hostile names through every terminal, CSV and Markdown output of the CLI (issue #11 items 8
and 14): no crash, no restyling, no control sequence reaches the terminal, no formula reaches a
spreadsheet, no name breaks a Markdown table."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.escape.terminal import clean
from tests.hostile import FORMULA_HOST, HTML_HOST, SCRIPT_NAME, TERMINAL_NAME, write_hostile

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Anything but a line feed that a terminal would act on."""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_hostile(tmp_path_factory.mktemp("hostile") / "hostile.json")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


TABLES = [
    ["scan"],
    ["plan"],
    ["lineage"],
    ["lineage", "--entrypoint", HTML_HOST],
]


@pytest.mark.parametrize("args", TABLES, ids=lambda a: " ".join(a)[:30])
def test_terminal_tables_show_names_inert(
    hostile: Path,
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "2000")  # no folding: each name on one line
    code, out, err = _run([args[0], str(hostile), *args[1:]], capsys)
    assert code == 0, err
    assert not CONTROL.search(out + err)
    if args[0] != "scan":  # scan's messages name resources by ARN, not by name
        assert clean(TERMINAL_NAME) in out or clean(HTML_HOST) in out


def test_lineage_table_keeps_markup_literal(
    hostile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "2000")
    code, out, _ = _run(["lineage", str(hostile)], capsys)
    assert code == 0
    assert "nw-reports[/x][bold red]evil" in out  # shown as written, not parsed as rich markup


def test_table_to_a_file_is_clean(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    assert main(["plan", str(hostile), "-o", str(target)]) == 0
    assert not CONTROL.search(target.read_text(encoding="utf-8"))


def test_error_message_is_clean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "x\x1b[31m\u202e.json"
    code, _, err = _run(["scan", str(bad)], capsys)
    assert code == 2
    assert not CONTROL.search(err.rstrip("\n"))


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    "args",
    [["scan", "--format", "csv"], ["lineage", "--format", "csv"]],
    ids=lambda a: " ".join(a),
)
def test_csv_cells_never_start_a_formula(
    hostile: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run([args[0], str(hostile), *args[1:]], capsys)
    assert code == 0, err
    cells = _cells(out)
    assert not [c for c in cells if c.startswith(FORMULA)]
    if args[0] == "lineage":
        assert "'" + FORMULA_HOST in cells  # quoted, still readable


def test_lineage_csv_of_one_entrypoint(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        ["lineage", str(hostile), "--entrypoint", FORMULA_HOST, "--format", "csv"], capsys
    )
    assert code == 0
    assert not [c for c in _cells(out) if c.startswith(FORMULA)]


def test_plan_markdown_tables_keep_their_columns(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import mistune

    code, out, _ = _run(["plan", str(hostile), "--format", "md"], capsys)
    assert code == 0
    rendered = str(mistune.create_markdown(plugins=["table"])(out))
    assert "<script" not in rendered and "<img" not in rendered
    assert 'href="javascript:' not in rendered
    header = out.split("\n| # |", 1)[1].split("\n\n", 1)[0]
    rows = [r for r in header.splitlines() if r.startswith("| ")]
    widths = {len(re.split(r"(?<!\\)\|", r)) for r in rows}
    assert widths == {8}, widths  # 6 columns (+2 empty ends) on every row, pipes escaped
    assert SCRIPT_NAME in __import__("html").unescape(rendered)
