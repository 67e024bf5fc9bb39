"""Graphviz processes side by side: each picture's ``dot`` is its own process, so drawing many
pictures takes the machine's cores without Python threads (issue 16: a report's overviews and
entrypoint pictures are independent).

:func:`run_all` starts at most ``workers`` commands at once, starts the next as one ends, and
says which failed (exit status and Graphviz's last lines of error output); the rest run on.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Final

from edgekit.errors import EdgekitError

NOT_FOUND: Final = "Graphviz 'dot' not found: install Graphviz (e.g. apt-get install graphviz)"
POLL_SECONDS: Final = 0.005
"""How long to wait on the oldest running process before looking at the others again."""
MESSAGE_LINES: Final = 5
"""Last lines of a failed process's error output kept in its message."""

Running = dict[int, tuple["subprocess.Popen[bytes]", IO[bytes]]]


def run_all(commands: Sequence[Sequence[str]], cwd: Path, workers: int) -> dict[int, str]:
    """Run every command in ``cwd``, at most ``workers`` at once (standard output discarded,
    error output kept for the message); ``{index: message}`` of the commands that failed.

    A missing program is an :class:`~edgekit.errors.EdgekitError` (nothing else is started);
    processes still running when anything raises are killed.
    """
    pending = deque(enumerate(commands))
    running: Running = {}
    failed: dict[int, str] = {}
    try:
        while pending or running:
            while pending and len(running) < max(1, workers):
                index, command = pending.popleft()
                running[index] = _start(command, cwd)
            index = _next_done(running)
            proc, err = running.pop(index)
            with err:
                if proc.returncode:
                    failed[index] = _message(proc.returncode, err)
    finally:
        for proc, err in running.values():
            proc.kill()
            proc.wait()
            err.close()
    return failed


def _start(command: Sequence[str], cwd: Path) -> tuple[subprocess.Popen[bytes], IO[bytes]]:
    err = tempfile.TemporaryFile()  # noqa: SIM115 (closed by run_all once the process ends)
    try:
        proc = subprocess.Popen(
            list(command),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    except FileNotFoundError:
        err.close()
        raise EdgekitError(NOT_FOUND) from None
    except BaseException:
        err.close()
        raise
    return proc, err


def _next_done(running: Running) -> int:
    """The index of a process that has ended (waiting for one if none has)."""
    while True:
        for index, (proc, _) in running.items():
            if proc.poll() is not None:
                return index
        oldest = next(iter(running.values()))[0]
        try:
            oldest.wait(POLL_SECONDS)
        except subprocess.TimeoutExpired:
            continue


def _message(status: int, err: IO[bytes]) -> str:
    err.seek(0)
    lines = err.read().decode("utf-8", "replace").strip().splitlines()
    tail = " / ".join(line.strip() for line in lines[-MESSAGE_LINES:] if line.strip())
    return f"exit status {status}" + (f": {tail}" if tail else "")
