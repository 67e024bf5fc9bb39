"""Result files written ahead of the kernel (issue 16, speed): the run folder's lock, the
kernel's report waiting for and reading the files, failures reported, not lost.

Proven by what is observed: whether the check runner ran (it raises when patched out), the
files' inode and modification time (a rewrite changes them), the order in which two reports
got the lock.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from filelock import Timeout

from edgekit import snapshot as snap
from edgekit.model import parse
from edgekit.report import ahead, cache
from edgekit.report import run as report_run
from edgekit.report.data import Report
from edgekit.report.notebooks import find_notebook
from edgekit.rules import runner
from tests.report.conftest import SAMPLE


def _inputs(run_dir: Path, suppress_file: Path | None = None) -> ahead.Inputs:
    loaded = snap.load(SAMPLE)
    return ahead.Inputs(loaded, parse(loaded), SAMPLE, run_dir, run_dir / "pictures", suppress_file)


def _no_scan(*_: Any, **__: Any) -> Any:
    raise AssertionError("the check runner ran although the result files were written ahead")


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_ino, st.st_mtime_ns


def test_a_report_opened_after_the_files_were_written_ahead_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_dir = tmp_path / "run"
    with ahead.results_ahead(_inputs(run_dir)) as outcome:
        pass
    assert outcome.error is None and outcome.seconds is not None
    written = {n: _stamp(run_dir / n) for n in (*cache_names(), cache.MANIFEST)}
    reference = Report.open(SAMPLE, tmp_path / "reference")
    _ = reference.scan, reference.proposals
    monkeypatch.setattr(runner, "run", _no_scan)
    rep = Report.open(SAMPLE, run_dir, run_dir / "pictures")
    assert [f.sort_key() for f in rep.findings] == [f.sort_key() for f in reference.findings]
    assert rep.proposals == reference.proposals
    assert {n: _stamp(run_dir / n) for n in written} == written  # read, not rewritten
    for name in cache_names():  # and what was written ahead is what the kernel writes
        assert (run_dir / name).read_bytes() == (tmp_path / "reference" / name).read_bytes()


def cache_names() -> tuple[str, ...]:
    from edgekit.report.results import NAMES

    return NAMES


def test_the_kernels_report_waits_while_the_files_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report asking for the scan while the folder is locked gets it only after the
    writer released the lock, and then reads the files (the runner is patched out)."""
    run_dir = tmp_path / "run"
    rep = Report.open(SAMPLE, run_dir)
    writer = Report.open(SAMPLE, run_dir)
    lock = cache.folder_lock(run_dir)
    lock.acquire()
    events: list[str] = []

    def read() -> None:
        _ = rep.scan
        events.append("read")

    reader = threading.Thread(target=read)
    real_run = runner.run
    monkeypatch.setattr(runner, "run", _no_scan)
    reader.start()
    time.sleep(0.5)
    assert events == []  # waiting on the lock, not scanning
    monkeypatch.setattr(runner, "run", real_run)
    writer.write_results()
    monkeypatch.setattr(runner, "run", _no_scan)
    events.append("written")
    lock.release()
    reader.join(timeout=30)
    assert events == ["written", "read"]
    assert len(rep.findings) == len(writer.findings) > 0
    assert "lineages" in vars(rep)  # computed while it waited (the sections need them)


def test_work_while_waiting_runs_only_when_another_holds_the_lock(tmp_path: Path) -> None:
    calls: list[str] = []
    with cache.locked(tmp_path, while_waiting=lambda: calls.append("free")):
        pass
    assert calls == []
    holder = cache.folder_lock(tmp_path)
    holder.acquire()
    threading.Timer(0.3, holder.release).start()
    with cache.locked(tmp_path, while_waiting=lambda: calls.append("busy")):
        assert not holder.is_locked
    assert calls == ["busy"]


def test_a_failure_ahead_is_a_note_and_releases_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Report) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Report, "write_results", broken)
    with ahead.results_ahead(_inputs(tmp_path / "run")) as outcome:
        pass
    assert outcome.seconds is None
    assert outcome.error is not None and "No space left on device" in outcome.error
    assert outcome.notes == [
        f"the result files could not be written ahead of the kernel ({outcome.error}); "
        "the notebook computed them"
    ]
    monkeypatch.undo()
    rep = Report.open(SAMPLE, tmp_path / "run")  # the lock is free: this computes the files
    assert rep.findings and (tmp_path / "run" / cache.MANIFEST).is_file()


