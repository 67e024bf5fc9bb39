"""What a comparison finds: a deviation, or a requirement that could not be evaluated."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Deviation:
    """One concrete way an entrypoint differs from a pattern."""

    key: str
    """``path`` or ``section.key``."""
    where: str
    """The behavior, origin or load balancer concerned (``distribution`` for the whole)."""
    message: str
    expected: tuple[str, ...]
    actual: str


@dataclass(frozen=True, slots=True)
class UnknownItem:
    """A requirement that could not be evaluated, and why."""

    key: str
    where: str
    reason: str
