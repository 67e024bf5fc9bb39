"""Exceptions edgekit raises on purpose.

Every error a user can cause (bad input file, bad argument, refused operation) derives from
:class:`EdgekitError`; the CLI prints its message on one line and exits with code 2.
"""

from __future__ import annotations


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