def test_the_files_are_complete_when_the_body_raised(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with pytest.raises(RuntimeError), ahead.results_ahead(_inputs(run_dir)):
        raise RuntimeError("a cell failed")
    assert cache.valid(run_dir, Report.open(SAMPLE, tmp_path / "other")._cache_key)


def test_ctrl_c_stops_the_writer_and_leaves_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(self: Report) -> Any:
        time.sleep(60)
        raise AssertionError("the writer outlived Ctrl-C")

    monkeypatch.setattr(Report, "write_results", slow)
    began = time.monotonic()
    with pytest.raises(KeyboardInterrupt), ahead.results_ahead(_inputs(tmp_path / "run")):
        raise KeyboardInterrupt
    assert time.monotonic() - began < 30  # left at once, not after the writer's minute
    deadline = time.monotonic() + 10
    while _writers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _writers() == []  # stopped, not left running
    assert not (tmp_path / "run" / cache.MANIFEST).exists()
    lock = cache.folder_lock(tmp_path / "run")
    lock.acquire(timeout=5)  # the dead writer's lock was released by the OS
    lock.release()


def _writers() -> list[str]:
    return [p.name for p in multiprocessing.active_children() if p.name == ahead.WORKER_NAME]


def test_the_files_are_written_by_another_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer is a forked child, so the parent's papermill client is never kept waiting
    for the interpreter while the scan runs; what it wrote is visible to the parent."""
    real = Report.write_results
    witness = tmp_path / "writer.pid"

    def recorded(self: Report) -> Any:
        witness.write_text(str(os.getpid()), encoding="utf-8")
        return real(self)

    monkeypatch.setattr(Report, "write_results", recorded)
    # the child took the lock before the body (the kernel) runs
    with ahead.results_ahead(_inputs(tmp_path / "run")) as outcome, pytest.raises(Timeout):
        cache.folder_lock(tmp_path / "run").acquire(blocking=False)
    assert outcome.error is None and outcome.seconds is not None and outcome.seconds > 0
    assert int(witness.read_text(encoding="utf-8")) != os.getpid()
    assert (tmp_path / "run" / cache.MANIFEST).is_file()


def test_a_writer_that_dies_is_a_note_and_the_notebook_computes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(self: Report) -> Any:
        os._exit(9)

    monkeypatch.setattr(Report, "write_results", killed)
    with ahead.results_ahead(_inputs(tmp_path / "run")) as outcome:
        pass
    assert outcome.error == "the writer process ended with exit code 9"
    assert outcome.notes == [
        "the result files could not be written ahead of the kernel (the writer process ended "
        "with exit code 9); the notebook computed them"
    ]
    monkeypatch.undo()
    rep = Report.open(SAMPLE, tmp_path / "run")  # the OS released the lock: this computes
    assert rep.findings and (tmp_path / "run" / cache.MANIFEST).is_file()


def test_a_folder_another_process_writes_is_left_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another edgekit holding the run folder's lock: nothing is written ahead (the runner
    would raise), the run says so, and the kernel's report waits for that process."""
    run_dir = tmp_path / "run"
    holder = cache.folder_lock(run_dir)
    holder.acquire()
    monkeypatch.setattr(runner, "run", _no_scan)
    try:
        with ahead.results_ahead(_inputs(run_dir)) as outcome:
            pass
    finally:
        holder.release()
    assert outcome.error is None and outcome.seconds is None
    assert outcome.notes == [
        "another process was writing this run folder's result files; the notebook waited for them"
    ]
    assert not (run_dir / cache.MANIFEST).exists()


def test_without_fork_nothing_is_written_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no fork: the run goes on and the kernel computes the files itself."""
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert not ahead.can_write_ahead()
    with ahead.results_ahead(_inputs(tmp_path / "run")) as outcome:
        free = cache.folder_lock(tmp_path / "run")
        free.acquire(blocking=False)  # nobody holds it: the kernel computes the files
        free.release()
    assert (outcome.seconds, outcome.error, outcome.notes) == (None, None, [])
    assert not (tmp_path / "run" / cache.MANIFEST).exists()


def test_a_suppression_file_is_part_of_what_is_written_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the notebook's suppression file, the kernel's report finds the files valid for
    its own key (suppressions and the day they were judged on) and does not scan again."""
    rules = tmp_path / "accepted.toml"
    rules.write_text(
        '[[suppress]]\ncheck = "cloudfront.*"\nreason = "accepted"\nuntil = 2999-01-01\n',
        encoding="utf-8",
    )
    run_dir = tmp_path / "run"
    with ahead.results_ahead(_inputs(run_dir, rules)) as outcome:
        pass
    assert outcome.error is None
    monkeypatch.setattr(runner, "run", _no_scan)
    rep = Report.open(SAMPLE, run_dir, run_dir / "pictures", rules)
    assert rep.applied.suppressed
    assert not [f for f in rep.findings if f.check_id.startswith("cloudfront.")]


def test_the_planners_note_is_the_same_read_back_as_computed(tmp_path: Path) -> None:
    """The note comes from ``proposals.json``'s errors, so a report that reads the files
    (the kernel, after ``edgekit report`` wrote them) shows it as the writer would have."""
    from edgekit.report import results

    errors = [{"check_id": "redundancy.b", "resource": "r", "error": "x"}] * 2
    note = results.planner_note({"errors": errors})
    assert note == "the planner could not build 2 proposal(s) (redundancy.b)"
    assert results.planner_note({"errors": []}) is None
    _ = Report.open(SAMPLE, tmp_path / "run").scan
    path = tmp_path / "run" / cache.PROPOSALS
    assert results.planner_note(cache.read_json(path)) is None  # the sample plans cleanly
    doc = cache.read_json(path)
    path.write_text(json.dumps({**doc, "errors": errors}), encoding="utf-8")
    read_back = Report.open(SAMPLE, tmp_path / "run")
    assert note not in read_back.notes
    _ = read_back.scan
    assert note in read_back.notes


def test_edgekit_report_writes_the_files_and_the_kernel_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_aws: None
) -> None:
    """End to end: the files the writer process left are the ones the run leaves (the kernel,
    which would rewrite them if it scanned, did not)."""
    witness = tmp_path / "stamps.json"
    real = Report.write_results

    def spy(self: Report) -> Any:  # runs in the forked writer, not in the kernel
        result = real(self)
        names = (*cache_names(), cache.MANIFEST)
        witness.write_text(json.dumps({n: _stamp(self.run_dir / n) for n in names}), "utf-8")
        return result

    monkeypatch.setattr(Report, "write_results", spy)
    result = report_run.run_report("explore", SAMPLE, {"hostname": None}, tmp_path, progress=False)
    stamps = json.loads(witness.read_text(encoding="utf-8"))
    assert stamps, "edge report notebooks declare reads_results: the files are written ahead"
    assert {n: list(_stamp(result.run_dir / n)) for n in stamps} == stamps


