"""edgekit's papermill engine: the same executed notebook as papermill's own engine, written far
less often, and at once when a cell fails."""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import papermill as pm
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from papermill.engines import papermill_engines
from papermill.exceptions import PapermillExecutionError

from edgekit.report import engine
from edgekit.report import run as rr

PARAMETERS = 'snapshot = ""'
CELLS = 12
"""Cells of the test notebook; papermill adds one (the injected parameters)."""


def _notebook(tmp_path: Path, *, failing: bool = False) -> Path:
    params = new_code_cell(PARAMETERS)
    params.metadata["tags"] = ["parameters"]
    cells = [
        params,
        new_markdown_cell("## A section"),
        new_code_cell("from IPython.display import Markdown, display\nx = 2"),
        new_code_cell("print('stdout', x)"),
        new_code_cell("display(Markdown(f'**{x}**'))"),
        new_code_cell("import sys\nprint('stderr', file=sys.stderr)\nx * 21"),
        *(new_code_cell(f"y{i} = {i}") for i in range(CELLS - 6)),
    ]
    if failing:
        cells.insert(4, new_code_cell("total = x / 0"))
    nb = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    path = tmp_path / ("failing.ipynb" if failing else "plain.ipynb")
    nbformat.write(nb, path)
    return path


class Writes:
    """Every notebook papermill's execution manager writes: (path, notebook copy)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.notebooks: list[tuple[str, Any]] = []
        import papermill.engines as engines

        real = engines.write_ipynb

        def record(nb: Any, path: str) -> None:
            self.notebooks.append((path, copy.deepcopy(nb)))
            real(nb, path)

        monkeypatch.setattr(engines, "write_ipynb", record)


def _execute(source: Path, output: Path, engine_name: str | None, **kw: Any) -> Any:
    kernel, _ = rr.choose_kernel()
    return pm.execute_notebook(
        str(source),
        str(output),
        parameters={"snapshot": "x"},
        engine_name=engine_name,
        kernel_name=kernel,
        language="python",
        **kw,
    )


def _comparable(nb: Any) -> Any:
    """The notebook without what differs between any two runs: times, and the id papermill
    draws for the injected parameters cell."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # nbclient's iopub times
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.pop("id")
    for meta in [nb.metadata, *(c.metadata for c in nb.cells)]:
        for key in ("start_time", "end_time", "duration", "input_path", "output_path"):
            meta.get("papermill", {}).pop(key, None)
    return nb


def test_registered_by_entry_point() -> None:
    assert papermill_engines.get_engine(engine.NAME) is engine.ThrottledEngine


@pytest.mark.parametrize(
    "imports",
    [
        "import edgekit.report.engine as e\nimport papermill",
        "import papermill\nimport edgekit.report.engine as e",
    ],
)
def test_registered_whichever_is_imported_first(imports: str) -> None:
    """papermill loads its entry points on its first import: also when this module causes it."""
    check = "from papermill.engines import papermill_engines as p\n"
    check += "assert p.get_engine('edgekit') is e.ThrottledEngine\n"
    subprocess.run([sys.executable, "-c", imports + "\n" + check], check=True, timeout=120)


@pytest.mark.slow  # notebooks run in a Jupyter kernel
def test_same_notebook_as_papermills_engine_with_two_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    source = _notebook(tmp_path)
    ours, theirs = tmp_path / "ours.ipynb", tmp_path / "theirs.ipynb"
    writes = Writes(monkeypatch)
    _execute(source, theirs, None, progress_bar=False)
    executed = CELLS + 1  # with the injected parameters
    assert len(writes.notebooks) == 2 + 2 * executed  # papermill: start, each cell twice, end
    writes.notebooks.clear()
    monkeypatch.setattr(engine.ThrottledEngine, "save_every", 3600.0)
    _execute(source, ours, engine.NAME, progress_bar=True)
    assert [p for p, _ in writes.notebooks] == [str(ours)] * 2  # start and end only
    progress = capfd.readouterr().err
    assert "Executing" in progress and f"{executed}/{executed}" in progress
    mine, reference = (nbformat.read(p, as_version=4) for p in (ours, theirs))
    assert [len(c.get("outputs", ())) for c in mine.cells[4:7]] == [1, 1, 2]
    assert _comparable(mine) == _comparable(reference)
    assert writes.notebooks[-1][1].metadata["papermill"]["end_time"] is not None


