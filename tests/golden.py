"""The one golden-file helper of the suite.

``check(name, text, directory)`` compares ``text`` with the golden file. A missing golden fails
(it is never created silently). With ``EDGEKIT_UPDATE_GOLDENS=1`` the file is written **and the
test fails**, naming the file, when its content changed: a regeneration can never turn a run
green. Run the tests again without the variable after reviewing ``git diff``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ENV = "EDGEKIT_UPDATE_GOLDENS"


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
        pytest.fail(f"golden {path} was rewritten: review `git diff`, then run again without {ENV}")
    if current is None:
        pytest.fail(f"golden {path} is missing: regenerate with {ENV}=1 and review it")
    pytest.fail(
        f"{path} differs; if the change is intended, regenerate with {ENV}=1 and review the diff"
    )
