"""``edgekit notebook [NAME] [-o DIR]``: a clean copy of a bundled notebook, opened in JupyterLab.

The bundled notebooks are templates (``edgekit report`` runs them): this copies one into a
workspace (default ``./notebooks-work/``), keeps a copy the user edited unless ``--force``, and
starts JupyterLab serving that folder only, with a fresh token printed with the URL.
``--print-only`` copies and prints the command without starting anything.
"""

from __future__ import annotations

import argparse
import secrets
import shlex
import subprocess
import sys

from edgekit.commands.outputs import check_output_dir
from edgekit.report.notebooks import bundled

PORTS = range(1, 65536)
"""TCP ports JupyterLab can be asked to listen on."""


def _port(value: str) -> int:
    """A TCP port number, 1 to 65535 (argparse type: a usage error otherwise)."""
    try:
        port = int(value)
    except ValueError:
        port = 0
    if port not in PORTS:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {value!r}")
    return port


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit notebook``."""
    names = ", ".join(bundled())
    p.add_argument("name", nargs="?", default="explore", help=f"bundled notebook: {names}")
    p.add_argument(
        "-o", "--output-dir", default="notebooks-work", help="workspace folder (made if missing)"
    )
    p.add_argument("--force", action="store_true", help="replace an edited copy with the template")
    p.add_argument(
        "--port", type=_port, default=8888, help="JupyterLab's port, 1-65535 (default 8888)"
    )
    p.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    p.add_argument(
        "--print-only",
        "--no-start",
        action="store_true",
        help="copy the notebook and print the JupyterLab command, start nothing",
    )


def run(args: argparse.Namespace) -> int:
    """Copy the template, then start JupyterLab (or print how to)."""
    from pathlib import Path

    from edgekit.report.workspace import copy_template, lab_command, lab_url

    check_output_dir(args.output_dir)  # a file, an empty name: exit 2 before anything is copied
    copy = copy_template(args.name, args.output_dir, args.force)
    notes = {
        "created": "copied the template",
        "unchanged": "already there, same as the template",
        "kept": "kept your edited copy (--force replaces it with the template)",
        "replaced": "replaced your edited copy with the template (--force)",
    }
    print(f"edgekit: {copy.path}: {notes[copy.action]}", file=sys.stderr)
    token = secrets.token_hex(24)
    folder = Path(args.output_dir)
    cmd = lab_command(folder, copy.path.name, token, args.port, browser=not args.no_browser)
    url = lab_url(copy.path.name, token, args.port)
    if args.print_only:
        print(shlex.join(cmd))
        print(url)
        return 0
    print(f"edgekit: JupyterLab on {url}  (Ctrl-C stops it)", file=sys.stderr)
    try:
        return subprocess.call(cmd)
    except KeyboardInterrupt:
        return 130
