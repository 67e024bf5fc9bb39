"""What one report run wrote (:class:`RunResult`): shared by the runner and the run index."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class RunResult:
    """What one report run wrote."""

    run_id: str
    notebook: Path
    """The executed notebook (``reports/<run-id>/<name>.ipynb``)."""
    html: Path | None
    """Its HTML export without code cells (None with ``html=False``)."""
    run_dir: Path
    diagrams_dir: Path
    kernel: str
    parameters: dict[str, Any]
    seconds: float
    notes: list[str] = field(default_factory=list)
    """What the user should know (a kernel fallback)."""
    model_errors: list[str] = field(default_factory=list)
    """Items of the snapshot the model could not read (left out; the report is partial)."""
