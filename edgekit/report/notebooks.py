"""Where the bundled notebooks live, and resolving a ``NOTEBOOK`` argument to a file.

The notebooks ship inside the package (``edgekit/report/notebooks/*.ipynb``, package data), so
``edgekit report edge_report ...`` works after any install, editable or not. They are templates,
never opened for editing: ``edgekit notebook NAME`` copies one into a workspace folder
(:mod:`edgekit.report.workspace`) and opens JupyterLab there.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from edgekit.errors import InputError

BUNDLED_DIR: Final = Path(__file__).resolve().parent / "notebooks"
SUFFIX: Final = ".ipynb"


def bundled() -> dict[str, Path]:
    """Bundled notebook name (``edge_report``) → file, sorted by name."""
    if not BUNDLED_DIR.is_dir():
        return {}
    return {p.stem: p for p in sorted(BUNDLED_DIR.glob(f"*{SUFFIX}"))}


def find_notebook(notebook: str | os.PathLike[str]) -> Path:
    """A notebook file: an existing path, or a bundled name (``edge_report`` or
    ``edge_report.ipynb``). A clear :class:`InputError` names the bundled ones otherwise."""
    path = Path(notebook)
    if path.is_file():
        if path.suffix != SUFFIX:
            raise InputError(f"{path}: not a notebook (expected a {SUFFIX} file)")
        return path.resolve()
    known = bundled()
    name = path.name.removesuffix(SUFFIX)
    if len(path.parts) == 1 and name in known:
        return known[name]
    names = ", ".join(known) or "none"
    raise InputError(f"no notebook {str(notebook)!r}: not a file, nor a bundled name ({names})")
