"""The parameters cell: parsing, strict validation, command-line values — all before execution."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from edgekit.errors import InputError
from edgekit.report import params as prm
from edgekit.report import run as rr
from tests.report.conftest import RICH, SAMPLE


def _notebook(*sources: str, tags: tuple[str, ...] = ("parameters",)) -> Any:
    cells = [new_code_cell(s) for s in sources]
    if cells:
        cells[0].metadata["tags"] = list(tags)
    return new_notebook(cells=cells)


def test_bundled_parameters_are_typed_and_commented() -> None:
    spec = rr.declared_parameters("edge_report")
    assert spec["min_severity"].choices == ("critical", "high", "medium", "low", "info")
    explore = rr.declared_parameters("explore")
    assert explore["area"].optional and "redundancy" in explore["area"].choices
    assert list(spec)[:2] == ["snapshot", "previous_snapshot"]
    assert spec["previous_snapshot"].annotation == "str | None"
    assert spec["top_n"].type_name == "int" and spec["top_n"].default == 10
    assert all(p.help for p in spec.values())
    assert not any(p.required for p in spec.values())
    review = rr.declared_parameters("migration_review")
    assert review["target"].required and not review["snapshot"].required


def test_unknown_missing_and_wrong_types_are_one_clear_error() -> None:
    spec = rr.declared_parameters("migration_review")
    with pytest.raises(prm.ParameterError) as err:
        prm.validate(spec, {"colour": "red", "run_dir": 3}, "migration_review.ipynb")
    text = str(err.value)
    assert "unknown parameter(s) colour" in text
    assert "missing required parameter(s) target" in text
    assert "'run_dir' expects str, got int 3" in text
    assert "declared: snapshot: str, target: str" in text


@pytest.mark.parametrize(
    ("annotation", "value", "ok"),
    [
        ("int", True, False),  # a bool is not an int
        ("int", 2.5, False),
        ("float", 2, True),  # an int is a float
        ("bool", 1, False),
        ("str", None, False),
        ("str | None", None, True),
        ("Optional[int]", None, True),
        ('Literal["a", "b"]', "a", True),
        ('Literal["a", "b"]', "c", False),
        ('Literal["a", "b"] | None', None, True),
        ("Literal[1, 2]", 2, True),
        ("Literal[1, 2]", "1", False),
    ],
)
def test_types(annotation: str, value: Any, ok: bool) -> None:
    nb = _notebook(f"x: {annotation} = None  # help")
    spec = prm.declared(nb)
    if ok:
        assert prm.validate(spec, {"x": value}) == {"x": value}
    else:
        with pytest.raises(prm.ParameterError, match="x"):
            prm.validate(spec, {"x": value})


@pytest.mark.parametrize(
    ("annotation", "text", "expected"),
    [
        ("int", "12", 12),
        ("float", "0.5", 0.5),
        ("bool", "yes", True),
        ("bool", "False", False),
        ("str", " keep spaces ", " keep spaces "),
        ("str | None", "none", None),
        ("str", "none", "none"),
        ('Literal["high", "low"]', "low", "low"),
        ("Literal[5, 10]", "10", 10),
    ],
)
def test_command_line_values(annotation: str, text: str, expected: Any) -> None:
    spec = prm.declared(_notebook(f"x: {annotation} = None"))
    assert spec["x"].parse(text) == expected


@pytest.mark.parametrize(
    ("annotation", "text"),
    [("int", "1.5"), ("bool", "maybe"), ("float", "nan"), ('Literal["high", "low"]', "bogus")],
)
def test_bad_command_line_values(annotation: str, text: str) -> None:
    spec = prm.declared(_notebook(f"x: {annotation} = None"))
    with pytest.raises(prm.ParameterError, match=r"'x' expects " + re.escape(spec["x"].annotation)):
        spec["x"].parse(text)


@pytest.mark.parametrize(
    ("cells", "tags", "message"),
    [
        (("x = 1",), ("other",), "no code cell tagged 'parameters'"),
        (("x = 1",), ("parameters",), "expected `name: type = value"),
        (("x: list = []",), ("parameters",), "is not one of str, int, float, bool"),
        (("x: Literal[1, 'a'] = 1",), ("parameters",), "Literal"),
        (("import os",), ("parameters",), "expected `name: type = value"),
        (("x: int",), ("parameters",), "has no default value"),
        (("x: int = 'a'",), ("parameters",), "expects int"),
        (("x: int = f()",), ("parameters",), "default is not a literal"),
        (("x: int = (",), ("parameters",), "not valid Python"),
    ],
)
def test_malformed_parameters_cells(
    cells: tuple[str, ...], tags: tuple[str, ...], message: str
) -> None:
    with pytest.raises(prm.ParameterError, match=message):
        prm.declared(_notebook(*cells, tags=tags))


def test_two_parameters_cells() -> None:
    nb = _notebook("x: int = 1", "y: int = 2")
    nb.cells[1].metadata["tags"] = ["parameters"]
    with pytest.raises(prm.ParameterError, match="2 code cells tagged"):
        prm.declared(nb)


def test_comment_is_the_help_and_hash_in_strings_is_kept() -> None:
    spec = prm.declared(_notebook('x: str = "a # b"  # the help'))
    assert spec["x"].default == "a # b" and spec["x"].help == "the help"


def test_prepare_resolves_paths_and_refuses_reserved_names(tmp_path: Path) -> None:
    _, _, values = rr.prepare("edge_report", SAMPLE, {"previous_snapshot": str(RICH)})
    assert values["previous_snapshot"] == str(RICH.resolve())
    with pytest.raises(InputError, match="no such file"):
        rr.prepare("edge_report", SAMPLE, {"previous_snapshot": str(tmp_path / "gone.json")})
    with pytest.raises(InputError, match="no such file"):
        rr.prepare("edge_report", tmp_path / "missing.json", {})
    with pytest.raises(prm.ParameterError, match="run_dir set by edgekit report itself"):
        rr.prepare("edge_report", SAMPLE, {"run_dir": "x"})
    with pytest.raises(InputError, match="bundled name"):
        rr.prepare("no_such_notebook", SAMPLE, {})


def test_history_dir_is_an_existing_folder(tmp_path: Path) -> None:
    spec = rr.declared_parameters("edge_report")
    assert spec["history_dir"].annotation == "str | None" and spec["history_dir"].help
    assert spec["history_dir"].default is None and not spec["history_dir"].required
    _, _, values = rr.prepare("edge_report", SAMPLE, {"history_dir": str(tmp_path)})
    assert values["history_dir"] == str(tmp_path.resolve())
    with pytest.raises(InputError, match="parameter 'history_dir': no such folder"):
        rr.prepare("edge_report", SAMPLE, {"history_dir": str(tmp_path / "gone")})
    with pytest.raises(InputError, match="no such folder"):
        rr.prepare("edge_report", SAMPLE, {"history_dir": str(SAMPLE)})  # a file
    with pytest.raises(
        prm.ParameterError, match=re.escape("'history_dir' expects str | None, got int 3")
    ):
        prm.validate(spec, {"history_dir": 3})
    assert rr.prepare("edge_report", SAMPLE, {"history_dir": None})[2]["history_dir"] is None


def test_errors_come_before_any_execution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import papermill

    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("papermill must not run")

    monkeypatch.setattr(papermill, "execute_notebook", refuse)
    for given in ({"colour": "red"}, {"top_n": "10"}):
        with pytest.raises(prm.ParameterError):
            rr.run_report("edge_report", SAMPLE, given, tmp_path)
    with pytest.raises(prm.ParameterError, match="missing required parameter"):
        rr.run_report("migration_review", SAMPLE, {}, tmp_path)
    assert not (tmp_path / "reports").exists()


def test_notebook_must_declare_the_managed_parameters(tmp_path: Path) -> None:
    path = tmp_path / "bare.ipynb"
    nbformat.write(_notebook('snapshot: str = ""'), path)
    with pytest.raises(prm.ParameterError, match="must declare run_dir, diagrams_dir"):
        rr.prepare(path, SAMPLE, {})


def test_run_id_is_deterministic_and_timestamp_optional(tmp_path: Path) -> None:
    import datetime as dt

    from edgekit import snapshot as snap

    loaded = snap.load(SAMPLE)
    nb = rr.find_notebook("edge_report")
    one = rr.run_id(loaded, SAMPLE, nb, {"top_n": 5})
    assert one == rr.run_id(loaded, SAMPLE, nb, {"top_n": 5})
    assert one != rr.run_id(loaded, SAMPLE, nb, {"top_n": 6})
    assert "-edge_report-" in one
    when = dt.datetime(2026, 3, 1, 6, 0, tzinfo=dt.UTC)
    assert rr.run_id(loaded, SAMPLE, nb, {"top_n": 5}, when) == f"{one}-at-20260301T060000Z"


def test_default_snapshot_is_the_demo_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import shutil

    from edgekit.report import data

    name = Path("snapshots") / "report-test-only.json.gz"
    monkeypatch.setattr(data, "DEMO_SNAPSHOT", name)
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    with pytest.raises(InputError, match="run `make demo`"):
        data.demo_snapshot()
    (tmp_path / "snapshots").mkdir()
    shutil.copy(SAMPLE, tmp_path / name)
    assert data.demo_snapshot() == (tmp_path / name).resolve()


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["-p", "top_n", "-5"], "parameter 'top_n' must be in [1..1000], got -5"),
        (["-p", "top_n", "0"], "must be in [1..1000], got 0"),
        (["-p", "max_rows", "99999999"], "parameter 'max_rows' must be in [1..10000]"),
        (["-p", "max_diagrams", "-1"], "parameter 'max_diagrams' must be in [0..100]"),
    ],
)
def test_numeric_parameters_are_bounded(
    argv: list[str], fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from edgekit.cli import main

    assert main(["report", "edge_report", str(SAMPLE), "-o", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_numeric_parameter_without_a_range_is_not_negative() -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("n: int = 3  # a count\nratio: float = 0.5  # [-1..1]")
    cell.metadata["tags"] = ["parameters"]
    nb.cells.append(cell)
    spec = prm.declared(nb)
    with pytest.raises(prm.ParameterError, match=r"must be in \[0\.\.\], got -1"):
        spec["n"].parse("-1")
    assert spec["ratio"].parse("-0.5") == -0.5
    with pytest.raises(prm.ParameterError, match=r"\[-1\.\.1\]"):
        spec["ratio"].parse("2")


def test_unknown_parameter_suggests_the_declared_name() -> None:
    spec = rr.declared_parameters("edge_report")
    with pytest.raises(
        prm.ParameterError, match=r"unknown parameter\(s\) top_m \(did you mean top_n"
    ):
        prm.validate(spec, {"top_m": 5}, "edge_report.ipynb")
