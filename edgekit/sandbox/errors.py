"""Errors of the sandbox (a local endpoint and its seed estates)."""

from __future__ import annotations

from edgekit.errors import EdgekitError


class SandboxError(EdgekitError):
    """The sandbox refused or failed an operation (e.g. seeding a non-local endpoint)."""
