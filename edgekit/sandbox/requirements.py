"""The sandbox's optional dependencies (the ``edgekit[sandbox]`` extra) and a clear error."""

from __future__ import annotations

import importlib

from edgekit.errors import InputError

EXTRA = "sandbox"


def require_sandbox(command: str) -> None:
    """Raise a one-line :class:`InputError` naming the extra when moto is not installed."""
    try:
        importlib.import_module("moto")
    except ImportError:
        raise InputError(
            f"edgekit {command} needs the sandbox dependencies (moto): "
            f"pip install 'edgekit[{EXTRA}]'"
        ) from None