@pytest.mark.slow
def test_a_failing_cell_is_written_at_once_with_its_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _notebook(tmp_path, failing=True)
    output = tmp_path / "out.ipynb"
    writes = Writes(monkeypatch)
    monkeypatch.setattr(engine.ThrottledEngine, "save_every", 3600.0)
    with pytest.raises(PapermillExecutionError, match="ZeroDivisionError"):
        _execute(source, output, engine.NAME, progress_bar=False)
    first_failure = next(
        nb for _, nb in writes.notebooks if nb.metadata["papermill"].get("exception")
    )
    assert first_failure.metadata["papermill"]["end_time"] is None  # before the notebook's end
    failed = first_failure.cells[5]  # after the injected parameters
    assert failed.outputs[-1]["ename"] == "ZeroDivisionError"
    assert failed.metadata["papermill"]["status"] == "failed"
    assert len(writes.notebooks) <= 4  # start, the failure, the end, papermill's error banner
    kept = nbformat.read(output, as_version=4)
    assert rr._failed_cell(kept) is not None


class Clock:
    """A manager's clock that the test moves."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.mark.parametrize("every", [0.0, 5.0, 3600.0])
def test_routine_writes_are_spaced_by_save_every(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, every: float
) -> None:
    nb = nbformat.read(_notebook(tmp_path), as_version=4)
    nb.metadata["papermill"] = nbformat.from_dict({})
    writes = Writes(monkeypatch)
    clock = Clock()
    manager = engine.ThrottledExecutionManager(
        nb, output_path=str(tmp_path / "o.ipynb"), progress_bar=False, save_every=every
    )
    monkeypatch.setattr(manager, "now", clock)
    manager.notebook_start()
    for index, cell in enumerate(nb.cells):  # one second per cell
        manager.cell_start(cell, index)
        clock.advance(1.0)
        manager.cell_complete(cell, index)
    manager.notebook_complete()
    boundaries = {0.0: 2 * CELLS, 5.0: CELLS // 5, 3600.0: 0}[every]
    assert len(writes.notebooks) == 2 + boundaries
    assert writes.notebooks[-1][1].metadata["papermill"]["end_time"] is not None


@pytest.mark.slow
@pytest.mark.parametrize(("engine_name", "frozen"), [(engine.NAME, True), (None, False)])
def test_the_kernel_freezes_its_heap_and_still_exits_gracefully(
    tmp_path: Path, engine_name: str | None, frozen: bool
) -> None:
    """The kernel's atexit hooks still run (a graceful shutdown), after ``gc.freeze()``."""
    report = tmp_path / "at_exit.txt"
    hook = new_code_cell(
        "import atexit, gc\n"
        "held = [[i] for i in range(1000)]\n"
        f"atexit.register(lambda: open({str(report)!r}, 'w').write(str(gc.get_freeze_count())))"
    )
    nb = new_notebook(
        cells=[hook],
        metadata={"kernelspec": {"name": "python3", "display_name": "P", "language": "python"}},
    )
    source = tmp_path / "hook.ipynb"
    nbformat.write(nb, source)
    kernel, _ = rr.choose_kernel()
    pm.execute_notebook(
        str(source),
        str(tmp_path / "out.ipynb"),
        engine_name=engine_name,
        kernel_name=kernel,
        progress_bar=False,
    )
    count = int(report.read_text())
    assert (count > 1000) if frozen else (count == 0)


@pytest.mark.slow
@pytest.mark.parametrize(("engine_name", "frozen"), [(engine.NAME, True), (None, False)])
def test_each_cell_runs_with_the_heap_of_the_cells_before_frozen(
    tmp_path: Path, engine_name: str | None, frozen: bool
) -> None:
    """After each code cell the kernel freezes what it holds: a later cell's collector passes
    skip the report built before it (the notebook itself is unchanged: silent requests)."""
    nb = new_notebook(
        cells=[
            new_code_cell("import gc\nheld = [[i] for i in range(1000)]"),
            new_markdown_cell("text between"),
            new_code_cell("print(gc.get_freeze_count())"),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "P", "language": "python"}},
    )
    source = tmp_path / "cells.ipynb"
    nbformat.write(nb, source)
    out = _execute(source, tmp_path / "out.ipynb", engine_name, progress_bar=False)
    count = int(out.cells[-1].outputs[0]["text"])
    assert (count > 1000) if frozen else (count == 0)
    counts = [c.execution_count for c in out.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))  # the freezes took no execution count


@pytest.mark.slow
@pytest.mark.parametrize(("engine_name", "interrupted"), [(engine.NAME, False), (None, True)])
def test_the_kernel_exits_on_request_without_an_interrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine_name: str | None, interrupted: bool
) -> None:
    """jupyter_client's shutdown interrupts the kernel first, which can land in its last
    request and print "KeyboardInterrupt caught in kernel"; edgekit's engine asks the kernel
    to exit and never sends that signal (papermill's engine, the control, does)."""
    from jupyter_client.manager import KernelManager

    signals: list[str] = []
    real = KernelManager._async_interrupt_kernel

    async def spy(self: KernelManager) -> None:
        signals.append("interrupt")
        await real(self)

    monkeypatch.setattr(KernelManager, "_async_interrupt_kernel", spy)
    _execute(_notebook(tmp_path), tmp_path / "out.ipynb", engine_name, progress_bar=False)
    assert bool(signals) is interrupted
