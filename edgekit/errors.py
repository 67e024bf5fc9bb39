"""Exceptions edgekit raises on purpose.

Every error a user can cause (bad input file, bad argument, refused operation) derives from
:class:`EdgekitError`; the CLI prints its message on one line and exits with code 2.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class EdgekitError(Exception):
    """Base class of errors edgekit reports to the user without a traceback."""


class InputError(EdgekitError):
    """A file or argument given by the user cannot be used (message names it and why)."""


class SnapshotError(InputError):
    """A snapshot file is unreadable, malformed, truncated or of an unsupported schema."""


class ReadOnlyError(EdgekitError):
    """An AWS operation outside the read-only allow-list was attempted; it was never sent."""


class CollectionError(EdgekitError):
    """A collection run could not start (no credentials, no reachable endpoint, ...)."""


class ModelError(InputError):
    """A payload lacks a field the model requires; the message names collector, resource, field."""


def close_matches(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The ``n`` choices closest to ``value``, best first (case-insensitive).

    Choices that start with ``value`` (``pay`` → ``pay.example.com``) come first, then those
    that contain it, shortest first; then :func:`difflib.get_close_matches` fills up the rest.
    """
    by_lower: dict[str, str] = {}
    for choice in choices:
        by_lower.setdefault(choice.lower(), choice)
    want = value.strip().lower()
    if not want:
        return []
    found = sorted(
        (c for c in by_lower if want in c and c != want),
        key=lambda c: (not c.startswith(want), len(c), c),
    )
    out = found[:n]
    if len(out) < n:
        for c in difflib.get_close_matches(want, list(by_lower), n=n, cutoff=0.6):
            if c not in out:
                out.append(c)
    return [by_lower[c] for c in out[:n]]


def did_you_mean(value: str, choices: Iterable[str], n: int = 3) -> str:
    """`` (did you mean a, b?)`` with the closest choices, or an empty string when none is
    close (the one suggestion helper for check ids, hostnames, proposal ids, parameters)."""
    close = close_matches(value, choices, n)
    return f" (did you mean {', '.join(close)}?)" if close else ""
