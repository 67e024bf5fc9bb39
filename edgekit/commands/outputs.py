"""Where commands write: checked before any work, written atomically, one-line errors.

An output path that cannot be written (a folder given as ``-o FILE``, a file given as
``-o DIR``, a read-only place, an empty name) is refused before the command reads or computes
anything, with exit 2 and nothing written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from edgekit.errors import InputError


def _writable_parent(target: Path) -> Path:
    """The nearest existing ancestor of ``target``; an error unless it is a writable folder."""
    probe = target.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
        raise InputError(f"{target}: cannot write there ({probe} is not a writable folder)")
    return probe


def check_output_file(output: str | None) -> None:
    """``-o FILE`` can be written (nothing is created yet)."""
    if output is None:
        return
    if not output.strip():
        raise InputError("-o: empty file name")
    target = Path(output)
    if target.is_dir():
        raise InputError(f"{target}: is a folder (-o takes a file name here)")
    if target.exists() and not os.access(target, os.W_OK):
        raise InputError(f"{target}: file is not writable")
    _writable_parent(target)


def check_output_dir(output: str | None) -> None:
    """``-o DIR`` is, or can become, a writable folder (nothing is created yet)."""
    if output is None:
        return
    if not output.strip():
        raise InputError("-o: empty folder name")
    target = Path(output)
    if target.exists():
        if not target.is_dir():
            raise InputError(f"{target}: exists and is not a folder (-o takes a folder here)")
        if not os.access(target, os.W_OK | os.X_OK):
            raise InputError(f"{target}: folder is not writable")
        return
    _writable_parent(target)


def write_output(output: str, text: str) -> None:
    """Write ``text`` to ``output`` atomically (temp file, then rename); one-line errors."""
    target = Path(output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise InputError(f"{target}: cannot write ({err.strerror or err})") from None
