"""The one golden-file helper of the suite.

``check(name, text, directory)`` compares ``text`` with the golden file. A missing golden fails
(it is never created silently). With ``EDGEKIT_UPDATE_GOLDENS=1`` the file is written **and the
test fails**, naming the file, when its content changed: a regeneration can never turn a run
green. Run the tests again without the variable after reviewing ``git diff``. A test that
checks several goldens rewrites all of them in one run and fails once at its end, naming them
(:func:`collecting`, wired around every test call in ``tests/conftest.py``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import pytest

ENV = "EDGEKIT_UPDATE_GOLDENS"
_REWRITTEN: ContextVar[list[Path] | None] = ContextVar("edgekit_goldens_rewritten", default=None)


@contextmanager
def collecting() -> Iterator[list[Path]]:
    """Within a test call: rewritten goldens are listed here, and the test fails at its end."""
    rewritten: list[Path] = []
    token = _REWRITTEN.set(rewritten)
    try:
        yield rewritten
    finally:
        _REWRITTEN.reset(token)


def updating() -> bool:
    """Whether goldens are being regenerated."""
    return os.environ.get(ENV) == "1"


def check(name: str, text: str, directory: Path) -> None:
    """Compare ``text`` with golden ``directory/name``; with ``ENV=1`` rewrite it and fail."""
    path = directory / name
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current == text:
        return
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        pending = _REWRITTEN.get()
        if pending is not None:
            pending.append(path)
            return
        pytest.fail(f"golden {path} was rewritten: review `git diff`, then run again without {ENV}")
    if current is None:
        pytest.fail(f"golden {path} is missing: regenerate with {ENV}=1 and review it")
    pytest.fail(
        f"{path} differs; if the change is intended, regenerate with {ENV}=1 and review the diff"
    )