def test_only_notebooks_that_read_the_result_files_get_them_ahead() -> None:
    flagged = {
        name: report_run.reads_results(find_notebook(name))
        for name in ("edge_report", "explore", "migration_review", "conformance")
    }
    assert flagged == {
        "edge_report": True,
        "explore": True,
        "migration_review": True,
        "conformance": False,  # its report never scans: computing the files would be waste
    }


def test_the_lock_is_released_when_its_holder_dies(tmp_path: Path) -> None:
    """A writer killed while holding the lock does not block the next run (flock)."""
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child holds the lock and dies
        cache.folder_lock(run_dir).acquire()
        os._exit(0)
    os.waitpid(pid, 0)
    lock = cache.folder_lock(run_dir)
    lock.acquire(timeout=5)  # raises filelock.Timeout if the dead holder still held it
    lock.release()


def test_an_estate_built_to_check_a_parameter_is_shared_with_the_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``edgekit report`` that built the estate (to check ``-p hostname``) hands it to the
    forked writer, which does not build another; without one, the writer builds it."""
    from edgekit.graph import Estate

    witness = tmp_path / "built.txt"
    real = Estate.__init__

    def counted(self: Estate, *args: Any, **kwargs: Any) -> None:
        with witness.open("a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        real(self, *args, **kwargs)

    monkeypatch.setattr(Estate, "__init__", counted)
    inputs = _inputs(tmp_path / "shared")
    prebuilt = Estate(inputs.model, inputs.snapshot)
    shared = dataclasses.replace(inputs, estate=prebuilt)
    with ahead.results_ahead(shared) as outcome:
        pass
    assert outcome.error is None
    assert witness.read_text(encoding="utf-8").split() == [str(os.getpid())]  # only ours
    with ahead.results_ahead(_inputs(tmp_path / "own")) as outcome:
        pass
    builders = witness.read_text(encoding="utf-8").split()
    assert len(builders) == 2 and builders[1] != str(os.getpid())  # the writer built one
