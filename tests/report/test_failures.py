"""A failing cell fails the run loudly, naming the cell; kernels are explicit."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from edgekit import cli
from edgekit.errors import InputError
from edgekit.report import ReportFailedError, run_report
from edgekit.report import run as rr
from tests.report.conftest import SAMPLE

PARAMETERS = (
    'snapshot: str = ""  # snapshot\nrun_dir: str = ""  # run\ndiagrams_dir: str = ""  # pictures'
)

pytestmark = pytest.mark.slow  # each module executes notebooks in a Jupyter kernel


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    params = new_code_cell(PARAMETERS)
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(
        cells=[
            params,
            new_code_cell("x = 1"),
            new_markdown_cell("## The broken section"),
            new_code_cell("total = x / 0"),
            new_code_cell("never = True"),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    path = tmp_path / "broken.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_failing_cell_fails_the_run_and_names_it(broken: Path, tmp_path: Path) -> None:
    with pytest.raises(ReportFailedError) as err:
        run_report(broken, SAMPLE, {}, tmp_path / "out", progress=False)
    text = str(err.value)
    assert "broken.ipynb" in text and "ZeroDivisionError" in text
    assert "section 'The broken section'" in text and "`total = x / 0`" in text
    kept = next((tmp_path / "out" / "reports").glob("*/broken.ipynb"))
    assert str(kept) in text
    assert not kept.with_suffix(".html").exists()


def test_the_cli_exits_1_on_a_failing_cell(broken: Path, tmp_path: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = cli.main(["report", str(broken), str(SAMPLE), "-o", str(tmp_path), "--quiet"])
    assert code == 1
    assert "report failed" in err.getvalue() and "ZeroDivisionError" in err.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "colour", "red"], "declares no such parameter"),
        (["-p", "top_n", "ten"], "'top_n' expects int, got 'ten'"),
        (["-p", "min_severity", "bogus"], "'min_severity' expects Literal['critical', 'high'"),
        (["-p", "top_n", "1", "-p", "top_n", "2"], "given twice"),
        (["-p", "snapshot", "x.json"], "set by edgekit report itself"),
    ],
)
def test_cli_parameter_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = cli.main(["report", "edge_report", str(SAMPLE), "-o", str(tmp_path), *args])
    assert code == 2
    assert message in err.getvalue()
    assert not (tmp_path / "reports").exists()


def test_kernel_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    from jupyter_client import kernelspec

    def specs(found: dict[str, str]) -> Any:
        return lambda self: found

    monkeypatch.setattr(
        kernelspec.KernelSpecManager, "find_kernel_specs", specs({"edgekit": "/k", "python3": "/p"})
    )
    assert rr.choose_kernel() == ("edgekit", None)
    monkeypatch.setattr(kernelspec.KernelSpecManager, "find_kernel_specs", specs({"python3": "/p"}))
    name, note = rr.choose_kernel()
    assert name == "python3" and note is not None and "ipykernel install" in note
    with pytest.raises(InputError, match="kernel 'nope' is not installed"):
        rr.choose_kernel("nope")
    monkeypatch.setattr(kernelspec.KernelSpecManager, "find_kernel_specs", specs({}))
    with pytest.raises(InputError, match="no Jupyter kernel"):
        rr.choose_kernel()
