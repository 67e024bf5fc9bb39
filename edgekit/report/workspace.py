"""A notebook workspace: clean copies of the bundled notebooks for a person to open and edit.

The bundled notebooks (``edgekit/report/notebooks/``) are templates that ``edgekit report`` runs;
opening them in JupyterLab would let its autosave rewrite them. :func:`copy_template` copies one
into a workspace folder (default ``./notebooks-work/``) without its outputs, and never replaces a
copy the user has edited unless asked to (``force``). :func:`lab_command` is the JupyterLab
command line that serves that folder (``edgekit notebook`` runs it).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from edgekit.errors import InputError
from edgekit.report.notebooks import bundled

DEFAULT_DIR: Final = Path("notebooks-work")
DEFAULT_PORT: Final = 8888


@dataclass(frozen=True)
class Copy:
    """Where the workspace copy is and what happened to it."""

    path: Path
    action: str
    """``created``, ``unchanged`` (same as the template), ``kept`` (edited: left alone) or
    ``replaced`` (edited, and ``force`` was given)."""


def clean(text: str) -> str:
    """A notebook's JSON without outputs, execution counts or papermill metadata."""
    doc = json.loads(text)
    for cell in doc.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
    doc.get("metadata", {}).pop("papermill", None)
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def copy_template(name: str, folder: str | os.PathLike[str], force: bool = False) -> Copy:
    """Copy the bundled notebook ``name`` into ``folder`` (see the module docstring)."""
    known = bundled()
    stem = name.removesuffix(".ipynb")
    if stem not in known:
        raise InputError(f"no bundled notebook {name!r} (one of: {', '.join(known) or 'none'})")
    text = clean(known[stem].read_text(encoding="utf-8"))
    target = Path(folder) / f"{stem}.ipynb"
    action = "created"
    if target.exists():
        if not target.is_file():
            raise InputError(f"{target}: exists and is not a file")
        if target.read_text(encoding="utf-8") == text:
            return Copy(target, "unchanged")
        if not force:
            return Copy(target, "kept")
        action = "replaced"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as err:
        raise InputError(f"{target}: cannot write ({err.strerror or err})") from None
    return Copy(target, action)


def running_as_root() -> bool:
    """True for the root user (JupyterLab then needs ``--allow-root``)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(
    folder: Path, notebook: str, token: str, port: int = DEFAULT_PORT, browser: bool = True
) -> list[str]:
    """The JupyterLab command serving ``folder`` and opening ``notebook`` in it."""
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={folder.resolve()}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the URL printed is the one served, or Lab stops
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--LabApp.default_url=/lab/tree/{notebook}",
    ]
    if not browser:
        cmd.append("--no-browser")
    if running_as_root():
        cmd.append("--allow-root")
    return cmd


def lab_url(notebook: str, token: str, port: int = DEFAULT_PORT) -> str:
    """The URL of ``notebook`` in the Lab :func:`lab_command` starts (with its token)."""
    return f"http://127.0.0.1:{port}/lab/tree/{notebook}?token={token}"
